/**
 * The extract command: discover the inputs (and keep this shard's), process
 * them in batches in worker threads, and write the results to the dataset
 * sink in input order, with a bounded number of batches in flight so memory
 * stays flat whatever the corpus size. Publishes atomically at the end.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { discover, type InputFile } from '../io/discover.js';
import { DatasetWriter } from '../sinks/dataset.js';
import { prepareOutput } from '../sinks/output-folder.js';
import { TOOL_VERSION } from '../version.js';
import { CacheIndex, extractorVersion } from './cache.js';
import { pdfTextVersion } from './pdf-texts.js';
import { createRunner } from './pool.js';
import { Progress } from './progress.js';
import { inShard, type Shard } from './shard.js';

export interface ExtractOptions {
  inputs: string[];
  out: string;
  rawCsv: boolean;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Reuse earlier results of unchanged inputs from this cache folder. */
  cacheDir?: string | null;
  shard?: Shard | null;
  /** Where progress goes (null: nowhere). */
  progress?: NodeJS.WriteStream | null;
  /** Inputs per batch sent to a worker. */
  batchSize?: number;
  /** Write the text extracted from each PDF into the output's text/ folder. */
  keepText?: boolean;
  /** Write into a non-empty folder that holds no imr dataset. */
  force?: boolean;
  /** Seconds a single letter may take before it is stopped as a `timeout` error (default 60). */
  timeBudget?: number;
  /** Larger files are `file_too_large` errors (default 20,000,000 bytes). */
  maxBytes?: number;
  /** Mask residual identifiers (names, phone numbers, ...) in every output. */
  redact?: boolean;
  /** Also write cases, decisions and citations as Parquet. */
  parquet?: boolean;
}

/** Spent pack buffers up to this size are reused for later batches. */
const MAX_SPARE = 16 << 20;

export interface ExtractSummary {
  /** Stopped by SIGINT: the dataset written is partial, and its manifest says so. */
  interrupted: boolean;
  discovered: number;
  inputs: number;
  cases: number;
  errors: number;
  decisions: number;
  overturned: number;
  casesWithWarnings: number;
  unknownLayout: number;
  itemsIncomplete: number;
  out: string;
  ms: number;
}

export async function runExtract(options: ExtractOptions): Promise<ExtractSummary> {
  const t0 = performance.now();
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const shard = options.shard ?? null;
  // Started first: the workers load their code while the inputs are being found (the extractor too, unless most letters may come from the cache).
  const runner = createRunner(jobs, (options.timeBudget ?? 60) * 1000, !options.cacheDir);
  let files: InputFile[];
  let writer: DatasetWriter;
  try {
    const all = await discover(options.inputs);
    files = shard ? all.filter((f) => inShard(f.sourceFile, shard)) : all;
    prepareOutput(options.out, options.force === true);
    writer = new DatasetWriter(options.out, { parquet: options.parquet === true });
  } catch (error) {
    await runner.close();
    throw error;
  }
  const t1 = performance.now();

  const cache = options.cacheDir ? new CacheIndex({ dir: options.cacheDir, version: extractorVersion(options.rawCsv, options.redact === true), textVersion: pdfTextVersion() }) : null;
  const size = options.batchSize ?? 200;
  const batches: InputFile[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));

  const keepText = options.keepText ? join(writer.staging, 'text') : null;
  const progress = new Progress(files.length, options.progress ?? null);
  const limit = pLimit(jobs * 2);
  const window = jobs * 8;
  // Ctrl-C: stop taking new batches, publish what is done as a partial dataset. A second one stops at once.
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
  };
  process.on('SIGINT', onInterrupt);
  const inFlight = new Map<number, ReturnType<typeof runner.run>>();
  const spares: ArrayBuffer[] = [];
  const backlog: Promise<unknown>[] = [];
  try {
    let next = 0;
    for (let written = 0; written < batches.length && !interrupted; written++) {
      while (next < batches.length && next < written + window) {
        const batch = batches[next]!;
        const cached = cache && { dir: cache.config.dir, pack: cache.writable ? cache.packFor(next) : null, refs: batch.map((f) => cache.lookup(f.sourceFile)), texts: cache.texts };
        const spare = spares.pop() ?? null;
        const task = limit(() => runner.run({ files: batch, rawCsv: options.rawCsv, cache: cached, keepText, maxBytes: options.maxBytes ?? 20_000_000, redact: options.redact === true, spare }));
        // Handled here: a batch still running when the run stops (Ctrl-C, an error) is dropped with the pool, and its failure is nobody's to report.
        task.catch(() => {});
        inFlight.set(next, task);
        next++;
      }
      const pack = await inFlight.get(written)!;
      inFlight.delete(written);
      // The pack is written in the background while this thread hands out batches and journals the cache.
      const { tally, refs, written: done } = writer.addPackedLater(pack);
      const buffer = pack.buffer;
      // Once written, its buffer goes back to a worker to hold a later batch's pack (unless it is unusually large).
      done.then(() => buffer instanceof ArrayBuffer && buffer.byteLength <= MAX_SPARE && spares.push(buffer), () => {});
      backlog.push(done);
      // At most two packs wait to be written: memory stays bounded.
      if (backlog.length > 2) await backlog.shift();
      if (refs) cache?.record(refs);
      progress.tick(tally.inputs, tally.errors);
      // Let signals (Ctrl-C) and I/O in between batches.
      await new Promise((resume) => setImmediate(resume));
    }
    await writer.settled();
  } catch (error) {
    await writer.settled().catch(() => {});
    writer.abandon();
    cache?.abandon();
    await runner.close();
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  // Interrupted: closing the pool stops the batches still running.
  if (inFlight.size > 0) await runner.close();
  progress.finish();
  const t2 = performance.now();
  // Published first: the pool (idle, unless interrupted) is stopped and the cache index written while the previous dataset is removed in the background.
  try {
    writer.publish(
      {
        tool: 'imr-extract',
        version: TOOL_VERSION,
        options: { inputs: options.inputs, raw_csv: options.rawCsv, redact: options.redact === true, incremental: cache !== null, shard: shard ? `${shard.index}/${shard.count}` : null },
        discovered: files.length,
        timings_ms: { discover: Math.round(t1 - t0), extract: Math.round(t2 - t1), jobs },
      },
      !interrupted,
    );
    cache?.commit(files.map((f) => f.sourceFile));
  } finally {
    await runner.close();
  }
  const t = writer.tally;
  return { interrupted, discovered: files.length, inputs: t.inputs, cases: t.cases, errors: t.errors, decisions: t.decisions, overturned: t.overturned, casesWithWarnings: t.casesWithWarnings, unknownLayout: t.unknownLayout, itemsIncomplete: t.itemsIncomplete, out: options.out, ms: Math.round(performance.now() - t0) };
}
