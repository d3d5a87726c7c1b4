// Owns `npm run scan`: the command-line scanner (no browser needed), per the contract in DESIGN.md.
//   npm run scan -- FILE.txt            human-readable report for one text (or text on stdin)
//   npm run scan -- --jsonl FILE.jsonl  one JSON result line per input line (stdin if no file)
//   npm run scan -- --html FILE.html    segments a saved page as the content script would, reports each segment
//   --out FILE                          write the output to FILE instead of stdout
// Tip: `npm run -s scan -- ...` keeps npm's own "> lurewatch scan" banner out of the output.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { detectText, detectThread, builtInCategories, builtInRules, type DetailedFinding, type ThreadMessage } from '../rules';

const USAGE = 'usage: npm run scan -- [FILE.txt] | --jsonl [FILE.jsonl] | --html FILE.html   [--out FILE]';

class UsageError extends Error {}

function readInput(file: string | undefined): string {
  if (file === undefined || file === '-') return readFileSync(0, 'utf8');
  if (!existsSync(file)) throw new UsageError(`scan: no such file: ${file}`);
  return readFileSync(file, 'utf8');
}

/** The JSONL contract: {id, level, score, flags:[{rule, category, evidence}]} — nothing else. */
function resultLine(id: unknown, finding: DetailedFinding): string {
  return JSON.stringify({ id, level: finding.level, score: finding.score, flags: finding.flags });
}

function isMessages(value: unknown): value is ThreadMessage[] {
  return Array.isArray(value) && value.every((m) => m && typeof m === 'object' && typeof (m as ThreadMessage).text === 'string');
}

/** Judges one JSONL line; a bad line becomes an error record and the run goes on. */
export function scanJsonlLine(line: string, lineNumber: number): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({ id: null, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` });
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return JSON.stringify({ id: null, error: `line ${lineNumber}: expected a JSON object with "text" or "messages"` });
  }
  const { id = null, text, messages } = record as { id?: unknown; text?: unknown; messages?: unknown };
  if (typeof text === 'string') return resultLine(id, detectText(text));
  if (isMessages(messages)) return resultLine(id, detectThread(messages));
  const why = messages !== undefined ? '"messages" must be a list of {"from", "text"} objects with string "text"' : 'needs a string "text" or a "messages" list';
  return JSON.stringify({ id, error: `line ${lineNumber}: ${why}` });
}

function scanJsonl(input: string): string {
  const out: string[] = [];
  input.split(/\r?\n/).forEach((line, i) => {
    if (line.trim()) out.push(scanJsonlLine(line, i + 1));
  });
  return out.join('\n') + (out.length ? '\n' : '');
}

const LEVEL_WORDS: Record<string, string> = {
  none: 'no warning signs found',
  low: 'low — a warning sign or two, not the combination of a lure',
  medium: 'MEDIUM — several warning signs of a trafficking job lure: verify before you go',
  high: 'HIGH — the combination of warning signs seen in trafficking job lures: do not travel before you verify',
};

/** A human-readable report of one finding: level, why, and each red flag with its words. */
export function humanReport(finding: DetailedFinding, heading = ''): string {
  const categories = new Map(builtInCategories.map((c) => [c.id, c]));
  const rules = new Map(builtInRules().rules.map((r) => [r.rule.id, r.rule]));
  const lines: string[] = [];
  if (heading) lines.push(heading);
  lines.push(`Level: ${LEVEL_WORDS[finding.level]} (score ${finding.score})`);
  for (const reason of finding.reasons) lines.push(`  why: ${reason}`);
  const byCategory = new Map<string, typeof finding.flags>();
  for (const flag of finding.flags) byCategory.set(flag.category, [...(byCategory.get(flag.category) ?? []), flag]);
  for (const [categoryId, flags] of byCategory) {
    const category = categories.get(categoryId);
    const kind = category?.kind === 'counter' ? 'counter-signal' : category?.kind === 'context' ? 'context' : 'red flag';
    lines.push('');
    lines.push(`[${categoryId}] ${category?.title.en ?? categoryId}  (${kind})`);
    for (const flag of flags) {
      const rule = rules.get(flag.rule);
      const quotes = flag.evidence.map((e) => `"${e.text.replace(/\s+/g, ' ')}"${e.message !== undefined ? ` (message ${e.message + 1})` : ''}`).join(', ');
      lines.push(`  - ${rule?.title.en ?? flag.rule} [${flag.rule}, weight ${rule?.weight ?? '?'}]: ${quotes}`);
    }
    if (category && category.kind === 'lure') lines.push(`    What to check: ${category.whatToCheck.en}`);
  }
  return lines.join('\n') + '\n';
}

async function scanHtml(file: string): Promise<string> {
  const html = readInput(file);
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'file://' + file });
  window.document.write(html);
  const { segmentDocument } = await import('../entrypoints/scan.content/segment');
  const segments = segmentDocument(window.document as unknown as Document, window.location.href);
  const parts: string[] = [`${file}: ${segments.length} segment(s)\n`];
  segments.forEach((segment, i) => {
    const finding = segment.messages ? detectThread(segment.messages) : detectText(segment.text ?? segment.element.textContent ?? '');
    const sample = (segment.text ?? segment.messages?.map((m) => m.text).join(' / ') ?? '').replace(/\s+/g, ' ').slice(0, 100);
    parts.push(humanReport(finding, `--- segment ${i + 1} (${segment.kind}, ${segment.source}): "${sample}${sample.length >= 100 ? '…' : ''}"`));
  });
  await window.happyDOM.close();
  return parts.join('\n');
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outFile) throw new UsageError('scan: --out needs a file name');
  const rest = outIndex >= 0 ? args.filter((_, i) => i !== outIndex && i !== outIndex + 1) : args;
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--jsonl' && a !== '--html');
  if (unknown.length) throw new UsageError(`scan: unknown option ${unknown[0]}\n${USAGE}`);
  const files = rest.filter((a) => !a.startsWith('--'));
  if (files.length > 1) throw new UsageError(`scan: one input file at a time\n${USAGE}`);
  let output: string;
  if (rest.includes('--html')) {
    if (!files[0]) throw new UsageError('scan: --html needs a file');
    output = await scanHtml(files[0]);
  } else if (rest.includes('--jsonl')) output = scanJsonl(readInput(files[0]));
  else output = humanReport(detectText(readInput(files[0])));
  if (outFile) writeFileSync(outFile, output);
  else process.stdout.write(output);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof UsageError ? error.message : `scan: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
