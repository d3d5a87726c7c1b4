// Owns the pure lookups behind rules/i18n: a category's or rule's texts in a language from one language's
// translation table, falling back to the rule data's own text, then English. Imports nothing heavy, so a page
// can load just the one language it shows (components/i18n/rule-texts.ts) instead of every translation.
import categories from '../categories.json';
import type { Category, Rule } from '../engine/types';

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

const categoryById = new Map((categories as unknown as Category[]).map((c) => [c.id, c]));

/** Ids of every category (what each translation must cover). */
export const categoryIds = [...categoryById.keys()];

function pick(lang: string, translated: string | undefined, own: Record<string, string> | undefined): string {
  return translated?.trim() || own?.[lang]?.trim() || own?.en || '';
}

/** A category's texts in `lang` from `table` (that language's translations, if loaded), else English. */
export function categoryTextsIn(table: RuleTranslations | undefined, categoryId: string, lang: string): CategoryTexts | undefined {
  const category = categoryById.get(categoryId);
  if (!category) return undefined;
  const t = table?.categories[categoryId];
  return {
    title: pick(lang, t?.title, category.title),
    explanation: pick(lang, t?.explanation, category.explanation),
    whatToCheck: pick(lang, t?.whatToCheck, category.whatToCheck),
  };
}

/** A rule's title and explanation in `lang` from `table`, else the rule's own text in `lang`, else English. */
export function ruleTextsIn(table: RuleTranslations | undefined, rule: Rule | undefined, lang: string): RuleTexts | undefined {
  if (!rule) return undefined;
  const t = table?.rules[rule.id];
  return { title: pick(lang, t?.title, rule.title), explanation: pick(lang, t?.explanation, rule.explanation) };
}
