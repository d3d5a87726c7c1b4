// Owns the wording of the in-page mark and panel on the page side. It holds no strings: the texts are the
// interface messages (public/_locales) in the user's language, which the background worker sends with the
// page's language and direction (texts.ts). Every red flag's title, explanation and what-to-check come from
// the rule data (rules/, translated in rules/i18n), explained in the background as well.
import type { PanelKey, PanelTexts } from './texts';

export type { PanelKey, PanelLocale, PanelTexts } from './texts';

/** A panel text with `{name}` placeholders filled in. */
export function panelText(texts: PanelTexts, key: PanelKey, values: Record<string, string | number> = {}): string {
  return texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const KIND_KEYS = { listing: 'segmentListing', post: 'segmentPost', message: 'segmentMessage', thread: 'segmentThread', selection: 'segmentSelection' } as const;
const LEVEL_KEYS = { high: 'levelHigh', medium: 'levelMedium', low: 'levelLow' } as const;
const SUMMARY_KEYS = { high: 'levelHighSummary', medium: 'levelMediumSummary', low: 'levelLowSummary' } as const;

export type ShownLevel = 'high' | 'medium' | 'low';
export type SegmentKindName = keyof typeof KIND_KEYS;

/** What was judged: a job listing, a post, a message, a chat or selected text. */
export function kindName(texts: PanelTexts, kind: SegmentKindName): string {
  return panelText(texts, KIND_KEYS[kind] ?? 'segmentPost');
}

export function levelName(texts: PanelTexts, level: ShownLevel): string {
  return panelText(texts, LEVEL_KEYS[level]);
}

/** The panel's heading: what the level means for the user. */
export function levelSummary(texts: PanelTexts, level: ShownLevel): string {
  return panelText(texts, SUMMARY_KEYS[level]);
}

/** The mark's visible text and its accessible name. */
export function markWording(texts: PanelTexts, level: ShownLevel, kind: SegmentKindName): { text: string; label: string } {
  const values = { level: levelName(texts, level), kind: kindName(texts, kind) };
  return { text: panelText(texts, 'panelMark', values), label: panelText(texts, 'panelMarkLabel', values) };
}
