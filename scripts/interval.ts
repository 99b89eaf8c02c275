/**
 * How far an accuracy measured on a few dozen letters can be trusted: a 95%
 * percentile bootstrap over letters. A letter's items (or values) are not
 * independent (one reviewer, one writing habit), so the letters are resampled
 * with replacement, each with all of its counts, and the measure recomputed
 * on every resample. Seeded, so a figure quoted in the codebook is reproduced
 * exactly. A share of letters (one value each) takes Wilson's interval
 * (src/report/stats.ts) instead.
 */
import { random } from './perturb.js';

/** Counts of one letter toward micro precision, recall and F1, and toward a share of its units. */
export interface LetterCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Units (items, or the letter itself) wholly right, out of `units`. */
  right: number;
  units: number;
}

export type Measure = 'precision' | 'recall' | 'f1' | 'share';

/** The measure over summed counts (precision and recall 1 when nothing was there to find or give, as the scorers count them). */
export function measureOf(c: LetterCounts, measure: Measure): number {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  switch (measure) {
    case 'precision':
      return p;
    case 'recall':
      return r;
    case 'f1':
      return p + r ? (2 * p * r) / (p + r) : 0;
    case 'share':
      return c.units ? c.right / c.units : 1;
  }
}

export function sumCounts(letters: readonly LetterCounts[]): LetterCounts {
  const s = { tp: 0, fp: 0, fn: 0, right: 0, units: 0 };
  for (const c of letters) {
    s.tp += c.tp;
    s.fp += c.fp;
    s.fn += c.fn;
    s.right += c.right;
    s.units += c.units;
  }
  return s;
}

export const BOOTSTRAP_RESAMPLES = 4000;
export const BOOTSTRAP_SEED = 20161;

/** The 95% percentile interval of a measure over letters resampled with replacement (null with no letters). */
export function letterInterval(letters: readonly LetterCounts[], measure: Measure, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): { low: number; high: number } | null {
  const n = letters.length;
  if (n === 0) return null;
  const next = random(seed);
  const values = new Float64Array(resamples);
  const pick: LetterCounts[] = new Array<LetterCounts>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) pick[i] = letters[Math.floor(next() * n)]!;
    values[b] = measureOf(sumCounts(pick), measure);
  }
  values.sort();
  const at = (q: number) => values[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { low: at(0.025), high: at(0.975) };
}

/** "0.835 [0.780–0.885]": a measure and its interval, three decimals. */
export function withInterval(letters: readonly LetterCounts[], measure: Measure): string {
  const value = measureOf(sumCounts(letters), measure);
  const ci = letterInterval(letters, measure);
  return ci ? `${value.toFixed(3)} [${ci.low.toFixed(3)}–${ci.high.toFixed(3)}]` : value.toFixed(3);
}
