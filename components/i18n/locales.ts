// Owns the list of interface languages LureWatch ships, how they map to browser locale folders
// (public/_locales/<folder>), their writing direction, and how a setting or browser language picks one.

export interface UiLocale {
  /** Language tag, as in rules/languages.json and rules/i18n/<tag>.json. */
  tag: string;
  /** Folder under public/_locales (Chrome's locale code). */
  folder: string;
  /** The language's name in itself, shown in language pickers. */
  native: string;
  /** English name, for the options page's secondary label. */
  english: string;
  dir: 'ltr' | 'rtl';
}

/** Shipped interface languages, English first (the fallback for every missing text). */
export const UI_LOCALES: readonly UiLocale[] = [
  { tag: 'en', folder: 'en', native: 'English', english: 'English', dir: 'ltr' },
  { tag: 'hi', folder: 'hi', native: 'हिन्दी', english: 'Hindi', dir: 'ltr' },
  { tag: 'bn', folder: 'bn', native: 'বাংলা', english: 'Bengali', dir: 'ltr' },
  { tag: 'ta', folder: 'ta', native: 'தமிழ்', english: 'Tamil', dir: 'ltr' },
  { tag: 'ml', folder: 'ml', native: 'മലയാളം', english: 'Malayalam', dir: 'ltr' },
  { tag: 'ne', folder: 'ne', native: 'नेपाली', english: 'Nepali', dir: 'ltr' },
  { tag: 'ur', folder: 'ur', native: 'اردو', english: 'Urdu', dir: 'rtl' },
  { tag: 'id', folder: 'id', native: 'Bahasa Indonesia', english: 'Indonesian', dir: 'ltr' },
  { tag: 'tl', folder: 'fil', native: 'Tagalog', english: 'Tagalog', dir: 'ltr' },
  { tag: 'vi', folder: 'vi', native: 'Tiếng Việt', english: 'Vietnamese', dir: 'ltr' },
  { tag: 'ko', folder: 'ko', native: '한국어', english: 'Korean', dir: 'ltr' },
  { tag: 'zh-Hans', folder: 'zh_CN', native: '简体中文', english: 'Chinese (Simplified)', dir: 'ltr' },
  { tag: 'ja', folder: 'ja', native: '日本語', english: 'Japanese', dir: 'ltr' },
];

export const DEFAULT_LOCALE = 'en';

/** The shipped locale for a tag, or undefined. */
export function uiLocale(tag: string): UiLocale | undefined {
  return UI_LOCALES.find((l) => l.tag === tag);
}

/**
 * Picks the interface language: the user's setting when it is shipped, otherwise the first browser
 * language we ship ("hi-IN" → hi, "fil" → tl, "zh-CN" → zh-Hans), otherwise English.
 */
export function resolveLocale(setting: string, browserLanguages: readonly string[]): string {
  if (setting && uiLocale(setting)) return setting;
  for (const raw of browserLanguages) {
    const lang = raw.replace('_', '-').toLowerCase();
    const exact = UI_LOCALES.find((l) => l.tag.toLowerCase() === lang || l.folder.toLowerCase().replace('_', '-') === lang);
    if (exact) return exact.tag;
    const base = lang.split('-')[0];
    if (base === 'zh') {
      // Traditional-script regions get Traditional when shipped, else Simplified rather than English.
      const tag = /-(tw|hk|mo|hant)/.test(lang) ? 'zh-Hant' : 'zh-Hans';
      if (uiLocale(tag)) return tag;
      if (uiLocale('zh-Hans')) return 'zh-Hans';
      continue;
    }
    const byBase = UI_LOCALES.find((l) => l.tag === base || l.folder === base);
    if (byBase) return byBase.tag;
  }
  return DEFAULT_LOCALE;
}
