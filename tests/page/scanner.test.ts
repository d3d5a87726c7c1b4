// Tests the in-page scanner under happy-dom: marks only on flagged segments, chats judged as threads and per
// message, the batched observer (new messages, text edited in place, recycled rows), re-judging only changed
// text, dismissals, sensitivity, the first check on pages with nothing job-like, the adapter fallback warning.
import { afterEach, describe, expect, it } from 'vitest';
import type { TabVerdict } from '../../components/storage';
import { PageScanner, type Judged } from '../../entrypoints/scan.content/scanner';
import { judgeLocally } from '../../entrypoints/scan.content/judge-local';
import { loadFixture, type LoadedPage } from './helpers';

const SENTINEL = 'LUREWATCH-TEST-LURE-7F3A';
const LURE = 'URGENT HIRING: Customer Support / Data Entry in Cambodia. Salary $1,500/month, free air ticket and hotel. Tourist visa arranged. Interview on Telegram only.';

let page: LoadedPage | null = null;
let scanner: PageScanner | null = null;
let controller: AbortController | null = null;
afterEach(async () => {
  controller?.abort();
  scanner = null;
  await page?.close();
  page = null;
});

interface Harness {
  scanner: PageScanner;
  reports: TabVerdict[];
  warnings: string[];
  activated: Judged[];
  settle(): Promise<void>;
}

function start(name: string, options: { sensitivity?: 'standard' | 'careful'; dismissed?: Set<string>; url?: string; lang?: () => string; prepare?: (doc: Document) => void } = {}): Harness {
  page = loadFixture(name, options.url);
  options.prepare?.(page.document);
  const win = page.window;
  controller = new AbortController();
  const reports: TabVerdict[] = [];
  const warnings: string[] = [];
  const activated: Judged[] = [];
  const s = new PageScanner({
    doc: page.document,
    // As the background worker does it, answered asynchronously.
    judge: (items, lang) => new Promise((resolve) => win.setTimeout(() => resolve(judgeLocally(items, lang)), 0)),
    lang: options.lang ?? (() => 'en'),
    url: () => page!.url,
    signal: controller.signal,
    schedule: (work) => win.setTimeout(work, 0),
    later: (work) => win.setTimeout(work, 0),
    report: (v) => reports.push(v),
    activate: (j) => activated.push(j),
    wording: (level, kind) => ({ text: `LureWatch: ${level}`, label: `LureWatch ${level} ${kind}` }),
    warn: (m) => warnings.push(m),
    css: '[data-lurewatch-risk]{outline:2px solid red}',
    sensitivity: options.sensitivity ?? 'standard',
    dismissed: options.dismissed ?? new Set(),
  });
  scanner = s;
  s.start();
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => win.setTimeout(r, 0));
      await s.whenIdle();
    }
    await new Promise((r) => win.setTimeout(r, 5)); // the coalesced report
  };
  return { scanner: s, reports, warnings, activated, settle };
}

const doc = () => page!.document;
const flagged = () => Array.from(doc().querySelectorAll('[data-lurewatch-risk]'));

describe('in-page scanner', () => {
  it('marks the lure cards of a generic job board and nothing else', async () => {
    const h = start('generic-jobs.html');
    await h.settle();
    const ids = flagged().map((el) => el.id);
    expect(ids.sort()).toEqual(['job-101', 'job-104']);
    for (const el of flagged()) {
      expect(['medium', 'high']).toContain(el.getAttribute('data-lurewatch-risk'));
      expect(el.querySelector('lurewatch-mark')).not.toBeNull();
    }
    expect(doc().querySelectorAll('lurewatch-mark').length).toBe(2);
    const last = h.reports.at(-1)!;
    expect(['medium', 'high']).toContain(last.level);
    expect(last.segments.filter((s) => s.level === 'high' || s.level === 'medium').length).toBe(2);
  });

  it('explains the red flags again in the new language when the user switches, without reading the page again', async () => {
    let lang = 'en';
    const h = start('generic-jobs.html', { lang: () => lang });
    await h.settle();
    const card = doc().getElementById('job-101')!;
    const before = h.scanner.judgementOf(card)!;
    const read = h.scanner.stats.judgedSegments;
    expect(before.explained![0].title).toMatch(/[a-z]/i);
    lang = 'hi';
    h.scanner.changeLanguage();
    await h.settle();
    const after = h.scanner.judgementOf(card)!;
    expect(after.finding.level).toBe(before.finding.level);
    expect(after.explained!.map((g) => g.category)).toEqual(before.explained!.map((g) => g.category));
    for (const group of after.explained!) expect(group.title).toMatch(/[\u0900-\u097f]/); // Devanagari
    expect(h.scanner.stats.judgedSegments).toBe(read);
    expect(card.getAttribute('data-lurewatch-risk')).toBe(before.finding.level);
  });

  it('judges a chat as a thread as well as per message', async () => {
    const h = start('generic-chat.html');
    await h.settle();
    const log = doc().querySelector('[role="log"]')!;
    expect(['medium', 'high']).toContain(log.getAttribute('data-lurewatch-risk'));
    // No single message carries enough red flags on its own.
    expect(flagged()).toEqual([log]);
    const judged = h.scanner.judgementOf(log)!;
    expect(judged.kind).toBe('thread');
    expect(judged.messages!.length).toBe(7);
    expect(h.reports.at(-1)!.segments[0].kind).toBe('thread');
  });

  it('judges a newly added message, and re-judges only what changed', async () => {
    const h = start('generic-chat.html');
    await h.settle();
    const before = { ...h.scanner.stats };
    const day = doc().querySelectorAll('.day')[1];
    const message = doc().createElement('div');
    message.className = 'message in';
    const body = doc().createElement('p');
    body.className = 'body';
    body.textContent = `Test message: ${SENTINEL}`;
    message.append(body);
    day.append(message);
    await h.settle();
    expect(message.getAttribute('data-lurewatch-risk')).toBe('high');
    // Exactly the new message and its thread were judged; nothing else was read again.
    expect(h.scanner.stats.judgedSegments - before.judgedSegments).toBe(1);
    expect(h.scanner.stats.judgedThreads - before.judgedThreads).toBe(1);
    expect(h.scanner.stats.fullScans).toBe(before.fullScans);
  });

  it('finds messages appended straight into a chat log, and rows recycled in one batch', async () => {
    const h = start('live-chat.html');
    await h.settle();
    const log = doc().getElementById('log')!;
    const add = (text: string) => {
      const li = doc().createElement('li');
      li.className = 'msg';
      const span = doc().createElement('span');
      span.className = 'text';
      span.textContent = text;
      li.append(span);
      log.append(li);
      return li;
    };
    add('The job is customer support for an online shop.');
    add('Salary 1,200 USD per month, no experience needed.');
    add('The company pays the air ticket, you come on a tourist visa.');
    const last = add('Office is in Myawaddy, near the Thai border.');
    await h.settle();
    expect(['medium', 'high']).toContain(log.getAttribute('data-lurewatch-risk'));
    expect(h.scanner.judgementOf(last)?.kind).toBe('message');
    // A virtualised list drops its first row and appends a new one in the same task.
    log.firstElementChild!.remove();
    const probe = add(`Self-test: ${SENTINEL}`);
    await h.settle();
    expect(probe.getAttribute('data-lurewatch-risk')).toBe('high');
    expect(h.scanner.judgementOf(log)!.messages!.some((m) => m.text.includes(SENTINEL))).toBe(true);
  });

  it('follows text edited in place and recycled list rows', async () => {
    const h = start('generic-jobs.html');
    await h.settle();
    const lure = doc().getElementById('job-101')!;
    const clean = doc().getElementById('job-103')!;
    // A virtualised list reuses the lure's element for a clean listing (new children), and the clean
    // one's for a lure (its text node edited in place).
    const title = doc().createElement('h3');
    title.textContent = 'Accounts Assistant';
    const desc = doc().createElement('p');
    desc.className = 'desc';
    desc.textContent = 'Accounts assistant, Nagpur. Tally and GST filing, 2 years experience.';
    lure.replaceChildren(title, desc);
    clean.querySelector('.desc')!.firstChild!.nodeValue = LURE;
    await h.settle();
    expect(lure.hasAttribute('data-lurewatch-risk')).toBe(false);
    expect(lure.querySelector('lurewatch-mark')).toBeNull();
    expect(['medium', 'high']).toContain(clean.getAttribute('data-lurewatch-risk'));
    const judgedBefore = h.scanner.stats.judgedSegments;
    // Re-rendering with the same text is not judged again.
    const cleanDesc = clean.querySelector('.desc')!;
    cleanDesc.textContent = cleanDesc.textContent;
    await h.settle();
    expect(h.scanner.stats.judgedSegments).toBe(judgedBefore);
    expect(clean.querySelector('lurewatch-mark')).not.toBeNull();
  });

  it('puts a re-rendered lure mark back when a framework dropped it', async () => {
    const h = start('generic-jobs.html');
    await h.settle();
    const card = doc().getElementById('job-104')!;
    card.querySelector('lurewatch-mark')!.remove();
    card.append(doc().createTextNode(' '));
    await h.settle();
    expect(card.querySelector('lurewatch-mark')).not.toBeNull();
  });

  it('leaves a news article about scam compounds unmarked, judged as one segment', async () => {
    const h = start('news-article.html');
    await h.settle();
    expect(flagged()).toEqual([]);
    const article = doc().querySelector('article')!;
    const judged = h.scanner.judgementOf(article)!;
    expect(judged).toBeDefined();
    expect(judged.text).toContain('Ninoy Aquino');
    expect(judged.text).toContain('KATHMANDU');
  });

  it('does not mark dismissed texts', async () => {
    const h = start('generic-jobs.html');
    await h.settle();
    const hash = h.scanner.judgementOf(doc().getElementById('job-101')!)!.hash;
    h.scanner.setDismissed(new Set([hash]));
    await h.settle();
    expect(flagged().map((el) => el.id)).toEqual(['job-104']);
    expect(h.reports.at(-1)!.segments.some((s) => s.hash === hash)).toBe(false);
    h.scanner.setDismissed(new Set());
    await h.settle();
    expect(flagged().map((el) => el.id).sort()).toEqual(['job-101', 'job-104']);
  });

  it('shows low findings as a quiet hint only when the user chose "careful"', async () => {
    const h = start('generic-jobs.html', {
      prepare: (d) => {
        // A card with a single weak signal (a job in Thailand): low, never a warning.
        const card = d.createElement('div');
        card.className = 'job card';
        card.id = 'job-107';
        card.textContent = 'Hotel receptionist job in Bangkok, Thailand. Work permit and contract provided by the hotel.';
        d.querySelector('.results')!.append(card);
      },
    });
    await h.settle();
    const cards = Array.from(doc().querySelectorAll('.job.card'));
    const low = cards.filter((c) => h.scanner.judgementOf(c)?.finding.level === 'low');
    expect(doc().querySelectorAll('[data-lurewatch-hint]').length).toBe(0);
    h.scanner.setSensitivity('careful');
    await h.settle();
    // Whatever the rules make of each card: low ones get the hint attribute, never the risk attribute.
    for (const card of cards) {
      const level = h.scanner.judgementOf(card)!.finding.level;
      expect(card.getAttribute('data-lurewatch-hint')).toBe(level === 'low' ? 'low' : null);
      expect(card.getAttribute('data-lurewatch-risk')).toBe(level === 'medium' || level === 'high' ? level : null);
    }
    expect(low.length).toBeGreaterThanOrEqual(0);
  });

  it('costs nothing on a page with nothing job-like until job-like text appears', async () => {
    const h = start('news-article.html', {
      url: 'http://127.0.0.1/plain.html',
      prepare: (d) => {
        d.title = 'Lentil soup';
        d.body.innerHTML = '<main><p>Recipe: lentil soup with cumin and lemon. Simmer for thirty minutes, then season to taste.</p></main>';
      },
    });
    await h.settle();
    expect(h.scanner.stats.fullScans).toBe(0);
    expect(h.scanner.stats.judgedSegments).toBe(0);
    const offer = doc().createElement('div');
    offer.textContent = LURE;
    doc().querySelector('main')!.append(offer);
    await h.settle();
    expect(h.scanner.stats.fullScans).toBe(1);
    expect(flagged().length).toBe(1);
    expect(flagged()[0].textContent).toContain('Tourist visa arranged');
  });

  it('falls back to the generic segmenter, with one console warning', async () => {
    const h = start('whatsapp.html', {
      prepare: (d) => {
        for (const el of Array.from(d.querySelectorAll('.message-in, .message-out'))) el.className = 'renamed';
      },
    });
    await h.settle();
    expect(h.warnings.length).toBe(1);
    expect(h.warnings[0]).toContain('"whatsapp"');
    const row = doc().createElement('div');
    row.textContent = 'Another message about the job';
    doc().querySelector('[role="application"]')!.append(row);
    await h.settle();
    expect(h.warnings.length).toBe(1);
  });

  it('uses the adapter without warning when its selectors match', async () => {
    const h = start('whatsapp.html');
    await h.settle();
    expect(h.warnings).toEqual([]);
    const main = doc().getElementById('main')!;
    expect(['medium', 'high']).toContain(main.getAttribute('data-lurewatch-risk'));
    // The thread's mark goes into the chat header, not into the scrolling message list.
    expect(doc().querySelector('#main header lurewatch-mark')).not.toBeNull();
  });

  it('removes every mark when stopped (site turned off)', async () => {
    const h = start('generic-jobs.html');
    await h.settle();
    expect(flagged().length).toBe(2);
    h.scanner.stop();
    expect(flagged().length).toBe(0);
    expect(doc().querySelectorAll('lurewatch-mark').length).toBe(0);
  });
});
