/**
 * The policy dates: each with its label and its DWC source, and marked on
 * the trends where the data reach them (listed either way, with a note when
 * outside the data).
 */
import { describe, expect, it } from 'vitest';
import type { RateTable } from '../../src/report/aggregate.js';
import { datesInSpan, trend } from '../../src/report/charts.js';
import { parsePolicyDates, policyDates, type PolicyDate } from '../../src/report/policy.js';
import { proportion } from '../../src/report/stats.js';
import { tableSpec } from '../../src/report/tables.js';

const byYear = (years: [string, number, number][]): RateTable => ({
  spec: tableSpec('decision_year'),
  rows: years.map(([y, k, n]) => ({ key: [y], ...proportion(k, n) })),
});

describe('data/policy-dates.json', () => {
  const dates = policyDates();

  it('gives every date a label and a DWC source: a regulation of title 8 or a DWC order, and a DWC page where there is one', () => {
    expect(dates.length).toBeGreaterThanOrEqual(3);
    for (const d of dates) {
      expect(d.label.length).toBeGreaterThan(20);
      expect(d.source).toMatch(/Cal\. Code Regs\., tit\. 8|DWC Administrative Director order/);
      if (d.url) expect(d.url).toMatch(/^https?:\/\/www\.dir\.ca\.gov\//);
    }
    expect(dates.map((d) => d.date)).toEqual([...dates.map((d) => d.date)].sort());
  });

  it('has the MTUS guideline updates of 2016 and 2017 and the drug formulary of January 1, 2018', () => {
    const on = (date: string) => dates.find((d) => d.date === date);
    expect(on('2018-01-01')?.source).toContain('9792.27.2');
    expect(on('2018-01-01')?.label).toMatch(/Drug Formulary/);
    expect(on('2016-07-28')?.label).toMatch(/Chronic Pain Medical Treatment Guidelines/);
    expect(on('2017-12-01')?.label).toMatch(/ACOEM/);
  });

  it('refuses an entry without a date, a label or a source', () => {
    const entry = { date: '2018-01-01', label: 'x', source: 'y', url: null, checked_in: [] };
    expect(parsePolicyDates(JSON.stringify({ dates: [entry] }))).toHaveLength(1);
    for (const bad of [{ ...entry, date: '1/1/2018' }, { ...entry, label: ' ' }, { ...entry, source: undefined }, { ...entry, url: 'dir.ca.gov' }, { ...entry, checked_in: undefined }]) {
      expect(() => parsePolicyDates(JSON.stringify({ dates: [bad] }))).toThrow(/policy dates: entry 0/);
    }
    expect(() => parsePolicyDates('{}')).toThrow(/no "dates" array/);
  });
});

describe('the trend marks the policy dates', () => {
  const dates: PolicyDate[] = [
    { date: '2015-03-10', label: 'before', source: 's', url: null, checked_in: [] },
    { date: '2018-01-01', label: 'new year', source: 's', url: null, checked_in: [] },
    { date: '2018-07-02', label: 'mid-year', source: 's', url: null, checked_in: [] },
    { date: '2019-01-01', label: 'after', source: 's', url: null, checked_in: [] },
  ];
  const table = byYear([['2016', 3, 20], ['2017', 5, 30], ['2018', 2, 25], ['', 1, 2]]);

  it('keeps the dates within the years of the data', () => {
    expect(datesInSpan(table.rows, dates).map((d) => d.label)).toEqual(['new year', 'mid-year']);
    expect(datesInSpan(byYear([['2017-11', 1, 2], ['2017-12', 1, 2]]).rows, dates)).toEqual([]);
    expect(datesInSpan(byYear([['2017-12', 1, 2], ['2018-01', 1, 2]]).rows, dates).map((d) => d.label)).toEqual(['new year']);
  });

  it('draws a numbered line per date, at the year boundary for January 1 and mid-way for July 2', () => {
    const shown = datesInSpan(table.rows, dates);
    const svg = trend(table, 0.2, shown, (d) => dates.indexOf(d) + 1);
    const policyX = [...svg.matchAll(/<g class="policy"><title>[^<]*<\/title><line x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    const yearX = [...svg.matchAll(/<line class="year" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(policyX).toHaveLength(2);
    // Year boundaries: 2016 (the left edge), 2017, 2018 and 2019 (the right edge).
    expect(yearX).toHaveLength(4);
    expect(policyX[0]).toBeCloseTo(yearX[2]!, 1);
    const yearWidth = yearX[1]! - yearX[0]!;
    expect((policyX[1]! - policyX[0]!) / yearWidth).toBeCloseTo(182 / 365, 2);
    expect(svg).toContain('>2</text></g>');
    expect(svg).toContain('>3</text></g>');
    // A point per dated year, none for the undated group.
    expect([...svg.matchAll(/<g class="pt[^"]*" data-key="([^"]+)"/g)].map((m) => m[1])).toEqual(['2016', '2017', '2018']);
  });
});
