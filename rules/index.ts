// Owns the engine's front door: the built-in rules compiled once, and detectText/detectThread over them.
import categories from './categories.json';
import scoring from './scoring.json';
import languages from './languages.json';
import anchorFrequencies from './anchor-frequencies.json';
import { builtInPacks } from './packs';
import { compileRules, type CompiledRules } from './engine/compile';
import { detectText as detectTextWith, detectThread as detectThreadWith, type DetectOptions, type DetailedFinding } from './engine/detect';
import type { Category, RulePack, ThreadMessage } from './engine/types';
import type { ScoringConfig } from './engine/score';

export type { DetailedFinding, DetectOptions } from './engine/detect';
export type { CompiledRules } from './engine/compile';
export * from './engine/types';

export const builtInCategories = categories as unknown as Category[];
export const builtInScoring = scoring as unknown as ScoringConfig;
export const languageInfo = languages as Record<string, { name: string; native: string; script: string; boundary: 'word' | 'start' | 'none'; direction: 'ltr' | 'rtl' }>;
export { builtInPacks };

let compiled: CompiledRules | null = null;

/** Compiles rule packs (the built-in ones plus, for example, a validated campaign pack). */
export function compile(extraPacks: RulePack[] = []): CompiledRules {
  return compileRules({ packs: [...builtInPacks, ...extraPacks], categories: builtInCategories, scoring: builtInScoring, languages: languageInfo, anchorRates: { anchors: anchorFrequencies.anchors, fourGrams: anchorFrequencies.fourGrams } });
}

/** The built-in rules, compiled on first use (so pages that never need the engine never pay for it). */
export function builtInRules(): CompiledRules {
  compiled ??= compile();
  return compiled;
}

/** Judges one text (a listing, post or message) with the built-in rules. */
export function detectText(text: string, options?: DetectOptions, rules: CompiledRules = builtInRules()): DetailedFinding {
  return detectTextWith(rules, text, options);
}

/** Judges a conversation as a whole with the built-in rules. */
export function detectThread(messages: ThreadMessage[], options?: DetectOptions, rules: CompiledRules = builtInRules()): DetailedFinding {
  return detectThreadWith(rules, messages, options);
}
