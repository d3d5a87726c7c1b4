// Owns detection: normalise once, gate, run the candidate rules, collect evidence, judge the combination.
import type { Evidence, Finding, Flag, ThreadMessage } from './types';
import type { CompiledRules } from './compile';
import { candidateRules } from './compile';
import { normalise, toOriginalSpan, type NormalisedText } from './normalise';
import { byCategoryOrder, judge, type CategoryHits, type Verdict } from './score';

export interface DetectOptions {
  /** Run every rule on the text instead of only the gate's candidates (the naive baseline). */
  skipGate?: boolean;
}

export interface DetailedFinding extends Finding {
  reasons: Verdict['reasons'];
}

// A pathological page could repeat a phrase thousands of times; a few quotes per rule explain enough.
const MAX_MATCHES_SCANNED = 50;

function matchRules(compiled: CompiledRules, n: NormalisedText, options: DetectOptions): Flag[] {
  const indices = options.skipGate ? compiled.rules.map((_, i) => i) : candidateRules(compiled.gate, n.text, compiled.rules.length);
  const flags: Flag[] = [];
  const maxEvidence = compiled.scoring.maxEvidencePerRule;
  for (const index of indices) {
    const { rule, regex, exception, exceptionWindow } = compiled.rules[index];
    const evidence: Evidence[] = [];
    regex.lastIndex = 0;
    let scanned = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(n.text)) !== null && scanned++ < MAX_MATCHES_SCANNED && evidence.length < maxEvidence) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      if (exception) {
        const window = n.text.slice(Math.max(0, m.index - exceptionWindow), end + exceptionWindow);
        if (exception.test(window)) continue;
      }
      const span = toOriginalSpan(n, m.index, end);
      evidence.push({ start: span.start, end: span.end, text: n.original.slice(span.start, span.end) });
    }
    if (evidence.length) flags.push({ rule: rule.id, category: rule.category, evidence });
  }
  return flags;
}

function hitsOf(compiled: CompiledRules, flags: Flag[]): CategoryHits {
  const hits: CategoryHits = new Map();
  for (const flag of flags) {
    const weight = compiled.byId.get(flag.rule)!.rule.weight;
    const rules = hits.get(flag.category) ?? new Map<string, number>();
    rules.set(flag.rule, weight);
    hits.set(flag.category, rules);
  }
  return hits;
}

function finish(compiled: CompiledRules, flags: Flag[]): DetailedFinding {
  flags.sort((a, b) => byCategoryOrder(a.category, b.category) || a.rule.localeCompare(b.rule));
  const verdict = judge(hitsOf(compiled, flags), compiled.categories, compiled.scoring);
  return { level: verdict.level, score: verdict.score, flags, reasons: verdict.reasons };
}

/** Judges one text (a listing, a post, a message). Evidence offsets point into `text`. */
export function detectText(compiled: CompiledRules, text: string, options: DetectOptions = {}): DetailedFinding {
  return finish(compiled, matchRules(compiled, normalise(text), options));
}

// Messages are joined by a paragraph separator, which `.` does not cross, so a bounded pattern
// rarely spans two messages; evidence is mapped back to (message, offset).
const MESSAGE_JOINER = '\n\u2029\n';

/**
 * Judges a conversation as a whole: a recruiter spreads red flags over many messages. Evidence
 * carries `message` (index into `messages`) and offsets into that message's text.
 */
export function detectThread(compiled: CompiledRules, messages: ThreadMessage[], options: DetectOptions = {}): DetailedFinding {
  const starts: number[] = [];
  let joined = '';
  messages.forEach((message, i) => {
    if (i > 0) joined += MESSAGE_JOINER;
    starts.push(joined.length);
    joined += message.text;
  });
  const flags = matchRules(compiled, normalise(joined), options);
  for (const flag of flags) {
    flag.evidence = flag.evidence.map((e) => {
      let message = starts.length - 1;
      while (message > 0 && starts[message] > e.start) message--;
      const base = starts[message];
      const end = Math.min(e.end, base + messages[message].text.length);
      return { message, start: e.start - base, end: end - base, text: messages[message].text.slice(e.start - base, end - base) };
    });
  }
  return finish(compiled, flags);
}
