import { describe, expect, it } from 'vitest';
import { extractDemographics } from '../../src/core/extract/demographics.js';

const read = (text: string) => {
  const d = extractDemographics(text, { start: 0, end: text.length });
  return { age: d.age?.value ?? null, sex: d.sex?.value ?? null };
};

describe('demographics', () => {
  it.each([
    ['The injured worker is a 37 year old male who was hurt at work on 3-2-15.', 37, 'male'],
    ['This case involves a now 59-year-old female with a history of a work injury.', 59, 'female'],
    ['The applicant is a 44-year-old woman who has filed a claim for neck pain.', 44, 'female'],
    ['The injured worker is a(n) 62 year old female, who sustained an injury.', 62, 'female'],
    ['The 51 year old male injured worker suffered an injury on 6-7-16.', 51, 'male'],
    ['This is a 28 yr old gentleman with low back pain.', 28, 'male'],
    ['The claimant is a 4 7 year old man whose age a renderer broke into two digits.', 47, 'male'],
  ])('%s', (text, age, sex) => {
    expect(read(text)).toEqual({ age, sex });
  });

  it('takes the sex word nearest after the age, not an earlier one', () => {
    expect(read('A male supervisor reported that the 40 year old female worker fell.')).toEqual({ age: 40, sex: 'female' });
  });

  it('falls back to the pronouns when no sex word is printed', () => {
    expect(read('The injured worker, age 33, reports that she lifted a box. Her pain is worse and she limps.')).toEqual({ age: 33, sex: 'female' });
  });

  it('does not read "old" ages that are not ages', () => {
    expect(read('The claimant has a 5 day old bruise.')).toEqual({ age: null, sex: null });
  });

  it('gives the age span of the digits', () => {
    const text = 'The injured worker is a 48 year old male.';
    const d = extractDemographics(text, { start: 0, end: text.length });
    expect(text.slice(d.age!.span.start, d.age!.span.end)).toBe('48');
    expect(text.slice(d.sex!.span.start, d.sex!.span.end)).toBe('male');
  });
});
