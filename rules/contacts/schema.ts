// Owns the shape of reporting contacts: a zod schema that every entry in contacts.json must pass,
// so that no contact ships without a source, a checked-on date and an honest status.
import { z } from 'zod';

const iso2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IN or KH');
const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
// Sources often give only a month or a year, or no date at all.
const sourceDate = z.string().regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|undated)$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or "undated"');
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const text = z.string().trim().min(1, 'must not be empty');

/** Where a phone number works: `in-country` short codes and local formats need a local SIM. */
export const phoneSchema = z
  .object({
    /** Exactly as printed in the source (never "corrected"). */
    display: z
      .string()
      .trim()
      .regex(/^[+(]?[0-9][0-9 ()\-.–]*[0-9]$/, 'only digits, spaces, dashes, dots, brackets and a leading +'),
    reach: z.enum(['anywhere', 'in-country']).default('anywhere'),
    note: text.optional(),
  })
  .strict();

/** What a contact is for; one contact can serve several purposes (a hotline that also says which agents are licensed). */
export const CONTACT_KINDS = ['embassy', 'hotline', 'register', 'police'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const contactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
    /** Whose service it is: IN for an Indian embassy anywhere, KH for the Cambodian police. */
    country: iso2,
    /** Where it operates: KH for the Indian embassy in Phnom Penh; the same as `country` for national lines. */
    location: iso2,
    kinds: z.array(z.enum(CONTACT_KINDS)).min(1),
    /** The service's name, in English. */
    channel: text,
    phones: z.array(phoneSchema).default([]),
    emails: z.array(z.email()).default([]),
    websites: z.array(httpUrl).default([]),
    /** What to contact it for, in English. */
    purpose: text,
    /** A caveat shown with the entry (old source, general emergency line, ...). */
    note: text.optional(),
    /** The page that was read. */
    source: httpUrl,
    /** The date the source gives. */
    sourceDate,
    /** The date a person last checked the entry against its source. */
    verifiedOn: isoDate,
    /** `verified` only when confirmed in the published source at `source`. */
    status: z.enum(['verified', 'unverified']),
  })
  .strict()
  .refine((c) => c.phones.length + c.emails.length + c.websites.length > 0, { message: 'needs a phone, an email or a website' });

/** A warning that goes with a country's contacts (impostors, fees). */
export const countryNoteSchema = z
  .object({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), country: iso2, text, source: httpUrl, verifiedOn: isoDate })
  .strict();

export const contactsFileSchema = z
  .object({
    $comment: z.string().optional(),
    contacts: z.array(contactSchema),
    notes: z.array(countryNoteSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.contacts.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['contacts', i, 'id'], message: `duplicate id "${c.id}"` });
      seen.add(c.id);
    });
  });

export type Phone = z.output<typeof phoneSchema>;
export type Contact = z.output<typeof contactSchema>;
export type CountryNote = z.output<typeof countryNoteSchema>;
export type ContactsFile = z.output<typeof contactsFileSchema>;
