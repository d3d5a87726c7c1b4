// Owns the gate: the only script that runs on every http(s) page. It is tiny on purpose (DESIGN.md: a page
// with nothing job-like costs under 2 ms): it reads a bounded sample of the page's text, and only when the
// page is job-like (or a known job or chat site) asks the background worker to inject the scanner
// (scan-main.js). Until then it watches, cheaply, for job-like text added later or an SPA route to a known site.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { adapterFor } from './adapters';
import { looksJobLike, sampleLooksJobLike } from './first-check';

// Added text is checked in idle time, at most this much per callback (a busy page never costs more).
const WATCH_CHARS = 20_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // After the page's own load work: LureWatch never competes with first paint.
  runAt: 'document_idle',
  // Same-origin frames are read by the scanner from the top frame; cross-origin frames are not read.
  allFrames: false,
  main(ctx) {
    let started = false;
    const start = () => {
      if (started || ctx.isInvalid) return;
      started = true;
      observer?.disconnect();
      browser.runtime.sendMessage({ type: 'lurewatch:start' }).catch(() => {
        started = false; // the worker was restarting: the next job-like change asks again
      });
    };
    let observer: MutationObserver | null = null;
    try {
      if (adapterFor(location.href) || sampleLooksJobLike(document)) return start();
      // Nothing job-like yet: queue added nodes, check their text when the page is idle.
      let queued: Node[] = [];
      let scheduled = false;
      const check = () => {
        scheduled = false;
        let budget = WATCH_CHARS;
        const nodes = queued;
        queued = [];
        for (const node of nodes) {
          if (budget <= 0) break;
          const text = node.textContent ?? '';
          budget -= text.length;
          if (node.isConnected && looksJobLike(text.length > WATCH_CHARS ? text.slice(0, WATCH_CHARS) : text)) return start();
        }
      };
      observer = new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'characterData') queued.push(r.target);
          else for (const n of Array.from(r.addedNodes)) queued.push(n);
        }
        if (queued.length > 500) queued = queued.slice(-500);
        if (!scheduled && queued.length) {
          scheduled = true;
          ctx.requestIdleCallback(check, { timeout: 500 });
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      ctx.onInvalidated(() => observer?.disconnect());
      // An SPA route to a known site (LinkedIn feed → jobs) starts the scanner too.
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        if (adapterFor(location.href)) start();
      });
    } catch (error) {
      console.debug('LureWatch: contained error', error);
    }
  },
});
