// Owns reading labelled corpora (JSONL) and the third-party research data (CSV/TSV) for eval, bench and tests.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ThreadMessage } from '../../rules';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared folder beside the checkout (override with LUREWATCH_SHARED). */
export const sharedDir = process.env.LUREWATCH_SHARED ?? resolve(repoRoot, '../shared');
export const devCorpusPath = join(sharedDir, 'corpus/dev.jsonl');
export const researchDataDir = join(sharedDir, 'research-data');

export interface CorpusRecord {
  id: string;
  label: 'lure' | 'benign';
  kind: string;
  lang: string;
  text?: string;
  messages?: ThreadMessage[];
  expect?: string;
  flags?: string[];
  note?: string;
}

/** Reads a labelled JSONL corpus; throws naming the line when one is malformed. */
export function readCorpus(path: string): CorpusRecord[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: CorpusRecord[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let record: CorpusRecord;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (record.label !== 'lure' && record.label !== 'benign') throw new Error(`${path}:${i + 1}: "label" must be "lure" or "benign"`);
    if (typeof record.text !== 'string' && !Array.isArray(record.messages)) throw new Error(`${path}:${i + 1}: needs "text" or "messages"`);
    records.push(record);
  });
  return records;
}

/** The text of a record as one string (threads joined by newlines), for benchmarks. */
export function recordText(record: CorpusRecord): string {
  return record.text ?? record.messages!.map((m) => m.text).join('\n');
}

/** Minimal RFC 4180 CSV parser (quoted fields with embedded newlines and doubled quotes). */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"') {
        if (content[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface ResearchItem {
  source: string;
  /** 'job-ad' (EMSCAD-style postings) or 'sms' (UCI SMS collection). */
  kind: 'job-ad' | 'sms';
  /** true for the legitimate ads and ham messages: the ones that must not warn. */
  legitimate: boolean;
  text: string;
}

const JOB_AD_TEXT_COLUMNS = ['title', 'location', 'company_profile', 'description', 'requirements', 'benefits', 'text', 'job_description'];

/** Reads every CSV/TSV in the research-data folder into labelled items. */
export function readResearchData(dir = researchDataDir): ResearchItem[] {
  if (!existsSync(dir)) throw new Error(`research data not found at ${dir}`);
  const items: ResearchItem[] = [];
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    if (file.endsWith('.tsv')) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab < 0) continue;
        const label = line.slice(0, tab).trim();
        if (label !== 'ham' && label !== 'spam') continue;
        items.push({ source: file, kind: 'sms', legitimate: label === 'ham', text: line.slice(tab + 1) });
      }
    } else if (file.endsWith('.csv')) {
      const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
      const columns = header.map((h) => h.trim().toLowerCase());
      const labelColumn = columns.indexOf('fraudulent') >= 0 ? columns.indexOf('fraudulent') : columns.indexOf('label');
      const textColumns = JOB_AD_TEXT_COLUMNS.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
      if (labelColumn < 0 || textColumns.length === 0) throw new Error(`${file}: no label or text columns in ${columns.join(',')}`);
      for (const row of rows) {
        if (row.length < columns.length) continue;
        const text = textColumns.map((i) => row[i]).filter(Boolean).join('\n');
        if (!text.trim()) continue;
        items.push({ source: file, kind: 'job-ad', legitimate: row[labelColumn].trim() === '0', text });
      }
    }
  }
  return items;
}
