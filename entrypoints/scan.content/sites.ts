// Owns which pages are known job and messaging sites: host names and the URL test of each site adapter,
// without the selectors. The gate (gate.ts, on every page) imports only this; adapters.ts adds the selectors.

/** A known site: plain data plus one URL test (Refined GitHub's page-detect style). */
export interface KnownSite {
  id: string;
  /** Host names this adapter handles: exact names, or suffixes written with a leading dot. */
  hosts: string[];
  /** Whether the adapter applies to this page of the site (e.g. LinkedIn's jobs pages, not its feed). */
  isRelevantPage(url: URL): boolean;
}

const path = (url: URL, ...prefixes: string[]) => prefixes.some((p) => url.pathname.startsWith(p));

/** The known sites, most specific first (the first relevant one wins); adapters.ts keeps the same order. */
export const SITES: readonly KnownSite[] = [
  {
    id: 'linkedin-jobs',
    hosts: ['.linkedin.com'],
    isRelevantPage: (url) => path(url, '/jobs/', '/comm/jobs/'),
  },
  {
    id: 'linkedin-messaging',
    hosts: ['.linkedin.com'],
    isRelevantPage: (url) => path(url, '/messaging/'),
  },
  {
    id: 'indeed',
    hosts: ['.indeed.com', '.indeed.co.in', '.indeed.co.uk', '.indeed.com.ph', '.indeed.com.my', '.indeed.com.sg'],
    isRelevantPage: (url) => path(url, '/jobs', '/q-', '/viewjob', '/m/', '/cmp/') || url.pathname === '/',
  },
  {
    id: 'naukri',
    hosts: ['.naukri.com'],
    isRelevantPage: () => true,
  },
  {
    id: 'jobstreet',
    hosts: ['.jobstreet.com', '.jobstreet.co.id', '.jobsdb.com'],
    isRelevantPage: () => true,
  },
  {
    id: 'facebook-marketplace',
    hosts: ['.facebook.com'],
    isRelevantPage: (url) => path(url, '/marketplace/'),
  },
  {
    id: 'facebook-messenger',
    hosts: ['.messenger.com', '.facebook.com'],
    isRelevantPage: (url) => url.hostname.endsWith('messenger.com') || path(url, '/messages/'),
  },
  {
    id: 'facebook-posts',
    hosts: ['.facebook.com'],
    isRelevantPage: (url) => !path(url, '/messages/', '/marketplace/'),
  },
  {
    id: 'whatsapp',
    hosts: ['web.whatsapp.com'],
    isRelevantPage: () => true,
  },
  {
    id: 'telegram-k',
    hosts: ['web.telegram.org'],
    isRelevantPage: (url) => path(url, '/k'),
  },
  {
    id: 'telegram-a',
    hosts: ['web.telegram.org'],
    isRelevantPage: (url) => path(url, '/a'),
  },
  {
    id: 'gmail',
    hosts: ['mail.google.com'],
    isRelevantPage: (url) => path(url, '/mail/'),
  },
];

/** The known site with this id (adapters.ts adds its selectors). */
export function knownSite(id: string): KnownSite {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new Error(`unknown site ${id}`);
  return site;
}

function hostMatches(hostname: string, hosts: string[]): boolean {
  return hosts.some((h) => (h.startsWith('.') ? hostname === h.slice(1) || hostname.endsWith(h) : hostname === h));
}

/** The first of `sites` relevant to `url` (a known job or chat page), or null. */
export function siteFor<T extends KnownSite>(url: URL | string, sites: readonly T[]): T | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const site of sites) {
    if (hostMatches(parsed.hostname, site.hosts) && site.isRelevantPage(parsed)) return site;
  }
  return null;
}

/** Whether a host name belongs to a known site (a cheap test before parsing any URL). */
export function isKnownSiteHost(hostname: string): boolean {
  return SITES.some((site) => hostMatches(hostname, site.hosts));
}

/** Whether `url` is a page of a known job or chat site (the gate starts the scanner there at once). */
export function isKnownSitePage(url: URL | string): boolean {
  return siteFor(url, SITES) !== null;
}
