// Owns the page scan at run time: the first check, segmentation, judging in budgeted slices, the one
// batched MutationObserver, marks and the verdict report. No extension API here (index.ts wires those in),
// so the whole pipeline runs under happy-dom in tests/page.
import type { Finding, Level, ThreadMessage } from '../../rules/engine/types';
import type { FlagGroup } from '../../components/panel/rule-texts';
import { textHash, type SegmentVerdict, type Sensitivity, type TabVerdict } from '../../components/storage';
import { adapterFor, anySelector, type SiteAdapter } from './adapters';
import { chatMessages, genericSegments, kindOf, sameUnit, THREAD_MESSAGES, type Segmentation, type SegmentSpec, type ThreadSpec, type UnitGroup } from './generic';
import { adapterSegments, messageSegment, ruleSegment, segmentParts, threadOf } from './segment';
import { documentLooksJobLike, looksJobLike } from './first-check';
import { extractText, locate, OWN_TAGS } from './text';
import { isOwnNode, Marks, type MarkLevel, type MarkWording } from './marks';
import { MAX_BATCH_CHARS, MAX_BATCH_ITEMS, type JudgeFn, type JudgeRequest, type JudgeResult } from './judge';

// STYLE.md: work runs in 4-8 ms slices so that no task the extension adds comes near the 50 ms long-task line.
const SLICE_MS = 6;
// Above this many queued nodes one full rescan is cheaper than resolving each (uBlock's rule of thumb).
const FULL_RESCAN_NODES = 1000;
// Verdict reports are coalesced: a chat receiving ten messages sends one report, not ten.
const REPORT_DELAY_MS = 250;
const MAX_REPORTED_SEGMENTS = 50;
const MAX_HIGHLIGHTS_PER_SEGMENT = 24;
const LEVEL_RANK: Record<Level, number> = { none: 0, low: 1, medium: 2, high: 3 };
const RED_FLAG = /^(?:R\d+|T)$/;

type Kind = SegmentVerdict['kind'];

/** What the scanner knows about one judged element (a segment or a thread container). */
export interface Judged {
  element: Element;
  kind: Kind;
  source: string;
  hash: string;
  finding: Finding;
  /** The red flags explained (titles, explanations, quotes), for the panel. */
  explained?: FlagGroup[];
  /** The segment's text; for a thread, its messages. */
  text: string;
  messages?: ThreadMessage[];
  messageElements?: Element[];
  markHost?: Element | null;
  spec?: SegmentSpec;
}

/** What the scanner needs from its surroundings (the content script's context, or a test). */
export interface ScannerOptions {
  doc: Document;
  /** Judges texts (the background worker's engine in the extension; the engine directly in tests). */
  judge: JudgeFn;
  /** The interface language for the red flags' explanations. */
  lang(): string;
  url(): string;
  signal: AbortSignal;
  /** Runs `work` soon, when the page is idle (a budgeted slice). */
  schedule(work: () => void): void;
  /** Runs `work` after `ms` milliseconds. */
  later(work: () => void, ms: number): void;
  report(verdict: TabVerdict): void;
  activate(judged: Judged, button: HTMLElement): void;
  wording(level: MarkLevel, kind: Kind): MarkWording;
  warn(message: string): void;
  css: string;
  sensitivity: Sensitivity;
  dismissed: Set<string>;
}

/** What happened to a queued node, weakest first: children removed, text added or edited, subtree added. */
const CHANGE = { removed: 1, text: 2, added: 3 } as const;
type Change = (typeof CHANGE)[keyof typeof CHANGE];

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Scans one document (and the shadow roots and same-origin frames inside it). */
export class PageScanner {
  readonly marks: Marks;
  private adapter: SiteAdapter | null = null;
  /** True when the page has no adapter, or its adapter's selectors matched nothing. */
  private generic = true;
  private mode: 'watch' | 'full' | 'stopped' = 'watch';
  private observer: MutationObserver | null = null;
  private observed = new WeakSet<Node>();
  /** Queued nodes and what happened to them. */
  private pending = new Map<Node, Change>();
  private fullRequested = false;
  private segQueue: SegmentSpec[] = [];
  private threadQueue: ThreadSpec[] = [];
  private queued = new Set<Element>();
  private specs = new WeakMap<Element, SegmentSpec>();
  private threads = new WeakMap<Element, ThreadSpec>();
  private threadOfMessage = new WeakMap<Element, ThreadSpec>();
  private groups = new WeakMap<Element, UnitGroup>();
  private judged = new WeakMap<Element, Judged>();
  /** Judged elements whose level is above `none` (for the report, dismissals and sensitivity changes). */
  private shown = new Map<Element, Judged>();
  /** A question sent to the judge, and how to turn its answer into a judgement. */
  private outbox: Array<{ request: JudgeRequest; el: Element; hash: string; make(result: JudgeResult): Judged }> = [];
  private outboxChars = 0;
  private waiting = new Map<number, { el: Element; hash: string; make(result: JudgeResult): Judged }>();
  private requestsInFlight = 0;
  private nextKey = 1;
  /** The hash most recently sent for judging (or judged) per element, and the texts read (threads reuse them). */
  private asked = new WeakMap<Element, string>();
  private texts = new WeakMap<Element, string>();
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  private reportTimer = false;
  private warnedFallback = false;
  private frames = new WeakSet<HTMLIFrameElement>();
  private sensitivity: Sensitivity;
  private dismissed: Set<string>;
  /** Counters for tests and the benchmark (not sent anywhere). */
  readonly stats = { fullScans: 0, judgedSegments: 0, judgedThreads: 0, skippedUnchanged: 0 };

  constructor(private readonly o: ScannerOptions) {
    this.marks = new Marks(o.css);
    this.sensitivity = o.sensitivity;
    this.dismissed = o.dismissed;
    o.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Starts: the cheap first check decides between a full scan and only watching for job-like text. */
  start(): void {
    if (this.o.signal.aborted) return;
    this.pickAdapter();
    const body = this.o.doc.body ?? this.o.doc.documentElement;
    if (!body) return;
    this.observe(this.o.doc);
    if (this.adapter || documentLooksJobLike(this.o.doc)) this.requestFull();
    else this.mode = 'watch';
  }

  /** Stops observing and removes every mark (content script invalidated, or the site turned off). */
  stop(): void {
    if (this.mode === 'stopped') return;
    this.mode = 'stopped';
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.segQueue = [];
    this.threadQueue = [];
    this.queued.clear();
    this.outbox = [];
    this.waiting.clear();
    this.marks.clearAll(this.o.doc, this.shown.keys());
    this.shown.clear();
    this.notifyIdle();
  }

  /** The page navigated without reloading (SPA): pick the adapter again and rescan. */
  navigated(): void {
    if (this.mode === 'stopped') return;
    this.pickAdapter();
    if (this.mode === 'watch' && !this.adapter && !documentLooksJobLike(this.o.doc)) return;
    this.requestFull();
    this.scheduleReport();
  }

  /**
   * The interface language changed: word every mark again, and ask again for the explanations of
   * every text that carries a mark (they were written in the old language). The verdicts stay as they
   * are meanwhile; an answer for a text that has changed since is dropped as usual.
   */
  changeLanguage(): void {
    this.refreshMarks();
    for (const [el, judged] of this.shown) {
      if (this.asked.get(el) !== judged.hash) continue; // a newer text is on its way, in the new language
      const request = judged.messages ? { messages: judged.messages } : { text: judged.text };
      this.ask(el, judged.hash, request, (result) => ({ ...judged, finding: result.finding, explained: result.explained }));
    }
    this.flush();
  }

  setSensitivity(value: Sensitivity): void {
    this.sensitivity = value;
    this.refreshMarks();
  }

  setDismissed(hashes: Set<string>): void {
    this.dismissed = hashes;
    this.refreshMarks();
  }

  /** The current judgement of an element, if any (tests; the panel). */
  judgementOf(el: Element): Judged | undefined {
    return this.judged.get(el);
  }

  private pickAdapter(): void {
    this.adapter = adapterFor(this.o.url());
    this.generic = this.adapter === null;
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer ??= new MutationObserver((records) => this.guard(() => this.onMutations(records)));
    this.observer.observe(root, OBSERVE);
  }

  private guard(work: () => void): void {
    if (this.mode === 'stopped' || this.o.signal.aborted) return;
    try {
      work();
    } catch (error) {
      // Contained: a LureWatch bug must never become the page's error. Logged quietly for developers.
      console.debug('LureWatch: contained error', error);
    }
  }

  /** The observer callback only queues: no reading, no judging here (STYLE.md). */
  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        this.enqueue(record.target, CHANGE.text);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) if (!isOwnNode(node)) this.enqueue(node, node.nodeType === 1 ? CHANGE.added : CHANGE.text);
      // Removals change the text of the element they were removed from (or shrink a conversation).
      for (const node of Array.from(record.removedNodes)) {
        if (isOwnNode(node)) continue;
        this.enqueue(record.target, CHANGE.removed);
        break;
      }
    }
  }

  /** Queues a node with what happened to it (the strongest change wins). */
  private enqueue(node: Node, change: Change): void {
    if (this.fullRequested) return;
    if (this.pending.size >= FULL_RESCAN_NODES) {
      this.pending.clear();
      this.requestFull();
      return;
    }
    if ((this.pending.get(node) ?? 0) < change) this.pending.set(node, change);
    this.scheduleSlice();
  }

  private requestFull(): void {
    this.mode = 'full';
    this.fullRequested = true;
    this.pending.clear();
    this.scheduleSlice();
  }

  private scheduleSlice(): void {
    if (this.scheduled || this.mode === 'stopped') return;
    this.scheduled = true;
    this.o.schedule(() => {
      this.scheduled = false;
      this.guard(() => this.slice());
    });
  }

  /** One budgeted slice of work: a full segmentation, or resolving queued nodes, then judging. */
  private slice(): void {
    const deadline = performance.now() + SLICE_MS;
    if (this.fullRequested) {
      this.fullRequested = false;
      this.fullScan();
    } else if (this.pending.size) {
      const nodes = new Map(this.pending);
      this.pending.clear();
      if (this.mode === 'watch') this.watchCheck([...nodes.keys()]);
      else this.resolve(nodes);
    }
    if (this.mode === 'full') {
      while (this.segQueue.length && performance.now() < deadline) this.judgeSegment(this.segQueue.shift()!);
      while (!this.segQueue.length && this.threadQueue.length && performance.now() < deadline) this.judgeThread(this.threadQueue.shift()!);
    }
    this.flush();
    if (this.segQueue.length || this.threadQueue.length || this.pending.size || this.fullRequested) this.scheduleSlice();
    else if (!this.busy()) this.notifyIdle();
  }

  private busy(): boolean {
    return this.scheduled || this.fullRequested || this.pending.size > 0 || this.segQueue.length > 0 || this.threadQueue.length > 0 || this.outbox.length > 0 || this.requestsInFlight > 0;
  }

  /** Asks the judge about a text; the answer is applied when it arrives (if the text has not changed since). */
  private ask(el: Element, hash: string, request: Omit<JudgeRequest, 'key'>, make: (result: JudgeResult) => Judged): void {
    this.asked.set(el, hash);
    const key = this.nextKey++;
    this.outbox.push({ request: { key, ...request }, el, hash, make });
    this.outboxChars += (request.text?.length ?? 0) + (request.messages?.reduce((n, m) => n + m.text.length, 0) ?? 0);
    if (this.outbox.length >= MAX_BATCH_ITEMS || this.outboxChars >= MAX_BATCH_CHARS) this.flush();
  }

  /** Sends the questions gathered so far as one batch. */
  private flush(): void {
    if (!this.outbox.length) return;
    const batch = this.outbox;
    this.outbox = [];
    this.outboxChars = 0;
    for (const q of batch) this.waiting.set(q.request.key, q);
    this.requestsInFlight++;
    let answers: Promise<JudgeResult[]>;
    try {
      answers = this.o.judge(batch.map((q) => q.request), this.o.lang());
    } catch (error) {
      answers = Promise.reject(error);
    }
    answers
      .then((results) => this.guard(() => this.answered(results)))
      .catch(() => {
        // The judge is unavailable (the worker is restarting): forget the questions, so the next change asks again.
        for (const q of batch) if (this.asked.get(q.el) === q.hash) this.asked.delete(q.el);
      })
      .finally(() => {
        for (const q of batch) this.waiting.delete(q.request.key);
        this.requestsInFlight--;
        if (!this.busy()) this.notifyIdle();
      });
  }

  private answered(results: JudgeResult[]): void {
    for (const result of results) {
      const q = this.waiting.get(result.key);
      if (!q) continue;
      this.waiting.delete(result.key);
      // A newer text of the same element is already on its way: this answer is stale.
      if (this.asked.get(q.el) !== q.hash || !q.el.isConnected) continue;
      const judged = q.make(result);
      this.judged.set(q.el, judged);
      this.applyMark(judged);
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves once everything queued so far has been judged (for tests and the page benchmark). */
  whenIdle(): Promise<void> {
    if (!this.busy() || this.mode === 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** In watch mode, new text is only checked for job-like words; the first hit starts a full scan. */
  private watchCheck(nodes: Node[]): void {
    for (const node of nodes) {
      if (node.isConnected && looksJobLike(node.textContent ?? '')) {
        this.requestFull();
        return;
      }
    }
  }

  private fullScan(): void {
    this.stats.fullScans++;
    const doc = this.o.doc;
    let found: Segmentation | null = null;
    if (this.adapter) {
      const byAdapter = adapterSegments(doc, this.adapter);
      if (byAdapter.matched) {
        this.generic = false;
        found = byAdapter;
      } else {
        this.generic = true;
        if (!this.warnedFallback && documentLooksJobLike(doc)) {
          this.warnedFallback = true;
          this.o.warn(`LureWatch: the "${this.adapter.id}" adapter's selectors matched nothing on this page; using the generic segmenter.`);
        }
      }
    }
    found ??= genericSegments(doc.body ?? doc.documentElement);
    this.take(found);
  }

  /** Registers and queues everything a segmentation found (unchanged segments are skipped when judged). */
  private take(found: Segmentation): void {
    for (const spec of found.segments) this.queueSegment(spec);
    for (const thread of found.threads) this.queueThread(thread);
    for (const group of found.groups) this.groups.set(group.container, group);
    for (const root of found.roots) this.observe(root);
    for (const frame of found.frames) this.watchFrame(frame);
  }

  private queueSegment(spec: SegmentSpec): void {
    this.specs.set(spec.element, spec);
    if (this.queued.has(spec.element)) return;
    this.queued.add(spec.element);
    this.segQueue.push(spec);
  }

  private queueThread(thread: ThreadSpec): void {
    this.threads.set(thread.element, thread);
    for (const m of thread.messages) this.threadOfMessage.set(m.element, thread);
    if (this.queued.has(thread.element)) return;
    this.queued.add(thread.element);
    this.threadQueue.push(thread);
  }

  private watchFrame(frame: HTMLIFrameElement): void {
    if (this.frames.has(frame)) return;
    this.frames.add(frame);
    // A same-origin frame that is still loading is read again once it has loaded.
    frame.addEventListener('load', () => this.guard(() => this.requestFull()), { signal: this.o.signal });
  }

  /** Turns queued nodes into the segments and threads they touch. */
  private resolve(nodes: Map<Node, Change>): void {
    for (const [node, change] of nodes) {
      // An added node inside another added node is covered by it (a changed element is not: a new card
      // appended to a list changes the list, and the card must still be found).
      let covered = false;
      for (let p = node.parentNode; p; p = p.parentNode) {
        if (nodes.get(p) === CHANGE.added) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected || OWN_TAGS.has(el.localName)) continue;
      if (this.generic && this.adapter && this.adapterMatchesNow(el)) {
        // The app rendered what its adapter knows (a chat was opened): back to the adapter.
        this.requestFull();
        return;
      }
      if (this.generic) this.resolveGeneric(el, change);
      else this.resolveAdapter(el, this.adapter!);
    }
  }

  private adapterMatchesNow(el: Element): boolean {
    const selector = anySelector(this.adapter!);
    try {
      return el.matches(selector) || el.querySelector(selector) !== null;
    } catch {
      return false;
    }
  }

  private resolveAdapter(el: Element, adapter: SiteAdapter): void {
    for (const rule of adapter.segments) {
      const own = el.closest(rule.segmentSelector);
      const found = own ? [own] : Array.from(el.querySelectorAll(rule.segmentSelector));
      for (const seg of found) this.queueSegment(this.specs.get(seg) ?? ruleSegment(seg, rule, adapter));
    }
    const thread = adapter.thread;
    if (!thread) return;
    const container = el.closest(thread.containerSelector);
    const containers = container ? [container] : Array.from(el.querySelectorAll(thread.containerSelector));
    for (const c of containers) {
      const message = el.closest(thread.messageSelector);
      const messages = message ? [message] : Array.from(el.querySelectorAll(thread.messageSelector));
      for (const m of messages) this.queueSegment(this.specs.get(m) ?? messageSegment(m, adapter));
      this.queueThread(threadOf(c, adapter));
    }
  }

  private resolveGeneric(el: Element, change: Change): void {
    // A known list or chat whose children went: only a conversation needs judging again (removed cards
    // simply drop out of the report).
    const ownGroup = this.groups.get(el);
    if (ownGroup && change === CHANGE.removed) {
      if (ownGroup.thread) this.queueThread(ownGroup.thread);
      return;
    }
    // Inside a known segment: that segment's text changed (and its conversation's, for a message).
    for (let p: Element | null = el; p; p = p.parentElement) {
      const spec = this.specs.get(p);
      if (spec) {
        this.queueSegment(spec);
        const thread = this.threadOfMessage.get(p);
        if (thread) this.queueThread(thread);
        return;
      }
    }
    if (change === CHANGE.removed) {
      const thread = this.threads.get(el);
      if (thread) this.queueThread(thread);
      return;
    }
    // Under a known list or chat (a few levels up): a new card, a new message or a new day of messages.
    for (let p = el.parentElement, depth = 0; p && depth < 4; p = p.parentElement, depth++) {
      const group = this.groups.get(p);
      if (!group) continue;
      if (group.chat) {
        const thread = group.thread ?? (group.thread = { element: group.container, source: 'generic', messages: [] });
        if (el !== group.container) {
          for (const m of chatMessages(el)) {
            if (this.threadOfMessage.has(m.element)) continue;
            this.threadOfMessage.set(m.element, thread);
            thread.messages.push(m);
            this.queueSegment(m);
          }
        }
        this.queueThread(thread);
        return;
      }
      if (p === el.parentElement && sameUnit(el, group.sample)) {
        this.queueSegment({ element: el, kind: kindOf(el), source: 'generic' });
        return;
      }
      break;
    }
    const thread = this.threads.get(el);
    if (thread) {
      // Messages removed from (or re-ordered in) a conversation.
      this.queueThread(thread);
      return;
    }
    // Anything else: segment the new (or changed) subtree on its own.
    this.take(genericSegments(el, false));
  }

  /** Reads one segment and asks for a judgement, unless its text is unchanged since the last time. */
  private judgeSegment(spec: SegmentSpec): void {
    const el = spec.element;
    this.queued.delete(el);
    if (!el.isConnected) return this.forget(el);
    const { text } = extractText(segmentParts(spec));
    const hash = textHash(text);
    this.texts.set(el, text);
    if (this.unchanged(el, hash)) return;
    this.stats.judgedSegments++;
    const make = (result: JudgeResult): Judged => ({ element: el, kind: spec.kind, source: spec.source, hash, finding: result.finding, explained: result.explained, text, markHost: spec.markHost, spec });
    if (!text.trim()) return this.settleEmpty(el, hash, make);
    this.ask(el, hash, { text }, make);
  }

  private judgeThread(thread: ThreadSpec): void {
    const el = thread.element;
    this.queued.delete(el);
    if (!el.isConnected) return this.forget(el);
    const fresh = this.adapter && !this.generic && thread.source === this.adapter.id ? threadOf(el, this.adapter) : thread;
    if (fresh !== thread) this.threads.set(el, fresh);
    // Only the most recent messages are judged; older ones are let go (a 5,000-message chat keeps 200).
    const connected = fresh.messages.filter((m) => m.element.isConnected).slice(-5 * THREAD_MESSAGES);
    if (fresh === thread && connected.length !== thread.messages.length) thread.messages = connected;
    const recent = connected.slice(-THREAD_MESSAGES);
    const messages: ThreadMessage[] = [];
    const elements: Element[] = [];
    for (const m of recent) {
      this.threadOfMessage.set(m.element, fresh);
      const text = this.texts.get(m.element) ?? extractText(segmentParts(m)).text;
      if (!text.trim()) continue;
      messages.push(m.from ? { from: m.from, text } : { text });
      elements.push(m.element);
    }
    const joined = messages.map((m) => (m.from ?? '') + '\u241f' + m.text).join('\u2029');
    const hash = textHash(joined);
    if (this.unchanged(el, hash)) return;
    this.stats.judgedThreads++;
    const text = messages.map((m) => m.text).join('\n');
    const make = (result: JudgeResult): Judged => ({ element: el, kind: 'thread', source: fresh.source, hash, finding: result.finding, explained: result.explained, text, messages, messageElements: elements, markHost: fresh.markHost });
    if (messages.length < 2) return this.settleEmpty(el, hash, make);
    this.ask(el, hash, { messages }, make);
  }

  /** Whether this text was judged already; if so its mark is put back (a framework may have dropped it). */
  private unchanged(el: Element, hash: string): boolean {
    if (this.asked.get(el) !== hash) return false;
    this.stats.skippedUnchanged++;
    const previous = this.judged.get(el);
    if (previous && previous.hash === hash) this.applyMark(previous);
    return true;
  }

  /** Nothing to judge (no text, or a thread of one message): recorded as clean without asking the worker. */
  private settleEmpty(el: Element, hash: string, make: (result: JudgeResult) => Judged): void {
    this.asked.set(el, hash);
    const judged = make({ key: 0, finding: emptyFinding() });
    this.judged.set(el, judged);
    this.applyMark(judged);
  }

  private forget(el: Element): void {
    if (this.shown.delete(el)) this.scheduleReport();
  }

  /** The mark a judgement deserves under the current sensitivity and dismissals. */
  private markLevel(j: Judged): MarkLevel | null {
    const level = j.finding.level;
    if (this.dismissed.has(j.hash)) return null;
    if (level === 'high' || level === 'medium') return level;
    if (level === 'low' && this.sensitivity === 'careful') return 'low';
    return null;
  }

  private applyMark(j: Judged): void {
    const el = j.element;
    const was = this.shown.get(el);
    if (j.finding.level === 'none') {
      if (was) {
        this.shown.delete(el);
        this.marks.clear(el);
        this.scheduleReport();
      }
      return;
    }
    const level = this.markLevel(j);
    if (level) {
      this.marks.set(el, level, this.o.wording(level, j.kind), j.markHost, (button) => this.guard(() => this.o.activate(this.judged.get(el) ?? j, button)));
      if (level !== 'low') this.highlight(j);
      else this.marks.unhighlight(el);
    } else this.marks.clear(el);
    if (was !== j) {
      this.shown.set(el, j);
      this.scheduleReport();
    }
  }

  private refreshMarks(): void {
    for (const j of [...this.shown.values()]) {
      if (!j.element.isConnected) this.shown.delete(j.element);
      else this.applyMark(j);
    }
    this.scheduleReport();
  }

  /** Highlights the red-flag evidence of a flagged segment or thread in place (CSS Custom Highlight API). */
  private highlight(j: Judged): void {
    const win = j.element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    const StaticRangeCtor = win?.StaticRange;
    if (!StaticRangeCtor || !(win as unknown as { CSS?: { highlights?: unknown } }).CSS?.highlights) return;
    const ranges: AbstractRange[] = [];
    const maps = new Map<number, ReturnType<typeof extractText>>();
    const mapFor = (message: number | undefined) => {
      const key = message ?? -1;
      let map = maps.get(key);
      if (!map) {
        if (message === undefined) map = extractText(segmentParts(j.spec ?? { element: j.element, kind: 'post', source: j.source }), true);
        else {
          const el = j.messageElements?.[message];
          const spec = el ? this.specs.get(el) : undefined;
          map = el ? extractText(spec ? segmentParts(spec) : el, true) : { text: '' };
        }
        maps.set(key, map);
      }
      return map;
    };
    for (const flag of j.finding.flags) {
      if (!RED_FLAG.test(flag.category)) continue;
      for (const e of flag.evidence) {
        if (ranges.length >= MAX_HIGHLIGHTS_PER_SEGMENT) break;
        const map = mapFor(j.kind === 'thread' ? e.message : undefined);
        const start = locate(map, e.start);
        const end = locate(map, e.end, true);
        if (!start || !end) continue;
        try {
          ranges.push(new StaticRangeCtor({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset }));
        } catch {
          // A range across nodes that changed meanwhile: skip it.
        }
      }
    }
    this.marks.highlight(j.element, ranges);
  }

  private scheduleReport(): void {
    if (this.reportTimer) return;
    this.reportTimer = true;
    this.o.later(() => {
      this.reportTimer = false;
      this.guard(() => this.o.report(this.verdict()));
    }, REPORT_DELAY_MS);
  }

  /** The page's verdict: its highest level among segments not dismissed, and the segments behind it. */
  verdict(): TabVerdict {
    const segments: SegmentVerdict[] = [];
    let level: Level = 'none';
    for (const [el, j] of this.shown) {
      if (!el.isConnected) {
        this.shown.delete(el);
        continue;
      }
      if (this.dismissed.has(j.hash)) continue;
      if (LEVEL_RANK[j.finding.level] > LEVEL_RANK[level]) level = j.finding.level;
      segments.push({ hash: j.hash, level: j.finding.level, score: j.finding.score, flags: j.finding.flags, excerpt: j.text.slice(0, 300), source: j.source, kind: j.kind });
    }
    segments.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.score - a.score);
    return { url: this.o.url(), level, segments: segments.slice(0, MAX_REPORTED_SEGMENTS), updatedAt: Date.now() };
  }
}

function emptyFinding(): Finding {
  return { level: 'none', score: 0, flags: [] };
}
