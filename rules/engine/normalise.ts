// Owns text normalisation: one folded copy of a text for matching, with a map back to the original offsets.
//
// Folding (applied identically to texts and, at compile time, to the non-ASCII letters of rule patterns):
//   NFKC (full-width and mathematical letters to plain ones), lower case, Latin diacritics removed
//   ("lương" -> "luong", so one pattern serves Vietnamese with and without accents), native digits to
//   ASCII, Cyrillic/Greek look-alikes to Latin, zero-width and bidi controls removed.
// Then, on the text only: leetspeak inside words ("c4mb0dia", "telegr@m") and letters spaced out by
// blanks, dots or emoji ("t e l e g r a m", "m.y.a.n.m.a.r", "缅 北") are joined back into words.

/** A folded text with the way back to the original: folded index i came from original [starts[i], ends[i]). */
export interface NormalisedText {
  original: string;
  text: string;
  /** null when the folded text has exactly the original's offsets. */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** Maps a span of the folded text back to the original text. */
export function toOriginalSpan(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (!n.starts || !n.ends) return { start, end };
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start] : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start], end: n.ends[end - 1] };
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
      const lower = ch.normalize('NFKC').toLowerCase();
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

// A letter, digit-shaped letter or symbol between two Latin letters is leetspeak: c4mb0dia, t3legr@m.
// "@" before a dotted domain is an e-mail address and stays.
const LEET_MAP: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const LEET = /(?<=[a-z])(?:[$013457]|@(?![\w-]{0,30}\.))(?=[a-z])/g;

// Single letters (with their combining marks) separated by 1-4 blanks, dots, dashes or emoji, at least
// three in a row: "t e l e g r a m", "t.e.l.e", "k🔥k🔥p". Word-length letters are never joined.
const SPACED_LETTERS = /(?<![\p{L}\p{M}\p{N}])\p{L}\p{M}*(?:[^\p{L}\p{M}\p{N}\n]{1,4}\p{L}\p{M}*(?![\p{L}\p{M}\p{N}])){2,}/gu;
const SPACED_SEPARATOR = /[^\p{L}\p{M}\p{N}]/u;
// Chinese and Japanese are written without spaces, so a blank or dot between two ideographs or kana
// is a split word: "缅 北", "緬。甸", "カ ン ボ".
const SPLIT_CJK = /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[ \u3000・。.·]{1,2}(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu;

const NON_ASCII = /[^\x00-\x7f]/;
// Non-ASCII characters that folding changes beyond what NFKC and toLowerCase already do.
const FOLDS_BEYOND_NFKC = new RegExp(
  `${REMOVED.source.slice(0, -1)}\\u00c0-\\u024f\\u1e00-\\u1eff\\u0370-\\u03ff\\u0400-\\u052f]|[^\\P{Nd}0-9]`,
  'u',
);

// Non-global twins for yes/no tests: a global regex's .test() leaves lastIndex behind.
const HAS_LEET = new RegExp(LEET.source);
const HAS_SPACED_LETTERS = new RegExp(SPACED_LETTERS.source, 'u');
const HAS_SPLIT_CJK = new RegExp(SPLIT_CJK.source, 'u');

function hasLeetOrSpacing(lower: string, nonAscii: boolean): boolean {
  return HAS_LEET.test(lower) || HAS_SPACED_LETTERS.test(lower) || (nonAscii && HAS_SPLIT_CJK.test(lower));
}

/** Normalises a text for matching. Cheap when the text needs nothing beyond lower-casing. */
export function normalise(original: string): NormalisedText {
  const nonAscii = NON_ASCII.test(original);
  if (!nonAscii || (!FOLDS_BEYOND_NFKC.test(original) && original.normalize('NFKC') === original)) {
    const lower = original.toLowerCase();
    if (lower.length === original.length && !hasLeetOrSpacing(lower, nonAscii)) {
      return { original, text: lower, starts: null, ends: null };
    }
  }
  return normaliseSlowly(original);
}

function normaliseSlowly(original: string): NormalisedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = cp < 0x80 ? (cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : original[i]) : foldNonAscii(cp);
    for (let k = 0; k < folded.length; k++) {
      parts.push(folded[k]);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  let text = parts.join('');
  text = text.replace(LEET, (ch) => LEET_MAP[ch]);

  // Mark separators inside spaced-out words, then drop them with their offsets.
  const drop = new Uint8Array(text.length);
  let dropped = 0;
  for (const m of text.matchAll(SPACED_LETTERS)) {
    for (let k = 0; k < m[0].length; k++) {
      if (SPACED_SEPARATOR.test(m[0][k]) && !drop[m.index! + k]) {
        drop[m.index! + k] = 1;
        dropped++;
      }
    }
  }
  for (const m of text.matchAll(SPLIT_CJK)) {
    for (let k = 0; k < m[0].length; k++) if (!drop[m.index! + k]) { drop[m.index! + k] = 1; dropped++; }
  }
  if (dropped > 0) {
    let kept = '';
    const keptStarts: number[] = [];
    const keptEnds: number[] = [];
    for (let k = 0; k < text.length; k++) {
      if (drop[k]) continue;
      kept += text[k];
      keptStarts.push(starts[k]);
      keptEnds.push(ends[k]);
    }
    return { original, text: kept, starts: Int32Array.from(keptStarts), ends: Int32Array.from(keptEnds) };
  }
  return { original, text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
