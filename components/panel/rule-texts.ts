// Owns looking up a red flag's words for the panel: the category's title, explanation and what-to-check,
// and the rule's title, all from the rule data in rules/ (never written here), in the interface language.
import { builtInCategories, builtInPacks, type Category, type Flag, type Localized, type Rule } from '../../rules';

let rulesById: Map<string, Rule> | null = null;
let categoriesById: Map<string, Category> | null = null;

function pick(text: Localized | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text[lang.split('-')[0]] ?? text.en;
}

export interface FlagGroup {
  category: string;
  title: string;
  explanation: string;
  whatToCheck: string;
  rules: Array<{ rule: string; title: string; quotes: Array<{ text: string; message?: number }> }>;
}

// Red-flag categories (R1-R13) and the self-test T are explained; J (it is a job offer) and the
// counter-signals are not red flags.
const RED_FLAG = /^(?:R\d+|T)$/;
const MAX_QUOTES = 3;

/** A finding's red flags grouped by category, with their texts from the rule data. */
export function explainFlags(flags: Flag[], lang: string): FlagGroup[] {
  rulesById ??= new Map(builtInPacks.flatMap((p) => p.rules).map((r) => [r.id, r]));
  categoriesById ??= new Map(builtInCategories.map((c) => [c.id, c]));
  const groups = new Map<string, FlagGroup>();
  for (const flag of flags) {
    if (!RED_FLAG.test(flag.category)) continue;
    let group = groups.get(flag.category);
    if (!group) {
      const category = categoriesById.get(flag.category);
      group = {
        category: flag.category,
        title: pick(category?.title, lang) || flag.category,
        explanation: pick(category?.explanation, lang),
        whatToCheck: pick(category?.whatToCheck, lang),
        rules: [],
      };
      groups.set(flag.category, group);
    }
    const rule = rulesById.get(flag.rule);
    const seen = new Set<string>();
    const quotes: Array<{ text: string; message?: number }> = [];
    for (const e of flag.evidence) {
      const key = e.text.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      quotes.push({ text: e.text.trim(), message: e.message });
      if (quotes.length >= MAX_QUOTES) break;
    }
    group.rules.push({ rule: flag.rule, title: pick(rule?.title, lang) || flag.rule, quotes });
  }
  return [...groups.values()];
}
