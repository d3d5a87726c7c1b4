// Owns text normalisation: one folded copy of a text for matching, with a map back to the original offsets.
//
// Folding (applied identically to texts and, at compile time, to the non-ASCII letters of rule patterns):
//   NFKC (full-width and mathematical letters to plain ones), lower case, Latin diacritics removed
//   ("lương" -> "luong", so one pattern serves Vietnamese with and without accents), native digits to
//   ASCII, Cyrillic/Greek look-alikes to Latin, zero-width and bidi controls removed.
// Then, on the text only: leetspeak inside words ("c4mb0dia", "telegr@m") and letters spaced out by
// blanks, dots or emoji are joined back into words: "t e l e g r a m", "m.y.a.n.m.a.r", "缅 北",
// "था इ ल्या ण्ड" (whole clusters in Indic scripts), "รับส มั ค รด่วน" (Thai, glued to its neighbours),
// "タ🔥イ", "9🔥0万円".

/**
 * A folded text with the way back to the original. The map is piecewise: `pieces` holds, for each
 * stretch of the folded text, where it starts in the folded text and in the original, and whether it
 * is a 1:1 copy (lower-cased) or the fold of one original character. Joined-up spaced letters add a
 * second map (`kept`) from the joined text to the folded one. Most texts need neither: both are null.
 */
export interface NormalisedText {
  original: string;
  text: string;
  pieces: OffsetPieces | null;
  kept: OffsetPieces | null;
}

/** Parallel arrays, sorted by `to`: stretch k starts at to[k] (this side) and from[k] (the side before). */
export interface OffsetPieces {
  to: number[];
  from: number[];
  /** Length on the side before for a replaced character; 0 marks a 1:1 copy stretch. */
  replaced: number[];
}

function lastPieceAtOrBefore(pieces: OffsetPieces, index: number): number {
  let lo = 0;
  let hi = pieces.to.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces.to[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps one position through a piece map: start of the character it came from (or its end). */
function through(pieces: OffsetPieces | null, index: number, end: boolean): number {
  if (!pieces) return index;
  const k = lastPieceAtOrBefore(pieces, index);
  if (pieces.replaced[k] === 0) return pieces.from[k] + (index - pieces.to[k]);
  return pieces.from[k] + (end ? pieces.replaced[k] : 0);
}

/** Maps a span of the folded text back to the original text. */
export function toOriginalSpan(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = through(n.pieces, through(n.kept, start, false), false);
    return { start: at, end: at };
  }
  // The end is mapped from the last character inside the span, then extended to that character's end.
  const lastFolded = through(n.kept, end - 1, false);
  const lastStart = through(n.pieces, lastFolded, false);
  const lastEnd = through(n.pieces, lastFolded, true);
  const width = lastEnd > lastStart ? lastEnd - lastStart : n.original.codePointAt(lastStart)! > 0xffff ? 2 : 1;
  return { start: through(n.pieces, through(n.kept, start, false), false), end: lastStart + width };
}

// Characters removed before matching: soft hyphen, zero-width space/joiners, direction marks and
// embeddings, word joiner and invisible operators, variation selectors, BOM, and the combining
// accents left over when a text arrives decomposed. ZWJ/ZWNJ are normal in Malayalam, Sinhala,
// Telugu and Bengali: removing them only for matching is harmless and makes patterns simpler.
const REMOVED = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u0300-\u036f]/;

// Cyrillic and Greek letters that look like Latin ones (after lower-casing). Mixed-script spellings
// such as "Сambodia" (Cyrillic С) are a known filter-evasion trick.
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ɡ: 'g', ɑ: 'a', ı: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ł: 'l', đ: 'd', ð: 'd', ø: 'o', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe',
};

// Capital look-alikes, mapped before lower-casing (Greek Μ looks like M, its lower case μ does not).
const UPPER_CONFUSABLES: Record<string, string> = {
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', Ѕ: 's', І: 'i', Ј: 'j',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
};

// Decimal-digit blocks whose digit zero sits at these code points (Unicode Nd): Arabic-Indic,
// Extended Arabic-Indic (Urdu), N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil,
// Telugu, Kannada, Malayalam, Sinhala Lith, Thai, Lao, Tibetan, Myanmar, Myanmar Shan, Khmer,
// Mongolian, Limbu, New Tai Lue, Tai Tham (two sets), Balinese, Sundanese, Lepcha, Ol Chiki.
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
  0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
];

function nativeDigit(cp: number): string | null {
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  return null;
}

const LATIN_WITH_MARKS = /^[a-z]\p{M}+$/u;
const foldCache = new Map<number, string>();

/** Folds one code point (never ASCII) to the string it stands for in matching; '' removes it. */
function foldNonAscii(cp: number): string {
  let folded = foldCache.get(cp);
  if (folded !== undefined) return folded;
  const ch = String.fromCodePoint(cp);
  if (REMOVED.test(ch)) folded = '';
  else {
    folded = nativeDigit(cp) ?? '';
    if (!folded) {
      const compatible = ch.normalize('NFKC');
      const lower = [...compatible].map((c) => UPPER_CONFUSABLES[c] ?? c.toLowerCase()).join('');
      let out = '';
      for (const c of lower) {
        const confusable = CONFUSABLES[c];
        if (confusable) out += confusable;
        else {
          const decomposed = c.normalize('NFD');
          out += LATIN_WITH_MARKS.test(decomposed) ? decomposed[0] : c;
        }
      }
      folded = out;
    }
  }
  foldCache.set(cp, folded);
  return folded;
}

/**
 * Folds the literal letters of a rule pattern the way texts are folded, leaving regex syntax alone.
 * Only non-ASCII characters change (regex syntax is ASCII); ASCII letters must already be lower case.
 */
export function foldPatternSource(source: string): string {
  let out = '';
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    out += cp < 0x80 ? ch : foldNonAscii(cp);
  }
  return out;
}

// One to four digit-shaped letters or symbols between two Latin letters are leetspeak: c4mb0dia,
// t3legr@m, t0ur15t, acc0mm0d4710n. A run ending in "@" before a dotted domain is part of an e-mail
// address ("hr@gmail.com", "jobs000@gmail.com") and stays.
const LEET_MAP: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LEET = /(?<=[a-z])[$013457@]{1,4}(?=[a-z])/g;
const EMAIL_AT = /^@[\w-]{0,30}\./;

// One spaced-out letter: a letter with its combining marks, and in Indic, Burmese and Khmer scripts the
// letters joined to it by a virama ("ल्या", "ট্যু", "ട്രി"), i.e. one grapheme cluster. The repetition
// marks ๆ and ໆ stand between spaces by rule. At most seven signs and joined letters: a cluster is short,
// and a bound keeps the search linear.
// Ideographs and kana are not letters here: SPLIT_CJK and EMOJI_CANDIDATE join split Chinese and Japanese.
const VIRAMAS = '\\u094d\\u09cd\\u0a4d\\u0acd\\u0b4d\\u0bcd\\u0c4d\\u0ccd\\u0d4d\\u0dca\\u1039\\u17d2\\u1a60';
// Thai and Lao SARA AM ("ทำ") are folded by NFKC into NIKHAHIT + SARA AA: a sign and a letter.
const SARA_AM = '(?<=\\u0e4d)\\u0e32|(?<=\\u0ecd)\\u0eb2';
const UNIT = `(?![\\u0e46\\u0ec6\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}])\\p{L}(?:\\p{M}|${SARA_AM}|(?<=[${VIRAMAS}])\\p{L}){0,7}`;
// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): there a
// spaced-out word is glued to its neighbours ("รับส มั ค รด่วน"), so only other letters fence it.
const NO_SPACE = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const NOT_AFTER_WORD = `(?:(?<![\\p{L}\\p{M}\\p{N}])|(?<=[${NO_SPACE}]))`;
const NOT_BEFORE_WORD = `(?:(?![\\p{L}\\p{M}\\p{N}])|(?=(?!\\p{M})[${NO_SPACE}]))`;

// Single letters separated by 1-4 blanks, dots, dashes or emoji, at least three in a row:
// "t e l e g r a m", "t.e.l.e", "k🔥k🔥p", "था इ ल्या ण्ड". Word-length letters are never joined.
// This regex is the specification only: `spacedRuns` below finds the same runs in one linear scan,
// several times faster (the tests check that both agree); the regex itself never runs on page text.
export const SPACED_LETTERS = new RegExp(`${NOT_AFTER_WORD}${UNIT}(?:[^\\p{L}\\p{M}\\p{N}\\n]{1,4}${UNIT}${NOT_BEFORE_WORD}){2,}`, 'gu');
const SPACED_SEPARATOR = /[^\p{L}\p{M}\p{N}]/u;
const SPACED_SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;
const LEADING_VOWEL = /^[\u0e40-\u0e44\u0ec0-\u0ec4]$/;
const CONSONANT_WITH_SIGNS = new RegExp(`^\\p{L}(?:\\p{M}|${SARA_AM})+$`, 'u');
// Chinese and Japanese are written without spaces, so a blank or dot between two ideographs or kana
// is a split word: "缅 北", "緬。甸", "カ ン ボ".
const SPLIT_CJK = /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[ \u3000・。.·]{1,2}(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;
// One or two emoji glued between two letters or digits: "タ🔥イ", "9🔥0万円", "D🔥M". Dropped when a
// side is a digit or a letter of a script without spaces, or a side is a lone letter; an emoji between
// two whole words of a spaced script ("visa✈️ticket") is left alone.
// (Found with a plain regex for speed, then checked: Extended_Pictographic, word characters around.)
const EMOJI_CANDIDATE = /(?:[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u2bff\u3030\u303d\u3297\u3299]|[\ud83c-\ud83e][\udc00-\udfff]){1,2}/g;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}{1,2}$/u;
const GLUED_SIDE = new RegExp(`[\\p{N}${NO_SPACE}]`, 'u');
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const ONE_UNIT = new RegExp(`^${UNIT}$`, 'u');

// Cheap yes/no pre-checks (measured ~500 MB/s on the research data) before the exact Unicode regexes
// (~80 MB/s), so ordinary texts never pay for the exact ones.
const HAS_LEET = /[a-z][$013457@]{1,4}[a-z]/;
const MAYBE_SPACED_ASCII = /(?:^|[^a-z0-9])[a-z][^a-z0-9\n]{1,4}[a-z][^a-z0-9\n]{1,4}[a-z](?![a-z0-9])/;
// A spaced-out word in another script has a lone letter between separators somewhere: one non-ASCII
// letter, the start of a conjunct ("ल्", "ট্"), or a short cluster of a script without spaces ("มั").
// (A plain, non-Unicode regex: separators are ASCII punctuation and blanks, general punctuation,
// symbols, CJK punctuation and emoji.)
const PRE_SEPARATOR = '[\\x00-\\x09\\x0b-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f\\u2000-\\u2bff\\u3000-\\u303f\\ud800-\\udfff]';
const MAYBE_SPACED_OTHER = new RegExp(
  `${PRE_SEPARATOR}(?:[\\u00c0-\\u1fff\\u2c00-\\u2dff\\ua000-\\ud7ff]${PRE_SEPARATOR}|[\\u0900-\\u0dff\\u1000-\\u109f\\u1780-\\u17ff][\\u093c\\u09bc\\u0a3c\\u0abc\\u0b3c\\u0cbc]?[${VIRAMAS}])` +
    `|${PRE_SEPARATOR}[\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff]{1,3}${PRE_SEPARATOR}`,
);
// Letters that survive folding outside ASCII (most non-ASCII in English texts is punctuation: ’ “ • –).
const NON_ASCII_LETTER = /[\u00c0-\u1fff\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufaff]/;
const MAYBE_EMOJI = /[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u2bff\u3030\u303d\u3297\u3299\ud83c-\ud83e]/;
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;

// 0 = not looked at yet, 1 = folds to itself, 2 = changes when folded (BMP only; astral chars use the cache).
const foldsToItself = new Uint8Array(0x10000);

function isFixedPoint(cp: number, ch: string): boolean {
  if (cp < 0x10000) {
    const known = foldsToItself[cp];
    if (known) return known === 1;
    const same = foldNonAscii(cp) === ch;
    foldsToItself[cp] = same ? 1 : 2;
    return same;
  }
  return foldNonAscii(cp) === ch;
}

/** Normalises a text for matching (see the top of this file). Cheap when only lower-casing is needed. */
export function normalise(original: string): NormalisedText {
  let text: string;
  let pieces: OffsetPieces | null = null;
  const lowered = original.toLowerCase();
  if (lowered.length === original.length) {
    // Fold only the non-ASCII characters that change; copy everything else as lower-cased stretches.
    let out = '';
    let copiedUpTo = 0;
    NON_ASCII_RUN.lastIndex = 0;
    let run: RegExpExecArray | null;
    while ((run = NON_ASCII_RUN.exec(original)) !== null) {
      const runEnd = run.index + run[0].length;
      for (let i = run.index; i < runEnd; ) {
        const cp = original.codePointAt(i)!;
        const width = cp > 0xffff ? 2 : 1;
        const ch = width === 2 ? original.slice(i, i + 2) : original[i];
        if (!isFixedPoint(cp, ch)) {
          pieces ??= { to: [0], from: [0], replaced: [0] };
          out += lowered.slice(copiedUpTo, i);
          const folded = foldNonAscii(cp);
          pieces.to.push(out.length);
          pieces.from.push(i);
          pieces.replaced.push(width);
          out += folded;
          pieces.to.push(out.length);
          pieces.from.push(i + width);
          pieces.replaced.push(0);
          copiedUpTo = i + width;
        }
        i += width;
      }
    }
    text = pieces ? out + lowered.slice(copiedUpTo) : lowered;
  } else {
    // Rare: lower-casing changed the length (Turkish İ): fold character by character.
    ({ text, pieces } = foldEveryCharacter(original));
  }

  if (HAS_LEET.test(text)) {
    text = text.replace(LEET, (run, at: number, whole: string) =>
      run.endsWith('@') && EMAIL_AT.test(whole.slice(at + run.length - 1)) ? run : [...run].map((ch) => LEET_MAP[ch]).join(''),
    );
  }

  let kept: OffsetPieces | null = null;
  const nonAscii = NON_ASCII.test(text);
  const maybeSpaced = MAYBE_SPACED_ASCII.test(text) || (nonAscii && NON_ASCII_LETTER.test(text) && MAYBE_SPACED_OTHER.test(text));
  const maybeSplitCjk = nonAscii && HAS_CJK.test(text) && HAS_SPLIT_CJK.test(text);
  const maybeEmoji = nonAscii && MAYBE_EMOJI.test(text);
  if (maybeSpaced || maybeSplitCjk || maybeEmoji) ({ text, kept } = joinSpacedLetters(text, maybeSpaced, maybeSplitCjk, maybeEmoji));
  return { original, text, pieces, kept };
}

const NON_ASCII = /[^\x00-\x7f]/;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const HAS_SPLIT_CJK = new RegExp(SPLIT_CJK.source, 'u');

function foldEveryCharacter(original: string): { text: string; pieces: OffsetPieces } {
  const pieces: OffsetPieces = { to: [], from: [], replaced: [] };
  let out = '';
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    pieces.to.push(out.length);
    pieces.from.push(i);
    pieces.replaced.push(width);
    out += cp < 0x80 ? original[i].toLowerCase() : foldNonAscii(cp);
    i += width;
  }
  return { text: out, pieces };
}

/** Drops the separators inside spaced-out words; returns the joined text and its map to the input. */
function joinSpacedLetters(text: string, spaced: boolean, splitCjk: boolean, emoji: boolean): { text: string; kept: OffsetPieces | null } {
  const drop: Array<[number, number]> = []; // [start, end) ranges to remove
  if (spaced) {
    for (const [runStart, runEnd] of spacedRuns(text)) {
      const run = text.slice(runStart, runEnd);
      // The separator used most in the run is the one inside words; a different one (". " in
      // "t h a i l a n d. s a l a r y") marks a word break and is kept.
      const groups: Array<[number, number]> = [];
      const counts = new Map<string, number>();
      for (let k = 0; k < run.length; k++) {
        if (!SPACED_SEPARATOR.test(run[k])) continue;
        let e = k + 1;
        while (e < run.length && SPACED_SEPARATOR.test(run[e])) e++;
        groups.push([k, e]);
        const separator = run.slice(k, e);
        counts.set(separator, (counts.get(separator) ?? 0) + 1);
        k = e - 1;
      }
      const [inside, times] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
      // A spaced-out word repeats its separator; "อ.แม่สอด" (an abbreviation) or "/ด. ที่" does not.
      if (times < 2) continue;
      // Runs of short words that are one consonant with its vowel signs each ("को दे दी", "ค่ะ ก็ ได้")
      // are ordinary text in Indic and Thai scripts; a spaced-out word has a bare letter, an independent
      // vowel or a conjunct among its whole units ("टि क ट", "था इ ल्या ण्ड"), or, glued to its
      // neighbours in a script without spaces, at least two units between them ("ส มั ค ร") or a Thai
      // or Lao vowel that is written before its consonant cut off from it ("เ มี ย").
      const units = run.split(SPACED_SEPARATORS);
      const gluedStart = runStart > 0 && WORD_CHAR.test(text[runStart - 1]);
      const gluedEnd = runEnd < text.length && WORD_CHAR.test(text[runEnd]);
      const whole = units.slice(gluedStart ? 1 : 0, gluedEnd ? -1 : undefined);
      const spacedOut =
        whole.some((unit) => !CONSONANT_WITH_SIGNS.test(unit)) ||
        ((gluedStart || gluedEnd) && units.length >= 4) ||
        units.slice(0, -1).some((unit) => LEADING_VOWEL.test(unit));
      if (!spacedOut) continue;
      for (const [k, e] of groups) if (run.slice(k, e) === inside) drop.push([runStart + k, runStart + e]);
    }
  }
  if (splitCjk) for (const m of text.matchAll(SPLIT_CJK)) drop.push([m.index!, m.index! + m[0].length]);
  if (emoji) {
    for (const m of text.matchAll(EMOJI_CANDIDATE)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (start > 0 && end < text.length && emojiInsideWord(text, start, end)) drop.push([start, end]);
    }
  }
  if (drop.length === 0) return { text, kept: null };
  drop.sort((a, b) => a[0] - b[0]);
  const kept: OffsetPieces = { to: [], from: [], replaced: [] };
  let out = '';
  let from = 0;
  for (const [start, end] of drop) {
    if (start < from) {
      from = Math.max(from, end);
      continue;
    }
    kept.to.push(out.length);
    kept.from.push(from);
    kept.replaced.push(0);
    out += text.slice(from, start);
    from = end;
  }
  kept.to.push(out.length);
  kept.from.push(from);
  kept.replaced.push(0);
  out += text.slice(from);
  return { text: out, kept };
}

// Character classes for the scanner, computed once per code point.
const WORD = 1;
const LETTER = 2;
const MARK = 4;
const NO_SPACE_SCRIPT = 8;
const VIRAMA = 16;
const NOT_A_UNIT = 32; // ๆ, ໆ, ideographs and kana
const KNOWN = 128;
const classes = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();
const NO_SPACE_CHAR = new RegExp(`[${NO_SPACE}]`, 'u');
const NOT_A_UNIT_CHAR = /[\u0e46\u0ec6\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const VIRAMA_CHAR = new RegExp(`[${VIRAMAS}]`, 'u');

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let c = KNOWN;
  if (/\p{L}/u.test(ch)) c |= WORD | LETTER;
  else if (/\p{M}/u.test(ch)) c |= WORD | MARK;
  else if (/\p{N}/u.test(ch)) c |= WORD;
  if (NO_SPACE_CHAR.test(ch)) c |= NO_SPACE_SCRIPT;
  if (VIRAMA_CHAR.test(ch)) c |= VIRAMA;
  if (NOT_A_UNIT_CHAR.test(ch)) c |= NOT_A_UNIT;
  return c;
}

function classOf(cp: number): number {
  if (cp < 0x10000) return classes[cp] || (classes[cp] = classify(cp));
  let c = astralClasses.get(cp);
  if (c === undefined) astralClasses.set(cp, (c = classify(cp)));
  return c;
}

const codePointBefore = (text: string, i: number): number => {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : low;
};
const notAfterWord = (text: string, i: number) => i === 0 || (classOf(codePointBefore(text, i)) & (WORD | NO_SPACE_SCRIPT)) !== WORD;
const notBeforeWord = (text: string, i: number) => {
  if (i >= text.length) return true;
  const cls = classOf(text.codePointAt(i)!);
  return (cls & WORD) === 0 || (cls & (NO_SPACE_SCRIPT | MARK)) === NO_SPACE_SCRIPT;
};
const startsUnit = (cls: number) => (cls & (LETTER | NOT_A_UNIT)) === LETTER;

/** End of the UNIT (see above) that starts with the letter `cp` at `i`. */
function unitEnd(text: string, i: number, cp: number): number {
  let j = i + (cp > 0xffff ? 2 : 1);
  let previous = cp;
  for (let signs = 0; signs < 7 && j < text.length; signs++) {
    const next = text.codePointAt(j)!;
    const cls = classOf(next);
    const joins =
      (cls & MARK) !== 0 ||
      (next === 0x0e32 && previous === 0x0e4d) ||
      (next === 0x0eb2 && previous === 0x0ecd) ||
      ((cls & LETTER) !== 0 && (classOf(previous) & VIRAMA) !== 0);
    if (!joins) break;
    j += next > 0xffff ? 2 : 1;
    previous = next;
  }
  return j;
}

/** The [start, end) spans that SPACED_LETTERS matches, found by a scan over cached character classes. */
export function spacedRuns(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    if (startsUnit(classOf(cp)) && notAfterWord(text, i)) {
      let end = unitEnd(text, i, cp);
      let units = 1;
      for (;;) {
        // 1-4 separators (not letters, marks, digits or a line break), then a unit fenced after.
        let s = end;
        let count = 0;
        while (s < n && count < 5) {
          const sep = text.codePointAt(s)!;
          if (sep === 10 || classOf(sep) & WORD) break;
          s += sep > 0xffff ? 2 : 1;
          count++;
        }
        if (count === 0 || count > 4 || s >= n) break;
        const next = text.codePointAt(s)!;
        if (!startsUnit(classOf(next))) break;
        const nextEnd = unitEnd(text, s, next);
        if (!notBeforeWord(text, nextEnd)) break;
        end = nextEnd;
        units++;
      }
      if (units >= 3) {
        runs.push([i, end]);
        i = end;
        continue;
      }
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return runs;
}

/** Is the emoji at [start, end) a separator inside a word (see EMOJI_CANDIDATE)? */
function emojiInsideWord(text: string, start: number, end: number): boolean {
  const before = String.fromCodePoint(codePointBefore(text, start));
  const after = String.fromCodePoint(text.codePointAt(end)!);
  if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after) || !PICTOGRAPHIC.test(text.slice(start, end))) return false;
  if (GLUED_SIDE.test(before) || GLUED_SIDE.test(after)) return true;
  // The word on each side, up to the next non-word character: is either a lone letter?
  let from = start;
  while (from > 0 && WORD_CHAR.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && WORD_CHAR.test(text[to])) to++;
  return ONE_UNIT.test(text.slice(from, start)) || ONE_UNIT.test(text.slice(end, to));
}

/** The regexes above that run on texts and are built from parts (not literals), for the ReDoS check in the tests. */
export const builtRegexes: Record<string, RegExp> = { CONSONANT_WITH_SIGNS, GLUED_SIDE, ONE_UNIT, MAYBE_SPACED_OTHER, NO_SPACE_CHAR, NOT_A_UNIT_CHAR, VIRAMA_CHAR };
