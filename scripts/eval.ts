/**
 * `npm run eval`: extracts the dev letters (both text renderings, with the
 * seed letter) and scores each dataset against the gold annotations; then
 * scores the case-summary fields against the hand annotations of
 * test/annotations/. Exits 1 when a field is below its threshold.
 *
 * `npm run eval -- --noisy`: the same letters with extraction debris
 * (scripts/perturb.ts: each kind alone and all combined, fixed seed); every
 * field must stay within 1 point of its clean score, and item outcome at 100%.
 *
 * `npm run eval -- --pdf`: the dev letters' published PDFs, scored the same
 * way, and compared value by value with the text-pypdf rendering.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../src/run/extract.js';
import { ROOT } from './golden.js';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { KINDS, perturbFolder } from './perturb.js';
import { formatScore, loadGold, score, shortfalls, type Score } from './score.js';
import { GOLD, LETTERS, hasShared } from './shared.js';
import { isHeldOut } from './heldout.js';
import { renderAll, RENDERINGS } from './render.js';
import { devShortfalls, formatDevItemScore, formatDevSummaryScore, formatSummaryScore, scoreDevItems, scoreDevSummaries, scoreSummaries, type Annotation } from './summary-score.js';

if (!hasShared()) {
  console.error(`eval: ${LETTERS} not found; the dev letters and gold live in ../shared beside the project (or set IMR_SHARED).`);
  process.exit(2);
}

const renderings = ['text-pypdf', 'text-poppler'];
const gold = loadGold(GOLD);
const work = mkdtempSync(join(tmpdir(), 'imr-eval-'));
let failed = false;
const { values: flags } = parseArgs({ options: { noisy: { type: 'boolean', default: false }, pdf: { type: 'boolean', default: false }, renderers: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' } } });

const heldOut = gold.filter((g) => isHeldOut(g.case_id));
const tuning = gold.filter((g) => !isHeldOut(g.case_id));

if (flags.renderers) {
  // Every extractor researchers use (npm run render makes the renderings): accuracy on all dev letters, and on the held-out third.
  const made = await renderAll(RENDERINGS, null, false);
  const columns: { name: string; all: Score; held: Score }[] = [];
  try {
    for (const r of [{ name: 'text-poppler', dir: join(LETTERS, 'dev', 'text-poppler') }, { name: 'text-pypdf', dir: join(LETTERS, 'dev', 'text-pypdf') }, ...made]) {
      const out = join(work, r.name);
      await runExtract({ inputs: [r.dir], out, rawCsv: false, progress: null });
      const devGold = gold.filter((g) => g.case_id.startsWith('CM'));
      columns.push({ name: r.name, all: score(devGold, out), held: score(heldOut.filter((g) => g.case_id.startsWith('CM')), out) });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n== the dev letters through each renderer: accuracy % on all ${columns[0]!.all.fields[0]!.n} letters / on the held-out third`);
  console.log(['field'.padEnd(22), ...columns.map((c) => c.name.slice(0, 14).padStart(15))].join(' '));
  const base = columns[0]!.all;
  base.fields.forEach((f, i) => {
    console.log([f.field.padEnd(22), ...columns.map((c) => `${c.all.fields[i]!.accuracy.toFixed(1)}/${c.held.fields[i]!.accuracy.toFixed(1)}`.padStart(15))].join(' '));
    for (const c of columns) {
      const a = c.all.fields[i]!.accuracy;
      const exact = ['case_number', 'date_assigned', 'decision_date', 'date_of_injury', 'ur_denial_date', 'application_received', 'priority', 'n_items', 'outcome', 'case_outcome'].includes(f.field);
      if ((exact && a < 100) || a < f.accuracy - 1) failed = true;
    }
  });
  console.log(failed ? 'BELOW TARGET (header, item count and outcome 100%; other fields within 1 point of text-poppler)' : 'every renderer within target');
  process.exit(failed ? 1 : 0);
}

if (flags.pdf) {
  // The published PDFs themselves, scored like the text renderings, and compared value by value with the text-pypdf dataset.
  try {
    const pdfOut = join(work, 'pdf');
    await runExtract({ inputs: [join(LETTERS, 'dev', 'pdf'), join(LETTERS, 'seed')], out: pdfOut, rawCsv: false, progress: null });
    const s = score(gold, pdfOut);
    console.log(formatScore(`\n== dev PDFs + seed (${gold.length} gold letters)`, s));
    const low = shortfalls(s);
    for (const f of low) console.log(`BELOW THRESHOLD: ${f.field} ${f.accuracy.toFixed(1)}%`);
    const textOut = join(work, 'text');
    await runExtract({ inputs: [join(LETTERS, 'dev', 'text-pypdf'), join(LETTERS, 'seed')], out: textOut, rawCsv: false, progress: null });
    console.log('\nvalues that differ from the text-pypdf rendering (every column but source_file):');
    for (const [file, key] of [['cases.csv', ['case_id']], ['decisions.csv', ['case_id', 'item_no']]] as const) {
      const differences = compareDatasets(join(pdfOut, file), join(textOut, file), key);
      console.log(`  ${file}: ${Object.keys(differences).length === 0 ? 'none' : Object.entries(differences).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
    failed = low.length > 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

if (flags.noisy) {
  try {
    for (const rendering of renderings) {
      const clean = join(work, `${rendering}-clean`);
      await runExtract({ inputs: [join(LETTERS, 'dev', rendering), join(LETTERS, 'seed')], out: clean, rawCsv: false });
      const base = score(gold, clean);
      const columns: { kind: string; s: Score }[] = [];
      for (const kind of KINDS) {
        const noisyDir = join(work, `${rendering}-${kind}-in`);
        perturbFolder(join(LETTERS, 'dev', rendering), join(noisyDir, 'dev'), kind, Number(flags.seed));
        perturbFolder(join(LETTERS, 'seed'), join(noisyDir, 'seed'), kind, Number(flags.seed));
        const out = join(work, `${rendering}-${kind}`);
        await runExtract({ inputs: [join(noisyDir, 'dev'), join(noisyDir, 'seed')], out, rawCsv: false });
        columns.push({ kind, s: score(gold, out) });
      }
      console.log(`\n== ${rendering} + seed, noisy variants (seed ${flags.seed}): accuracy %, clean first`);
      console.log(['field'.padEnd(22), 'clean'.padStart(6), ...columns.map((c) => c.kind.slice(0, 10).padStart(11))].join(' '));
      base.fields.forEach((f, i) => {
        const cells = columns.map((c) => {
          const a = c.s.fields[i]!.accuracy;
          const bad = a < f.accuracy - 1 || (f.field === 'outcome' && a < 100);
          if (bad) failed = true;
          return `${a.toFixed(1)}${bad ? '!' : ' '}`.padStart(11);
        });
        console.log([f.field.padEnd(22), f.accuracy.toFixed(1).padStart(6), ...cells].join(' '));
      });
      for (const c of columns) if (c.s.missingCases.length) console.log(`${c.kind}: ${c.s.missingCases.length} cases missing (${c.s.missingCases.slice(0, 3).join(', ')})`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (failed) console.log('\nA "!" marks a field more than 1 point below its clean score (or an item outcome below 100%).');
  process.exit(failed ? 1 : 0);
}

try {
  for (const rendering of renderings) {
    const out = join(work, rendering);
    await runExtract({ inputs: [join(LETTERS, 'dev', rendering), join(LETTERS, 'seed')], out, rawCsv: false });
    const s = score(gold, out);
    console.log(formatScore(`\n== ${rendering} + seed (${gold.length} gold letters)`, s));
    const [t, h] = [score(tuning, out), score(heldOut, out)];
    console.log(`tuning (${tuning.length} letters) / held-out (${heldOut.length}): ` + s.fields.map((f, i) => `${f.field} ${t.fields[i]!.accuracy.toFixed(1)}/${h.fields[i]!.accuracy.toFixed(1)}`).join(', '));
    const low = shortfalls(s);
    for (const f of low) console.log(`BELOW THRESHOLD: ${f.field} ${f.accuracy.toFixed(1)}%`);
    if (low.length) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The project's own corpus against its answer keys, per layout.
{
  const out = mkdtempSync(join(tmpdir(), 'imr-eval-corpus-'));
  try {
    await runExtract({ inputs: [join(ROOT, 'corpus')], out, rawCsv: false });
    const keys = loadGold(join(ROOT, 'test', 'corpus-key'));
    const templates = [...new Set(keys.map((k) => String(k.template)))].sort();
    const perLayout = templates.map((t) => ({ t, s: score(keys.filter((k) => k.template === t), out) }));
    console.log(`\n== corpus/ against test/corpus-key, per layout (letters: ${perLayout.map((p) => `${p.t} ${keys.filter((k) => k.template === p.t).length}`).join(', ')})`);
    console.log(['field'.padEnd(22), ...perLayout.map((p) => p.t.padStart(20))].join(' '));
    perLayout[0]!.s.fields.forEach((f, i) => console.log([f.field.padEnd(22), ...perLayout.map((p) => p.s.fields[i]!.accuracy.toFixed(1).padStart(20))].join(' ')));
    // The keys' case-summary values: the one place occupations are stated (the dev letters' summaries name none).
    const byId = new Map<string, string>();
    for (const line of readFileSync(join(out, 'cases.jsonl'), 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as { case_id: string; source_file: string };
      byId.set(r.case_id, join(ROOT, 'corpus', r.source_file));
    }
    const summaries = Object.fromEntries(keys.map((k) => [k.case_id, { ...(k.summary as Annotation), mechanism_type: undefined }]));
    console.log(formatSummaryScore(`\n== case-summary fields of corpus/ against test/corpus-key (${keys.length} letters)`, scoreSummaries(byId, summaries)));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// The case-summary fields and item details against the double-annotated, adjudicated dev letters (test/annotations), tuning and held-out apart.
for (const rendering of renderings) {
  const s = scoreDevSummaries(rendering);
  console.log(`\n${formatDevSummaryScore(s)}`);
  const low = devShortfalls(s);
  for (const f of low) console.log(`BELOW TARGET: ${f}`);
  if (low.length) failed = true;
}
console.log(`\n${formatDevItemScore(scoreDevItems())}`);
process.exit(failed ? 1 : 0);

/** Per column, how many rows differ between two CSV files, rows matched by `key`. */
function compareDatasets(a: string, b: string, key: readonly string[]): Record<string, number> {
  const rows = (path: string) => new Map((parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[]).map((r) => [key.map((k) => r[k]).join('|'), r]));
  const left = rows(a);
  const right = rows(b);
  const out: Record<string, number> = {};
  for (const [k, row] of left) {
    for (const [column, value] of Object.entries(row)) {
      if (column === 'source_file' || right.get(k)?.[column] === value) continue;
      out[column] = (out[column] ?? 0) + 1;
    }
  }
  return out;
}
