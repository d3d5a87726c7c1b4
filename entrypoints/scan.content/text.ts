// Owns reading a segment's text from the DOM: text nodes only (never innerText), block boundaries kept as
// line breaks so words in neighbouring blocks do not glue together, and an optional map back to the nodes.

// Measured on a 5,000-post page (STYLE.md): innerText forces layout, 369 ms after a DOM change; walking
// text nodes costs 6.7 ms. So: no innerText, no computed style; block-ness is judged by tag name.
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'svg', 'math', 'canvas',
  'iframe', 'object', 'embed', 'video', 'audio', 'img', 'input', 'head', 'title', 'meta', 'link',
  'lurewatch-mark', 'lurewatch-panel',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Beyond this many characters a segment is not read further (bounds the engine's work per segment). */
export const MAX_SEGMENT_CHARS = 30_000;

/** Tag names LureWatch itself adds to pages; their content is never page text. */
export const OWN_TAGS = new Set(['lurewatch-mark', 'lurewatch-panel']);

/** A segment's text plus, when asked for, where each text node starts in it (for highlighting evidence). */
export interface ExtractedText {
  text: string;
  nodes?: Text[];
  starts?: number[];
}

/** Whether an element is one whose text is never read (scripts, styles, form fields, LureWatch's own UI). */
export function isSkipped(el: Element): boolean {
  return SKIP.has(el.localName);
}

/** Whether an element starts a new line of text (by tag name; no computed style). */
export function isBlock(el: Element): boolean {
  return BLOCK.has(el.localName);
}

class Reader {
  text = '';
  nodes: Text[] | undefined;
  starts: number[] | undefined;
  constructor(withMap: boolean) {
    if (withMap) {
      this.nodes = [];
      this.starts = [];
    }
  }
  full(): boolean {
    return this.text.length >= MAX_SEGMENT_CHARS;
  }
  breakLine(): void {
    const last = this.text.charCodeAt(this.text.length - 1);
    // Only add a separator when the text does not already end in whitespace (keeps offsets tight).
    if (this.text.length > 0 && last !== 10 && last !== 32 && last !== 9 && last !== 13) this.text += '\n';
  }
  addText(node: Text): void {
    const data = node.data;
    if (!data) return;
    if (this.nodes) {
      this.nodes.push(node);
      this.starts!.push(this.text.length);
    }
    this.text += data;
  }
  walk(parent: Node): void {
    // Rendered content of an element with an open shadow root is its shadow tree (slots pull light children in).
    const host = parent as Element;
    const root: Node = host.shadowRoot ?? parent;
    for (let child = root.firstChild; child !== null; child = child.nextSibling) {
      if (this.full()) return;
      if (child.nodeType === 3) this.addText(child as Text);
      else if (child.nodeType === 1) this.element(child as Element);
    }
  }
  element(el: Element): void {
    const name = el.localName;
    if (SKIP.has(name)) return;
    if (name === 'slot') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length) {
        for (const node of assigned) {
          if (node.nodeType === 3) this.addText(node as Text);
          else if (node.nodeType === 1) this.element(node as Element);
        }
        return;
      }
    }
    const block = BLOCK.has(name);
    if (block) this.breakLine();
    if (name !== 'br' && name !== 'hr') this.walk(el);
    if (block) this.breakLine();
  }
}

/**
 * Reads the text of `root` (an element, or several parts of one segment joined by line breaks).
 * With `withMap`, also returns each text node and its start offset, so that evidence offsets can be
 * turned back into DOM ranges.
 */
export function extractText(root: Element | Element[], withMap = false): ExtractedText {
  const reader = new Reader(withMap);
  const parts = Array.isArray(root) ? root : [root];
  for (const part of parts) {
    if (reader.full()) break;
    reader.breakLine();
    if (part.nodeType === 3) reader.addText(part as unknown as Text);
    else if (!SKIP.has(part.localName)) reader.walk(part);
  }
  const text = reader.text.length > MAX_SEGMENT_CHARS ? reader.text.slice(0, MAX_SEGMENT_CHARS) : reader.text;
  return { text, nodes: reader.nodes, starts: reader.starts };
}

/** Finds the text node and offset for a character offset in an extracted text (binary search). */
export function locate(extracted: ExtractedText, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const { nodes, starts } = extracted;
  if (!nodes || !starts || nodes.length === 0) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const within = Math.max(0, Math.min(node.data.length, offset - starts[lo]));
  return { node, offset: within };
}
