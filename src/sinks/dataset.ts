/**
 * The dataset sink: the six files of the contract (and the codebook beside
 * them), streamed row by row into a
 * staging folder beside the output folder, then published by renaming the
 * whole folder into place, so a reader never sees a half-written dataset and
 * an interrupted run leaves the previous one intact.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, mkdirSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERRORS, type CitationRow, type DecisionRow, type ErrorRow } from '../core/schema.js';
import type { CaseRecord } from '../core/record.js';
import { writeCodebook } from '../codebook/index.js';
import { CsvTable } from './csv.js';

/** Appends text to a file through a buffer. */
class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(s: string): void {
    if (!s) return;
    this.chunks.push(s);
    this.size += s.length;
    if (this.size >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface FileEntry {
  source_file: string;
  sha256: string;
  bytes: number;
  encoding: string;
  result: 'case' | 'error';
  case_id?: string;
  error_code?: string;
}

export interface ManifestHead {
  tool: string;
  version: string;
  options: Record<string, unknown>;
  timings_ms: Record<string, number>;
}

export class DatasetWriter {
  readonly staging: string;
  private readonly out: string;
  private readonly files: Record<'cases' | 'decisions' | 'citations' | 'jsonl' | 'errors' | 'entries', BufferedFile>;
  private readonly tables: { cases: CsvTable<CaseRecord>; decisions: CsvTable<DecisionRow>; citations: CsvTable<CitationRow>; errors: CsvTable<ErrorRow> };
  readonly counts = { inputs: 0, cases: 0, errors: 0, decisions: 0, citations: 0, overturned: 0, warnings: 0 };
  readonly errorCodes: Record<string, number> = {};
  private closed = false;

  constructor(out: string, options: { rawCsv: boolean }) {
    this.out = resolve(out);
    this.staging = join(dirname(this.out), `.${basename(this.out)}.imr-staging-${process.pid}`);
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
    this.tables = {
      cases: new CsvTable(CASES, options.rawCsv),
      decisions: new CsvTable(DECISIONS, options.rawCsv),
      citations: new CsvTable(CITATIONS, options.rawCsv),
      errors: new CsvTable(ERRORS, options.rawCsv),
    };
    const open = (name: string) => new BufferedFile(join(this.staging, name));
    this.files = {
      cases: open(CASES.file),
      decisions: open(DECISIONS.file),
      citations: open(CITATIONS.file),
      jsonl: open('cases.jsonl'),
      errors: open(ERRORS.file),
      entries: open('.files.part'),
    };
    this.files.cases.write(this.tables.cases.header());
    this.files.decisions.write(this.tables.decisions.header());
    this.files.citations.write(this.tables.citations.header());
    this.files.errors.write(this.tables.errors.header());
  }

  addCase(record: CaseRecord, entry: Omit<FileEntry, 'result' | 'case_id'>): void {
    this.counts.inputs++;
    this.counts.cases++;
    this.counts.warnings += record.warnings.length;
    this.files.cases.write(this.tables.cases.rows([record]));
    const decisions = record.items.map((item) => ({ record, item }));
    this.files.decisions.write(this.tables.decisions.rows(decisions));
    const citations = record.items.flatMap((item) => item.citations.map((citation) => ({ record, item, citation })));
    this.files.citations.write(this.tables.citations.rows(citations));
    this.files.jsonl.write(JSON.stringify(record) + '\n');
    this.counts.decisions += decisions.length;
    this.counts.citations += citations.length;
    this.counts.overturned += record.n_overturned;
    this.entry({ ...entry, result: 'case', case_id: record.case_id });
  }

  addError(row: ErrorRow, entry: Omit<FileEntry, 'result' | 'error_code'>): void {
    this.counts.inputs++;
    this.counts.errors++;
    this.errorCodes[row.error_code] = (this.errorCodes[row.error_code] ?? 0) + 1;
    this.files.errors.write(this.tables.errors.rows([row]));
    this.entry({ ...entry, result: 'error', error_code: row.error_code });
  }

  private entry(entry: FileEntry): void {
    this.files.entries.write((this.counts.inputs > 1 ? ',\n    ' : '\n    ') + JSON.stringify(entry));
  }

  /** Writes the manifest and publishes the staged dataset in place of `out`. */
  publish(head: ManifestHead, complete = true): void {
    for (const f of Object.values(this.files)) f.close();
    this.closed = true;
    const entriesPath = join(this.staging, '.files.part');
    const manifest = {
      tool: head.tool,
      version: head.version,
      complete,
      options: head.options,
      inputs: this.counts.inputs,
      cases: this.counts.cases,
      errors: this.counts.errors,
      error_codes: Object.fromEntries(Object.entries(this.errorCodes).sort(([a], [b]) => (a < b ? -1 : 1))),
      rows: {
        [CASES.file]: this.counts.cases,
        [DECISIONS.file]: this.counts.decisions,
        [CITATIONS.file]: this.counts.citations,
        'cases.jsonl': this.counts.cases,
        [ERRORS.file]: this.counts.errors,
      },
      items_overturned: this.counts.overturned,
      warnings: this.counts.warnings,
      offsets: 'UTF-16 code units into the decoded source text, [start, end)',
      timings_ms: head.timings_ms,
    };
    const json = JSON.stringify(manifest, null, 2);
    const files = readFileSync(entriesPath, 'utf8');
    const manifestFile = new BufferedFile(join(this.staging, 'manifest.json'));
    manifestFile.write(json.slice(0, -2) + `,\n  "files": [${files}${files ? '\n  ' : ''}]\n}\n`);
    manifestFile.close();
    rmSync(entriesPath);
    writeCodebook(this.staging);
    swapInto(this.staging, this.out);
  }

  /** Removes the staging folder without publishing (the previous dataset stays). */
  abandon(): void {
    if (!this.closed) for (const f of Object.values(this.files)) f.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}

/**
 * Replaces `out` with `staging`: the old folder is moved aside, the new one
 * renamed into place, the old one removed. Each step is one rename, so at any
 * moment either the old or the new dataset is complete on disk.
 */
function swapInto(staging: string, out: string): void {
  const aside = join(dirname(out), `.${basename(out)}.imr-previous-${process.pid}`);
  if (existsSync(out)) renameSync(out, aside);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (existsSync(aside)) renameSync(aside, out);
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}
