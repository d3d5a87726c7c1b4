// Owns loading the page fixtures (tests/fixtures/pages) into happy-dom at the URL each one stands for.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = resolve(__dirname, '../fixtures/pages') + '/';

/** The URL a fixture stands for (its first line: `<!-- URL ... -->`); local pages get a 127.0.0.1 URL. */
export function fixtureUrl(name: string): string {
  const first = readFileSync(FIXTURES + name, 'utf8').split('\n', 1)[0];
  const url = /<!--\s*(\S+)/.exec(first)?.[1] ?? '';
  return url.startsWith('http') && !url.startsWith('http://127.0.0.1/') ? url : `http://127.0.0.1/${name}`;
}

export interface LoadedPage {
  window: Window;
  document: Document;
  url: string;
  close(): Promise<void>;
}

/** Loads a fixture into a fresh happy-dom window (scripts off: tests drive changes themselves). */
export function loadFixture(name: string, url = fixtureUrl(name)): LoadedPage {
  const html = readFileSync(FIXTURES + name, 'utf8');
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  window.document.write(html);
  return { window, document: window.document as unknown as Document, url, close: () => window.happyDOM.close() };
}
