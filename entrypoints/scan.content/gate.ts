// Owns the gate's logic, the only LureWatch code that runs on every http(s) page (DESIGN.md: a page with
// nothing job-like costs under 2 ms). It asks the background worker to inject the scanner
// (content-scripts/scan.js) when the page is a known job or chat site, when a bounded sample of its text holds
// a job word, when job-like text is added later, or when an SPA route leads to a known site. It imports neither
// the webextension-polyfill nor WXT's content-script runtime (together ~2 ms of CPU on every page, measured
// with npm run bench:page), only the bare extension API, and reads at most a fixed amount of text per idle
// period.
import { looksJobLike, sampleLooksJobLike, textSample } from './first-check';
import { isKnownSiteHost, isKnownSitePage } from './sites';
import { START_MESSAGE } from './messages';

// Text added to the page is checked in idle time, at most this much per idle period (a busy page never costs
// more); what is left waits for the next one.
const WATCH_CHARS = 20_000;
// Beyond this many queued nodes (an app re-rendering itself), one bounded sample of the page replaces them.
const MAX_QUEUED = 500;
const WATCH_TIMEOUT_MS = 500;
// Without the Navigation API (Firefox before 147) a changed URL is noticed by polling, as WXT does.
const POLL_URL_MS = 1000;
// The worker may be starting up: ask again a few times before waiting for the next job-like change.
const RETRY_MS = [250, 1000, 4000];

/** The part of the extension API the gate uses. */
export interface GateRuntime {
  /** Undefined once the extension was updated or removed (this script is orphaned). */
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown> | void;
}

/**
 * The extension's runtime API without a polyfill: Firefox's promise-based `browser`, else `chrome` (whose
 * sendMessage returns a promise in Manifest V3). Undefined outside an extension or once orphaned. Called only
 * when the gate sends: the first read of `chrome.runtime` builds the API object (~0.5 ms measured here),
 * which a page with nothing job-like never needs.
 */
function extensionRuntime(): GateRuntime | undefined {
  const g = globalThis as { browser?: { runtime?: GateRuntime }; chrome?: { runtime?: GateRuntime } };
  if (g.browser?.runtime?.id) return g.browser.runtime;
  if (g.chrome?.runtime?.id) return g.chrome.runtime;
  return undefined;
}

export interface GateOptions {
  doc: Document;
  /** Defaults to the document's window. */
  win?: Window & typeof globalThis;
  /** The extension API, looked up when the gate sends (defaults to extensionRuntime). */
  runtime?: () => GateRuntime | undefined;
}

type Idle = (work: () => void, timeout: number) => void;

/**
 * Starts the gate in a document; returns a function that stops it (tests). Every callback contains its
 * errors, and page text is only ever tested, never inserted anywhere.
 */
export function runGate({ doc, win = doc.defaultView as Window & typeof globalThis, runtime = extensionRuntime }: GateOptions): () => void {
  let stopped = false;
  let asked = false;
  let observer: MutationObserver | null = null;
  let queued: Node[] = [];
  let overflow = false;
  let scheduled = false;
  const cleanups: Array<() => void> = [];
  const idle: Idle =
    typeof win.requestIdleCallback === 'function' ? (work, timeout) => win.requestIdleCallback(work, { timeout }) : (work) => win.setTimeout(work, 1);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    observer = null;
    queued = [];
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const guard = (work: () => void) => () => {
    try {
      if (!stopped) work();
    } catch (error) {
      console.debug('LureWatch: contained error', error);
    }
  };

  // Asks for the scanner. Once it is injected it does everything (SPA routes, text added later, the per-site
  // switch), so the gate stops. An orphaned gate (the extension was updated or removed) stops here too.
  const start = (attempt = 0) => {
    if (asked || stopped) return;
    asked = true;
    let sent: Promise<unknown> | void;
    try {
      const api = runtime();
      if (!api) return stop();
      sent = api.sendMessage(START_MESSAGE);
    } catch {
      return stop(); // extension context invalidated
    }
    Promise.resolve(sent).then(
      () => stop(),
      () => {
        // The worker was busy or restarting: ask again shortly; after that, the next job-like change asks.
        asked = false;
        if (attempt < RETRY_MS.length) win.setTimeout(guard(() => start(attempt + 1)), RETRY_MS[attempt]);
      },
    );
  };

  // Text added later: the observer only queues nodes; they are read in idle time, within a budget.
  const checkQueued = guard(() => {
    scheduled = false;
    if (overflow) {
      overflow = false;
      queued = [];
      if (sampleLooksJobLike(doc)) start();
      return;
    }
    const parts: string[] = [];
    let budget = WATCH_CHARS;
    let i = 0;
    for (; i < queued.length && budget > 0; i++) {
      const node = queued[i];
      if (!node.isConnected) continue;
      const text = textSample(node, budget);
      budget -= text.length + 1;
      parts.push(text);
    }
    queued = queued.slice(i);
    if (looksJobLike(parts.join('\n'))) start();
    else if (queued.length) schedule();
  });
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    idle(checkQueued, WATCH_TIMEOUT_MS);
  };
  const onMutations = (records: MutationRecord[]) => {
    if (overflow) return;
    for (const record of records) {
      if (record.type === 'characterData') queued.push(record.target);
      else {
        const added = record.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const node = added[i];
          // Element or text; a script's or style sheet's text is not page text.
          if (node.nodeType === 3 || (node.nodeType === 1 && node.nodeName !== 'SCRIPT' && node.nodeName !== 'STYLE')) queued.push(node);
        }
      }
    }
    if (queued.length > MAX_QUEUED) {
      overflow = true;
      queued = [];
    }
    if (queued.length || overflow) schedule();
  };
  const watchText = () => {
    observer = new win.MutationObserver((records) => guard(() => onMutations(records))());
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  };

  // An SPA route to a known site's job or chat pages (LinkedIn feed → jobs) starts the scanner too. A
  // same-document navigation keeps the host, so only known sites' hosts need watching.
  const watchRoutes = () => {
    const onUrl = (url: string) => {
      if (isKnownSitePage(url)) start();
    };
    const navigation = (win as { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      // The event fires before the URL changes: the destination is the new address.
      const onNavigate = (event: Event) => guard(() => onUrl((event as Event & { destination: { url: string } }).destination.url))();
      navigation.addEventListener('navigate', onNavigate);
      cleanups.push(() => navigation.removeEventListener('navigate', onNavigate));
    } else {
      let last = doc.location.href;
      const timer = win.setInterval(
        guard(() => {
          const now = doc.location.href;
          if (now !== last) onUrl((last = now));
        }),
        POLL_URL_MS,
      );
      cleanups.push(() => win.clearInterval(timer));
    }
  };

  try {
    if (doc.location && isKnownSiteHost(doc.location.hostname)) {
      if (isKnownSitePage(doc.location.href)) start();
      watchRoutes();
    }
    // The first check runs at once: at document_idle the page has loaded, and a separate idle task would cost
    // more in total (~0.3 ms of calling back into the extension's world, measured) than it spares this one.
    if (!asked) guard(() => (sampleLooksJobLike(doc) ? start() : watchText()))();
  } catch (error) {
    console.debug('LureWatch: contained error', error);
  }
  return stop;
}
