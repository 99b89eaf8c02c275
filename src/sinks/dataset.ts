/**
 * The dataset sink: the six files of the contract (and the codebook beside
 * them), streamed row by row into a staging folder inside the output folder,
 * then published over the previous dataset (see output-folder.ts), so a
 * reader never sees a half-written dataset and an interrupted run leaves the
 * previous one intact.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERRORS } from '../core/schema.js';
import type { Rendered } from '../run/render.js';
import { writeCodebook } from '../codebook/index.js';
import { header } from './csv.js';
import { publish, stagingFolder } from './output-folder.js';

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

export interface ManifestHead {
  tool: string;
  version: string;
  options: Record<string, unknown>;
  /** Inputs the run set out to process (more than `inputs` when it was interrupted). */
  discovered?: number;
  timings_ms: Record<string, number>;
}

export class DatasetWriter {
  readonly staging: string;
  private readonly out: string;
  private readonly files: Record<'cases' | 'decisions' | 'citations' | 'jsonl' | 'errors' | 'entries', BufferedFile>;
  readonly counts = { inputs: 0, cases: 0, errors: 0, decisions: 0, citations: 0, overturned: 0, warnings: 0 };
  readonly errorCodes: Record<string, number> = {};
  readonly identifiers: Record<string, number> = {};
  private casesWithIdentifiers = 0;
  private closed = false;

  constructor(out: string) {
    this.out = resolve(out);
    this.staging = stagingFolder(this.out);
    const open = (name: string) => new BufferedFile(join(this.staging, name));
    this.files = {
      cases: open(CASES.file),
      decisions: open(DECISIONS.file),
      citations: open(CITATIONS.file),
      jsonl: open('cases.jsonl'),
      errors: open(ERRORS.file),
      entries: open('.files.part'),
    };
    this.files.cases.write(header(CASES));
    this.files.decisions.write(header(DECISIONS));
    this.files.citations.write(header(CITATIONS));
    this.files.errors.write(header(ERRORS));
  }

  /** Appends one input's rendered rows (see run/render.ts), in input order. */
  add(r: Rendered): void {
    const c = r.counts;
    this.counts.inputs++;
    this.counts.cases += c.cases;
    this.counts.errors += c.errors;
    this.counts.decisions += c.decisions;
    this.counts.citations += c.citations;
    this.counts.overturned += c.overturned;
    this.counts.warnings += c.warnings;
    if (c.errorCode) this.errorCodes[c.errorCode] = (this.errorCodes[c.errorCode] ?? 0) + 1;
    const kinds = Object.entries(c.identifiers);
    if (kinds.length) this.casesWithIdentifiers++;
    for (const [kind, n] of kinds) this.identifiers[kind] = (this.identifiers[kind] ?? 0) + (n ?? 0);
    this.files.cases.write(r.cases);
    this.files.decisions.write(r.decisions);
    this.files.citations.write(r.citations);
    this.files.jsonl.write(r.jsonl);
    this.files.errors.write(r.errors);
    this.files.entries.write((this.counts.inputs > 1 ? ',\n    ' : '\n    ') + r.entry);
  }

  /** Writes the manifest and publishes the staged dataset over the previous one; `complete: false` marks an interrupted run's partial dataset. */
  publish(head: ManifestHead, complete = true): void {
    for (const f of Object.values(this.files)) f.close();
    this.closed = true;
    const entriesPath = join(this.staging, '.files.part');
    const manifest = {
      tool: head.tool,
      version: head.version,
      complete,
      options: head.options,
      ...(head.discovered === undefined ? {} : { discovered: head.discovered }),
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
      identifiers: { cases: this.casesWithIdentifiers, ...Object.fromEntries(Object.entries(this.identifiers).sort(([a], [b]) => (a < b ? -1 : 1))) },
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
    publish(this.staging, this.out);
  }

  /** Removes the staging folder without publishing (the previous dataset stays). */
  abandon(): void {
    if (!this.closed) for (const f of Object.values(this.files)) f.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}
