// Tests each site adapter on its fixture (modelled on the site's markup): the adapter is chosen by URL,
// its selectors find the listings, posts and messages, threads group a conversation, and the engine flags
// the lure segments and leaves the others alone.
import { afterEach, describe, expect, it } from 'vitest';
import { detectText, detectThread } from '../../rules';
import { adapterFor, ADAPTERS } from '../../entrypoints/scan.content/adapters';
import { segmentDocument, segmentPage } from '../../entrypoints/scan.content/segment';
import { loadFixture, type LoadedPage } from './helpers';

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

const warns = (level: string) => level === 'medium' || level === 'high';

interface Expectation {
  fixture: string;
  adapter: string;
  listings?: number;
  posts?: number;
  messages?: number;
  threads?: number;
  /** Text fragments of segments that must be flagged (medium or high). */
  flagged: string[];
  /** Text fragments of segments that must not be flagged. */
  clean: string[];
  /** Threads must be flagged. */
  threadFlagged?: boolean;
}

const CASES: Expectation[] = [
  { fixture: 'linkedin-jobs.html', adapter: 'linkedin-jobs', listings: 4, flagged: ['URGENT HIRING for our international customer support team'], clean: ['Customer Success Manager', 'Technical Support Engineer II'] },
  { fixture: 'linkedin-messaging.html', adapter: 'linkedin-messaging', messages: 6, threads: 1, flagged: [], clean: ['Yes, please tell me more.'], threadFlagged: true },
  { fixture: 'indeed.html', adapter: 'indeed', listings: 4, flagged: ['Chat Support Executive (Thailand)'], clean: ['Riverside Utilities', 'Warehouse Associate'] },
  { fixture: 'naukri.html', adapter: 'naukri', listings: 3, flagged: ['Data Entry Operator - Overseas'], clean: ['Ashok Pharma Distributors', 'Back Office Executive'] },
  { fixture: 'jobstreet.html', adapter: 'jobstreet', listings: 3, flagged: ['Online Customer Service Officer'], clean: ['Maybank Shared Services'] },
  { fixture: 'facebook-group.html', adapter: 'facebook-posts', posts: 3, flagged: ['URGENT HIRING'], clean: ['Hiring nurses for a hospital in Riyadh', 'Reminder: posts without agency license'] },
  { fixture: 'facebook-marketplace.html', adapter: 'facebook-marketplace', listings: 4, flagged: ['Data entry and typing job in Cambodia'], clean: ['Mountain bike', 'Barista wanted'] },
  { fixture: 'messenger.html', adapter: 'facebook-messenger', messages: 4, threads: 1, flagged: [], clean: ['Where is the job?'], threadFlagged: true },
  { fixture: 'whatsapp.html', adapter: 'whatsapp', messages: 4, threads: 1, flagged: [], clean: ['Thank you! When do I start?'], threadFlagged: true },
  { fixture: 'telegram-k.html', adapter: 'telegram-k', messages: 3, threads: 1, flagged: [], clean: ['Good morning everyone'], threadFlagged: true },
  { fixture: 'telegram-a.html', adapter: 'telegram-a', messages: 3, threads: 1, flagged: [], clean: ['Is the visa a work visa?'], threadFlagged: true },
  { fixture: 'gmail.html', adapter: 'gmail', messages: 4, threads: 1, flagged: ['Dear Candidate'], clean: ['Your books are due on Monday', 'Can you send the company registration number'], threadFlagged: true },
];

describe('site adapters', () => {
  it('every adapter has a fixture case', () => {
    const covered = new Set(CASES.map((c) => c.adapter));
    expect(ADAPTERS.map((a) => a.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.adapter}: segments ${c.fixture} and flags only the lure`, () => {
      page = loadFixture(c.fixture);
      expect(adapterFor(page.url)?.id).toBe(c.adapter);
      const found = segmentPage(page.document, page.url);
      expect(found.fellBack).toBe(false);
      const segments = segmentDocument(page.document, page.url);
      const count = (kind: string) => segments.filter((s) => s.kind === kind).length;
      if (c.listings !== undefined) expect(count('listing')).toBe(c.listings);
      if (c.posts !== undefined) expect(count('post')).toBe(c.posts);
      if (c.messages !== undefined) expect(count('message')).toBe(c.messages);
      expect(count('thread')).toBe(c.threads ?? 0);
      for (const s of segments) expect(s.source).toBe(c.adapter);
      const judged = segments.map((s) => ({ s, level: s.messages ? detectThread(s.messages).level : detectText(s.text!).level }));
      const find = (fragment: string) => judged.filter(({ s }) => s.kind !== 'thread' && s.text!.includes(fragment));
      for (const fragment of c.flagged) {
        const hits = find(fragment);
        expect(hits.length, fragment).toBeGreaterThan(0);
        for (const h of hits) expect(warns(h.level), `${fragment}: ${h.level}`).toBe(true);
      }
      for (const fragment of c.clean) {
        const hits = find(fragment);
        expect(hits.length, fragment).toBeGreaterThan(0);
        for (const h of hits) expect(warns(h.level), `${fragment}: ${h.level}`).toBe(false);
      }
      if (c.threadFlagged) {
        const threads = judged.filter(({ s }) => s.kind === 'thread');
        expect(threads.every((t) => warns(t.level))).toBe(true);
      }
    });
  }

  it('reads message senders (WhatsApp data-pre-plain-text, Gmail name attribute)', () => {
    page = loadFixture('whatsapp.html');
    const thread = segmentDocument(page.document, page.url).find((s) => s.kind === 'thread')!;
    expect(thread.messages!.map((m) => m.from)).toEqual(['Agent Lina', 'You', 'Agent Lina', 'Agent Lina']);
  });

  it('reads only the message text, not timestamps or chat-list previews', () => {
    page = loadFixture('telegram-a.html');
    const messages = segmentDocument(page.document, page.url).filter((s) => s.kind === 'message');
    expect(messages[1].text!.trim()).toBe('Is the visa a work visa?11:05');
    expect(messages.some((m) => m.text!.includes('Come on a tourist visa…'))).toBe(false);
  });

  it('reads a Facebook post without its comments', () => {
    page = loadFixture('facebook-group.html');
    const first = segmentDocument(page.document, page.url)[0];
    expect(first.text).toContain('URGENT HIRING');
    expect(first.text).not.toContain('Interested po');
  });

  it('falls back to the generic segmenter when the selectors stop matching', () => {
    page = loadFixture('whatsapp.html');
    for (const el of Array.from(page.document.querySelectorAll('.message-in, .message-out'))) el.className = 'x1n2onr6 _renamed';
    const found = segmentPage(page.document, page.url);
    expect(found.fellBack).toBe(true);
    expect(found.segments.length).toBeGreaterThan(0);
    for (const s of found.segments) expect(s.source).toBe('generic');
  });

  it('picks no adapter for other pages of the same sites', () => {
    expect(adapterFor('https://www.linkedin.com/feed/')).toBeNull();
    expect(adapterFor('https://mail.google.com/chat/u/0/')).toBeNull();
    expect(adapterFor('https://example.com/jobs/')).toBeNull();
    expect(adapterFor('https://www.linkedin.com/jobs/view/123/')?.id).toBe('linkedin-jobs');
    expect(adapterFor('https://web.telegram.org/a/#123')?.id).toBe('telegram-a');
    expect(adapterFor('https://web.telegram.org/k/#@x')?.id).toBe('telegram-k');
    expect(adapterFor('https://www.facebook.com/messages/t/1')?.id).toBe('facebook-messenger');
    expect(adapterFor('https://in.indeed.com/jobs?q=x')?.id).toBe('indeed');
  });
});
