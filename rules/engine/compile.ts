// Owns compilation: every rule pattern becomes its own regex, and the literal gate picks which patterns can match.
import type { Boundary, Category, Rule, RulePack } from './types';
import type { ScoringConfig } from './score';
import { foldPatternSource } from './normalise';
import { analysePattern, type Anchor } from './required-literals';

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
    readonly anchors: Anchor[] | null,
    /** Upper bound of a match's length with the context its look-arounds inspect (Infinity if unbounded). */
    readonly maxLength: number,
  ) {}
  get locator(): RegExp {
    return (this.locatorRegex ??= new RegExp(this.bare, 'gu'));
  }
  get fenced(): RegExp {
    return (this.fencedRegex ??= new RegExp(this.fencedSource, 'uy'));
  }
}

export interface CompiledRule {
  rule: Rule;
  /** All the rule's patterns in every language as one regex (meta-test, destination lookups); built on first use. */
  regex: RegExp;
  /** Matches are dropped when this matches within `exceptionWindow` characters. */
  exception: RegExp | null;
  exceptionWindow: number;
  /** Union of the anchors of the rule's patterns; null when some pattern has none. */
  anchors: string[] | null;
  /** The rule's patterns, each its own regex: bare (folded) and fenced sources. */
  patterns: Array<{ bare: string; fenced: string; anchors: Anchor[] | null; maxLength: number }>;
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
function fence(source: string, boundary: Boundary): string {
  if (boundary === 'none') return `(?:${source})`;
  if (boundary === 'start') return `(?<!${LETTER})(?:${source})`;
  return `(?<!${LETTER})(?:${source})(?!${LETTER})`;
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

/** Builds the combined regex source of a rule's patterns (or exceptions) over all its languages. */
export function ruleRegexSource(rule: Rule, byLanguage: Record<string, string[]>, languages: Record<string, LanguageInfo>): string {
  return [...fencedSources(rule, byLanguage, languages).keys()].join('|');
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

/** Compiles one rule. Throws with the rule id when a pattern does not compile. */
export function compileRule(rule: Rule, languages: Record<string, LanguageInfo>): CompiledRule {
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
  let exception: RegExp | null = null;
  if (rule.exceptions && Object.keys(rule.exceptions).length > 0) {
    exception = new RegExp(ruleRegexSource(rule, rule.exceptions, languages), 'u');
  }
  const patterns = [...sources].map(([fenced, folded]) => {
    const { anchors, maxSpan } = analysePattern(folded);
    // The fence looks at one character (up to two units) on each side of the match.
    return { bare: folded, fenced, anchors, maxLength: maxSpan + 4 };
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
 * keyed by its first 1, 2, 3 or 4 UTF-16 units (4 for anchors of 4+ units): single characters
 * ("$", "₹", "薪") by a direct table, the rest by hashing every 2-, 3- and 4-gram of the text into
 * bit sets. Only where a bit is set are the anchors in that slot compared with `startsWith`. Every
 * position of the text is checked against every anchor that could start there, so overlapping
 * anchors are all found.
 */
export interface LiteralGate {
  /** Single-unit anchors: 1 where some anchor is exactly this character code. */
  singles: Uint8Array;
  /** Bit sets over 2^20 hash slots for anchors of exactly 2 units, exactly 3 units, and 4+ units. */
  bits2: Uint32Array;
  bits3: Uint32Array;
  bits4: Uint32Array;
  /** Anchors by key (slot * 4 + gram size - 1; for single characters, the character code * 4). */
  buckets: Map<number, Array<{ anchor: string; targets: Target[] }>>;
  /** Patterns without anchors: they run on every text (the meta-test keeps this empty). */
  ungated: number[];
  anchorCount: number;
}

// Measured on the research data: one alternation of ~500 anchors ran at 40-90 MB/s and one of ~700
// short anchors at 20 MB/s, while hashing every position runs at hundreds of MB/s. Anchor-beginning
// trigrams such as "ent" (from "entry") hit 4% of all positions, so anchors of 4+ units are keyed by
// their first 4-gram. Slot tables of 2^16 were 7% full with ~7,000 anchors (20% of positions woke
// a check); 2^20-bit sets (128 KB each) keep chance hits rare and still fit in cache.
const HASH_BITS = 20;
const mix = (x: number, k: number) => Math.imul(x, k);
const K1 = 0x9e3779b1, K2 = 0x85ebca77, K3 = 0xc2b2ae3d, K4 = 0x27d4eb2f;
const slot = (h: number) => h >>> (32 - HASH_BITS);
const hasBit = (bits: Uint32Array, at: number) => ((bits[at >>> 5] >>> (at & 31)) & 1) !== 0;

/** A pattern an anchor wakes, and how far before the anchor the pattern's match may start. */
export interface Target {
  pattern: number;
  minOffset: number;
  maxOffset: number;
}

/** Builds the gate over patterns: `anchorsOf[i]` are pattern i's anchors (null: always a candidate). */
export function buildGate(anchorsOf: Array<Anchor[] | null>): LiteralGate {
  const targetsByAnchor = new Map<string, Target[]>();
  const ungated: number[] = [];
  anchorsOf.forEach((anchors, index) => {
    if (!anchors) return ungated.push(index);
    for (const anchor of anchors) {
      const list = targetsByAnchor.get(anchor.text) ?? [];
      list.push({ pattern: index, minOffset: anchor.minOffset, maxOffset: anchor.maxOffset });
      targetsByAnchor.set(anchor.text, list);
    }
  });
  const gate: LiteralGate = {
    singles: new Uint8Array(0x10000),
    bits2: new Uint32Array((1 << HASH_BITS) >>> 5),
    bits3: new Uint32Array((1 << HASH_BITS) >>> 5),
    bits4: new Uint32Array((1 << HASH_BITS) >>> 5),
    buckets: new Map(),
    ungated,
    anchorCount: targetsByAnchor.size,
  };
  for (const [anchor, targets] of targetsByAnchor) {
    let key: number;
    const c = (i: number) => anchor.charCodeAt(i);
    if (anchor.length === 1) {
      gate.singles[c(0)] = 1;
      key = c(0) * 4;
    } else {
      const h2 = mix(c(0), K1) ^ mix(c(1), K2);
      const h3 = anchor.length >= 3 ? h2 ^ mix(c(2), K3) : 0;
      const [bits, at, size] =
        anchor.length === 2 ? [gate.bits2, slot(h2), 2] : anchor.length === 3 ? [gate.bits3, slot(h3), 3] : [gate.bits4, slot(h3 ^ mix(c(3), K4)), 4];
      bits[at >>> 5] |= 1 << (at & 31);
      key = at * 4 + size - 1;
    }
    const bucket = gate.buckets.get(key) ?? [];
    bucket.push({ anchor, targets });
    gate.buckets.set(key, bucket);
  }
  return gate;
}

/** Marks a candidate pattern to be scanned over the whole text. */
export const EVERYWHERE: [number, number] = [-1, -1];
// Beyond this many anchor sightings a whole-text scan is cheaper than checking each one.
const MAX_SIGHTINGS = 16;

/**
 * The patterns that may match `text` (already normalised), each with the ranges where a match may
 * start ([EVERYWHERE] for a whole-text scan). Every position of the text is checked, so every anchor
 * occurrence is reported (up to MAX_SIGHTINGS per pattern).
 */
export function candidatePatterns(gate: LiteralGate, text: string): Map<number, Array<[number, number]>> {
  const found = new Map<number, Array<[number, number]>>();
  const check = (key: number, at: number) => {
    const bucket = gate.buckets.get(key);
    if (!bucket) return;
    for (const entry of bucket) {
      if (!text.startsWith(entry.anchor, at)) continue;
      for (const t of entry.targets) {
        const range: [number, number] = [at - t.maxOffset, at - t.minOffset];
        const ranges = found.get(t.pattern);
        if (!ranges) found.set(t.pattern, [range]);
        else if (ranges[0] !== EVERYWHERE) {
          if (ranges.length < MAX_SIGHTINGS) ranges.push(range);
          else found.set(t.pattern, [EVERYWHERE]);
        }
      }
    }
  };
  for (const p of gate.ungated) found.set(p, [EVERYWHERE]);
  const { singles, bits2, bits3, bits4 } = gate;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(i);
    if (singles[a] === 1) check(a * 4, i);
    if (i + 1 >= n) break;
    const h2 = mix(a, K1) ^ mix(text.charCodeAt(i + 1), K2);
    const at2 = slot(h2);
    if (hasBit(bits2, at2)) check(at2 * 4 + 1, i);
    if (i + 2 >= n) continue;
    const h3 = h2 ^ mix(text.charCodeAt(i + 2), K3);
    const at3 = slot(h3);
    if (hasBit(bits3, at3)) check(at3 * 4 + 2, i);
    if (i + 3 >= n) continue;
    const at4 = slot(h3 ^ mix(text.charCodeAt(i + 3), K4));
    if (hasBit(bits4, at4)) check(at4 * 4 + 3, i);
  }
  return found;
}

/** Compiles packs (already validated) into a ready-to-run rule set. Later packs may not reuse ids. */
export function compileRules(input: {
  packs: RulePack[];
  categories: Category[];
  scoring: ScoringConfig;
  languages: Record<string, LanguageInfo>;
}): CompiledRules {
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  const patterns: CompiledPattern[] = [];
  for (const pack of input.packs) {
    for (const rule of pack.rules) {
      if (seen.has(rule.id)) throw new Error(`rule "${rule.id}" in pack "${pack.id}": id already used`);
      seen.add(rule.id);
      const compiled = compileRule(rule, input.languages);
      for (const pattern of compiled.patterns) {
        patterns.push(new CompiledPattern(rules.length, pattern.bare, pattern.fenced, pattern.anchors, pattern.maxLength));
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
    gate: buildGate(patterns.map((p) => p.anchors)),
  };
}
