/**
 * The work of one batch of inputs, in a worker thread (piscina) or in the
 * main thread: read each file, hash it, take its rendering from the cache or
 * process and render it. Workers read the files themselves: synchronous reads
 * in a worker are cheaper than passing file contents between threads.
 */
import { sha256 } from '../io/decode.js';
import type { InputFile } from '../io/discover.js';
import { cacheGet, cachePut, type CacheConfig } from './cache.js';
import { isPdf, processBytes, processPdf, readInput } from './process-file.js';
import { render, type Rendered } from './render.js';

export interface Batch {
  files: InputFile[];
  rawCsv: boolean;
  cache: CacheConfig | null;
  /** Where to write the text extracted from PDFs (`--keep-text`), or null. */
  keepText: string | null;
  /** Files larger than this become `file_too_large` errors. */
  maxBytes: number;
  /** Mask residual identifiers in every output. */
  redact: boolean;
  /** Shared with the watchdog: the index of the file being processed. */
  current?: Int32Array;
}

export async function runBatch(batch: Batch): Promise<Rendered[]> {
  const out: Rendered[] = [];
  for (const [index, input] of batch.files.entries()) {
    if (batch.current) Atomics.store(batch.current, 0, index);
    const read = readInput(input, batch.maxBytes);
    if ('result' in read) {
      out.push(render(read.result, batch.rawCsv, batch.redact));
      continue;
    }
    const hash = sha256(read.bytes);
    const cached = batch.cache && !batch.keepText ? cacheGet(batch.cache, input.sourceFile, hash) : null;
    if (cached) {
      out.push(cached);
      continue;
    }
    const result = isPdf(input) ? await processPdf(input, read.bytes, hash, batch.keepText) : processBytes(input, read.bytes, hash);
    const rendered = render(result, batch.rawCsv, batch.redact);
    if (batch.cache) cachePut(batch.cache, input.sourceFile, hash, rendered);
    out.push(rendered);
  }
  return out;
}

export default runBatch;
