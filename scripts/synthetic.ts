/**
 * A corpus for the benchmark and the profiler, shaped like the letters users
 * run: the dev letters of ../shared in both their text renderings (real
 * letters, about 6 KB each), or, where ../shared is absent, the corpus/
 * letters (with a note: they are shorter and simpler than real ones). Copied
 * round-robin, each copy with a new case number and dates moved by a few days,
 * so every file is distinct. Written in 100 sub-folders, outside the project.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { ROOT } from './golden.js';
import { hasShared, LETTERS } from './shared.js';

/** The letters copies are made of: the dev letters when ../shared is there, else corpus/. */
export function corpusSources(): { what: string; texts: string[] } {
  if (hasShared()) {
    const dirs = ['text-poppler', 'text-pypdf'].map((r) => join(LETTERS, 'dev', r));
    return { what: 'the dev letters (text-poppler and text-pypdf)', texts: dirs.flatMap((d) => fg.sync('*.txt', { cwd: d }).sort().map((f) => readFileSync(join(d, f), 'latin1'))) };
  }
  console.error('NOTE: ../shared is absent: the corpus is made of corpus/ letters, which are shorter and simpler than real ones.');
  return { what: 'corpus/ letters', texts: fg.sync('**/*.txt', { cwd: join(ROOT, 'corpus'), ignore: ['errors/**'] }).sort().map((f) => readFileSync(join(ROOT, 'corpus', f), 'latin1')) };
}

/** Writes `n` letters under `dir`; returns their total size in bytes, and what they were made of. */
export function buildCorpus(dir: string, n: number): { bytes: number; what: string } {
  const { what, texts: sources } = corpusSources();
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
  return { bytes, what };
}
