// Owns the detection-quality bar: recall and false alarms on the dev corpus and the real research data,
// and the proof that the literal gate never changes a verdict (gated == every rule run).
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { devCorpusPath, readCorpus, readResearchData, recordText } from '../../tools/lib/corpus';
import { evaluate, evaluateResearch, falseAlarmRate, recall } from '../../tools/lib/evaluate';
import { detectText } from '../../rules';

const records = readCorpus(devCorpusPath);
const result = evaluate(records);
const ids = (list: typeof result.misses) => list.map((j) => `${j.record.id}(${j.record.lang}) ${j.finding.level}`);

describe('dev corpus (shared/corpus/dev.jsonl)', () => {
  it('recall >= 95% overall', () => {
    expect(recall(result.overall), `misses: ${ids(result.misses).join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('false alarms <= 3% overall', () => {
    expect(falseAlarmRate(result.overall), `false alarms: ${ids(result.falseAlarms).join(', ')}`).toBeLessThanOrEqual(0.03);
  });

  // Every language with at least 5 lures is held to the bar on its own: a good average must not hide
  // a language the rules do not speak well.
  const measured = [...result.byLanguage].filter(([, stats]) => stats.lures >= 5).map(([lang]) => lang).sort();
  it('measures at least the main languages per language', () => {
    expect(measured).toEqual(expect.arrayContaining(['en', 'hi', 'hi-Latn', 'ko', 'zh-Hans', 'ja', 'vi']));
  });
  for (const lang of measured) {
    it(`recall >= 92% and false alarms <= 3% in ${lang}`, () => {
      const stats = result.byLanguage.get(lang)!;
      const misses = result.misses.filter((j) => j.record.lang === lang);
      const falseAlarms = result.falseAlarms.filter((j) => j.record.lang === lang);
      expect(recall(stats), `misses: ${ids(misses).join(', ')}`).toBeGreaterThanOrEqual(0.92);
      expect(falseAlarmRate(stats), `false alarms: ${ids(falseAlarms).join(', ')}`).toBeLessThanOrEqual(0.03);
    });
  }

  it('no benign article (news, advisory) reaches medium', () => {
    const warned = result.judged.filter((j) => j.record.label === 'benign' && j.record.kind === 'article' && ['medium', 'high'].includes(j.finding.level));
    expect(ids(warned)).toEqual([]);
  });
});

describe('research data (shared/research-data: real job ads and SMS)', () => {
  const stats = evaluateResearch(readResearchData());
  const sum = (kind: 'job-ad' | 'sms') => {
    const of = stats.filter((s) => s.kind === kind);
    return { warned: of.reduce((a, s) => a + s.legitimateWarned, 0), total: of.reduce((a, s) => a + s.legitimate, 0) };
  };
  it('at most 1% of legitimate job ads reach medium', () => {
    const { warned, total } = sum('job-ad');
    expect(total).toBeGreaterThan(3000);
    expect(warned / total, stats.flatMap((s) => s.examples).join('\n')).toBeLessThanOrEqual(0.01);
  });
  it('at most 0.2% of ordinary (ham) SMS reach medium', () => {
    const { warned, total } = sum('sms');
    expect(total).toBeGreaterThan(4000);
    expect(warned / total, stats.filter((s) => s.kind === 'sms').flatMap((s) => s.examples).join('\n')).toBeLessThanOrEqual(0.002);
  });
});

describe('the literal gate is only an optimisation', () => {
  it('gives exactly the findings of running every rule, on the whole dev corpus and a research sample', () => {
    const texts = [...records.map(recordText), ...readResearchData().filter((_, i) => i % 10 === 0).map((item) => item.text)];
    const differing = texts.filter((text) => JSON.stringify(detectText(text)) !== JSON.stringify(detectText(text, { skipGate: true })));
    expect(differing.map((t) => t.slice(0, 80))).toEqual([]);
  });
  it('and on one long text full of lures (more sightings than the gate keeps room for at first)', () => {
    const long = records.filter((r) => r.label === 'lure').slice(0, 30).map(recordText).join('\n\n');
    expect(long.length).toBeGreaterThan(8000);
    expect(detectText(long)).toEqual(detectText(long, { skipGate: true }));
  });
});
