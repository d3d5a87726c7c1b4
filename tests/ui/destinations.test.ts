// Owns recognising the destination a text names, in several languages, without false hits inside words.
import { describe, expect, it } from 'vitest';
import { destinationsIn } from '../../rules/contacts';

describe('destinationsIn', () => {
  it.each([
    ['Data entry job in Cambodia, free ticket', ['KH']],
    ['Office near KK Park, Myawaddy', ['MM']],
    ['Work in the Golden Triangle SEZ, Bokeo', ['LA']],
    ['Fly to Bangkok first, then to Mae Sot', ['TH']],
    ['कंबोडिया में डाटा एंट्री की नौकरी', ['KH']],
    ['पहले दुबई में ट्रेनिंग, फिर म्यांमार बॉर्डर', ['MM']],
    ['Trabaho sa Cambodia at Thailand', ['KH', 'TH']],
    ['Việc làm tại Campuchia, lương cao', ['KH']],
    ['Kerja di Kamboja, gaji besar', ['KH']],
    ['柬埔寨西港高薪招聘', ['KH']],
    ['缅北妙瓦底', ['MM']],
    ['캄보디아 고수익 알바', ['KH']],
    ['カンボジアで高収入', ['KH']],
    ['کمبوڈیا میں نوکری', ['KH']],
  ])('%s', (text, expected) => {
    expect(destinationsIn([text])).toEqual(expected);
  });

  it('keeps first-seen order and names each country once', () => {
    expect(destinationsIn(['Bangkok then Myanmar', 'Thailand again, then Laos'])).toEqual(['TH', 'MM', 'LA']);
  });

  it('does not match inside other words', () => {
    expect(destinationsIn(['Thai food, Laotian art, Burmese cat, タイピングの仕事, typing'])).toEqual([]);
  });
});

describe('hub towns written in Hindi', () => {
  it('finds Myawaddy and Bangkok', () => {
    expect(destinationsIn(['बैंकॉक से कंपनी की गाड़ी म्यावाडी ले जाएगी'])).toEqual(['TH', 'MM']);
  });
});
