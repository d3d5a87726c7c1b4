// Owns the wording of the in-page mark and panel (interface strings only: every red flag's title,
// explanation and what-to-check come from the rule data in rules/). English first; add a language by
// adding a key with the same entries. Missing entries fall back to English.

const en = {
  markHigh: 'LureWatch: high risk',
  markMedium: 'LureWatch: warning signs',
  markLow: 'LureWatch: check this',
  markLabel: 'LureWatch: {level}. This {kind} has signs of a human-trafficking job lure. Show why.',
  levelHigh: 'High risk',
  levelMedium: 'Warning signs',
  levelLow: 'Possible warning sign',
  kindListing: 'job listing',
  kindPost: 'post',
  kindMessage: 'message',
  kindThread: 'conversation',
  kindSelection: 'text',
  headingHigh: 'This {kind} has the warning signs of a trafficking job lure',
  headingMedium: 'This {kind} has several warning signs of a trafficking job lure',
  headingLow: 'This {kind} has a possible warning sign',
  summary:
    'People who answered offers like this were taken to “scam compounds” in Southeast Asia, had their passports taken and were forced to defraud others. Not every such offer is a trap: verify before you go.',
  flagsHeading: 'Red flags found',
  quotedLabel: 'Words that raised it',
  inMessage: 'message {n}',
  whatToCheck: 'What to check:',
  whatToDoHeading: 'What to do',
  todo1: 'Do not send your passport, ID photos or money, and do not travel on a tourist visa to take a job.',
  todo2: 'Ask for the employer’s registered name and the exact address of the workplace, and check them yourself.',
  todo3: 'Check that the recruiter is a licensed agency in your country’s official register.',
  todo4: 'Talk it over with someone you trust before you decide. If someone is already there and in danger, contact their embassy or the police.',
  contactsHeading: 'Whom to contact',
  contactsIntro: 'Embassies, national hotlines and the register of licensed recruiters for your country are on the full page.',
  fullExplanation: 'Full explanation and reporting contacts',
  dismiss: 'I checked it – dismiss this warning',
  dismissed: 'Dismissed. LureWatch will not mark this text again.',
  close: 'Close',
  panelLabel: 'LureWatch warning',
  onDevice: 'Checked on your device. Nothing was sent anywhere.',
};

export type PanelMessageKey = keyof typeof en;

const MESSAGES: Record<string, Partial<Record<PanelMessageKey, string>>> = { en };

/** A panel string in `lang` (falling back to English), with `{name}` placeholders filled in. */
export function panelText(lang: string, key: PanelMessageKey, values: Record<string, string | number> = {}): string {
  const base = lang.split('-')[0];
  const raw = MESSAGES[lang]?.[key] ?? MESSAGES[base]?.[key] ?? en[key];
  return raw.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const KIND_KEYS = { listing: 'kindListing', post: 'kindPost', message: 'kindMessage', thread: 'kindThread', selection: 'kindSelection' } as const;
const LEVEL_KEYS = { high: 'levelHigh', medium: 'levelMedium', low: 'levelLow' } as const;
const MARK_KEYS = { high: 'markHigh', medium: 'markMedium', low: 'markLow' } as const;
const HEADING_KEYS = { high: 'headingHigh', medium: 'headingMedium', low: 'headingLow' } as const;

export type ShownLevel = 'high' | 'medium' | 'low';
export type SegmentKindName = keyof typeof KIND_KEYS;

export function kindName(lang: string, kind: SegmentKindName): string {
  return panelText(lang, KIND_KEYS[kind] ?? 'kindPost');
}

export function levelName(lang: string, level: ShownLevel): string {
  return panelText(lang, LEVEL_KEYS[level]);
}

export function panelHeading(lang: string, level: ShownLevel, kind: SegmentKindName): string {
  return panelText(lang, HEADING_KEYS[level], { kind: kindName(lang, kind) });
}

/** The mark's visible text and its accessible name. */
export function markWording(lang: string, level: ShownLevel, kind: SegmentKindName): { text: string; label: string } {
  return {
    text: panelText(lang, MARK_KEYS[level]),
    label: panelText(lang, 'markLabel', { level: levelName(lang, level), kind: kindName(lang, kind) }),
  };
}
