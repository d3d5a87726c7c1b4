// Owns the plain facts about a finding's flags that every view shares (popup, check page, in-page panel,
// family message): which categories are red flags, grouping by category, and the distinct quotes of a flag.
// Pure: no components, so the background worker can use it too.
import type { Flag } from '../rules/engine/types';

/** Quotes shown per rule: a few explain enough. */
export const MAX_QUOTES_PER_RULE = 3;

/** Categories shown as red flags: R1–R13 and the self-test T. J (it is a job) and counter-signals are not red flags. */
export function isRedFlagCategory(category: string): boolean {
  return /^R\d+$/.test(category) || category === 'T';
}

/** Whether the finding's text reports on or warns about lures (C1), which caps the level. */
export function isAdvisory(flags: Flag[]): boolean {
  return flags.some((f) => f.category === 'C1');
}

/** Flags grouped by category, in the engine's order. */
export function groupByCategory(flags: Flag[]): Array<{ category: string; flags: Flag[] }> {
  const groups = new Map<string, Flag[]>();
  for (const flag of flags) groups.set(flag.category, [...(groups.get(flag.category) ?? []), flag]);
  return [...groups].map(([category, list]) => ({ category, flags: list }));
}

/** Distinct quotes of a flag (case-insensitive), at most a few. */
export function quotesOf(flag: Flag): Array<{ text: string; message?: number }> {
  const seen = new Set<string>();
  const out: Array<{ text: string; message?: number }> = [];
  for (const e of flag.evidence) {
    const key = e.text.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ text: e.text.trim(), message: e.message });
    if (out.length >= MAX_QUOTES_PER_RULE) break;
  }
  return out;
}
