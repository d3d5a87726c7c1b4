// End-to-end: the built extension in Debian's Chromium on fixture pages served from 127.0.0.1 (the known
// sites under their real host names, mapped to 127.0.0.1). Asserts marks, badge, panel (in English and in
// Urdu, right to left), dismissal, the per-site switch, a page whose job-like text arrives after load, that
// the extension makes no request of its own and that pages log no errors.
// Nothing here times anything: waits poll until a state is reached (generous limits for a 2-core machine).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { badgeText, launchBrowser, ROOT, startServer, type Browser, type FixtureServer } from './harness';

const SENTINEL = 'LUREWATCH-TEST-LURE-7F3A';
const WAIT = { timeout: 60_000, interval: 100 };

let server: FixtureServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The adapters' pages: URL path on the mapped host, fixture, elements that must be flagged or stay clean. */
const ADAPTER_PAGES = [
  { id: 'linkedin-jobs', host: 'www.linkedin.com', path: '/jobs/search/', query: '?keywords=customer%20support', fixture: 'linkedin-jobs.html', segment: 'li[data-occludable-job-id]', flagged: ['.jobs-search__job-details--wrapper'], clean: ['li[data-occludable-job-id="4012345679"]', 'li[data-occludable-job-id="4012345680"]'] },
  { id: 'linkedin-messaging', host: 'www.linkedin.com', path: '/messaging/thread/2-YjQ4ZTM1/', query: '', fixture: 'linkedin-messaging.html', segment: '.msg-s-event-listitem', flagged: ['.msg-s-message-list'], clean: ['[data-event-urn="urn:li:msg_message:2"]'] },
  { id: 'indeed', host: 'www.indeed.com', path: '/jobs', query: '?q=customer+service', fixture: 'indeed.html', segment: '.job_seen_beacon', flagged: ['#mosaic-provider-jobcards li:nth-child(1) .job_seen_beacon'], clean: ['#mosaic-provider-jobcards li:nth-child(2) .job_seen_beacon', '.jobsearch-JobComponent'] },
  { id: 'naukri', host: 'www.naukri.com', path: '/data-entry-jobs', query: '', fixture: 'naukri.html', segment: '.srp-jobtuple-wrapper', flagged: ['[data-job-id="210924501234"]'], clean: ['[data-job-id="210924505678"]', '[data-job-id="210924509999"]'] },
  { id: 'jobstreet', host: 'www.jobstreet.com', path: '/customer-service-jobs', query: '', fixture: 'jobstreet.html', segment: 'article[data-automation="normalJob"]', flagged: ['[data-job-id="79123456"]'], clean: ['[data-job-id="79123457"]', '[data-automation="jobDetailsPage"]'] },
  { id: 'facebook-posts', host: 'www.facebook.com', path: '/groups/1234567890123/', query: '', fixture: 'facebook-group.html', segment: '[aria-posinset]', flagged: ['[aria-posinset="1"]'], clean: ['[aria-posinset="2"]', '[aria-posinset="3"]'] },
  { id: 'facebook-marketplace', host: 'www.facebook.com', path: '/marketplace/category/jobs/', query: '', fixture: 'facebook-marketplace.html', segment: 'a[href*="/marketplace/item/"]', flagged: ['[aria-label="Marketplace listing viewer"]'], clean: ['a[href="/marketplace/item/771234567890124/"]', 'a[href="/marketplace/item/771234567890125/"]'] },
  { id: 'facebook-messenger', host: 'www.messenger.com', path: '/t/100088812345678/', query: '', fixture: 'messenger.html', segment: '[role="main"] [role="row"]', flagged: ['[role="main"] [role="grid"]'], clean: [] },
  { id: 'whatsapp', host: 'web.whatsapp.com', path: '/', query: '', fixture: 'whatsapp.html', segment: '#main .message-in', flagged: ['#main'], clean: ['#main .message-out'] },
  { id: 'telegram-k', host: 'web.telegram.org', path: '/k/', query: '#@jobs_thailand_hr', fixture: 'telegram-k.html', segment: '.bubble[data-mid]', flagged: ['.bubbles-inner'], clean: ['.bubble[data-mid="4295032835"]'] },
  { id: 'telegram-a', host: 'web.telegram.org', path: '/a/', query: '#6012345678', fixture: 'telegram-a.html', segment: '.Message[id^="message"]', flagged: ['.MessageList'], clean: ['#message6013'] },
  { id: 'gmail', host: 'mail.google.com', path: '/mail/u/0/', query: '#inbox/FMfcgzQXJWbLmQrLZpVjkZbFGKsdfHPn', fixture: 'gmail.html', segment: 'div.adn', flagged: ['tr.zA.zE', '[role="main"] [role="list"]'], clean: ['tr.zA.yO'] },
];

function watchPage(p: Page): void {
  p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
  p.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${p.url()}: console.error ${message.text()}`);
  });
}

/** Every page the tests opened, as "host /path?query" (what the servers should have seen, and nothing else). */
const opened = new Set<string>();

async function open(url: string): Promise<void> {
  const u = new URL(url);
  opened.add(`${u.hostname} ${u.pathname}${u.search}`);
  await page.goto(url, { waitUntil: 'load' });
}

const riskOf = (selector: string) => page.evaluate((s) => document.querySelector(s)?.getAttribute('data-lurewatch-risk') ?? null, selector);

async function expectFlagged(selector: string): Promise<void> {
  await expect.poll(() => riskOf(selector), { ...WAIT, message: `${selector} should be marked` }).toMatch(/^(medium|high)$/);
}

/**
 * A barrier: adds one more segment holding the self-test phrase after the page's own, and waits until it is
 * marked. The scanner works through its queue in order, so everything queued before it has been judged.
 */
async function probe(segmentSelector: string | null): Promise<void> {
  await page.evaluate(
    ({ selector, sentinel }) => {
      const text = `Self-test probe for the end-to-end test: ${sentinel}`;
      let probeEl: Element;
      const last = selector ? Array.from(document.querySelectorAll(selector)).filter((el) => el.textContent?.trim()).pop() : null;
      if (last) {
        probeEl = last.cloneNode(true) as Element;
        probeEl.querySelectorAll('lurewatch-mark').forEach((m) => m.remove());
        for (const el of [probeEl, ...Array.from(probeEl.querySelectorAll('*'))]) {
          el.removeAttribute('data-lurewatch-risk');
          el.removeAttribute('data-lurewatch-hint');
          if (el.id) el.id += '-probe';
        }
        // Every text of the copy becomes the probe text, whichever part the adapter reads.
        const walker = document.createTreeWalker(probeEl, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim()) node.nodeValue = text;
        last.after(probeEl);
      } else {
        probeEl = document.createElement('div');
        probeEl.textContent = text;
        document.body.append(probeEl);
      }
      probeEl.setAttribute('data-e2e-probe', '');
    },
    { selector: segmentSelector, sentinel: SENTINEL },
  );
  await expect.poll(() => riskOf('[data-e2e-probe]'), { ...WAIT, message: 'the probe should be marked high' }).toBe('high');
}

async function cdp(): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Text inside the panel's closed shadow root, read through the DevTools protocol (which pierces it). */
async function panelText(): Promise<string> {
  const session = await cdp();
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findNode(root, (n) => n.localName === 'lurewatch-panel');
    return host ? collectText(host) : '';
  } finally {
    await session.detach();
  }
}

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

function collectText(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(collectText).join(' ');
}

const panelVisible = () =>
  page.evaluate(() => {
    const host = document.querySelector('lurewatch-panel') as HTMLElement | null;
    if (!host) return false;
    const box = host.getBoundingClientRect();
    return getComputedStyle(host).display !== 'none' && box.width > 0 && box.height > 0;
  });

const activeTag = () => page.evaluate(() => document.activeElement?.localName ?? null);

async function clickMark(containerSelector: string): Promise<void> {
  const box = await page.locator(`${containerSelector} lurewatch-mark`).first().boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

async function setStorage(values: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values);
}

/**
 * A page that starts empty and renders a job board after load, as single-page apps do: the generic job board's
 * cards wait in a <template> (not page text) and are put in 3 s after load, long after the gate's first check.
 */
function latePage(): string {
  const board = readFileSync(join(ROOT, 'tests/fixtures/pages/generic-jobs.html'), 'utf8');
  const results = /<div class="grid results">[\s\S]*?\n <\/div>/.exec(board)![0];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>App</title></head><body><div id="app"></div><template id="later">${results}</template><script>
    setTimeout(() => document.getElementById('app').append(document.getElementById('later').content.cloneNode(true)), 3000);
  </script></body></html>`;
}

beforeAll(async () => {
  server = await startServer();
  for (const p of ADAPTER_PAGES) server.route(`${p.host}${p.path}`, p.fixture);
  server.route('/late-jobs.html', latePage);
  browser = await launchBrowser(inject('extensionDir'));
  browser.context.on('page', watchPage);
  // The worker registers the every-page gate when it starts: pages opened before that would not get it.
  type Scripting = { chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } } };
  const registered = () => browser.worker.evaluate(async () => (await (globalThis as unknown as Scripting).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  for (let i = 0; i < 300 && !(await registered()).includes('lurewatch-gate'); i++) await new Promise((ok) => setTimeout(ok, 100));
  expect(await registered()).toEqual(['lurewatch-gate']);
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('LureWatch in Chromium', () => {
  it('marks the lures on a generic job board, sets the badge, and explains them in the panel', async () => {
    await open(`${server.origin}/generic-jobs.html`);
    await expectFlagged('#job-101');
    await expectFlagged('#job-104');
    await probe('.job.card');
    for (const id of ['#job-102', '#job-103', '#job-105', '#job-106']) expect(await riskOf(id)).toBeNull();
    // Exactly one visible mark per flagged card; no focus taken, no horizontal overflow.
    expect(await page.locator('#job-101 lurewatch-mark').count()).toBe(1);
    expect(await activeTag()).toBe('body');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Evidence words are highlighted without touching the page's DOM.
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('lurewatch-evidence')?.size ?? 0)).toBeGreaterThan(0);
    await expect.poll(() => badgeText(browser), WAIT).toMatch(/^(HIGH|MED)$/);

    // Mouse: the panel opens with the level, the red flags and the quoted words.
    await clickMark('#job-101');
    await expect.poll(panelVisible, WAIT).toBe(true);
    await expect.poll(activeTag, WAIT).toBe('lurewatch-panel');
    const text = await panelText();
    expect(text).toContain('Warning signs found');
    expect(text).toContain('The job is in a scam-compound hotspot');
    expect(text).toContain('Cambodia');
    expect(text).toContain('What to do');
    expect(text).toContain('Full explanation and reporting contacts');
    await page.screenshot({ path: 'test-results/e2e-generic-jobs-panel.png' }).catch(() => {});
    // Escape closes it and gives focus back to the mark.
    await page.keyboard.press('Escape');
    await expect.poll(panelVisible, WAIT).toBe(false);
    expect(await activeTag()).toBe('lurewatch-mark');

    // Keyboard: Tab reaches the mark, Enter opens the panel.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await activeTag()) === 'lurewatch-mark';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(panelVisible, WAIT).toBe(true);
    await expect.poll(activeTag, WAIT).toBe('lurewatch-panel');
    await page.keyboard.press('Escape');
    await expect.poll(panelVisible, WAIT).toBe(false);
  });

  it('judges a generic chat as a conversation', async () => {
    await open(`${server.origin}/generic-chat.html`);
    await expectFlagged('[role="log"]');
    await probe(null);
    // No single message carries enough on its own.
    expect(await page.locator('.message[data-lurewatch-risk]').count()).toBe(0);
  });

  it('scans a page whose job-like text arrives after load (it starts empty)', async () => {
    await open(`${server.origin}/late-jobs.html`);
    expect(await page.evaluate(() => document.body.innerText.trim())).toBe('');
    await expectFlagged('#job-101');
    await expectFlagged('#job-104');
    await probe('.job.card');
    for (const id of ['#job-102', '#job-103']) expect(await riskOf(id)).toBeNull();
  });

  it('leaves a news article about scam compounds unmarked', async () => {
    await open(`${server.origin}/news-article.html`);
    await probe(null);
    expect(await page.locator('[data-lurewatch-risk]:not([data-e2e-probe])').count()).toBe(0);
    expect(await page.locator('lurewatch-mark').count()).toBe(1);
  });

  it('judges messages as they arrive, text edited in place, and a new route (SPA)', async () => {
    await open(`${server.origin}/live-chat.html`);
    // The page adds five messages over time; the last holds the self-test phrase.
    await expect.poll(() => page.evaluate(() => document.body.dataset.done ?? null), WAIT).toBe('true');
    await expect.poll(() => riskOf('#log li:last-child'), WAIT).toBe('high');
    await expectFlagged('#log');
    // Edited in place: the self-test message becomes ordinary text, its mark goes.
    await page.evaluate(() => {
      const text = document.querySelector('#log li:last-child .text')!;
      text.firstChild!.nodeValue = 'Sorry, wrong chat!';
    });
    await expect.poll(() => riskOf('#log li:last-child'), WAIT).toBeNull();
    // An SPA route change to a family chat: the old conversation's marks go with it.
    await page.evaluate(() => (window as unknown as { openOtherChat(): void }).openOtherChat());
    await expect.poll(() => page.url(), WAIT).toContain('/live-chat/family');
    await expect.poll(() => riskOf('#log'), WAIT).toBeNull();
    await probe(null);
    expect(await page.locator('#log [data-lurewatch-risk], #log[data-lurewatch-risk]').count()).toBe(0);
  });

  it('reads listings inside a shadow root and a same-origin iframe', async () => {
    await open(`${server.origin}/shadow-frame.html`);
    await expect
      .poll(() => page.evaluate(() => document.getElementById('widget')!.shadowRoot!.querySelector('.listing')!.getAttribute('data-lurewatch-risk')), WAIT)
      .toMatch(/^(medium|high)$/);
    const frame = page.frameLocator('#frame');
    await expect.poll(() => frame.locator('#f1').getAttribute('data-lurewatch-risk'), WAIT).toMatch(/^(medium|high)$/);
    await probe(null);
    expect(await frame.locator('#f2').getAttribute('data-lurewatch-risk')).toBeNull();
    expect(await page.evaluate(() => document.getElementById('widget')!.shadowRoot!.querySelectorAll('[data-lurewatch-risk]').length)).toBe(1);
  });

  for (const p of ADAPTER_PAGES) {
    it(`${p.id}: the adapter marks the lure on its page`, async () => {
      const warnings: string[] = [];
      const onConsole = (m: { type(): string; text(): string }) => {
        if (m.type() === 'warning' && m.text().includes('LureWatch')) warnings.push(m.text());
      };
      page.on('console', onConsole);
      try {
        await open(`https://${p.host}:${server.httpsPort}${p.path}${p.query}`);
        for (const selector of p.flagged) await expectFlagged(selector);
        await probe(p.segment);
        for (const selector of p.clean) expect(await riskOf(selector), selector).toBeNull();
        await expect.poll(() => badgeText(browser), WAIT).toMatch(/^(HIGH|MED)$/);
        expect(warnings).toEqual([]);
      } finally {
        page.off('console', onConsole);
      }
    });
  }

  it('opens the full explanation page with the text passed through storage, not the URL', async () => {
    await open(`${server.origin}/generic-jobs.html`);
    await expectFlagged('#job-101');
    await clickMark('#job-101');
    await expect.poll(panelVisible, WAIT).toBe(true);
    await expect.poll(activeTag, WAIT).toBe('lurewatch-panel');
    const opened = browser.context.waitForEvent('page', { timeout: 60_000 });
    // Focus is on the panel heading: Tab once reaches the link.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const checkPage = await opened;
    expect(checkPage.url()).toBe(`chrome-extension://${browser.extensionId}/check.html`);
    await checkPage.close();
    await page.keyboard.press('Escape');
  });

  it('remembers a dismissal', async () => {
    await open(`${server.origin}/generic-jobs.html`);
    await expectFlagged('#job-104');
    await clickMark('#job-104');
    await expect.poll(panelVisible, WAIT).toBe(true);
    await expect.poll(activeTag, WAIT).toBe('lurewatch-panel');
    // Heading → link → dismiss.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => riskOf('#job-104'), WAIT).toBeNull();
    await page.keyboard.press('Escape');
    await open(`${server.origin}/generic-jobs.html`);
    await expectFlagged('#job-101');
    await probe('.job.card');
    expect(await riskOf('#job-104')).toBeNull();
    await setStorage({ dismissed: [] });
    await expectFlagged('#job-104');
  });

  it('turns off on a site the user switched off, and back on', async () => {
    await open(`${server.origin}/generic-jobs.html`);
    await expectFlagged('#job-101');
    const settings = await browser.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings ?? null);
    const base = (settings as Record<string, unknown> | null) ?? { homeCountry: '', uiLanguage: '', sensitivity: 'standard', disabledSites: [], onboarded: false };
    await setStorage({ settings: { ...base, disabledSites: ['127.0.0.1'] } });
    await expect.poll(() => page.locator('[data-lurewatch-risk]').count(), WAIT).toBe(0);
    expect(await page.locator('lurewatch-mark').count()).toBe(0);
    await expect.poll(() => badgeText(browser), WAIT).toBe('');
    await setStorage({ settings: { ...base, disabledSites: [] } });
    await expectFlagged('#job-101');
  });

  it('speaks the chosen interface language in the marks and the panel, right to left in Urdu', async () => {
    const settings = await browser.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings ?? null);
    const base = (settings as Record<string, unknown> | null) ?? { homeCountry: '', uiLanguage: '', sensitivity: 'standard', disabledSites: [], onboarded: false };
    await setStorage({ settings: { ...base, uiLanguage: 'ur' } });
    try {
      await open(`${server.origin}/generic-jobs.html`);
      await expectFlagged('#job-101');
      const ur = JSON.parse(readFileSync(join(ROOT, 'public/_locales/ur/messages.json'), 'utf8')) as Record<string, { message: string }>;
      await clickMark('#job-101');
      await expect.poll(panelVisible, WAIT).toBe(true);
      const text = await panelText();
      expect(text).toContain(ur.flagsHeading.message);
      expect(text).toContain(ur.panelFullExplanation.message);
      expect(text).not.toContain('Warning signs found');
      // The panel's root is right to left, and the panel sits at the top left.
      const session = await cdp();
      try {
        const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode & { attributes?: string[] } };
        const panelRoot = findNode(root, (n) => n.localName === 'div' && ((n as { attributes?: string[] }).attributes ?? []).join(' ').includes('panel level-')) as { attributes?: string[] } | null;
        const attributes = panelRoot?.attributes ?? [];
        expect(attributes[attributes.indexOf('dir') + 1]).toBe('rtl');
      } finally {
        await session.detach();
      }
      const box = await page.evaluate(() => document.querySelector('lurewatch-panel')!.getBoundingClientRect().left);
      expect(box).toBeLessThan(100);
      await page.screenshot({ path: 'test-results/e2e-panel-urdu.png' }).catch(() => {});
      await page.keyboard.press('Escape');
    } finally {
      await setStorage({ settings: { ...base, uiLanguage: '' } });
    }
  });

  it('made no network request of its own, and no page logged an error', async () => {
    const foreign = browser.requests.filter((url) => {
      if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('about:')) return false;
      const u = new URL(url);
      const port = Number(u.port);
      return !(u.hostname === '127.0.0.1' && url.startsWith(server.origin)) && !(port === server.httpsPort && u.protocol === 'https:');
    });
    expect(foreign).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(0);
    // The servers saw only pages the tests opened (and the browser's favicon requests).
    const unexpected = server.received.filter((line) => !opened.has(line) && !line.endsWith(' /favicon.ico'));
    expect(unexpected).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
