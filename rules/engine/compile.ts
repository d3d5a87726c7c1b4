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

/** Compiles one rule. Throws with the rule id when a pattern does not compile. */
export function compileRule(rule: Rule, languages: Record<string, LanguageInfo>): CompiledRule {
  const source = ruleRegexSource(rule, rule.patterns, languages);
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
  for (const patterns of Object.values(rule.patterns)) {
    for (const pattern of patterns) {
      const found = requiredLiterals(foldPatternSource(pattern));
      if (!found) anchors = null;
      else if (anchors) anchors.push(...found);
    }
  }
  return { rule, regex, exception, exceptionWindow: rule.exceptionWindow ?? 60, anchors: anchors && [...new Set(anchors)] };
}

/**
 * The literal gate: one alternation of every rule's anchors, scanned once per text. An alternation
 * returns leftmost matches only, so the scan restarts one character after each hit, and each anchor
 * also wakes the rules of the anchors that are its prefixes.
 */
export interface LiteralGate {
  regex: RegExp | null;
  rulesByAnchor: Map<string, number[]>;
  ungated: number[];
}

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
  const anchors = [...rulesByAnchor.keys()].sort((a, b) => b.length - a.length);
  // Prefix closure: "visa on arrival" found at a position also means "visa" is there.
  const closed = new Map<string, number[]>();
  for (const anchor of anchors) {
    const set = new Set(rulesByAnchor.get(anchor));
    for (let k = 1; k < anchor.length; k++) {
      const prefixRules = rulesByAnchor.get(anchor.slice(0, k));
      if (prefixRules) for (const r of prefixRules) set.add(r);
    }
    closed.set(anchor, [...set]);
  }
  const regex = anchors.length ? new RegExp(anchors.map(escapeLiteral).join('|'), 'g') : null;
  return { regex, rulesByAnchor: closed, ungated };
}

/** Indices of the rules that may match `text` (already normalised). */
export function candidateRules(gate: LiteralGate, text: string, ruleCount: number): number[] {
  const seen = new Uint8Array(ruleCount);
  const out: number[] = [...gate.ungated];
  for (const r of gate.ungated) seen[r] = 1;
  const regex = gate.regex;
  if (!regex) return out;
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    for (const r of gate.rulesByAnchor.get(m[0])!) {
      if (!seen[r]) {
        seen[r] = 1;
        out.push(r);
      }
    }
    regex.lastIndex = m.index + 1;
  }
  return out.sort((a, b) => a - b);
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
