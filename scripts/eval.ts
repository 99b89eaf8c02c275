/**
 * `npm run eval`: extracts the dev letters (both text renderings, with the
 * seed letter) and scores each dataset against the gold annotations; then
 * scores the case-summary fields against the hand annotations of
 * test/annotations/. Exits 1 when a field is below its threshold.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../src/run/extract.js';
import { ROOT } from './golden.js';
import { formatScore, loadGold, score, shortfalls } from './score.js';
import { GOLD, LETTERS, hasShared } from './shared.js';
import { formatSummaryScore, scoreSummaries, summaryShortfalls } from './summary-score.js';

if (!hasShared()) {
  console.error(`eval: ${LETTERS} not found; the dev letters and gold live in ../shared beside the project (or set IMR_SHARED).`);
  process.exit(2);
}

const renderings = ['text-pypdf', 'text-poppler'];
const gold = loadGold(GOLD);
const work = mkdtempSync(join(tmpdir(), 'imr-eval-'));
let failed = false;
try {
  for (const rendering of renderings) {
    const out = join(work, rendering);
    await runExtract({ inputs: [join(LETTERS, 'dev', rendering), join(LETTERS, 'seed')], out, rawCsv: false });
    const s = score(gold, out);
    console.log(formatScore(`\n== ${rendering} + seed (${gold.length} gold letters)`, s));
    const low = shortfalls(s);
    for (const f of low) console.log(`BELOW THRESHOLD: ${f.field} ${f.accuracy.toFixed(1)}%`);
    if (low.length) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const annotations = JSON.parse(readFileSync(join(ROOT, 'test', 'annotations', 'summaries.json'), 'utf8')).letters;
for (const rendering of renderings) {
  const dir = join(LETTERS, 'dev', rendering);
  const letters = new Map(readdirSync(dir).map((f) => [f.replace(/\.txt$/, ''), join(dir, f)]));
  const s = scoreSummaries(letters, annotations);
  console.log(formatSummaryScore(`\n== case-summary fields, ${rendering} (${Object.keys(annotations).length} hand-annotated letters)`, s));
  const low = summaryShortfalls(s);
  for (const f of low) console.log(`BELOW THRESHOLD: ${f}`);
  if (low.length) failed = true;
}
process.exit(failed ? 1 : 0);
