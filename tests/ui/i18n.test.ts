// Owns the bar for interface languages: every shipped locale has every message key with the same
// placeholders, every category and rule has its title and explanation in every shipped language, and the
// lookups fall back to English.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES, resolveLocale } from '../../components/i18n/locales';
import { englishMessages, loadMessages, localeFolders, translator } from '../../components/i18n/messages';
import { categoryTexts, ruleTexts, ruleTranslations, translatableIds } from '../../rules/i18n';
import { builtInPacks } from '../../rules/packs';

const localesDir = resolve(process.cwd(), 'public/_locales');
const read = (folder: string) => JSON.parse(readFileSync(resolve(localesDir, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const english = read('en');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages (public/_locales)', () => {
  it('ships English, Hindi and at least eight more languages, Urdu among them', () => {
    const tags = UI_LOCALES.map((l) => l.tag);
    expect(tags.slice(0, 2)).toEqual(['en', 'hi']);
    expect(tags.length).toBeGreaterThanOrEqual(10);
    expect(UI_LOCALES.find((l) => l.tag === 'ur')?.dir).toBe('rtl');
  });

  it('every shipped locale has a folder, and every folder is a shipped locale', () => {
    const folders = readdirSync(localesDir).sort();
    expect(folders).toEqual(UI_LOCALES.map((l) => l.folder).sort());
    expect(localeFolders().sort()).toEqual(folders);
  });

  it('message keys are valid browser i18n keys', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  for (const locale of UI_LOCALES) {
    it(`${locale.tag}: every key of English is there, none extra, non-empty, same placeholders`, () => {
      const messages = read(locale.folder);
      expect(Object.keys(messages).filter((k) => !(k in english)), 'keys English does not have').toEqual([]);
      const missing = Object.keys(english).filter((k) => !messages[k]?.message?.trim());
      expect(missing, `missing in ${locale.folder}/messages.json`).toEqual([]);
      for (const key of Object.keys(english)) {
        expect(placeholders(messages[key].message), `${locale.folder}: ${key}`).toEqual(placeholders(english[key].message));
        // "$" starts a browser i18n placeholder; our placeholders are {name}.
        expect(messages[key].message, `${locale.folder}: ${key}`).not.toContain('$');
      }
    });
  }

  it('non-English locales are translated, not copies of English', () => {
    for (const locale of UI_LOCALES.filter((l) => l.tag !== 'en')) {
      const messages = read(locale.folder);
      const same = Object.keys(english).filter((k) => messages[k].message === english[k].message && !['extName', 'segmentPost', 'segmentThread'].includes(k));
      expect(same.length, `${locale.folder}: ${same.join(', ')}`).toBeLessThan(5);
    }
  });

  it('loads a chosen language at run time and fills placeholders', async () => {
    const hi = translator(await loadMessages('hi'));
    expect(hi('checkButton')).toBe(read('hi').checkButton.message);
    expect(hi('popupWarningsCount', { count: 3 })).toContain('3');
    expect(translator(await loadMessages('xx'))('checkButton')).toBe(englishMessages.checkButton);
  });

  it('picks the interface language from the setting, else the browser, else English', () => {
    expect(resolveLocale('ur', ['hi-IN'])).toBe('ur');
    expect(resolveLocale('', ['hi-IN', 'en-US'])).toBe('hi');
    expect(resolveLocale('', ['fil-PH'])).toBe('tl');
    expect(resolveLocale('', ['de-DE', 'vi'])).toBe('vi');
    expect(resolveLocale('', ['de-DE'])).toBe('en');
    expect(resolveLocale('', ['zh-CN'])).toBe('zh-Hans');
    expect(resolveLocale('', ['zh-TW'])).toBe('zh-Hans');
    expect(resolveLocale('', ['ko-KR'])).toBe('ko');
    expect(resolveLocale('xx', [])).toBe('en');
  });
});

describe('category and rule texts (rules/i18n)', () => {
  const ids = translatableIds();
  const rulesById = new Map(builtInPacks.flatMap((p) => p.rules).map((r) => [r.id, r]));
  const shipped = UI_LOCALES.filter((l) => l.tag !== 'en').map((l) => l.tag);

  it('there is a translation file for every shipped interface language, and no other', () => {
    expect(Object.keys(ruleTranslations).sort()).toEqual([...shipped].sort());
  });

  for (const lang of shipped) {
    it(`${lang}: every category has title, explanation and what-to-check`, () => {
      const t = ruleTranslations[lang];
      const missing = ids.categories.flatMap((id) => (['title', 'explanation', 'whatToCheck'] as const).filter((f) => !t.categories[id]?.[f]?.trim()).map((f) => `${id}.${f}`));
      expect(missing).toEqual([]);
      expect(Object.keys(t.categories).filter((id) => !ids.categories.includes(id)), 'unknown categories').toEqual([]);
    });

    it(`${lang}: every rule in rules/packs has title and explanation (here or in the pack itself)`, () => {
      const t = ruleTranslations[lang];
      // A pack may carry its own text for a language (the rule authors wrote Hindi alongside English).
      const own = (id: string, f: 'title' | 'explanation') => (rulesById.get(id)?.[f] as Record<string, string> | undefined)?.[lang]?.trim();
      const missing = ids.rules.flatMap((id) => (['title', 'explanation'] as const).filter((f) => !t.rules[id]?.[f]?.trim() && !own(id, f)).map((f) => `${id}.${f}`));
      expect(missing).toEqual([]);
    });
  }

  it('looks texts up in the language, falling back to English', () => {
    expect(categoryTexts('R1', 'hi')?.title).toBe(ruleTranslations.hi.categories.R1.title);
    expect(categoryTexts('R1', 'xx')?.title).toBe('The job is in a scam-compound hotspot');
    expect(categoryTexts('nope', 'hi')).toBeUndefined();
    const rule = ids.rules[0];
    expect(ruleTexts(rule, 'xx')?.title).toBe(rulesById.get(rule)!.title.en);
    expect(ruleTexts(rule, 'id')?.title).toBe(ruleTranslations.id.rules[rule].title);
    expect(ruleTexts(rule, 'hi')?.title).toBe(ruleTranslations.hi.rules[rule]?.title ?? rulesById.get(rule)!.title.hi);
  });
});
