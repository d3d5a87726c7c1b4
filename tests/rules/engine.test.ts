// Owns the engine's behaviour tests with small hand-made rule sets: combination logic, counter-signals,
// thread evidence, fuzzy words, anchors and the gate. Independent of the built-in rule wording.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { candidatePatterns, compileRules, oneTypoVariants } from '../../rules/engine/compile';
import { detectText, detectThread } from '../../rules/engine/detect';
import { analysePattern, inFirstChars, requiredLiterals, type FirstChars } from '../../rules/engine/required-literals';
import type { Category, Rule } from '../../rules/engine/types';
import type { ScoringConfig } from '../../rules/engine/score';
import { builtInCategories, languageInfo, detectText as detectWithBuiltIns } from '../../rules';

const rule = (id: string, category: string, weight: number, en: string[], extra: Partial<Rule> = {}): Rule => ({
  id,
  category,
  weight,
  languages: ['en'],
  title: { en: id },
  explanation: { en: id },
  references: [{ title: 'test' }],
  patterns: { en },
  examples: { en: { match: [en[0]], noMatch: [] } },
  ...extra,
});

const scoring: ScoringConfig = {
  levels: [
    { level: 'high', minScore: 7, minCategories: 3, requiresAll: ['R1'], requiresAnyOf: ['J'] },
    { level: 'medium', minScore: 4, minCategories: 2, requiresAnyOf: ['J'] },
    { level: 'low', minScore: 1, minCategories: 1 },
  ],
  counterSignals: [
    { category: 'C1', minScore: 3, capAt: 'low' },
    { category: 'C2', minScore: 2, subtract: 3 },
  ],
  maxEvidencePerRule: 3,
};

const categories = builtInCategories as Category[];
const compiled = compileRules({
  packs: [
    {
      id: 'test',
      version: '1',
      description: 'test',
      rules: [
        rule('place', 'R1', 2, ['cambodia', 'laos'], { fuzzy: { en: ['cambodia'] } }),
        rule('title', 'R2', 2, ['data entry']),
        rule('free-ticket', 'R4', 2, ['free (?:air )?tickets?'], { exceptions: { en: ['tour package'] }, exceptionWindow: 40 }),
        rule('tourist-visa', 'R5', 3, ['tourist visa']),
        rule('job', 'J', 1, ['jobs?', 'salary']),
        rule('news-attribution', 'C1', 2, ['police said']),
        rule('news-rescue', 'C1', 2, ['rescued']),
        rule('licence', 'C2', 2, ['licen[cs]e no']),
      ],
    },
  ],
  categories,
  scoring,
  languages: languageInfo,
});

const level = (text: string) => detectText(compiled, text).level;

describe('combination logic', () => {
  it('a single keyword is never a warning', () => {
    expect(level('Cambodia')).toBe('low');
    expect(level('data entry job')).toBe('low');
  });
  it('independent red flags together warn; with the destination and enough weight, high', () => {
    expect(level('data entry job, free ticket')).toBe('medium');
    expect(level('data entry job in Cambodia, free ticket, tourist visa')).toBe('high');
  });
  it('without any sign of a job, red flags stay low (a holiday advert)', () => {
    expect(level('Laos trip: free ticket upgrade, tourist visa help')).toBe('low');
  });
  it('reporting framing caps the level at low (distinct counter-signal rules add up); licensed recruitment lowers the score', () => {
    expect(level('data entry job in Cambodia, free ticket, tourist visa; victims rescued')).toBe('high');
    expect(level('Police said the victims, promised a data entry job in Cambodia with free ticket and tourist visa, were rescued')).toBe('low');
    expect(detectText(compiled, 'data entry job in Cambodia, free ticket, licence no 123').score).toBe(3);
  });
  it('an exception near a match cancels it', () => {
    expect(detectText(compiled, 'tour package with free ticket').flags.map((f) => f.rule)).not.toContain('free-ticket');
    expect(detectText(compiled, 'free ticket').flags.map((f) => f.rule)).toContain('free-ticket');
  });
  it('explains the level', () => {
    const finding = detectText(compiled, 'data entry job in Cambodia, free ticket, tourist visa');
    expect(finding.reasons[0]).toMatch(/^high: 4 red-flag categories \(R1, R2, R4, R5\), score 9 >= 7/);
  });
});

describe('evidence', () => {
  it('quotes the original words, also when they were disguised', () => {
    const text = 'Job in C@MB0DIA, FREE   ticket';
    const finding = detectText(compiled, text);
    const place = finding.flags.find((f) => f.rule === 'place')!;
    expect(place.evidence[0]).toEqual({ start: 7, end: 15, text: 'C@MB0DIA' });
    expect(text.slice(place.evidence[0].start, place.evidence[0].end)).toBe('C@MB0DIA');
  });
  it('caps the quotes per rule', () => {
    const finding = detectText(compiled, 'laos '.repeat(20));
    expect(finding.flags[0].evidence).toHaveLength(3);
  });
  it('maps thread evidence to the message and its own offsets', () => {
    const messages = [{ from: 'r', text: 'Hello! Data entry job' }, { from: 's', text: 'where?' }, { from: 'r', text: 'In Laos. Free ticket.' }, { from: 'r', text: 'Tourist visa is fine' }];
    const finding = detectThread(compiled, messages);
    expect(finding.level).toBe('high');
    const place = finding.flags.find((f) => f.rule === 'place')!.evidence[0];
    expect(place).toEqual({ message: 2, start: 3, end: 7, text: 'Laos' });
    const title = finding.flags.find((f) => f.rule === 'title')!.evidence[0];
    expect(title).toEqual({ message: 0, start: 7, end: 17, text: 'Data entry' });
  });
  it('judges a thread as a whole: red flags spread over messages add up', () => {
    const messages = [{ text: 'data entry job' }, { text: 'Cambodia' }, { text: 'free ticket' }, { text: 'tourist visa ok' }];
    expect(messages.map((m) => level(m.text))).toEqual(['low', 'low', 'low', 'low']);
    expect(detectThread(compiled, messages).level).toBe('high');
  });
});

describe('fuzzy words', () => {
  it('match with one typo, as whole words only', () => {
    for (const text of ['Cambodja', 'Kambodia', 'Camboida', 'Cmbodia']) expect(detectText(compiled, `job in ${text}`).flags.map((f) => f.rule)).toContain('place');
    expect(detectText(compiled, 'Cambodiaville').flags.map((f) => f.rule)).not.toContain('place');
    expect(oneTypoVariants('laos!').length).toBeGreaterThan(5);
  });
});

describe('literal anchors for the gate', () => {
  it('finds what every match must contain', () => {
    expect(requiredLiterals('data ?entry')).toEqual(['entry']);
    expect(requiredLiterals('free (?:air )?tickets?|paid flights?')).toEqual(['ticket', 'paid flight']);
    expect(requiredLiterals('(?<!no )free flight')).toEqual(['free flight']);
    expect(requiredLiterals('(?:usd|\\$)\\s?[89]\\d\\d')).toEqual(['usd', '$']);
    expect(requiredLiterals('\\d{4}')).toBeNull();
    expect(requiredLiterals('a.b')).toBeNull();
    expect(requiredLiterals('visa|x')).toBeNull();
  });

  it('lists every required set, rarest first when told how common each is', () => {
    const { requirements } = analysePattern('(?:dm|pm) (?:me|us) on telegram', 2, (set) => (set.some((a) => a.text === ' on telegram') ? 0 : 10));
    expect(requirements.map((set) => set.map((a) => a.text))).toEqual([[' on telegram'], ['dm', 'pm'], ['me', 'us']]);
    expect(requirements[0][0]).toMatchObject({ minOffset: 5, maxOffset: 5, atStart: false, atEnd: true });
    expect(requirements[1][0]).toMatchObject({ minOffset: 0, maxOffset: 0, atStart: true, atEnd: false });
  });

  it('knows which characters a match can begin with', () => {
    const begins = (first: FirstChars, ch: string) => inFirstChars(first, ch.charCodeAt(0));
    const salary = analysePattern('(?<![\\d,.])(?:[6-9]\\d|1\\d\\d) ?k ?(?:rs|inr)').first;
    expect(['1', '6', '9'].map((ch) => begins(salary, ch))).toEqual([true, true, true]);
    expect(['0', '5', 'a', ' ', 'é'].map((ch) => begins(salary, ch))).toEqual([false, false, false, false, false]);
    const optional = analysePattern('(?:the )?company').first;
    expect(['t', 'c', 'x'].map((ch) => begins(optional, ch))).toEqual([true, true, false]);
    const dashes = analysePattern('[z\\-a]x').first;
    expect(['z', '-', 'a', 'm'].map((ch) => begins(dashes, ch))).toEqual([true, true, true, false]);
    expect(begins(analysePattern('[^a]x').first, 'a')).toBe(true); // negated classes: anything (a safe superset)
    expect(begins(analysePattern('x?').first, 'q')).toBe(true); // can match empty: anywhere
  });
});

describe('built-in rules', () => {
  it('never score nationality: "Chinese company" adds no red flag', () => {
    const base = detectWithBuiltIns('We are a company hiring data entry staff.');
    const withNationality = detectWithBuiltIns('We are a Chinese company hiring data entry staff.');
    expect(withNationality.flags.map((f) => f.category)).toEqual(base.flags.map((f) => f.category));
    expect(withNationality.score).toBe(base.score);
  });
  it('the self-test phrase always flags high', () => {
    expect(detectWithBuiltIns('hello LUREWATCH-TEST-LURE-7F3A').level).toBe('high');
  });
  it('empty and huge texts are handled', () => {
    expect(detectWithBuiltIns('').level).toBe('none');
    expect(['none', 'low', 'medium', 'high']).toContain(detectWithBuiltIns('data entry '.repeat(50_000)).level);
  });
});

describe('the gate with short anchors', () => {
  it('finds a one-character anchor where a longer short anchor starts at the same place', () => {
    const set = compileRules({
      packs: [{ id: 't', version: '1', description: 't', rules: [rule('month', 'R3', 1, ['月.{0,2}\\d'], { languages: ['zh-Hans'], patterns: { 'zh-Hans': ['月.{0,2}\\d'] }, examples: { 'zh-Hans': { match: ['月8'], noMatch: [] } } }), rule('salary', 'J', 1, ['月薪'], { languages: ['zh-Hans'], patterns: { 'zh-Hans': ['月薪'] }, examples: { 'zh-Hans': { match: ['月薪'], noMatch: [] } } })] }],
      categories,
      scoring,
      languages: languageInfo,
    });
    expect(detectText(set, '月薪8万').flags.map((f) => f.rule).sort()).toEqual(['month', 'salary']);
    expect(detectText(set, '月8').flags.map((f) => f.rule)).toEqual(['month']);
  });
});

describe('the gate with a pattern\'s other required words', () => {
  const set = compileRules({
    packs: [{ id: 't', version: '1', description: 't', rules: [rule('visa-and-app', 'R5', 1, ['tourist visa (?:\\S+ ){0,8}(?:telegram|signal)', 'tourist visa (?:\\S+ ){0,8}job']), rule('visa', 'R5', 1, ['tourist visa'])] }],
    categories,
    scoring,
    languages: languageInfo,
  });
  const woken = (text: string) => candidatePatterns(set.gate, text).map((c) => set.patterns[c.pattern].bare).sort();
  it('leaves out a pattern when one of its other required words occurs nowhere in the text', () => {
    expect(woken('tourist visa is fine')).toEqual(['tourist visa']);
    expect(woken('tourist visa then the telegram group')).toEqual(['tourist visa', 'tourist visa (?:\\S+ ){0,8}(?:telegram|signal)']);
    // One word of a set of alternatives is enough; three-letter words count too.
    expect(woken('signal me about the tourist visa job')).toEqual(['tourist visa', 'tourist visa (?:\\S+ ){0,8}(?:telegram|signal)', 'tourist visa (?:\\S+ ){0,8}job']);
  });
  it('only ever leaves out patterns that cannot match', () => {
    const text = 'tourist visa and apply now on signal';
    expect(detectText(set, text)).toEqual(detectText(set, text, { skipGate: true }));
    expect(detectText(set, text).flags.map((f) => f.rule)).toEqual(['visa', 'visa-and-app']);
    // Words seen in a text before do not count for the next one.
    expect(woken('tourist visa alone')).toEqual(['tourist visa']);
  });
});

describe('emoji and other characters outside the basic plane', () => {
  it('are stepped over whole (a lastIndex inside a surrogate pair would loop forever)', () => {
    const set = compileRules({
      packs: [{ id: 't', version: '1', description: 't', rules: [rule('emoji-free', 'R4', 2, ['✈️?\\S{0,3} ?free', '📩'], { boundary: 'none' })] }],
      categories,
      scoring,
      languages: languageInfo,
    });
    const finding = detectText(set, 'HIRING 🇰🇭 ✈️ free, PM lang 📩 📩');
    expect(finding.flags[0].evidence.map((e) => e.text)).toEqual(['✈️ free', '📩', '📩']);
    expect(detectText(set, '🇰🇭🇰🇭🇰🇭 free', { skipGate: true }).flags).toHaveLength(1);
  });
});
