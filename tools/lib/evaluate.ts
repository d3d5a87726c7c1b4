// Owns the evaluation arithmetic shared by `npm run eval` and the corpus tests: recall, false alarms, per group.
import { detectText, detectThread, type DetailedFinding, type Level } from '../../rules';
import type { CorpusRecord, ResearchItem } from './corpus';

export const WARNS: ReadonlySet<Level> = new Set(['medium', 'high']);

export interface Judged {
  record: CorpusRecord;
  finding: DetailedFinding;
}

export function judgeRecord(record: CorpusRecord): DetailedFinding {
  return record.messages ? detectThread(record.messages) : detectText(record.text!);
}

export interface GroupStats {
  lures: number;
  caught: number; // lures at medium or high
  benign: number;
  falseAlarms: number; // benign at medium or high
}

export const recall = (s: GroupStats) => (s.lures ? s.caught / s.lures : NaN);
export const falseAlarmRate = (s: GroupStats) => (s.benign ? s.falseAlarms / s.benign : NaN);

export interface Evaluation {
  judged: Judged[];
  overall: GroupStats;
  byLanguage: Map<string, GroupStats>;
  byKind: Map<string, GroupStats>;
  misses: Judged[];
  falseAlarms: Judged[];
  /** Benign articles (news, advisories) that reached low or above are listed; medium+ are false alarms. */
  articlesAboveNone: Judged[];
}

function empty(): GroupStats {
  return { lures: 0, caught: 0, benign: 0, falseAlarms: 0 };
}

export function evaluate(records: CorpusRecord[]): Evaluation {
  const judged = records.map((record) => ({ record, finding: judgeRecord(record) }));
  const overall = empty();
  const byLanguage = new Map<string, GroupStats>();
  const byKind = new Map<string, GroupStats>();
  const misses: Judged[] = [];
  const falseAlarms: Judged[] = [];
  for (const j of judged) {
    const warned = WARNS.has(j.finding.level);
    for (const stats of [overall, getOr(byLanguage, j.record.lang), getOr(byKind, j.record.kind)]) {
      if (j.record.label === 'lure') {
        stats.lures++;
        if (warned) stats.caught++;
      } else {
        stats.benign++;
        if (warned) stats.falseAlarms++;
      }
    }
    if (j.record.label === 'lure' && !warned) misses.push(j);
    if (j.record.label === 'benign' && warned) falseAlarms.push(j);
  }
  const articlesAboveNone = judged.filter((j) => j.record.label === 'benign' && j.record.kind === 'article' && j.finding.level !== 'none');
  return { judged, overall, byLanguage, byKind, misses, falseAlarms, articlesAboveNone };
}

function getOr(map: Map<string, GroupStats>, key: string): GroupStats {
  let stats = map.get(key);
  if (!stats) map.set(key, (stats = empty()));
  return stats;
}

/** For each red flag the corpus labels (R1-R13), how often the engine found that category in those lures. */
export function flagCoverage(judged: Judged[]): Map<string, Map<string, { labelled: number; found: number; missedIds: string[] }>> {
  const coverage = new Map<string, Map<string, { labelled: number; found: number; missedIds: string[] }>>();
  for (const { record, finding } of judged) {
    if (record.label !== 'lure') continue;
    const found = new Set(finding.flags.map((f) => f.category));
    for (const flag of record.flags ?? []) {
      const byLang = coverage.get(flag) ?? new Map();
      coverage.set(flag, byLang);
      const cell = byLang.get(record.lang) ?? { labelled: 0, found: 0, missedIds: [] };
      byLang.set(record.lang, cell);
      cell.labelled++;
      if (found.has(flag)) cell.found++;
      else cell.missedIds.push(record.id);
    }
  }
  return coverage;
}

export interface ResearchStats {
  source: string;
  kind: ResearchItem['kind'];
  legitimate: number;
  legitimateWarned: number;
  fraudulent: number;
  fraudulentWarned: number;
  examples: string[];
}

export function evaluateResearch(items: ResearchItem[]): ResearchStats[] {
  const bySource = new Map<string, ResearchStats>();
  for (const item of items) {
    let stats = bySource.get(item.source);
    if (!stats) {
      stats = { source: item.source, kind: item.kind, legitimate: 0, legitimateWarned: 0, fraudulent: 0, fraudulentWarned: 0, examples: [] };
      bySource.set(item.source, stats);
    }
    const warned = WARNS.has(detectText(item.text).level);
    if (item.legitimate) {
      stats.legitimate++;
      if (warned) {
        stats.legitimateWarned++;
        if (stats.examples.length < 5) stats.examples.push(item.text.slice(0, 160).replace(/\s+/g, ' '));
      }
    } else {
      stats.fraudulent++;
      if (warned) stats.fraudulentWarned++;
    }
  }
  return [...bySource.values()];
}
