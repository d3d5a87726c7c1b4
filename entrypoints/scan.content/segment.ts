// Owns segmentation: which elements of a page are judged (adapter selectors, else the generic segmenter),
// and `segmentDocument`, the pure entry point the CLI uses on saved pages (no extension API, works under happy-dom).
import { adapterFor, type SegmentRule, type SiteAdapter } from './adapters';
import { genericSegments, THREAD_MESSAGES, type Segmentation, type SegmentSpec, type ThreadSpec } from './generic';
import { extractText } from './text';

export type { SegmentSpec, ThreadSpec, Segmentation } from './generic';

/** The parts of `el` matching `selector`, outermost only (nested matches would repeat text). */
export function partsOf(el: Element, selector: string | undefined): Element[] | undefined {
  if (!selector) return undefined;
  const found = el.querySelectorAll(selector);
  if (found.length === 0) return undefined;
  const parts: Element[] = [];
  let last: Element | null = null;
  for (const part of Array.from(found)) {
    if (last && last.contains(part)) continue;
    parts.push(part);
    last = part;
  }
  return parts;
}

function firstIn(el: Element, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return el.querySelector(selector);
  } catch {
    return null;
  }
}

/** The sender named by a WhatsApp-style "[10:32, 21/11/2026] Name: " prefix, or the text as it is. */
function senderName(raw: string): string {
  const m = /^\s*\[[^\]]{0,40}\]\s*(.{1,80}?):\s*$/.exec(raw);
  return (m ? m[1] : raw).trim();
}

function messageFrom(el: Element, adapter: SiteAdapter): string | undefined {
  const thread = adapter.thread!;
  const node = firstIn(el, thread.fromSelector);
  if (!node) return undefined;
  const raw = thread.fromAttribute ? node.getAttribute(thread.fromAttribute) : node.textContent;
  const name = raw ? senderName(raw) : '';
  return name || undefined;
}

/** The segment for one element matching an adapter's segment rule. */
export function ruleSegment(el: Element, rule: SegmentRule, adapter: SiteAdapter): SegmentSpec {
  return { element: el, kind: rule.kind, source: adapter.id, textSelector: rule.textSelector, markHost: firstIn(el, rule.markSelector) };
}

/** The message segment for one element of an adapter's thread. */
export function messageSegment(el: Element, adapter: SiteAdapter): SegmentSpec {
  const thread = adapter.thread!;
  return { element: el, kind: 'message', source: adapter.id, textSelector: thread.textSelector, from: messageFrom(el, adapter) };
}

/** The thread for one conversation container of an adapter. */
export function threadOf(container: Element, adapter: SiteAdapter): ThreadSpec {
  const thread = adapter.thread!;
  const messages = Array.from(container.querySelectorAll(thread.messageSelector)).map((m) => messageSegment(m, adapter));
  const root = container.getRootNode() as Document | ShadowRoot;
  let markHost: Element | null = null;
  if (thread.markSelector && 'querySelector' in root) {
    try {
      markHost = root.querySelector(thread.markSelector);
    } catch {
      markHost = null;
    }
  }
  return { element: container, source: adapter.id, messages, markHost };
}

/** Drops segments nested inside other segments (Facebook comments inside their post, cards inside cards). */
function outermost(segments: SegmentSpec[]): SegmentSpec[] {
  const set = new Set(segments.map((s) => s.element));
  return segments.filter((s) => {
    for (let p = s.element.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** Segments `root` with an adapter's selectors. `matched` is false when none of them matched anything. */
export function adapterSegments(root: ParentNode, adapter: SiteAdapter): Segmentation & { matched: boolean } {
  const segments: SegmentSpec[] = [];
  const threads: ThreadSpec[] = [];
  for (const rule of adapter.segments) {
    for (const el of Array.from(root.querySelectorAll(rule.segmentSelector))) segments.push(ruleSegment(el, rule, adapter));
  }
  const kept = outermost(segments);
  if (adapter.thread) {
    for (const container of Array.from(root.querySelectorAll(adapter.thread.containerSelector))) {
      const thread = threadOf(container, adapter);
      if (thread.messages.length === 0) continue;
      threads.push(thread);
      kept.push(...thread.messages);
    }
  }
  return { segments: kept, threads, roots: [], frames: [], groups: [], matched: kept.length > 0 || threads.length > 0 };
}

/**
 * Segments a page: the adapter for `url` when there is one and its selectors match, else the generic
 * segmenter. `fellBack` tells the caller that a known site's selectors matched nothing.
 */
export function segmentPage(doc: Document, url: string): Segmentation & { adapter: SiteAdapter | null; fellBack: boolean } {
  const body = doc.body ?? doc.documentElement;
  const adapter = adapterFor(url);
  if (adapter) {
    const found = adapterSegments(doc, adapter);
    if (found.matched) return { ...found, adapter, fellBack: false };
  }
  return { ...genericSegments(body), adapter, fellBack: adapter !== null };
}

/** One segment of a saved page, as the CLI reports it. */
export interface DocumentSegment {
  element: Element;
  kind: 'listing' | 'post' | 'message' | 'thread';
  text?: string;
  messages?: { from?: string; text: string }[];
  source: string;
}

/** The elements whose text makes up a segment. */
export function segmentParts(spec: SegmentSpec): Element | Element[] {
  return partsOf(spec.element, spec.textSelector) ?? spec.element;
}

/** The text of a segment as the content script reads it. */
export function segmentText(spec: SegmentSpec): string {
  return extractText(segmentParts(spec)).text;
}

/**
 * Segments a whole document the way the content script does, with each segment's text (or, for a
 * conversation, its recent messages). Pure: DOM only, no extension API (works under happy-dom and linkedom).
 */
export function segmentDocument(doc: Document, url: string): DocumentSegment[] {
  const { segments, threads } = segmentPage(doc, url);
  const out: DocumentSegment[] = [];
  for (const spec of segments) {
    const text = segmentText(spec);
    if (text.trim()) out.push({ element: spec.element, kind: spec.kind, text, source: spec.source });
  }
  for (const thread of threads) {
    const messages = thread.messages
      .slice(-THREAD_MESSAGES)
      .map((m) => ({ ...(m.from ? { from: m.from } : {}), text: segmentText(m) }))
      .filter((m) => m.text.trim());
    if (messages.length) out.push({ element: thread.element, kind: 'thread', messages, source: thread.source });
  }
  return out;
}
