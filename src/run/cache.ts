/**
 * The incremental cache. What each input rendered to is kept in pack files
 * (`packs/<run>-<batch>.pack`: one batch's new renderings as a pack with each
 * input's share, see packed.ts), and an index maps each input's path to its
 * content hash, its pack and its place (slot) in it. The index is a journal of JSON
 * lines: a run appends a line per input as its batches finish (so a killed
 * run's work is not lost), and a run that ends makes its journal the index
 * and removes the packs nothing refers to any more.
 *
 * An entry belongs to one extractor version (a hash of the built code, the
 * lexicons and the output options): a new extractor misses everywhere. An
 * entry is used only when the input's content hash is still the same, and
 * the worker checks that after hashing the file. One run at a time per cache
 * folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../version.js';
import { ChunkReader, lineEnd } from '../io/chunk-reader.js';
import { QuietOpener } from '../io/read.js';
import { readHeader, type CacheRef, type InputShare } from './packed.js';
import { dropOtherVersions, TEXTS } from './pdf-texts.js';

export interface CacheConfig {
  dir: string;
  /** Hash of the extractor: its code, its lexicons, its version, the output options. */
  version: string;
  /** Hash of the PDF engine (pdf-texts.ts): the kept PDF texts outlive extractor versions. */
  textVersion: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = 'index.ndjson';
const JOURNAL = /^journal-.*\.ndjson$/;
export const PACKS = 'packs';

function filesUnder(dir: string, ends: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ends));
    else if (name.endsWith(ends)) out.push(path);
  }
  return out;
}

/** The extractor version: any change to the built code, the lexicons or the output options gives a new one. */
export function extractorVersion(rawCsv: boolean, redact: boolean): string {
  const h = createHash('sha256').update(`${TOOL_VERSION}\0raw=${rawCsv}\0redact=${redact}\0`);
  const code = join(ROOT, 'dist');
  for (const file of [...filesUnder(code, '.js'), ...filesUnder(join(ROOT, 'lexicons'), '.json')]) h.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file));
  return h.digest('hex').slice(0, 16);
}

type Entry = [sha256: string, pack: string, slot: number];

/** Reads an index or journal into `into`, if it was written by this extractor version; a damaged line ends it. */
function load(path: string, version: string, into: Map<string, Entry>): void {
  // Read in chunks: an index of a million inputs is never one string.
  const reader = new ChunkReader(path);
  try {
    const head = reader.next(lineEnd);
    if (head === null || (JSON.parse(head) as { version?: string }).version !== version) return;
    for (let line = reader.next(lineEnd); line !== null; line = reader.next(lineEnd)) {
      const [sourceFile, ...entry] = JSON.parse(line) as [string, ...Entry];
      into.set(sourceFile, entry);
    }
  } catch {
    // The torn last line of a killed run's journal: what came before it stands.
  } finally {
    reader.close();
  }
}

export class CacheIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly run = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private journal: number | null = null;
  /** How many of the run's inputs (in order) have been recorded. */
  private reached = 0;
  private readonly referenced = new Set<string>();

  constructor(readonly config: CacheConfig) {
    try {
      mkdirSync(join(config.dir, PACKS), { recursive: true });
      const names = readdirSync(config.dir);
      // The index, then the journals of runs that were killed, oldest first (their names start with the time).
      if (names.includes(INDEX)) load(join(config.dir, INDEX), config.version, this.entries);
      for (const name of names.filter((n) => JOURNAL.test(n)).sort()) load(join(config.dir, name), config.version, this.entries);
      this.journal = openSync(this.journalPath, 'w');
      writeSync(this.journal, `${JSON.stringify({ version: config.version })}\n`);
    } catch {
      // A cache that cannot be read or written only costs speed.
      this.journal = null;
    }
  }

  private get journalPath(): string {
    return join(this.config.dir, `journal-${this.run}.ndjson`);
  }

  /** Whether new renderings can be kept (the cache folder is writable). */
  get writable(): boolean {
    return this.journal !== null;
  }

  /** Where the PDFs' texts are kept (null when the cache cannot be written). */
  get texts(): string | null {
    return this.journal === null ? null : join(this.config.dir, TEXTS, this.config.textVersion);
  }

  /** The pack file a batch writes its new renderings to. */
  packFor(batch: number): string {
    return `${this.run}-${batch}.pack`;
  }

  /** The cached rendering of an input, if any; the worker checks its content hash. */
  lookup(sourceFile: string): CacheRef | null {
    const e = this.entries.get(sourceFile);
    return e ? { sourceFile, sha256: e[0], pack: e[1], slot: e[2] } : null;
  }

  /** Journals where a finished batch's renderings are: called for each batch in input order, one ref (or null) per input. */
  record(refs: readonly (CacheRef | null)[]): void {
    this.reached += refs.length;
    if (this.journal === null) return;
    let text = '';
    for (const r of refs) {
      if (!r) continue;
      this.referenced.add(r.pack);
      // The line JSON.stringify would give: the hash is hex and the pack name this module's own.
      text += `[${JSON.stringify(r.sourceFile)},"${r.sha256}","${r.pack}",${r.slot}]\n`;
    }
    this.write(text);
  }

  private write(text: string): void {
    if (this.journal === null || !text) return;
    try {
      writeSync(this.journal, text);
    } catch {
      this.abandon();
    }
  }

  /**
   * Makes this run's journal the index. Earlier entries of this run's inputs
   * that it did not reach (the inputs after those recorded: an interrupted
   * run) are carried over; entries of
   * inputs outside this run are dropped, and so are the packs and journals
   * nothing refers to any more.
   */
  commit(inputs: readonly string[]): void {
    if (this.journal === null) return;
    let text = '';
    for (const sourceFile of inputs.slice(this.reached)) {
      const e = this.entries.get(sourceFile);
      if (!e) continue;
      this.referenced.add(e[1]);
      text += `${JSON.stringify([sourceFile, ...e])}\n`;
      if (text.length > 1 << 20) {
        this.write(text);
        text = '';
      }
    }
    this.write(text);
    if (this.journal === null) return;
    try {
      closeSync(this.journal);
      this.journal = null;
      renameSync(this.journalPath, join(this.config.dir, INDEX));
      for (const name of readdirSync(this.config.dir)) if (JOURNAL.test(name)) rmSync(join(this.config.dir, name), { force: true });
      for (const name of readdirSync(join(this.config.dir, PACKS))) if (!this.referenced.has(name)) rmSync(join(this.config.dir, PACKS, name), { force: true });
      dropOtherVersions(join(this.config.dir, TEXTS), this.config.textVersion);
    } catch {
      // Left as it is, the next run reads the journal.
    }
  }

  /** Stops journaling (the journal stays for the next run to read). */
  abandon(): void {
    if (this.journal === null) return;
    try {
      closeSync(this.journal);
    } catch {
      // already gone
    }
    this.journal = null;
  }
}

/** A pack file opened for reading: its inputs' shares, and where each input's bytes are in each stream. */
interface OpenPack {
  fd: number;
  inputs: InputShare[];
  /** offsets[stream][slot]: where that input's bytes start in the file (slot = inputs.length: the stream's end). */
  offsets: number[][];
}

/** Packs are opened without updating their access time (see QuietOpener). */
const packOpener = new QuietOpener();

/** Reads cached renderings out of pack files, each opened once (per batch). */
export class PackReader {
  private readonly open = new Map<string, OpenPack | null>();

  constructor(private readonly dir: string) {}

  /** The pack, or null if it is gone or damaged (its inputs are then processed again). */
  pack(name: string): OpenPack | null {
    if (!this.open.has(name)) this.open.set(name, this.load(name));
    return this.open.get(name)!;
  }

  private load(name: string): OpenPack | null {
    let fd: number | null = null;
    try {
      fd = packOpener.open(join(this.dir, PACKS, name));
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(4);
      readSync(fd, head, 0, 4, 0);
      const headerLength = head.readUInt32LE(0);
      if (4 + headerLength > size) throw new Error('damaged');
      const bytes = Buffer.alloc(4 + headerLength);
      readSync(fd, bytes, 0, bytes.length, 0);
      const { header, starts } = readHeader(bytes);
      const inputs = header.inputs ?? [];
      if (starts[starts.length - 1]! + header.lengths[header.lengths.length - 1]! !== size) throw new Error('damaged');
      const offsets = starts.map((start, stream) => {
        const at = [start];
        for (const share of inputs) at.push(at[at.length - 1]! + share.lengths[stream]!);
        if (at[at.length - 1] !== start + header.lengths[stream]!) throw new Error('damaged');
        return at;
      });
      return { fd, inputs, offsets };
    } catch {
      if (fd !== null) closeSync(fd);
      return null;
    }
  }

  close(): void {
    for (const p of this.open.values()) if (p) closeSync(p.fd);
    this.open.clear();
  }
}
