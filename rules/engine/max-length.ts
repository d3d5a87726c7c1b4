// Owns the longest-match bound of a pattern: how many UTF-16 units a match (and its look-arounds) can
// span at most. With it, a pattern only needs checking near the places where the gate saw its anchor.

/**
 * Upper bound on the length of any match of `source`, counting look-around bodies as if they
 * consumed text (so the bound also covers the context they inspect). Infinity for `*`, `+`, `{n,}`.
 */
export function maxMatchLength(source: string): number {
  let pos = 0;

  function alternation(): number {
    let best = sequence();
    while (source[pos] === '|') {
      pos++;
      best = Math.max(best, sequence());
    }
    return best;
  }

  function sequence(): number {
    let total = 0;
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const atom = atomLength();
      total += atom * quantifier();
    }
    return total;
  }

  function quantifier(): number {
    const ch = source[pos];
    let max = 1;
    if (ch === '?') max = 1, pos++;
    else if (ch === '*' || ch === '+') max = Infinity, pos++;
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return 1;
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]);
      pos += m[0].length;
    } else return 1;
    if (source[pos] === '?') pos++;
    return max;
  }

  function atomLength(): number {
    const ch = source[pos];
    if (ch === '(') {
      pos++;
      if (source[pos] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(pos));
        if (m) pos += m[0].length;
      }
      const inner = alternation();
      pos++; // ')'
      return inner;
    }
    if (ch === '[') {
      pos++;
      if (source[pos] === '^') pos++;
      if (source[pos] === ']') pos++;
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      pos++;
      return 2; // a class may match an astral character (two units)
    }
    if (ch === '\\') {
      const next = source[pos + 1];
      pos += 2;
      if ((next === 'p' || next === 'P') && source[pos] === '{') pos = source.indexOf('}', pos) + 1;
      else if (next === 'u' && source[pos] === '{') pos = source.indexOf('}', pos) + 1;
      else if (next === 'u') pos += 4;
      else if (next === 'x') pos += 2;
      else if (next === 'b' || next === 'B') return 0;
      return 2;
    }
    if (ch === '^' || ch === '$') {
      pos++;
      return 0;
    }
    const cp = source.codePointAt(pos)!;
    pos += cp > 0xffff ? 2 : 1;
    return ch === '.' ? 2 : cp > 0xffff ? 2 : 1;
  }

  return alternation();
}
