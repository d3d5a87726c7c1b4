// Owns validation: zod schemas for rule packs, categories and scoring, and readable rejection messages.
// Used in tests, the CLI and the options page (campaign packs) — never in the content script.
import { z } from 'zod';
import { LEVELS } from './engine/types';
import type { Category, RulePack } from './engine/types';
import type { ScoringConfig } from './engine/score';
import languages from './languages.json';

const LANGUAGE_TAGS = Object.keys(languages);
const languageTag = z.string().refine((tag) => LANGUAGE_TAGS.includes(tag), {
  message: `unknown language; use one of ${LANGUAGE_TAGS.join(', ')}`,
});
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const localized = z
  .record(languageTag, nonEmpty)
  .refine((value) => typeof value.en === 'string', { message: 'needs an English ("en") text' });
const reference = z.object({ title: nonEmpty, url: z.url().optional() }).strict();
const patternList = z.array(nonEmpty.max(2000, 'pattern longer than 2,000 characters')).min(1, 'needs at least one pattern');

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits, dashes)'),
    category: z.string().regex(/^(?:R\d{1,2}|C\d|J|T)$/, 'must be a category id such as R4, C1 or J'),
    weight: z.number().int().min(1).max(5),
    languages: z.array(languageTag).min(1),
    title: localized,
    explanation: localized,
    references: z.array(reference).min(1, 'cite at least one source'),
    patterns: z.record(languageTag, patternList),
    fuzzy: z
      .record(
        languageTag,
        z.array(z.string().regex(/^[\p{L}\p{M}]{6,40}$/u, 'a fuzzy word is one word of 6 to 40 letters, no spaces or symbols')).min(1),
      )
      .optional(),
    exceptions: z.record(languageTag, patternList).optional(),
    exceptionWindow: z.number().int().min(0).max(400).optional(),
    boundary: z.enum(['word', 'start', 'none']).optional(),
    examples: z.record(
      languageTag,
      z.object({ match: z.array(nonEmpty).min(1, 'needs at least one matching example'), noMatch: z.array(nonEmpty) }).strict(),
    ),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const declared = [...rule.languages].sort().join(',');
    for (const lang of Object.keys(rule.fuzzy ?? {})) {
      if (!rule.languages.includes(lang)) ctx.addIssue({ code: 'custom', path: ['fuzzy', lang], message: `language not in "languages"` });
    }
    for (const field of ['patterns', 'examples'] as const) {
      const keys = Object.keys(rule[field]).sort().join(',');
      if (keys !== declared) {
        ctx.addIssue({ code: 'custom', path: [field], message: `languages [${keys}] differ from "languages" [${declared}]` });
      }
    }
    for (const field of ['patterns', 'exceptions'] as const) {
      for (const [lang, patterns] of Object.entries(rule[field] ?? {})) {
        patterns.forEach((pattern, i) => {
          // Texts are lower-cased before matching, so an upper-case ASCII letter (outside an escape) never matches.
          if (/[A-Z]/.test(pattern.replace(/\\[pPu]\{[^}]*\}|\\./g, ''))) {
            ctx.addIssue({ code: 'custom', path: [field, lang, i], message: 'write patterns in lower case: texts are lower-cased before matching' });
          }
          try {
            new RegExp(pattern, 'u');
          } catch (error) {
            ctx.addIssue({ code: 'custom', path: [field, lang, i], message: `does not compile: ${(error as Error).message}` });
          }
        });
      }
    }
  });

export const rulePackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
    version: nonEmpty,
    description: nonEmpty,
    rules: z.array(ruleSchema).min(1, 'a pack needs at least one rule'),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id (also rule #${seen.get(rule.id)})` });
      seen.set(rule.id, i);
    });
  });

export const categorySchema = z
  .object({
    id: z.string().regex(/^(?:R\d{1,2}|C\d|J|T)$/),
    kind: z.enum(['lure', 'counter', 'context', 'test']),
    name: nonEmpty,
    title: localized,
    explanation: localized,
    whatToCheck: localized,
    references: z.array(reference).min(1),
  })
  .strict();

export const categoriesSchema = z.array(categorySchema);

const level = z.enum(LEVELS);
export const scoringSchema = z
  .object({
    $comment: z.string().optional(),
    levels: z.array(
      z
        .object({
          level: z.enum(['low', 'medium', 'high']),
          minScore: z.number().min(0),
          minCategories: z.number().int().min(0),
          requiresAll: z.array(z.string()).optional(),
          requiresAnyOf: z.array(z.string()).optional(),
        })
        .strict(),
    ),
    counterSignals: z.array(
      z.object({ category: z.string(), minScore: z.number().min(0), subtract: z.number().min(0).optional(), capAt: level.optional() }).strict(),
    ),
    maxEvidencePerRule: z.number().int().min(1).max(20),
  })
  .strict();

/** Turns zod issues into lines like `rule "free-flight" (rules[3]) › patterns › en › 0: does not compile: ...`. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    let where = path.length ? path.join(' › ') : '(top level)';
    if (path[0] === 'rules' && typeof path[1] === 'number') {
      const rules = (input as { rules?: Array<{ id?: unknown }> })?.rules;
      const id = rules?.[path[1]]?.id;
      const name = typeof id === 'string' ? `rule "${id}"` : `rule #${path[1]}`;
      where = `${name} (rules[${path[1]}])${path.length > 2 ? ' › ' + path.slice(2).join(' › ') : ''}`;
    }
    // zod reports a bad record key as "Invalid key in record"; every keyed record here is keyed by language.
    const message = issue.code === 'invalid_key' ? `unknown language "${String(path[path.length - 1])}"; use one of ${LANGUAGE_TAGS.join(', ')}` : issue.message;
    return `${where}: ${message}`;
  });
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates a rule pack (for example one supplied by a campaign) and explains every problem found. */
export function validateRulePack(input: unknown): ValidationResult<RulePack> {
  const parsed = rulePackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, input) };
  return { ok: true, value: parsed.data as RulePack };
}

export function validateCategories(input: unknown): ValidationResult<Category[]> {
  const parsed = categoriesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, input) };
  return { ok: true, value: parsed.data as Category[] };
}

export function validateScoring(input: unknown): ValidationResult<ScoringConfig> {
  const parsed = scoringSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error, input) };
  return { ok: true, value: parsed.data as ScoringConfig };
}
