/** The one date reader every prose field uses: numeric, two-digit years, written-out months, and dates that lost a separator. */
import { describe, expect, it } from 'vitest';
import { brokenDate, epochDay, findDates, parseDate } from '../../src/core/dates.js';

const isos = (s: string, broken = false) => findDates(s, undefined, broken).map((d) => d.iso);

describe('dates in prose', () => {
  it('reads numeric dates with two- and four-digit years', () => {
    expect(isos('seen 3/4/15, then 03-18-2015 and 4 / 2 / 2015')).toEqual(['2015-03-04', '2015-03-18', '2015-04-02']);
  });

  it('reads written-out months, abbreviated or not, either order', () => {
    expect(isos('on September 9, 2016, on Oct. 3 2016, on 14 November 2016 and on Dec 1st, 2016')).toEqual(['2016-09-09', '2016-10-03', '2016-11-14', '2016-12-01']);
    expect(parseDate('February 30, 2016')).toBeNull();
  });

  it('reads a date written year first, and no other run of digits and hyphens as one', () => {
    expect(isos('reviewed on 2016-11-02 and again on 2017-02-30')).toEqual(['2016-11-02']);
    expect(isos('claim 2016-1102-77')).toEqual([]);
  });

  it('reads a date broken across a line after its separator', () => {
    expect(isos('dated 10-\n24-16')).toEqual(['2016-10-24']);
  });

  it('reads a date that lost one separator only where asked, and never a month and a year', () => {
    expect(isos('dated 1014-16')).toEqual([]);
    expect(isos('dated 1014-16', true)).toEqual(['2016-10-14']);
    expect(brokenDate('3', '917')).toBe('2017-03-09');
    expect(brokenDate('11', '2216')).toBe('2016-11-22');
    expect(brokenDate('0206', '2017')).toBe('2017-02-06');
    expect(brokenDate('9', '42016')).toBe('2016-09-04');
    expect(brokenDate('11', '2016')).toBeNull();
  });

  it('gives spans that cover the date only', () => {
    const s = 'On August 2, 2016, the review';
    const [d] = findDates(s);
    expect(s.slice(d!.span.start, d!.span.end)).toBe('August 2, 2016');
  });
});

describe('epochDay', () => {
  it('counts the days of an ISO calendar date since 1970-01-01, and refuses what is no calendar date', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(epochDay('2018-01-01')! - epochDay('2017-12-01')!).toBe(31);
    expect(epochDay('2016-02-29')).not.toBeNull();
    for (const bad of ['2017-02-29', '2017-13-01', '2017-2-3', '03/04/2017', '']) expect(epochDay(bad), bad).toBeNull();
  });
});
