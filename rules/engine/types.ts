// Owns the engine's public data types: what a rule looks like once loaded, and what a finding is.

/** Risk levels, lowest first. Only `medium` and `high` are shown to the user as warnings. */
export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** A language tag as used in the corpus: BCP-47-like (`en`, `hi`, `hi-Latn`, `zh-Hans`). */
export type LanguageTag = string;

/** Text keyed by interface language; `en` is always present. */
export type Localized = { en: string } & Record<string, string>;

/** How a language's patterns are fenced so that "thai" does not match inside "thailand". */
export type Boundary = 'word' | 'start' | 'none';

/** One source that documents a red flag. */
export interface Reference {
  title: string;
  url?: string;
}

/** Examples a rule must match (and must not match), per language. */
export interface RuleExamples {
  match: string[];
  noMatch: string[];
}

/** A detection rule as stored in a rule pack (see rules/README.md). */
export interface Rule {
  id: string;
  category: string;
  weight: number;
  languages: LanguageTag[];
  title: Localized;
  explanation: Localized;
  references: Reference[];
  /** Regular-expression sources per language, written against normalised (folded) text. */
  patterns: Record<LanguageTag, string[]>;
  /**
   * Whole words also matched with one typo (a letter wrong, missing, extra, or two swapped): the
   * deliberate misspellings recruiters use to dodge filters ("Cambodja", "Myanmaar", "Telegrm").
   */
  fuzzy?: Record<LanguageTag, string[]>;
  /** Patterns that cancel a match when they occur within `exceptionWindow` characters of it. */
  exceptions?: Record<LanguageTag, string[]>;
  exceptionWindow?: number;
  /** Overrides the language's default boundary for this rule. */
  boundary?: Boundary;
  examples: Record<LanguageTag, RuleExamples>;
}

/** A red-flag category (R1-R13), the job-offer context (J), a counter-signal (C1-C3) or the self-test phrase (T). */
export interface Category {
  id: string;
  kind: 'lure' | 'counter' | 'context' | 'test';
  name: string;
  title: Localized;
  explanation: Localized;
  whatToCheck: Localized;
  references: Reference[];
}

export interface RulePack {
  id: string;
  version: string;
  description: string;
  rules: Rule[];
}

/** A quoted piece of the judged text. `message` is set for threads (index into the messages). */
export interface Evidence {
  start: number;
  end: number;
  text: string;
  message?: number;
}

export interface Flag {
  rule: string;
  category: string;
  evidence: Evidence[];
}

export interface Finding {
  level: Level;
  score: number;
  flags: Flag[];
}

/** One message of a conversation, in the order shown. */
export interface ThreadMessage {
  from?: string;
  text: string;
}
