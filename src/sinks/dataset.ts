/**
 * The dataset sink: the six files of the contract (and the codebook beside
 * them), streamed row by row into a staging folder inside the output folder,
 * then published over the previous dataset (see output-folder.ts), so a
 * reader never sees a half-written dataset and an interrupted run leaves the
 * previous one intact.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CASES, CITATIONS, DECISIONS, ERRORS } from '../core/schema.js';
import { addTally, emptyTally, Packer, STREAMS, unpack, type Stream, type Unpacked } from '../run/packed.js';
import type { Rendered } from '../run/render.js';
import { writeCodebook } from '../codebook/index.js';
import { header } from './csv.js';
import { publish, stagingFolder } from './output-folder.js';

/** Appends text and bytes to a file through a buffer; what it is given is written or copied at once, so the caller may reuse it. */
class BufferedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 16);
  private size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (bytes.length === 0) return;
    if (this.size + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length >= this.buffer.length) {
        writeAll(this.fd, bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
  }

  flush(): void {
    if (this.size === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.size));
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** writeSync may write less than asked (large writes, some file systems): write the rest. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

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

export class DatasetWriter {
  readonly staging: string;
  private readonly out: string;
  private readonly files: Record<Stream, BufferedFile>;
  /** What the manifest counts, over the inputs added so far. */
  readonly tally = emptyTally();
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
    const unpacked = unpack(bytes);
    const { tally, streams } = unpacked;
    // Manifest entries come with a separator before each; the first of all has none.
    if (this.tally.inputs === 0 && streams[ENTRIES]!.length) streams[ENTRIES] = streams[ENTRIES]!.subarray(1);
    addTally(this.tally, tally);
    STREAMS.forEach((stream, i) => this.files[stream].write(streams[i]!));
    return unpacked;
  }

  /** Writes the manifest and publishes the staged dataset over the previous one; `complete: false` marks an interrupted run's partial dataset. */
  publish(head: ManifestHead, complete = true): void {
    for (const f of Object.values(this.files)) f.close();
    this.closed = true;
    const t = this.tally;
    const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
    const manifest = {
      tool: head.tool,
      version: head.version,
      complete,
      options: head.options,
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
      },
      items_overturned: t.overturned,
      warnings: t.warnings,
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
    writeCodebook(this.staging);
    publish(this.staging, this.out);
  }

  /** Removes the staging folder without publishing (the previous dataset stays). */
  abandon(): void {
    if (!this.closed) for (const f of Object.values(this.files)) f.close();
    rmSync(this.staging, { recursive: true, force: true });
  }
}
