// Owns looking up a red flag's words for the panel: the category's title, explanation and what-to-check,
// and the rule's title, all from the rule data in rules/ (never written here), in the interface language
// (rules/i18n, falling back to English). Runs next to the engine in the background worker, which holds every
// language: the page receives only the words it shows.
import { categoryTexts, ruleTexts } from '../../rules/i18n';
import type { Flag } from '../../rules';
import { isRedFlagCategory, quotesOf } from '../flags';

export interface FlagGroup {
  category: string;
  title: string;
  explanation: string;
  whatToCheck: string;
  rules: Array<{ rule: string; title: string; quotes: Array<{ text: string; message?: number }> }>;
}

/** A finding's red flags grouped by category, with their texts from the rule data in `lang`. */
export function explainFlags(flags: Flag[], lang: string): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const flag of flags) {
    if (!isRedFlagCategory(flag.category)) continue;
    let group = groups.get(flag.category);
    if (!group) {
      const category = categoryTexts(flag.category, lang);
      group = {
        category: flag.category,
        title: category?.title || flag.category,
        explanation: category?.explanation ?? '',
        whatToCheck: category?.whatToCheck ?? '',
        rules: [],
      };
      groups.set(flag.category, group);
    }
    group.rules.push({ rule: flag.rule, title: ruleTexts(flag.rule, lang)?.title || flag.rule, quotes: quotesOf(flag) });
  }
  return [...groups.values()];
}
