// Owns reading the browser's languages, for the pages (i18n context) and the background worker (panel texts).
import { browser } from 'wxt/browser';

/** The browser's languages, best first (browser.i18n may be missing in tests). */
export function browserLanguages(): string[] {
  const list: string[] = [];
  try {
    list.push(browser.i18n.getUILanguage());
  } catch {
    // The test browser has no i18n; navigator is enough there.
  }
  if (typeof navigator !== 'undefined') list.push(...(navigator.languages ?? []), navigator.language);
  return list.filter(Boolean);
}
