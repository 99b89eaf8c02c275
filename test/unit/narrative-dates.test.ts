import { describe, expect, it } from 'vitest';
import { extractNarrativeDates, noticeDates } from '../../src/core/extract/narrative-dates.js';
import type { Message } from '../../src/core/types.js';

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

describe("the dates a 2013 notice's opening paragraph states", () => {
  const opening =
    'The office took receipt of an Application for Independent Medical Review on 3/14/2013 about the Utilization Review ' +
    'Denial dated 3/1/2013, and the file was assigned to a physician on 3/20/2013.\n\n1) The request is decided.\n';
  const read = (text: string) => {
    const messages: Message[] = [];
    const d = noticeDates(text, { start: 0, end: text.length }, messages);
    const dates = { assigned: d.date_assigned?.value ?? null, received: d.application_received?.value ?? null, ur: d.ur_denial_date?.value ?? null };
    return { dates, rules: messages.map((m) => m.ruleId), messages, d };
  };

  it('reads all three as printed, saying nothing', () => {
    expect(read(opening)).toMatchObject({ dates: { assigned: '2013-03-20', received: '2013-03-14', ur: '2013-03-01' }, rules: [] });
  });

  it('reads a date whose words are damaged (a letter wrong, a word split), with a warning on them', () => {
    for (const damaged of [opening.replace('Application', 'Applicatiqn'), opening.replace('Application', 'Appl ication')]) {
      const r = read(damaged);
      expect(r.dates.received).toBe('2013-03-14');
      expect(r.rules).toEqual(['label-damaged']);
      expect(damaged.slice(r.messages[0]!.span!.start, r.messages[0]!.span!.end)).toMatch(/^receipt of an Appl.*3\/14\/2013$/);
      expect(damaged.slice(r.d.application_received!.span.start, r.d.application_received!.span.end)).toBe('3/14/2013');
    }
    expect(read(opening.replace('dated', 'dqted')).dates.ur).toBe('2013-03-01');
  });

  it('says so on the paragraph when a date cannot be read', () => {
    const r = read(opening.replace('3/1/2013', '3/1/20l3'));
    expect(r.dates.ur).toBeNull();
    expect(r.rules).toEqual(['header-value-unread']);
    expect(opening.slice(r.messages[0]!.span!.start, r.messages[0]!.span!.end)).toBe(opening.slice(0, opening.indexOf('\n')));
  });

  it('reads no date whose role is not certain: a damaged word taken for an English one, or a cue that would fall on a date read for another field', () => {
    expect(read(opening.replace('dated', 'dates'))).toMatchObject({ dates: { ur: null }, rules: ['header-value-unread'] });
    const ambiguous = 'The file was assiqned once the Application for Independent Medical Review was received on 3/14/2013, disputing the Utilization Review Denial dated 3/1/2013.';
    expect(read(ambiguous)).toMatchObject({ dates: { assigned: null, received: '2013-03-14', ur: '2013-03-01' }, rules: ['header-value-unread'] });
  });
});
