/**
 * Days between a case's dates, as exact medians and quartiles from a
 * histogram of whole days: the memory of a group is bounded by the plausible
 * range (0 to MAX_DAYS), not by the number of cases.
 */

import { epochDay } from '../core/dates.js';

/** Longer intervals are counted as implausible (a misread date, or a date of another event) and left out. */
export const MAX_DAYS = 365;

export const INTERVALS = [
  { id: 'ur_to_application', from: 'ur_denial_date', to: 'application_received', label: 'UR denial → IMR application received' },
  { id: 'application_to_assignment', from: 'application_received', to: 'date_assigned', label: 'application received → assigned to a reviewer' },
  { id: 'assignment_to_decision', from: 'date_assigned', to: 'decision_date', label: 'assigned → decision' },
] as const;

export type IntervalStatus = 'counted' | 'negative' | 'over_max';

/** Whole days from one ISO date to another; null when either is not an ISO date. */
export function daysBetween(from: string, to: string): number | null {
  const a = epochDay(from);
  const b = epochDay(to);
  return a === null || b === null ? null : b - a;
}

export function intervalStatus(days: number): IntervalStatus {
  return days < 0 ? 'negative' : days > MAX_DAYS ? 'over_max' : 'counted';
}

/** The counted days of one group, and what was left out. */
export class DaysTally {
  /** counts[d]: cases with d days. */
  readonly counts = new Uint32Array(MAX_DAYS + 1);
  n = 0;
  negative = 0;
  overMax = 0;
  /** Cases of the group lacking one of the two dates. */
  missing = 0;

  add(days: number): IntervalStatus {
    const status = intervalStatus(days);
    if (status === 'negative') this.negative++;
    else if (status === 'over_max') this.overMax++;
    else {
      this.counts[days]!++;
      this.n++;
    }
    return status;
  }

  /** The value of 0-based rank r among the counted days, in ascending order. */
  private ranked(r: number): number {
    let seen = 0;
    for (let d = 0; d <= MAX_DAYS; d++) {
      seen += this.counts[d]!;
      if (seen > r) return d;
    }
    throw new RangeError(`rank ${r} of ${this.n}`);
  }

  /** The p-quantile with linear interpolation between order statistics (R's type 7, numpy's default); null when empty. */
  quantile(p: number): number | null {
    if (this.n === 0) return null;
    const h = (this.n - 1) * p;
    const lo = Math.floor(h);
    const a = this.ranked(lo);
    const b = lo + 1 < this.n ? this.ranked(lo + 1) : a;
    return a + (h - lo) * (b - a);
  }
}
