// Owns the tests of text normalisation: every fold, and that offsets lead back to the exact original words.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkSync } from 'recheck';
import { SPACED_LETTERS, builtRegexes, foldPatternSource, normalise, spacedRuns, toOriginalSpan } from '../../rules/engine/normalise';
import { devCorpusPath, readCorpus, recordText } from '../../tools/lib/corpus';
import { EVASIONS, evade } from '../../tools/lib/evasions';

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
    expect(folded('Acc0mm0d4710n via Wh4754pp')).toBe('accommodation via whatsapp');
    expect(folded('1200 USD, call 0300')).toBe('1200 usd, call 0300');
    expect(folded('hr@gmail.com')).toBe('hr@gmail.com');
    expect(folded('jobs000@gmail.com')).toBe('jobs000@gmail.com');
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

  it('joins whole letter clusters in Indic, Burmese and Khmer scripts', () => {
    expect(folded('था इ ल्या ण्ड मा काम')).toBe('थाइल्याण्डमा काम');
    expect(folded('ক ম্বো ডি য়া তে')).toBe('কম্বোডিয়াতে');
    expect(folded('ടൂ റി സ്റ്റ് വിസ')).toBe('ടൂറിസ്റ്റ് വിസ');
    expect(folded('താ.യ്‌.ല.ൻ.ഡി.ൽ ജോലി')).toBe('തായ്ലൻഡിൽ ജോലി');
    expect(folded('မြ ဝ တီ')).toBe('မြဝတီ');
    expect(folded('ភ្នំ ពេ ញ')).toBe('ភ្នំពេញ');
  });

  it('joins spaced-out Thai glued to the words around it', () => {
    expect(folded('รับส มั ค รด่วน')).toBe('รับสมัครด่วน');
    expect(folded('ตั๋วเ ค รื่ อ งบินฟรี')).toBe('ตั๋วเครื่องบินฟรี');
    expect(folded('ทำงานที่เ มี ยวดี')).toBe(folded('ทำงานที่เมียวดี'));
  });

  it('drops emoji inside words: Chinese and Japanese, digits, lone letters', () => {
    expect(folded('タ🔥イでの仕事')).toBe('タイでの仕事');
    expect(folded('月9🔥0万円')).toBe('月90万円');
    expect(folded('包🔥吃🔥包🔥住')).toBe('包吃包住');
    expect(folded('L🔥I🔥N🔥Eで連絡')).toBe('lineで連絡');
    expect(folded('D🔥M me')).toBe('dm me');
    expect(folded('숙🔥소 제공')).toBe('숙소 제공');
    expect(folded('visa✈️ticket')).toBe('visa✈ticket'); // between two whole words: decoration
    expect(folded('高薪招聘📢 西港')).toBe('高薪招聘📢 西港');
  });

  it('leaves ordinary short words alone', () => {
    expect(folded('I am a nurse in a city hospital')).toBe('i am a nurse in a city hospital');
    expect(folded('e.g. apply by 5 p.m.')).toBe('e.g. apply by 5 p.m.');
    expect(folded("Hi, i'm a recruiter")).toBe("hi, i'm a recruiter");
    expect(folded('enlistment as a U.S. marine')).toBe('enlistment as a u.s. marine');
    // Hindi and Thai short words are often one consonant with its vowel signs.
    expect(folded('सीट किसी और को दे दी जाएगी')).toBe('सीट किसी और को दे दी जाएगी');
    expect(folded('ค่ะ ก็ ได้')).toBe('ค่ะ ก็ ได้');
    expect(folded('ต่าง ๆ นานา')).toBe('ต่าง ๆ นานา');
    // Thai abbreviations and mixed separators are word breaks, not a spaced-out word.
    expect(folded('ชาติ อ.แม่สอด จ.ตาก')).toBe('ชาติ อ.แม่สอด จ.ตาก');
    expect(folded('1,500 ดอลลาร์/ด. ที่พัก')).toBe('1,500 ดอลลาร์/ด. ที่พัก');
    expect(folded('j p z 高薪')).toBe('jpz 高薪');
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
    expect(originalOf('काम था इ ल्या ण्ड में', 'थाइल्याण्ड')).toBe('था इ ल्या ण्ड');
    expect(originalOf('รับส มั ค รด่วน', 'สมัคร')).toBe('ส มั ค ร');
    expect(originalOf('【海🔥外】タ🔥イで', 'タイ')).toBe('タ🔥イ');
    expect(originalOf('月1🔥5🔥0万円', '150万')).toBe('1🔥5🔥0万');
    expect(originalOf('Apply via D🔥M now', 'dm')).toBe('D🔥M');
  });

  it('stays linear on adversarial input', () => {
    const inputs = [
      'ๆา' + '္າ'.repeat(20000) + '๏',
      'າ๏ๆ' + '๐·า๏A्ໍໍ္्̅๏'.repeat(10000) + 'ๆ' + 'ๆ·า๏A्ໍ္າ'.repeat(10000) + 'ໍ', // makes the SPACED_LETTERS regex quadratic
      'ก '.repeat(20000),
      'a🔥'.repeat(20000),
      'a b '.repeat(20000),
      'क्'.repeat(20000) + ' ',
    ];
    for (const input of inputs) {
      const started = performance.now();
      normalise(input);
      expect(performance.now() - started, input.slice(0, 10)).toBeLessThan(1000);
    }
  });

  it('finds spaced-out runs exactly as the SPACED_LETTERS specification does', () => {
    const texts = readCorpus(devCorpusPath).flatMap((record) =>
      record.label === 'lure' ? [recordText(record), ...EVASIONS.map((evasion) => recordText(evade(record, evasion)))] : [recordText(record)],
    );
    // Random mixes of scripts, marks, viramas, SARA AM, separators, emoji and line breaks.
    const alphabet = ['a', 'b', 'ক', '্', 'ম', 'ি', 'ं', 'ก', 'ั', 'ํ', 'า', 'ๆ', 'เ', '缅', 'タ', '한', ' ', ' ', '.', '🔥', '\n', '1', ',', 'ສ', 'ໍ', 'າ', '္', 'မ', '𝐓', 'ǅ'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let k = 0; k < 20000; k++) texts.push(Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    const differing = texts.filter((text) => {
      const viaRegex = [...text.matchAll(SPACED_LETTERS)].map((m) => [m.index!, m.index! + m[0].length]);
      return JSON.stringify(viaRegex) !== JSON.stringify(spacedRuns(text));
    });
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('builds ReDoS-safe regexes (recheck)', () => {
    for (const [name, regex] of Object.entries(builtRegexes)) {
      const result = checkSync(regex.source, regex.flags.replace('g', ''), { timeout: 30_000 });
      expect(result.status, name).not.toBe('vulnerable');
    }
  }, 120_000);

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
