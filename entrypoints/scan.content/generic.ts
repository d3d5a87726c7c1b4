// Owns the generic segmenter: finds listing cards, posts, articles and chat bubbles on pages no adapter
// knows, from structure alone (repeated siblings, text bodies, semantic tags) — never the whole page as one text.
import type { SegmentKind } from './adapters';
import { isBlock, isSkipped, OWN_TAGS } from './text';

/** A segment found on the page: the element that is judged and marked, and where its text comes from. */
export interface SegmentSpec {
  element: Element;
  kind: SegmentKind;
  /** Adapter id, or "generic". */
  source: string;
  /** Which parts of the element hold its text (adapter textSelector); the whole element when absent or unmatched. */
  textSelector?: string;
  /** Where the visible mark goes (defaults to the element). */
  markHost?: Element | null;
  /** Sender of a message, when the page says. */
  from?: string;
}

/** A conversation judged as a whole: its visible messages in order. */
export interface ThreadSpec {
  element: Element;
  source: string;
  messages: SegmentSpec[];
  markHost?: Element | null;
}

/** A container of repeated units (a results list, a chat log) found by the generic segmenter. */
export interface UnitGroup {
  container: Element;
  /** One of its units: a new sibling like it is a new unit. */
  sample: Element;
  chat: boolean;
  thread?: ThreadSpec;
}

/** Everything one pass found, plus the extra roots (shadow roots, same-origin frames) it went into. */
export interface Segmentation {
  segments: SegmentSpec[];
  threads: ThreadSpec[];
  roots: Array<ShadowRoot | Document>;
  /** Every iframe met (same-origin ones were read; the scanner waits for those still loading). */
  frames: HTMLIFrameElement[];
  groups: UnitGroup[];
}

// Thresholds, in characters of textContent. Chosen on the fixtures in tests/fixtures/pages: a job card is
// 100-3,000 characters; a news article 2,000-20,000; a chat message from 2 characters up.
/** Blocks with less text than this are not worth judging on their own (outside chats). */
export const MIN_SEGMENT_CHARS = 40;
/** A repeated item (card, post) larger than this is split further instead of judged as one. */
const MAX_ITEM_CHARS = 8_000;
/** A text body (paragraphs, lists) up to this size is one segment: an article is judged whole, so
 *  its reporting framing (counter-signal C1) is judged together with the lure words it quotes. */
const MAX_BODY_CHARS = 60_000;
/** A small box with no repeated structure inside is one unit. */
const SMALL_BLOCK_CHARS = 600;
/** Threads are judged on the most recent messages only ("visible recent messages"). */
export const THREAD_MESSAGES = 40;

/** Page chrome that never holds offers. */
const CHROME_TAGS = new Set(['nav', 'footer', 'button', 'form', 'menu', 'dialog', 'header']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar', 'tablist', 'tooltip', 'alert']);
/** Inline or paragraph-level tags: a run of these is one text, never a set of separate segments. */
const TEXT_LEVEL = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'figure', 'table', 'hr', 'br',
  'span', 'a', 'b', 'strong', 'em', 'i', 'u', 'small', 'time', 'img', 'code', 'label', 'mark', 'sup', 'sub', 'abbr',
  'cite', 'q', 's', 'font', 'address', 'picture', 'wbr',
]);
const EXPLICIT = 'article, [role="article"], [itemtype*="JobPosting"]';
const UNIT_CLASS = /messag|msg|bubble|chat|comment|post|card|job|listing|vacanc|result|item|entry|tweet|story|offer|tuple/i;
const CHAT_CLASS = /messag|msg|bubble|chat|conversation|\bdm\b/i;
const LISTING_HINT = /job|vacanc|listing|position|career|result|tuple|offer|opening/i;

function textLen(el: Element): number {
  let n = el.textContent?.length ?? 0;
  const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  if (shadow) n += shadow.textContent?.length ?? 0;
  return n;
}

function classToken(el: Element): string {
  const cls = el.getAttribute('class');
  if (!cls) return '';
  const trimmed = cls.trim();
  const space = trimmed.search(/\s/);
  return space < 0 ? trimmed : trimmed.slice(0, space);
}

function keyOf(el: Element): string {
  return el.localName + '.' + classToken(el) + '/' + (el.getAttribute('role') ?? '');
}

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.localName)) return !(el.localName === 'dialog' && el.hasAttribute('open'));
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  return el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden');
}

function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c) && c.localName !== 'br') return true;
  return false;
}

/** A single line or paragraph of text (no block structure of its own). */
function isLineLike(el: Element): boolean {
  return TEXT_LEVEL.has(el.localName) || !hasBlockChild(el);
}

function childrenOf(el: Element): Element[] {
  const out: Element[] = [];
  const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  if (shadow) for (let c = shadow.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

function isChatContainer(el: Element, items: Element[]): boolean {
  if (el.getAttribute('role') === 'log' || el.hasAttribute('aria-live')) return true;
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    const label = (node.getAttribute('class') ?? '') + ' ' + (node.id ?? '') + ' ' + (node.getAttribute('aria-label') ?? '');
    if (CHAT_CLASS.test(label)) return true;
  }
  return CHAT_CLASS.test(items[0].getAttribute('class') ?? '');
}

/** The largest group of ≥3 siblings that look like repeated units (cards, posts, bubbles), or null. */
function repeatedGroup(children: Element[], parentLen: number, chatHint: boolean): Element[] | null {
  if (children.length < 3) return null;
  const groups = new Map<string, Element[]>();
  for (const child of children) {
    if (isSkipped(child) || OWN_TAGS.has(child.localName)) continue;
    const key = keyOf(child);
    const list = groups.get(key);
    if (list) list.push(child);
    else groups.set(key, [child]);
  }
  let best: Element[] | null = null;
  let bestLen = 0;
  for (const [key, list] of groups) {
    if (list.length < 3) continue;
    const unitClass = UNIT_CLASS.test(key);
    let containers = 0;
    let len = 0;
    for (const item of list) {
      if (!isLineLike(item)) containers++;
      len += textLen(item);
    }
    // Lines and paragraphs of one text are not separate units, unless their class or a chat says so.
    if (!unitClass && !chatHint && containers * 2 < list.length) continue;
    // The group must carry most of the parent's text (not three icons beside one big article).
    if (len * 2 < parentLen) continue;
    if (len > bestLen) {
      best = list;
      bestLen = len;
    }
  }
  return best;
}

/** Whether a box still holds repeated units (cards, posts) or a chat log: then it is split, not judged whole. */
function containsUnits(el: Element): boolean {
  if (el.querySelector('[role="log"], [aria-live]')) return true;
  let budget = 300;
  const visit = (node: Element): boolean => {
    const keys = new Map<string, number>();
    for (const c of childrenOf(node)) {
      if (--budget < 0) return false;
      if (c.getAttribute('role') === 'log' || c.hasAttribute('aria-live')) return true;
      if (!isLineLike(c) && !isSkipped(c)) {
        const key = keyOf(c);
        // Cards have a title or a link; rich-text bullet points with paragraphs inside do not make units.
        const unitLike = UNIT_CLASS.test(key) || c.localName === 'article' || c.querySelector('h1, h2, h3, h4, h5, h6, a[href]') !== null;
        if (unitLike) {
          const n = (keys.get(key) ?? 0) + 1;
          if (n >= 3) return true;
          keys.set(key, n);
        }
      }
      if (visit(c)) return true;
    }
    return false;
  };
  return visit(el);
}

/** Whether `el`'s text is one body (paragraphs, lists, lines) rather than a set of boxes. */
function isTextBody(children: Element[], total: number): boolean {
  let boxed = 0;
  for (const child of children) if (!isLineLike(child) && !isSkipped(child)) boxed += textLen(child);
  return boxed * 10 <= total * 3;
}

/** Listing or post, from the element's class, schema.org type or links. */
export function kindOf(el: Element): SegmentKind {
  const hint = (el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('itemtype') ?? '') + ' ' + (el.id ?? '');
  if (LISTING_HINT.test(hint)) return 'listing';
  const link = el.querySelector('a[href*="job"], a[href*="vacanc"], a[href*="career"]');
  return link ? 'listing' : 'post';
}

class Partitioner {
  segments: SegmentSpec[] = [];
  threads: ThreadSpec[] = [];
  roots: Array<ShadowRoot | Document> = [];
  frames: HTMLIFrameElement[] = [];
  groups: UnitGroup[] = [];

  emit(element: Element, kind: SegmentKind): void {
    this.segments.push({ element, kind, source: 'generic' });
  }

  /** Splits `el` into segments (top-down): explicit articles, repeated units, text bodies, small boxes. */
  partition(el: Element, depth = 0): void {
    if (el.localName === 'iframe') return this.frame(el as HTMLIFrameElement, depth);
    if (depth > 60 || isSkipped(el) || OWN_TAGS.has(el.localName)) return;
    if (depth > 0 && isChrome(el)) return;
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) this.roots.push(shadow);
    const len = textLen(el);
    const custom = el.localName.includes('-');
    if (len < MIN_SEGMENT_CHARS && !custom && !el.querySelector('iframe')) return;
    if (depth > 0 && el.matches(EXPLICIT) && len <= MAX_BODY_CHARS) {
      return this.emit(el, el.matches('[itemtype*="JobPosting"]') ? 'listing' : kindOf(el));
    }
    const children = childrenOf(el);
    if (children.length === 0) {
      if (len >= MIN_SEGMENT_CHARS) this.emit(el, kindOf(el));
      return;
    }
    const chatHint = isChatContainer(el, children);
    // A chat log is a chat whatever its children look like (two day groups are still a conversation).
    const explicitChat = el.getAttribute('role') === 'log' || el.hasAttribute('aria-live');
    const group = repeatedGroup(children, len, chatHint) ?? (explicitChat ? children.filter((c) => !isSkipped(c) && !OWN_TAGS.has(c.localName)) : null);
    if (group) {
      const inGroup = new Set(group);
      const chat = chatHint;
      const messages: SegmentSpec[] = [];
      for (const child of children) {
        if (!inGroup.has(child)) this.partition(child, depth + 1);
        else if (chat) this.chatItem(child, messages, depth + 1);
        else if (textLen(child) > MAX_ITEM_CHARS) this.partition(child, depth + 1);
        else if (textLen(child) >= MIN_SEGMENT_CHARS) this.emit(child, kindOf(child));
      }
      const unit: UnitGroup = { container: el, sample: group[0], chat };
      if (chat && messages.length >= 2) {
        unit.thread = { element: el, source: 'generic', messages };
        this.threads.push(unit.thread);
      }
      this.groups.push(unit);
      return;
    }
    if (depth > 0 && len <= MAX_BODY_CHARS && !el.querySelector('iframe') && !containsUnits(el)) {
      if (isTextBody(children, len) || len <= SMALL_BLOCK_CHARS) return this.emit(el, kindOf(el));
    }
    for (const child of children) this.partition(child, depth + 1);
  }

  /** A chat item is a message, or a group of messages (a day, a sender's run) to descend into. */
  chatItem(item: Element, messages: SegmentSpec[], depth: number): void {
    const children = childrenOf(item);
    const inner = children.length >= 2 ? repeatedGroupLoose(children) : null;
    if (inner && depth < 60) {
      for (const child of children) if (inner.has(child)) this.chatItem(child, messages, depth + 1);
      return;
    }
    if ((item.textContent ?? '').trim().length === 0) return;
    const spec: SegmentSpec = { element: item, kind: 'message', source: 'generic' };
    this.segments.push(spec);
    messages.push(spec);
  }

  frame(iframe: HTMLIFrameElement, depth: number): void {
    this.frames.push(iframe);
    let doc: Document | null = null;
    try {
      doc = iframe.contentDocument; // null for cross-origin frames: those are never read
    } catch {
      doc = null;
    }
    if (!doc?.body) return;
    this.roots.push(doc);
    this.partition(doc.body, depth + 1);
  }
}

/** Siblings that repeat (≥2 sharing a key) and look like messages or message groups. */
function repeatedGroupLoose(children: Element[]): Set<Element> | null {
  const counts = new Map<string, Element[]>();
  for (const child of children) {
    if (isSkipped(child) || OWN_TAGS.has(child.localName) || isLineLike(child) && !CHAT_CLASS.test(child.getAttribute('class') ?? '')) continue;
    const key = keyOf(child);
    const list = counts.get(key);
    if (list) list.push(child);
    else counts.set(key, [child]);
  }
  for (const list of counts.values()) {
    if (list.length >= 2 && list.some((e) => CHAT_CLASS.test(e.getAttribute('class') ?? '') || hasBlockChild(e))) return new Set(list);
  }
  return null;
}

/**
 * Segments a subtree with no adapter. `root` is usually `document.body`; the scanner also calls it on
 * new subtrees that appear later.
 */
export function genericSegments(root: Element, topLevel = true): Segmentation {
  const p = new Partitioner();
  p.partition(root, topLevel ? 0 : 1);
  return { segments: p.segments, threads: p.threads, roots: p.roots, frames: p.frames, groups: p.groups };
}

/** The messages in a chat item that appeared later (a message, or a day's group of them). */
export function chatMessages(item: Element): SegmentSpec[] {
  const p = new Partitioner();
  const messages: SegmentSpec[] = [];
  p.chatItem(item, messages, 1);
  return messages;
}

/** Whether new siblings of `child` under `container` continue a repeated group (a new card, a new message). */
export function sameUnit(a: Element, b: Element): boolean {
  return keyOf(a) === keyOf(b);
}
