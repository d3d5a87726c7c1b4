// Owns detection: normalise once, gate, run the candidate rules, collect evidence, judge the combination.
import type { Evidence, Finding, Flag, ThreadMessage } from './types';
import type { CompiledPattern, CompiledRules } from './compile';
import { candidatePatterns } from './compile';
import { normalise, toOriginalSpan, type NormalisedText } from './normalise';
import { byCategoryOrder, judge, type CategoryHits, type Verdict } from './score';

export interface DetectOptions {
  /** Run every pattern of every rule instead of only the gate's candidates (the naive baseline). */
  skipGate?: boolean;
}

export interface DetailedFinding extends Finding {
  reasons: Verdict['reasons'];
}

// A pathological page could repeat a phrase thousands of times; a few quotes per rule explain enough.
const MAX_MATCHES_SCANNED = 50;

/** Finds every rule that matches, with its evidence: only the gate's candidate patterns run. */
function matchRules(compiled: CompiledRules, n: NormalisedText, options: DetectOptions): Flag[] {
  const text = n.text;
  // Gated: only the gate's candidate patterns run. Naive baseline: every pattern of every rule runs.
  const spansByRule = new Map<number, Array<[number, number]>>();
  const collect = ({ rule: ruleIndex, locator, fenced }: CompiledPattern) => {
    const { exception, exceptionWindow } = compiled.rules[ruleIndex];
    const spans = spansByRule.get(ruleIndex) ?? [];
    locator.lastIndex = 0;
    let scanned = 0;
    let m: RegExpExecArray | null;
    while (scanned++ < MAX_MATCHES_SCANNED && (m = locator.exec(text)) !== null) {
      fenced.lastIndex = m.index;
      const f = fenced.exec(text);
      if (!f || f[0].length === 0) {
        locator.lastIndex = m.index + 1;
        continue;
      }
      const end = m.index + f[0].length;
      locator.lastIndex = end;
      if (exception && exception.test(text.slice(Math.max(0, m.index - exceptionWindow), end + exceptionWindow))) continue;
      spans.push([m.index, end]);
    }
    if (spans.length) spansByRule.set(ruleIndex, spans);
  };
  const indices = options.skipGate ? compiled.patterns.keys() : candidatePatterns(compiled.gate, text, compiled.patterns.length);
  for (const p of indices) collect(compiled.patterns[p]);

  const flags: Flag[] = [];
  const maxEvidence = compiled.scoring.maxEvidencePerRule;
  for (const [ruleIndex, spans] of [...spansByRule].sort((a, b) => a[0] - b[0])) {
    // Several patterns may quote overlapping words: keep the earliest (longest on ties), in text order.
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const evidence: Evidence[] = [];
    let lastEnd = -1;
    for (const [start, end] of spans) {
      if (start < lastEnd) continue;
      lastEnd = end;
      const span = toOriginalSpan(n, start, end);
      evidence.push({ start: span.start, end: span.end, text: n.original.slice(span.start, span.end) });
      if (evidence.length === maxEvidence) break;
    }
    flags.push({ rule: compiled.rules[ruleIndex].rule.id, category: compiled.rules[ruleIndex].rule.category, evidence });
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
