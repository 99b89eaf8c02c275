/**
 * A synthetic corpus for the benchmark and the profiler: the corpus/ letters
 * copied round-robin, each copy with a new case number and dates moved by a
 * few days, so every file is distinct. Written in 100 sub-folders.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { ROOT } from './golden.js';

/** Writes `n` letters under `dir`; returns their total size in bytes. */
export function buildCorpus(dir: string, n: number): number {
  const sources = fg.sync('**/*.txt', { cwd: join(ROOT, 'corpus'), ignore: ['errors/**'] }).sort().map((f) => readFileSync(join(ROOT, 'corpus', f), 'latin1'));
  let bytes = 0;
  for (let k = 0; k < n; k++) {
    const shift = (k % 27) + 1;
    const text = sources[k % sources.length]!
      .replace(/CM(\d{2})-\d{7}/g, (_, yy: string) => `CM${yy}-${String(8000000 + k).padStart(7, '0')}`)
      .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (_, m: string, d: string, y: string) => `${m}/${String(((Number(d) + shift - 1) % 28) + 1).padStart(d.length, '0')}/${y}`);
    const sub = join(dir, String(k % 100).padStart(2, '0'));
    if (k < 100) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `letter-${k}.txt`), text, 'latin1');
    bytes += text.length;
  }
  return bytes;
}
