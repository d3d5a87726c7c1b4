// Owns loading one language's category and rule translations (rules/i18n/<lang>.json) at run time, so a
// page carries only the language it shows, not all of them.
import { useEffect, useState } from 'preact/hooks';
import type { RuleTranslations } from '../../rules/i18n/lookup';

// Each language becomes its own chunk, loaded only when needed.
const loaders = import.meta.glob<RuleTranslations>('../../rules/i18n/*.json', { import: 'default' });
const cache = new Map<string, RuleTranslations | undefined>([['en', undefined]]);

/** The translation table for `lang`, or undefined (English, or a language without a file). */
export async function loadRuleTranslations(lang: string): Promise<RuleTranslations | undefined> {
  if (cache.has(lang)) return cache.get(lang);
  const loader = loaders[`../../rules/i18n/${lang}.json`];
  const table = loader ? await loader() : undefined;
  cache.set(lang, table);
  return table;
}

/** The table for `lang` once loaded: `undefined` while loading, `null` when there is none (English). */
export function useRuleTranslations(lang: string): RuleTranslations | null | undefined {
  const [state, setState] = useState<{ lang: string; table: RuleTranslations | null } | null>(null);
  useEffect(() => {
    let alive = true;
    loadRuleTranslations(lang).then((table) => alive && setState({ lang, table: table ?? null }));
    return () => {
      alive = false;
    };
  }, [lang]);
  return state && state.lang === lang ? state.table : undefined;
}
