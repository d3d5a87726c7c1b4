// Owns the combination logic: which co-occurring red-flag categories make a level (configured in rules/scoring.json).
import type { Category, Level } from './types';
import { LEVELS } from './types';

/** A level holds when every condition in it holds. Levels are tried from the first (highest) down. */
export interface LevelCondition {
  level: Exclude<Level, 'none'>;
  /** Sum over red-flag categories found of each category's strongest rule weight. */
  minScore: number;
  /** How many different red-flag categories must be found. */
  minCategories: number;
  /** Categories that must all be found (for example R1, the destination, for `high`). */
  requiresAll?: string[];
  /** At least one of these must be found (for example signs that the text offers a job at all). */
  requiresAnyOf?: string[];
}

/** What a counter-signal does once its rules' weights add up to `minScore`. */
export interface CounterEffect {
  category: string;
  minScore: number;
  /** Lower the red-flag score by this much. */
  subtract?: number;
  /** Never report above this level. */
  capAt?: Level;
}

export interface ScoringConfig {
  levels: LevelCondition[];
  counterSignals: CounterEffect[];
  maxEvidencePerRule: number;
}

/** Category-level summary of a text's matches: rule id -> weight, grouped by category. */
export type CategoryHits = Map<string, Map<string, number>>;

export interface Verdict {
  level: Level;
  score: number;
  /** Plain-language account of how the level was reached, for reports and for rule authors. */
  reasons: string[];
}

function capLevel(level: Level, cap: Level): Level {
  return LEVELS.indexOf(level) > LEVELS.indexOf(cap) ? cap : level;
}

/** Applies the configured combination logic to the categories found in one text or thread. */
export function judge(hits: CategoryHits, categories: Map<string, Category>, config: ScoringConfig): Verdict {
  const reasons: string[] = [];
  const lureCategories: string[] = [];
  let score = 0;
  for (const [categoryId, rules] of hits) {
    if (categories.get(categoryId)?.kind !== 'lure') continue;
    lureCategories.push(categoryId);
    score += Math.max(...rules.values());
  }
  let cap: Level = 'high';
  for (const effect of config.counterSignals) {
    const rules = hits.get(effect.category);
    if (!rules) continue;
    const counterScore = [...rules.values()].reduce((a, b) => a + b, 0);
    if (counterScore < effect.minScore) continue;
    if (effect.subtract) {
      score -= effect.subtract;
      reasons.push(`${effect.category} (${[...rules.keys()].join(', ')}) lowers the score by ${effect.subtract}`);
    }
    if (effect.capAt) {
      cap = capLevel(cap, effect.capAt);
      reasons.push(`${effect.category} (${[...rules.keys()].join(', ')}) caps the level at ${effect.capAt}`);
    }
  }
  score = Math.max(0, score);
  const found = new Set(hits.keys());
  for (const condition of config.levels) {
    if (score < condition.minScore || lureCategories.length < condition.minCategories) continue;
    if (condition.requiresAll && !condition.requiresAll.every((c) => found.has(c))) continue;
    if (condition.requiresAnyOf && !condition.requiresAnyOf.some((c) => found.has(c))) continue;
    const level = capLevel(condition.level, cap);
    reasons.unshift(
      `${condition.level}: ${lureCategories.length} red-flag categories (${lureCategories.sort(byCategoryOrder).join(', ')}), ` +
        `score ${score} >= ${condition.minScore}` +
        (condition.requiresAll ? `, with ${condition.requiresAll.join(' and ')}` : '') +
        (condition.requiresAnyOf ? `, with one of ${condition.requiresAnyOf.join('/')}` : ''),
    );
    return { level, score, reasons };
  }
  return { level: 'none', score, reasons };
}

const categoryKeys = new Map<string, readonly [string, number]>();
/** A category id split into its letters and number ("R10" -> ["R", 10]), remembered. */
function categoryKey(id: string): readonly [string, number] {
  let key = categoryKeys.get(id);
  if (!key) {
    key = [id.replace(/\d+$/, ''), Number(id.replace(/^\D+/, '')) || 0] as const;
    categoryKeys.set(id, key);
  }
  return key;
}

/** R2 before R10, then counter-signals. */
export function byCategoryOrder(a: string, b: string): number {
  const [pa, na] = categoryKey(a);
  const [pb, nb] = categoryKey(b);
  return pa === pb ? na - nb : pa < pb ? 1 : -1;
}
