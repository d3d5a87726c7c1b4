// Owns the scanner's entry point: an unlisted script the background injects into a page's isolated world
// when the gate (scan.content) found the page job-like. Kept out of the manifest so pages with nothing
// job-like never load it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startScanner } from './scan.content/main';

export default defineUnlistedScript(() => {
  startScanner();
});
