/**
 * Case-summary fields against the adjudicated double annotation of all 128 dev
 * letters (test/annotations/summaries-128.json), on the tuning letters and on
 * the held-out third (scripts/heldout.ts) apart, with issue 14's targets:
 * body regions, diagnoses and prior treatments micro F1 0.90; negated F1 0.70
 * with precision 0.80; UR action and its date right in 95% of letters;
 * mechanism type in 90%; no occupation the letter does not state. Where a
 * target is not reached on the held-out third, the floor is the measured
 * value (docs/accuracy.md), so that a regression shows. Also the assertion
 * status of the extracted mentions on the older 48-letter annotation
 * (summaries.json). Needs ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/golden.js';
import { hasShared } from '../../scripts/shared.js';
import { DEV_TARGETS, devLetters, scoreDevSummaries, scoreSummaries, type DevSummaryScore, type SummaryField } from '../../scripts/summary-score.js';

/** Held-out floors below the targets: the measured values, a shortfall reported in docs/accuracy.md. */
const HELD_OUT_FLOORS: Partial<Record<`${SummaryField}:${string}`, number>> = { 'negated:precision': 0.73 };

function check(s: DevSummaryScore, part: 'tuning' | 'heldOut'): void {
  for (const t of DEV_TARGETS) {
    const f = s[part].fields.find((x) => x.field === t.field)!;
    const floor = part === 'heldOut' ? (HELD_OUT_FLOORS[`${t.field}:${t.measure}`] ?? t.min) : t.min;
    expect(f[t.measure], `${s.rendering} ${part} ${t.field} ${t.measure} (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}; letters right ${f.right}/${f.letters})`).toBeGreaterThanOrEqual(floor);
  }
}

describe.skipIf(!hasShared())('case-summary fields on the 128 dev letters', () => {
  it.each(['text-poppler', 'text-pypdf'])('%s: tuning and held-out letters', (rendering) => {
    const s = scoreDevSummaries(rendering);
    expect(s.tuning.n + s.heldOut.n).toBe(128);
    check(s, 'tuning');
    check(s, 'heldOut');
  });

  it('keeps the assertion status of the extracted mentions on the 48-letter annotation', () => {
    const annotations = JSON.parse(readFileSync(join(ROOT, 'test', 'annotations', 'summaries.json'), 'utf8')).letters;
    const s = scoreSummaries(devLetters('text-poppler'), annotations);
    expect(s.extracted.n).toBeGreaterThan(100);
    expect(s.extracted.accuracy, 'assertion status of extracted mentions').toBeGreaterThanOrEqual(0.95);
    expect(s.assertion.accuracy, 'assertion status of all annotated mentions').toBeGreaterThanOrEqual(0.95);
  });
});
