// Owns the tests of text normalisation: every fold, and that offsets lead back to the exact original words.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldPatternSource, normalise, toOriginalSpan } from '../../rules/engine/normalise';

const folded = (s: string) => normalise(s).text;

/** The original text behind the first occurrence of `needle` in the folded text. */
function originalOf(s: string, needle: string): string {
  const n = normalise(s);
  const at = n.text.indexOf(needle);
  expect(at, `"${needle}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const span = toOriginalSpan(n, at, at + needle.length);
  return s.slice(span.start, span.end);
}

describe('normalise', () => {
  it('lower-cases plain text without building an offset map', () => {
    const n = normalise('Data Entry in CAMBODIA');
    expect(n.text).toBe('data entry in cambodia');
    expect(n.pieces).toBeNull();
    expect(n.kept).toBeNull();
  });

  it('folds full-width, mathematical and look-alike letters', () => {
    expect(folded('ｔｅｌｅｇｒａｍ')).toBe('telegram');
    expect(folded('𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦')).toBe('telegram');
    expect(folded('Сambodia')).toBe('cambodia'); // Cyrillic С
    expect(folded('Μyanmar')).toBe('myanmar'); // Greek Μ
  });

  it('removes Latin accents, so Vietnamese matches with and without diacritics', () => {
    expect(folded('Việc nhẹ lương cao')).toBe('viec nhe luong cao');
    expect(folded('Đà Nẵng')).toBe('da nang');
    expect(folded('Vie\u0302\u0323c')).toBe('viec'); // decomposed input
  });

  it('turns native digits into ASCII digits', () => {
    expect(folded('वेतन ८०,००० रुपये')).toBe('वेतन 80,000 रुपये');
    expect(folded('৳৫০০০০')).toBe('৳50000');
    expect(folded('เงินเดือน ๓๕,๐๐๐')).toBe('เงินเดือน 35,000');
    expect(folded('تنخواہ ۱۲۰۰ ڈالر')).toBe('تنخواہ 1200 ڈالر');
  });

  it('removes zero-width and bidi controls', () => {
    expect(folded('Tele\u200bgram')).toBe('telegram');
    expect(folded('\u202eCambodia\u202c')).toBe('cambodia');
    expect(folded('ക്\u200dക')).toBe('ക്ക');
  });

  it('undoes leetspeak inside words but keeps numbers and e-mail addresses', () => {
    expect(folded('C@MB0DIA')).toBe('cambodia');
    expect(folded('C4mbodia and T3l3gr@m')).toBe('cambodia and telegram');
    expect(folded('1200 USD, call 0300')).toBe('1200 usd, call 0300');
    expect(folded('hr@gmail.com')).toBe('hr@gmail.com');
  });

  it('joins letters spaced out by blanks, dots, dashes or emoji', () => {
    expect(folded('Contact on T e l e g r a m now')).toBe('contact on telegram now');
    expect(folded('M.y.a.n.m.a.r')).toBe('myanmar');
    expect(folded('T-E-L-E-G-R-A-M')).toBe('telegram');
    expect(folded('T🔥e🔥l🔥e🔥g🔥r🔥a🔥m')).toBe('telegram');
    expect(folded('カ ン ボ ジ ア')).toBe('カンボジア');
    expect(folded('缅 北 高薪')).toBe('缅北高薪');
    expect(folded('緬。甸')).toBe('緬甸');
  });

  it('leaves ordinary short words alone', () => {
    expect(folded('I am a nurse in a city hospital')).toBe('i am a nurse in a city hospital');
    expect(folded('e.g. apply by 5 p.m.')).toBe('e.g. apply by 5 p.m.');
  });

  it('maps evidence back to the exact original characters', () => {
    expect(originalOf('Job in C@MB0DIA!', 'cambodia')).toBe('C@MB0DIA');
    expect(originalOf('Contact “HR” on T e l e g r a m', 'telegram')).toBe('T e l e g r a m');
    expect(originalOf('Ｊｏｂ in ｔｈａｉｌａｎｄ', 'thailand')).toBe('ｔｈａｉｌａｎｄ');
    expect(originalOf('Tele\u200bgram handle', 'telegram')).toBe('Tele\u200bgram');
    expect(originalOf('Lương cao ở Campuchia', 'luong cao')).toBe('Lương cao');
    expect(originalOf('𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦 now', 'telegram')).toBe('𝐓𝐞𝐥𝐞𝐠𝐫𝐚𝐦');
    expect(originalOf('Go to M.y.a.n.m.a.r via Bangkok', 'via bangkok')).toBe('via Bangkok');
    expect(originalOf('İstanbul then Cambodia', 'cambodia')).toBe('Cambodia');
  });

  it('folds pattern sources the same way, leaving regex syntax alone', () => {
    expect(foldPatternSource('lương (?:cao|tốt)\\s')).toBe('luong (?:cao|tot)\\s');
    expect(foldPatternSource('कंबोडिया|१२००')).toBe('कंबोडिया|1200');
  });
});

describe('spaced-out words next to ordinary ones', () => {
  it('keeps a different separator as a word break', () => {
    expect(normalise('in T h a i l a n d. S a l a r y high').text).toBe('in thailand. salary high');
    expect(normalise('a t.y.p.i.n.g test').text).toBe('a typing test');
  });
});
