// Owns choosing the reporting contacts that fit a user: their embassy in the destination a text names,
// their national hotlines, the register of licensed recruiting agents, and the destination's police.
// Pure: no DOM, no extension API. The data is validated by contacts.test.ts (tests/ui), not here.
import data from './contacts.json';
import type { Contact, ContactKind, CountryNote, Phone } from './schema';
import { DESTINATIONS, type Destination } from './destinations';

export type { Contact, ContactKind, CountryNote, Phone } from './schema';
export { DESTINATIONS, destinationsIn, type Destination } from './destinations';

type RawContact = Omit<Contact, 'phones' | 'emails' | 'websites'> & {
  phones?: Array<Omit<Phone, 'reach'> & { reach?: Phone['reach'] }>;
  emails?: string[];
  websites?: string[];
};

/** Every built-in contact, with the schema's defaults filled in. */
export const builtInContacts: Contact[] = (data.contacts as RawContact[]).map((c) => ({
  ...c,
  phones: (c.phones ?? []).map((p) => ({ ...p, reach: p.reach ?? 'anywhere' })),
  emails: c.emails ?? [],
  websites: c.websites ?? [],
}));

export const builtInCountryNotes: CountryNote[] = data.notes as CountryNote[];

/** Home countries the user can choose: the origin countries LureWatch covers, then the rest with some data. */
export const HOME_COUNTRIES = ['IN', 'NP', 'LK', 'BD', 'PK', 'ID', 'PH', 'VN', 'KE', 'UG', 'ET', 'NG', 'KR', 'TW', 'CN', 'HK', 'JP', 'TH', 'MM', 'KH', 'LA'] as const;

// Contacts older than this are shown as "may be out of date", never as verified (shared/reference/contacts.md, rule 7).
const STALE_AFTER_DAYS = 365;

/** Whether a contact may be shown as verified on `today`: confirmed in its source and checked within a year. */
export function shownAsVerified(contact: Pick<Contact, 'status' | 'verifiedOn'>, today: Date = new Date()): boolean {
  return contact.status === 'verified' && !isStale(contact, today);
}

/** Whether the last check is more than a year old. */
export function isStale(contact: Pick<Contact, 'verifiedOn'>, today: Date = new Date()): boolean {
  const checked = Date.parse(contact.verifiedOn + 'T00:00:00Z');
  return !Number.isFinite(checked) || today.getTime() - checked > STALE_AFTER_DAYS * 86_400_000;
}

/** The tel: link for a number as printed: digits and a leading + only. */
export function telHref(display: string): string {
  const digits = display.replace(/[^\d+]/g, '');
  return 'tel:' + (digits.startsWith('+') ? '+' + digits.slice(1).replace(/\+/g, '') : digits.replace(/\+/g, ''));
}

export interface ContactGroup {
  kind: ContactKind;
  /** The country the group is about: the destination for embassies and police, the home country otherwise. */
  place: string;
  /** Verified first, then unconfirmed; empty when nothing is known (the UI says so). */
  contacts: Contact[];
}

export interface ContactSelection {
  groups: ContactGroup[];
  notes: CountryNote[];
  /** The destinations the groups are about. */
  destinations: Destination[];
  /** False when the text named no destination and the groups cover all of them. */
  destinationsNamed: boolean;
}

export interface ContactQuery {
  /** ISO code of the user's home country; '' when not chosen, 'ZZ' for a country not listed. */
  home: string;
  /** Destinations named by the text (see destinationsIn); empty means "not named". */
  destinations: readonly string[];
}

function byTrust(today: Date) {
  return (a: Contact, b: Contact) => Number(shownAsVerified(b, today)) - Number(shownAsVerified(a, today));
}

/** The contacts that fit a user and a text, grouped the way the popup and checker show them. */
export function contactsFor(query: ContactQuery, contacts: Contact[] = builtInContacts, notes: CountryNote[] = builtInCountryNotes, today: Date = new Date()): ContactSelection {
  const named = query.destinations.filter((d): d is Destination => (DESTINATIONS as readonly string[]).includes(d));
  const destinations = named.length ? named : [...DESTINATIONS];
  // 'ZZ' is "other / not listed" in the country picker: no home-country groups.
  const home = /^[A-Z]{2}$/.test(query.home) && query.home !== 'ZZ' ? query.home : '';
  const sort = byTrust(today);
  const pick = (fn: (c: Contact) => boolean) => contacts.filter(fn).sort(sort);
  const groups: ContactGroup[] = [];
  if (home) {
    for (const place of destinations) {
      if (place === home) continue;
      groups.push({ kind: 'embassy', place, contacts: pick((c) => c.kinds.includes('embassy') && c.country === home && c.location === place) });
    }
    groups.push({ kind: 'hotline', place: home, contacts: pick((c) => c.kinds.includes('hotline') && c.country === home && c.location === home) });
    groups.push({ kind: 'register', place: home, contacts: pick((c) => c.kinds.includes('register') && c.country === home) });
  }
  for (const place of destinations) {
    groups.push({ kind: 'police', place, contacts: pick((c) => c.kinds.includes('police') && c.country === place && c.location === place) });
  }
  return { groups, notes: home ? notes.filter((n) => n.country === home) : [], destinations, destinationsNamed: named.length > 0 };
}
