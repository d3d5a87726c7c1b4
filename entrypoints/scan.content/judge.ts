// Owns the judging protocol between the page and the engine. The content script never loads the rules:
// it sends segment texts to the background worker, which runs the engine there (off the page's main thread,
// on the device) and answers with each finding and its red flags explained in the interface language.
import type { Finding, ThreadMessage } from '../../rules/engine/types';
import type { FlagGroup } from '../../components/panel/rule-texts';

/** One text (a segment) or conversation (a thread) to judge; `key` matches the answer to the question. */
export interface JudgeRequest {
  key: number;
  text?: string;
  messages?: ThreadMessage[];
}

export interface JudgeResult {
  key: number;
  finding: Finding;
  /** The red flags with their titles, explanations and quotes (for the panel), when the level is above none. */
  explained?: FlagGroup[];
}

/** Judges a batch; the scanner applies the answers when they arrive. */
export type JudgeFn = (items: JudgeRequest[], lang: string) => Promise<JudgeResult[]>;

/** Content script → background. */
export interface JudgeMessage {
  type: 'lurewatch:judge';
  items: JudgeRequest[];
  lang: string;
}

// One message carries at most this much text: large pages are judged in several answers, so the first
// marks appear early and no single structured clone is large.
export const MAX_BATCH_CHARS = 64_000;
export const MAX_BATCH_ITEMS = 200;

export function isJudgeMessage(value: unknown): value is JudgeMessage {
  const m = value as Partial<JudgeMessage> | null;
  return m?.type === 'lurewatch:judge' && Array.isArray(m.items) && typeof m.lang === 'string';
}
