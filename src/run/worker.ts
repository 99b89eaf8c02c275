/**
 * The work of one batch of inputs, in a worker thread (piscina): read each
 * file, hash it, take its rendering from the cache or process and render it,
 * and return the batch as one pack (see packed.ts), moved to the main thread
 * without a copy. Workers read the files themselves: synchronous reads in a
 * worker are cheaper than passing file contents between threads.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { sha256 } from '../io/decode.js';
import type { InputFile } from '../io/discover.js';
import { QuietOpener, ReadBuffer, readInput } from '../io/read.js';
import { PACKS, PackReader } from './cache.js';
import { addTally, emptyTally, Packer, STREAMS, type CacheRef } from './packed.js';
import type * as Processing from './process-file.js';
import type * as Rendering from './render.js';

export interface Batch {
  files: InputFile[];
  rawCsv: boolean;
  /** The cache folder, the pack file this batch writes new renderings to, each input's cached rendering (or null), and the folder of the PDFs' kept texts (null: none kept). */
  cache: { dir: string; pack: string | null; refs: (CacheRef | null)[]; texts: string | null } | null;
  /** Where to write the text extracted from PDFs (`--keep-text`), or null. */
  keepText: string | null;
  /** Files larger than this become `file_too_large` errors. */
  maxBytes: number;
  /** Mask residual identifiers in every output. */
  redact: boolean;
  /** A spent pack's buffer, moved here to hold this batch's pack (saves allocating one per batch). */
  spare?: ArrayBuffer | null;
  /** Shared with the watchdog: the index of the file being processed. */
  current?: Int32Array;
}

/**
 * The extractor and the renderer, loaded when a batch first needs them: a
 * worker whose letters all come from the cache never loads them (a quarter
 * of a second), and the extractor's NLP is loaded only if a letter needs it.
 */
let processing: typeof Processing | null = null;
let rendering: typeof Rendering | null = null;
/** A run without a cache will process every letter: load the extractor now, while the main thread finds the inputs. */
if ((workerData as { preload?: boolean } | null)?.preload) {
  // A failure here is left to the first letter, which imports them again and reports it.
  import('./process-file.js').then((m) => (processing ??= m), () => {});
  import('./render.js').then((m) => (rendering ??= m), () => {});
}
const render = async (...args: Parameters<typeof Rendering.render>) => {
  rendering ??= await import('./render.js');
  return rendering.render(...args);
};

/** Every letter this worker reads goes into one buffer (PDFs are copied out of it: pdf.js keeps its input). */
const readBuffer = new ReadBuffer();
const opener = new QuietOpener();

/** Consecutive inputs found in the cache, in consecutive slots of one pack: copied as one byte range per stream. */
interface Run {
  pack: string;
  from: number;
  to: number;
}

/** The batch's pack, with one cache reference per input (null where there is none). */
export async function runBatch(batch: Batch): Promise<Uint8Array> {
  const cache = batch.cache && !batch.keepText ? batch.cache : null;
  const reader = cache ? new PackReader(cache.dir) : null;
  try {
    const out = new Packer();
    // This batch's new renderings for the cache, made on the first one (a packer holds arenas, reused from pack to pack).
    let fresh: Packer | null = null;
    let run: Run | null = null;
    const flush = () => {
      if (!run) return;
      const pack = reader!.pack(run.pack)!;
      const tally = emptyTally();
      for (let slot = run.from; slot < run.to; slot++) addTally(tally, pack.inputs[slot]!.tally);
      out.addRanges(pack.fd, STREAMS.map((_, s) => ({ position: pack.offsets[s]![run!.from]!, length: pack.offsets[s]![run!.to]! - pack.offsets[s]![run!.from]! })), tally);
      run = null;
    };
    for (const [index, input] of batch.files.entries()) {
      if (batch.current) Atomics.store(batch.current, 0, index);
      const read = readInput(input, batch.maxBytes, readBuffer, opener);
      if ('result' in read) {
        flush();
        out.addRendered(await render(read.result, batch.rawCsv, batch.redact));
        out.refs.push(null);
        continue;
      }
      const hash = sha256(read.bytes);
      const ref = cache?.refs[index];
      if (ref && ref.sha256 === hash && (reader!.pack(ref.pack)?.inputs.length ?? 0) > ref.slot) {
        if (!run || run.pack !== ref.pack || run.to !== ref.slot) {
          flush();
          run = { pack: ref.pack, from: ref.slot, to: ref.slot };
        }
        run.to++;
        out.refs.push(ref);
        continue;
      }
      flush();
      processing ??= await import('./process-file.js');
      const result = processing.isPdf(input) ? await processing.processPdf(input, Buffer.from(read.bytes), hash, batch.keepText, cache?.texts ?? null) : processing.processBytes(input, read.bytes, hash);
      const rendered = await render(result, batch.rawCsv, batch.redact);
      out.addRendered(rendered);
      if (cache?.pack) {
        fresh ??= new Packer({ shares: true });
        out.refs.push({ sourceFile: input.sourceFile, sha256: hash, pack: cache.pack, slot: fresh.inputs });
        fresh.addRendered(rendered);
      } else out.refs.push(null);
    }
    flush();
    if (cache?.pack && fresh) {
      try {
        writeFileSync(join(cache.dir, PACKS, cache.pack), fresh.finish());
      } catch {
        // Not kept: these inputs are processed again next time.
        out.refs.forEach((r, i) => {
          if (r?.pack === cache.pack) out.refs[i] = null;
        });
      }
    }
    try {
      // Cached ranges are read here, into the pack.
      return out.finish({ refs: true, into: batch.spare });
    } catch {
      // A pack file changed under this run (it was checked when opened): do the batch without the cache.
      return await runBatch({ ...batch, spare: null, cache: cache && { ...cache, refs: cache.refs.map(() => null) } });
    }
  } finally {
    reader?.close();
  }
}

/** The piscina entry point: the pack is moved, not copied, to the main thread. */
export default async function worker(batch: Batch): Promise<Uint8Array> {
  return move(await runBatch(batch)) as Uint8Array;
}
