/**
 * The output folder and how a dataset is published into it. Everything the
 * tool writes stays inside the folder: a run is staged in `<out>/.imr/`, and
 * published by renaming each staged file over the previous one under a
 * journal; a published entry the new dataset has none of (Parquet files,
 * text/) is moved away with the rest of the previous dataset. A run killed
 * before publishing leaves the previous dataset as it was; one killed while
 * publishing (a few renames) is rolled forward by the next run, which finds
 * the journal. The folder must be empty or hold a previous imr dataset,
 * unless forced.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rm, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORMER_TABLE_IDS, TABLES } from '../report/tables.js';

/** What a dataset folder holds (the Parquet files with --parquet; `text/`: the PDFs' text, with --keep-text). */
export const DATASET_ENTRIES = ['cases.csv', 'decisions.csv', 'citations.csv', 'cases.jsonl', 'errors.csv', 'manifest.json', 'codebook.md', 'datapackage.json', 'cases.parquet', 'decisions.parquet', 'citations.parquet', 'text'] as const;

/** The tool's own working folder inside the output folder: staged runs, the publish journal, the cache. */
export const WORK_DIR = '.imr';
const JOURNAL = 'publish.json';

export class OutputRefused extends Error {}

/** Whether the folder's manifest.json is one this tool wrote: its first field names the tool (the file runs to megabytes; only its head is read). */
function isImrDataset(out: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(join(out, 'manifest.json'), 'r');
    const head = Buffer.alloc(256);
    const text = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
    return MANIFEST_HEAD.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

const MANIFEST_HEAD = /^\{\s*"tool"\s*:\s*"imr-extract"/;

/**
 * Makes `out` ready for a run: creates it, or checks that it is empty or a
 * previous imr dataset (else refuses, unless `force`), and finishes a
 * publication an earlier run was killed in.
 */
export function prepareOutput(out: string, force: boolean): string {
  const dir = resolve(out);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new OutputRefused(`${out} exists and is not a folder`);
    const foreign = readdirSync(dir).filter((e) => e !== WORK_DIR);
    if (foreign.length > 0 && !isImrDataset(dir) && !existsSync(join(dir, WORK_DIR)) && !force) {
      throw new OutputRefused(`${out} is not empty and holds no imr dataset (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}); choose another folder, or pass --force to write the dataset files into it`);
    }
  }
  mkdirSync(join(dir, WORK_DIR), { recursive: true });
  recover(dir);
  return dir;
}

/** Stagings made by this process so far: two in the same millisecond get different folders. */
let stagings = 0;

/** A fresh staging folder for this run, inside the output folder. */
export function stagingFolder(out: string): string {
  const staging = join(resolve(out), WORK_DIR, `run-${process.pid}-${Date.now()}-${++stagings}`);
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Makes the published dataset the staged one: each of `entries` (what was
 * staged) still in the staging folder is moved in, and a published entry not
 * among them is moved out. Each published entry is first renamed aside into
 * the staging folder, then the staged one renamed in: renaming over a file
 * would make ext4 flush the new one and free the old one's blocks while the
 * dataset is being switched. An entry of `entries` no longer staged was moved
 * in before an interruption, so running this again finishes the switch. The
 * staging folder, now holding the previous dataset, is then removed; with
 * `background`, in libuv's thread pool (the process exits when that is done,
 * and a removal cut short is finished by the next run: see recover).
 */
function moveInto(staging: string, out: string, entries: readonly string[], background: boolean): void {
  const replaced = join(staging, REPLACED);
  mkdirSync(replaced, { recursive: true });
  for (const name of DATASET_ENTRIES) {
    const from = join(staging, name);
    const to = join(out, name);
    if (!entries.includes(name)) {
      if (existsSync(to)) renameSync(to, join(replaced, name));
    } else if (existsSync(from)) {
      if (existsSync(to)) renameSync(to, join(replaced, name));
      renameSync(from, to);
    }
  }
  for (const name of reportOutputs(out)) renameSync(join(out, name), join(replaced, name));
  if (background) rm(staging, { recursive: true, force: true }, () => {});
  else rmSync(staging, { recursive: true, force: true });
}

/** The tables a report writes as `<name>.<table>.csv`, and those of earlier versions. */
const REPORT_TABLES = new Set([...TABLES.map((t) => t.id), ...FORMER_TABLE_IDS]);

/** The file `imr report` marks its folders with (src/report/groups.ts). */
const REPORT_MARKER = '.imr-report';

/**
 * What `imr report` wrote into the dataset folder, which a new dataset makes
 * stale: for each report page `<name>.html` (one with `<name>.overall.csv`
 * beside it), the page, the CSV files of its tables, and its marked
 * `<name>.cases/` and `<name>.explain/` folders.
 */
function reportOutputs(out: string): string[] {
  const names = readdirSync(out);
  const pages = names.filter((n) => n.endsWith('.html') && names.includes(`${n.slice(0, -5)}.overall.csv`)).map((n) => n.slice(0, -5));
  const isTable = (n: string, page: string) => n.startsWith(`${page}.`) && n.endsWith('.csv') && REPORT_TABLES.has(n.slice(page.length + 1, -4));
  return names.filter((n) =>
    !(DATASET_ENTRIES as readonly string[]).includes(n) &&
    pages.some((page) => {
      if (n === `${page}.html` || isTable(n, page)) return true;
      return (n === `${page}.cases` || n === `${page}.explain`) && existsSync(join(out, n, REPORT_MARKER));
    }),
  );
}

/** Inside a staging folder: the published entries it replaced. */
const REPLACED = '.replaced';

/** What the journal of a publication holds. */
interface Journal {
  staging: string;
  /** The entries staged; absent in a journal written before it was recorded (every entry then counts as staged). */
  entries?: string[];
}

/** Publishes a complete staged dataset into `out`, under a journal. */
export function publish(staging: string, out: string): void {
  const journal = join(out, WORK_DIR, JOURNAL);
  const entries = DATASET_ENTRIES.filter((name) => existsSync(join(staging, name)));
  writeFileSync(`${journal}.tmp`, JSON.stringify({ staging, entries } satisfies Journal));
  renameSync(`${journal}.tmp`, journal);
  moveInto(staging, out, entries, true);
  rmSync(journal, { force: true });
}

/** Rolls forward a publication that was interrupted; removes runs that never reached publication. */
function recover(out: string): void {
  const work = join(out, WORK_DIR);
  const journal = join(work, JOURNAL);
  if (existsSync(journal)) {
    const { staging, entries } = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
    if (existsSync(staging)) moveInto(staging, out, entries ?? DATASET_ENTRIES, false);
    rmSync(journal, { force: true });
  }
  for (const entry of readdirSync(work)) {
    const m = /^run-(\d+)-\d+(?:-\d+)?$/.exec(entry);
    if (m && !alive(Number(m[1]))) rmSync(join(work, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
