// Owns the evasion property test: every lure of the dev corpus, with its flagged words disguised by each
// evasion transform (spacing, dots, emoji, zero-width, leet, full-width, look-alikes, misspellings,
// emoji words, native digits), must still warn.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { devCorpusPath, readCorpus } from '../../tools/lib/corpus';
import { EVASIONS, evade } from '../../tools/lib/evasions';
import { WARNS, judgeRecord } from '../../tools/lib/evaluate';

const lures = readCorpus(devCorpusPath).filter((r) => r.label === 'lure' && WARNS.has(judgeRecord(r).level));

describe('lures still warn when their tell-tale words are disguised', () => {
  const failures = new Map<string, string[]>();
  let total = 0;
  let held = 0;
  for (const evasion of EVASIONS) {
    const failed: string[] = [];
    for (const lure of lures) {
      total++;
      if (WARNS.has(judgeRecord(evade(lure, evasion)).level)) held++;
      else failed.push(lure.id);
    }
    failures.set(evasion.id, failed);
    it(`${evasion.id} (${evasion.description}): at least 95% of ${lures.length} warning lures still warn`, () => {
      expect(1 - failed.length / lures.length, `still missed: ${failed.join(' ')}`).toBeGreaterThanOrEqual(0.95);
    });
  }
  it('at least 95% of all transformed lures still reach medium or high', () => {
    expect(lures.length).toBeGreaterThan(150);
    const summary = [...failures].map(([id, f]) => `${id}: ${f.length}`).join(', ');
    expect(held / total, summary).toBeGreaterThanOrEqual(0.95);
  });
});
