/**
 * Case-summary fields against the hand annotations of 48 dev letters
 * (test/annotations/): F1 of at least 0.90 for diagnoses, prior treatments
 * and body regions (occupation: no false one; the summaries name none), and
 * 0.95 accuracy of the assertion status of the mentions the extractor
 * extracts. Needs ../shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { scoreSummaries } from '../../scripts/summary-score.js';

const FLOORS: Record<string, number> = { diagnoses: 0.9, body_regions: 0.9, prior_treatments: 0.9, occupation: 1, ur_action: 0.95, ur_action_date: 0.85 };

describe.skipIf(!hasShared())('case-summary fields on the annotated dev letters', () => {
  const annotations = JSON.parse(readFileSync(join(ROOT, 'test', 'annotations', 'summaries.json'), 'utf8')).letters;
  it.each(['text-pypdf', 'text-poppler'])('%s', (rendering) => {
    const dir = join(LETTERS, 'dev', rendering);
    const letters = new Map(readdirSync(dir).map((f) => [f.replace(/\.txt$/, ''), join(dir, f)]));
    const s = scoreSummaries(letters, annotations);
    for (const [field, floor] of Object.entries(FLOORS)) {
      const f = s.fields.find((x) => x.field === field)!;
      expect(f.f1, `${field} F1 (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`).toBeGreaterThanOrEqual(floor);
    }
    expect(s.extracted.n).toBeGreaterThan(100);
    expect(s.extracted.accuracy, 'assertion status of extracted mentions').toBeGreaterThanOrEqual(0.95);
  });
});
