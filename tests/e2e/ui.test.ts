// @vitest-environment node
// Owns the end-to-end checks of the popup, the check page, the settings and the in-page panel in real Chromium
// with the built extension: they render, work with the keyboard alone, pass axe (no serious or critical
// violation; inside the panel's closed shadow root too), speak Hindi and Urdu (right-to-left), and the suite
// saves screenshots to docs/screenshots/. Also the first run (the settings open by themselves) and the
// context-menu item, whose click is dispatched from the service worker (headless Chromium opens no menus).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { detectText } from '../../rules';
import { textHash } from '../../components/storage';
import { axeShadowViolations, axeViolations, describeViolations, exposeClosedShadowRoots } from './axe';
import { launchBrowser, ROOT, startServer, type Browser, type FixtureServer } from './harness';

// The extension API inside the pages and the worker (evaluate runs there, not in Node).
declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, any>>; set(v: object): Promise<void> }>;
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; active: boolean }>> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

const SHOTS = join(ROOT, 'docs/screenshots');
const LURE_EN = 'Urgent hiring: data entry job in Cambodia, salary $1500, free air ticket and visa on arrival. Contact on Telegram @hr_job. Typing test only.';
// A forwarded WhatsApp offer in Hindi, as a family member would paste it.
const LURE_HI = [
  '*ज़रूरी भर्ती* 🇹🇭',
  'थाईलैंड में डेटा एंट्री / कस्टमर सपोर्ट की नौकरी, सैलरी 1200 USD हर महीने।',
  'कोई अनुभव नहीं चाहिए, सिर्फ़ टाइपिंग टेस्ट। फ़्री टिकट और होटल कंपनी देगी।',
  'टूरिस्ट वीज़ा पर आना है, वर्क परमिट वहाँ बनेगा। बैंकॉक से कंपनी की गाड़ी म्यावाडी ले जाएगी।',
  'ज़्यादा लोगों को मत बताना। संपर्क: Telegram @thai_jobs_hr',
].join('\n');

// The extension is built once by the e2e project's global setup (tests/e2e/global-setup.ts).
let app: Browser & { url(path: string): string };
// Fixture pages (tests/fixtures/pages) on 127.0.0.1.
let server: FixtureServer;
// What the fresh profile showed right after the install (the settings tab opens by itself; see 'first run').
let firstRun: { url: string; active: boolean; asksCountry: boolean } | null = null;

afterEach(async () => {
  // A failed test leaves its page open; an open check page would take the next test's hand-over text.
  for (const page of app?.context.pages() ?? []) await page.close();
});

/** Opens an extension page ("check.html") or any URL in a new tab. */
async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await app.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(/^https?:/.test(path) ? path : app.url(path));
  return page;
}


/** Writes extension storage from an extension page (the same keys WXT's storage items use). */
async function setStorage(area: 'local' | 'session', values: Record<string, unknown>): Promise<void> {
  const page = await open('options.html');
  await page.evaluate(([a, v]) => chrome.storage[a].set(v), [area, values] as const);
  await page.close();
}

async function expectAccessible(page: Page, what: string) {
  const violations = await axeViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const browser = await launchBrowser(inject('extensionDir'));
  app = Object.assign(browser, { url: (path: string) => `chrome-extension://${browser.extensionId}/${path.replace(/^\//, '')}` });
  // The install opens the settings in a tab of its own. Wait for it here, before any test, so that it cannot
  // appear in the middle of one; the first test looks at what it showed, afterEach closes it.
  const settingsUrl = app.url('options.html');
  let settings: Page | undefined;
  for (let i = 0; i < 300 && !settings; i++) {
    settings = app.context.pages().find((p) => p.url() === settingsUrl);
    if (!settings) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (settings) {
    const asksCountry = await settings.locator('#onboard-country').waitFor({ timeout: 30_000 }).then(() => true, () => false);
    const active = await app.worker.evaluate(async (url) => {
      // All tabs, then by URL: a query's url filter takes match patterns, which have no chrome-extension scheme.
      const tabs = await (globalThis as unknown as { chrome: typeof chrome }).chrome.tabs.query({});
      return Boolean(tabs.find((t) => t.url === url)?.active);
    }, settingsUrl);
    firstRun = { url: settings.url(), active, asksCountry };
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await server?.close();
});

describe('first run', () => {
  it('a fresh profile gets the settings opened once, in a background tab (an unpacked install), asking the country', async () => {
    expect(firstRun).toEqual({ url: app.url('options.html'), active: false, asksCountry: true });
    // Exactly one settings tab: nothing else opened by itself.
    expect(app.context.pages().filter((p) => p.url().startsWith('chrome-extension://')).map((p) => p.url())).toEqual([app.url('options.html')]);
  });
});

describe('check page', () => {
  it('a family member pastes a Hindi WhatsApp offer and gets, in Hindi, what is wrong, whom to call and a message', async () => {
    await setStorage('local', { settings: { homeCountry: 'IN', uiLanguage: 'hi', sensitivity: 'standard', disabledSites: [], onboarded: true } });
    const page = await open('check.html');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await page.locator('#offer-text').fill(LURE_HI);
    await page.getByRole('button', { name: 'जाँचें', exact: true }).click();
    const result = page.locator('.result');
    await result.waitFor();
    const level = await result.locator('.level').first().getAttribute('data-level');
    expect(['medium', 'high']).toContain(level);
    // Explanations come in Hindi (Devanagari), with the offer's own words quoted.
    const firstFlag = result.locator('.flag').first();
    expect(await firstFlag.locator('.flag-explanation').innerText()).toMatch(/[\u0900-\u097F]/);
    expect(await result.locator('.flag q').count()).toBeGreaterThan(0);
    // Whom to call: Indian contacts, as tel: links.
    expect(await result.locator('a[href="tel:1930"]').count()).toBeGreaterThan(0);
    // A message to send back, in Hindi, naming a number to call.
    const message = await page.locator('#family-text').inputValue();
    expect(message).toMatch(/[\u0900-\u097F]/);
    expect(message).toMatch(/1930|\+66 618819218/);
    await expectAccessible(page, 'check page with a Hindi result');
    await page.screenshot({ path: join(SHOTS, 'check-page-hindi.png'), fullPage: false });
    await page.close();
  });

  it('works with the keyboard alone and saves a screenshot', async () => {
    await setStorage('local', { settings: { homeCountry: 'PH', uiLanguage: 'en', sensitivity: 'standard', disabledSites: [], onboarded: true } });
    const page = await open('check.html');
    await page.locator('#offer-text').waitFor();
    // Tab from the top of the page to the text box: language, country, then the text.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('offer-text');
    await page.keyboard.insertText(LURE_EN);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');
    await page.locator('.result').waitFor();
    // Focus moves to the result.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    expect(await page.locator('.result .level').first().getAttribute('data-level')).toBe('high');
    // Reach the Copy button by keyboard and use it.
    for (let i = 0; i < 200 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Copy'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.family .status').innerText()).toMatch(/Copied|Could not copy/);
    await expectAccessible(page, 'check page with an English result');
    await page.screenshot({ path: join(SHOTS, 'check-page.png'), fullPage: true });
    await page.close();
  });

  it('reads a text handed over in session storage (context menu, in-page panel) and clears it', async () => {
    await setStorage('session', { 'check-text': LURE_EN });
    const page = await open('check.html');
    await page.locator('.result').waitFor();
    expect(await page.locator('#offer-text').inputValue()).toBe(LURE_EN);
    expect(await page.evaluate(() => chrome.storage.session.get('check-text'))).toEqual({});
    await page.close();
  });

  it('reads a WhatsApp chat export dropped on the text box (iOS format) and one opened with the file button (Android)', async () => {
    await setStorage('local', { settings: { homeCountry: 'ID', uiLanguage: 'en', sensitivity: 'standard', disabledSites: [], onboarded: true } });
    const ios = ['[12/03/24, 10:01:15] Rina Recruiter: Hi! Job in Cambodia, customer service, gaji USD 1000', '\u200e[12/03/24, 10:01:40] Rina Recruiter: \u200eimage omitted', '[12/03/24, 10:02:05] Rina Recruiter: Free flight ticket and hotel. Tourist visa only', '[12/03/24, 10:03:00] Me: ok'].join('\n');
    const page = await open('check.html');
    await page.locator('#offer-text').waitFor();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'WhatsApp Chat - Rina.txt', { type: 'text/plain' }));
      document.querySelector('#offer-text')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, ios);
    await page.locator('.result').waitFor();
    expect(await page.locator('form .status').innerText()).toBe('Read a chat with 3 messages from WhatsApp Chat - Rina.txt.');
    expect(['medium', 'high']).toContain(await page.locator('.result .level').first().getAttribute('data-level'));
    expect(await page.locator('[data-group="embassy-KH"] a[href="tel:+85512813282"]').count()).toBe(1);

    const android = ['3/12/24, 10:01 AM - Agent: Data entry job in Myanmar, salary $1500', '3/12/24, 10:02 AM - Agent: Free air ticket, visa on arrival, typing test only', '3/12/24, 10:03 AM - Me: thanks'].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'chat.txt', mimeType: 'text/plain', buffer: Buffer.from(android) });
    await expect.poll(() => page.locator('form .status').innerText()).toBe('Read a chat with 3 messages from chat.txt.');
    expect(await page.locator('.result .flag[data-category="R1"] .quote-where').first().innerText()).toMatch(/message 1/);
    await page.close();
  });

  it('renders right-to-left in Urdu and stays accessible', async () => {
    await setStorage('local', { settings: { homeCountry: 'PK', uiLanguage: 'ur', sensitivity: 'standard', disabledSites: [], onboarded: true } });
    const page = await open('check.html');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('#offer-text').fill(LURE_EN);
    await page.locator('form button[type="submit"]').click();
    await page.locator('.result').waitFor();
    // The form's text box starts on the right in RTL.
    const box = (await page.locator('#offer-text').boundingBox())!;
    const heading = (await page.locator('h1').boundingBox())!;
    expect(heading.x + heading.width).toBeGreaterThan(box.x + box.width - 40);
    await expectAccessible(page, 'check page in Urdu');
    await page.screenshot({ path: join(SHOTS, 'check-page-urdu.png') });
    await page.close();
  });
});

describe('popup', () => {
  async function seedVerdict(tabId: number, url: string, text: string) {
    const finding = detectText(text);
    await setStorage('session', {
      [`verdict:${tabId}`]: {
        url,
        level: finding.level,
        updatedAt: Date.now(),
        segments: [{ hash: textHash(text), level: finding.level, score: finding.score, flags: finding.flags, excerpt: text.slice(0, 300), source: 'generic', kind: 'listing' }],
      },
    });
  }

  it('shows the verdict, red flags with quotes, what to do and contacts; keyboard dismiss works', async () => {
    await setStorage('local', { settings: { homeCountry: 'IN', uiLanguage: 'en', sensitivity: 'standard', disabledSites: [], onboarded: true }, dismissed: [] });
    await seedVerdict(424242, 'https://jobs.example.com/listing/1', LURE_EN);
    const page = await open('popup.html?tab=424242', { width: 400, height: 600 });
    await page.locator('.segment').waitFor();
    expect(await page.locator('.level').first().getAttribute('data-level')).toBe('high');
    expect(await page.locator('.flag[data-category="R1"] q').first().innerText()).toBe('Cambodia');
    expect(await page.locator('[data-group="embassy-KH"] a[href="tel:+85592881676"]').count()).toBe(1);
    const external = page.locator('.contact-provenance a').first();
    expect(await external.getAttribute('target')).toBe('_blank');
    expect(await external.getAttribute('rel')).toBe('noopener noreferrer');
    await expectAccessible(page, 'popup with a warning');
    await page.screenshot({ path: join(SHOTS, 'popup.png'), fullPage: true });

    // Keyboard: reach the dismiss button and press Space.
    for (let i = 0; i < 100 && !(await page.evaluate(() => document.activeElement?.textContent?.startsWith('I have checked'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.locator('.nothing').waitFor();
    expect(await page.evaluate(() => chrome.storage.local.get('dismissed'))).toEqual({ dismissed: [textHash(LURE_EN)] });
    await page.close();
  });

  it('says when the page has nothing, offers the checker, and is accessible in Hindi', async () => {
    await setStorage('local', { settings: { homeCountry: 'NP', uiLanguage: 'hi', sensitivity: 'standard', disabledSites: [], onboarded: true } });
    const page = await open('popup.html?tab=777', { width: 400, height: 600 });
    await page.locator('.nothing').waitFor();
    expect(await page.locator('#nothing-title').innerText()).toMatch(/[\u0900-\u097F]/);
    await expectAccessible(page, 'empty popup in Hindi');
    await page.screenshot({ path: join(SHOTS, 'popup-nothing-hindi.png'), fullPage: true });
    const [checker] = await Promise.all([app.context.waitForEvent('page'), page.locator('.popup-footer .button-primary').click()]);
    await checker.waitForURL(/check\.html$/);
    await checker.close();
  });
});

describe('settings', () => {
  it('asks a new user two questions with the keyboard alone, then shows the settings; accessible', async () => {
    await setStorage('local', { settings: { homeCountry: '', uiLanguage: '', sensitivity: 'standard', disabledSites: [], onboarded: false } });
    const page = await open('options.html');
    await page.locator('#onboard-country').waitFor();
    await expectAccessible(page, 'onboarding');
    await page.locator('#onboard-country').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save and start');
    await page.locator('#onboard-country').selectOption('KE');
    await page.locator('#onboard-country').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#home-country').waitFor();
    expect(await page.locator('#home-country').inputValue()).toBe('KE');
    const stored = await page.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({ homeCountry: 'KE', onboarded: true });
    // Sensitivity by keyboard: focus the checked radio, arrow to the next.
    await page.locator('input[value="standard"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await page.evaluate(() => chrome.storage.local.get('settings'))).settings.sensitivity).toBe('careful');
    await expectAccessible(page, 'settings');
    await page.screenshot({ path: join(SHOTS, 'settings.png'), fullPage: true });
    await page.close();
  });
});

describe('in-page panel', () => {
  const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.localName ?? null);
  const panelShown = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('lurewatch-panel');
      return Boolean(host && getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().height > 0);
    });

  it('opens from the mark with the keyboard, passes axe inside its closed shadow root, and saves a screenshot', async () => {
    await setStorage('local', { settings: { homeCountry: 'IN', uiLanguage: 'en', sensitivity: 'standard', disabledSites: [], onboarded: true }, dismissed: [] });
    // A small laptop screen.
    const page = await open(`${server.origin}/generic-jobs.html`, { width: 1280, height: 800 });
    await expect.poll(() => page.locator('#job-101').getAttribute('data-lurewatch-risk'), { timeout: 60_000 }).toMatch(/^(medium|high)$/);
    // Keyboard only: Tab from the top of the page to the first mark, Enter opens the panel.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await activeTag(page)) === 'lurewatch-mark';
    }
    expect(reached, 'Tab should reach a mark').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => panelShown(page), { timeout: 30_000 }).toBe(true);
    // Focus moved into the panel (its heading).
    await expect.poll(() => activeTag(page), { timeout: 30_000 }).toBe('lurewatch-panel');
    // Escape closes it and gives focus back to the mark.
    await page.keyboard.press('Escape');
    await expect.poll(() => panelShown(page), { timeout: 30_000 }).toBe(false);
    expect(await activeTag(page)).toBe('lurewatch-mark');
    // Opened with the mouse, as most people will see it (no keyboard focus ring), on a 1280x800 screen.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const mark = (await page.locator('#job-101 lurewatch-mark').boundingBox())!;
    await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await expect.poll(() => panelShown(page), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => activeTag(page), { timeout: 30_000 }).toBe('lurewatch-panel');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'panel.png') });

    // The whole panel on screen (it scrolls inside itself on a short one), so axe can decide every contrast.
    await exposeClosedShadowRoots(page, 'lurewatch-panel');
    const contentHeight = await page.evaluate(() => document.querySelector('lurewatch-panel')!.shadowRoot!.querySelector('.panel')!.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.ceil(contentHeight) + 100 });
    const { violations, checkedInShadow } = await axeShadowViolations(page, 'lurewatch-panel');
    // axe looked inside the shadow root (the texts, the buttons, the lists), not just at the host.
    expect(checkedInShadow['color-contrast'], JSON.stringify(checkedInShadow)).toBeGreaterThan(20);
    expect(checkedInShadow['button-name'], JSON.stringify(checkedInShadow)).toBe(2);
    expect(checkedInShadow['listitem'], JSON.stringify(checkedInShadow)).toBeGreaterThan(4);
    expect(violations, `in-page panel:\n${describeViolations(violations)}`).toEqual([]);
    await page.close();
  });
});

describe('context menu', () => {
  it('"Check this text with LureWatch" on a selection: the badge, and the check page with the text filled in and judged', async () => {
    // Scanning is off on this site, so only the checked selection can set the badge.
    await setStorage('local', { settings: { homeCountry: 'KE', uiLanguage: 'en', sensitivity: 'standard', disabledSites: ['127.0.0.1'], onboarded: true } });
    const url = `${server.origin}/news-article.html`;
    const page = await open(url);
    // The user selects a recruiter's offer quoted on the page.
    const selectionText = await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'forwarded';
      p.textContent = 'Urgent hiring: data entry job in Cambodia, salary $1500, free air ticket and visa on arrival. Contact on Telegram @hr_job. Typing test only.';
      document.querySelector('.story-body')!.append(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selectionText).toBe(LURE_EN);
    // Headless Chromium opens no context menu: dispatch the click the browser would send, from the worker.
    const [checkPage, tabId] = await Promise.all([
      app.context.waitForEvent('page', { timeout: 60_000 }),
      app.worker.evaluate(
        async ({ url, selectionText }) => {
          const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
          const [tab] = await c.tabs.query({ url });
          c.contextMenus.onClicked.dispatch({ menuItemId: 'lurewatch-check-selection', selectionText, pageUrl: url, editable: false }, tab);
          return tab.id!;
        },
        { url, selectionText },
      ),
    ]);
    await checkPage.waitForURL(app.url('check.html'));
    await checkPage.locator('.result').waitFor();
    expect(await checkPage.locator('#offer-text').inputValue()).toBe(LURE_EN);
    expect(await checkPage.locator('.result .level').first().getAttribute('data-level')).toBe('high');
    // Kenyan contacts; the embassy in Cambodia, which LureWatch has no contact for, is named as missing.
    expect(await checkPage.locator('[data-group="hotline-KE"] a[href="tel:+254207876000"]').count()).toBe(1);
    expect(await checkPage.locator('[data-group="missing"] li[data-missing="embassy-KH"]').innerText()).toBe('Your embassy in Cambodia');
    // The selection counts for its tab: the badge shows it although the page itself is not scanned.
    await expect.poll(() => app.worker.evaluate((id) => (globalThis as unknown as { chrome: typeof chrome }).chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 30_000 }).toBe('HIGH');
    await checkPage.close();
    await page.close();
    await setStorage('local', { settings: { homeCountry: 'KE', uiLanguage: 'en', sensitivity: 'standard', disabledSites: [], onboarded: true } });
  });
});
