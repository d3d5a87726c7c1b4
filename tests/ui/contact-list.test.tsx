// Owns what the contact list says for users whose country LureWatch has little or no data for (Uganda,
// Ethiopia, South Korea, Japan): whom they can call first (the destination's police and help lines), then,
// plainly and in their language, what has no confirmed contact yet — never an empty or silent section.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContactList } from '../../components/contact-list';
import { I18nProvider } from '../../components/i18n/context';
import { builtInContacts } from '../../rules/contacts';
import { cleanup, mount, waitFor } from './helpers';

const TODAY = new Date('2026-11-21T12:00:00Z');

async function contacts(home: string, destinations: string[], lang = 'en'): Promise<HTMLElement> {
  const root = await mount(
    <I18nProvider setting={lang}>
      <ContactList home={home} destinations={destinations} today={TODAY} />
    </I18nProvider>,
  );
  return waitFor(() => root.querySelector<HTMLElement>('.contacts'), 'contacts');
}

const missingLines = (root: HTMLElement) => [...root.querySelectorAll('[data-group="missing"] li')].map((li) => li.textContent);
const groups = (root: HTMLElement) => [...root.querySelectorAll('[data-group]')].map((g) => g.getAttribute('data-group'));

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('contact list without data for the home country', () => {
  for (const [home, name] of [
    ['UG', 'Uganda'],
    ['ET', 'Ethiopia'],
    ['KR', 'South Korea'],
    ['JP', 'Japan'],
  ] as const) {
    it(`${name}: the Cambodian police first, then what is missing, said plainly`, async () => {
      // The data really has nothing for these countries (rules/contacts/README.md says why).
      expect(builtInContacts.filter((c) => c.country === home)).toEqual([]);
      const root = await contacts(home, ['KH']);
      expect(groups(root)).toEqual(['police-KH', 'missing']);
      expect(root.querySelector('[data-group="police-KH"] a[href="tel:117"]')).not.toBeNull();
      const missing = root.querySelector('[data-group="missing"]')!;
      expect(missing.querySelector('#contacts-missing-title')?.textContent).toBe('LureWatch has no confirmed contact for this yet.');
      expect(missingLines(root)).toEqual(['Your embassy in Cambodia', `Help lines in ${name}`, 'Check that the recruiting agent is licensed']);
    });
  }

  it('no destination named: one line for the embassies in all four countries, the police groups come first', async () => {
    const root = await contacts('UG', []);
    expect(groups(root)).toEqual(['police-KH', 'police-MM', 'police-LA', 'police-TH', 'missing']);
    // Country names come from the browser's ICU data ("Myanmar (Burma)" in some versions).
    expect(missingLines(root)[0]).toMatch(/^Your embassy in Cambodia, Myanmar.*, Laos,? and Thailand$/);
    expect(root.querySelector('[data-group="missing"] li')?.getAttribute('data-missing')).toBe('embassy-KH embassy-MM embassy-LA embassy-TH');
  });

  it('says it in the user language (Hindi, Japanese, Korean)', async () => {
    const hi = await contacts('UG', ['KH'], 'hi');
    expect(hi.querySelector('[data-group="missing"] #contacts-missing-title')?.textContent).toMatch(/[\u0900-\u097F]/);
    expect(missingLines(hi).join(' ')).toMatch(/युगांडा/);
    await cleanup();
    const ja = await contacts('JP', ['MM'], 'ja');
    expect(ja.querySelector('[data-group="missing"] #contacts-missing-title')?.textContent).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/);
    expect(missingLines(ja).join(' ')).toMatch(/日本/);
    await cleanup();
    const ko = await contacts('KR', ['TH'], 'ko');
    expect(ko.querySelector('[data-group="missing"] #contacts-missing-title')?.textContent).toMatch(/[\uAC00-\uD7AF]/);
    expect(missingLines(ko).join(' ')).toMatch(/대한민국|한국/);
  });
});

describe('contact list with partial data', () => {
  it('India and Cambodia: every group has a contact, nothing is listed as missing', async () => {
    const root = await contacts('IN', ['KH']);
    expect(groups(root)).toEqual(['embassy-KH', 'hotline-IN', 'register-IN', 'police-KH']);
  });

  it('India and Myanmar: the embassy in Yangon is named as missing; Laos keeps its unconfirmed entry, labelled', async () => {
    const root = await contacts('IN', ['MM', 'LA']);
    expect(missingLines(root)).toEqual([expect.stringMatching(/^Your embassy in Myanmar/)]);
    const laos = root.querySelector('[data-group="embassy-LA"]')!;
    expect(laos.querySelector('.contacts-missing')?.textContent).toBe('LureWatch has no confirmed contact for this yet.');
    expect(laos.querySelector('details.unconfirmed [data-contact="in-embassy-vientiane"][data-verified="no"]')).not.toBeNull();
  });

  it('no home country: only the police, and the request to choose one', async () => {
    const root = await contacts('', ['TH']);
    expect(groups(root)).toEqual(['police-TH']);
    expect(root.textContent).toContain('Choose your home country');
  });
});
