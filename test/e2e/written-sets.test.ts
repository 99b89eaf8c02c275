/**
 * The rules on the test sets written by hand (test/fixtures/reasons-rationales.README.md,
 * negated-summaries.README.md, ur-summaries.README.md): the decision reasons of
 * 720 written rationales, the `negated` phrases of 200 written case summaries
 * the UR action and date of 40 more, the occupation and mechanism of another
 * 40, all four of 80 more and the last two of 80 more (ur-mechanism-summaries.README.md), and the body regions, diagnoses and prior treatments of 90, on each split. The
 * floors are the measured values (docs/accuracy.md), so that a regression
 * shows; and the reasons and negated phrases of the corpus letters against their keys. Needs no ../shared.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/golden.js';
import { scoreCorpusReasons, scoreWrittenRationales } from '../../scripts/reasons-eval.js';
import { scoreCorpusNegated, scoreWritten, scoreWrittenLists, scoreWrittenMechanism, scoreWrittenUr } from '../../scripts/summary-score.js';

/** The measured values, rounded down. */
const REASON_FLOORS = { dev: { f1: 0.97, exact: 0.93 }, dev2: { f1: 0.93, exact: 0.81 }, dev3: { f1: 0.94, exact: 0.86 }, dev4: { f1: 0.91, exact: 0.75 }, dev5: { f1: 0.92, exact: 0.78 }, dev6: { f1: 0.94, exact: 0.83 }, dev7: { f1: 0.92, exact: 0.81 }, dev8: { f1: 0.8, exact: 0.53 }, check: { f1: 0.85, exact: 0.7 }, check2: { f1: 0.84, exact: 0.61 }, check3: { f1: 0.82, exact: 0.56 }, check4: { f1: 0.68, exact: 0.36 } };
const CORPUS_REASON_FLOORS = { f1: 0.85, exact: 0.72 };
const NEGATED_FLOORS = { dev: { precision: 0.99, f1: 0.99, n: 70 }, dev2: { precision: 0.98, f1: 0.94, n: 70 }, check: { precision: 0.93, f1: 0.87, n: 60 } };

describe('the rules on test sets written by hand', () => {
  it.each(['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'check', 'check2', 'check3', 'check4'] as const)('decision reasons, %s split of the written rationales', (split) => {
    const s = scoreWrittenRationales(join(ROOT, 'test', 'fixtures', 'reasons-rationales.json'), split);
    expect(s.n).toBe(60);
    expect(s.micro.f1).toBeGreaterThanOrEqual(REASON_FLOORS[split].f1);
    expect(s.exact).toBeGreaterThanOrEqual(REASON_FLOORS[split].exact);
  });

  it('decision reasons of the corpus letters, against their keys', async () => {
    const s = await scoreCorpusReasons();
    expect(s.n).toBe(133);
    expect(s.micro.f1).toBeGreaterThanOrEqual(CORPUS_REASON_FLOORS.f1);
    expect(s.exact).toBeGreaterThanOrEqual(CORPUS_REASON_FLOORS.exact);
  });

  it('negated phrases of the corpus letters, against their keys', async () => {
    const { score } = await scoreCorpusNegated(null);
    expect(score.letters).toBe(46);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.f1).toBeGreaterThanOrEqual(0.96);
  });

  it.each(['dev', 'dev2', 'check'] as const)('negated phrases, %s split of the written case summaries', (split) => {
    const { score } = scoreWritten(join(ROOT, 'test', 'fixtures', 'negated-summaries.json'), split);
    expect(score.letters).toBe(NEGATED_FLOORS[split].n);
    expect(score.precision).toBeGreaterThanOrEqual(NEGATED_FLOORS[split].precision);
    expect(score.f1).toBeGreaterThanOrEqual(NEGATED_FLOORS[split].f1);
  });

  it.each([
    ['dev', { body_regions: [30, 55, 0, 2], diagnoses: [30, 89, 0, 0], prior_treatments: [30, 156, 0, 0] }],
    ['dev2', { body_regions: [30, 60, 4, 2], diagnoses: [30, 99, 0, 0], prior_treatments: [30, 137, 2, 7] }],
    ['check', { body_regions: [30, 61, 0, 2], diagnoses: [30, 87, 1, 2], prior_treatments: [30, 163, 5, 8] }],
  ] as const)('body regions, diagnoses and prior treatments on the written case summaries, %s split', (split, counts) => {
    const { scores } = scoreWrittenLists(join(ROOT, 'test', 'fixtures', 'diagnosis-summaries.json'), split);
    expect(Object.fromEntries(scores.map((p) => [p.field, [p.letters, p.tp, p.fp, p.fn]]))).toEqual(counts);
  });

  it('the occupation and mechanism on the written case summaries', () => {
    const s = scoreWrittenMechanism(join(ROOT, 'test', 'fixtures', 'mechanism-summaries.json'), null);
    expect(s.n).toBe(40);
    expect(s.right).toEqual({ occupation: 40, mechanism: 40, mechanism_type: 40 });
  });

  it.each([
    ['dev2', { occupation: 39, mechanism: 39, mechanism_type: 40 }, 40],
    ['check', { occupation: 37, mechanism: 32, mechanism_type: 36 }, 39],
    ['dev3', { occupation: 39, mechanism: 38, mechanism_type: 40 }, null],
    ['check2', { occupation: 37, mechanism: 36, mechanism_type: 35 }, null],
  ] as const)('the occupation and mechanism (and the UR action and date, where annotated) on the second written set, %s split', (split, mechanism, ur) => {
    const file = join(ROOT, 'test', 'fixtures', 'ur-mechanism-summaries.json');
    const m = scoreWrittenMechanism(file, split);
    expect(m.n).toBe(40);
    expect(m.right).toEqual(mechanism);
    const u = scoreWrittenUr(file, split);
    expect([u.n, u.action, u.date]).toEqual(ur === null ? [0, 0, 0] : [40, ur, ur]);
  });

  it('the UR action and its date on the written case summaries', () => {
    const s = scoreWrittenUr(join(ROOT, 'test', 'fixtures', 'ur-summaries.json'), null);
    expect(s.n).toBe(40);
    expect(s.misses).toEqual([]);
  });
});
