// Owns the translations of red-flag categories and rules (rules/i18n/<lang>.json) and the pure lookup that
// gives a category's or rule's texts in a language, falling back to the rule data's own text, then English.
import categories from '../categories.json';
import { builtInPacks } from '../packs';
import type { Category, Rule } from '../engine/types';
import bn from './bn.json';
import hi from './hi.json';
import id from './id.json';
import ml from './ml.json';
import ne from './ne.json';
import ta from './ta.json';
import tl from './tl.json';
import ur from './ur.json';
import vi from './vi.json';

export interface CategoryTexts {
  title: string;
  explanation: string;
  whatToCheck: string;
}

export interface RuleTexts {
  title: string;
  explanation: string;
}

/** One language's file: { categories: { R1: {...} }, rules: { "<rule-id>": {...} } }. */
export interface RuleTranslations {
  categories: Record<string, Partial<CategoryTexts>>;
  rules: Record<string, Partial<RuleTexts>>;
}

/** Translations per language tag (English lives in categories.json and the packs themselves). */
export const ruleTranslations: Record<string, RuleTranslations> = { hi, bn, ta, ml, ne, ur, id, tl, vi };

const categoryById = new Map((categories as unknown as Category[]).map((c) => [c.id, c]));
const ruleById = new Map<string, Rule>(builtInPacks.flatMap((p) => p.rules).map((r) => [r.id, r]));

function pick(lang: string, translated: string | undefined, own: Record<string, string> | undefined): string {
  return translated?.trim() || own?.[lang]?.trim() || own?.en || '';
}

/** A category's title, explanation and what-to-check in `lang`, each falling back to English. Undefined for an unknown id. */
export function categoryTexts(categoryId: string, lang: string): CategoryTexts | undefined {
  const category = categoryById.get(categoryId);
  if (!category) return undefined;
  const t = ruleTranslations[lang]?.categories[categoryId];
  return {
    title: pick(lang, t?.title, category.title),
    explanation: pick(lang, t?.explanation, category.explanation),
    whatToCheck: pick(lang, t?.whatToCheck, category.whatToCheck),
  };
}

/**
 * A rule's title and explanation in `lang`, each falling back to English. Rules outside the built-in
 * packs (a campaign's pack) can be passed as `rule`. Undefined for an unknown id.
 */
export function ruleTexts(ruleId: string, lang: string, rule: Rule | undefined = ruleById.get(ruleId)): RuleTexts | undefined {
  if (!rule) return undefined;
  const t = ruleTranslations[lang]?.rules[ruleId];
  return { title: pick(lang, t?.title, rule.title), explanation: pick(lang, t?.explanation, rule.explanation) };
}

/** Ids of every built-in category and rule, which each shipped translation must cover (tests enforce it). */
export function translatableIds(): { categories: string[]; rules: string[] } {
  return { categories: [...categoryById.keys()], rules: [...ruleById.keys()] };
}
