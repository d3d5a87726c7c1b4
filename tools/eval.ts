// Owns `npm run eval`: recall and false alarms on a labelled corpus, or warning rates on the research data.
//   npm run eval -- FILE.jsonl            recall / false alarms per language and kind, misses and false alarms
//   npm run eval -- FILE.jsonl --flags    also: per red flag and language, how often the flagged category was found
//   npm run eval -- FILE.jsonl --json     machine-readable summary
//   npm run eval -- FILE.jsonl --evasions also: share of warning lures that still warn when disguised
//   npm run eval -- --research-data       share of ordinary job ads and SMS messages that warn
import { devCorpusPath, readCorpus, readResearchData } from './lib/corpus';
import { evaluate, evaluateResearch, falseAlarmRate, flagCoverage, judgeRecord, recall, WARNS, type GroupStats } from './lib/evaluate';
import { EVASIONS, evade } from './lib/evasions';

const pct = (x: number) => (Number.isNaN(x) ? '    -' : `${(100 * x).toFixed(1).padStart(5)}%`);
const row = (name: string, s: GroupStats) =>
  `  ${name.padEnd(10)} ${String(s.lures).padStart(5)} ${pct(recall(s))}   ${String(s.benign).padStart(6)} ${pct(falseAlarmRate(s))}`;

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run eval -- [FILE.jsonl] [--flags] [--evasions] [--json] | --research-data');
    return 0;
  }
  if (args.includes('--research-data')) return researchReport();
  const file = args.find((a) => !a.startsWith('--')) ?? devCorpusPath;
  let records;
  try {
    records = readCorpus(file);
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    return 2;
  }
  const result = evaluate(records);
  if (args.includes('--json')) {
    const group = (m: Map<string, GroupStats>) => Object.fromEntries([...m].map(([k, s]) => [k, { ...s, recall: recall(s), falseAlarmRate: falseAlarmRate(s) }]));
    console.log(
      JSON.stringify({
        file,
        overall: { ...result.overall, recall: recall(result.overall), falseAlarmRate: falseAlarmRate(result.overall) },
        byLanguage: group(result.byLanguage),
        byKind: group(result.byKind),
        misses: result.misses.map((j) => j.record.id),
        falseAlarms: result.falseAlarms.map((j) => j.record.id),
      }),
    );
    return 0;
  }
  console.log(`Evaluation of ${file} (${records.length} records). A warning is level medium or high.\n`);
  console.log('  group      lures recall   benign false-alarms');
  console.log(row('overall', result.overall));
  console.log('\n  by language');
  for (const [lang, s] of [...result.byLanguage].sort()) console.log(row(lang, s));
  console.log('\n  by kind');
  for (const [kind, s] of [...result.byKind].sort()) console.log(row(kind, s));
  if (args.includes('--flags')) {
    console.log('\n  red flags labelled in lures: share where the engine found that category (missed ids)');
    const coverage = flagCoverage(result.judged);
    for (const flag of [...coverage.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))) {
      const cells = [...coverage.get(flag)!].sort();
      const total = cells.reduce((a, [, c]) => a + c.labelled, 0);
      const found = cells.reduce((a, [, c]) => a + c.found, 0);
      console.log(`  ${flag.padEnd(4)} ${found}/${total}`);
      for (const [lang, c] of cells) if (c.found < c.labelled) console.log(`       ${lang.padEnd(8)} ${c.found}/${c.labelled}  missed: ${c.missedIds.join(' ')}`);
    }
  }
  if (args.includes('--evasions')) {
    const warning = result.judged.filter((j) => j.record.label === 'lure' && WARNS.has(j.finding.level)).map((j) => j.record);
    console.log(`\n  evasions: share of the ${warning.length} warning lures that still warn with their flagged words disguised`);
    for (const evasion of EVASIONS) {
      const missed = warning.filter((r) => !WARNS.has(judgeRecord(evade(r, evasion)).level)).map((r) => r.id);
      console.log(`  ${evasion.id.padEnd(18)} ${pct(1 - missed.length / warning.length)}  ${missed.length ? 'missed: ' + missed.join(' ') : ''}`);
    }
  }
  const describe = (j: (typeof result.judged)[number]) =>
    `  ${j.record.id} ${j.record.lang.padEnd(7)} ${j.record.kind.padEnd(8)} ${j.finding.level.padEnd(6)} score ${j.finding.score} [${[...new Set(j.finding.flags.map((f) => f.category))].join(' ')}]` +
    (j.record.flags ? ` labelled [${j.record.flags.join(' ')}]` : '');
  console.log(`\nmisses (${result.misses.length} lures below medium):`);
  for (const j of result.misses) console.log(describe(j));
  console.log(`\nfalse alarms (${result.falseAlarms.length} benign at medium or high):`);
  for (const j of result.falseAlarms) console.log(describe(j));
  console.log(`\narticles above none (${result.articlesAboveNone.length}): ${result.articlesAboveNone.map((j) => `${j.record.id}=${j.finding.level}`).join(' ')}`);
  console.log(
    `\nrecall ${pct(recall(result.overall)).trim()} (${result.overall.caught}/${result.overall.lures}), ` +
      `false alarms ${pct(falseAlarmRate(result.overall)).trim()} (${result.overall.falseAlarms}/${result.overall.benign})`,
  );
  return 0;
}

function researchReport(): number {
  const items = readResearchData();
  const started = performance.now();
  const stats = evaluateResearch(items);
  console.log(`Research data: ${items.length} texts judged in ${((performance.now() - started) / 1000).toFixed(1)} s. A warning is medium or high.\n`);
  console.log('  source                                                kind     legitimate warned        fraudulent warned');
  let legit = { job: [0, 0], sms: [0, 0] };
  for (const s of stats) {
    console.log(
      `  ${s.source.padEnd(53)} ${s.kind.padEnd(8)} ${String(s.legitimateWarned).padStart(5)}/${String(s.legitimate).padEnd(5)} ${pct(s.legitimateWarned / s.legitimate)}   ${String(s.fraudulentWarned).padStart(4)}/${String(s.fraudulent).padEnd(4)} ${pct(s.fraudulentWarned / s.fraudulent)}`,
    );
    const bucket = s.kind === 'sms' ? legit.sms : legit.job;
    bucket[0] += s.legitimateWarned;
    bucket[1] += s.legitimate;
  }
  for (const s of stats) for (const e of s.examples) console.log(`    warned (${s.source.slice(0, 20)}): ${e}`);
  console.log(`\nlegitimate job ads warned: ${pct(legit.job[0] / legit.job[1]).trim()} (${legit.job[0]}/${legit.job[1]}); ham SMS warned: ${pct(legit.sms[0] / legit.sms[1]).trim()} (${legit.sms[0]}/${legit.sms[1]})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
