// Owns the translations of red-flag categories and rules (rules/i18n/<lang>.json) and the pure lookup that
// gives a category's or rule's texts in a language, falling back to the rule data's own text, then English.
// This module bundles every language (for tests and tools); pages load one language at a time through
// lookup.ts and components/i18n/rule-texts.ts.
import { builtInPacks } from '../packs';
import type { Rule } from '../engine/types';
import { categoryIds, categoryTextsIn, ruleTextsIn, type CategoryTexts, type RuleTexts, type RuleTranslations } from './lookup';
import bn from './bn.json';
import hi from './hi.json';
import id from './id.json';
import ja from './ja.json';
import ko from './ko.json';
import ml from './ml.json';
import ne from './ne.json';
import ta from './ta.json';
import tl from './tl.json';
import ur from './ur.json';
import vi from './vi.json';
import zhHans from './zh-Hans.json';

export type { CategoryTexts, RuleTexts, RuleTranslations } from './lookup';
export { categoryTextsIn, ruleTextsIn } from './lookup';

/** Translations per language tag (English lives in categories.json and the packs themselves). */
export const ruleTranslations: Record<string, RuleTranslations> = { hi, bn, ta, ml, ne, ur, id, tl, vi, ko, 'zh-Hans': zhHans, ja };

const ruleById = new Map<string, Rule>(builtInPacks.flatMap((p) => p.rules).map((r) => [r.id, r]));

/** A category's title, explanation and what-to-check in `lang`, each falling back to English. Undefined for an unknown id. */
export function categoryTexts(categoryId: string, lang: string): CategoryTexts | undefined {
  return categoryTextsIn(ruleTranslations[lang], categoryId, lang);
}

/**
 * A rule's title and explanation in `lang`, each falling back to English. Rules outside the built-in
 * packs (a campaign's pack) can be passed as `rule`. Undefined for an unknown id.
 */
export function ruleTexts(ruleId: string, lang: string, rule: Rule | undefined = ruleById.get(ruleId)): RuleTexts | undefined {
  return ruleTextsIn(ruleTranslations[lang], rule, lang);
}

/** Ids of every built-in category and rule, which each shipped translation must cover (tests enforce it). */
export function translatableIds(): { categories: string[]; rules: string[] } {
  return { categories: categoryIds, rules: [...ruleById.keys()] };
}
