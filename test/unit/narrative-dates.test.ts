import { describe, expect, it } from 'vitest';
import { extractNarrativeDates } from '../../src/core/extract/narrative-dates.js';

const read = (text: string) => {
  const d = extractNarrativeDates(text, { start: 0, end: text.length });
  return { injury: d.dateOfInjury?.value ?? null, ur: d.urDenialDate?.value ?? null };
};

describe('dates in the case summary', () => {
  it('reads the injury date in its prose forms', () => {
    expect(read('The worker is a 50 year old male with an industrial injury dated 04/11/2013.').injury).toBe('2013-04-11');
    expect(read('She sustained an industrial injury on 10-2-16 while lifting.').injury).toBe('2016-10-02');
    expect(read('This is a 45 year old male with a date of injury on 7-19-98.').injury).toBe('1998-07-19');
    expect(read('He reported a work related injury of 3/5/2012 to the knee.').injury).toBe('2012-03-05');
  });

  it('reads the utilization-review date from the sentence naming the action', () => {
    const text =
      'He was seen on 11-20-16. On 12-2-16, utilization review non-certified the request for an MRI. ' +
      'The request for therapy was modified by utilization review.';
    expect(read(text).ur).toBe('2016-12-02');
    expect(read('On 02/17/2015 the request for massage therapy times 6 was non-certified by utilization review.').ur).toBe('2015-02-17');
    expect(read('The UR decision dated 3-3-17 denied the request.').ur).toBe('2017-03-03');
  });

  it('ignores dates in sentences without an injury or a review action', () => {
    expect(read('An MRI on 10-13-16 showed a tear. The visit on 11-1-16 noted pain.')).toEqual({ injury: null, ur: null });
  });
});
