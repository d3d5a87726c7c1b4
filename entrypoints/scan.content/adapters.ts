// Owns the site adapters: small declarative descriptions of where segments are on known job and messaging
// sites. Each has an HTML fixture modelled on the site's markup in tests/fixtures/pages and a test in tests/page.
// Which pages each adapter is for (hosts, URL test) lives in sites.ts, which the every-page gate imports alone.
import { knownSite, siteFor, type KnownSite } from './sites';

/** What kind of thing a segment is (the popup and the CLI show it). */
export type SegmentKind = 'listing' | 'post' | 'message';

/** One kind of segment on a site: where the elements are and which parts of them hold the text. */
export interface SegmentRule {
  kind: SegmentKind;
  /** Each element matching this is one segment (one listing, post or message). */
  segmentSelector: string;
  /** The parts of a segment whose text is read (joined by line breaks); the whole segment when absent or unmatched. */
  textSelector?: string;
  /** Where in the segment the visible mark goes (defaults to the segment itself). */
  markSelector?: string;
}

/** How messages of one conversation are grouped into a thread that is judged as a whole. */
export interface ThreadRule {
  /** The element holding one conversation's visible messages. It carries the thread's mark. */
  containerSelector: string;
  /** A message inside the container (also judged on its own, as a `message` segment). */
  messageSelector: string;
  /** The parts of a message whose text is read. */
  textSelector?: string;
  /** Who wrote a message: an element inside it whose text (or `fromAttribute`) names the sender. */
  fromSelector?: string;
  fromAttribute?: string;
  /** Where the thread's mark goes, searched from the container up to the page (e.g. the chat's header). */
  markSelector?: string;
}

/** A site adapter (Refined GitHub's page-detect style): a known site (sites.ts) plus where its segments are. */
export interface SiteAdapter extends KnownSite {
  segments: SegmentRule[];
  thread?: ThreadRule;
}

/** The built-in adapters, most specific first (the first relevant one wins). */
export const ADAPTERS: SiteAdapter[] = [
  {
    ...knownSite('linkedin-jobs'),
    segments: [
      // Search results: one card per <li data-occludable-job-id> (the list is virtualised: cards are emptied
      // and refilled as they scroll, which the observer sees as text changes).
      { kind: 'listing', segmentSelector: 'li[data-occludable-job-id], .job-card-container[data-job-id]' },
      // The open job's details pane (search page) or the job's own page (/jobs/view/…).
      {
        kind: 'listing',
        segmentSelector: '.jobs-search__job-details--wrapper, .jobs-details, .job-view-layout',
        textSelector: '.job-details-jobs-unified-top-card__job-title, .job-details-jobs-unified-top-card__primary-description-container, .job-details-jobs-unified-top-card__job-insight, #job-details, .jobs-description__content',
        markSelector: '.job-details-jobs-unified-top-card__job-title',
      },
    ],
  },
  {
    ...knownSite('linkedin-messaging'),
    segments: [],
    thread: {
      containerSelector: '.msg-s-message-list',
      messageSelector: 'li.msg-s-message-list__event .msg-s-event-listitem',
      textSelector: '.msg-s-event-listitem__body',
      fromSelector: '.msg-s-message-group__name',
      markSelector: '.msg-thread .msg-entity-lockup__entity-title',
    },
  },
  {
    ...knownSite('indeed'),
    segments: [
      { kind: 'listing', segmentSelector: '#mosaic-provider-jobcards .job_seen_beacon, #mosaic-jobResults .job_seen_beacon', markSelector: '.jcs-JobTitle' },
      {
        kind: 'listing',
        segmentSelector: '.jobsearch-JobComponent',
        textSelector: '.jobsearch-JobInfoHeader-title, [data-testid="inlineHeader-companyName"], [data-testid="inlineHeader-companyLocation"], #salaryInfoAndJobType, #jobDescriptionText',
        markSelector: '.jobsearch-JobInfoHeader-title',
      },
    ],
  },
  {
    ...knownSite('naukri'),
    segments: [
      { kind: 'listing', segmentSelector: '.srp-jobtuple-wrapper, article.jobTuple', markSelector: 'a.title' },
      // Job page: CSS-module class names carry a hash suffix, so match on the stable prefix.
      {
        kind: 'listing',
        segmentSelector: 'main[class*="styles_jdc__"], section[class*="styles_job-desc-container__"]',
        textSelector: 'section[class*="styles_job-header-container__"], section[class*="styles_job-desc-container__"]',
      },
    ],
  },
  {
    ...knownSite('jobstreet'),
    // SEEK's platform marks its parts with data-automation attributes, steadier than its hashed classes.
    segments: [
      { kind: 'listing', segmentSelector: 'article[data-automation="normalJob"], article[data-card-type="JobCard"]', markSelector: '[data-automation="jobTitle"]' },
      {
        kind: 'listing',
        segmentSelector: '[data-automation="jobDetailsPage"]',
        textSelector: '[data-automation="job-detail-title"], [data-automation="advertiser-name"], [data-automation="job-detail-location"], [data-automation="job-detail-salary"], [data-automation="jobAdDetails"]',
        markSelector: '[data-automation="job-detail-title"]',
      },
    ],
  },
  {
    ...knownSite('facebook-marketplace'),
    segments: [
      // An item or job opened in the listing viewer (a dialog over the grid) or on its own page.
      { kind: 'listing', segmentSelector: '[aria-label="Marketplace listing viewer"], [role="main"][aria-label="Marketplace listing"]', textSelector: 'h1, [dir="auto"]', markSelector: 'h1' },
      // Cards in the browse grid: the card is a link to the item.
      { kind: 'listing', segmentSelector: 'a[href*="/marketplace/item/"]' },
    ],
  },
  {
    ...knownSite('facebook-messenger'),
    segments: [],
    thread: {
      containerSelector: '[role="main"] [role="grid"][aria-label]',
      messageSelector: '[role="row"]',
      textSelector: '[role="gridcell"] div[dir="auto"]',
      fromSelector: 'h4, [data-scope="messages_table"] > span',
      markSelector: '[role="main"] [role="banner"] h2, [role="main"] h2',
    },
  },
  {
    ...knownSite('facebook-posts'),
    segments: [
      // Group feeds number their posts with aria-posinset; the news feed and single posts use role=article
      // (comments are nested role=article too: they are read as part of their post).
      {
        kind: 'post',
        segmentSelector: '[role="feed"] [aria-posinset], [role="article"]',
        textSelector: '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]',
      },
    ],
  },
  {
    ...knownSite('whatsapp'),
    segments: [],
    thread: {
      containerSelector: '#main',
      messageSelector: 'div.message-in, div.message-out',
      textSelector: 'span.selectable-text',
      // "[10:32, 21/11/2026] Name: " on the copyable-text wrapper names the sender.
      fromSelector: '.copyable-text[data-pre-plain-text]',
      fromAttribute: 'data-pre-plain-text',
      markSelector: '#main header',
    },
  },
  {
    ...knownSite('telegram-k'),
    segments: [],
    thread: {
      containerSelector: '.chat.active .bubbles-inner, .bubbles-inner',
      messageSelector: '.bubble[data-mid]:not(.service)',
      textSelector: '.translatable-message, .message > .text-content',
      fromSelector: '.peer-title',
      markSelector: '.chat.active .chat-info .peer-title, .chat-info .peer-title',
    },
  },
  {
    ...knownSite('telegram-a'),
    segments: [],
    thread: {
      containerSelector: '.MessageList',
      messageSelector: '.Message[id^="message"]',
      textSelector: '.text-content',
      fromSelector: '.message-title .sender-title',
      markSelector: '.MiddleHeader .ChatInfo .fullName, .MiddleHeader .title',
    },
  },
  {
    ...knownSite('gmail'),
    segments: [
      // Inbox rows: sender, subject and snippet.
      { kind: 'message', segmentSelector: 'tr.zA', textSelector: '.yW, .bog, .y2', markSelector: '.xT' },
    ],
    // An open conversation: each e-mail (div.adn) is a message, the conversation is the thread.
    thread: {
      containerSelector: '[role="main"] [role="list"]',
      messageSelector: 'div.adn',
      textSelector: 'div.a3s',
      fromSelector: 'span.gD',
      fromAttribute: 'name',
      markSelector: 'h2.hP',
    },
  },
];

/** The adapter for this page, or null for the generic segmenter. */
export function adapterFor(url: URL | string, adapters: SiteAdapter[] = ADAPTERS): SiteAdapter | null {
  return siteFor(url, adapters);
}

/** One selector matching anything the adapter would treat as a segment or a thread. */
export function anySelector(adapter: SiteAdapter): string {
  const parts = adapter.segments.map((s) => s.segmentSelector);
  if (adapter.thread) parts.push(adapter.thread.containerSelector);
  return parts.join(', ');
}
