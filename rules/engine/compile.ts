// Owns compilation: every rule pattern becomes its own regex, and the literal gate picks which patterns can match.
import type { Boundary, Category, Rule, RulePack } from './types';
import type { ScoringConfig } from './score';
import { foldPatternSource } from './normalise';
import { addCode, analysePattern, inFirstChars, noChar, type Anchor, type FirstChars } from './required-literals';

/**
 * One pattern of one rule. `locator` is the bare pattern (global): without the boundary look-behind V8
 * can skip ahead to the pattern's first characters, measured 10-100x faster than the fenced form on
 * long texts. `fenced` (sticky) then decides at each position the locator finds: a fenced match at a
 * position implies a bare match there, so this finds exactly the fenced pattern's matches. Both are
 * built on first use: most patterns never run on a given page, and building thousands of
 * Unicode-property regexes up front took seconds.
 */
export class CompiledPattern {
  private locatorRegex: RegExp | null = null;
  private fencedRegex: RegExp | null = null;
  constructor(
    /** Index of the rule in CompiledRules.rules. */
    readonly rule: number,
    readonly bare: string,
    readonly fencedSource: string,
    /** Literal strings one of which every match contains, with their offsets from the match start; null: run on every text. */
    readonly anchors: GateAnchor[] | null,
    /** Further anchor sets every match needs one of: a candidate start survives only if each set occurs in reach. */
    readonly checks: CheckSet[],
    /** Upper bound of a match's length with the context its look-arounds inspect (Infinity if unbounded). */
    readonly maxLength: number,
    /** What a match can begin with, and whether no letter may precede it: cheap tests before the regex. */
    readonly first: FirstChars,
    readonly fencedStart: boolean,
  ) {}
  /** False when no match can start at `start` (checked without running the regex). */
  mayStartAt(text: string, start: number): boolean {
    if (!inFirstChars(this.first, text.charCodeAt(start))) return false;
    return !this.fencedStart || start === 0 || WORD_UNITS[text.charCodeAt(start - 1)] === 0;
  }
  get locator(): RegExp {
    return (this.locatorRegex ??= new RegExp(this.bare, 'gu'));
  }
  get fenced(): RegExp {
    return (this.fencedRegex ??= new RegExp(this.fencedSource, 'uy'));
  }
}

/**
 * The index after the character at `i`. With the `u` flag, a lastIndex inside a surrogate pair is
 * moved back to the pair's start, so stepping one unit past an emoji would find the same match forever.
 */
export function nextIndex(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

/**
 * A rule's exceptions. Like CompiledPattern: the bare alternation finds where one may match (fast:
 * no look-behind in front), the fenced one decides there. A fenced match at a position implies a
 * bare match at it, so this finds exactly what the fenced alternation finds.
 */
export class ExceptionMatcher {
  private readonly locator: RegExp;
  private readonly fenced: RegExp;
  /** `sources`: fenced source -> bare source, as fencedSources returns them. */
  constructor(sources: Map<string, string>) {
    this.locator = new RegExp([...sources.values()].join('|'), 'gu');
    this.fenced = new RegExp([...sources.keys()].join('|'), 'uy');
  }
  test(text: string): boolean {
    this.locator.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.locator.exec(text)) !== null) {
      this.fenced.lastIndex = m.index;
      if (this.fenced.test(text)) return true;
      this.locator.lastIndex = nextIndex(text, m.index);
    }
    return false;
  }
}

export interface CompiledRule {
  rule: Rule;
  /** All the rule's patterns in every language as one regex (meta-test, destination lookups); built on first use. */
  regex: RegExp;
  /** Matches are dropped when this matches within `exceptionWindow` characters. */
  exception: ExceptionMatcher | null;
  exceptionWindow: number;
  /** Union of the anchors of the rule's patterns; null when some pattern has none. */
  anchors: string[] | null;
  /** The rule's patterns, each its own regex: bare (folded) and fenced sources. */
  patterns: Array<{ bare: string; fenced: string; anchors: GateAnchor[] | null; checks: CheckSet[]; parts: number[][]; maxLength: number; first: FirstChars; fencedStart: boolean }>;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** Every pattern of every rule; the gate selects among these. */
  patterns: CompiledPattern[];
  byId: Map<string, CompiledRule>;
  categories: Map<string, Category>;
  scoring: ScoringConfig;
  gate: LiteralGate;
}

export interface LanguageInfo {
  boundary: Boundary;
}

// "word": not inside a longer word on either side; "start": only the start is fenced (for languages
// that glue endings onto words: Malayalam "കംബോഡിയയിൽ", Korean "캄보디아에서"); "none": scripts written
// without spaces (Thai, Burmese, Chinese, Japanese).
//
// Word characters are listed as script ranges rather than \p{L}\p{M}\p{N}: V8 builds a property
// class anew for every regex that uses one (measured ~1 ms per regex, ~25x the cost of these ranges),
// and the engine has thousands of patterns. Texts are folded first (no accents, no full-width forms,
// no Cyrillic look-alikes), so these ranges cover every script LureWatch reads.
export const WORD_CHARS =
  'a-z0-9\\u00aa\\u00b5\\u00ba\\u00c0-\\u02af\\u0370-\\u03ff\\u0400-\\u052f\\u0531-\\u0587\\u05d0-\\u05ea' +
  '\\u0610-\\u061a\\u0620-\\u0669\\u066e-\\u06d3\\u06d5-\\u06ff\\u0750-\\u077f\\u0900-\\u0963\\u0966-\\u0dff' +
  '\\u0e01-\\u0e4e\\u0e50-\\u0e59\\u0e81-\\u0edf\\u0f00-\\u0fff\\u1000-\\u1049\\u1050-\\u109f\\u10a0-\\u10ff' +
  '\\u1100-\\u11ff\\u1200-\\u135f\\u1369-\\u139f\\u1780-\\u17d3\\u17e0-\\u17e9\\u1e00-\\u1fff\\u3041-\\u3096' +
  '\\u3099-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u3131-\\u318e\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua960-\\ua97f' +
  '\\uac00-\\ud7a3\\ud7b0-\\ud7fb\\uf900-\\ufaff';
const LETTER = `[${WORD_CHARS}]`;
const START_FENCE = `(?<!${LETTER})`;
const END_FENCE = `(?!${LETTER})`;

/** 1 for each UTF-16 unit in WORD_CHARS: the fence's test, as a table. */
const WORD_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (const m of WORD_CHARS.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?|([a-z0-9])-([a-z0-9])/g)) {
    const [from, to] = m[1] ? [parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)] : [m[3].charCodeAt(0), m[4].charCodeAt(0)];
    table.fill(1, from, to + 1);
  }
  return table;
})();
function fence(source: string, boundary: Boundary): string {
  if (boundary === 'none') return `(?:${source})`;
  if (boundary === 'start') return `${START_FENCE}(?:${source})`;
  return `${START_FENCE}(?:${source})${END_FENCE}`;
}

/** The fenced, folded regex sources of a rule's patterns (or exceptions) over all its languages, without repeats. */
export function fencedSources(rule: Rule, byLanguage: Record<string, string[]>, languages: Record<string, LanguageInfo>): Map<string, string> {
  const fenced = new Map<string, string>(); // fenced source -> folded source (for anchors)
  for (const [lang, patterns] of Object.entries(byLanguage)) {
    const boundary = rule.boundary ?? languages[lang]?.boundary ?? 'word';
    for (const pattern of patterns) {
      const folded = foldPatternSource(pattern);
      fenced.set(fence(folded, boundary), folded);
    }
  }
  return fenced;
}

const escapeRegex = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * Regex sources matching `word` with at most one typo: the word itself, one letter left out, one
 * letter replaced or added (by any letter), or two neighbours swapped. Each is a fixed-length
 * alternation branch (no repetition), so the result cannot backtrack badly.
 */
export function oneTypoVariants(word: string): string[] {
  const letters = [...word];
  const ANY = LETTER;
  const join = (parts: string[]) => parts.map((p) => (p === ANY ? p : escapeRegex(p))).join('');
  const variants = new Set<string>([join(letters)]);
  for (let i = 0; i < letters.length; i++) {
    variants.add(join([...letters.slice(0, i), ...letters.slice(i + 1)]));
    variants.add(join([...letters.slice(0, i), ANY, ...letters.slice(i + 1)]));
    if (i + 1 < letters.length) variants.add(join([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)]));
  }
  for (let i = 0; i <= letters.length; i++) variants.add(join([...letters.slice(0, i), ANY, ...letters.slice(i)]));
  return [...variants];
}

/** A rule's patterns with its fuzzy words added as typo-tolerant patterns. */
export function effectivePatterns(rule: Rule): Record<string, string[]> {
  if (!rule.fuzzy) return rule.patterns;
  const merged: Record<string, string[]> = { ...rule.patterns };
  for (const [lang, words] of Object.entries(rule.fuzzy)) {
    merged[lang] = [...(merged[lang] ?? []), ...words.flatMap((w) => oneTypoVariants(foldPatternSource(w)))];
  }
  return merged;
}

// A candidate start is checked against at most this many further anchor sets, each of a few anchors
// at nearly fixed distances (a check compares a short stretch of text in place).
const MAX_CHECKS = 2;
const MAX_CHECK_ANCHORS = 8;
const MAX_CHECK_SPREAD = 48;

/** A gate anchor, with what the pattern's fence demands around it. */
export interface GateAnchor extends Anchor {
  wordStart?: boolean;
  wordEnd?: boolean;
}

/** Measured occurrences per million characters of ordinary text (rules/anchor-frequencies.json). */
export interface AnchorRates {
  /** By anchor. */
  anchors: Record<string, number>;
  /** By 4-gram of an anchor: the gate keys long anchors by their least common 4-gram. */
  fourGrams: Record<string, number>;
}

/**
 * How often an anchor set is expected to occur in ordinary text (lower is better for the gate): the
 * sum of its anchors' rates. Latin-script anchors were measured (absent from the table: rarer than
 * the data could show); other scripts are estimated from their length.
 */
export function anchorSetCost(set: Anchor[], rates: Record<string, number>): number {
  let cost = 0;
  for (const anchor of set) cost += anchorRate(anchor.text, rates);
  return cost;
}

const NO_RATES: AnchorRates = { anchors: {}, fourGrams: {} };
/** Anchors the frequency table measures: printable ASCII (the research data is English). */
export const isMeasuredAnchor = (text: string) => /^[\x20-\x7e]+$/.test(text);
/** Occurrences per million characters: measured, or (not in the table) rare if measurable, else by length. */
function anchorRate(text: string, rates: Record<string, number>): number {
  const measured = rates[text];
  if (measured !== undefined) return measured;
  if (isMeasuredAnchor(text)) return 0.1;
  return 2e4 / Math.pow(4, text.length);
}

/**
 * A further anchor set a match needs: its anchors, the offsets they span together, and their first
 * characters, so a stretch of text is searched for all of them in one pass.
 */
export interface CheckSet {
  anchors: Anchor[];
  minOffset: number;
  maxOffset: number;
  heads: FirstChars;
}

function checkSet(anchors: Anchor[]): CheckSet {
  const heads = noChar();
  for (const a of anchors) addCode(heads, a.text.charCodeAt(0));
  return { anchors, minOffset: Math.min(...anchors.map((a) => a.minOffset)), maxOffset: Math.max(...anchors.map((a) => a.maxOffset)), heads };
}

// A pattern's further anchor sets are also checked for presence anywhere in the text: cheap (a table
// look-up per anchor), and it drops patterns whose other words are missing before any range is built.
// Sets with an anchor of one or two units (in most texts anyway) or with very many anchors are left out.
const MAX_PART_ANCHORS = 32;

/**
 * The further anchor sets of a pattern, each as gram ids: an anchor's rarest 4-gram, or a 3-unit anchor
 * itself. The gate marks the id of every 3- and 4-gram of a text, so a set none of whose ids is marked
 * occurs nowhere in the text.
 */
function partsOf(sets: Anchor[][], fourGrams: Record<string, number>): number[][] {
  return sets
    .filter((set) => set.length <= MAX_PART_ANCHORS && set.every((a) => a.text.length >= 3))
    .map((set) => [
      ...new Set(
        set.map((a) => {
          if (a.text.length === 3) return THREE_GRAMS + gramId(a.text.charCodeAt(0), a.text.charCodeAt(1), a.text.charCodeAt(2), 0);
          const at = rarestGramAt(a.text, fourGrams);
          return gramId(a.text.charCodeAt(at), a.text.charCodeAt(at + 1), a.text.charCodeAt(at + 2), a.text.charCodeAt(at + 3));
        }),
      ),
    ]);
}

/** How far apart the possible match starts implied by one sighting of an anchor of the set can lie. */
function offsetSpread(set: Anchor[]): number {
  return Math.max(...set.map((a) => a.maxOffset - a.minOffset));
}

/** Compiles one rule. Throws with the rule id when a pattern does not compile. */
export function compileRule(rule: Rule, languages: Record<string, LanguageInfo>, anchorRates: AnchorRates = NO_RATES): CompiledRule {
  const sources = fencedSources(rule, effectivePatterns(rule), languages);
  // The combined regex serves the meta-test and destination lookups, not detection: built on first use.
  let regex: RegExp | null = null;
  const combined = () => {
    try {
      return (regex ??= new RegExp([...sources.keys()].join('|'), 'gu'));
    } catch (error) {
      throw new Error(`rule "${rule.id}": pattern does not compile: ${(error as Error).message}`);
    }
  };
  let exception: ExceptionMatcher | null = null;
  if (rule.exceptions && Object.keys(rule.exceptions).length > 0) {
    exception = new ExceptionMatcher(fencedSources(rule, rule.exceptions, languages));
  }
  const patterns = [...sources].map(([fenced, folded]) => {
    // The gate looks for the rarest set; the others, most precise first, narrow where a match can start.
    const { requirements, maxSpan, first } = analysePattern(folded, 2, (set) => anchorSetCost(set, anchorRates.anchors));
    const fencedStart = fenced.startsWith(START_FENCE);
    const fencedEnd = fenced.endsWith(END_FENCE);
    const [primary, ...rest] = requirements;
    // An anchor that begins (ends) every match sits right after (before) the fence's non-letter.
    const anchors: GateAnchor[] | null = primary
      ? primary.map((a) => ({ ...a, wordStart: fencedStart && a.atStart === true, wordEnd: fencedEnd && a.atEnd === true }))
      : null;
    const checks = rest
      .filter((set) => set.length <= MAX_CHECK_ANCHORS && offsetSpread(set) <= MAX_CHECK_SPREAD)
      .sort((a, b) => offsetSpread(a) - offsetSpread(b))
      .slice(0, MAX_CHECKS);
    // The fence looks at one character (up to two units) on each side of the match.
    return { bare: folded, fenced, anchors, checks: checks.map(checkSet), parts: partsOf(rest, anchorRates.fourGrams), maxLength: maxSpan + 4, first, fencedStart };
  });
  const anchors = patterns.some((p) => !p.anchors) ? null : [...new Set(patterns.flatMap((p) => p.anchors!.map((a) => a.text)))];
  return {
    rule,
    get regex() {
      return combined();
    },
    exception,
    exceptionWindow: rule.exceptionWindow ?? 60,
    anchors,
    patterns,
  };
}

/**
 * The literal gate (uBlock-style): which patterns can match a text at all, and where. Each anchor is
 * keyed by one of its 1-, 2-, 3- or 4-unit pieces: single characters ("$", "₹", "薪") by a direct
 * table, longer anchors by hashing every 2-, 3- and 4-gram of the text into bit sets. Anchors of 4+
 * units are keyed by their least common 4-gram ("ienc" rather than "expe" for "experience"), so the
 * prefixes of everyday words ("comp", "inte", "cont") do not wake a check. Only where a bit is set
 * are the anchors in that slot compared with `startsWith`. Every position of the text is checked
 * against every anchor that could sit there, so overlapping anchors are all found.
 */
export interface LiteralGate {
  /** Single-unit anchors: 1 where some anchor is exactly this character code. */
  singles: Uint8Array;
  /**
   * By the low bytes of two neighbouring units: which gram sizes (bit 0: 2, bit 1: 3, bit 2: 4) some
   * keyed gram starts with, so the hashes of the other sizes are skipped at that position.
   */
  pairs: Uint8Array;
  /** Bit sets over 2^20 hash slots for anchors of exactly 2 units, exactly 3 units, and 4+ units. */
  bits2: Uint32Array;
  bits3: Uint32Array;
  bits4: Uint32Array;
  /** Anchors by key (slot * 4 + gram size - 1; for single characters, the character code * 4). */
  buckets: GateBuckets;
  /** Patterns without anchors: they run on every text (the meta-test keeps this empty). */
  ungated: number[];
  /**
   * Each pattern's further anchor sets as gram ids, flat: pattern p's sets are partSetFrom[p]
   * to partSetFrom[p + 1] - 1, set s's ids partIdFrom[s] to partIdFrom[s + 1] - 1 (see partsOf).
   */
  partSetFrom: Int32Array;
  partIdFrom: Int32Array;
  partIds: Int32Array;
  anchorCount: number;
  /** Scratch space for one text's sightings, reused (detection is synchronous). */
  scratch: Sightings;
}

/** One anchor of a gate key, while the gate is built. */
interface GateEntry {
  anchor: string;
  /** Where the keyed gram sits in the anchor: the anchor starts `shift` units before it. */
  shift: number;
  targets: Target[];
}

/**
 * The gate's anchors grouped by key, in flat arrays rather than a Map of objects (the gate reads them
 * at every sighting, and on a lure that is every few characters). Bucket b's entries are entries
 * entryFrom[b] to entryFrom[b + 1] - 1, found by open addressing in `slotKeys`; entry e's targets are
 * targetFrom[e] to targetFrom[e + 1] - 1.
 */
interface GateBuckets {
  /** Open-addressed: key + 1 (0 = empty), and the bucket number at the same index. */
  slotKeys: Int32Array;
  slotBuckets: Int32Array;
  slotMask: number;
  entryFrom: Int32Array;
  /** Per entry: the anchor, and where the keyed gram sits in it (the anchor starts `shift` units before). */
  anchor: string[];
  shift: Int32Array;
  targetFrom: Int32Array;
  /** Per target: the pattern it wakes and how far before the anchor a match may start. */
  targetPattern: Int32Array;
  targetMinOffset: Int32Array;
  targetMaxOffset: Int32Array;
  /** Per target: 1 if the pattern's fence needs a non-letter just before the anchor, 2 just after, 3 both. */
  targetFence: Uint8Array;
}

const slotOf = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 12) & mask;

/** The bucket number of a key, or -1. */
function bucketOf(buckets: GateBuckets, key: number): number {
  const { slotKeys, slotMask } = buckets;
  for (let at = slotOf(key, slotMask); ; at = (at + 1) & slotMask) {
    const stored = slotKeys[at];
    if (stored === key + 1) return buckets.slotBuckets[at];
    if (stored === 0) return -1;
  }
}

function flattenBuckets(byKey: Map<number, GateEntry[]>): GateBuckets {
  let size = 1;
  while (size < byKey.size * 4) size <<= 1;
  const entries = [...byKey.values()].flat();
  const targetCount = entries.reduce((sum, e) => sum + e.targets.length, 0);
  const b: GateBuckets = {
    slotKeys: new Int32Array(size),
    slotBuckets: new Int32Array(size),
    slotMask: size - 1,
    entryFrom: new Int32Array(byKey.size + 1),
    anchor: [],
    shift: new Int32Array(entries.length),
    targetFrom: new Int32Array(entries.length + 1),
    targetPattern: new Int32Array(targetCount),
    targetMinOffset: new Int32Array(targetCount),
    targetMaxOffset: new Int32Array(targetCount),
    targetFence: new Uint8Array(targetCount),
  };
  let bucket = 0;
  let entry = 0;
  let target = 0;
  for (const [key, list] of byKey) {
    let at = slotOf(key, b.slotMask);
    while (b.slotKeys[at] !== 0) at = (at + 1) & b.slotMask;
    b.slotKeys[at] = key + 1;
    b.slotBuckets[at] = bucket;
    b.entryFrom[bucket++] = entry;
    for (const e of list) {
      b.anchor.push(e.anchor);
      b.shift[entry] = e.shift;
      b.targetFrom[entry++] = target;
      for (const t of e.targets) {
        b.targetPattern[target] = t.pattern;
        b.targetMinOffset[target] = t.minOffset;
        b.targetMaxOffset[target] = t.maxOffset;
        b.targetFence[target++] = (t.wordStart ? 1 : 0) | (t.wordEnd ? 2 : 0);
      }
    }
  }
  b.entryFrom[bucket] = entry;
  b.targetFrom[entry] = target;
  return b;
}

/**
 * Ranges are appended to one arena in the order seen and chained per pattern (`last`, `previous`),
 * rather than written to a fixed slot per pattern spread over a megabyte.
 */
interface Sightings {
  /** Per pattern: ranges recorded so far; -1 after too many (scan the whole text). */
  count: Int32Array;
  /** Per pattern: its latest range in the arena. */
  last: Int32Array;
  lo: Float64Array;
  hi: Float64Array;
  /** Per range: the pattern's range before it (-1: none). */
  previous: Int32Array;
  used: number;
  touched: Int32Array;
  touchedCount: number;
  /** By gram id: `generation` if the gram occurs in the current text (no clearing between texts). */
  grams: Uint8Array;
  generation: number;
}

// Measured on the research data: one alternation of ~500 anchors ran at 40-90 MB/s and one of ~700
// short anchors at 20 MB/s, while hashing every position runs at over 100 MB/s. 2^20-bit sets
// (128 KB each) keep chance hits rare with ~7,000 anchors and still fit in cache.
const HASH_BITS = 20;
const mix = (x: number, k: number) => Math.imul(x, k);
const K1 = 0x9e3779b1, K2 = 0x85ebca77, K3 = 0xc2b2ae3d, K4 = 0x27d4eb2f;
const slot = (h: number) => h >>> (32 - HASH_BITS);
const hasBit = (bits: Uint32Array, at: number) => ((bits[at >>> 5] >>> (at & 31)) & 1) !== 0;
const pairKey = (a: number, b: number) => ((a & 0xff) << 8) | (b & 0xff);
// The 4-grams and 3-grams of a text, each by a 16-bit hash: a chance hit only keeps a pattern running.
// 4-gram ids come first, 3-gram ids from THREE_GRAMS on.
const GRAM_BITS = 16;
const gramId = (a: number, b: number, c: number, d: number) => (mix(a, K1) ^ mix(b, K2) ^ mix(c, K3) ^ mix(d, K4)) >>> (32 - GRAM_BITS);
const THREE_GRAMS = 1 << GRAM_BITS;

/** A pattern an anchor wakes, and how far before the anchor the pattern's match may start. */
export interface Target {
  pattern: number;
  minOffset: number;
  maxOffset: number;
  /** The pattern's fence needs a non-letter just before / after this anchor. */
  wordStart: boolean;
  wordEnd: boolean;
}

// Rough shares of English letters in ordinary text (per 1,000): among the 4-grams the frequency table does
// not list (rarer than it records) and those of other scripts, the one of rarer letters is keyed (measured:
// about 15% faster on ordinary text than taking the first). Digits, symbols, other scripts count as uncommon.
const LETTER_SHARE: Record<string, number> = {
  ' ': 180, e: 100, t: 75, a: 65, o: 62, i: 58, n: 57, s: 52, r: 50, h: 40, l: 33, d: 32, c: 23, u: 23,
  m: 20, f: 18, p: 16, g: 16, w: 16, y: 15, b: 12, v: 8, k: 6, x: 1, j: 1, q: 1, z: 1,
};
const commonness = (gram: string) => [...gram].reduce((sum, ch) => sum + (LETTER_SHARE[ch] ?? 5), 0);

/** The offset of the anchor's 4-gram least likely to occur in ordinary text (anchors of 4+ units). */
function rarestGramAt(anchor: string, fourGrams: Record<string, number>): number {
  const rate = (gram: string) => fourGrams[gram] ?? (isMeasuredAnchor(gram) ? 0.1 : commonness(gram) / 100);
  let best = 0;
  for (let i = 1; i + 4 <= anchor.length; i++) {
    const [a, b] = [rate(anchor.slice(i, i + 4)), rate(anchor.slice(best, best + 4))];
    if (a < b || (a === b && commonness(anchor.slice(i, i + 4)) < commonness(anchor.slice(best, best + 4)))) best = i;
  }
  return best;
}

// Beyond this many anchor sightings a whole-text scan is cheaper than checking each one.
const MAX_SIGHTINGS = 16;

/**
 * Builds the gate over patterns: `anchorsOf[i]` are pattern i's anchors (null: always a candidate),
 * `partsOf[i]` its further anchor sets as gram ids (see partsOf).
 */
export function buildGate(anchorsOf: Array<GateAnchor[] | null>, fourGrams: Record<string, number> = {}, partsOf: number[][][] = []): LiteralGate {
  const targetsByAnchor = new Map<string, Target[]>();
  const ungated: number[] = [];
  anchorsOf.forEach((anchors, index) => {
    if (!anchors) return ungated.push(index);
    for (const anchor of anchors) {
      const list = targetsByAnchor.get(anchor.text) ?? [];
      list.push({ pattern: index, minOffset: anchor.minOffset, maxOffset: anchor.maxOffset, wordStart: anchor.wordStart === true, wordEnd: anchor.wordEnd === true });
      targetsByAnchor.set(anchor.text, list);
    }
  });
  const singles = new Uint8Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  const [bits2, bits3, bits4] = [0, 0, 0].map(() => new Uint32Array((1 << HASH_BITS) >>> 5));
  const byKey = new Map<number, GateEntry[]>();
  for (const [anchor, targets] of targetsByAnchor) {
    let key: number;
    let shift = 0;
    if (anchor.length === 1) {
      singles[anchor.charCodeAt(0)] = 1;
      key = anchor.charCodeAt(0) * 4;
    } else {
      if (anchor.length > 4) shift = rarestGramAt(anchor, fourGrams);
      const c = (i: number) => anchor.charCodeAt(shift + i);
      const h2 = mix(c(0), K1) ^ mix(c(1), K2);
      const h3 = anchor.length >= 3 ? h2 ^ mix(c(2), K3) : 0;
      const [bits, at, size] =
        anchor.length === 2 ? [bits2, slot(h2), 2] : anchor.length === 3 ? [bits3, slot(h3), 3] : [bits4, slot(h3 ^ mix(c(3), K4)), 4];
      bits[at >>> 5] |= 1 << (at & 31);
      pairs[pairKey(c(0), c(1))] |= 1 << (size - 2);
      key = at * 4 + size - 1;
    }
    const bucket = byKey.get(key) ?? [];
    bucket.push({ anchor, shift, targets });
    byKey.set(key, bucket);
  }
  const patternCount = anchorsOf.length;
  const arenaSize = 1024;
  const partSets = anchorsOf.map((_, i) => partsOf[i] ?? []);
  const partSetFrom = new Int32Array(patternCount + 1);
  const partIdFrom = new Int32Array(partSets.reduce((sum, sets) => sum + sets.length, 0) + 1);
  const partIds = new Int32Array(partSets.flat(2));
  let setCount = 0;
  let idCount = 0;
  partSets.forEach((sets, i) => {
    partSetFrom[i] = setCount;
    for (const set of sets) {
      partIdFrom[setCount++] = idCount;
      idCount += set.length;
    }
  });
  partSetFrom[patternCount] = setCount;
  partIdFrom[setCount] = idCount;
  return {
    singles,
    pairs,
    bits2,
    bits3,
    bits4,
    buckets: flattenBuckets(byKey),
    ungated,
    partSetFrom,
    partIdFrom,
    partIds,
    anchorCount: targetsByAnchor.size,
    scratch: {
      count: new Int32Array(patternCount),
      last: new Int32Array(patternCount),
      lo: new Float64Array(arenaSize),
      hi: new Float64Array(arenaSize),
      previous: new Int32Array(arenaSize),
      used: 0,
      touched: new Int32Array(patternCount),
      touchedCount: 0,
      grams: new Uint8Array(2 << GRAM_BITS),
      generation: 0,
    },
  };
}

/** Doubles the arena (a text with more sightings than any before it). */
function growSightings(scratch: Sightings): void {
  const lo = new Float64Array(scratch.lo.length * 2);
  const hi = new Float64Array(lo.length);
  const previous = new Int32Array(lo.length);
  lo.set(scratch.lo);
  hi.set(scratch.hi);
  previous.set(scratch.previous);
  Object.assign(scratch, { lo, hi, previous });
}

function recordSightings(gate: LiteralGate, key: number, text: string, at: number): void {
  const b = gate.buckets;
  const bucket = bucketOf(b, key);
  if (bucket === -1) return;
  const scratch = gate.scratch;
  const count = scratch.count;
  for (let e = b.entryFrom[bucket], entriesEnd = b.entryFrom[bucket + 1]; e < entriesEnd; e++) {
    const start = at - b.shift[e];
    const anchor = b.anchor[e];
    if (start < 0 || !text.startsWith(anchor, start)) continue;
    // The fence bits this sighting fails: 1 if a letter precedes it, 2 if one follows (past the end: NaN, no letter).
    const failed = (start > 0 && WORD_UNITS[text.charCodeAt(start - 1)] === 1 ? 1 : 0) | (WORD_UNITS[text.charCodeAt(start + anchor.length)] === 1 ? 2 : 0);
    for (let t = b.targetFrom[e], targetsEnd = b.targetFrom[e + 1]; t < targetsEnd; t++) {
      if ((b.targetFence[t] & failed) !== 0) continue;
      const pattern = b.targetPattern[t];
      const n = count[pattern];
      if (n === -1) continue;
      if (n === 0) scratch.touched[scratch.touchedCount++] = pattern;
      if (n === MAX_SIGHTINGS) {
        count[pattern] = -1;
        continue;
      }
      if (scratch.used === scratch.lo.length) growSightings(scratch);
      const i = scratch.used++;
      scratch.lo[i] = start - b.targetMaxOffset[t];
      scratch.hi[i] = start - b.targetMinOffset[t];
      scratch.previous[i] = n === 0 ? -1 : scratch.last[pattern];
      scratch.last[pattern] = i;
      count[pattern] = n + 1;
    }
  }
}

/** A pattern the gate woke, with where its matches may start: pairs lo, hi (flat), or null for anywhere. */
export interface Candidate {
  pattern: number;
  ranges: number[] | null;
}

/**
 * The patterns that may match `text` (already normalised), each with the ranges where a match may
 * start (null: anywhere, when its anchors were seen too often to list). Every position of the text is
 * checked, so every anchor occurrence is reported (up to MAX_SIGHTINGS per pattern). The same pass
 * marks the text's 3- and 4-grams, and a pattern one of whose further anchor sets has none of its
 * grams in the text is left out (on the dev corpus: 104 patterns woken per text, 62 kept).
 */
export function candidatePatterns(gate: LiteralGate, text: string): Candidate[] {
  const { singles, pairs, bits2, bits3, bits4 } = gate;
  const scratch = gate.scratch;
  const grams = scratch.grams;
  // A new generation marks a new text's 4-grams; the table is cleared only when the stamp wraps.
  if (++scratch.generation === 256) {
    grams.fill(0);
    scratch.generation = 1;
  }
  const generation = scratch.generation;
  const n = text.length;
  let b = n > 0 ? text.charCodeAt(0) : 0;
  let c = n > 1 ? text.charCodeAt(1) : 0;
  let d = n > 2 ? text.charCodeAt(2) : 0;
  for (let i = 0; i < n; i++) {
    const a = b;
    b = c;
    c = d;
    d = i + 3 < n ? text.charCodeAt(i + 3) : 0;
    if (singles[a] === 1) recordSightings(gate, a * 4, text, i);
    const h2 = mix(a, K1) ^ mix(b, K2);
    const h3 = h2 ^ mix(c, K3);
    const h4 = h3 ^ mix(d, K4);
    grams[h4 >>> (32 - GRAM_BITS)] = generation;
    grams[THREE_GRAMS + (h3 >>> (32 - GRAM_BITS))] = generation;
    const sizes = i + 1 < n ? pairs[pairKey(a, b)] : 0;
    if (sizes === 0) continue;
    if (sizes & 1) {
      const at2 = slot(h2);
      if (hasBit(bits2, at2)) recordSightings(gate, at2 * 4 + 1, text, i);
    }
    if (sizes === 1 || i + 2 >= n) continue;
    if (sizes & 2) {
      const at3 = slot(h3);
      if (hasBit(bits3, at3)) recordSightings(gate, at3 * 4 + 2, text, i);
    }
    if ((sizes & 4) === 0 || i + 3 >= n) continue;
    const at4 = slot(h4);
    if (hasBit(bits4, at4)) recordSightings(gate, at4 * 4 + 3, text, i);
  }
  const found: Candidate[] = gate.ungated.map((pattern) => ({ pattern, ranges: null }));
  for (let k = 0; k < scratch.touchedCount; k++) {
    const pattern = scratch.touched[k];
    const count = scratch.count[pattern];
    scratch.count[pattern] = 0;
    if (!hasParts(gate, pattern)) continue;
    if (count === -1) found.push({ pattern, ranges: null });
    else {
      // The chain runs newest first: fill from the back to keep the ranges in text order.
      const ranges: number[] = new Array(count * 2);
      for (let j = count - 1, i = scratch.last[pattern]; j >= 0; j--, i = scratch.previous[i]) {
        ranges[2 * j] = scratch.lo[i];
        ranges[2 * j + 1] = scratch.hi[i];
      }
      found.push({ pattern, ranges });
    }
  }
  scratch.touchedCount = 0;
  scratch.used = 0;
  return found;
}

/**
 * False when the text just read lacks every anchor of one of the pattern's further sets (their grams
 * were marked while reading it): the pattern cannot match. True may be a chance hit.
 */
function hasParts(gate: LiteralGate, pattern: number): boolean {
  const { grams, generation } = gate.scratch;
  const { partSetFrom, partIdFrom, partIds } = gate;
  for (let set = partSetFrom[pattern], setsEnd = partSetFrom[pattern + 1]; set < setsEnd; set++) {
    let seen = false;
    for (let i = partIdFrom[set], idsEnd = partIdFrom[set + 1]; i < idsEnd; i++) {
      if (grams[partIds[i]] === generation) {
        seen = true;
        break;
      }
    }
    if (!seen) return false;
  }
  return true;
}

/** Compiles packs (already validated) into a ready-to-run rule set. Later packs may not reuse ids. */
export function compileRules(input: {
  packs: RulePack[];
  categories: Category[];
  scoring: ScoringConfig;
  languages: Record<string, LanguageInfo>;
  /** Speed only: how common each anchor is, so the gate looks for the rarest. */
  anchorRates?: AnchorRates;
}): CompiledRules {
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  const patterns: CompiledPattern[] = [];
  const partsOfPatterns: number[][][] = [];
  for (const pack of input.packs) {
    for (const rule of pack.rules) {
      if (seen.has(rule.id)) throw new Error(`rule "${rule.id}" in pack "${pack.id}": id already used`);
      seen.add(rule.id);
      const compiled = compileRule(rule, input.languages, input.anchorRates);
      for (const pattern of compiled.patterns) {
        patterns.push(new CompiledPattern(rules.length, pattern.bare, pattern.fenced, pattern.anchors, pattern.checks, pattern.maxLength, pattern.first, pattern.fencedStart));
        partsOfPatterns.push(pattern.parts);
      }
      rules.push(compiled);
    }
  }
  return {
    rules,
    patterns,
    byId: new Map(rules.map((r) => [r.rule.id, r])),
    categories: new Map(input.categories.map((c) => [c.id, c])),
    scoring: input.scoring,
    gate: buildGate(
      patterns.map((p) => p.anchors),
      input.anchorRates?.fourGrams,
      partsOfPatterns,
    ),
  };
}
