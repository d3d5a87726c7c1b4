// Owns the messages between the content script and the background worker (runtime messaging on the
// device only). Kept in one place so both sides agree on the shapes.
import type { TabVerdict } from '../../components/storage';

/** Content script → background: the page's current verdict (replaces the previous one for the tab). */
export interface VerdictMessage {
  type: 'lurewatch:verdict';
  verdict: TabVerdict;
}

/** Content script → background: open the full explanation page with this text (passed via storage, not the URL). */
export interface OpenCheckMessage {
  type: 'lurewatch:open-check';
  text: string;
}

/** Gate → background: the page looks job-like, inject the scanner into this frame. */
export const START_MESSAGE = { type: 'lurewatch:start' } as const;

export function isStartMessage(value: unknown): boolean {
  return (value as { type?: unknown } | null)?.type === START_MESSAGE.type;
}

/** Content script → background: the panel's language, direction and texts (answered with a PanelLocale). */
export const PANEL_LOCALE_REQUEST = { type: 'lurewatch:panel-locale' } as const;

export function isPanelLocaleRequest(value: unknown): boolean {
  return (value as { type?: unknown } | null)?.type === PANEL_LOCALE_REQUEST.type;
}

/** Background → content script: send your verdict again (after the tab's badge was reset). */
export interface ReportRequestMessage {
  type: 'lurewatch:report-request';
}

export type ContentToBackground = VerdictMessage | OpenCheckMessage;

export function isContentMessage(value: unknown): value is ContentToBackground {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'lurewatch:verdict' || type === 'lurewatch:open-check';
}
