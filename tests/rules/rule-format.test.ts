// Owns the rule meta-test: every built-in rule is well-formed, compiles, is gated, is ReDoS-safe and
// behaves as its own examples say (Refined GitHub's features test, Dark Reader's config tests).
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkSync } from 'recheck';
import { builtInCategories, builtInPacks, builtInScoring, compile, languageInfo } from '../../rules';
import { validateCategories, validateRulePack, validateScoring } from '../../rules/schema';
import { compileRule, effectivePatterns } from '../../rules/engine/compile';
import { foldPatternSource, normalise } from '../../rules/engine/normalise';
import type { Rule } from '../../rules/engine/types';

const allRules: Rule[] = builtInPacks.flatMap((p) => p.rules);

/** Does `rule` (alone) fire on `text`, exceptions included? */
function fires(rule: Rule, text: string): boolean {
  const compiled = compileRule(rule, languageInfo);
  const n = normalise(text);
  compiled.regex.lastIndex = 0;
  for (const m of n.text.matchAll(compiled.regex)) {
    if (!compiled.exception) return true;
    const window = n.text.slice(Math.max(0, m.index! - compiled.exceptionWindow), m.index! + m[0].length + compiled.exceptionWindow);
    if (!compiled.exception.test(window)) return true;
  }
  return false;
}

describe('rule data', () => {
  it('every built-in pack passes the schema', () => {
    const problems = builtInPacks.flatMap((pack) => {
      const result = validateRulePack(pack);
      return result.ok ? [] : result.errors.map((e) => `${pack.id}: ${e}`);
    });
    expect(problems).toEqual([]);
  });

  it('categories and scoring pass their schemas', () => {
    expect(validateCategories(builtInCategories)).toMatchObject({ ok: true });
    expect(validateScoring(builtInScoring)).toMatchObject({ ok: true });
  });

  it('rule ids are unique across all packs', () => {
    const ids = allRules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every rule names a known category, and every category R1-R13, J, C1-C3 has rules', () => {
    const known = new Set(builtInCategories.map((c) => c.id));
    expect(allRules.filter((r) => !known.has(r.category)).map((r) => r.id)).toEqual([]);
    const covered = new Set(allRules.map((r) => r.category));
    const required = [...Array.from({ length: 13 }, (_, i) => `R${i + 1}`), 'J', 'C1', 'C2', 'C3'];
    expect(required.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('scoring refers only to known categories', () => {
    const known = new Set(builtInCategories.map((c) => c.id));
    const referenced = [
      ...builtInScoring.levels.flatMap((l) => [...(l.requiresAll ?? []), ...(l.requiresAnyOf ?? [])]),
      ...builtInScoring.counterSignals.map((c) => c.category),
    ];
    expect(referenced.filter((c) => !known.has(c))).toEqual([]);
  });

  it('the whole rule set compiles, and every rule has literal anchors for the gate', () => {
    const compiled = compile();
    expect(compiled.rules.filter((r) => !r.anchors).map((r) => r.rule.id)).toEqual([]);
  });
});

describe('patterns are safe from catastrophic backtracking (recheck)', () => {
  // recheck's automaton checker decides exactly and fast, but not for look-arounds; its fuzzer does,
  // slowly (minutes for thousands of patterns). Look-arounds are zero-width and cannot repeat, so a
  // pattern is checked with them taken out, and each look-around body is checked on its own.
  const sources = new Map<string, string>();
  for (const rule of allRules) {
    for (const [lang, patterns] of [...Object.entries(effectivePatterns(rule)), ...Object.entries(rule.exceptions ?? {})]) {
      patterns.forEach((p, i) => {
        for (const part of splitLookarounds(foldPatternSource(p))) sources.set(part, `${rule.id} › ${lang} › ${i}`);
      });
    }
  }
  it(`all ${sources.size} distinct patterns and look-around bodies are safe`, () => {
    const unsafe: string[] = [];
    for (const [source, where] of sources) {
      let result = checkSync(source, 'u', { checker: 'automaton', timeout: 10_000 });
      // The automaton checker gives up on some large patterns: then the full checker decides.
      if (result.status === 'unknown') result = checkSync(source, 'u', { timeout: 30_000 });
      if (result.status !== 'safe') unsafe.push(`${where}: ${result.status} ${'complexity' in result ? JSON.stringify(result.complexity) : ''} /${source}/`);
    }
    expect(unsafe).toEqual([]);
  }, 600_000);

  it('splits look-arounds off correctly', () => {
    expect(splitLookarounds('(?<![a-z])visa(?! free)')).toEqual(['visa', '[a-z]', ' free']);
    expect(splitLookarounds('a(?=b(?:c|d))e[(?=]')).toEqual(['ae[(?=]', 'b(?:c|d)']);
  });
});

/** A pattern without its look-arounds, followed by each look-around's body (nested ones split too). */
function splitLookarounds(source: string): string[] {
  const bodies: string[] = [];
  let outer = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      outer += source.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      outer += source.slice(i, j + 1);
      i = j;
    } else if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
      const open = source.startsWith('(?<', i) ? 4 : 3;
      let depth = 1;
      let j = i + open;
      for (; j < source.length && depth > 0; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
        else if (source[j] === '(') depth++;
        else if (source[j] === ')') depth--;
      }
      bodies.push(...splitLookarounds(source.slice(i + open, j - 1)));
      i = j - 1;
    } else outer += ch;
  }
  return [outer, ...bodies];
}

describe('every rule behaves as its examples say', () => {
  for (const rule of allRules) {
    it(rule.id, () => {
      const wrong: string[] = [];
      for (const lang of rule.languages) {
        const examples = rule.examples[lang];
        expect(examples, `examples for ${lang}`).toBeDefined();
        for (const text of examples.match) if (!fires(rule, text)) wrong.push(`${lang} should match: ${text}`);
        for (const text of examples.noMatch) if (fires(rule, text)) wrong.push(`${lang} should not match: ${text}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('the engine own regexes are ReDoS-safe', () => {
  it('normalisation regexes', async () => {
    const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../rules/engine/normalise.ts', import.meta.url), 'utf8'));
    const literals = [...source.matchAll(/^const (\w+) = (\/.+\/[gu]*);$/gm)].map((m) => m[2]);
    expect(literals.length).toBeGreaterThan(2);
    for (const literal of literals) {
      const body = literal.slice(1, literal.lastIndexOf('/'));
      const result = checkSync(body, 'u', { timeout: 20_000 });
      expect(result.status, literal).not.toBe('vulnerable');
    }
  }, 120_000);
});

describe('campaign packs are validated and explained', () => {
  const good = builtInPacks[0];
  it('accepts a well-formed pack', () => {
    expect(validateRulePack({ ...good, id: 'campaign-test' }).ok).toBe(true);
  });
  it('rejects a pattern that does not compile, naming the rule and the field', () => {
    const bad = structuredClone(good);
    bad.rules[0].patterns[bad.rules[0].languages[0]] = ['(unclosed'];
    const result = validateRulePack(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(new RegExp(`rule "${bad.rules[0].id}" \\(rules\\[0\\]\\) › patterns › ${bad.rules[0].languages[0]} › 0: does not compile`));
  });
  it('rejects a rule without sources and an unknown language', () => {
    const bad = structuredClone(good);
    bad.rules[0].references = [];
    (bad.rules[0].patterns as Record<string, string[]>)['xx'] = ['foo'];
    const result = validateRulePack(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.errors.join('\n');
      expect(text).toContain(`rule "${bad.rules[0].id}" (rules[0]) › references: cite at least one source`);
      expect(text).toMatch(/patterns › xx: unknown language/);
    }
  });
  it('rejects duplicate ids and upper-case patterns', () => {
    const bad = structuredClone(good);
    bad.rules.push(structuredClone(bad.rules[0]));
    bad.rules[0].patterns[bad.rules[0].languages[0]] = ['Telegram'];
    const result = validateRulePack(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.errors.join('\n');
      expect(text).toMatch(/duplicate id/);
      expect(text).toMatch(/write patterns in lower case/);
    }
  });
});
