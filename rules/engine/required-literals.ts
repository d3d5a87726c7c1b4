// Owns the literal gate's anchors: which plain strings must occur in any text a pattern can match,
// and how far from the start of a match each one can sit.
//
// A small parser for the regex subset rule patterns use. For each pattern it finds a set of literal
// strings such that every match of the pattern contains at least one of them (for "free (air ?)?
// tickets?|paid flights?" that is {"ticket" at 5-9 units from the start, "paid flight" at 0}). Patterns
// run only on texts where the gate found one of their anchors, and only at the starts those offsets
// allow (uBlock's token idea, Hyperscan's literal-then-verify).

/** An anchor and the range of its distance (in UTF-16 units) from the start of a match. */
export interface Anchor {
  text: string;
  minOffset: number;
  maxOffset: number;
  /** Nothing is consumed before the anchor (it begins every match it is in) or after it (it ends it). */
  atStart?: boolean;
  atEnd?: boolean;
}

/**
 * The characters a match can begin with: a bit per ASCII code, and whether any other character can
 * (a superset is always safe). Lets the engine skip most candidate starts without running the regex.
 */
export interface FirstChars {
  ascii: Uint32Array; // 4 words: codes 0-127
  other: boolean;
}

const anyChar = (): FirstChars => ({ ascii: Uint32Array.of(~0, ~0, ~0, ~0), other: true });
export const noChar = (): FirstChars => ({ ascii: new Uint32Array(4), other: false });
/** Whether a character (a UTF-16 unit) is in the set. */
export function inFirstChars(set: FirstChars, code: number): boolean {
  return code < 128 ? ((set.ascii[code >>> 5] >>> (code & 31)) & 1) === 1 : set.other;
}
export function addCode(set: FirstChars, code: number): void {
  if (code < 128) set.ascii[code >>> 5] |= 1 << (code & 31);
  else set.other = true;
}
function addRange(set: FirstChars, from: number, to: number): void {
  for (let code = from; code <= Math.min(to, 127); code++) addCode(set, code);
  if (to >= 128) set.other = true;
}
function union(a: FirstChars, b: FirstChars): FirstChars {
  return { ascii: a.ascii.map((word, i) => word | b.ascii[i]), other: a.other || b.other };
}
const ASCII_SPACES = [9, 10, 11, 12, 13, 32];

interface Atom {
  literal: string | null; // a single literal character, or null for classes, escapes like \s, groups
  requirements: Anchor[][]; // for groups: anchor sets the group requires (one of each set), offsets from the group's start
  min: number; // repetitions
  max: number;
  minLength: number; // length of one repetition
  maxLength: number;
  /** Like maxLength, but counting what look-arounds inspect: the context a match needs around it. */
  maxSpan: number;
  zeroWidth?: boolean; // assertions (\b, ^, $, look-arounds) consume nothing and keep a literal run going
  first: FirstChars; // what one repetition can begin with
  empty: boolean; // one repetition can match the empty string
}

interface Parsed {
  /** Anchor sets every match needs one anchor of each (a conjunction of alternatives); best first. */
  requirements: Anchor[][];
  first: FirstChars;
  empty: boolean;
  minLength: number;
  maxLength: number;
  maxSpan: number;
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'p', 'P', 'k']);
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

const usable = (run: string, minLength: number) => [...run].length >= minLength || (run.length > 0 && !/[a-z0-9\s]/.test(run));

/**
 * One pass over a pattern: its anchors (see requiredLiterals) and `maxSpan`, an upper bound on the
 * text a match and its look-arounds can cover (Infinity for `*`, `+`, `{n,}`). With the bound, a
 * pattern only needs checking near the places where the gate saw its anchor.
 */
export function analysePattern(
  source: string,
  minLength = 2,
  /** How common an anchor set is expected to be (lower is better); without it, longer anchors are preferred. */
  cost?: (set: Anchor[]) => number,
): { anchors: Anchor[] | null; requirements: Anchor[][]; maxSpan: number; first: FirstChars } {
  let pos = 0;

  function parseAlternation(): Parsed {
    const branches: Parsed[] = [parseSequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(parseSequence());
    }
    if (branches.length === 1) return branches[0];
    // An alternation requires one anchor out of each branch's best set: one merged set.
    const requirements = branches.some((b) => b.requirements.length === 0) ? [] : [dedupe(branches.flatMap((b) => b.requirements[0]))];
    return {
      requirements,
      first: branches.map((b) => b.first).reduce(union),
      empty: branches.some((b) => b.empty),
      minLength: Math.min(...branches.map((b) => b.minLength)),
      maxLength: Math.max(...branches.map((b) => b.maxLength)),
      maxSpan: Math.max(...branches.map((b) => b.maxSpan)),
    };
  }

  function parseSequence(): Parsed {
    const atoms: Atom[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const atom = parseAtom();
      applyQuantifier(atom);
      atoms.push(atom);
    }
    return bestOf(atoms);
  }

  function applyQuantifier(atom: Atom) {
    const ch = source[pos];
    let min = 1;
    let max = 1;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      pos += m[0].length - 1;
    } else return;
    pos++;
    if (source[pos] === '?') pos++; // lazy
    atom.min = min;
    atom.max = max;
    if (min === 0) atom.empty = true;
    if (!(min === 1 && max === 1)) atom.literal = null;
  }

  function parseAtom(): Atom {
    const one = (literal: string | null, length = 1, maxLength = length, first?: FirstChars): Atom => {
      if (!first) {
        first = literal === null ? anyChar() : noChar();
        if (literal !== null) addCode(first, literal.charCodeAt(0));
      }
      return { literal, requirements: [], min: 1, max: 1, minLength: length, maxLength, maxSpan: maxLength, first, empty: false };
    };
    const assertion = (maxSpan = 0): Atom => ({ literal: null, requirements: [], min: 1, max: 1, minLength: 0, maxLength: 0, maxSpan, zeroWidth: true, first: noChar(), empty: true });
    const ch = source[pos];
    if (ch === '(') {
      pos++;
      let lookaround = false;
      if (source[pos] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(pos));
        if (!m) throw new Error(`unsupported group at ${pos}`);
        lookaround = m[0] === '?=' || m[0] === '?!' || m[0] === '?<=' || m[0] === '?<!';
        pos += m[0].length;
      }
      const inner = parseAlternation();
      if (source[pos] !== ')') throw new Error(`unclosed group in ${source}`);
      pos++;
      // A look-around consumes nothing and is not required text; it is neutral in a sequence.
      if (lookaround) return assertion(inner.maxSpan);
      return { literal: null, requirements: inner.requirements, min: 1, max: 1, minLength: inner.minLength, maxLength: inner.maxLength, maxSpan: inner.maxSpan, first: inner.first, empty: inner.empty };
    }
    if (ch === '[') {
      pos++;
      const negated = source[pos] === '^';
      if (negated) pos++;
      const bodyStart = pos;
      if (source[pos] === ']') pos++;
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      const body = source.slice(bodyStart, pos);
      pos++;
      return one(null, 1, 2, negated ? anyChar() : classFirst(body)); // a class may match an astral character (two units)
    }
    if (ch === '\\') {
      const next = source[pos + 1];
      if (next === 'b' || next === 'B') {
        pos += 2;
        return assertion();
      }
      if (CLASS_ESCAPES.has(next)) {
        pos += 2;
        if ((next === 'p' || next === 'P' || next === 'k') && (source[pos] === '{' || source[pos] === '<')) {
          pos = source.indexOf(next === 'k' ? '>' : '}', pos) + 1;
        }
        return one(null, 1, 2, escapeFirst(next));
      }
      if (next === 'u') {
        const m = /^\\u(\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(source.slice(pos));
        if (m) {
          pos += m[0].length;
          const char = String.fromCodePoint(parseInt(m[2] ?? m[3], 16));
          return one(char, char.length);
        }
      }
      if (next === 'x') {
        const m = /^\\x([0-9a-fA-F]{2})/.exec(source.slice(pos));
        if (m) {
          pos += 4;
          return one(String.fromCharCode(parseInt(m[1], 16)));
        }
      }
      if (/\d/.test(next) && next !== '0') {
        pos += 2; // back-reference: unknown length
        return { literal: null, requirements: [], min: 1, max: 1, minLength: 0, maxLength: Infinity, maxSpan: Infinity, first: anyChar(), empty: true };
      }
      pos += 2;
      return one(SIMPLE_ESCAPES[next] ?? next);
    }
    if (ch === '.') {
      pos++;
      return one(null, 1, 2);
    }
    if (ch === '^' || ch === '$') {
      pos++;
      return assertion();
    }
    const cp = source.codePointAt(pos)!;
    const char = String.fromCodePoint(cp);
    pos += char.length;
    return one(char, char.length);
  }

  /** The best anchor set a sequence offers (its longest literal run, or a required group's anchors), with offsets. */
  function bestOf(atoms: Atom[]): Parsed {
    const candidates: Anchor[][] = [];
    let run = '';
    let runAt: [number, number] = [0, 0];
    let at: [number, number] = [0, 0]; // offset range of the next atom's start
    let span = 0;
    const consuming = atoms.map((atom, i) => (atom.zeroWidth ? -1 : i)).filter((i) => i >= 0);
    const firstConsuming = consuming[0] ?? -1;
    const lastConsuming = consuming[consuming.length - 1] ?? -1;
    let runStart = -1; // index of the run's first atom
    const flush = (endIndex: number) => {
      if (usable(run, minLength)) {
        candidates.push([{ text: run, minOffset: runAt[0], maxOffset: runAt[1], atStart: runStart === firstConsuming, atEnd: endIndex === lastConsuming }]);
      }
      run = '';
    };
    let previous = -1; // index of the last consuming atom seen
    atoms.forEach((atom, i) => {
      span += atom.maxSpan * atom.max;
      if (atom.zeroWidth) return;
      if (atom.literal !== null && atom.min === 1 && atom.max === 1) {
        if (!run) {
          runAt = [at[0], at[1]];
          runStart = i;
        }
        run += atom.literal;
      } else {
        if (run) flush(previous);
        if (atom.min >= 1) {
          const once = atom.max === 1;
          for (const set of atom.requirements) {
            candidates.push(
              set.map((a) => ({
                text: a.text,
                minOffset: a.minOffset + at[0],
                maxOffset: a.maxOffset + at[1],
                atStart: once && i === firstConsuming && a.atStart === true,
                atEnd: once && i === lastConsuming && a.atEnd === true,
              })),
            );
          }
        }
      }
      previous = i;
      at = [at[0] + atom.minLength * atom.min, at[1] + atom.maxLength * atom.max];
    });
    if (run) flush(previous);
    // A match begins with the first atom that cannot be empty, or with any optional one before it.
    let first = noChar();
    let empty = true;
    for (const atom of atoms) {
      if (atom.zeroWidth) continue;
      first = union(first, atom.first);
      if (!atom.empty) {
        empty = false;
        break;
      }
    }
    const minLength_ = at[0];
    const maxLength_ = at[1];
    // Prefer the least common set (with `cost`); else the set whose shortest anchor is longest (fewer
    // false gate hits); then one that sits at a fixed offset (verification is then one check); then
    // the smaller set. Stable: ties keep text order.
    const quality = (set: Anchor[]) =>
      Math.min(...set.map((a) => [...a.text].length)) * 1000 - (set.some((a) => a.maxOffset !== a.minOffset) ? 500 : 0) - set.length;
    const requirements = candidates
      .map((set, i) => ({ set, c: cost ? cost(set) : 0, q: quality(set), i }))
      .sort((a, b) => a.c - b.c || b.q - a.q || a.i - b.i)
      .map((c) => c.set);
    return { requirements, first, empty, minLength: minLength_, maxLength: maxLength_, maxSpan: span };
  }

  const result = parseAlternation();
  if (pos !== source.length) throw new Error(`unexpected ')' at ${pos} in ${source}`);
  return { anchors: result.requirements[0] ?? null, requirements: result.requirements, maxSpan: result.maxSpan, first: result.empty ? anyChar() : result.first };
}

/** The first characters a class escape (\\d, \\s, ...) can match. */
function escapeFirst(letter: string): FirstChars {
  const set = noChar();
  if (letter === 'd') addRange(set, 48, 57);
  else if (letter === 's') {
    for (const code of ASCII_SPACES) addCode(set, code);
    set.other = true;
  } else return anyChar();
  return set;
}

/** The characters a class body (between [ and ]) can match, as a superset. */
function classFirst(body: string): FirstChars {
  const set = noChar();
  const codes: Array<number | FirstChars> = [];
  for (let i = 0; i < body.length; ) {
    if (body[i] === '\\') {
      const next = body[i + 1];
      const unicode = /^\\u(\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(body.slice(i));
      const hex = /^\\x([0-9a-fA-F]{2})/.exec(body.slice(i));
      if (unicode) {
        codes.push(parseInt(unicode[2] ?? unicode[3], 16));
        i += unicode[0].length;
      } else if (hex) {
        codes.push(parseInt(hex[1], 16));
        i += 4;
      } else if (CLASS_ESCAPES.has(next)) {
        codes.push(escapeFirst(next));
        i += 2;
        if ((next === 'p' || next === 'P') && body[i] === '{') i = body.indexOf('}', i) + 1;
      } else {
        // An escaped character stands for itself; kept as a set so "\\-" never reads as a range.
        const escaped = noChar();
        addCode(escaped, (SIMPLE_ESCAPES[next] ?? next).codePointAt(0)!);
        codes.push(escaped);
        i += 2;
      }
    } else {
      const cp = body.codePointAt(i)!;
      codes.push(cp);
      i += cp > 0xffff ? 2 : 1;
    }
  }
  // "a-z": a code, a dash and a code make a range (a dash at either end stands for itself).
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k];
    if (typeof code !== 'number') {
      Object.assign(set, union(set, code));
      continue;
    }
    const dash = codes[k + 1];
    const to = codes[k + 2];
    if (dash === 45 && typeof to === 'number' && to >= code) {
      addRange(set, code, to);
      k += 2;
    } else addCode(set, code);
  }
  return set;
}

function dedupe(anchors: Anchor[]): Anchor[] {
  const byText = new Map<string, Anchor>();
  for (const a of anchors) {
    const seen = byText.get(a.text);
    if (!seen) byText.set(a.text, { ...a });
    else {
      seen.minOffset = Math.min(seen.minOffset, a.minOffset);
      seen.maxOffset = Math.max(seen.maxOffset, a.maxOffset);
      seen.atStart &&= a.atStart;
      seen.atEnd &&= a.atEnd;
    }
  }
  return [...byText.values()];
}

/**
 * The anchor strings of a pattern, or null if some match need not contain a usable literal: one of
 * `minLength` characters or more, or a single symbol or ideograph such as "$", "₹" or "薪".
 */
export function requiredLiterals(source: string, minLength = 2): string[] | null {
  const anchors = analysePattern(source, minLength).anchors;
  return anchors && [...new Set(anchors.map((a) => a.text))];
}
