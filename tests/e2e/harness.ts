// Owns driving the built extension in real Chromium for the e2e tests and the page benchmark: building it,
// serving fixture pages on 127.0.0.1 (the known sites' host names are mapped there, over HTTPS with a
// throw-away certificate), launching Debian's Chromium with the extension, and recording every request.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = fileURLToPath(new NodeURL('../..', import.meta.url));
export const PAGES = join(ROOT, 'tests/fixtures/pages');
export const CHROMIUM = process.env.LUREWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** The host names of the sites LureWatch has adapters for (mapped to 127.0.0.1 in the browser). */
export const MAPPED_HOSTS = ['www.linkedin.com', 'www.indeed.com', 'www.naukri.com', 'www.jobstreet.com', 'www.facebook.com', 'www.messenger.com', 'web.whatsapp.com', 'web.telegram.org', 'mail.google.com'];

/**
 * Builds the extension (Chrome MV3) into a private temporary folder (tests/e2e/wxt.e2e.config.ts), so a
 * parallel `npm run build` or test run cannot change it under a running test. Returns the unpacked extension.
 */
export function buildExtension(): string {
  const out = mkdtempSync(join(tmpdir(), 'lurewatch-build-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'chrome', '-c', 'tests/e2e/wxt.e2e.config.ts'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production', LUREWATCH_E2E_OUT_DIR: out },
  });
  const built = join(out, 'chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`wxt build produced no ${built}/manifest.json`);
  return built;
}

function certificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lurewatch-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=lurewatch-test', '-addext', `subjectAltName=${MAPPED_HOSTS.map((h) => 'DNS:' + h).join(',')}`], { stdio: 'pipe' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type PageSource = string | (() => string);

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Port of the HTTPS server that answers for the mapped host names. */
  httpsPort: number;
  /** Every request the servers received, as "host path". */
  received: string[];
  /** Adds or replaces a page: `key` is "/name.html" (served on 127.0.0.1) or "host/path" (HTTPS). */
  route(key: string, source: PageSource): void;
  close(): Promise<void>;
}

/** Serves tests/fixtures/pages/*.html at /NAME.html, plus any routes added; everything else is 404 (favicons 204). */
export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, PageSource>();
  const received: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = (req.url ?? '/').split('?')[0];
    received.push(`${host} ${req.url}`);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const source = routes.get(`${host}${path}`) ?? routes.get(path);
    let body: string | null = null;
    if (source) body = typeof source === 'function' ? source() : readFileSync(join(PAGES, source), 'utf8');
    else if (host === '127.0.0.1' && /^\/[\w-]+\.html$/.test(path) && existsSync(join(PAGES, path))) body = readFileSync(join(PAGES, path), 'utf8');
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  };
  const http: Server = createHttpServer(handler);
  const https: Server = createHttpsServer(certificate(), handler);
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  await new Promise<void>((ok) => https.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    httpsPort: (https.address() as AddressInfo).port,
    received,
    route: (key, source) => routes.set(key, source),
    close: async () => {
      http.closeAllConnections?.();
      https.closeAllConnections?.();
      await Promise.all([new Promise((ok) => http.close(ok)), new Promise((ok) => https.close(ok))]);
    },
  };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request any page, frame or the extension's worker made, as URLs. */
  requests: string[];
  close(): Promise<void>;
}

/** Launches Chromium with the extension and a fresh profile; the adapters' host names resolve to 127.0.0.1, all others fail. */
export async function launchBrowser(extensionDir: string): Promise<Browser> {
  // Service-worker requests are reported too (so the extension's own requests would be seen).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = mkdtempSync(join(tmpdir(), 'lurewatch-profile-'));
  const rules = [...MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The toolbar badge text of the active tab, read through the extension's service worker. */
export async function badgeText(browser: Browser): Promise<string> {
  return browser.worker.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const c = (globalThis as any).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? '' : c.action.getBadgeText({ tabId: tab.id });
  });
}
