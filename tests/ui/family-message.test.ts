// Owns the ready-made message for the family: the level, each warning sign with the offer's own words,
// whom to call (only confirmed contacts), the register, in the chosen language.
import { describe, expect, it } from 'vitest';
import { buildFamilyMessage } from '../../components/family-message';
import { englishMessages, loadMessages, translator } from '../../components/i18n/messages';
import { contactsFor } from '../../rules/contacts';
import { categoryTexts, ruleTranslations } from '../../rules/i18n';
import type { Flag } from '../../rules/engine/types';

const TODAY = new Date('2026-11-21T12:00:00Z');
const en = translator(englishMessages);
const flags: Flag[] = [
  { rule: 'hotspot-flag-emoji', category: 'R1', evidence: [{ start: 0, end: 4, text: '🇰🇭' }] },
  { rule: 'hotspot-country', category: 'R1', evidence: [{ start: 10, end: 18, text: 'Cambodia' }] },
  { rule: 'employer-pays-flight', category: 'R4', evidence: [{ start: 30, end: 45, text: 'free air ticket' }] },
  { rule: 'job-offer-words', category: 'J', evidence: [{ start: 50, end: 53, text: 'job' }] },
];

describe('buildFamilyMessage', () => {
  it('lists the signs with words from the offer, the embassy in the named destination, help lines and the register', () => {
    const text = buildFamilyMessage({ level: 'high', flags, contacts: contactsFor({ home: 'IN', destinations: ['KH'] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
    expect(text).toContain(englishMessages.familyHigh);
    expect(text).toContain('• The job is in a scam-compound hotspot: “Cambodia”');
    expect(text).toContain('• The employer pays your flight, hotel or visa: “free air ticket”');
    expect(text).not.toContain('The text offers a job');
    expect(text).toContain('• Our embassy in Cambodia: +855 92881676');
    expect(text).toContain('• National Cyber Crime Helpline (cybercrime.gov.in): 1930');
    expect(text).toContain('Check that the agent is licensed: https://emigrate.gov.in');
    expect(text.trim().endsWith(englishMessages.familyClosing!)).toBe(true);
  });

  it('never lists an unconfirmed contact', () => {
    const text = buildFamilyMessage({ level: 'high', flags, contacts: contactsFor({ home: 'IN', destinations: ['LA'] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
    expect(text).not.toContain('+856-2055536568');
  });

  it("gives the destination's police as a number for someone already there, also when home has no confirmed contact", () => {
    for (const home of ['IN', 'UG', 'ET', 'KR', 'JP']) {
      const text = buildFamilyMessage({ level: 'high', flags, contacts: contactsFor({ home, destinations: ['TH'] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
      const [before, after] = text.split(englishMessages.familyIfThere!);
      expect(after).toMatch(/\(Thailand\): \d{3,4}/);
      expect(before).not.toMatch(/\(Thailand\)/); // never among the numbers to call before travelling
    }
    const none = buildFamilyMessage({ level: 'none', flags: [], contacts: contactsFor({ home: 'UG', destinations: ['TH'] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
    expect(none).not.toContain(englishMessages.familyIfThere);
  });

  it('names no embassy when the text names no destination', () => {
    const text = buildFamilyMessage({ level: 'medium', flags, contacts: contactsFor({ home: 'PH', destinations: [] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
    expect(text).not.toMatch(/Our embassy/);
    expect(text).toContain('1343');
  });

  it('for a clean text: no signs and no alarm, still the register', () => {
    const text = buildFamilyMessage({ level: 'none', flags: [], contacts: contactsFor({ home: 'KE', destinations: [] }, undefined, undefined, TODAY), lang: 'en', t: en, today: TODAY });
    expect(text).toContain(englishMessages.familyNone);
    expect(text).not.toContain(englishMessages.familySigns);
    expect(text).toContain('https://neaims.go.ke/EmploymentAgencyList.aspx');
  });

  it('is written in the chosen language', async () => {
    const hi = translator(await loadMessages('hi'));
    const text = buildFamilyMessage({ level: 'high', flags, contacts: contactsFor({ home: 'IN', destinations: ['KH'] }, undefined, undefined, TODAY), lang: 'hi', t: hi, ruleTable: ruleTranslations.hi, today: TODAY });
    expect(text).toContain(hi('familyGreeting'));
    expect(text).toContain(categoryTexts('R1', 'hi')!.title);
    expect(text).toMatch(/कंबोडिया में हमारा दूतावास: \+855 92881676/);
  });
});
