// Owns compilation: every rule pattern becomes its own regex, and the literal gate picks which patterns can match.
import type { Boundary, Category, Rule, RulePack } from './types';
import type { ScoringConfig } from './score';
import { foldPatternSource } from './normalise';
import { requiredLiterals } from './required-literals';

/**
 * One pattern of one rule. `locator` is the bare pattern (global): without the boundary look-behind V8
 * can skip ahead to the pattern's first characters, measured 10-100x faster than the fenced form on
 * long texts. `fenced` (sticky) then decides at each position the locator finds: a fenced match at a
 * position implies a bare match there, so this finds exactly the fenced pattern's matches.
 */
export interface CompiledPattern {
  /** Index of the rule in CompiledRules.rules. */
  rule: number;
  locator: RegExp;
  fenced: RegExp;
  /** Literal strings one of which every match contains; null makes the pattern run on every text. */
  anchors: string[] | null;
}

export interface CompiledRule {
  rule: Rule;
  /** All the rule's patterns in every language as one regex (for the naive baseline and the meta-test). */
  regex: RegExp;
  /** Matches are dropped when this matches within `exceptionWindow` characters. */
  exception: RegExp | null;
  exceptionWindow: number;
  /** Union of the anchors of the rule's patterns; null when some pattern has none. */
  anchors: string[] | null;
  /** The rule's patterns, each its own regex: bare (folded) and fenced sources. */
  patterns: Array<{ bare: string; fenced: string; anchors: string[] | null }>;
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
const LETTER = '[\\p{L}\\p{M}\\p{N}]';
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
  const join = (parts: string[]) => parts.map((p) => (p === '\\p{L}' ? p : escapeRegex(p))).join('');
  const variants = new Set<string>([join(letters)]);
  for (let i = 0; i < letters.length; i++) {
    variants.add(join([...letters.slice(0, i), ...letters.slice(i + 1)]));
    variants.add(join([...letters.slice(0, i), '\\p{L}', ...letters.slice(i + 1)]));
    if (i + 1 < letters.length) variants.add(join([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)]));
  }
  for (let i = 0; i <= letters.length; i++) variants.add(join([...letters.slice(0, i), '\\p{L}', ...letters.slice(i)]));
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
  let regex: RegExp;
  try {
    regex = new RegExp([...sources.keys()].join('|'), 'gu');
  } catch (error) {
    throw new Error(`rule "${rule.id}": pattern does not compile: ${(error as Error).message}`);
  }
  let exception: RegExp | null = null;
  if (rule.exceptions && Object.keys(rule.exceptions).length > 0) {
    exception = new RegExp(ruleRegexSource(rule, rule.exceptions, languages), 'u');
  }
  const patterns = [...sources].map(([fenced, folded]) => ({ bare: folded, fenced, anchors: requiredLiterals(folded) }));
  const anchors = patterns.some((p) => !p.anchors) ? null : [...new Set(patterns.flatMap((p) => p.anchors!))];
  return { rule, regex, exception, exceptionWindow: rule.exceptionWindow ?? 60, anchors, patterns };
}

/**
 * The literal gate (uBlock-style): which rules can match a text at all. Anchors of three or more
 * UTF-16 units are found by hashing every trigram of the text into a bitset of anchor beginnings and
 * checking `startsWith` only where the bitset says so; the few shorter anchors ("$", "₹", "高薪") go
 * into one small alternation. Every position is checked against every anchor that starts with its
 * trigram, so overlapping anchors are all found.
 */
export interface LiteralGate {
  /**
   * Flags per hash slot: bit 1 = an anchor of exactly 3 units ("job", "柬埔寨") has this trigram hash,
   * bit 2 = an anchor of 4+ units begins with a 4-gram of this hash. 64 KB, so it stays in cache.
   */
  flags: Uint8Array;
  /** Anchors by (slot * 2 + 0 for trigram / 1 for 4-gram), with the patterns each one wakes. */
  buckets: Map<number, Array<{ anchor: string; rules: number[] }>>;
  /** Alternation of anchors of 1-2 units ("$", "₹", "高薪"), and the patterns of each. */
  shortRegex: RegExp | null;
  shortAnchors: Map<string, number[]>;
  /** Patterns without anchors: they run on every text (the meta-test keeps this empty). */
  ungated: number[];
  anchorCount: number;
}

// Measured on the research data: a single alternation of ~500 anchors ran at 40-90 MB/s; hashing
// every position is ~450 MB/s. Anchor-beginning trigrams such as "ent" (from "entry") hit 4% of all
// positions, so anchors of 4+ units are keyed by their first 4-gram (far fewer chance hits) and only
// 3-unit anchors by their trigram. The trigram hash is a prefix of the 4-gram hash: one extra multiply.
// Two 1 MB slot tables ran at 64 MB/s (cache misses); one 64 KB flag table keeps the loop in cache.
const HASH_BITS = 16;
const mix = (x: number, k: number) => Math.imul(x, k);
const K1 = 0x9e3779b1, K2 = 0x85ebca77, K3 = 0xc2b2ae3d, K4 = 0x27d4eb2f;
const slot = (h: number) => h >>> (32 - HASH_BITS);

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Builds the gate over patterns: `anchorsOf[i]` are pattern i's anchors (null: always a candidate). */
export function buildGate(anchorsOf: Array<string[] | null>): LiteralGate {
  const rulesByAnchor = new Map<string, number[]>();
  const ungated: number[] = [];
  anchorsOf.forEach((anchors, index) => {
    if (!anchors) return ungated.push(index);
    for (const anchor of anchors) {
      const list = rulesByAnchor.get(anchor) ?? [];
      list.push(index);
      rulesByAnchor.set(anchor, list);
    }
  });
  const flags = new Uint8Array(1 << HASH_BITS);
  const buckets: LiteralGate['buckets'] = new Map();
  const shortAnchors = new Map<string, number[]>();
  for (const [anchor, list] of rulesByAnchor) {
    if (anchor.length < 3) {
      shortAnchors.set(anchor, list);
      continue;
    }
    const h3 = mix(anchor.charCodeAt(0), K1) ^ mix(anchor.charCodeAt(1), K2) ^ mix(anchor.charCodeAt(2), K3);
    const isTrigram = anchor.length === 3;
    const at = isTrigram ? slot(h3) : slot(h3 ^ mix(anchor.charCodeAt(3), K4));
    flags[at] |= isTrigram ? 1 : 2;
    const key = at * 2 + (isTrigram ? 0 : 1);
    const bucket = buckets.get(key) ?? [];
    bucket.push({ anchor, rules: list });
    buckets.set(key, bucket);
  }
  // The alternation reports only the longest short anchor at a position ("月薪" hides "月"), so a
  // short anchor also wakes the patterns of its shorter prefixes.
  for (const [anchor, list] of shortAnchors) {
    for (let k = 1; k < anchor.length; k++) {
      const prefix = shortAnchors.get(anchor.slice(0, k));
      if (prefix) shortAnchors.set(anchor, [...new Set([...list, ...prefix])]);
    }
  }
  const shorts = [...shortAnchors.keys()].sort((a, b) => b.length - a.length);
  const shortRegex = shorts.length ? new RegExp(shorts.map(escapeLiteral).join('|'), 'g') : null;
  return { flags, buckets, shortRegex, shortAnchors, ungated, anchorCount: rulesByAnchor.size };
}

// Reused between calls (JavaScript runs one call at a time): which rules are already candidates.
let seenScratch = new Uint8Array(256);

/** Indices of the patterns that may match `text` (already normalised), in order. */
export function candidatePatterns(gate: LiteralGate, text: string, patternCount: number): number[] {
  if (seenScratch.length < patternCount) seenScratch = new Uint8Array(patternCount * 2);
  const seen = seenScratch;
  const out: number[] = [];
  for (const r of gate.ungated) if (!seen[r]) { seen[r] = 1; out.push(r); }
  const { flags, buckets } = gate;
  const n = text.length;
  let a = text.charCodeAt(0);
  let b = text.charCodeAt(1);
  let c = text.charCodeAt(2);
  for (let i = 0; i + 2 < n; i++) {
    const d = i + 3 < n ? text.charCodeAt(i + 3) : 0;
    const h3 = mix(a, K1) ^ mix(b, K2) ^ mix(c, K3);
    const at3 = slot(h3);
    const at4 = slot(h3 ^ mix(d, K4));
    if ((flags[at3] & 1) !== 0 || (flags[at4] & 2) !== 0) {
      const keys = [(flags[at3] & 1) !== 0 ? at3 * 2 : -1, (flags[at4] & 2) !== 0 ? at4 * 2 + 1 : -1];
      for (const key of keys) {
        if (key < 0) continue;
        for (const entry of buckets.get(key)!) {
          if (!text.startsWith(entry.anchor, i)) continue;
          for (const r of entry.rules) if (!seen[r]) { seen[r] = 1; out.push(r); }
        }
      }
    }
    a = b;
    b = c;
    c = d;
  }
  const regex = gate.shortRegex;
  if (regex) {
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      for (const r of gate.shortAnchors.get(m[0])!) if (!seen[r]) { seen[r] = 1; out.push(r); }
      regex.lastIndex = m.index + 1;
    }
  }
  for (const r of out) seen[r] = 0;
  return out.sort((x, y) => x - y);
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
        patterns.push({ rule: rules.length, locator: new RegExp(pattern.bare, 'gu'), fenced: new RegExp(pattern.fenced, 'uy'), anchors: pattern.anchors });
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
