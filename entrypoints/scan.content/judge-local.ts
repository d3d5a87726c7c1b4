// Owns running the engine on judge requests: used by the background worker (for the content script) and by
// tests and the CLI. Never imported by the content script itself (that would put the rules in its bundle).
import { detectText, detectThread } from '../../rules';
import { explainFlags } from '../../components/panel/rule-texts';
import type { JudgeRequest, JudgeResult } from './judge';

const MAX_TEXT = 30_000;

/** Judges each request with the built-in rules and explains the red flags of anything above `none`. */
export function judgeLocally(items: JudgeRequest[], lang: string): JudgeResult[] {
  return items.map((item) => {
    const detailed = item.messages
      ? detectThread(item.messages.slice(-40).map((m) => ({ ...(m.from ? { from: String(m.from) } : {}), text: String(m.text).slice(0, MAX_TEXT) })))
      : detectText(String(item.text ?? '').slice(0, MAX_TEXT));
    const finding = { level: detailed.level, score: detailed.score, flags: detailed.flags };
    return { key: item.key, finding, ...(finding.level !== 'none' ? { explained: explainFlags(finding.flags, lang) } : {}) };
  });
}
