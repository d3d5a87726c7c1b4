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
}

interface Atom {
  literal: string | null; // a single literal character, or null for classes, escapes like \s, groups
  anchors: Anchor[] | null; // for groups: what the group requires, offsets from the group's start
  min: number; // repetitions
  max: number;
  minLength: number; // length of one repetition
  maxLength: number;
  /** Like maxLength, but counting what look-arounds inspect: the context a match needs around it. */
  maxSpan: number;
  zeroWidth?: boolean; // assertions (\b, ^, $, look-arounds) consume nothing and keep a literal run going
}

interface Parsed {
  anchors: Anchor[] | null;
  minLength: number;
  maxLength: number;
  maxSpan: number;
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'p', 'P', 'k']);
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

const usable = (run: string, minLength: number) => [...run].length >= minLength || (run.length > 0 && !/[a-z0-9\s]/.test(run));

/**
 * Returns anchors with offsets for a regex source, or null if some match need not contain a usable
 * literal: one of `minLength` characters or more, or a single symbol or ideograph such as "$", "₹" or "薪".
 */
export function requiredAnchors(source: string, minLength = 2): Anchor[] | null {
  return analysePattern(source, minLength).anchors;
}

/**
 * One pass over a pattern: its anchors (see requiredAnchors) and `maxSpan`, an upper bound on the
 * text a match and its look-arounds can cover (Infinity for `*`, `+`, `{n,}`). With the bound, a
 * pattern only needs checking near the places where the gate saw its anchor.
 */
export function analysePattern(source: string, minLength = 2): { anchors: Anchor[] | null; maxSpan: number } {
  let pos = 0;

  function parseAlternation(): Parsed {
    const branches: Parsed[] = [parseSequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(parseSequence());
    }
    const anchors = branches.some((b) => b.anchors === null) ? null : dedupe(branches.flatMap((b) => b.anchors!));
    return {
      anchors,
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
    if (!(min === 1 && max === 1)) atom.literal = null;
  }

  function parseAtom(): Atom {
    const one = (literal: string | null, length = 1, maxLength = length): Atom => ({ literal, anchors: null, min: 1, max: 1, minLength: length, maxLength, maxSpan: maxLength });
    const assertion = (maxSpan = 0): Atom => ({ literal: null, anchors: null, min: 1, max: 1, minLength: 0, maxLength: 0, maxSpan, zeroWidth: true });
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
      return { literal: null, anchors: inner.anchors, min: 1, max: 1, minLength: inner.minLength, maxLength: inner.maxLength, maxSpan: inner.maxSpan };
    }
    if (ch === '[') {
      pos++;
      if (source[pos] === '^') pos++;
      if (source[pos] === ']') pos++;
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      pos++;
      return one(null, 1, 2); // a class may match an astral character (two units)
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
        return one(null, 1, 2);
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
        return { literal: null, anchors: null, min: 1, max: 1, minLength: 0, maxLength: Infinity, maxSpan: Infinity };
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
    const flush = () => {
      if (usable(run, minLength)) candidates.push([{ text: run, minOffset: runAt[0], maxOffset: runAt[1] }]);
      run = '';
    };
    for (const atom of atoms) {
      span += atom.maxSpan * atom.max;
      if (atom.zeroWidth) continue;
      if (atom.literal !== null && atom.min === 1 && atom.max === 1) {
        if (!run) runAt = [at[0], at[1]];
        run += atom.literal;
      } else {
        flush();
        if (atom.min >= 1 && atom.anchors) {
          candidates.push(atom.anchors.map((a) => ({ text: a.text, minOffset: a.minOffset + at[0], maxOffset: a.maxOffset + at[1] })));
        }
      }
      at = [at[0] + atom.minLength * atom.min, at[1] + atom.maxLength * atom.max];
    }
    flush();
    const minLength_ = at[0];
    const maxLength_ = at[1];
    if (candidates.length === 0) return { anchors: null, minLength: minLength_, maxLength: maxLength_, maxSpan: span };
    // Prefer the set whose shortest anchor is longest (fewer false gate hits); then one that sits at a
    // fixed offset (verification is then one check); then the smaller set.
    const quality = (set: Anchor[]) =>
      Math.min(...set.map((a) => [...a.text].length)) * 1000 - (set.some((a) => a.maxOffset !== a.minOffset) ? 500 : 0) - set.length;
    const best = candidates.reduce((a, b) => (quality(b) > quality(a) ? b : a));
    return { anchors: best, minLength: minLength_, maxLength: maxLength_, maxSpan: span };
  }

  const result = parseAlternation();
  if (pos !== source.length) throw new Error(`unexpected ')' at ${pos} in ${source}`);
  return { anchors: result.anchors, maxSpan: result.maxSpan };
}

function dedupe(anchors: Anchor[]): Anchor[] {
  const byText = new Map<string, Anchor>();
  for (const a of anchors) {
    const seen = byText.get(a.text);
    if (!seen) byText.set(a.text, { ...a });
    else {
      seen.minOffset = Math.min(seen.minOffset, a.minOffset);
      seen.maxOffset = Math.max(seen.maxOffset, a.maxOffset);
    }
  }
  return [...byText.values()];
}

/** The anchor strings of a pattern (see requiredAnchors), or null. */
export function requiredLiterals(source: string, minLength = 2): string[] | null {
  const anchors = requiredAnchors(source, minLength);
  return anchors && [...new Set(anchors.map((a) => a.text))];
}
