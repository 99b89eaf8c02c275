/**
 * Where batches run: worker threads (piscina) for `--jobs` above 1, the main
 * thread otherwise. Workers run the built code (dist/run/worker.js).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Rendered } from './render.js';
import { runBatch, type Batch } from './worker.js';

export interface Runner {
  run(batch: Batch): Promise<Rendered[]>;
  close(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('../../dist/run/worker.js', import.meta.url).href.replace('/dist/dist/', '/dist/'));

export function createRunner(jobs: number): Runner {
  if (jobs <= 1) {
    return { run: (batch) => runBatch(batch), close: async () => {} };
  }
  if (!existsSync(WORKER)) throw new Error(`worker threads need the built code (${WORKER}): run npm run build`);
  const pool = new Piscina<Batch, Rendered[]>({ filename: WORKER, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000 });
  return { run: (batch) => pool.run(batch), close: () => pool.destroy() };
}
