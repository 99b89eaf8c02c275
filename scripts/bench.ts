/**
 * `npm run bench [-- --letters N] [-- --pdfs N] [-- --repeat R]`: builds a corpus
 * of letters shaped like the real ones (scripts/synthetic.ts: the dev letters,
 * each copy with a new case number and shifted dates) and measures, in one run:
 *   (a) reading every file only, (b) the full pipeline with 1 worker,
 *   (c) with all cores, (d) an incremental re-run over unchanged inputs,
 *   (e) PDFs per second (the dev PDFs in ../shared, copied, with all cores),
 *   beside poppler's pdftotext over the same files with as many processes,
 *   (f) a re-extraction of the same PDFs from the cache by a changed extractor.
 * Each run is the built CLI in a child process, timed wall-clock, with its
 * peak memory (maximum resident set) from GNU time. Before each, `sync`
 * writes out what earlier runs left in the page cache (gigabytes, by the
 * incremental run): a run is measured alone, not while the kernel writes
 * back the one before it, as a re-run the next day would be. Prints a table,
 * then one line of JSON.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import { ROOT } from './golden.js';
import { LETTERS, hasShared } from './shared.js';
import { buildCorpus } from './synthetic.js';

const { values } = parseArgs({ options: { letters: { type: 'string', default: '50000' }, pdfs: { type: 'string', default: '512' }, repeat: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } } });
const repeat = Math.max(1, Number(values.repeat));
const N = Number(values.letters);
const cores = availableParallelism();
const cli = join(ROOT, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');
const work = mkdtempSync(join(tmpdir(), 'imr-bench-'));

interface Run {
  seconds: number;
  rssMb: number;
}

function timed(args: string[]): Run {
  return timedCli(cli, args);
}

function timedCli(program: string, args: string[]): Run {
  spawnSync('sync');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, program, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`imr ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, rssMb: Math.round(kb / 1024) };
}

/**
 * A copy of the built tool whose extractor differs by one comment (so its version, and every cached
 * rendering, differs) while its PDF engine does not: what a user has after upgrading the extractor.
 */
function changedExtractor(): string {
  const app = join(work, 'changed');
  cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'lexicons'), join(app, 'lexicons'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
  appendFileSync(join(app, 'dist', 'core', 'pipeline.js'), '\n// a changed extractor\n');
  return join(app, 'dist', 'cli.js');
}

const letters = join(work, 'letters');
console.log(`building ${N} letters in ${letters} ...`);
const { bytes, what } = buildCorpus(letters, N);

// (a) reading only: every file, one thread.
const files = fg.sync('**/*.txt', { cwd: letters, absolute: true });
spawnSync('sync');
const t0 = performance.now();
let read = 0;
for (const f of files) read += readFileSync(f).length;
const readSeconds = (performance.now() - t0) / 1000;

const out = (name: string) => join(work, name);
// With --repeat R, each measurement is made R times, in rounds (b, c, first, re-run; then again), and
// the table gives the median time of each and the largest peak memory: this machine's speed drifts.
const rounds: Record<'one' | 'all' | 'first' | 'again', Run[]> = { one: [], all: [], first: [], again: [] };
for (let r = 0; r < repeat; r++) {
  if (r > 0) for (const name of ['one', 'all', 'inc']) rmSync(out(name), { recursive: true, force: true });
  rounds.one.push(timed(['extract', letters, '--out', out('one'), '--jobs', '1', '--quiet']));
  rounds.all.push(timed(['extract', letters, '--out', out('all'), '--jobs', String(cores), '--quiet']));
  rounds.first.push(timed(['extract', letters, '--out', out('inc'), '--jobs', String(cores), '--incremental', '--quiet']));
  rounds.again.push(timed(['extract', letters, '--out', out('inc'), '--jobs', String(cores), '--incremental', '--quiet']));
}
const median = (runs: Run[]): Run => {
  const sorted = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { seconds: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
};
const [one, all, first, again] = [median(rounds.one), median(rounds.all), median(rounds.first), median(rounds.again)];
for (const f of ['cases.csv', 'decisions.csv', 'cases.jsonl']) {
  if (!readFileSync(join(out('one'), f)).equals(readFileSync(join(out('all'), f))) || !readFileSync(join(out('all'), f)).equals(readFileSync(join(out('inc'), f)))) {
    throw new Error(`${f} differs between the runs`);
  }
}

// (e) PDFs: the dev PDFs, copied to the requested count under new names; beside them, poppler's
// pdftotext over the same files with as many processes as cores (the text alone, no extraction);
// (f) with --incremental, a first run, then a run of a changed extractor over the same cache (its
// renderings all miss; the PDFs' kept texts are read instead of the PDFs).
let pdf: (Run & { n: number }) | null = null;
let pdftotext: Run | null = null;
let pdfFirst: Run | null = null;
let pdfChanged: Run | null = null;
if (hasShared() && Number(values.pdfs) > 0) {
  const pdfs = join(work, 'pdfs');
  mkdirSync(pdfs);
  const originals = readdirSync(join(LETTERS, 'dev', 'pdf')).filter((f) => f.endsWith('.pdf'));
  const n = Number(values.pdfs);
  // Each copy ends with a comment line of its own after %%EOF (readers ignore it): distinct content, as distinct letters have, so the text cache does not take copies for repeats.
  const bytesOf = originals.map((f) => readFileSync(join(LETTERS, 'dev', 'pdf', f)));
  for (let k = 0; k < n; k++) writeFileSync(join(pdfs, `${k}-${originals[k % originals.length]}`), Buffer.concat([bytesOf[k % originals.length]!, Buffer.from(`%imr-bench copy ${k}\n`)]));
  pdf = { ...timed(['extract', pdfs, '--out', out('pdf'), '--jobs', String(cores), '--quiet']), n };
  if (spawnSync('pdftotext', ['-v']).status === 0) {
    spawnSync('sync');
    const t = performance.now();
    const r = spawnSync('sh', ['-c', `find "${pdfs}" -name '*.pdf' -print0 | xargs -0 -P ${cores} -n 16 sh -c 'for f; do pdftotext -q "$f" /dev/null; done' _`]);
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    pdftotext = { seconds: (performance.now() - t) / 1000, rssMb: 0 };
  } else console.error('NOTE: pdftotext (poppler-utils) is not installed: no comparison with it.');
  const cache = join(work, 'pdf-cache');
  pdfFirst = timed(['extract', pdfs, '--out', out('pdf-inc'), '--jobs', String(cores), '--incremental', '--cache', cache, '--quiet']);
  pdfChanged = timedCli(changedExtractor(), ['extract', pdfs, '--out', out('pdf-inc'), '--jobs', String(cores), '--incremental', '--cache', cache, '--quiet']);
  if (!readFileSync(join(out('pdf'), 'cases.jsonl')).equals(readFileSync(join(out('pdf-inc'), 'cases.jsonl')))) throw new Error('the PDFs gave other cases from their kept texts');
}

const rate = (run: Run) => N / run.seconds;
const row = (what: string, seconds: number, perS: number, rss: number | string) =>
  `${what.padEnd(34)} ${seconds.toFixed(2).padStart(9)} ${Math.round(perS).toString().padStart(12)} ${String(rss).padStart(12)}`;
console.log(`\n${N} letters (copies of ${what}), ${(bytes / 1e6).toFixed(0)} MB, ${cores} cores${repeat > 1 ? `; median of ${repeat} rounds` : ''}`);
if (repeat > 1) for (const [name, runs] of Object.entries(rounds)) console.log(`  ${name.padEnd(6)} ${runs.map((r) => r.seconds.toFixed(2)).join('  ')} s`);
console.log(`${'measurement'.padEnd(34)} ${'seconds'.padStart(9)} ${'letters/s'.padStart(12)} ${'peak RSS MB'.padStart(12)}`);
console.log(row('(a) read every file only', readSeconds, N / readSeconds, '-'));
console.log(row('(b) full pipeline, 1 worker', one.seconds, rate(one), one.rssMb));
console.log(row(`(c) full pipeline, ${cores} workers`, all.seconds, rate(all), all.rssMb));
console.log(row('    first run with --incremental', first.seconds, rate(first), first.rssMb));
console.log(row('(d) incremental re-run, unchanged', again.seconds, rate(again), again.rssMb));
if (pdf) console.log(row(`(e) ${pdf.n} PDFs, ${cores} workers`, pdf.seconds, pdf.n / pdf.seconds, pdf.rssMb));
if (pdf && pdftotext) console.log(row(`    pdftotext alone, ${cores} processes`, pdftotext.seconds, pdf.n / pdftotext.seconds, '-'));
if (pdf && pdfFirst) console.log(row('(f) PDFs, first run with --incremental', pdfFirst.seconds, pdf.n / pdfFirst.seconds, pdfFirst.rssMb));
if (pdf && pdfChanged) console.log(row('    the same after an extractor change', pdfChanged.seconds, pdf.n / pdfChanged.seconds, pdfChanged.rssMb));
const result = {
  letters: N,
  cores,
  repeat,
  letters_per_s: Math.round(rate(all)),
  letters_per_s_1_worker: Math.round(rate(one)),
  speedup: Number((one.seconds / all.seconds).toFixed(2)),
  read_only_letters_per_s: Math.round(N / readSeconds),
  incremental_speedup: Number((first.seconds / again.seconds).toFixed(2)),
  pdf_per_s: pdf ? Number((pdf.n / pdf.seconds).toFixed(1)) : null,
  pdf_vs_pdftotext: pdf && pdftotext ? Number((pdftotext.seconds / pdf.seconds).toFixed(2)) : null,
  pdf_cached_text_speedup: pdfFirst && pdfChanged ? Number((pdfFirst.seconds / pdfChanged.seconds).toFixed(2)) : null,
  peak_rss_mb: Math.max(one.rssMb, all.rssMb, first.rssMb, again.rssMb, pdf?.rssMb ?? 0, pdfFirst?.rssMb ?? 0, pdfChanged?.rssMb ?? 0),
};
console.log(JSON.stringify(result));
if (!values.keep) rmSync(work, { recursive: true, force: true });
