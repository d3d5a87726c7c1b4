// Owns the scanner's entry: a content script that is not in the manifest. The background worker injects it
// into a frame once the every-page gate (entrypoints/gate.ts) found the frame job-like, so pages with nothing
// job-like never load it. WXT gives it its context: a second injection (the gate asked again after an SPA
// navigation) tells the older instance to stop.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startScanner } from './main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main(ctx) {
    startScanner(ctx);
  },
});
