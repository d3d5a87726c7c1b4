// Owns recognising which scam-compound destination (Cambodia, Myanmar, Laos, Thailand) a text names, in the
// languages LureWatch speaks, so the popup and the checker can show the embassy and police for that country.
// Pure: no DOM, no extension API.

/** The destinations LureWatch has contacts for, in the order they are shown when a text names none. */
export const DESTINATIONS = ['KH', 'MM', 'LA', 'TH'] as const;
export type Destination = (typeof DESTINATIONS)[number];

// Country and hub-town names as they appear in lures. Latin names are matched as whole words
// (so "thai" never matches inside "thailand"); other scripts as substrings. Short or ambiguous
// forms are left out on purpose: Japanese "タイ" also starts "タイピング" (typing), Thai "ลาว" is part of other words.
const NAMES: Record<Destination, { latin: string[]; other: string[] }> = {
  KH: {
    latin: ['cambodia', 'cambodge', 'kampuchea', 'kamboja', 'kambodya', 'kambodia', 'campuchia', 'camboya', 'kambodscha', 'phnom penh', 'sihanoukville', 'sihanouk', 'poipet', 'bavet', 'bokor', 'o smach', 'kampot', 'koh kong'],
    other: ['सिहानोकविले', 'सिहानूकविल', 'पोइपेत', 'पोईपेट', 'कंबोडिया', 'कम्बोडिया', 'കംബോഡിയ', 'கம்போடியா', 'కంబోడియా', 'কম্বোডিয়া', 'কাম্বোডিয়া', 'කාම්බෝජ', 'کمبوڈیا', 'کمبودیا', 'ካምቦዲያ', 'ကမ္ဘောဒီးယား', 'กัมพูชา', '柬埔寨', '西港', '金边', '金邊', '波贝', '波貝', '캄보디아', '프놈펜', 'カンボジア', 'プノンペン', 'シアヌークビル'],
  },
  MM: {
    latin: ['myanmar', 'burma', 'myawaddy', 'myawadi', 'shwe kokko', 'shwekokko', 'kk park', 'tachileik', 'laukkaing', 'hpa lu', 'mandalay', 'yangon', 'miến điện', 'mien dien', 'myanma'],
    other: ['म्यावाडी', 'म्यावड्डी', 'म्यावडी', 'श्वे कोक्को', 'केके पार्क', 'म्यांमार', 'म्यानमार', 'म्यान्मार', 'मयांमार', 'बर्मा', 'മ്യാൻമർ', 'மியான்மர்', 'மியன்மார்', 'మయన్మార్', 'মিয়ানমার', 'মায়ানমার', 'বার্মা', 'මියන්මාර', 'میانمار', 'برما', 'ምያንማር', 'မြန်မာ', 'พม่า', 'เมียนมา', '缅甸', '緬甸', '缅北', '緬北', '妙瓦底', '妙瓦地', '果敢', '미얀마', 'ミャンマー', 'ミャワディ'],
  },
  LA: {
    latin: ['laos', 'lao pdr', 'golden triangle', 'bokeo', 'vientiane', 'luang prabang', 'lào'],
    other: ['गोल्डन ट्रायंगल', 'लाओस', 'ലാവോസ്', 'லாவோஸ்', 'లావోస్', 'লাওস', 'ලාඕස', 'لاؤس', 'لاوس', 'ላኦስ', 'လာအို', 'ประเทศลาว', 'สปป.ลาว', '老挝', '寮國', '老撾', '金三角', '라오스', 'ラオス', '黄金の三角地帯'],
  },
  TH: {
    latin: ['thailand', 'thailande', 'thailandia', 'tailandia', 'thái lan', 'thai lan', 'bangkok', 'mae sot', 'maesot'],
    other: ['बैंकॉक', 'बैंकाक', 'मै सोत', 'मे सोट', 'थाईलैंड', 'थाइलैंड', 'थाईलेंड', 'तायल्यान्ड', 'थाइल्याण्ड', 'തായ്‌ലൻഡ്', 'തായ്ലൻഡ്', 'தாய்லாந்து', 'థాయ్‌లాండ్', 'థాయిలాండ్', 'থাইল্যান্ড', 'තායිලන්ත', 'تھائی لینڈ', 'تھائیلینڈ', 'ታይላንድ', 'ထိုင်း', 'ประเทศไทย', 'กรุงเทพ', 'แม่สอด', '泰国', '泰國', '曼谷', '美索', '태국', '방콕', 'タイ王国', 'タイ国', 'バンコク', 'メーソート'],
  },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(): { regex: RegExp; byName: Map<string, Destination> } {
  const byName = new Map<string, Destination>();
  const latin: string[] = [];
  const other: string[] = [];
  for (const code of DESTINATIONS) {
    for (const name of NAMES[code].latin) {
      byName.set(name, code);
      latin.push(escape(name).replace(/ /g, '[\\s\\-]?'));
    }
    for (const name of NAMES[code].other) {
      byName.set(name, code);
      other.push(escape(name));
    }
  }
  const longestFirst = (a: string, b: string) => b.length - a.length;
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${latin.sort(longestFirst).join('|')})(?![\\p{L}\\p{N}])|${other.sort(longestFirst).join('|')}`, 'gu');
  return { regex, byName };
}

let compiled: ReturnType<typeof compile> | null = null;

/** Folds case and width so "CAMBODIA", "Cambodia" and full-width letters read the same. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The destinations named in the given texts, in the order they first appear (each once).
 * Pass the evidence of a finding's flags and the text itself.
 */
export function destinationsIn(texts: string[]): Destination[] {
  compiled ??= compile();
  const found: Destination[] = [];
  for (const text of texts) {
    const folded = fold(text);
    compiled.regex.lastIndex = 0;
    for (const m of folded.matchAll(compiled.regex)) {
      const key = m[0].replace(/[\s-]+/g, ' ');
      const code = compiled.byName.get(key) ?? compiled.byName.get(key.replace(/ /g, '')) ?? lookupLoose(key);
      if (code && !found.includes(code)) found.push(code);
    }
  }
  return found;
}

// "kk-park", "phnompenh": separators were optional in the pattern, so match names without them.
function lookupLoose(key: string): Destination | undefined {
  const bare = key.replace(/[\s-]/g, '');
  for (const [name, code] of compiled!.byName) if (name.replace(/[\s-]/g, '') === bare) return code;
  return undefined;
}
