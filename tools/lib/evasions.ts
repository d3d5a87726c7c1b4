// Owns the evasion transforms: the tricks recruiters use to slip lure wording past filters, applied to
// the words a detector flagged. Used by the evasion property test and `npm run eval -- --evasions`.
import { detectText, detectThread, type ThreadMessage } from '../../rules';

export interface Evasion {
  id: string;
  description: string;
  /** Rewrites one word (a flagged word of the lure); `lang` is the record's language tag. */
  word: (word: string, lang: string) => string;
}

const graphemes = (word: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)].map((s) => s.segment);
const isLatinWord = (word: string) => /^[\p{Script=Latin}\d'’-]+$/u.test(word);

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };

// Decimal digit zero of each language's native digits (Unicode Nd blocks).
const NATIVE_ZERO: Record<string, number> = {
  hi: 0x0966, ne: 0x0966, mr: 0x0966, bn: 0x09e6, ur: 0x06f0, ta: 0x0be6, te: 0x0c66, ml: 0x0d66, si: 0x0de6,
  th: 0x0e50, my: 0x1040, am: 0, 'zh-Hans': 0xff10, 'zh-Hant': 0xff10, ja: 0xff10, ko: 0xff10,
};

// Common deliberate misspellings of the hotspot names (seen in recruiter posts that dodge filters).
const MISSPELLINGS: Array<[RegExp, string]> = [
  [/cambodia/i, 'Cambodja'],
  [/myanmar/i, 'Myanmaar'],
  [/thailand/i, 'Thailnd'],
  [/sihanoukville/i, 'Sihanoukvile'],
  [/myawaddy/i, 'Myawady'],
  [/telegram/i, 'Telegrm'],
  [/whatsapp/i, 'Whatsap'],
];

// Emoji that stand for words in lure posts: "✈️ free", "🏨 free".
const EMOJI_WORDS: Array<[RegExp, string]> = [
  [/^(?:flights?|air ?tickets?|tickets?|airfare)$/i, '✈️'],
  [/^(?:hotel|accommodation|housing|room|dorm)$/i, '🏨'],
  [/^(?:salary|pay|money)$/i, '💰'],
];

export const EVASIONS: Evasion[] = [
  { id: 'spaced', description: 'letters spaced out: "T e l e g r a m"', word: (w) => graphemes(w).join(' ') },
  { id: 'dotted', description: 'letters separated by dots: "T.e.l.e.g.r.a.m"', word: (w) => graphemes(w).join('.') },
  { id: 'emoji-separated', description: 'letters separated by emoji: "T🔥e🔥l🔥e"', word: (w) => graphemes(w).join('🔥') },
  { id: 'zero-width', description: 'zero-width spaces inside words', word: (w) => graphemes(w).join('\u200b') },
  {
    id: 'leet',
    description: 'leetspeak: "C4mb0d1a"',
    word: (w) => (isLatinWord(w) ? [...w].map((c, i) => (i > 0 && i < w.length - 1 && LEET[c.toLowerCase()]) || c).join('') : w),
  },
  {
    id: 'full-width',
    description: 'full-width letters: "ｔｅｌｅｇｒａｍ"',
    word: (w) => [...w].map((c) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(''),
  },
  { id: 'look-alike', description: 'Cyrillic look-alike letters: "Саmbоdiа"', word: (w) => [...w].map((c) => CYRILLIC[c] ?? c).join('') },
  {
    id: 'misspelled-places',
    description: 'deliberate misspellings of place and app names: "Cambodja", "Telegrm"',
    word: (w) => MISSPELLINGS.reduce((acc, [re, to]) => acc.replace(re, to), w),
  },
  { id: 'emoji-words', description: 'emoji standing for words: "✈️ free", "🏨 free"', word: (w) => EMOJI_WORDS.find(([re]) => re.test(w))?.[1] ?? w },
  {
    id: 'native-digits',
    description: 'numbers in the language\'s own digits: "१२००", "৳৫০,০০০"',
    word: (w, lang) => {
      const zero = NATIVE_ZERO[lang];
      return zero ? w.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d))) : w;
    },
  },
];

/**
 * The word an evader would disguise in each flagged span: its longest word ("ticket" in "free air
 * ticket"), as recruiters disguise the one tell-tale word, not every letter of a phrase.
 */
function flaggedWords(text: string, spans: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
  const words = [...segmenter.segment(text)]
    .filter((piece) => piece.isWordLike && graphemes(piece.segment).length >= 2)
    .map((piece) => ({ start: piece.index, end: piece.index + piece.segment.length }));
  const chosen = new Map<number, { start: number; end: number }>();
  for (const span of spans) {
    const inside = words.filter((w) => w.start < span.end && w.end > span.start);
    if (inside.length === 0) continue;
    const longest = inside.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    chosen.set(longest.start, longest);
  }
  // Two disguised words side by side ("e n t r y j o b") cannot be read apart, by people or by us:
  // recruiters disguise one word at a time, so adjacent choices keep only the first.
  const sorted = [...chosen.values()].sort((a, b) => a.start - b.start);
  return sorted.filter((w, i) => i === 0 || !/^\s*$/.test(text.slice(sorted[i - 1].end, w.start)));
}

function rewrite(text: string, spans: Array<{ start: number; end: number }>, evasion: Evasion, lang: string): string {
  const words = flaggedWords(text, spans);
  let out = '';
  let at = 0;
  for (const w of words) {
    out += text.slice(at, w.start) + evasion.word(text.slice(w.start, w.end), lang);
    at = w.end;
  }
  // Numbers are not words to the segmenter's "flagged" test when they stand alone: convert digits everywhere.
  out += text.slice(at);
  return evasion.id === 'native-digits' ? evasion.word(out, lang) : out;
}

export interface EvasionRecord {
  lang: string;
  text?: string;
  messages?: ThreadMessage[];
}

/** Applies an evasion to the words that the detector flags in a record (text or thread). */
export function evade<T extends EvasionRecord>(record: T, evasion: Evasion): T {
  if (record.messages) {
    const finding = detectThread(record.messages);
    const messages = record.messages.map((m, i) => {
      const spans = finding.flags.flatMap((f) => f.evidence.filter((e) => e.message === i));
      return { ...m, text: rewrite(m.text, spans, evasion, record.lang) };
    });
    return { ...record, messages };
  }
  const finding = detectText(record.text!);
  return { ...record, text: rewrite(record.text!, finding.flags.flatMap((f) => f.evidence), evasion, record.lang) };
}
