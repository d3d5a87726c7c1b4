// Owns showing the reporting contacts that fit the user: embassy in the destination, national help lines,
// the register of licensed agents, the destination's police. Every entry shows its source and checked-on
// date; unconfirmed entries are labelled and tucked away, never shown as confirmed. What LureWatch has no
// contact for at all is said in one list after the groups that have some, so a user from a country without
// data (Uganda, Ethiopia, South Korea, Japan ...) sees first whom they can call, then plainly what is missing.
import { contactsFor, isStale, shownAsVerified, telHref, type Contact, type ContactGroup } from '../rules/contacts';
import { countryName } from './country-name';
import { useI18n } from './i18n/context';
import type { Translate } from './i18n/messages';

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A date as the user's language writes it (verifiedOn is a plain YYYY-MM-DD). */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(isoDate + 'T00:00:00Z');
  if (Number.isNaN(date.getTime())) return isoDate;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return isoDate;
  }
}

/** Country names as a list in the user's language ("Cambodia, Myanmar and Laos"). */
function countryList(places: readonly string[], lang: string): string {
  const names = places.map((p) => countryName(p, lang));
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** A group's heading; `places` lists several countries at once (the embassies LureWatch knows none of). */
export function groupTitle(group: Pick<ContactGroup, 'kind' | 'place'> & { places?: readonly string[] }, t: Translate, lang: string): string {
  const country = countryList(group.places ?? [group.place], lang);
  switch (group.kind) {
    case 'embassy':
      return t('contactsGroupEmbassy', { country });
    case 'hotline':
      return t('contactsGroupHotline', { country });
    case 'register':
      return t('contactsGroupRegister');
    case 'police':
      return t('contactsGroupPolice', { country });
  }
}

function ExternalLink({ href, children }: { href: string; children: preact.ComponentChildren }) {
  const { t } = useI18n();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}

/** One contact: name, its numbers, e-mails and sites as links, purpose, and provenance. */
export function ContactCard({ contact, today = new Date() }: { contact: Contact; today?: Date }) {
  const { t, lang } = useI18n();
  const verified = shownAsVerified(contact, today);
  const where = countryName(contact.location, lang);
  return (
    <li class="contact" data-contact={contact.id} data-verified={verified ? 'yes' : 'no'}>
      <p class="contact-name" lang="en" dir="ltr">
        {contact.channel}
      </p>
      <ul class="contact-channels">
        {contact.phones.map((p) => (
          <li key={p.display}>
            <a href={telHref(p.display)} dir="ltr" class="contact-phone">
              {p.display}
            </a>
            {p.note && (
              <span class="contact-detail" lang="en">
                {' '}
                ({p.note})
              </span>
            )}
            {p.reach === 'in-country' && <span class="contact-detail"> – {t('contactInCountry', { country: where })}</span>}
          </li>
        ))}
        {contact.emails.map((e) => (
          <li key={e}>
            <a href={`mailto:${e}`} dir="ltr">
              {e}
            </a>
          </li>
        ))}
        {contact.websites.map((w) => (
          <li key={w}>
            <ExternalLink href={w}>
              <span dir="ltr">{hostOf(w) + new URL(w).pathname.replace(/\/$/, '')}</span>
            </ExternalLink>
          </li>
        ))}
      </ul>
      <p class="contact-purpose" lang="en" dir="ltr">
        {contact.purpose}
        {contact.note ? ` ${contact.note}` : ''}
      </p>
      <p class="contact-provenance">
        <span class={verified ? 'badge badge-ok' : 'badge badge-warn'}>
          {verified ? `✓ ${t('contactVerified')}` : contact.status === 'verified' && isStale(contact, today) ? t('contactStale') : t('contactUnverified')}
        </span>{' '}
        <ExternalLink href={contact.source}>
          {t('contactSource')}: <span dir="ltr">{hostOf(contact.source)}</span>
        </ExternalLink>
        , {t('contactCheckedOn', { date: formatDate(contact.verifiedOn, lang) })}
      </p>
    </li>
  );
}

function Group({ group, collapsed, today }: { group: ContactGroup; collapsed: boolean; today: Date }) {
  const { t, lang } = useI18n();
  const title = groupTitle(group, t, lang);
  const confirmed = group.contacts.filter((c) => shownAsVerified(c, today));
  const unconfirmed = group.contacts.filter((c) => !shownAsVerified(c, today));
  const body = (
    <>
      {confirmed.length > 0 ? (
        <ul class="contact-list">
          {confirmed.map((c) => (
            <ContactCard key={c.id} contact={c} today={today} />
          ))}
        </ul>
      ) : (
        <p class="contacts-missing">{t('contactsMissing')}</p>
      )}
      {unconfirmed.length > 0 && (
        <details class="unconfirmed">
          <summary>{t('contactUnconfirmedMore', { count: unconfirmed.length })}</summary>
          <ul class="contact-list">
            {unconfirmed.map((c) => (
              <ContactCard key={c.id} contact={c} today={today} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
  if (collapsed) {
    return (
      <details class="contact-group" data-group={`${group.kind}-${group.place}`}>
        <summary class="group-summary">{title}</summary>
        {body}
      </details>
    );
  }
  return (
    <section class="contact-group" data-group={`${group.kind}-${group.place}`} aria-label={title}>
      <h3 class="group-title">{title}</h3>
      {body}
    </section>
  );
}

/**
 * The groups LureWatch has no contact for, confirmed or not, in one list: "no confirmed contact for this yet"
 * and then what ("Your embassy in Cambodia and Laos", "Help lines in Uganda", ...). Embassies are merged into
 * one line.
 */
function Missing({ groups }: { groups: ContactGroup[] }) {
  const { t, lang } = useI18n();
  if (groups.length === 0) return null;
  const lines: Array<{ kind: ContactGroup['kind']; places: string[] }> = [];
  for (const group of groups) {
    const same = group.kind === 'embassy' ? lines.find((l) => l.kind === 'embassy') : undefined;
    if (same) same.places.push(group.place);
    else lines.push({ kind: group.kind, places: [group.place] });
  }
  return (
    <section class="contact-group contacts-none" data-group="missing" aria-labelledby="contacts-missing-title">
      {/* Plain text, not the muted note of a single group: for some countries this is the main news. */}
      <p id="contacts-missing-title">{t('contactsMissing')}</p>
      <ul>
        {lines.map((line) => (
          <li key={`${line.kind}-${line.places.join('-')}`} data-missing={line.places.map((p) => `${line.kind}-${p}`).join(' ')}>
            {groupTitle({ kind: line.kind, place: line.places[0], places: line.places }, t, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ContactListProps {
  /** The user's home country ('' if not chosen). */
  home: string;
  /** Destinations the text names. */
  destinations: readonly string[];
  /** Shown when no home country is chosen (a button or a picker). */
  chooseCountry?: preact.ComponentChildren;
  today?: Date;
}

/** "Whom to contact", grouped. */
export function ContactList({ home, destinations, chooseCountry, today = new Date() }: ContactListProps) {
  const { t } = useI18n();
  const selection = contactsFor({ home, destinations }, undefined, undefined, today);
  return (
    <section class="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title" class="section-title">
        {t('contactsHeading')}
      </h2>
      {!home && (
        <div class="notice">
          <p>{t('contactsNoCountry')}</p>
          {chooseCountry}
        </div>
      )}
      {!selection.destinationsNamed && <p class="hint">{t('contactsNoDestination')}</p>}
      {selection.groups
        .filter((group) => group.contacts.length > 0)
        .map((group) => (
          <Group
            key={`${group.kind}-${group.place}`}
            group={group}
            today={today}
            collapsed={!selection.destinationsNamed && (group.kind === 'embassy' || group.kind === 'police')}
          />
        ))}
      <Missing groups={selection.groups.filter((group) => group.contacts.length === 0)} />
      <div class="notice notice-caution">
        <p>
          <strong>{t('contactsBeware')}:</strong> {t('contactsMoneyWarning')}
        </p>
        {selection.notes.map((n) => (
          <p key={n.id} lang="en" dir="ltr">
            {n.text}{' '}
            <ExternalLink href={n.source}>
              {t('contactSource')}: {hostOf(n.source)}
            </ExternalLink>
          </p>
        ))}
      </div>
    </section>
  );
}
