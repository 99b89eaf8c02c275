/**
 * Accuracy on the real dev letters against the gold annotations, with the
 * per-field thresholds of scripts/score.ts. Needs ../shared; skips with a
 * note where it is absent (a user's clone), and runs in CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.js';
import { loadGold, score, THRESHOLDS, type Score } from '../../scripts/score.js';
import { GOLD, LETTERS, hasShared } from '../../scripts/shared.js';

const present = hasShared();
if (!present) console.warn(`NOTE: ${LETTERS} is absent, so the accuracy tests on the real letters are skipped.`);

describe.skipIf(!present)('accuracy on the dev letters', () => {
  const work = mkdtempSync(join(tmpdir(), 'imr-acc-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe.each(['text-pypdf', 'text-poppler'])('%s rendering', (rendering) => {
    let result: Score;
    it('extracts every dev letter and the seed', async () => {
      const out = join(work, rendering);
      const summary = await runExtract({ inputs: [join(LETTERS, 'dev', rendering), join(LETTERS, 'seed')], out, rawCsv: false });
      expect(summary.errors).toBe(0);
      result = score(loadGold(GOLD), out);
      expect(result.missingCases).toEqual([]);
    });
    it.each(Object.entries(THRESHOLDS))('%s reaches %d%%', (field, threshold) => {
      const f = result.fields.find((x) => x.field === field)!;
      expect(f.n).toBeGreaterThan(0);
      expect(f.accuracy, `${field}: ${f.correct}/${f.n}`).toBeGreaterThanOrEqual(threshold);
    });
    it('reproduces the gold overturn rate', () => {
      expect(result.outputOverturned).toBe(result.goldOverturned);
    });
  });
});
