// Owns running axe-core in a page of the real browser and reporting serious and critical violations.
// Works on extension pages too: the script goes in through the DevTools protocol, not a <script> tag,
// so the pages' Content-Security-Policy does not block it. Also checks UI inside a closed shadow root (the
// in-page panel), which axe cannot reach by itself.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the page (optionally inside `selector`) and returns violations of at least `minImpact`. */
export async function axeViolations(page: Page, options: { selector?: string; minImpact?: 'serious' | 'critical' } = {}): Promise<AxeViolation[]> {
  const levels = options.minImpact === 'critical' ? ['critical'] : ['serious', 'critical'];
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async ({ selector }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
      return axe.run(selector ? document.querySelector(selector) : document, { resultTypes: ['violations'] });
    },
    { selector: options.selector },
  );
  return (results.violations as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact && levels.includes(v.impact))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A readable one-line-per-violation summary for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).join(', ')}`).join('\n');
}

interface CdpNode {
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function hostsNamed(node: CdpNode, localName: string, found: CdpNode[] = []): CdpNode[] {
  if (node.localName === localName && node.shadowRoots?.length) found.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) hostsNamed(child, localName, found);
  return found;
}

/**
 * Makes the closed shadow roots of the `localName` elements visible to scripts in the page's main world,
 * where axe runs: the DevTools protocol (which pierces closed roots) resolves each root there, and the
 * host's `shadowRoot` is pointed at it in that world only; the extension's own world is untouched.
 * Returns how many roots were exposed.
 */
export async function exposeClosedShadowRoots(page: Page, localName: string): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const hosts = hostsNamed(root, localName);
    for (const host of hosts) {
      const { object } = await session.send('DOM.resolveNode', { backendNodeId: host.shadowRoots![0].backendNodeId });
      await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }',
      });
    }
    return hosts.length;
  } finally {
    await session.detach();
  }
}

/**
 * Runs axe on the UI inside the closed shadow root of the first `localName` element (e.g. the in-page panel)
 * and returns its serious and critical violations, plus, per rule, how many nodes inside the shadow root axe
 * checked (passed or failed) — so that a test can tell an empty result from axe not having looked inside.
 * Colour contrast is only decided for what is on screen: make the viewport tall enough for the whole UI.
 */
export async function axeShadowViolations(page: Page, localName: string): Promise<{ violations: AxeViolation[]; checkedInShadow: Record<string, number> }> {
  if ((await exposeClosedShadowRoots(page, localName)) === 0) throw new Error(`no <${localName}> with a shadow root on the page`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async (name) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const host = document.querySelector(name)!;
    // axe lays out what is on screen (for colour contrast) from <body> down; a host hung on <html> (as the
    // panel is, so that pages replacing their body cannot take it) would leave every contrast check
    // "incomplete". For the run it goes into <body>, where it renders the same (its own styles are `all:
    // initial` and fixed), then back.
    const parent = host.parentNode!;
    const next = host.nextSibling;
    const move = !document.body.contains(host);
    if (move) document.body.append(host);
    try {
      return await axe.run(host, {});
    } finally {
      if (move) parent.insertBefore(host, next);
    }
  }, localName);
  type Node = { target: unknown[] };
  type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
  // A node inside a shadow root has a nested selector path as its target: [["host", "inner selector"]].
  const inShadow = (n: Node) => Array.isArray(n.target[0]);
  const checkedInShadow: Record<string, number> = {};
  for (const r of [...results.violations, ...results.passes] as Result[]) {
    const count = r.nodes.filter(inShadow).length;
    if (count) checkedInShadow[r.id] = (checkedInShadow[r.id] ?? 0) + count;
  }
  const violations = (results.violations as Result[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.flat().join(' ')) }));
  return { violations, checkedInShadow };
}
