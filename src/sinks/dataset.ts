/**
 * The dataset sink: the six files of the contract (and the codebook beside
 * them), streamed row by row into a staging folder inside the output folder,
 * then published over the previous dataset (see output-folder.ts), so a
 * reader never sees a half-written dataset and an interrupted run leaves the
 * previous one intact. With `parquet`, the Parquet files are built in the
 * staging folder before it is published (see parquet.ts).
 */
import { closeSync, openSync, readSync, rmSync, write, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERRORS } from '../core/schema.js';
import { addTally, emptyTally, Packer, STREAMS, unpack, type Stream, type Unpacked } from '../run/packed.js';
import type { Rendered } from '../run/render.js';
import { writeCodebook } from '../codebook/index.js';
import { header } from './csv.js';
import { publish, stagingFolder } from './output-folder.js';
import { parquetFile, writeParquetFiles } from './parquet.js';

/**
 * Appends text and bytes to a file through a buffer. `write` writes or
 * copies what it is given at once, so the caller may reuse it; `writeLater`
 * hands bytes to the file system in the background (libuv's thread pool),
 * in order, and the caller keeps them untouched until its promise resolves.
 */
class BufferedFile {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(1 << 16);
  private size = 0;
  /** The background writes, chained in order; a failure is kept and rethrown by `settled`. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (bytes.length === 0) return;
    if (this.size + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length >= this.buffer.length) {
        if (this.queued > 0) void this.enqueue(Buffer.from(bytes));
        else writeAll(this.fd, bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
  }

  /** Writes `bytes` after everything before them, in the background. */
  writeLater(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return this.queue;
    if (this.size + bytes.length <= this.buffer.length) {
      this.write(bytes);
      return this.queue;
    }
    this.flush();
    return this.enqueue(bytes);
  }

  private enqueue(bytes: Uint8Array): Promise<void> {
    this.queued++;
    this.queue = this.queue.then(async () => {
      try {
        for (let at = 0; at < bytes.length; ) at += await writeAsync(this.fd, bytes, at, bytes.length - at);
      } finally {
        this.queued--;
      }
    });
    // Handled here so a failure is never an unhandled rejection; `settled` still rejects with it.
    this.queue.catch(() => {});
    return this.queue;
  }

  flush(): void {
    if (this.size === 0) return;
    if (this.queued > 0) {
      // The buffer goes to the queue as it is; a new one takes its place.
      void this.enqueue(this.buffer.subarray(0, this.size));
      this.buffer = Buffer.allocUnsafe(this.buffer.length);
    } else writeAll(this.fd, this.buffer.subarray(0, this.size));
    this.size = 0;
  }

  /** When everything handed to `writeLater` so far is written (rejects if a write failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Closes the file; call after `settled()` when anything was written later. */
  close(): void {
    if (this.queued > 0) throw new Error(`${this.path}: closed with writes still pending`);
    this.flush();
    closeSync(this.fd);
  }
}

/** writeSync may write less than asked (large writes, some file systems): write the rest. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

const writeAsync = (fd: number, bytes: Uint8Array, offset: number, length: number) =>
  new Promise<number>((done, fail) => write(fd, bytes, offset, length, null, (error, n) => (error ? fail(error) : done(n))));

/** Where the manifest's file entries are streamed during the run. */
const ENTRIES_PART = '.files.part';
const ENTRIES = STREAMS.indexOf('entries');

export interface ManifestHead {
  tool: string;
  version: string;
  options: Record<string, unknown>;
  /** Inputs the run set out to process (more than `inputs` when it was interrupted). */
  discovered?: number;
  timings_ms: Record<string, number>;
}

export interface DatasetOptions {
  /** Also write cases, decisions and citations as Parquet (recorded in the manifest's options). */
  parquet?: boolean;
}

export class DatasetWriter {
  readonly staging: string;
  private readonly out: string;
  private readonly parquet: boolean;
  private readonly files: Record<Stream, BufferedFile>;
  /** What the manifest counts, over the inputs added so far. */
  readonly tally = emptyTally();
  private closed = false;

  constructor(out: string, options: DatasetOptions = {}) {
    this.out = resolve(out);
    this.parquet = options.parquet === true;
    this.staging = stagingFolder(this.out);
    const open = (name: string) => new BufferedFile(join(this.staging, name));
    this.files = {
      cases: open(CASES.file),
      decisions: open(DECISIONS.file),
      citations: open(CITATIONS.file),
      jsonl: open('cases.jsonl'),
      errors: open(ERRORS.file),
      entries: open(ENTRIES_PART),
    };
    this.files.cases.write(header(CASES));
    this.files.decisions.write(header(DECISIONS));
    this.files.citations.write(header(CITATIONS));
    this.files.errors.write(header(ERRORS));
  }

  /** Appends one input's rendered rows (see run/render.ts), in input order. */
  add(r: Rendered): void {
    this.addPacked(new Packer().addRendered(r).finish());
  }

  /** Appends a pack of inputs (see run/packed.ts), in input order, without decoding it; returns what it read of the pack. The pack's bytes are written or copied before it returns. */
  addPacked(bytes: Uint8Array): Unpacked {
    const unpacked = this.unpack(bytes);
    STREAMS.forEach((stream, i) => this.files[stream].write(unpacked.streams[i]!));
    return unpacked;
  }

  /**
   * `addPacked`, with the pack's bytes written in the background (so the
   * thread can go on with other work): they must stay untouched until
   * `written` resolves, and the dataset is published after `settled()`.
   */
  addPackedLater(bytes: Uint8Array): Unpacked & { written: Promise<unknown> } {
    const unpacked = this.unpack(bytes);
    return { ...unpacked, written: Promise.all(STREAMS.map((stream, i) => this.files[stream].writeLater(unpacked.streams[i]!))) };
  }

  private unpack(bytes: Uint8Array): Unpacked {
    const unpacked = unpack(bytes);
    const { tally, streams } = unpacked;
    // Manifest entries come with a separator before each; the first of all has none.
    if (this.tally.inputs === 0 && streams[ENTRIES]!.length) streams[ENTRIES] = streams[ENTRIES]!.subarray(1);
    addTally(this.tally, tally);
    return unpacked;
  }

  /** When every background write so far is done (rejects if one failed). */
  async settled(): Promise<void> {
    await Promise.all(Object.values(this.files).map((f) => f.settled()));
  }

  /** Writes the manifest and publishes the staged dataset over the previous one; `complete: false` marks an interrupted run's partial dataset. */
  publish(head: ManifestHead, complete = true): void {
    for (const f of Object.values(this.files)) f.close();
    this.closed = true;
    if (this.parquet) writeParquetFiles(this.staging);
    const t = this.tally;
    const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    const manifest = {
      tool: head.tool,
      version: head.version,
      complete,
      options: { ...head.options, parquet: this.parquet },
      ...(head.discovered === undefined ? {} : { discovered: head.discovered }),
      inputs: t.inputs,
      cases: t.cases,
      errors: t.errors,
      error_codes: sorted(t.errorCodes),
      rows: {
        [CASES.file]: t.cases,
        [DECISIONS.file]: t.decisions,
        [CITATIONS.file]: t.citations,
        'cases.jsonl': t.cases,
        [ERRORS.file]: t.errors,
        ...(this.parquet ? { [parquetFile(CASES)]: t.cases, [parquetFile(DECISIONS)]: t.decisions, [parquetFile(CITATIONS)]: t.citations } : {}),
      },
      items_overturned: t.overturned,
      warnings: t.warnings,
      // Doubtful data, case by case: any warning, no known layout, a disputed item not read whole (items_complete false).
      quality: { cases_with_warnings: t.casesWithWarnings, unknown_layout: t.unknownLayout, items_incomplete: t.itemsIncomplete },
      identifiers: { cases: t.casesWithIdentifiers, ...sorted(t.identifiers) },
      offsets: 'UTF-16 code units into the decoded source text, [start, end)',
      timings_ms: head.timings_ms,
    };
    const json = JSON.stringify(manifest, null, 2);
    // The file entries (one per input) are copied in from where they were streamed, in chunks.
    const entriesPath = join(this.staging, ENTRIES_PART);
    const manifestFile = new BufferedFile(join(this.staging, 'manifest.json'));
    manifestFile.write(json.slice(0, -2) + ',\n  "files": [');
    const fd = openSync(entriesPath, 'r');
    const chunk = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) manifestFile.write(chunk.subarray(0, n));
    closeSync(fd);
    manifestFile.write(t.inputs > 0 ? '\n  ]\n}\n' : ']\n}\n');
    manifestFile.close();
    rmSync(entriesPath);
    writeCodebook(this.staging, { parquet: this.parquet });
    publish(this.staging, this.out);
  }

  /** Removes the staging folder without publishing (the previous dataset stays). */
  abandon(): void {
    // (After settled(): a file with background writes pending cannot be closed.)
    if (!this.closed) for (const f of Object.values(this.files)) f.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}
