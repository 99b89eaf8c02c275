/**
 * `imr merge`: combines the outputs of sharded runs into the dataset one run
 * over all the inputs would have written, byte for byte (the manifest's
 * options and timings aside). Each shard's files are in input order, so the
 * shards are merged like sorted lists, one input at a time, reading every
 * file as a stream: memory stays flat whatever the number of inputs. Shards
 * made with --parquet give a merged dataset with Parquet files, built from
 * the merged records as a single run builds them.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { ChunkReader, lineEnd } from '../io/chunk-reader.js';
import { join } from 'node:path';
import type { CaseRecord } from '../core/record.js';
import { DatasetWriter } from '../sinks/dataset.js';
import { prepareOutput } from '../sinks/output-folder.js';
import { TOOL_VERSION } from '../version.js';
import type { FileEntry, Rendered } from './render.js';

/** End of the first CSV record (CRLF outside quotes), or -1. */
function csvRecordEnd(s: string, from: number): number {
  let quoted = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r' && s[i + 1] === '\n') return i + 2;
  }
  return -1;
}

class CsvRecords {
  private readonly reader: ChunkReader;
  constructor(path: string) {
    this.reader = new ChunkReader(path);
    this.next(); // the header row
  }
  next(): string {
    const record = this.reader.next(csvRecordEnd);
    if (record === null) throw new Error('a shard\'s CSV file ends early');
    return record;
  }
}

/** One shard's outputs, read input by input. */
class ShardReader {
  private readonly entries: ChunkReader;
  private readonly cases: CsvRecords;
  private readonly decisions: CsvRecords;
  private readonly citations: CsvRecords;
  private readonly errors: CsvRecords;
  private readonly jsonl: ChunkReader;
  current: Rendered | null = null;

  constructor(readonly dir: string) {
    for (const f of ['manifest.json', 'cases.csv', 'decisions.csv', 'citations.csv', 'errors.csv', 'cases.jsonl']) {
      if (!existsSync(join(dir, f))) throw new Error(`${dir} is not an imr output folder (no ${f})`);
    }
    this.entries = new ChunkReader(join(dir, 'manifest.json'));
    this.cases = new CsvRecords(join(dir, 'cases.csv'));
    this.decisions = new CsvRecords(join(dir, 'decisions.csv'));
    this.citations = new CsvRecords(join(dir, 'citations.csv'));
    this.errors = new CsvRecords(join(dir, 'errors.csv'));
    this.jsonl = new ChunkReader(join(dir, 'cases.jsonl'));
    this.advance();
  }

  /** The manifest lists one file entry per line inside "files": [...]. */
  private nextEntry(): string | null {
    for (;;) {
      const line = this.entries.next(lineEnd);
      if (line === null) return null;
      const m = /^\s{4}(\{.*\}),?\s*$/.exec(line);
      if (m) return m[1]!;
    }
  }

  advance(): void {
    const raw = this.nextEntry();
    if (raw === null) {
      this.current = null;
      return;
    }
    const entry = JSON.parse(raw) as FileEntry;
    if (entry.result === 'error') {
      this.current = {
        sourceFile: entry.source_file,
        entry: raw,
        cases: '',
        decisions: '',
        citations: '',
        jsonl: '',
        errors: this.errors.next(),
        counts: { cases: 0, errors: 1, decisions: 0, citations: 0, overturned: 0, warnings: 0, unknownLayout: false, itemsIncomplete: false, errorCode: entry.error_code ?? null, identifiers: {} },
      };
      return;
    }
    const jsonl = this.jsonl.next(lineEnd);
    if (jsonl === null) throw new Error(`${this.dir}: cases.jsonl ends early`);
    const record = JSON.parse(jsonl) as CaseRecord;
    const nCitations = record.items.reduce((n, i) => n + i.citations.length, 0);
    let decisions = '';
    for (let i = 0; i < record.items.length; i++) decisions += this.decisions.next();
    let citations = '';
    for (let i = 0; i < nCitations; i++) citations += this.citations.next();
    this.current = {
      sourceFile: entry.source_file,
      entry: raw,
      cases: this.cases.next(),
      decisions,
      citations,
      jsonl,
      errors: '',
      counts: { cases: 1, errors: 0, decisions: record.items.length, citations: nCitations, overturned: record.n_overturned, warnings: record.warnings.length, unknownLayout: record.template === 'unknown', itemsIncomplete: !record.items_complete, errorCode: null, identifiers: entry.identifiers ?? {} },
    };
  }
}

interface ManifestHead {
  complete: boolean;
  discovered: number;
  version: string;
  options: { raw_csv?: boolean; redact?: boolean; parquet?: boolean; shard?: string | null; inputs?: string[] };
}

/** The head of a shard's manifest (everything before its list of files). */
function manifestHead(dir: string): ManifestHead {
  const fd = openSync(join(dir, 'manifest.json'), 'r');
  const buffer = Buffer.alloc(1 << 20);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const head = buffer.toString('utf8', 0, n).split('"files"')[0]!.replace(/,\s*$/, '');
  let parsed: Partial<ManifestHead> & { inputs?: number };
  try {
    parsed = JSON.parse(`${head}}`) as typeof parsed;
  } catch {
    throw new Error(`${dir}: its manifest.json cannot be read`);
  }
  return { complete: parsed.complete !== false, discovered: parsed.discovered ?? parsed.inputs ?? 0, version: parsed.version ?? '', options: parsed.options ?? {} };
}

/** The output options shards must share: they decide what the dataset's files hold. */
const SHARED_OPTIONS = ['raw_csv', 'redact', 'parquet'] as const;

/**
 * Refuses shards that were not made to go together: different extractor
 * versions or output options, the same shard twice. Returns what is missing
 * from the shard set (empty when complete, or when the runs were not sharded).
 */
function checkShards(dirs: readonly string[], heads: readonly ManifestHead[]): string[] {
  const first = heads[0]!;
  const same = (h: ManifestHead) => h.version === first.version && SHARED_OPTIONS.every((o) => Boolean(h.options[o]) === Boolean(first.options[o]));
  heads.forEach((h, k) => {
    if (!same(h)) throw new Error(`${dirs[k]} was made with other options or another extractor version than ${dirs[0]} (version ${h.version} vs ${first.version}; ${SHARED_OPTIONS.join(', ')} must match)`);
  });
  const shards = heads.map((h) => h.options.shard ?? null);
  if (shards.every((s) => s === null)) return [];
  const seen = new Map<string, string>();
  let count: number | null = null;
  shards.forEach((s, k) => {
    if (s === null) throw new Error(`${dirs[k]} is not a shard (made without --shard) but ${dirs[shards.findIndex((x) => x !== null)]} is`);
    const other = seen.get(s);
    if (other !== undefined) throw new Error(`${dirs[k]} and ${other} are the same shard (${s})`);
    seen.set(s, dirs[k]!);
    const n = Number(s.split('/')[1]);
    if (count !== null && n !== count) throw new Error(`${dirs[k]} is shard ${s}, of another split than ${count} shards`);
    count = n;
  });
  const missing: string[] = [];
  for (let i = 1; i <= count!; i++) if (!seen.has(`${i}/${count}`)) missing.push(`${i}/${count}`);
  return missing;
}

export interface MergeSummary {
  inputs: number;
  cases: number;
  errors: number;
  shards: number;
  /** Shards of the set that were not given (the merged manifest says "complete": false). */
  missing: string[];
}

export function mergeOutputs(dirs: readonly string[], out: string, force = false): MergeSummary {
  const t0 = performance.now();
  const shards = dirs.map((d) => new ShardReader(d));
  const heads = dirs.map(manifestHead);
  const missing = checkShards(dirs, heads);
  prepareOutput(out, force);
  const writer = new DatasetWriter(out, { parquet: heads[0]!.options.parquet === true });
  try {
    for (;;) {
      let first: ShardReader | null = null;
      for (const s of shards) if (s.current && (!first || s.current.sourceFile < first.current!.sourceFile)) first = s;
      if (!first) break;
      for (const s of shards) {
        if (s !== first && s.current && s.current.sourceFile === first.current!.sourceFile) throw new Error(`${first.current!.sourceFile} is in both ${first.dir} and ${s.dir}: the same input twice`);
      }
      writer.add(first.current!);
      first.advance();
    }
  } catch (error) {
    writer.abandon();
    throw error;
  }
  writer.publish(
    { tool: 'imr-extract', version: TOOL_VERSION, options: { merged_from: [...dirs] }, discovered: heads.reduce((n, h) => n + h.discovered, 0), timings_ms: { merge: Math.round(performance.now() - t0) } },
    missing.length === 0 && heads.every((h) => h.complete),
  );
  return { inputs: writer.tally.inputs, cases: writer.tally.cases, errors: writer.tally.errors, shards: dirs.length, missing };
}
