// Owns detection: normalise once, gate, run the candidate rules, collect evidence, judge the combination.
import type { Evidence, Finding, Flag, ThreadMessage } from './types';
import type { CompiledPattern, CompiledRules } from './compile';
import { candidatePatterns, EVERYWHERE } from './compile';
import { normalise, toOriginalSpan, type NormalisedText } from './normalise';
import { byCategoryOrder, judge, type CategoryHits, type Verdict } from './score';

export interface DetectOptions {
  /** Run every pattern of every rule instead of only the gate's candidates (the naive baseline). */
  skipGate?: boolean;
}

export interface DetailedFinding extends Finding {
  reasons: Verdict['reasons'];
}

/**
 * The index after the character at `i`. With the `u` flag, a lastIndex inside a surrogate pair is
 * moved back to the pair's start, so stepping one unit past an emoji would find the same match forever.
 */
function nextIndex(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

// Start ranges up to this wide are tried position by position with the sticky fenced regex.
const NARROW_RANGE = 24;

// A pathological page could repeat a phrase thousands of times; a few quotes per rule explain enough.
const MAX_MATCHES_SCANNED = 50;

/** Finds every rule that matches, with its evidence: only the gate's candidate patterns run. */
function matchRules(compiled: CompiledRules, n: NormalisedText, options: DetectOptions): Flag[] {
  const text = n.text;
  const spansByRule = new Map<number, Array<[number, number]>>();
  const add = (pattern: CompiledPattern, start: number, end: number) => {
    const { exception, exceptionWindow } = compiled.rules[pattern.rule];
    if (exception && exception.test(text.slice(Math.max(0, start - exceptionWindow), end + exceptionWindow))) return;
    const spans = spansByRule.get(pattern.rule);
    if (spans) spans.push([start, end]);
    else spansByRule.set(pattern.rule, [[start, end]]);
  };
  /** The fenced pattern's match at `start`, or 0. */
  const fencedAt = (pattern: CompiledPattern, start: number) => {
    const fenced = pattern.fenced;
    fenced.lastIndex = start;
    const f = fenced.exec(text);
    return f ? f[0].length : 0;
  };
  /** Whole-text scan: the locator proposes starts, the fenced pattern decides. */
  const scanAll = (pattern: CompiledPattern) => {
    const locator = pattern.locator;
    locator.lastIndex = 0;
    let scanned = 0;
    let m: RegExpExecArray | null;
    while (scanned++ < MAX_MATCHES_SCANNED && (m = locator.exec(text)) !== null) {
      const length = fencedAt(pattern, m.index);
      locator.lastIndex = length ? m.index + length : nextIndex(text, m.index);
      if (length) add(pattern, m.index, m.index + length);
    }
  };
  /**
   * Checks only where a match can start: a match contains an anchor, at a known range of distances
   * from its start, so each sighting of an anchor gives a small range of possible starts. Narrow
   * ranges are tried one position at a time; wide ones let the locator search a slice.
   */
  const scanRanges = (pattern: CompiledPattern, ranges: Array<[number, number]>) => {
    ranges.sort((x, y) => x[0] - y[0]);
    let checkedUpTo = -1; // every start <= this was decided already
    for (const [lo, hi] of ranges) {
      const first = Math.max(0, lo, checkedUpTo + 1);
      if (first > hi) continue;
      if (hi - first <= NARROW_RANGE) {
        for (let start = first; start <= hi; start++) {
          const length = fencedAt(pattern, start);
          if (length) add(pattern, start, start + length);
        }
      } else {
        const locator = pattern.locator;
        const slice = text.slice(first, Math.min(text.length, hi + pattern.maxLength + 1));
        locator.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = locator.exec(slice)) !== null && first + m.index <= hi) {
          const length = fencedAt(pattern, first + m.index);
          if (length) add(pattern, first + m.index, first + m.index + length);
          locator.lastIndex = nextIndex(slice, m.index);
        }
      }
      checkedUpTo = hi;
    }
  };
  if (options.skipGate) for (const pattern of compiled.patterns) scanAll(pattern);
  else {
    for (const [index, ranges] of candidatePatterns(compiled.gate, text)) {
      const pattern = compiled.patterns[index];
      if (ranges[0] === EVERYWHERE) scanAll(pattern);
      else scanRanges(pattern, ranges);
    }
  }

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
