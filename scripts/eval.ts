/**
 * `npm run eval`: extracts the dev letters (both text renderings, with the
 * seed letter) and scores each dataset against the gold annotations.
 * Exits 1 when a field is below its threshold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from '../src/run/extract.js';
import { formatScore, loadGold, score, shortfalls } from './score.js';
import { GOLD, LETTERS, hasShared } from './shared.js';

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
process.exit(failed ? 1 : 0);
