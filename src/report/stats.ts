/**
 * A proportion with its Wilson score interval: the interval researchers
 * expect for a binomial rate, well behaved at 0/n, n/n and small n (unlike
 * the normal approximation). Pure functions, no I/O.
 */

/** The standard normal quantile for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Proportion {
  /** Trials (items, or cases). */
  n: number;
  /** Successes (items overturned, or cases with the outcome). */
  k: number;
  /** k / n, or null when n is 0. */
  rate: number | null;
  /** Wilson score interval bounds, or null when n is 0. */
  low: number | null;
  high: number | null;
}

/** The Wilson score interval `[low, high]` for k successes in n trials. */
export function wilson(k: number, n: number, z: number = Z95): { low: number; high: number } | null {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
    throw new RangeError(`wilson: need integers 0 <= k <= n, got k=${k}, n=${n}`);
  }
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 and k = n the bounds are exactly 0 and 1; clamp rounding residue.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export function proportion(k: number, n: number): Proportion {
  const ci = wilson(k, n);
  return { n, k, rate: n === 0 ? null : k / n, low: ci?.low ?? null, high: ci?.high ?? null };
}

/** A share as a percentage with `digits` decimals ("10.75%"); an em dash when undefined. */
export function percent(x: number | null, digits = 1): string {
  return x === null ? '—' : `${(100 * x).toFixed(digits)}%`;
}
