// Owns choosing the in-page panel's wording for a page: the interface language (the user's setting, else the
// browser's), its direction, and the panel's texts from the shipped interface messages (public/_locales, the
// same files as the popup and the check page). Runs in the background worker, which sends the texts to the
// scanner: the page bundle carries no language at all, only the one the user reads arrives with the page.
import { loadMessages, translator, type MessageKey, type Messages } from '../i18n/messages';
import { browserLanguages } from '../i18n/browser-languages';
import { resolveLocale, uiLocale } from '../i18n/locales';
import { settingsItem } from '../storage';

/** Every interface message the panel and the marks show (tests check each shipped language has them all). */
export const PANEL_KEYS = [
  'extName',
  'panelMark',
  'panelMarkLabel',
  'panelClose',
  'panelSummary',
  'panelFullExplanation',
  'panelDismissed',
  'levelHigh',
  'levelMedium',
  'levelLow',
  'levelHighSummary',
  'levelMediumSummary',
  'levelLowSummary',
  'segmentListing',
  'segmentPost',
  'segmentMessage',
  'segmentThread',
  'segmentSelection',
  'flagsHeading',
  'evidenceLabel',
  'evidenceInMessage',
  'whatToCheckLabel',
  'whatToDoHeading',
  'stepNoDocuments',
  'stepWorkVisa',
  'stepAskEmployer',
  'stepTalk',
  'contactsHeading',
  'dismissButton',
  'privacyNote',
] as const satisfies readonly MessageKey[];

export type PanelKey = (typeof PANEL_KEYS)[number];
/** The panel's texts in one language: every key present (English where a language lacks one). */
export type PanelTexts = Record<PanelKey, string>;

/** What the scanner needs to speak the user's language on the page. */
export interface PanelLocale {
  /** A shipped interface language tag (also the language of the red flags' explanations). */
  lang: string;
  dir: 'ltr' | 'rtl';
  texts: PanelTexts;
}

/** The panel's texts out of one language's messages, English for anything missing. */
export function panelTexts(messages: Messages): PanelTexts {
  const t = translator(messages);
  const texts = {} as PanelTexts;
  for (const key of PANEL_KEYS) texts[key] = t(key);
  return texts;
}

/** The panel's language and texts for a language setting ('' follows the browser's languages). */
export async function panelLocale(setting: string, browserLanguages: readonly string[]): Promise<PanelLocale> {
  const lang = resolveLocale(setting, browserLanguages);
  return { lang, dir: uiLocale(lang)?.dir ?? 'ltr', texts: panelTexts(await loadMessages(lang)) };
}

/** The panel's language and texts for the user's settings and the browser's languages (background worker). */
export async function currentPanelLocale(): Promise<PanelLocale> {
  return panelLocale((await settingsItem.getValue()).uiLanguage, browserLanguages());
}
