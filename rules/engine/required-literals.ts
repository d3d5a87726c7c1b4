// Owns the literal gate's anchors: which plain strings must occur in any text a pattern can match.
//
// A small parser for the regex subset rule patterns use. For each pattern it finds a set of literal
// strings such that every match of the pattern contains at least one of them (for "free (air ?)?
// tickets?|paid flights?" that is {"free", "paid flight"}). Rules whose patterns all have such a set
// are only run on texts where the gate found one of their anchors (uBlock's token idea).

type Anchors = string[] | null; // null: no usable anchor

interface Atom {
  literal: string | null; // a single literal character, or null for classes, escapes like \s, groups
  anchors: Anchors; // for groups: what the group requires
  min: number;
  zeroWidth?: boolean; // assertions (\b, ^, $, look-arounds) consume nothing and keep a literal run going
}

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'p', 'P', 'k']);
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

/**
 * Returns anchors for a regex source, or null if some match need not contain a usable literal: one of
 * `minLength` characters or more, or a single symbol or ideograph such as "$", "₹" or "薪".
 */
export function requiredLiterals(source: string, minLength = 2): Anchors {
  let pos = 0;

  function parseAlternation(): Anchors {
    const branches: Anchors[] = [parseSequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(parseSequence());
    }
    if (branches.some((b) => b === null)) return null;
    return [...new Set(branches.flat() as string[])];
  }

  function parseSequence(): Anchors {
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
    if (ch === '?' || ch === '*') {
      atom.min = 0;
      pos++;
    } else if (ch === '+') {
      atom.min = Math.max(atom.min, 1);
      atom.literal = atom.min === 1 && atom.literal !== null ? null : atom.literal; // "a+" is not one fixed char
      pos++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return;
      const min = Number(m[1]);
      const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      atom.min = min === 0 ? 0 : 1;
      if (!(min === 1 && max === 1)) atom.literal = null;
      pos += m[0].length;
    } else return;
    if (atom.min === 0) atom.literal = null;
    if (source[pos] === '?') pos++; // lazy
  }

  function parseAtom(): Atom {
    const ch = source[pos];
    if (ch === '(') {
      pos++;
      let lookaround = false;
      if (source[pos] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(pos));
        if (!m) throw new Error(`unsupported group at ${pos}`);
        lookaround = m[0] !== '?:' && !m[0].startsWith('?<') ? true : m[0] === '?<=' || m[0] === '?<!';
        pos += m[0].length;
      }
      const inner = parseAlternation();
      if (source[pos] !== ')') throw new Error(`unclosed group in ${source}`);
      pos++;
      // A look-around consumes nothing and is not required text; it is neutral in a sequence.
      return lookaround ? { literal: null, anchors: null, min: 0, zeroWidth: true } : { literal: null, anchors: inner, min: 1 };
    }
    if (ch === '[') {
      pos++;
      if (source[pos] === '^') pos++;
      if (source[pos] === ']') pos++;
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      pos++;
      return { literal: null, anchors: null, min: 1 };
    }
    if (ch === '\\') {
      const next = source[pos + 1];
      if (CLASS_ESCAPES.has(next)) {
        pos += 2;
        if ((next === 'p' || next === 'P' || next === 'k') && (source[pos] === '{' || source[pos] === '<')) {
          pos = source.indexOf(next === 'k' ? '>' : '}', pos) + 1;
        }
        const zeroWidth = next === 'b' || next === 'B';
        return { literal: null, anchors: null, min: zeroWidth ? 0 : 1, zeroWidth };
      }
      if (next === 'u') {
        const m = /^\\u(\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(source.slice(pos));
        if (m) {
          pos += m[0].length;
          return { literal: String.fromCodePoint(parseInt(m[2] ?? m[3], 16)), anchors: null, min: 1 };
        }
      }
      if (next === 'x') {
        const m = /^\\x([0-9a-fA-F]{2})/.exec(source.slice(pos));
        if (m) {
          pos += 4;
          return { literal: String.fromCharCode(parseInt(m[1], 16)), anchors: null, min: 1 };
        }
      }
      if (/\d/.test(next) && next !== '0') {
        pos += 2; // back-reference
        return { literal: null, anchors: null, min: 1 };
      }
      pos += 2;
      return { literal: SIMPLE_ESCAPES[next] ?? next, anchors: null, min: 1 };
    }
    if (ch === '.') {
      pos++;
      return { literal: null, anchors: null, min: 1 };
    }
    if (ch === '^' || ch === '$') {
      pos++;
      return { literal: null, anchors: null, min: 0, zeroWidth: true };
    }
    const cp = source.codePointAt(pos)!;
    const char = String.fromCodePoint(cp);
    pos += char.length;
    return { literal: char, anchors: null, min: 1 };
  }

  /** The best anchor set a sequence offers: its longest literal run, or a required group's anchors. */
  function bestOf(atoms: Atom[]): Anchors {
    const candidates: string[][] = [];
    let run = '';
    const flush = () => {
      if ([...run].length >= minLength || (run.length > 0 && !/[a-z0-9\s]/.test(run))) candidates.push([run]);
      run = '';
    };
    for (const atom of atoms) {
      if (atom.literal !== null && atom.min === 1) {
        run += atom.literal;
        continue;
      }
      if (atom.zeroWidth) continue;
      flush();
      if (atom.min >= 1 && atom.anchors) candidates.push(atom.anchors);
    }
    flush();
    if (candidates.length === 0) return null;
    // Prefer the set whose shortest anchor is longest (fewer false gate hits), then the smaller set.
    const quality = (set: string[]) => Math.min(...set.map((s) => [...s].length)) * 100 - set.length;
    return candidates.reduce((a, b) => (quality(b) > quality(a) ? b : a));
  }

  const result = parseAlternation();
  if (pos !== source.length) throw new Error(`unexpected ')' at ${pos} in ${source}`);
  return result;
}
