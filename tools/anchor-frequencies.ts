// Owns `npm run anchors`: measures how often each rule anchor occurs in ordinary text, so the engine's
// literal gate can look for the rarest of a pattern's required literals (rules/anchor-frequencies.json).
//
// The measure is half of the research data (every other ordinary job ad and SMS; the other half stays
// unseen), folded the way the engine folds text. Only Latin-script anchors are measured: the data is
// English, so other scripts keep the length-based estimate in rules/engine/compile.ts. The table
// changes only speed, never a verdict; rerun it after editing the packs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readResearchData, repoRoot } from './lib/corpus';
import { compile } from '../rules';
import { isMeasuredAnchor } from '../rules/engine/compile';
import { analysePattern } from '../rules/engine/required-literals';
import { normalise } from '../rules/engine/normalise';


const anchors = new Set<string>();
for (const rule of compile().rules) {
  for (const pattern of rule.patterns) {
    // Every anchor set the parser weighs, at every level of the pattern, is offered to the cost function.
    analysePattern(pattern.bare, 2, (set) => {
      for (const a of set) if (isMeasuredAnchor(a.text)) anchors.add(a.text);
      return 0;
    });
  }
}
const anchorsOfRules = new Set(anchors);

// The 4-grams of long anchors: the gate keys each long anchor by its least common 4-gram.
const fourGrams = new Set<string>();
for (const anchor of anchors) for (let i = 0; i + 4 <= anchor.length; i++) if (anchor.length > 4) fourGrams.add(anchor.slice(i, i + 4));
for (const gram of fourGrams) anchors.add(gram);

// Anchors by their first character, longest first, so each position of the text is checked once per candidate.
const byFirst = new Map<string, string[]>();
for (const anchor of anchors) byFirst.set(anchor[0], [...(byFirst.get(anchor[0]) ?? []), anchor]);

const counts = new Map<string, number>();
let characters = 0;
const texts = readResearchData().filter((_, i) => i % 2 === 0);
for (const { text } of texts) {
  const folded = normalise(text).text;
  characters += folded.length;
  for (let i = 0; i < folded.length; i++) {
    const candidates = byFirst.get(folded[i]);
    if (!candidates) continue;
    for (const anchor of candidates) if (folded.startsWith(anchor, i)) counts.set(anchor, (counts.get(anchor) ?? 0) + 1);
  }
}

// Rarer than this, an anchor or 4-gram is as good as absent (the engine assumes 0.1 per million).
const perMillion = (keep: (text: string) => boolean, least: number) =>
  Object.fromEntries(
    [...counts]
      .filter(([text]) => keep(text))
      .map(([text, n]) => [text, Math.round((n / characters) * 1e6)] as const)
      .filter(([, rate]) => rate >= least)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
const table = {
  about:
    'Occurrences per million characters of Latin-script rule anchors, and of the 4-grams of long anchors, in ordinary text (half of shared/research-data: job ads and SMS), written by `npm run anchors`. Speed only: the gate looks for the rarest literals a pattern needs, keyed by their rarest 4-gram.',
  texts: texts.length,
  characters,
  anchors: perMillion((text) => anchorsOfRules.has(text), 1),
  fourGrams: perMillion((text) => fourGrams.has(text), 5),
};
const path = join(repoRoot, 'rules/anchor-frequencies.json');
writeFileSync(path, JSON.stringify(table, null, 1) + '\n');
console.log(`${anchorsOfRules.size} anchors and ${fourGrams.size} 4-grams measured over ${texts.length} texts (${(characters / 1e6).toFixed(1)} M characters); ${Object.keys(table.anchors).length} and ${Object.keys(table.fourGrams).length} occur; written to rules/anchor-frequencies.json`);
