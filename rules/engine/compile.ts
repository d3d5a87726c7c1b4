// Owns compilation: rule packs become one regex per rule plus the literal gate that picks candidate rules.
import type { Boundary, Category, Rule, RulePack } from './types';
import type { ScoringConfig } from './score';
import { foldPatternSource } from './normalise';
import { requiredLiterals } from './required-literals';

export interface CompiledRule {
  rule: Rule;
  /** All the rule's patterns in every language, fenced by boundaries, global + unicode. */
  regex: RegExp;
  /** Matches of `regex` are dropped when this matches within `exceptionWindow` characters. */
  exception: RegExp | null;
  exceptionWindow: number;
  /** Literal strings one of which every match contains; null makes the rule run on every text. */
  anchors: string[] | null;
}

export interface CompiledRules {
  rules: CompiledRule[];
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

/** Builds the combined regex source of a rule's patterns (or exceptions) over all its languages. */
export function ruleRegexSource(
  rule: Rule,
  byLanguage: Record<string, string[]>,
  languages: Record<string, LanguageInfo>,
): string {
  const fenced = new Set<string>();
  for (const [lang, patterns] of Object.entries(byLanguage)) {
    const boundary = rule.boundary ?? languages[lang]?.boundary ?? 'word';
    for (const pattern of patterns) fenced.add(fence(foldPatternSource(pattern), boundary));
  }
  return [...fenced].join('|');
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
  const patterns = effectivePatterns(rule);
  const source = ruleRegexSource(rule, patterns, languages);
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gu');
  } catch (error) {
    throw new Error(`rule "${rule.id}": pattern does not compile: ${(error as Error).message}`);
  }
  let exception: RegExp | null = null;
  if (rule.exceptions && Object.keys(rule.exceptions).length > 0) {
    exception = new RegExp(ruleRegexSource(rule, rule.exceptions, languages), 'u');
  }
  let anchors: string[] | null = [];
  for (const list of Object.values(patterns)) {
    for (const pattern of list) {
      const found = requiredLiterals(foldPatternSource(pattern));
      if (!found) anchors = null;
      else if (anchors) anchors.push(...found);
    }
  }
  return { rule, regex, exception, exceptionWindow: rule.exceptionWindow ?? 60, anchors: anchors && [...new Set(anchors)] };
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
  /** Anchors by (slot * 2 + 0 for trigram / 1 for 4-gram), with the rules each one wakes. */
  buckets: Map<number, Array<{ anchor: string; rules: number[] }>>;
  /** Alternation of anchors of 1-2 units ("$", "₹", "高薪"), and the rules of each. */
  shortRegex: RegExp | null;
  shortAnchors: Map<string, number[]>;
  /** Rules without anchors: they run on every text (the meta-test keeps this empty). */
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

export function buildGate(rules: CompiledRule[]): LiteralGate {
  const rulesByAnchor = new Map<string, number[]>();
  const ungated: number[] = [];
  rules.forEach((compiled, index) => {
    if (!compiled.anchors) return ungated.push(index);
    for (const anchor of compiled.anchors) {
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
  const shorts = [...shortAnchors.keys()].sort((a, b) => b.length - a.length);
  const shortRegex = shorts.length ? new RegExp(shorts.map(escapeLiteral).join('|'), 'g') : null;
  return { flags, buckets, shortRegex, shortAnchors, ungated, anchorCount: rulesByAnchor.size };
}

// Reused between calls (JavaScript runs one call at a time): which rules are already candidates.
let seenScratch = new Uint8Array(256);

/** Indices of the rules that may match `text` (already normalised), in rule order. */
export function candidateRules(gate: LiteralGate, text: string, ruleCount: number): number[] {
  if (seenScratch.length < ruleCount) seenScratch = new Uint8Array(ruleCount * 2);
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
  for (const pack of input.packs) {
    for (const rule of pack.rules) {
      if (seen.has(rule.id)) throw new Error(`rule "${rule.id}" in pack "${pack.id}": id already used`);
      seen.add(rule.id);
      rules.push(compileRule(rule, input.languages));
    }
  }
  return {
    rules,
    byId: new Map(rules.map((r) => [r.rule.id, r])),
    categories: new Map(input.categories.map((c) => [c.id, c])),
    scoring: input.scoring,
    gate: buildGate(rules),
  };
}
