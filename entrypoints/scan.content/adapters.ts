// Owns the site adapters: small declarative descriptions of where segments are on known job and messaging
// sites. Each has an HTML fixture modelled on the site's markup in tests/fixtures/pages and a test in tests/page.

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

/** A site adapter (Refined GitHub's page-detect style): plain data plus one URL test. */
export interface SiteAdapter {
  id: string;
  /** Match patterns of the pages this adapter is for (documentation; `hosts` is what is tested). */
  matches: string[];
  /** Host names this adapter handles: exact names, or suffixes written with a leading dot. */
  hosts: string[];
  /** Whether the adapter applies to this page of the site (e.g. LinkedIn's jobs pages, not its feed). */
  isRelevantPage(url: URL): boolean;
  segments: SegmentRule[];
  thread?: ThreadRule;
}

const path = (url: URL, ...prefixes: string[]) => prefixes.some((p) => url.pathname.startsWith(p));

/** The built-in adapters, most specific first (the first relevant one wins). */
export const ADAPTERS: SiteAdapter[] = [
  {
    id: 'linkedin-jobs',
    matches: ['https://www.linkedin.com/jobs/*'],
    hosts: ['.linkedin.com'],
    isRelevantPage: (url) => path(url, '/jobs/', '/comm/jobs/'),
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
    id: 'linkedin-messaging',
    matches: ['https://www.linkedin.com/messaging/*'],
    hosts: ['.linkedin.com'],
    isRelevantPage: (url) => path(url, '/messaging/'),
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
    id: 'indeed',
    matches: ['https://*.indeed.com/*'],
    hosts: ['.indeed.com', '.indeed.co.in', '.indeed.co.uk', '.indeed.com.ph', '.indeed.com.my', '.indeed.com.sg'],
    isRelevantPage: (url) => path(url, '/jobs', '/q-', '/viewjob', '/m/', '/cmp/') || url.pathname === '/',
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
    id: 'naukri',
    matches: ['https://www.naukri.com/*'],
    hosts: ['.naukri.com'],
    isRelevantPage: () => true,
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
    id: 'jobstreet',
    matches: ['https://*.jobstreet.com/*', 'https://*.jobstreet.co.id/*', 'https://*.jobsdb.com/*'],
    hosts: ['.jobstreet.com', '.jobstreet.co.id', '.jobsdb.com'],
    isRelevantPage: () => true,
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
    id: 'facebook-marketplace',
    matches: ['https://www.facebook.com/marketplace/*'],
    hosts: ['.facebook.com'],
    isRelevantPage: (url) => path(url, '/marketplace/'),
    segments: [
      // An item or job opened in the listing viewer (a dialog over the grid) or on its own page.
      { kind: 'listing', segmentSelector: '[aria-label="Marketplace listing viewer"], [role="main"][aria-label="Marketplace listing"]', textSelector: 'h1, [dir="auto"]', markSelector: 'h1' },
      // Cards in the browse grid: the card is a link to the item.
      { kind: 'listing', segmentSelector: 'a[href*="/marketplace/item/"]' },
    ],
  },
  {
    id: 'facebook-messenger',
    matches: ['https://www.messenger.com/*', 'https://www.facebook.com/messages/*'],
    hosts: ['.messenger.com', '.facebook.com'],
    isRelevantPage: (url) => url.hostname.endsWith('messenger.com') || path(url, '/messages/'),
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
    id: 'facebook-posts',
    matches: ['https://www.facebook.com/*'],
    hosts: ['.facebook.com'],
    isRelevantPage: (url) => !path(url, '/messages/', '/marketplace/'),
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
    id: 'whatsapp',
    matches: ['https://web.whatsapp.com/*'],
    hosts: ['web.whatsapp.com'],
    isRelevantPage: () => true,
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
    id: 'telegram-k',
    matches: ['https://web.telegram.org/k/*'],
    hosts: ['web.telegram.org'],
    isRelevantPage: (url) => path(url, '/k'),
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
    id: 'telegram-a',
    matches: ['https://web.telegram.org/a/*'],
    hosts: ['web.telegram.org'],
    isRelevantPage: (url) => path(url, '/a'),
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
    id: 'gmail',
    matches: ['https://mail.google.com/*'],
    hosts: ['mail.google.com'],
    isRelevantPage: (url) => path(url, '/mail/'),
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

function hostMatches(hostname: string, hosts: string[]): boolean {
  return hosts.some((h) => (h.startsWith('.') ? hostname === h.slice(1) || hostname.endsWith(h) : hostname === h));
}

/** The adapter for this page, or null for the generic segmenter. */
export function adapterFor(url: URL | string, adapters: SiteAdapter[] = ADAPTERS): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const adapter of adapters) {
    if (hostMatches(parsed.hostname, adapter.hosts) && adapter.isRelevantPage(parsed)) return adapter;
  }
  return null;
}

/** One selector matching anything the adapter would treat as a segment or a thread. */
export function anySelector(adapter: SiteAdapter): string {
  const parts = adapter.segments.map((s) => s.segmentSelector);
  if (adapter.thread) parts.push(adapter.thread.containerSelector);
  return parts.join(', ');
}
