// Tests the in-page panel's languages: every message the panel and the marks show exists, non-empty and with
// English's placeholders, in every shipped interface language (public/_locales), so no user sees a panel
// half in English; and the background worker answers the scanner with the user's chosen language.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UI_LOCALES } from '../../components/i18n/locales';
import { DEFAULT_SETTINGS, settingsItem } from '../../components/storage';
import { currentPanelLocale, panelLocale, PANEL_KEYS } from '../../components/panel/texts';

const read = (folder: string) => JSON.parse(readFileSync(resolve(process.cwd(), 'public/_locales', folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = read('en');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('panel texts in every shipped language', () => {
  for (const locale of UI_LOCALES) {
    it(`${locale.tag}: has every panel message, with English's placeholders`, async () => {
      const messages = read(locale.folder);
      const missing = PANEL_KEYS.filter((key) => !messages[key]?.message?.trim());
      expect(missing, `panel keys missing in public/_locales/${locale.folder}/messages.json`).toEqual([]);
      for (const key of PANEL_KEYS) expect(placeholders(messages[key].message), `${locale.folder}: ${key}`).toEqual(placeholders(english[key].message));
      // What the worker sends is that language's own text, never an English stand-in.
      const sent = await panelLocale(locale.tag, []);
      expect(sent.lang).toBe(locale.tag);
      expect(sent.dir).toBe(locale.dir);
      for (const key of PANEL_KEYS) expect(sent.texts[key], key).toBe(messages[key].message);
    });
  }

  it('the panel messages are translated, not English copies (brand and punctuation aside)', () => {
    for (const locale of UI_LOCALES.filter((l) => l.tag !== 'en')) {
      const messages = read(locale.folder);
      const same = PANEL_KEYS.filter((key) => !['extName', 'panelMark', 'segmentPost', 'segmentThread'].includes(key) && messages[key].message === english[key].message);
      expect(same, locale.folder).toEqual([]);
    }
  });
});

describe('the worker answers the scanner in the chosen language', () => {
  it('follows the setting, else the browser, and gives Urdu right to left', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'ur' });
    expect(await currentPanelLocale()).toMatchObject({ lang: 'ur', dir: 'rtl' });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'ja' });
    const ja = await currentPanelLocale();
    expect(ja).toMatchObject({ lang: 'ja', dir: 'ltr' });
    expect(ja.texts.panelClose).toBe(read('ja').panelClose.message);
  });
});
