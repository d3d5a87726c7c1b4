// Owns running axe-core in a page of the real browser and reporting serious and critical violations.
// Works on extension pages too: the script goes in through the DevTools protocol, not a <script> tag,
// so the pages' Content-Security-Policy does not block it.
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
