/**
 * The rate and its Wilson score interval against values computed by hand
 * (p̂ = k/n; centre (p̂ + z²/2n)/(1 + z²/n); half-width
 * z·sqrt(p̂(1-p̂)/n + z²/4n²)/(1 + z²/n); z = 1.959964) and against the
 * published examples of Newcombe (1998, Statistics in Medicine 17:857, method 3).
 */
import { describe, expect, it } from 'vitest';
import { percent, proportion, wilson, Z95 } from '../../src/report/stats.js';

const close = (got: number | null, want: number, digits = 6) => expect(got).toBeCloseTo(want, digits);

describe('wilson', () => {
  it.each([
    // k, n, low, high (hand-computed, 6 decimals)
    [5, 50, 0.043476, 0.213602],
    [0, 10, 0, 0.277533],
    [10, 10, 0.722467, 1],
    [49, 439, 0.085465, 0.144508],
    [30, 279, 0.076364, 0.149351],
    [1, 1, 0.206549, 1],
  ])('%i/%i gives [%f, %f]', (k, n, low, high) => {
    const ci = wilson(k, n)!;
    close(ci.low, low);
    close(ci.high, high);
  });

  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("Newcombe's example %i/%i gives [%f, %f]", (k, n, low, high) => {
    const ci = wilson(k, n)!;
    close(ci.low, low, 4);
    close(ci.high, high, 4);
  });

  it('is exactly 0 at k = 0 and 1 at k = n, and holds the rate inside', () => {
    for (let n = 1; n <= 60; n++) {
      expect(wilson(0, n)!.low).toBe(0);
      expect(wilson(n, n)!.high).toBe(1);
      for (let k = 0; k <= n; k++) {
        const { low, high } = wilson(k, n)!;
        expect(low).toBeLessThanOrEqual(k / n);
        expect(high).toBeGreaterThanOrEqual(k / n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is symmetric: k/n mirrors (n-k)/n', () => {
    const a = wilson(7, 23)!;
    const b = wilson(16, 23)!;
    close(a.low, 1 - b.high, 12);
    close(a.high, 1 - b.low, 12);
  });

  it('has no interval for n = 0 and refuses impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
  });

  it('uses z = 1.959964 for 95%', () => close(Z95, 1.959964, 6));
});

describe('proportion', () => {
  it('is k/n with its interval', () => {
    const p = proportion(30, 279);
    expect(p).toMatchObject({ n: 279, k: 30 });
    close(p.rate, 0.107527);
    close(p.low, 0.076364);
    close(p.high, 0.149351);
    expect(percent(p.rate, 2)).toBe('10.75%');
  });
  it('is undefined (null) for no trials', () => {
    expect(proportion(0, 0)).toEqual({ n: 0, k: 0, rate: null, low: null, high: null });
    expect(percent(null)).toBe('—');
  });
});
