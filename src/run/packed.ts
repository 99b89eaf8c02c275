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

export const emptyTally = (): Tally => ({ inputs: 0, cases: 0, errors: 0, decisions: 0, citations: 0, overturned: 0, warnings: 0, casesWithIdentifiers: 0, errorCodes: {}, identifiers: {} });

/** Adds `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  a.inputs += b.inputs;
  a.cases += b.cases;
  a.errors += b.errors;
  a.decisions += b.decisions;
  a.citations += b.citations;
  a.overturned += b.overturned;
  a.warnings += b.warnings;
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

/** Bytes still in a file, copied when the pack is finished. */
interface FileRange {
  fd: number;
  position: number;
  length: number;
}

type Part = string | Uint8Array | FileRange;

const byteLength = (p: Part): number => (typeof p === 'string' ? Buffer.byteLength(p) : p.length);

/** Builds a pack from rendered inputs, other packs and byte ranges of pack files, in order. */
export class Packer {
  private readonly parts: Part[][] = STREAMS.map(() => []);
  private readonly lengths: number[] = STREAMS.map(() => 0);
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

  private push(stream: number, part: Part, length = byteLength(part)): number {
    if (length > 0) this.parts[stream]!.push(part);
    this.lengths[stream]! += length;
    return length;
  }

  addRendered(r: Rendered): this {
    const lengths = [r.cases, r.decisions, r.citations, r.jsonl, r.errors, ENTRY_SEPARATOR + r.entry].map((s, i) => this.push(i, s));
    const tally = tallyOf(r);
    addTally(this.tally, tally);
    this.shares?.push({ lengths, tally });
    return this;
  }

  /** Appends another pack's streams and tallies (and its refs, when it has them). */
  addPacked(bytes: Uint8Array): this {
    const { tally, refs, streams } = unpack(bytes);
    streams.forEach((s, i) => this.push(i, s));
    addTally(this.tally, tally);
    if (refs) this.refs.push(...refs);
    return this;
  }

  /** Appends inputs still in a pack file: a byte range per stream, and their tally. */
  addRanges(fd: number, ranges: readonly { position: number; length: number }[], tally: Tally): this {
    ranges.forEach((r, i) => this.push(i, { fd, position: r.position, length: r.length }, r.length));
    addTally(this.tally, tally);
    return this;
  }

  /** The pack's bytes, in a buffer of its own (safe to transfer to another thread). */
  finish(options: { refs?: boolean } = {}): Uint8Array {
    const header: Header = { lengths: this.lengths, tally: this.tally };
    if (options.refs) header.refs = this.refs;
    if (this.shares) header.inputs = this.shares;
    const json = JSON.stringify(header);
    const headerLength = Buffer.byteLength(json);
    const total = 4 + headerLength + this.lengths.reduce((a, b) => a + b, 0);
    // Not Buffer.allocUnsafe: small ones come from a shared pool, which must not be transferred.
    const out = Buffer.from(new ArrayBuffer(total));
    out.writeUInt32LE(headerLength, 0);
    let at = 4 + out.write(json, 4);
    for (const parts of this.parts) {
      for (const p of parts) {
        if (typeof p === 'string') at += out.write(p, at);
        else if (p instanceof Uint8Array) {
          out.set(p, at);
          at += p.length;
        } else {
          if (readSync(p.fd, out, at, p.length, p.position) !== p.length) throw new Error('a cache pack ended early');
          at += p.length;
        }
      }
    }
    return out;
  }
}
