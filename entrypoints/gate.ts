// Owns the every-page gate's entry: an unlisted script, so it carries neither WXT's content-script runtime nor
// the webextension-polyfill (~2 ms of every page, measured). The background worker registers it as a content
// script on every http(s) page (scan.content/registration.ts); the logic is in scan.content/gate.ts.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runGate } from './scan.content/gate';

export default defineUnlistedScript(() => {
  try {
    runGate({ doc: document });
  } catch (error) {
    console.debug('LureWatch: contained error', error);
  }
});
