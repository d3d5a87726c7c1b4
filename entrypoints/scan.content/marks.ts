// Owns what LureWatch adds to a page: the data-lurewatch-risk attribute on a flagged segment, one small
// mark button (in a closed shadow root) that opens the panel, one adopted stylesheet, and evidence highlights
// through the CSS Custom Highlight API. Page text is never written into the page and never parsed as markup.
import { OWN_TAGS } from './text';

export type MarkLevel = 'high' | 'medium' | 'low';

/** The visible and accessible wording of one mark. */
export interface MarkWording {
  text: string;
  label: string;
}

export const RISK_ATTRIBUTE = 'data-lurewatch-risk';
export const HINT_ATTRIBUTE = 'data-lurewatch-hint';
export const HIGHLIGHT_NAME = 'lurewatch-evidence';
const MARK_TAG = 'lurewatch-mark';

// Children of these must be specific elements (a stray element in a <tr> becomes an anonymous cell and
// shifts the columns), so the mark goes into their first suitable child instead.
const STRUCTURED = new Set(['tr', 'tbody', 'thead', 'tfoot', 'table', 'ul', 'ol', 'dl', 'select', 'colgroup', 'picture']);
// A button inside these would nest interactive content, and void elements have no children: mark after them.
const BESIDE = new Set(['a', 'button', 'label', 'summary', 'img', 'input', 'br', 'hr', 'textarea', 'select', 'video', 'audio', 'iframe', 'svg']);
// Events that must not reach the page's own handlers (a job card's click navigates; chat apps bind keys).
const CONTAINED_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'contextmenu'] as const;

interface MarkRecord {
  host: HTMLElement;
  button: HTMLButtonElement;
  level: MarkLevel;
  /** The accessible name it was given (a new interface language words it again). */
  label: string;
}

/** Where the mark goes for a segment (inside, or right after an interactive or void element). */
export function markPlacement(segment: Element, preferred?: Element | null): { parent: Element; before: Node | null } {
  let host = preferred && segment.contains(preferred) ? preferred : segment;
  for (let i = 0; i < 4 && STRUCTURED.has(host.localName); i++) {
    const inner = host.querySelector(host.localName === 'tr' ? 'td, th' : 'li, td, th, dd, dt');
    if (!inner) break;
    host = inner;
  }
  if (BESIDE.has(host.localName) && host.parentElement) return { parent: host.parentElement, before: host.nextSibling };
  return { parent: host, before: host.firstChild };
}

/** Adds, updates and removes marks and highlights; one instance per content script. */
export class Marks {
  private sheets = new WeakMap<Document, CSSStyleSheet>();
  private records = new WeakMap<Element, MarkRecord>();
  private ranges = new Map<Element, AbstractRange[]>();

  constructor(private readonly css: string) {}

  /** The stylesheet for a document (constructable sheets cannot be shared across documents). */
  private sheetFor(doc: Document): CSSStyleSheet | null {
    let sheet = this.sheets.get(doc);
    if (sheet) return sheet;
    const Ctor = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (!Ctor) return null;
    try {
      sheet = new Ctor();
      sheet.replaceSync(this.css);
    } catch {
      return null;
    }
    this.sheets.set(doc, sheet);
    return sheet;
  }

  /** Adopts the stylesheet into a document or shadow root (again if the page replaced its list). */
  adopt(root: Document | ShadowRoot): void {
    const doc = root.nodeType === 9 ? (root as Document) : (root as ShadowRoot).ownerDocument;
    const sheet = this.sheetFor(doc);
    if (!sheet) return;
    try {
      const list = root.adoptedStyleSheets;
      if (!list.includes(sheet)) root.adoptedStyleSheets = [...list, sheet];
    } catch {
      // Very old engines: marks still carry the attribute, just without the style.
    }
  }

  /** Marks a segment; `onActivate` runs when the user activates the mark (mouse or keyboard). */
  set(segment: Element, level: MarkLevel, wording: MarkWording, markHost: Element | null | undefined, onActivate: (button: HTMLElement) => void): void {
    const attribute = level === 'low' ? HINT_ATTRIBUTE : RISK_ATTRIBUTE;
    const other = level === 'low' ? RISK_ATTRIBUTE : HINT_ATTRIBUTE;
    if (segment.getAttribute(attribute) !== level) segment.setAttribute(attribute, level);
    if (segment.hasAttribute(other)) segment.removeAttribute(other);
    this.adopt(segment.getRootNode() as Document | ShadowRoot);
    let record = this.records.get(segment);
    if (record && record.level === level && record.label === wording.label && record.host.isConnected) return;
    if (!record) {
      record = this.createMark(segment.ownerDocument, onActivate);
      this.records.set(segment, record);
    }
    record.level = level;
    record.label = wording.label;
    record.button.dataset.level = level;
    record.button.setAttribute('aria-label', wording.label);
    record.button.title = wording.label;
    record.button.lastChild!.textContent = wording.text;
    if (!record.host.isConnected) {
      const { parent, before } = markPlacement(segment, markHost);
      parent.insertBefore(record.host, before);
    }
  }

  /** Removes a segment's mark, attribute and highlights. */
  clear(segment: Element): void {
    if (segment.hasAttribute(RISK_ATTRIBUTE)) segment.removeAttribute(RISK_ATTRIBUTE);
    if (segment.hasAttribute(HINT_ATTRIBUTE)) segment.removeAttribute(HINT_ATTRIBUTE);
    const record = this.records.get(segment);
    if (record) {
      record.host.remove();
      this.records.delete(segment);
    }
    this.unhighlight(segment);
  }

  /** The mark button of a segment, if it has one on the page. */
  buttonOf(segment: Element): HTMLElement | null {
    const record = this.records.get(segment);
    return record && record.host.isConnected ? record.button : null;
  }

  /** Sets `aria-expanded` on a segment's mark while its panel is open. */
  setExpanded(segment: Element, expanded: boolean): void {
    this.records.get(segment)?.button.setAttribute('aria-expanded', String(expanded));
  }

  private createMark(doc: Document, onActivate: (button: HTMLElement) => void): MarkRecord {
    const host = doc.createElement(MARK_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = this.sheetFor(doc);
    if (sheet) root.adoptedStyleSheets = [sheet];
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'lurewatch-button';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    const icon = doc.createElement('span');
    icon.className = 'lurewatch-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '⚠';
    button.append(icon, doc.createElement('span'));
    for (const type of CONTAINED_EVENTS) {
      button.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type === 'click') {
          event.preventDefault();
          try {
            onActivate(button);
          } catch {
            // Contained: a failure to open the panel must not become a page error.
          }
        } else if (type === 'auxclick' || type === 'dblclick') event.preventDefault();
      });
    }
    root.append(button);
    return { host, button, level: 'medium', label: '' };
  }

  /** Highlights evidence ranges of a segment (replacing earlier ones); a no-op where the API is missing. */
  highlight(segment: Element, ranges: AbstractRange[]): void {
    this.unhighlight(segment);
    const registry = highlightRegistry(segment.ownerDocument);
    if (!registry || ranges.length === 0) return;
    let highlight = registry.map.get(HIGHLIGHT_NAME) as Highlight | undefined;
    if (!highlight) {
      highlight = new registry.Highlight();
      registry.map.set(HIGHLIGHT_NAME, highlight);
    }
    for (const range of ranges) highlight.add(range);
    this.ranges.set(segment, ranges);
  }

  unhighlight(segment: Element): void {
    const ranges = this.ranges.get(segment);
    if (!ranges) return;
    this.ranges.delete(segment);
    const highlight = highlightRegistry(segment.ownerDocument)?.map.get(HIGHLIGHT_NAME) as Highlight | undefined;
    if (highlight) for (const range of ranges) highlight.delete(range);
  }

  /** Removes every mark and highlight this instance made (the content script was stopped or the site turned off). */
  clearAll(doc: Document, segments: Iterable<Element>): void {
    for (const segment of segments) this.clear(segment);
    for (const [segment] of this.ranges) this.unhighlight(segment);
    const registry = highlightRegistry(doc);
    registry?.map.delete(HIGHLIGHT_NAME);
    const sheet = this.sheets.get(doc);
    if (sheet) {
      try {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // ignore
      }
    }
  }
}

/** Whether a node is LureWatch's own (its marks or panel), so the observer can ignore it. */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && OWN_TAGS.has((node as Element).localName);
}

function highlightRegistry(doc: Document): { map: HighlightRegistry; Highlight: typeof Highlight } | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const map = (win?.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Ctor = (win as unknown as { Highlight?: typeof Highlight } | null)?.Highlight;
  return map && Ctor ? { map, Highlight: Ctor } : null;
}
