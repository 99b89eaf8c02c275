import { describe, expect, it } from 'vitest';
import { letterInterval, measureOf, sumCounts, withInterval, type LetterCounts } from '../../scripts/interval.js';
import { wilson } from '../../src/report/stats.js';

const letter = (tp: number, fp: number, fn: number, right = 0, units = 0): LetterCounts => ({ tp, fp, fn, right, units });

describe('accuracy intervals by letter', () => {
  it('computes micro precision, recall, F1 and a share from summed counts', () => {
    const s = sumCounts([letter(3, 1, 0, 1, 2), letter(1, 0, 2, 0, 1)]);
    expect(measureOf(s, 'precision')).toBeCloseTo(4 / 5);
    expect(measureOf(s, 'recall')).toBeCloseTo(4 / 6);
    expect(measureOf(s, 'f1')).toBeCloseTo((2 * 0.8 * (2 / 3)) / (0.8 + 2 / 3));
    expect(measureOf(s, 'share')).toBeCloseTo(1 / 3);
    expect(measureOf(letter(0, 0, 0), 'precision')).toBe(1);
  });

  it('collapses to the value when every letter is alike, and has none without letters', () => {
    const same = Array.from({ length: 20 }, () => letter(4, 1, 1, 1, 2));
    const ci = letterInterval(same, 'f1')!;
    expect(ci.low).toBeCloseTo(0.8, 12);
    expect(ci.high).toBeCloseTo(0.8, 12);
    expect(letterInterval([], 'f1')).toBeNull();
  });

  it('is reproduced exactly (seeded) and holds the value it is drawn around', () => {
    const letters = Array.from({ length: 42 }, (_, i) => letter(i % 3, i % 5 === 0 ? 1 : 0, i % 7 === 0 ? 2 : 0, i % 4 ? 1 : 0, 1));
    const a = letterInterval(letters, 'precision')!;
    expect(letterInterval(letters, 'precision')).toEqual(a);
    const value = measureOf(sumCounts(letters), 'precision');
    expect(a.low).toBeLessThan(value);
    expect(a.high).toBeGreaterThan(value);
    expect(withInterval(letters, 'precision')).toBe(`${value.toFixed(3)} [${a.low.toFixed(3)}–${a.high.toFixed(3)}]`);
  });

  it('agrees with Wilson for one independent unit a letter, and narrows with more letters', () => {
    const units = (right: number, n: number) => Array.from({ length: n }, (_, i) => letter(0, 0, 0, i < right ? 1 : 0, 1));
    const boot = letterInterval(units(30, 40), 'share')!;
    const w = wilson(30, 40)!;
    expect(Math.abs(boot.low - w.low)).toBeLessThan(0.04);
    expect(Math.abs(boot.high - w.high)).toBeLessThan(0.04);
    const wide = letterInterval(units(15, 20), 'share')!;
    const narrow = letterInterval(units(150, 200), 'share')!;
    expect(narrow.high - narrow.low).toBeLessThan((wide.high - wide.low) / 2);
  });
});
