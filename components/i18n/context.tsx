// Owns the interface language inside the Preact pages: which language is active (from the settings or the
// browser), its loaded texts, and the document's lang/dir (Urdu renders right-to-left).
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { englishMessages, loadMessages, translator, type Messages, type Translate } from './messages';
import { resolveLocale, uiLocale } from './locales';
import { browserLanguages } from './browser-languages';
import { useRuleTranslations } from './rule-texts';
import type { RuleTranslations } from '../../rules/i18n/lookup';

export interface I18n {
  /** Active language tag (a shipped locale). */
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** Category and rule translations for `lang` (undefined for English: the rule data itself). */
  ruleTable: RuleTranslations | undefined;
}

const english: I18n = { lang: 'en', dir: 'ltr', t: translator(englishMessages), ruleTable: undefined };
const I18nContext = createContext<I18n>(english);

/** The active language and its translator. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Loads the texts for a language; returns null until they are ready. */
export function useMessages(tag: string): Messages | null {
  const [state, setState] = useState<{ tag: string; messages: Messages } | null>(tag === 'en' ? { tag, messages: englishMessages } : null);
  useEffect(() => {
    let alive = true;
    loadMessages(tag).then((messages) => alive && setState({ tag, messages }));
    return () => {
      alive = false;
    };
  }, [tag]);
  return state && state.tag === tag ? state.messages : null;
}

/**
 * Provides the interface language (texts, direction, category and rule translations) to its children. `setting` is settings.uiLanguage ('' follows the browser).
 * Renders nothing until the texts are loaded, so no English flashes before the chosen language.
 */
export function I18nProvider({ setting, children, applyToDocument = true }: { setting: string; children: ComponentChildren; applyToDocument?: boolean }) {
  const lang = resolveLocale(setting, browserLanguages());
  const messages = useMessages(lang);
  const ruleTable = useRuleTranslations(lang);
  const dir = uiLocale(lang)?.dir ?? 'ltr';
  useEffect(() => {
    if (!applyToDocument || !messages) return;
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir, messages, applyToDocument]);
  if (!messages || ruleTable === undefined) return null;
  return <I18nContext.Provider value={{ lang, dir, t: translator(messages), ruleTable: ruleTable ?? undefined }}>{children}</I18nContext.Provider>;
}
