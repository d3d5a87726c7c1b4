// Owns detection: normalise once, gate, run the candidate rules, collect evidence, judge the combination.
import type { Evidence, Finding, Flag, ThreadMessage } from './types';
import { candidatePatterns, nextIndex, type CheckSet, type CompiledPattern, type CompiledRules } from './compile';
import { inFirstChars } from './required-literals';
import { normalise, toOriginalSpan, type NormalisedText } from './normalise';
import { byCategoryOrder, judge, type CategoryHits, type Verdict } from './score';

export interface DetectOptions {
  /** Run every pattern of every rule instead of only the gate's candidates (the naive baseline). */
  skipGate?: boolean;
}

export interface DetailedFinding extends Finding {
  reasons: Verdict['reasons'];
}

// Start ranges up to this wide are tried position by position with the sticky fenced regex.
const NARROW_RANGE = 24;

// A pathological page could repeat a phrase thousands of times; a few quotes per rule explain enough.
const MAX_MATCHES_SCANNED = 50;

// One sighting allowing fewer starts than this is tried directly: cheaper than checking other anchors.
const FEW_STARTS = 4;

// An anchor seen more often than this in one text no longer narrows where a match can start.
const MAX_POSITIONS = 32;
// Windows up to this wide (and an eighth of the text) are searched in place; wider ones use the anchor's
// positions in the text, found once per text.
const SHORT_WINDOW = 192;

/**
 * One text being matched: runs the gate's candidate patterns where they can start and collects
 * the spans each rule matched. Ranges of possible starts are flat number arrays: lo, hi, lo, hi...
 */
class TextScan {
  readonly spansByRule = new Map<number, number[]>();
  private readonly positions = new Map<string, number[] | null>();
  constructor(
    private readonly compiled: CompiledRules,
    private readonly text: string,
  ) {}

  /** Runs every pattern over the whole text: the naive baseline. */
  scanEverything(): void {
    for (const pattern of this.compiled.patterns) this.scanAll(pattern);
  }

  /** Runs only the gate's candidates, only where their anchors allow a match to start. */
  scanCandidates(): void {
    for (const candidate of candidatePatterns(this.compiled.gate, this.text)) {
      const pattern = this.compiled.patterns[candidate.pattern];
      const ranges = candidate.ranges === null ? null : this.narrowByChecks(candidate.ranges, pattern.checks);
      if (ranges === null) this.scanAll(pattern);
      else if (ranges.length > 0) this.scanRanges(pattern, ranges);
    }
  }

  private add(pattern: CompiledPattern, start: number, end: number): void {
    const { exception, exceptionWindow } = this.compiled.rules[pattern.rule];
    if (exception && exception.test(this.text.slice(Math.max(0, start - exceptionWindow), end + exceptionWindow))) return;
    const spans = this.spansByRule.get(pattern.rule);
    if (spans) spans.push(start, end);
    else this.spansByRule.set(pattern.rule, [start, end]);
  }

  /** The length of the fenced pattern's match at `start`, or 0. */
  private fencedAt(pattern: CompiledPattern, start: number): number {
    // Sticky: a successful test leaves lastIndex at the match's end, with no match array to allocate.
    const fenced = pattern.fenced;
    fenced.lastIndex = start;
    return fenced.test(this.text) ? fenced.lastIndex - start : 0;
  }

  /** Whole-text scan: the locator proposes starts, the fenced pattern decides. */
  private scanAll(pattern: CompiledPattern): void {
    const text = this.text;
    const locator = pattern.locator;
    locator.lastIndex = 0;
    let scanned = 0;
    let m: RegExpExecArray | null;
    while (scanned++ < MAX_MATCHES_SCANNED && (m = locator.exec(text)) !== null) {
      const length = this.fencedAt(pattern, m.index);
      locator.lastIndex = length ? m.index + length : nextIndex(text, m.index);
      if (length) this.add(pattern, m.index, m.index + length);
    }
  }

  /**
   * Checks only where a match can start: a match contains an anchor, at a known range of distances
   * from its start, so each sighting of an anchor gives a small range of possible starts. Narrow
   * ranges are tried one position at a time (after a cheap look at the first character and the
   * fence); wide ones let the locator search a slice.
   */
  private scanRanges(pattern: CompiledPattern, ranges: number[]): void {
    const text = this.text;
    sortPairs(ranges);
    let checkedUpTo = -1; // every start <= this was decided already
    for (let r = 0; r < ranges.length; r += 2) {
      const hi = ranges[r + 1];
      const first = Math.max(0, ranges[r], checkedUpTo + 1);
      if (first > hi) continue;
      if (hi - first <= NARROW_RANGE) {
        for (let start = first; start <= hi; start++) {
          if (!pattern.mayStartAt(text, start)) continue;
          const length = this.fencedAt(pattern, start);
          if (length) this.add(pattern, start, start + length);
        }
      } else {
        const locator = pattern.locator;
        const slice = text.slice(first, Math.min(text.length, hi + pattern.maxLength + 1));
        locator.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = locator.exec(slice)) !== null && first + m.index <= hi) {
          const length = this.fencedAt(pattern, first + m.index);
          if (length) this.add(pattern, first + m.index, first + m.index + length);
          locator.lastIndex = nextIndex(slice, m.index);
        }
      }
      checkedUpTo = hi;
    }
  }

  /**
   * Keeps the possible match starts that every further anchor set of the pattern allows: a match
   * starting at s contains one anchor of each set at an offset in that anchor's range, so a sighting
   * of the anchor at p allows starts p - maxOffset .. p - minOffset. Empty: the pattern cannot match.
   */
  private narrowByChecks(sightings: number[], checks: CheckSet[]): number[] {
    if (checks.length === 0 || (sightings.length === 2 && sightings[1] - sightings[0] < FEW_STARTS)) return sightings;
    const text = this.text;
    // Comparing in place beats finding every occurrence only when the window is small against the text.
    const shortWindow = Math.min(SHORT_WINDOW, text.length >>> 3);
    let ranges = sightings;
    for (const set of checks) {
      const narrowed: number[] = [];
      for (let r = 0; r < ranges.length; r += 2) {
        const lo = ranges[r];
        const hi = ranges[r + 1];
        const from = Math.max(0, lo + set.minOffset);
        const to = Math.min(text.length - 1, hi + set.maxOffset);
        if (to - from <= shortWindow) {
          // A short window: one pass over it, comparing where one of the set's anchors could begin.
          for (let p = from; p <= to; p++) {
            if (!inFirstChars(set.heads, text.charCodeAt(p))) continue;
            for (const anchor of set.anchors) {
              if (p < lo + anchor.minOffset || p > hi + anchor.maxOffset || !text.startsWith(anchor.text, p)) continue;
              narrowed.push(Math.max(lo, p - anchor.maxOffset), Math.min(hi, p - anchor.minOffset));
            }
          }
          continue;
        }
        for (const anchor of set.anchors) {
          const positions = this.positionsOf(anchor.text);
          if (positions === null) {
            narrowed.push(lo, hi);
            continue;
          }
          for (const p of positions) {
            if (p >= lo + anchor.minOffset && p <= hi + anchor.maxOffset) narrowed.push(Math.max(lo, p - anchor.maxOffset), Math.min(hi, p - anchor.minOffset));
          }
        }
      }
      if (narrowed.length === 0) return narrowed;
      ranges = narrowed;
    }
    return ranges;
  }

  /** Where an anchor occurs in the text (null: too often to be useful), looked up once per text. */
  private positionsOf(anchor: string): number[] | null {
    let positions = this.positions.get(anchor);
    if (positions !== undefined) return positions;
    positions = [];
    for (let at = this.text.indexOf(anchor); at !== -1; at = this.text.indexOf(anchor, at + 1)) {
      if (positions.length === MAX_POSITIONS) {
        positions = null;
        break;
      }
      positions.push(at);
    }
    this.positions.set(anchor, positions);
    return positions;
  }
}

/** Sorts flat (lo, hi) pairs by lo, in place (insertion sort: a handful of pairs, usually in order). */
function sortPairs(pairs: number[]): void {
  for (let i = 2; i < pairs.length; i += 2) {
    const lo = pairs[i];
    const hi = pairs[i + 1];
    let j = i - 2;
    while (j >= 0 && pairs[j] > lo) {
      pairs[j + 2] = pairs[j];
      pairs[j + 3] = pairs[j + 1];
      j -= 2;
    }
    pairs[j + 2] = lo;
    pairs[j + 3] = hi;
  }
}

/** Finds every rule that matches, with its evidence: only the gate's candidate patterns run. */
function matchRules(compiled: CompiledRules, n: NormalisedText, options: DetectOptions): Flag[] {
  const scan = new TextScan(compiled, n.text);
  if (options.skipGate) scan.scanEverything();
  else scan.scanCandidates();
  const spansByRule = scan.spansByRule;

  const flags: Flag[] = [];
  const maxEvidence = compiled.scoring.maxEvidencePerRule;
  for (const [ruleIndex, flat] of [...spansByRule].sort((a, b) => a[0] - b[0])) {
    // Several patterns may quote overlapping words: keep the earliest (longest on ties), in text order.
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < flat.length; i += 2) spans.push([flat[i], flat[i + 1]]);
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
  flags.sort((a, b) => byCategoryOrder(a.category, b.category) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
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
