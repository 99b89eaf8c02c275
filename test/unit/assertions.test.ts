/**
 * ConText-style assertion status (lexicons/context.json): scope up to a
 * terminator or a clause mark, pseudo-triggers, requested against received
 * care (each sentence written for this test).
 */
import { describe, expect, it } from 'vitest';
import { assertStatuses, negatedPhrases } from '../../src/core/extract/assertions.js';

/** The status of the first occurrence of `mention` in `text`. */
function status(text: string, mention: string): string {
  const at = text.indexOf(mention);
  return assertStatuses(text, { start: 0, end: text.length }, [{ start: at, end: at + mention.length }])[0]!;
}

describe('assertion status', () => {
  it('tells care received from care requested, planned, referred or authorised', () => {
    expect(status('Treatment to date has included acupuncture and medications.', 'acupuncture')).toBe('historical');
    expect(status('The plan is for a trial of acupuncture.', 'acupuncture')).toBe('hypothetical');
    expect(status('A physical therapy referral was made in May.', 'physical therapy')).toBe('hypothetical');
    expect(status('Chiropractic care for 4 visits was authorized by the claims administrator.', 'Chiropractic care')).toBe('hypothetical');
    expect(status('The following test was requested: an MRI of the wrist.', 'MRI')).toBe('hypothetical');
  });

  it('reads care that is to be continued or stopped as care already received, whatever the plan', () => {
    expect(status('The plan is to discontinue gabapentin and start a TENS trial.', 'gabapentin')).toBe('historical');
    expect(status('The plan is to discontinue gabapentin and start a TENS trial.', 'TENS')).toBe('hypothetical');
  });

  it('stops a trigger at a clause mark but passes over an aside in brackets', () => {
    expect(status('The plan included a cane (for balance) and acupuncture.', 'acupuncture')).toBe('hypothetical');
    expect(status('Treatment included massage (without any change in function) and a home exercise program.', 'home exercise program')).toBe('historical');
  });

  it('does not negate through a pseudo-trigger', () => {
    expect(status('The request for physical therapy was not medically necessary.', 'physical therapy')).toBe('hypothetical');
    expect(status('He has had no improvement with injections.', 'injections')).not.toBe('negated');
  });
});

describe('negated phrases', () => {
  const neg = (text: string) => negatedPhrases(text, { start: 0, end: text.length }).map((n) => n.value);

  it('ends at a verb, a relative or a purpose clause, and keeps what is absent', () => {
    expect(neg('There was no joint effusion noted over the knee.')).toEqual(['joint effusion']);
    expect(neg('There was no documentation of muscle spasm to support a muscle relaxant.')).toEqual(['muscle spasm']);
  });

  it('reads a test or finding stated negative, before or after it', () => {
    expect(neg('Phalen and Finkelstein tests were negative.')).toEqual(['phalen', 'finkelstein tests']);
    expect(neg('Examination showed a negative Spurling maneuver.')).toEqual(['spurling maneuver']);
    expect(neg('X-rays of the hand were negative for fracture.')).toEqual(['fracture']);
  });

  it('does not count judgements of care, work status or administrative absences', () => {
    expect(neg('There was no evidence the patient failed conservative care and no objective functional improvement.')).toEqual([]);
    expect(neg('He has not returned to work and has no restrictions.')).toEqual([]);
    expect(neg('Progress notes from the surgeon were not provided.')).toEqual([]);
  });

  it('ignores a patient\'s own words in quotation marks', () => {
    expect(neg('On the questionnaire she wrote "I have no energy and no hope."')).toEqual([]);
  });
});
