// Owns the ready-made message a family member can send back to the person who got the offer: the level, the
// warning signs with the words that show them, whom to call before travelling. Pure: built from a finding, the
// contacts and the texts of the chosen language; nothing is sent anywhere.
import type { Flag, Level } from '../rules/engine/types';
import { categoryTextsIn, type RuleTranslations } from '../rules/i18n/lookup';
import { shownAsVerified, type ContactSelection } from '../rules/contacts';
import { countryName } from './country-name';
import { groupByCategory, isRedFlagCategory, quotesOf } from './flags';
import type { MessageKey, Translate } from './i18n/messages';

const INTRO: Record<Level, MessageKey> = { high: 'familyHigh', medium: 'familyMedium', low: 'familyLow', none: 'familyNone' };
const MAX_CALLS = 4;
const MAX_POLICE = 2;

export interface FamilyMessageInput {
  level: Level;
  flags: Flag[];
  /** Contacts chosen for the user's home country and the destinations named. */
  contacts: ContactSelection;
  /** Language of the message (may differ from the interface language). */
  lang: string;
  /** Translator for `lang`. */
  t: Translate;
  /** Category translations for `lang` (undefined for English). */
  ruleTable?: RuleTranslations;
  today?: Date;
}

/** The message as plain text, ready to copy or share. */
export function buildFamilyMessage({ level, flags, contacts, lang, t, ruleTable, today = new Date() }: FamilyMessageInput): string {
  const lines: string[] = [t('familyGreeting'), '', t(INTRO[level])];

  const red = groupByCategory(flags.filter((f) => isRedFlagCategory(f.category)));
  if (red.length && level !== 'none') {
    lines.push('', t('familySigns'));
    for (const { category, flags: list } of red) {
      // A quote with words reads better in a message than a flag emoji or a bare number.
      const quotes = list.flatMap(quotesOf);
      const quote = quotes.find((q) => /\p{L}{2}/u.test(q.text)) ?? quotes[0];
      const title = categoryTextsIn(ruleTable, category, lang)?.title ?? category;
      lines.push(`• ${title}${quote ? `: “${quote.text.replace(/\s+/g, ' ').slice(0, 80)}”` : ''}`);
    }
  }

  const verified = (kind: string) => contacts.groups.filter((g) => g.kind === kind).flatMap((g) => g.contacts.filter((c) => shownAsVerified(c, today)).map((c) => ({ group: g, contact: c })));
  const calls: string[] = [];
  // Only the destinations the text names: a list of every embassy would bury the one that matters.
  if (contacts.destinationsNamed) {
    for (const { group, contact } of verified('embassy')) {
      const phone = contact.phones[0]?.display ?? contact.emails[0];
      if (phone) calls.push(`• ${t('familyEmbassyLabel', { country: countryName(group.place, lang) })}: ${phone}`);
    }
  }
  for (const { contact } of verified('hotline')) {
    const phone = contact.phones[0]?.display;
    if (phone) calls.push(`• ${contact.channel}: ${phone}`);
  }
  if (level !== 'none' && calls.length) lines.push('', t('familyAsk'), ...calls.slice(0, MAX_CALLS));

  // The destination's police take local calls only: for someone already there, never as a number to
  // call before travelling. For a home country with no confirmed embassy or help line it is the one
  // number to give.
  const police: string[] = [];
  if (contacts.destinationsNamed && level !== 'none') {
    for (const { group, contact } of verified('police')) {
      const phone = contact.phones[0]?.display;
      if (phone) police.push(`• ${contact.channel} (${countryName(group.place, lang)}): ${phone}`);
    }
  }
  if (police.length) lines.push('', t('familyIfThere'), ...police.slice(0, MAX_POLICE));

  const register = verified('register').find(({ contact }) => contact.websites.length || contact.phones.length);
  if (register) {
    const where = register.contact.websites[0] ?? register.contact.phones[0].display;
    lines.push('', `${t('familyRegister')} ${where}`);
  }
  lines.push('', t('familyClosing'));
  return lines.join('\n');
}
