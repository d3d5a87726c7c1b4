// Owns the page benchmark (`npm run bench:page`): headless Chromium with the built extension on a large page
// with nothing job-like, a 1,000-listing job board and a 5,000-message chat. Reports the extension's main-
// thread time (from a DevTools trace: script evaluation and every call into the content script), its longest
// task, and how long a newly added message takes to be judged. Prints numbers; never fails on them.
//   npm run bench:page [-- --no-build | --dir BUILT_DIR] [-- --runs N] [-- --only plain|jobs|chat] [-- --verbose]
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildExtension, launchBrowser, startServer, type Browser, type FixtureServer } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs')) || 5;
const ONLY = option('--only');
const NEW_MESSAGES = 20;

// Budgets from DESIGN.md.
const BUDGET = { plainMs: 2, initialMs: 100, longestTaskMs: 50, newMessageMs: 1 };

// ---------------------------------------------------------------------------------------------- pages
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const LURES = [
  'URGENT HIRING: Customer Support / Data Entry in Cambodia. Salary $1,500/month, free air ticket and hotel. Tourist visa arranged. Interview on Telegram only.',
  'Chat Support Executive - Thailand. Salary 1,200 USD + bonus. No experience needed, just typing speed 30 wpm. Free flight and accommodation. Visa on arrival, company adjusts visa later. Apply via WhatsApp.',
];
const TITLES = ['Accountant', 'Sales Associate', 'Registered Nurse', 'Frontend Developer', 'Warehouse Operative', 'Teacher (Maths)', 'Electrician', 'Barista', 'HR Generalist', 'Delivery Driver', 'Data Analyst', 'Receptionist'];
const CITIES = ['Pune', 'Leeds', 'Manila', 'Nairobi', 'Jakarta', 'Colombo', 'Kathmandu', 'Dhaka', 'Hanoi', 'Kuala Lumpur', 'Chennai', 'Cebu'];
const DESCS = [
  'Full-time role with paid leave and health insurance. Apply with your CV through our careers page; shortlisted candidates are invited to an interview at our office.',
  'We are looking for a reliable team member with two years of experience. Salary according to experience, overtime paid, uniform provided.',
  'Join a friendly team in a growing company. Training provided, weekend shifts on rotation, transport allowance and annual bonus.',
  'Responsibilities include customer enquiries, record keeping and coordination with the branch manager. Graduates welcome to apply.',
];
const CHAT = [
  'Hey, are we still meeting tomorrow at six?', 'Yes! I will bring the documents for the project review.', 'Did you see the match last night?',
  'Can you send me the recipe for that lentil soup?', 'Running ten minutes late, sorry', 'Happy birthday!! 🎉', 'The train is delayed again.',
  'Let me check with my sister and get back to you.', 'Thanks for the photos, they look great.', 'Who is picking up the kids today?',
  'I finished the report, sending it now.', 'Ok see you there', 'Did mum call you?', 'The weather is lovely here this week.',
];
const PLAIN_WORDS = 'the river valley forest morning bread garden bird mountain autumn tea kitchen music river stone window family quiet summer lemon onion garlic simmer bake flour sugar ocean harbour lighthouse village market apple cherry blossom cloud rain snow path bridge lantern painting poem story child grandmother evening candle fire'.split(' ');

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>body{font:14px system-ui,sans-serif;margin:0}.card{border:1px solid #ccc;margin:6px;padding:6px}.msg{margin:4px}</style></head><body>${body}</body></html>`;
}

function plainPage(): string {
  const r = rng(1);
  const paras: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(PLAIN_WORDS[Math.floor(r() * PLAIN_WORDS.length)]);
    paras.push(`<p>${words.join(' ')}.</p>`);
    if (i % 50 === 0) paras.push(`<h2>Chapter ${i / 50 + 1}: ${PLAIN_WORDS[i % PLAIN_WORDS.length]}</h2>`);
  }
  return page('Stories from the valley', `<header><nav><a href="/">Home</a> <a href="/stories">Stories</a></nav></header><main><article>${paras.join('')}</article></main><footer>Stories from the valley</footer>`);
}

function jobsPage(): string {
  const r = rng(2);
  const cards: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const lure = i % 37 === 5;
    const title = TITLES[Math.floor(r() * TITLES.length)];
    const city = CITIES[Math.floor(r() * CITIES.length)];
    const desc = lure ? LURES[i % 2] : DESCS[Math.floor(r() * DESCS.length)];
    cards.push(`<div class="job card" id="job-${i}"><h3><a href="/jobs/${i}">${esc(title)}</a></h3><div class="meta"><span class="company">Company ${i}</span> · <span class="location">${city}</span></div><p class="desc">${esc(desc)}</p></div>`);
  }
  return page('Jobs', `<header><nav><a href="/">Jobs</a></nav></header><main><h1>1,000 jobs</h1><div class="results">${cards.join('')}</div></main>`);
}

function chatPage(): string {
  const r = rng(3);
  const msgs: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const text = CHAT[Math.floor(r() * CHAT.length)];
    msgs.push(`<li class="msg${i % 3 === 0 ? ' me' : ''}"><span class="text">${esc(text)}</span></li>`);
  }
  const script = `<script>
    window.__lwAdd = (text) => new Promise((resolve) => {
      const log = document.getElementById('log');
      const li = document.createElement('li'); li.className = 'msg';
      const span = document.createElement('span'); span.className = 'text'; span.textContent = text; li.append(span);
      const t0 = performance.now();
      new MutationObserver((_, mo) => { if (li.hasAttribute('data-lurewatch-risk')) { mo.disconnect(); resolve(performance.now() - t0); } }).observe(li, { attributes: true });
      log.append(li);
    });
  </script>`;
  // A recruiter's chat (the header says so): the gate starts the scanner at once, which then judges the 5,000
  // messages. (A chat with nothing job-like is never scanned, so it would measure only the gate.)
  return page('Chat', `<div class="chat"><h1>Chat with Mark (recruiter)</h1><ul id="log" class="chat-log" role="log">${msgs.join('')}</ul></div>${script}`);
}

// ---------------------------------------------------------------------------------------------- tracing
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: unlike `dur`, not inflated when other processes take the core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    fileName?: string;
    worldId?: number;
    chrome_extension_id?: { extension_id?: string };
    data?: { url?: string; stackTrace?: Array<{ url?: string }> };
  };
}

async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'toplevel', 'extensions'] },
  });
}

async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
  await session.send('Tracing.end');
  const stream = await done;
  let data = '';
  for (;;) {
    const chunk = (await session.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
    data += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(data) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
}

/**
 * Main-thread time the extension costs a page, from a DevTools trace. Counted (outermost spans only, so
 * nothing twice):
 *  - `ScriptInjection::InjectJs` for this extension: Chromium creating the extension's isolated world in the
 *    frame (a V8 context plus the extension API bindings) and injecting the content script. This is paid by
 *    any content script at all, however small: measured here 1-3 ms on this 2-core machine.
 *  - script events whose URL is the extension's (evaluation, compilation, timers, idle callbacks, events);
 *  - any V8 entry (`v8.run`, `v8.callFunction`, ...) into the extension's isolated world (found from the
 *    world ids the extension's own scripts ran in): callbacks with no URL on the trace event, such as
 *    MutationObserver records, promise continuations and message replies.
 * Not counted: work the browser does anyway (style, layout, paint of the page), and garbage collection that
 * runs outside the extension's spans (it cannot be attributed).
 */
interface Span {
  name: string;
  ms: number;
  cpuMs: number;
}

function extensionTime(events: TraceEvent[], extensionId: string): { totalMs: number; cpuMs: number; longestMs: number; count: number; byName: Record<string, number>; spans: Span[] } {
  const prefix = `chrome-extension://${extensionId}/`;
  // The web pages' renderers: the extension's own pages (such as the settings tab the worker opens on
  // install) run in an "Extension Renderer" process and are not a web page's cost.
  const injected = (e: TraceEvent) => e.name === 'ScriptInjection::InjectJs' && e.args?.chrome_extension_id?.extension_id === extensionId;
  const extensionProcesses = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'Extension Renderer').map((e) => e.pid));
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && !extensionProcesses.has(e.pid)).map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`));
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.stackTrace?.[0]?.url ?? '';
  // The extension's isolated worlds: the world ids its own scripts ran in, per renderer process.
  const worlds = new Set(onMain.filter((e) => e.args?.worldId !== undefined && urlOf(e).startsWith(prefix)).map((e) => `${e.pid}:${e.args!.worldId}`));
  const ours = (e: TraceEvent) =>
    injected(e) ||
    (['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'EventDispatch', 'v8.compile', 'V8.Execute'].includes(e.name) && urlOf(e).startsWith(prefix)) ||
    (e.name.startsWith('v8.') && ((e.args?.worldId !== undefined && worlds.has(`${e.pid}:${e.args.worldId}`)) || urlOf(e).startsWith(prefix)));
  const spans = onMain
    .filter(ours)
    .map((e) => ({ key: `${e.pid}:${e.tid}`, start: e.ts, end: e.ts + e.dur!, name: e.name, cpu: e.tdur ?? e.dur! }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.start - b.start || b.end - a.end);
  let total = 0;
  let cpu = 0;
  let longest = 0;
  let count = 0;
  let cur: { key: string; start: number; end: number; name: string; cpu: number } | null = null;
  const byName: Record<string, number> = {};
  const list: Span[] = [];
  const flush = () => {
    if (!cur) return;
    const d = cur.end - cur.start;
    list.push({ name: cur.name, ms: d / 1000, cpuMs: cur.cpu / 1000 });
    byName[cur.name] = (byName[cur.name] ?? 0) + d / 1000;
    total += d;
    cpu += cur.cpu;
    longest = Math.max(longest, d);
    count++;
  };
  for (const s of spans) {
    if (cur && s.key === cur.key && s.start <= cur.end) {
      // A nested event's CPU time is inside its parent's; one that only overlaps adds its own.
      if (s.end > cur.end) cur.cpu += s.cpu;
      cur.end = Math.max(cur.end, s.end);
    } else {
      flush();
      cur = { ...s };
    }
  }
  flush();
  return { totalMs: total / 1000, cpuMs: cpu / 1000, longestMs: longest / 1000, count, byName, spans: list };
}

// ---------------------------------------------------------------------------------------------- runs
const markCount = (p: Page) => p.evaluate(() => document.querySelectorAll('[data-lurewatch-risk]').length);

type Settle = 'quiet' | 'marks' | 'probe';

/**
 * Waits until the extension is done with the page: `quiet`, no marks for 1.5 s (nothing job-like); `marks`, the
 * number of marks has stopped changing; `probe`, one more message with the self-test phrase, added after the
 * page's own, is marked (the scanner works through its queue in order, so everything before it was judged;
 * judging it is counted too).
 */
async function settle(p: Page, how: Settle, limitMs = 120_000): Promise<void> {
  if (how === 'probe') {
    await p.evaluate(() => (window as unknown as { __lwAdd(t: string): Promise<number> }).__lwAdd('Probe: LUREWATCH-TEST-LURE-7F3A'));
    await p.waitForTimeout(1000);
    return;
  }
  const expectMarks = how === 'marks';
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() - start < limitMs) {
    const n = await markCount(p);
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    }
    if ((!expectMarks || n > 0) && Date.now() - stableSince > 1500) return;
    await p.waitForTimeout(100);
  }
}

async function measureLoad(browser: Browser, url: string, how: Settle) {
  const p = await browser.context.newPage();
  const session = await browser.context.newCDPSession(p);
  await startTrace(session);
  await p.goto(url, { waitUntil: 'load' });
  await settle(p, how);
  const events = await stopTrace(session);
  const marks = await markCount(p);
  return { page: p, session, time: extensionTime(events, browser.extensionId), marks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => n.toFixed(2).padStart(8);

async function main() {
  const given = option('--dir') ?? (args.includes('--no-build') ? '.output/chrome-mv3' : undefined);
  const dir = given ?? buildExtension();
  const server = await startServer();
  try {
    await runAll(dir, server);
  } finally {
    await server.close();
    if (!given) rmSync(dirname(dir), { recursive: true, force: true });
  }
}

async function runAll(dir: string, server: FixtureServer) {
  const pages = { plain: plainPage(), jobs: jobsPage(), chat: chatPage() };
  server.route('/bench-plain.html', () => pages.plain);
  server.route('/bench-jobs.html', () => pages.jobs);
  server.route('/bench-chat.html', () => pages.chat);
  const kb = (file: string) => (existsSync(`${dir}/${file}`) ? `${(statSync(`${dir}/${file}`).size / 1024).toFixed(1)} KB` : 'none');
  console.log(`page scripts, minified: gate.js (every page) ${kb('gate.js')}, content-scripts/scan.js (job-like pages only) ${kb('content-scripts/scan.js')} (budget 150 KB)`);
  console.log(`runs: ${RUNS} (median shown; each run is a fresh browser)\n`);
  const results: Record<string, number[]> = {};
  const add = (k: string, v: number) => (results[k] ??= []).push(v);
  /** A page's total main-thread time, CPU time and longest task, under `page.*`. */
  const addTimes = (page: string, time: { totalMs: number; cpuMs: number; longestMs: number }) => {
    add(`${page}.total`, time.totalMs);
    add(`${page}.cpu`, time.cpuMs);
    add(`${page}.longest`, time.longestMs);
  };
  const want = (name: string) => !ONLY || ONLY === name;
  const parts: Record<string, Record<string, number>> = {};
  for (let run = 0; run < RUNS; run++) {
    const browser = await launch(dir);
    try {
      if (want('plain')) {
        const plain = await measureLoad(browser, `${server.origin}/bench-plain.html`, 'quiet');
        addTimes('plain', plain.time);
        for (const [name, ms] of Object.entries(plain.time.byName)) ((parts.plain ??= {})[name] ??= 0), (parts.plain[name] += ms / RUNS);
        if (args.includes('--verbose')) console.log(`run ${run + 1}, nothing job-like: ${plain.time.totalMs.toFixed(2)} ms (CPU ${plain.time.cpuMs.toFixed(2)} ms):`, plain.time.spans.map((x) => `${x.name} ${x.ms.toFixed(2)}/${x.cpuMs.toFixed(2)}`).join(', '));
        await plain.page.close();
      }
      if (want('jobs')) {
        const jobs = await measureLoad(browser, `${server.origin}/bench-jobs.html`, 'marks');
        addTimes('jobs', jobs.time);
        add('jobs.marks', jobs.marks);
        if (args.includes('--verbose')) console.log(`run ${run + 1}, 1,000 listings: ${jobs.time.totalMs.toFixed(2)} ms`, jobs.time.byName);
        await jobs.page.close();
      }
      if (want('chat')) {
        const chat = await measureLoad(browser, `${server.origin}/bench-chat.html`, 'probe');
        addTimes('chat', chat.time);
        if (args.includes('--verbose')) console.log(`run ${run + 1}, 5,000 messages: ${chat.time.totalMs.toFixed(2)} ms`, chat.time.byName);
        // New messages, one at a time: wall-clock delay until marked, and the extension's main-thread time.
        const delays: number[] = [];
        await startTrace(chat.session);
        for (let i = 0; i < NEW_MESSAGES; i++) {
          delays.push(await chat.page.evaluate((t) => (window as unknown as { __lwAdd(t: string): Promise<number> }).__lwAdd(t), `New message ${i}: LUREWATCH-TEST-LURE-7F3A`));
        }
        const events = await stopTrace(chat.session);
        const work = extensionTime(events, browser.extensionId);
        add('new.delay', median(delays));
        add('new.work', work.totalMs / NEW_MESSAGES);
        add('new.cpu', work.cpuMs / NEW_MESSAGES);
        add('new.longest', work.longestMs);
        await chat.page.close();
      }
    } finally {
      await browser.close();
    }
  }
  const row = (label: string, key: string, budget?: number) => {
    if (!results[key]) return;
    const values = results[key];
    const spread = values.length > 1 ? `  (runs: ${[...values].sort((a, b) => a - b).map((v) => v.toFixed(2)).join(', ')})` : '';
    console.log(`${label.padEnd(58)}${fmt(median(values))} ms${budget !== undefined ? `   budget ${budget} ms ${median(values) <= budget ? 'OK' : 'OVER'}` : ''}${spread}`);
  };
  row('nothing job-like (3,000 paragraphs): main-thread total', 'plain.total', BUDGET.plainMs);
  row('   the same, thread CPU time', 'plain.cpu', BUDGET.plainMs);
  if (parts.plain) {
    const label: Record<string, string> = { 'ScriptInjection::InjectJs': 'isolated world + injection (Chromium)', EvaluateScript: 'content script evaluation', FunctionCall: 'callbacks', 'v8.callFunction': 'calls into the world' };
    for (const [name, ms] of Object.entries(parts.plain)) console.log(`${('   of which ' + (label[name] ?? name) + ' (mean)').padEnd(58)}${fmt(ms)} ms`);
  }
  row('nothing job-like: longest task', 'plain.longest', BUDGET.longestTaskMs);
  row('1,000 listings: initial scan, main-thread total', 'jobs.total', BUDGET.initialMs);
  row('   the same, thread CPU time', 'jobs.cpu', BUDGET.initialMs);
  row('1,000 listings: longest task', 'jobs.longest', BUDGET.longestTaskMs);
  if (results['jobs.marks']) console.log(`${'1,000 listings: marked (27 lures on the page)'.padEnd(58)}${String(median(results['jobs.marks'])).padStart(8)}`);
  row('5,000 messages: initial scan, main-thread total', 'chat.total', BUDGET.initialMs);
  row('   the same, thread CPU time', 'chat.cpu', BUDGET.initialMs);
  row('5,000 messages: longest task', 'chat.longest', BUDGET.longestTaskMs);
  row('new message: main-thread work to judge it (per message)', 'new.work', BUDGET.newMessageMs);
  row('   the same, thread CPU time', 'new.cpu', BUDGET.newMessageMs);
  row('new message: longest task', 'new.longest', BUDGET.longestTaskMs);
  row('new message: delay until marked (idle-time scheduling)', 'new.delay');
}

/**
 * A fresh browser with the page gate registered (the worker registers it when it starts: measuring before that
 * would measure no extension at all); one retry, since a busy 2-core machine sometimes misses the worker's start.
 */
async function launch(dir: string): Promise<Browser> {
  const browser = await launchBrowser(dir).catch(() => launchBrowser(dir));
  // An older build lists its content script in the manifest: nothing to wait for.
  if ((JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { content_scripts?: unknown[] }).content_scripts?.length) return browser;
  type Scripting = { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
  const registered = () => browser.worker.evaluate(async () => (await (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts()).length);
  for (let i = 0; i < 100 && (await registered()) === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
  return browser;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
