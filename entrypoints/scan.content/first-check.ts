// Owns the cheap first check: does a page (or newly added text) hold anything job-like at all? Pages that
// do not are never segmented or judged, so they cost one native textContent read and one regex test.

// Words without which a text cannot be a job offer or a recruiter's message, in the languages LureWatch
// speaks. Deliberately broad (a false "yes" only costs a scan); tests/page/first-check.test.ts checks that
// every lure in shared/corpus passes. Matched on lower-cased text, so write them in lower case.
const HINTS = [
  // English and romanised (Hinglish, Taglish, Malay, Indonesian, Swahili)
  'job', 'hiring', 'hire', 'vacanc', 'recruit', 'salar', 'career', 'employ', 'interview', 'visa', 'telegram', 'whatsapp',
  'wechat', 'line id', 'offer letter', 'typing', 'data entry', 'customer s', 'wanted', 'opening', 'naukri', 'kaam',
  'passport', 'refer', 'encoder', 'tele', 'agent', 'call cent', 'working',
  // Destinations of scam-compound lures (a recruiter may name the place before any job word)
  'cambodia', 'myanmar', 'thailand', 'laos', 'dubai', 'bangkok', 'myawaddy', 'sihanouk', 'poipet', 'mae sot', 'golden triangle',
  'trabaho', 'sahod', 'sweldo', 'lowongan', 'loker', 'gaji', 'kerja', 'kazi', 'mshahara', 'ajira',
  // Vietnamese
  'việc làm', 'viec lam', 'tuyển', 'tuyen dung', 'lương', 'luong',
  // Hindi, Nepali, Bengali, Tamil, Telugu, Malayalam, Sinhala, Urdu
  'नौकरी', 'वेतन', 'भर्ती', 'सैलरी', 'जॉब', 'जागिर', 'तलब', 'रोजगार', 'काम', 'চাকরি', 'বেতন', 'কাজ', 'வேலை', 'சம்பள',
  'ఉద్యోగ', 'జీతం', 'ఉద్యోగం', 'ജോലി', 'ശമ്പള', 'රැකියා', 'වැටුප', 'රස්සා', 'نوکری', 'تنخواہ', 'ملازمت', 'کام',
  // Amharic, Burmese, Thai
  'ሥራ', 'ስራ', 'ደመወዝ', 'အလုပ်', 'လစာ', 'งาน', 'เงินเดือน', 'รับสมัคร',
  // Chinese, Japanese, Korean
  '工作', '招聘', '薪', '工资', '工資', '做事', '机会', '機會', '柬埔寨', '缅甸', '緬甸', '泰国', '泰國', '老挝',
  '求人', '仕事', '給料', '月給', '募集', 'バイト', '高収入', '報酬', '案件', '渡航', 'カンボジア', 'タイ', 'ミャンマー',
  '일자리', '채용', '월급', '구인', '알바', '취업', '모집', '급여', '일하', '구해', '상담', '지사', '캄보디아', '태국', '방콕', '미얀마',
  // The self-test phrase
  'lurewatch-test',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let hintRegex: RegExp | null = null;

/** Whether a text holds any job-like word (case-insensitive). */
export function looksJobLike(text: string): boolean {
  hintRegex ??= new RegExp(HINTS.map(escape).join('|'));
  return hintRegex.test(text.toLowerCase());
}

// Beyond this, only the start and the end of a page's text are checked: a page whose first and last
// 200,000 characters hold no job word is not a job page (the observer still checks text added later).
const MAX_CHECKED = 400_000;

// The gate reads only this much text from the start and from the end of the page: reading the whole text of
// a large page costs milliseconds (textContent of a 1.1 MB page: 2-3 ms in Chromium, measured here).
const SAMPLE_HEAD = 24_000;
const SAMPLE_TAIL = 8_000;
const SAMPLE_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** The gate's first check: the title and a bounded sample of the page's text (start and end) hold a job word. */
export function sampleLooksJobLike(doc: Document): boolean {
  if (looksJobLike(doc.title ?? '')) return true;
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  const accept = (node: Node) => (SAMPLE_SKIP.has((node as Text).parentElement?.tagName ?? '') ? 2 : 1); // FILTER_REJECT : FILTER_ACCEPT
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */, { acceptNode: accept });
  let head = '';
  for (let node = walker.nextNode(); node && head.length < SAMPLE_HEAD; node = walker.nextNode()) head += (node as Text).data + ' ';
  if (looksJobLike(head)) return true;
  if (head.length < SAMPLE_HEAD) return text0(body) ? documentLooksJobLike(doc) : false;
  let tail = '';
  walker.currentNode = body;
  let last: Node | null = body;
  while (last && last.lastChild) last = last.lastChild;
  walker.currentNode = last ?? body;
  for (let node: Node | null = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.previousNode(); node && tail.length < SAMPLE_TAIL; node = walker.previousNode()) tail = (node as Text).data + ' ' + tail;
  return looksJobLike(tail);
}

// A page whose light DOM is nearly empty may render into shadow roots: the full check looks there.
function text0(body: Element): boolean {
  return (body.textContent ?? '').trim().length < 500;
}

/** The first check for a whole document: its light-DOM text, and shallow shadow roots when the text is tiny. */
export function documentLooksJobLike(doc: Document): boolean {
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  let text = body.textContent ?? '';
  if (text.length > MAX_CHECKED) text = text.slice(0, MAX_CHECKED / 2) + '\n' + text.slice(-MAX_CHECKED / 2);
  if (looksJobLike(text) || looksJobLike(doc.title ?? '')) return true;
  // Apps that render everything into shadow roots leave the light DOM nearly empty: look one level in.
  if (text.trim().length < 500) {
    let seen = 0;
    const walk = (el: Element, depth: number): boolean => {
      for (let c = el.firstElementChild; c && seen < 300; c = c.nextElementSibling) {
        seen++;
        const shadow = c.shadowRoot;
        if (shadow && looksJobLike(shadow.textContent ?? '')) return true;
        if (depth < 4 && walk(c, depth + 1)) return true;
      }
      return false;
    };
    return walk(body, 0);
  }
  return false;
}
