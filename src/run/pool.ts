/**
 * Where batches run: worker threads (piscina), `jobs` of them, running the
 * built code (dist/run/worker.js). Each batch is watched: a letter that
 * keeps its worker busy longer than the time budget has its worker stopped
 * and becomes a `timeout` error row; the rest of its batch is run again
 * without it. So one pathological letter costs its budget, not the run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { Packer } from './packed.js';
import type { Batch } from './worker.js';

export interface Runner {
  /** The batch's pack (see packed.ts), with one cache reference per input. */
  run(batch: Batch): Promise<Uint8Array>;
  /** Stops the workers (once; later calls wait for the same). */
  close(): Promise<void>;
}

/** The built worker, found the same way from src/run (tests) and dist/run. */
const WORKER = fileURLToPath(new URL('../../dist/run/worker.js', import.meta.url));

/** How often the watchdog looks at the workers. */
const WATCH_MS = 100;
/**
 * Old-generation heap of a worker thread: a cap far above a run's own (about
 * 100 MB), reached only by a pathological letter. With the small nursery below
 * such a letter's intermediate objects are promoted sooner, so the cap is 256
 * MB (at 192 a 6 MB letter of three million lines could run out of memory
 * before its time budget did).
 */
const WORKER_HEAP_MB = 256;
/**
 * Young generation of a worker thread: a letter's garbage is short-lived, and
 * a smaller nursery is collected sooner, so a run's peak memory is about 50 MB
 * lower (100,000 letters on two workers: 349-367 MB against 391-409 MB) for a
 * throughput within this machine's noise (docs/speed.md).
 */
const WORKER_YOUNG_MB = 24;

/**
 * The most bytecode TurboFan inlines into one optimised function (V8's
 * default is 920). Each worker's isolate compiles the extractor for itself,
 * on V8's background threads, and its largest functions (extractLetter, the
 * case summary) inline most of the extractor and are deoptimised and
 * recompiled a few times as letters take new paths: that compiling, not
 * garbage collection, is the background threads' work in a run, and it
 * competes with the workers for the cores. At 300 it takes a quarter to a
 * third less CPU and the workers' own time does not grow (docs/speed.md).
 * V8's flags are the process's: set before the first worker's isolate exists.
 */
const INLINE_BUDGET = '--max-inlined-bytecode-size-cumulative=300';

/** `preload`: the workers load the extractor as they start (a run that will process letters), rather than on their first cache miss. */
export function createRunner(jobs: number, budgetMs: number, preload = false): Runner {
  if (!existsSync(WORKER)) throw new Error(`worker threads need the built code (${WORKER}): run npm run build`);
  setFlagsFromString(INLINE_BUDGET);
  // A worker's heap is capped, so memory stays bounded however many letters pass through; a letter
  // that needs more (a giant PDF) stops its worker and becomes an error row like a timeout.
  const pool = new Piscina<Batch, Uint8Array>({ filename: WORKER, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB }, workerData: { preload } });
  // A worker stopped by the watchdog can reach its heap limit as it stops: its letter is already a timeout
  // row and piscina replaces the worker, but the error, tied to no task, comes as the pool's 'error' event,
  // which would otherwise end the process.
  pool.on('error', () => {});

  async function guarded(batch: Batch): Promise<Uint8Array> {
    if (batch.files.length === 0) return new Packer().finish({ refs: true });
    // The worker writes the index of the file it is on; the watchdog reads it.
    const current = new Int32Array(new SharedArrayBuffer(4));
    current[0] = -1;
    const controller = new AbortController();
    let seen = -1;
    let since = performance.now();
    let timedOut = -1;
    const watch = setInterval(() => {
      const at = Atomics.load(current, 0);
      const now = performance.now();
      if (at !== seen) {
        seen = at;
        since = now;
      } else if (at >= 0 && now - since > budgetMs) {
        timedOut = at;
        controller.abort();
      }
    }, WATCH_MS);
    try {
      return await pool.run({ ...batch, current }, { signal: controller.signal, ...(batch.spare ? { transferList: [batch.spare] } : {}) });
    } catch (error) {
      // The pool is closing (Ctrl-C): the batch is dropped, not split and run again on a worker that is going away.
      if (closed) throw error;
      // The worker stopped on a letter: past the time budget, or out of memory. That letter becomes an error row.
      const at = timedOut >= 0 ? timedOut : Atomics.load(current, 0);
      if (at < 0) throw error;
      const file = batch.files[at]!;
      const outcome =
        timedOut >= 0
          ? { ok: false as const, code: 'timeout', message: `took longer than the time budget of ${budgetMs / 1000} s and was stopped` }
          : { ok: false as const, code: 'extractor_failed', message: `the worker stopped on this letter: ${error instanceof Error ? error.message : String(error)}` };
      // The renderer is loaded here, on the first stopped letter: the main thread has no other use for it.
      const { render } = await import('./render.js');
      const row = render({ sourceFile: file.sourceFile, sha256: '', bytes: 0, encoding: '', outcome }, batch.rawCsv, batch.redact);
      const part = (from: number, to?: number): Batch => ({ ...batch, spare: null, files: batch.files.slice(from, to), cache: batch.cache && { ...batch.cache, pack: batch.cache.pack && `${from}-${batch.cache.pack}`, refs: batch.cache.refs.slice(from, to) } });
      const out = new Packer().addPacked(await guarded(part(0, at))).addRendered(row);
      out.refs.push(null);
      return out.addPacked(await guarded(part(at + 1))).finish({ refs: true });
    } finally {
      clearInterval(watch);
    }
  }

  let closed: Promise<void> | null = null;
  return { run: guarded, close: () => (closed ??= pool.destroy()) };
}
