// Owns the tests of the command-line scanner's contract (DESIGN.md): text report, --jsonl records and
// per-line errors, --out, and a one-line error with a non-zero exit for a missing file.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../tools/lib/corpus';

const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const scan = (args: string[], input?: string) =>
  spawnSync(tsx, ['tools/scan.ts', ...args], { cwd: repoRoot, input, encoding: 'utf8', timeout: 60_000 });

const LURE = 'Data entry job in Cambodia, salary 1200 USD per month, free air ticket and hotel, come on a tourist visa. Contact HR on Telegram only.';

describe('npm run scan', () => {
  it('reports a text from stdin in words, with the flags and their quoted words', () => {
    const result = scan([], LURE);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Level: (MEDIUM|HIGH)/);
    expect(result.stdout).toContain('"tourist visa"');
    expect(result.stdout).toContain('[R1]');
  });

  it('writes one JSON line per input line, with an error record for bad lines, and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurewatch-scan-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a', text: LURE, extra: 'ignored' }),
        '{not json',
        JSON.stringify({ id: 7, messages: [{ from: 'recruiter', text: 'Job in Laos, free ticket' }, { from: 'seeker', text: 'ok' }] }),
        JSON.stringify({ id: 'b' }),
        JSON.stringify({ id: 'c', messages: 'nope' }),
        '',
        JSON.stringify({ id: 'd', text: 'Lunch at noon?' }),
      ].join('\n'),
    );
    const result = scan(['--jsonl', input]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(Object.keys(lines[0])).toEqual(['id', 'level', 'score', 'flags']);
    expect(lines[0]).toMatchObject({ id: 'a' });
    expect(['medium', 'high']).toContain(lines[0].level);
    const evidence = lines[0].flags.flatMap((f: { evidence: Array<{ start: number; end: number; text: string }> }) => f.evidence);
    for (const e of evidence) expect(LURE.slice(e.start, e.end)).toBe(e.text);
    expect(lines[1]).toEqual({ id: null, error: expect.stringContaining('line 2: not valid JSON') });
    expect(lines[2].id).toBe(7);
    expect(lines[2].flags.flatMap((f: { evidence: Array<{ message: number }> }) => f.evidence).every((e: { message: number }) => typeof e.message === 'number')).toBe(true);
    expect(lines[3]).toEqual({ id: 'b', error: expect.stringContaining('line 4') });
    expect(lines[4]).toEqual({ id: 'c', error: expect.stringContaining('"messages" must be a list') });
    expect(lines[5]).toEqual({ id: 'd', level: 'none', score: 0, flags: [] });
  });

  it('writes to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurewatch-scan-'));
    const out = join(dir, 'out.jsonl');
    const result = scan(['--jsonl', '--out', out], JSON.stringify({ id: 1, text: 'hello' }) + '\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ id: 1, level: 'none', score: 0, flags: [] });
  });

  it('gives a one-line error and a non-zero exit for a missing file', () => {
    const result = scan(['/no/such/file.txt']);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toBe('scan: no such file: /no/such/file.txt');
    expect(result.stdout).toBe('');
  });

  it('rejects unknown options with the usage line', () => {
    const result = scan(['--frobnicate']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/unknown option --frobnicate/);
  });
});
