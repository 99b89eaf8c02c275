/**
 * `npx tsx scripts/pdf-compare.ts [--rendering text-pypdf|text-poppler] [--show] [--rounds N]`
 *
 * Converts every dev PDF (../shared/letters/dev/pdf) with src/io/pdf.ts, runs
 * the extractor on the text, and compares the main fields of each letter with
 * the extractor's result on the same letter's text rendering (text-pypdf by
 * default). Prints the number of differing letters/items per field, and the
 * conversion time per letter on one thread: wall clock and CPU time, the best
 * of N rounds (default 3) after a first one that loads pdf.js and warms up (the
 * CPU time is the steadier figure on a shared machine). Exits 1 when any field
 * differs. `--show` prints each difference.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractLetter } from '../src/core/pipeline.js';
import type { CaseRecord } from '../src/core/record.js';
import { decode } from '../src/io/decode.js';
import { pdfToText } from '../src/io/pdf.js';
import { LETTERS, hasShared } from './shared.js';

if (!hasShared()) {
  console.error(`pdf-compare: ${LETTERS} not found (set IMR_SHARED or put ../shared beside the project).`);
  process.exit(2);
}

const args = process.argv.slice(2);
const at = args.indexOf('--rendering');
const rendering = at >= 0 ? args[at + 1] ?? 'text-pypdf' : 'text-pypdf';
const show = args.includes('--show');
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Math.max(1, Number(args[roundsAt + 1]) || 3) : 3;
const pdfDir = join(LETTERS, 'dev', 'pdf');
const textDir = join(LETTERS, 'dev', rendering);

type Fields = Record<string, unknown>;

/** The compared fields of a letter (null for an error), and each item's, by item number. */
function fields(record: CaseRecord | null): { letter: Fields; items: Fields[] } {
  if (!record) return { letter: {}, items: [] };
  const letter: Fields = {
    case_number: record.case_number?.value ?? null,
    ...Object.fromEntries(Object.entries(record.dates).map(([k, v]) => [`dates.${k}`, v?.value ?? null])),
    priority: record.priority?.value ?? null,
    patient_age: record.patient_age?.value ?? null,
    patient_sex: record.patient_sex?.value ?? null,
    reviewer_licensure: record.reviewer_licensure.map((l) => l.value),
    reviewer_specialty: record.reviewer_specialty.map((l) => l.value),
    n_items: record.n_items,
  };
  const items = record.items.map((i) => ({
    item_text: i.item_text.value,
    outcome: i.outcome?.value ?? null,
    claims_admin_sources: i.claims_admin_sources,
    reviewer_sources: i.reviewer_sources,
    treatment_category: i.treatment_category,
  }));
  return { letter, items };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const files = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort();
const diffs = new Map<string, number>();
const count = (field: string) => diffs.set(field, (diffs.get(field) ?? 0) + 1);
let pdfFailures = 0;
let pages = 0;
let itemsCompared = 0;
const pdfs = files.map((file) => readFileSync(join(pdfDir, file)));
const bytes = pdfs.reduce((n, b) => n + b.length, 0);

// The first round loads pdf.js and warms the JIT; the timed rounds follow.
const t0 = performance.now();
const converted = [];
for (const data of pdfs) converted.push(await pdfToText(data));
const firstRoundMs = performance.now() - t0;
let bestWall = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (const data of pdfs) await pdfToText(data);
  const used = process.cpuUsage(cpu);
  bestWall = Math.min(bestWall, (performance.now() - wall) / pdfs.length);
  bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000 / pdfs.length);
}

for (const [n, file] of files.entries()) {
  const name = file.replace(/\.pdf$/, '');
  const pdf = converted[n]!;

  const txt = decode(readFileSync(join(textDir, `${name}.txt`)));
  const reference = txt.ok ? extractLetter(`${name}.txt`, txt.text) : null;
  const ref = fields(reference?.ok ? reference.record : null);
  if (!pdf.ok) {
    pdfFailures++;
    count('pdf_failed');
    console.log(`${name}: ${pdf.code} ${pdf.message}`);
    continue;
  }
  pages += pdf.pages;
  const result = extractLetter(`${name}.pdf`, pdf.text);
  if (!result.ok) {
    count('extract_failed');
    console.log(`${name}: extractor ${result.code} ${result.message}`);
    continue;
  }
  const got = fields(result.record);
  for (const [field, value] of Object.entries(ref.letter)) {
    if (same(value, got.letter[field])) continue;
    count(field);
    if (show) console.log(`${name} ${field}: ${JSON.stringify(value)} (${rendering}) vs ${JSON.stringify(got.letter[field])} (pdf)`);
  }
  ref.items.forEach((item, k) => {
    itemsCompared++;
    for (const [field, value] of Object.entries(item)) {
      const other = got.items[k]?.[field];
      if (same(value, other)) continue;
      count(`items.${field}`);
      if (show) console.log(`${name} item ${k + 1} ${field}: ${JSON.stringify(value)} (${rendering}) vs ${JSON.stringify(other)} (pdf)`);
    }
  });
}

const letterFields = ['case_number', 'dates.date_assigned', 'dates.decision_date', 'dates.date_of_injury', 'dates.ur_denial_date', 'dates.application_received', 'priority', 'patient_age', 'patient_sex', 'reviewer_licensure', 'reviewer_specialty', 'n_items'];
const itemFields = ['item_text', 'outcome', 'claims_admin_sources', 'reviewer_sources', 'treatment_category'].map((f) => `items.${f}`);
console.log(`\nPDF (src/io/pdf.ts) vs ${rendering}: ${files.length} letters, ${itemsCompared} items; differences per field`);
for (const field of [...letterFields, ...itemFields, 'pdf_failed', 'extract_failed']) console.log(`  ${field.padEnd(30)} ${diffs.get(field) ?? 0}`);
console.log(
  `\npdfToText on one thread: ${files.length} letters, ${pages} pages, ${(bytes / files.length / 1024).toFixed(1)} KiB each, ${pdfFailures} failed; ` +
    `first round ${firstRoundMs.toFixed(0)} ms (loads pdf.js); best of ${rounds} rounds: ` +
    `${bestWall.toFixed(1)} ms/letter wall (${(1000 / bestWall).toFixed(0)} letters/s), ${bestCpu.toFixed(1)} ms/letter CPU`,
);
const total = [...diffs.values()].reduce((a, b) => a + b, 0);
process.exit(total === 0 ? 0 : 1);
