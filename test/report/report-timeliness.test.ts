/**
 * Days between the case dates: exact medians and quartiles from a histogram
 * of whole days, equal to the sorted-array computation; negative and
 * implausibly long intervals left out and counted, on a dataset whose dates
 * were edited to have both.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate } from '../../src/report/index.js';
import { DaysTally, daysBetween, MAX_DAYS } from '../../src/report/timeliness.js';
import { runExtract } from '../../src/run/extract.js';
import { directDays, quantile7, readCsv } from './direct.js';
import { ROOT } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'imr-report-days-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('DaysTally', () => {
  it('gives the quantiles of the sorted values (type 7), whatever the order they came in', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const size of [1, 2, 3, 4, 5, 10, 11, 100, 1001]) {
      const values = Array.from({ length: size }, () => Math.floor(random() * 90));
      const tally = new DaysTally();
      for (const v of values) tally.add(v);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0, 0.25, 0.5, 0.75, 1]) expect(tally.quantile(p), `${size} values, p=${p}`).toBeCloseTo(quantile7(sorted, p)!, 9);
    }
  });

  it('takes the mean of the two middle values for an even count', () => {
    const tally = new DaysTally();
    for (const v of [3, 10, 4, 30]) tally.add(v);
    expect(tally.quantile(0.5)).toBe(7);
    expect(tally.n).toBe(4);
  });

  it('leaves out and counts negative intervals and those over the plausible maximum', () => {
    const tally = new DaysTally();
    expect([tally.add(-1), tally.add(0), tally.add(MAX_DAYS), tally.add(MAX_DAYS + 1)]).toEqual(['negative', 'counted', 'counted', 'over_max']);
    expect({ n: tally.n, negative: tally.negative, overMax: tally.overMax }).toEqual({ n: 2, negative: 1, overMax: 1 });
    expect(new DaysTally().quantile(0.5)).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, across leap days and clock changes', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2017-03-11', '2017-03-13')).toBe(2);
    expect(daysBetween('2017-01-31', '2017-01-01')).toBe(-30);
  });
  it('gives null for a date that is missing or not ISO', () => {
    expect(daysBetween('', '2017-01-01')).toBeNull();
    expect(daysBetween('01/02/2017', '2017-01-01')).toBeNull();
  });
});

describe('timeliness on a dataset with edited dates', () => {
  it('equals a direct computation, with the odd intervals left out and counted', async () => {
    const src = join(work, 'src');
    await runExtract({ inputs: [join(ROOT, 'corpus')], out: src, rawCsv: false });
    const ds = join(work, 'edited');
    mkdirSync(ds, { recursive: true });
    copyFileSync(join(src, 'decisions.csv'), join(ds, 'decisions.csv'));
    const cases = readCsv(join(src, 'cases.csv'));
    const dated = cases.filter((c) => c.ur_denial_date && c.application_received && c.date_assigned && c.decision_date);
    expect(dated.length).toBeGreaterThan(10);
    // An application received before the UR denial, and an assignment two years after the application.
    dated[0]!.application_received = '2000-01-01';
    dated[1]!.date_assigned = `${Number(dated[1]!.application_received!.slice(0, 4)) + 2}${dated[1]!.application_received!.slice(4)}`;
    dated[2]!.ur_denial_date = '';
    writeFileSync(join(ds, 'cases.csv'), stringify([Object.keys(cases[0]!), ...cases.map((c) => Object.values(c))], { record_delimiter: 'windows' }));

    const report = await aggregate(ds);
    const want = directDays(ds);
    const total = (f: (r: (typeof report.timeliness.rows)[number]) => number) => report.timeliness.rows.reduce((a, r) => a + f(r), 0);
    expect(total((r) => r.negative)).toBeGreaterThanOrEqual(1);
    expect(total((r) => r.overMax)).toBeGreaterThanOrEqual(1);
    for (const r of report.timeliness.rows) {
      const w = want.get(r.key.join(' / '))!;
      expect({ n: r.n, negative: r.negative, overMax: r.overMax, missing: r.missing }).toEqual({ n: w.days.length, negative: w.negative, overMax: w.over, missing: w.missing });
      expect([r.q1, r.median, r.q3]).toEqual([quantile7(w.days, 0.25), quantile7(w.days, 0.5), quantile7(w.days, 0.75)]);
    }
  });
});
