// Tests the every-page gate (entrypoints/scan.content/gate.ts) in happy-dom: it asks for the scanner on known
// sites, on pages whose bounded text sample is job-like, and when job-like text arrives later (a page that starts
// empty), never on a page with nothing job-like; it asks once, asks again when the worker was busy, and stops
// quietly when the extension is gone. Also the background's registration of the gate (registration.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { runGate, type GateRuntime } from '../../entrypoints/scan.content/gate';
import { START_MESSAGE } from '../../entrypoints/scan.content/messages';
import { ensureGateRegistered, GATE_SCRIPT, type ContentScriptRegistration, type ScriptingLike } from '../../entrypoints/scan.content/registration';
import { isKnownSitePage } from '../../entrypoints/scan.content/sites';
import { ADAPTERS } from '../../entrypoints/scan.content/adapters';
import { SITES } from '../../entrypoints/scan.content/sites';

const windows: Window[] = [];
const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(url: string, body: string, title = 'Stories') {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  window.document.write(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  return { window, doc: window.document as unknown as Document, win: window as unknown as globalThis.Window & typeof globalThis };
}

/** A fake extension runtime that records what the gate sends; `fail` makes the next sends reject. */
function runtime(options: { fail?: number } = {}) {
  let failures = options.fail ?? 0;
  const sent: unknown[] = [];
  const api: GateRuntime = {
    id: 'test-extension',
    sendMessage: (message: unknown) => {
      sent.push(message);
      return failures-- > 0 ? Promise.reject(new Error('Could not establish connection')) : Promise.resolve(undefined);
    },
  };
  return { api, sent };
}

function start(p: ReturnType<typeof page>, rt: ReturnType<typeof runtime>['api'] | undefined) {
  const stop = runGate({ doc: p.doc, win: p.win, runtime: () => rt });
  stops.push(stop);
  return stop;
}

const FILLER = '<p>' + 'the river valley forest morning bread garden bird mountain autumn tea kitchen music. '.repeat(20) + '</p>';

describe('the gate', () => {
  it('never asks on a page with nothing job-like, however long', async () => {
    const p = page('https://stories.example/', FILLER.repeat(400));
    const rt = runtime();
    start(p, rt.api);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(rt.sent).toEqual([]);
  });

  it('asks once for the scanner on a page whose start or end is job-like', async () => {
    for (const body of [`<h1>We are hiring data entry staff</h1>${FILLER.repeat(200)}`, `${FILLER.repeat(200)}<footer>Contact our recruiter on Telegram</footer>`]) {
      const p = page('https://board.example/', body);
      const rt = runtime();
      start(p, rt.api);
      await vi.waitFor(() => expect(rt.sent).toEqual([START_MESSAGE]));
    }
  });

  it('asks at once on a known job or chat site, without reading the page', async () => {
    const p = page('https://www.linkedin.com/jobs/search/?keywords=x', '');
    const rt = runtime();
    start(p, rt.api);
    expect(rt.sent).toEqual([START_MESSAGE]);
  });

  it('picks up a page that starts empty and gets job-like text later (and text edited in place)', async () => {
    const p = page('https://app.example/', '<div id="app"></div>');
    const rt = runtime();
    start(p, rt.api);
    await new Promise((ok) => setTimeout(ok, 100));
    const app = p.doc.getElementById('app')!;
    const item = p.doc.createElement('p');
    item.textContent = 'Good morning!';
    app.append(item);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(rt.sent).toEqual([]);
    item.firstChild!.nodeValue = 'Urgent: customer support job in Bangkok, free visa';
    await vi.waitFor(() => expect(rt.sent).toEqual([START_MESSAGE]));
    // Once the scanner is asked for, the gate is done: more text asks nothing.
    app.append(p.doc.createTextNode('Another job offer'));
    await new Promise((ok) => setTimeout(ok, 100));
    expect(rt.sent).toHaveLength(1);
  });

  it('reads script text as code, not as page text', async () => {
    const p = page('https://app.example/', '<div id="app"></div>');
    const rt = runtime();
    start(p, rt.api);
    await new Promise((ok) => setTimeout(ok, 50));
    const script = p.doc.createElement('script');
    script.textContent = 'const job = "hiring";';
    p.doc.body.append(script);
    await new Promise((ok) => setTimeout(ok, 150));
    expect(rt.sent).toEqual([]);
  });

  it('asks again when the worker was busy', async () => {
    const p = page('https://board.example/', '<h1>Jobs in Dubai</h1>');
    const rt = runtime({ fail: 1 });
    start(p, rt.api);
    await vi.waitFor(() => expect(rt.sent).toHaveLength(2), { timeout: 3000 });
  });

  it('stops quietly when the extension is gone (orphaned after an update)', async () => {
    // Nothing job-like at first, so the gate watches for added text; that text makes it ask, which throws.
    const p = page('https://board.example/', FILLER);
    let calls = 0;
    const throwing: GateRuntime = {
      sendMessage: () => {
        calls++;
        throw new Error('Extension context invalidated.');
      },
    };
    start(p, throwing);
    p.doc.body.insertAdjacentHTML('beforeend', '<h2>Jobs in Dubai</h2>');
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 3000 });
    // Stopped: more job-like text does not make it try again.
    p.doc.body.insertAdjacentHTML('beforeend', '<p>Hiring now: data entry, salary $1,500</p>');
    await new Promise((ok) => setTimeout(ok, 300));
    expect(calls).toBe(1);
    start(page('https://board.example/', '<h1>Jobs in Dubai</h1>'), undefined);
    await new Promise((ok) => setTimeout(ok, 100));
  });

  it('asks when an SPA route on a known site leads to its job pages', async () => {
    const p = page('https://www.linkedin.com/feed/', '<main>Posts from your network</main>');
    const rt = runtime();
    start(p, rt.api);
    await new Promise((ok) => setTimeout(ok, 50));
    expect(rt.sent).toEqual([]);
    p.window.history.pushState({}, '', '/jobs/view/123/');
    await vi.waitFor(() => expect(rt.sent).toEqual([START_MESSAGE]), { timeout: 3000 });
  });
});

describe('known sites', () => {
  it('the adapters are the known sites, in the same order, with the same URL tests', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual(SITES.map((s) => s.id));
    expect(isKnownSitePage('https://www.linkedin.com/feed/')).toBe(false);
    expect(isKnownSitePage('https://in.indeed.com/jobs?q=x')).toBe(true);
    expect(isKnownSitePage('not a url')).toBe(false);
  });
});

describe('registering the gate (background worker)', () => {
  function scripting(initial: ContentScriptRegistration[] = [], rejectPersist = false) {
    const registered = [...initial];
    const calls: string[] = [];
    const api: ScriptingLike = {
      getRegisteredContentScripts: async (filter) => registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (scripts) => {
        if (rejectPersist && scripts.some((s) => 'persistAcrossSessions' in s)) throw new Error('unknown property persistAcrossSessions');
        calls.push('register');
        registered.push(...scripts);
      },
      updateContentScripts: async (scripts) => {
        calls.push('update');
        for (const s of scripts) Object.assign(registered.find((r) => r.id === s.id)!, s);
      },
    };
    return { api, registered, calls };
  }

  it('registers the gate on every http(s) page when it is missing, and leaves it alone after', async () => {
    const s = scripting();
    expect(await ensureGateRegistered(s.api)).toBe('registered');
    expect(s.registered).toEqual([GATE_SCRIPT]);
    expect(GATE_SCRIPT).toMatchObject({ js: ['gate.js'], matches: ['http://*/*', 'https://*/*'], runAt: 'document_idle', allFrames: false });
    expect(await ensureGateRegistered(s.api)).toBe('unchanged');
    expect(s.calls).toEqual(['register']);
  });

  it('brings an older registration up to date, and registers without persistence where it is unknown', async () => {
    const s = scripting([{ id: GATE_SCRIPT.id, js: ['/old-gate.js'], matches: ['https://*/*'], runAt: 'document_idle', allFrames: false }]);
    expect(await ensureGateRegistered(s.api)).toBe('updated');
    expect(s.registered[0]).toMatchObject({ js: ['gate.js'], matches: GATE_SCRIPT.matches });
    const old = scripting([], true);
    expect(await ensureGateRegistered(old.api)).toBe('registered');
    expect(old.registered[0]).not.toHaveProperty('persistAcrossSessions');
  });
});
