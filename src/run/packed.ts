/**
 * Rendered output as bytes. A pack is one buffer (or file): a small JSON
 * header (each output stream's length, the tallies the manifest needs, and
 * optionally each input's share of them) and then each stream's bytes
 * (UTF-8), every input's in input order:
 *
 *   [u32 little-endian: header length][header JSON][cases][decisions][citations][jsonl][errors][entries]
 *
 * A worker returns its batch as a pack and moves the buffer to the main
 * thread without a copy; the main thread appends the stream slices to the
 * dataset files without decoding them. The cache keeps each batch's new
 * renderings as a pack file with each input's lengths, so a run of cached
 * inputs is a byte range per stream, read straight into the next pack.
 */
import { readSync } from 'node:fs';
import type { Rendered } from './render.js';

/** The output streams, in the order their bytes follow the header. */
export const STREAMS = ['cases', 'decisions', 'citations', 'jsonl', 'errors', 'entries'] as const;
export type Stream = (typeof STREAMS)[number];

/** Each manifest file entry is stored after this separator; the sink drops it before the first. */
export const ENTRY_SEPARATOR = ',\n    ';

/** What the manifest counts, summed over the inputs of a pack. */
export interface Tally {
  inputs: number;
  cases: number;
  errors: number;
  decisions: number;
  citations: number;
  overturned: number;
  warnings: number;
  /** Cases with any warning, of no known layout, and with items_complete false. */
  casesWithWarnings: number;
  unknownLayout: number;
  itemsIncomplete: number;
  casesWithIdentifiers: number;
  errorCodes: Record<string, number>;
  identifiers: Record<string, number>;
}

/** Where an input's rendering is in the cache: the pack file, and the input's place in it, for which content. */
export interface CacheRef {
  sourceFile: string;
  sha256: string;
  pack: string;
  slot: number;
}

/** One input's share of a pack. */
export interface InputShare {
  lengths: number[];
  tally: Tally;
}

export interface Header {
  lengths: number[];
  tally: Tally;
  /** In a batch's result: one per input, its cache entry (or null). */
  refs?: (CacheRef | null)[];
  /** In a cache pack: each input's lengths and tally, in order. */
  inputs?: InputShare[];
}

export const emptyTally = (): Tally => ({ inputs: 0, cases: 0, errors: 0, decisions: 0, citations: 0, overturned: 0, warnings: 0, casesWithWarnings: 0, unknownLayout: 0, itemsIncomplete: 0, casesWithIdentifiers: 0, errorCodes: {}, identifiers: {} });

/** Adds `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  a.inputs += b.inputs;
  a.cases += b.cases;
  a.errors += b.errors;
  a.decisions += b.decisions;
  a.citations += b.citations;
  a.overturned += b.overturned;
  a.warnings += b.warnings;
  a.casesWithWarnings += b.casesWithWarnings;
  a.unknownLayout += b.unknownLayout;
  a.itemsIncomplete += b.itemsIncomplete;
  a.casesWithIdentifiers += b.casesWithIdentifiers;
  for (const [code, n] of Object.entries(b.errorCodes)) a.errorCodes[code] = (a.errorCodes[code] ?? 0) + n;
  for (const [kind, n] of Object.entries(b.identifiers)) a.identifiers[kind] = (a.identifiers[kind] ?? 0) + n;
}

/** The tally of one rendered input. */
export function tallyOf(r: Rendered): Tally {
  const c = r.counts;
  const identifiers = { ...c.identifiers } as Record<string, number>;
  return {
    inputs: 1,
    cases: c.cases,
    errors: c.errors,
    decisions: c.decisions,
    citations: c.citations,
    overturned: c.overturned,
    warnings: c.warnings,
    casesWithWarnings: c.warnings > 0 ? 1 : 0,
    unknownLayout: c.unknownLayout ? 1 : 0,
    itemsIncomplete: c.itemsIncomplete ? 1 : 0,
    casesWithIdentifiers: Object.keys(identifiers).length > 0 ? 1 : 0,
    errorCodes: c.errorCode ? { [c.errorCode]: 1 } : {},
    identifiers,
  };
}

/** The header of a pack and where its streams start (offsets from the start of the pack). */
export function readHeader(bytes: Uint8Array): { header: Header; starts: number[] } {
  if (bytes.length < 4) throw new Error('not a pack: too short');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.length) throw new Error('not a pack: header cut short');
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 4, headerLength).toString('utf8')) as Header;
  if (!Array.isArray(header.lengths) || header.lengths.length !== STREAMS.length) throw new Error('not a pack: bad header');
  const starts: number[] = [];
  let at = 4 + headerLength;
  for (const length of header.lengths) {
    starts.push(at);
    at += length;
  }
  return { header, starts };
}

export interface Unpacked {
  tally: Tally;
  refs: (CacheRef | null)[] | null;
  /** Each stream's bytes, in STREAMS order (views into the pack). */
  streams: Uint8Array[];
}

export function unpack(bytes: Uint8Array): Unpacked {
  const { header, starts } = readHeader(bytes);
  const end = starts[starts.length - 1]! + header.lengths[header.lengths.length - 1]!;
  if (end !== bytes.length) throw new Error(`not a pack: ${bytes.length} bytes where the header describes ${end}`);
  return { tally: header.tally, refs: header.refs ?? null, streams: starts.map((start, i) => bytes.subarray(start, start + header.lengths[i]!)) };
}

/** Bytes still in a (cache pack) file: read straight into the pack when it is finished. */
interface FileRange {
  fd: number;
  position: number;
  length: number;
}

/** Bytes [from, to) of a stream's arena. */
interface Segment {
  from: number;
  to: number;
}

/**
 * One stream of a pack while it is built. Text is encoded into an arena as
 * it comes, so a batch's rendered strings die young instead of living on the
 * heap until the batch is done (where every garbage collection copied them);
 * byte ranges of cache pack files are only noted, and read when the pack is
 * finished, straight into it.
 */
class StreamBuilder {
  private bytes = Buffer.allocUnsafeSlow(1 << 12);
  private used = 0;
  private parts: (Segment | FileRange)[] = [];
  length = 0;

  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + n));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  /** Notes the arena's bytes from `from` to where it is filled; returns their length. */
  private grown(from: number): number {
    const n = this.used - from;
    if (n === 0) return 0;
    const last = this.parts[this.parts.length - 1];
    if (last && 'to' in last && last.to === from) last.to = this.used;
    else this.parts.push({ from, to: this.used });
    this.length += n;
    return n;
  }

  text(s: string): number {
    if (s.length === 0) return 0;
    // Three bytes per UTF-16 unit is UTF-8's worst case, so the write is never cut short.
    this.room(s.length * 3);
    const from = this.used;
    this.used += this.bytes.write(s, from);
    return this.grown(from);
  }

  copy(bytes: Uint8Array): number {
    this.room(bytes.length);
    const from = this.used;
    this.bytes.set(bytes, from);
    this.used += bytes.length;
    return this.grown(from);
  }

  range(fd: number, position: number, length: number): void {
    if (length === 0) return;
    this.parts.push({ fd, position, length });
    this.length += length;
  }

  /** Writes the stream into `out` from `at`, and empties it for reuse; returns where it ends in `out`. */
  writeTo(out: Buffer, at: number): number {
    for (const p of this.parts) {
      if ('to' in p) at += this.bytes.copy(out, at, p.from, p.to);
      else {
        if (readSync(p.fd, out, at, p.length, p.position) !== p.length) throw new Error('a cache pack ended early');
        at += p.length;
      }
    }
    this.parts = [];
    this.used = 0;
    this.length = 0;
    return at;
  }

  /** Small enough to keep for the next pack. */
  get reusable(): boolean {
    return this.bytes.length <= 16 << 20;
  }
}

/** Stream builders of finished packs, reused by the next packs of this thread (so a worker does not allocate arenas per batch). */
const spareStreams: StreamBuilder[] = [];
const MAX_SPARE_STREAMS = 2 * STREAMS.length;

/** Builds a pack from rendered inputs, other packs and byte ranges of pack files, in order. */
export class Packer {
  private readonly streams = STREAMS.map(() => spareStreams.pop() ?? new StreamBuilder());
  readonly tally = emptyTally();
  /** One per input when this pack is a batch's result; see Header.refs. */
  readonly refs: (CacheRef | null)[] = [];
  /** Each input's share, when this pack is for the cache. */
  private readonly shares: InputShare[] | null;

  constructor(options: { shares?: boolean } = {}) {
    this.shares = options.shares ? [] : null;
  }

  get inputs(): number {
    return this.tally.inputs;
  }

  addRendered(r: Rendered): this {
    const s = this.streams;
    const lengths = [s[0]!.text(r.cases), s[1]!.text(r.decisions), s[2]!.text(r.citations), s[3]!.text(r.jsonl), s[4]!.text(r.errors), s[5]!.text(ENTRY_SEPARATOR + r.entry)];
    const tally = tallyOf(r);
    addTally(this.tally, tally);
    this.shares?.push({ lengths, tally });
    return this;
  }

  /** Appends another pack's streams and tallies (and its refs, when it has them). */
  addPacked(bytes: Uint8Array): this {
    const { tally, refs, streams } = unpack(bytes);
    streams.forEach((bytes, i) => this.streams[i]!.copy(bytes));
    addTally(this.tally, tally);
    if (refs) this.refs.push(...refs);
    return this;
  }

  /** Appends inputs kept in a pack file: a byte range per stream (read when the pack is finished), and their tally. */
  addRanges(fd: number, ranges: readonly { position: number; length: number }[], tally: Tally): this {
    ranges.forEach((r, i) => this.streams[i]!.range(fd, r.position, r.length));
    addTally(this.tally, tally);
    return this;
  }

  /**
   * The pack's bytes, in a buffer of its own (safe to transfer to another
   * thread): `into` when it is large enough (a spent pack's buffer, reused),
   * else a new one. The packer is spent: its stream builders go to the next one.
   */
  finish(options: { refs?: boolean; into?: ArrayBuffer | null } = {}): Uint8Array {
    const header: Header = { lengths: this.streams.map((a) => a.length), tally: this.tally };
    if (options.refs) header.refs = this.refs;
    if (this.shares) header.inputs = this.shares;
    const json = JSON.stringify(header);
    const headerLength = Buffer.byteLength(json);
    const total = 4 + headerLength + header.lengths.reduce((a, b) => a + b, 0);
    // Not Buffer.allocUnsafe: small ones come from a shared pool, which must not be transferred.
    const into = options.into && options.into.byteLength >= total ? options.into : null;
    const out = into ? Buffer.from(into, 0, total) : Buffer.from(new ArrayBuffer(total));
    out.writeUInt32LE(headerLength, 0);
    let at = 4 + out.write(json, 4);
    for (const stream of this.streams) {
      at = stream.writeTo(out, at);
      if (spareStreams.length < MAX_SPARE_STREAMS && stream.reusable) spareStreams.push(stream);
    }
    this.streams.length = 0;
    return out;
  }
}
