// Owns the popup's behaviour: the tab's verdict in words, red flags with quoted evidence, contacts for the
// user's country and the destination, dismissing, the per-site switch, the empty state, right-to-left Urdu.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../entrypoints/popup/App';
import { detectText } from '../../rules';
import { DEFAULT_SETTINGS, dismissedItem, settingsItem, tabVerdictItem, textHash, type TabVerdict } from '../../components/storage';
import { byText, cleanup, click, flush, mount, waitFor } from './helpers';

const LURE = 'Urgent hiring: data entry job in Cambodia, salary $1500, free air ticket and visa on arrival. Contact on Telegram @hr_job. Typing test only.';

/**
 * Opens a tab and makes it the one the popup belongs to. The fake browser has no public way to activate a
 * tab (tabs.update ignores `active`), so the active-tab query is pointed at it; storage stays the real fake.
 */
async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (info) => (info.active ? [{ ...tab, active: true }] : query(info)));
  return tab.id!;
}

function verdictFor(url: string, text: string): TabVerdict {
  const finding = detectText(text);
  return {
    url,
    level: finding.level,
    updatedAt: 1,
    segments: [{ hash: textHash(text), level: finding.level, score: finding.score, flags: finding.flags, excerpt: text.slice(0, 300), source: 'generic', kind: 'listing' }],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});
afterEach(cleanup);

describe('popup', () => {
  it('shows the level, each red flag with its explanation and quoted words, what to do, and the right contacts', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, homeCountry: 'IN', onboarded: true });
    const id = await openTab('https://jobs.example.com/listing/1');
    await tabVerdictItem(id).setValue(verdictFor('https://jobs.example.com/listing/1', LURE));
    const root = await mount(<App />);
    await waitFor(() => root.querySelector('.segment'), 'segment');

    expect(root.querySelector('.level')?.getAttribute('data-level')).toBe('high');
    expect(root.querySelector('.level-word')?.textContent).toBe('High risk');
    const hotspot = root.querySelector('.flag[data-category="R1"]')!;
    expect(hotspot.querySelector('.flag-title')?.textContent).toBe('The job is in a scam-compound hotspot');
    expect(hotspot.querySelector('.flag-explanation')?.textContent).toMatch(/scam compounds/);
    expect([...hotspot.querySelectorAll('q')].map((q) => q.textContent)).toContain('Cambodia');
    expect(root.querySelector('.flag[data-category="R5"] q')?.textContent).toBe('visa on arrival');
    expect(root.querySelector('.what-to-do li')?.textContent).toMatch(/passport/);

    // India + Cambodia: the embassy in Phnom Penh, as a tel: link, with its source and date.
    const embassy = root.querySelector('[data-group="embassy-KH"]')!;
    expect(embassy.querySelector('.group-title')?.textContent).toBe('Your embassy in Cambodia');
    const card = embassy.querySelector('[data-contact="in-embassy-phnom-penh"]')!;
    expect(card.querySelector('a[href="tel:+85592881676"]')?.textContent).toBe('+855 92881676');
    expect(card.querySelector('a[href="mailto:cons.phnompenh@mea.gov.in"]')).not.toBeNull();
    const source = card.querySelector('.contact-provenance a')!;
    expect(source.getAttribute('target')).toBe('_blank');
    expect(source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.querySelector('.contact-provenance')?.textContent).toMatch(/checked on/);
    expect(root.querySelector('[data-group="register-IN"] [data-contact="in-emigrate-register"] a[href="https://emigrate.gov.in"]')).not.toBeNull();
    expect(root.querySelector('[data-group="police-KH"] a[href="tel:117"]')).not.toBeNull();

    // No contact without its source and checked-on date; every site opens in a new tab without referrer.
    const cards = [...root.querySelectorAll('.contact')];
    expect(cards.length).toBeGreaterThan(3);
    for (const card of cards) {
      expect(card.querySelector('.contact-provenance a[href^="http"]'), card.getAttribute('data-contact')!).not.toBeNull();
      expect(card.querySelector('.contact-provenance')?.textContent, card.getAttribute('data-contact')!).toMatch(/checked on \w+ \d+, \d{4}/);
    }
    for (const link of root.querySelectorAll('.contacts a[href^="http"]')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    for (const link of root.querySelectorAll('.contacts a[href^="tel:"]')) expect(link.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
  });

  it('never shows an unconfirmed contact as confirmed', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, homeCountry: 'IN', onboarded: true });
    const id = await openTab('https://jobs.example.com/');
    await tabVerdictItem(id).setValue(verdictFor('https://jobs.example.com/', LURE + ' Office in Laos.'));
    const root = await mount(<App />);
    await waitFor(() => root.querySelector('[data-contact="in-embassy-vientiane"]'), 'Vientiane entry');
    const unconfirmed = root.querySelector('[data-contact="in-embassy-vientiane"]')!;
    expect(unconfirmed.getAttribute('data-verified')).toBe('no');
    expect(unconfirmed.closest('details.unconfirmed')).not.toBeNull();
    expect(unconfirmed.querySelector('.badge')?.textContent).toMatch(/Not confirmed/);
    for (const card of root.querySelectorAll('[data-verified="yes"]')) expect(card.querySelector('.badge')?.textContent).toMatch(/Confirmed/);
  });

  it('hides a dismissed offer and stores the dismissal', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    const id = await openTab('https://jobs.example.com/');
    const verdict = verdictFor('https://jobs.example.com/', LURE);
    await tabVerdictItem(id).setValue(verdict);
    const root = await mount(<App />);
    await click(await waitFor(() => byText(root, 'button', /I have checked this one/), 'dismiss button'));
    expect(await dismissedItem.getValue()).toEqual([verdict.segments[0].hash]);
    await waitFor(() => root.querySelector('.nothing'), 'empty state');
    expect(root.textContent).toMatch(/Warnings you hid on this page: 1/);
  });

  it('says so when the page has nothing, and offers the checker', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    await openTab('https://news.example.com/');
    const root = await mount(<App />);
    const title = await waitFor(() => root.querySelector('#nothing-title'), 'empty state');
    expect(title.textContent).toBe('Nothing to warn about on this page');
    await click(byText(root, 'button', 'Check an offer'));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/check.html'));
  });

  it('does not warn about low findings unless the user chose "careful"', async () => {
    const low = detectText('Job in Cambodia');
    expect(low.level).toBe('low');
    const id = await openTab('https://jobs.example.com/');
    await tabVerdictItem(id).setValue({
      url: 'https://jobs.example.com/',
      level: 'low',
      updatedAt: 1,
      segments: [{ hash: 'h1', level: 'low', score: low.score, flags: low.flags, excerpt: 'Job in Cambodia', source: 'generic', kind: 'post' }],
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true });
    const root = await mount(<App />);
    await waitFor(() => root.querySelector('.nothing'), 'empty state');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true, sensitivity: 'careful' });
    await waitFor(() => root.querySelector('.segment[data-level="low"]'), 'low segment');
  });

  it('turns scanning off for this site and back on', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, onboarded: true, disabledSites: ['other.example'] });
    await openTab('https://jobs.example.com/x');
    const root = await mount(<App />);
    const box = await waitFor(() => root.querySelector<HTMLInputElement>('.popup-footer input[type="checkbox"]'), 'site switch');
    expect(box.checked).toBe(true);
    await click(box);
    expect((await settingsItem.getValue()).disabledSites).toEqual(['other.example', 'jobs.example.com']);
    await waitFor(() => byText(root, 'p', 'Scanning is turned off on this site.'), 'site-off notice');
    await click(root.querySelector('.popup-footer input[type="checkbox"]'));
    expect((await settingsItem.getValue()).disabledSites).toEqual(['other.example']);
  });

  it('asks a new user for their country', async () => {
    await openTab('https://jobs.example.com/');
    const root = await mount(<App />);
    await waitFor(() => byText(root, 'p', /Choose your home country/), 'onboarding nudge');
  });

  it('speaks the chosen language, and Urdu right-to-left', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'hi', onboarded: true });
    await openTab('https://news.example.com/');
    const root = await mount(<App />);
    await waitFor(() => root.querySelector('#nothing-title'), 'empty state');
    expect(document.documentElement.lang).toBe('hi');
    expect(document.documentElement.dir).toBe('ltr');
    expect(root.querySelector('#nothing-title')?.textContent).not.toBe('Nothing to warn about on this page');

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, uiLanguage: 'ur', onboarded: true });
    await waitFor(() => document.documentElement.dir === 'rtl', 'rtl');
    expect(document.documentElement.lang).toBe('ur');
    await flush();
  });
});
