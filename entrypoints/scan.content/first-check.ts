// Owns the cheap first check: does a page (or newly added text) hold anything job-like at all? Pages that
// do not are never segmented or judged: the gate reads a bounded sample of their text and runs one regex.

// Words without which a text cannot be a job offer or a recruiter's message, in the languages LureWatch
// speaks. Deliberately broad (a false "yes" only costs a scan); tests/page/first-check.test.ts checks that
// every lure in shared/corpus passes. Matched on lower-cased text, so write them in lower case. One string,
// not an array of 200 literals: the gate's script is parsed on every page, and one token parses faster than
// two hundred (the build joins the pieces).
const HINTS =
  // English and romanised (Hinglish, Taglish, Malay, Indonesian, Swahili)
  'job|hiring|hire|vacanc|recruit|salar|career|employ|interview|visa|telegram|whatsapp' +
  '|wechat|line id|offer letter|typing|data entry|customer s|wanted|opening|naukri|kaam' +
  '|passport|refer|encoder|tele|agent|call cent|working' +
  // Destinations of scam-compound lures (a recruiter may name the place before any job word)
  '|cambodia|myanmar|thailand|laos|dubai|bangkok|myawaddy|sihanouk|poipet|mae sot|golden triangle' +
  '|trabaho|sahod|sweldo|lowongan|loker|gaji|kerja|kazi|mshahara|ajira' +
  // Vietnamese
  '|việc làm|viec lam|tuyển|tuyen dung|lương|luong' +
  // Hindi, Nepali, Bengali, Tamil, Telugu, Malayalam, Sinhala, Urdu
  '|नौकरी|वेतन|भर्ती|सैलरी|जॉब|जागिर|तलब|रोजगार|काम|চাকরি|বেতন|কাজ|வேலை|சம்பள' +
  '|ఉద్యోగ|జీతం|ఉద్యోగం|ജോലി|ശമ്പള|රැකියා|වැටුප|රස්සා|نوکری|تنخواہ|ملازمت|کام' +
  // Amharic, Burmese, Thai
  '|ሥራ|ስራ|ደመወዝ|အလုပ်|လစာ|งาน|เงินเดือน|รับสมัคร' +
  // Chinese, Japanese, Korean
  '|工作|招聘|薪|工资|工資|做事|机会|機會|柬埔寨|缅甸|緬甸|泰国|泰國|老挝' +
  '|求人|仕事|給料|月給|募集|バイト|高収入|報酬|案件|渡航|カンボジア|タイ|ミャンマー' +
  '|일자리|채용|월급|구인|알바|취업|모집|급여|일하|구해|상담|지사|캄보디아|태국|방콕|미얀마' +
  // The self-test phrase
  '|lurewatch-test';

/** The hint words (for tests: none holds a regex metacharacter, so the string is the pattern as it is). */
export function jobHints(): string[] {
  return HINTS.split('|');
}
let hintRegex: RegExp | null = null;

/** Whether a text holds any job-like word (case-insensitive). */
export function looksJobLike(text: string): boolean {
  hintRegex ??= new RegExp(HINTS);
  return hintRegex.test(text.toLowerCase());
}

// Beyond this, only the start and the end of a page's text are checked: a page whose first and last
// 200,000 characters hold no job word is not a job page (the observer still checks text added later).
const MAX_CHECKED = 400_000;

// The gate reads only this much text from the start and from the end of the page: reading the whole text of
// a large page costs milliseconds (textContent of a 1.1 MB page: 2-3 ms in Chromium, measured here), these
// 32,000 characters about 0.1 ms, and the hint regex over them about 0.2 ms (Node 20, cold).
const SAMPLE_HEAD = 24_000;
const SAMPLE_TAIL = 8_000;
// Text that is not page text: a script's source or a style sheet would only use up the sample.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/**
 * Up to about `max` characters of the text under `root`: its text nodes in document order (or backwards from
 * the end with `fromEnd`), scripts and style sheets skipped. Stops as soon as it has enough, so its cost does
 * not grow with the page.
 */
export function textSample(root: Node, max: number, fromEnd = false): string {
  if (root.nodeType === 3 /* TEXT_NODE */) {
    const data = (root as Text).data;
    return fromEnd ? data.slice(-max) : data.slice(0, max);
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  let node: Node | null;
  if (fromEnd) {
    let last: Node = root;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    node = last.nodeType === 3 ? last : walker.previousNode();
  } else node = walker.nextNode();
  for (; node && length < max; node = fromEnd ? walker.previousNode() : walker.nextNode()) {
    if (SKIP.has(node.parentNode?.nodeName ?? '')) continue;
    const data = (node as Text).data;
    parts.push(data);
    length += data.length + 1;
  }
  if (fromEnd) parts.reverse();
  return parts.join(' ');
}

/** The gate's first check: the title and a bounded sample of the page's text (start and end) hold a job word. */
export function sampleLooksJobLike(doc: Document): boolean {
  if (looksJobLike(doc.title ?? '')) return true;
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  const head = textSample(body, SAMPLE_HEAD);
  if (looksJobLike(head)) return true;
  // The head holds the whole light-DOM text: a nearly empty page may render into shadow roots.
  if (head.length < SAMPLE_HEAD) return head.trim().length < 500 && shadowLooksJobLike(body);
  return looksJobLike(textSample(body, SAMPLE_TAIL, true));
}

// Apps that render everything into shadow roots leave the light DOM nearly empty: look a few levels in.
function shadowLooksJobLike(body: Element, limit = SAMPLE_HEAD): boolean {
  let seen = 0;
  const walk = (el: Element, depth: number): boolean => {
    for (let c = el.firstElementChild; c && seen < 300; c = c.nextElementSibling) {
      seen++;
      const shadow = c.shadowRoot;
      if (shadow && looksJobLike(textSample(shadow, limit))) return true;
      if (depth < 4 && walk(c, depth + 1)) return true;
    }
    return false;
  };
  return walk(body, 0);
}

/** The first check for a whole document: its light-DOM text, and shallow shadow roots when the text is tiny. */
export function documentLooksJobLike(doc: Document): boolean {
  const body = doc.body ?? doc.documentElement;
  if (!body) return false;
  let text = body.textContent ?? '';
  if (text.length > MAX_CHECKED) text = text.slice(0, MAX_CHECKED / 2) + '\n' + text.slice(-MAX_CHECKED / 2);
  if (looksJobLike(text) || looksJobLike(doc.title ?? '')) return true;
  return text.trim().length < 500 && shadowLooksJobLike(body, MAX_CHECKED);
}
