import { describe, expect, it } from 'vitest';
import { extractHeader } from '../../src/core/extract/header.js';
import type { Message } from '../../src/core/types.js';

const all = (text: string, messages: Message[] = []) => extractHeader(text, { start: 0, end: text.length }, messages);
const values = (text: string) => {
  const h = all(text);
  return { case: h.caseNumber?.value ?? null, priority: h.priority?.value ?? null, ...Object.fromEntries(Object.entries(h.dates).map(([k, v]) => [k, v!.value])) };
};

// Written for the tests in the two ways PDF text extractors lay the header out.
const STACKED = `Case Number:
Date Assigned:
Decision Date:
Priority:

CM17-9001234
02/07/2017
03/06/2017
Expedited

Date of Injury:
UR Denial Date:
Application
Received:

07/21/2015
01/19/2017
01/26/2017
`;

const SIDE_BY_SIDE = `
Case Number: CM17-9001234
Date Assigned: 02/07/2017 Date of Injury:  07/21/2015
Decision Date: 03/06/2017 UR Denial Date:  01/19/2017
Priority:  Expedited Application
Received:
01/26/2017
`;

const EXPECTED = {
  case: 'CM17-9001234',
  priority: 'expedited',
  date_assigned: '2017-02-07',
  decision_date: '2017-03-06',
  date_of_injury: '2015-07-21',
  ur_denial_date: '2017-01-19',
  application_received: '2017-01-26',
};

describe('header', () => {
  it('reads labels-first-then-values (poppler) headers', () => {
    expect(values(STACKED)).toEqual(EXPECTED);
  });

  it('reads side-by-side (pypdf) headers', () => {
    expect(values(SIDE_BY_SIDE)).toEqual(EXPECTED);
  });

  it('gives each value a span that slices the text to the printed value', () => {
    const h = all(SIDE_BY_SIDE);
    const s = h.dates.date_of_injury!.span;
    expect(SIDE_BY_SIDE.slice(s.start, s.end)).toBe('07/21/2015');
    expect(SIDE_BY_SIDE.slice(h.caseNumber!.span.start, h.caseNumber!.span.end)).toBe('CM17-9001234');
  });

  it('leaves a field empty when its value is missing, without shifting the others (side by side)', () => {
    const text = 'Case Number: CM16-9000777\nDate Assigned: 11/01/2016 Date of Injury:\nDecision Date: 12/01/2016 UR Denial Date: 10/24/2016\nPriority: Standard\n';
    expect(values(text)).toEqual({ case: 'CM16-9000777', priority: 'standard', date_assigned: '2016-11-01', decision_date: '2016-12-01', ur_denial_date: '2016-10-24' });
  });

  // PDF text damages labels as it damages words: a letter wrong, lost or doubled.
  const damage = (text: string, pairs: [string, string][]) => pairs.reduce((t, [from, to]) => t.replace(from, to), text);
  const DAMAGED: [string, string][] = [
    ['Date Assigned:', 'Date Assqgned:'],
    ['UR Denial Date:', 'UR Denal Date:'],
    ['Application', 'Appliccation'],
    ['Priority:', 'Priorty:'],
  ];
  it.each([
    ['stacked', STACKED],
    ['side by side', SIDE_BY_SIDE],
  ])('reads damaged labels by their likeness, %s, with a warning each, and shifts no value', (_layout, header) => {
    const messages: Message[] = [];
    const h = all(damage(header, DAMAGED), messages);
    expect({ case: h.caseNumber?.value ?? null, priority: h.priority?.value ?? null, ...Object.fromEntries(Object.entries(h.dates).map(([k, v]) => [k, v!.value])) }).toEqual(EXPECTED);
    expect(messages.filter((m) => m.ruleId === 'label-damaged')).toHaveLength(4);
  });

  it('moves no value onto another label when a label is damaged past reading (stacked)', () => {
    const messages: Message[] = [];
    const h = all(STACKED.replace('Date Assigned:', 'Dqte Aqqigned:'), messages);
    // The first block's dates cannot be told apart: both stay empty; the second block's are read.
    expect(Object.fromEntries(Object.entries(h.dates).map(([k, v]) => [k, v!.value]))).toEqual({ date_of_injury: '2015-07-21', ur_denial_date: '2017-01-19', application_received: '2017-01-26' });
    expect([h.caseNumber?.value, h.priority?.value]).toEqual(['CM17-9001234', 'expedited']);
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['header-value-unlabelled', 'header-value-unlabelled', 'header-value-unread']);
  });

  it('says when a label keeps no value (a damaged priority word), and leaves the column empty', () => {
    const messages: Message[] = [];
    const h = all(STACKED.replace('Expedited', 'Expedlted'), messages);
    expect(h.priority).toBeNull();
    expect(messages.map((m) => m.ruleId)).toEqual(['header-value-unread']);
  });

  it('says when a header date is taken by no label (a short label damaged past reading)', () => {
    const messages: Message[] = [];
    const h = all('Notice of Independent Medical Review Determination\nDqted: 12/12/2013\n', messages);
    expect(h.dates).toEqual({});
    expect(messages.map((m) => m.ruleId)).toEqual(['header-value-unlabelled']);
    const clean: Message[] = [];
    expect(all('Notice of Independent Medical Review Determination\nDated: 12/12/2013\n', clean).dates.decision_date?.value).toBe('2013-12-12');
    expect(clean).toEqual([]);
  });

  it('does not take a sentence ending in a colon for a label', () => {
    const messages: Message[] = [];
    all(`${STACKED}The following documents were reviewed:\n`, messages);
    expect(messages).toEqual([]);
  });

  it('rejects impossible calendar dates', () => {
    expect(values('Date Assigned: 02/30/2016\nDecision Date: 13/01/2016\n')).toEqual({ case: null, priority: null });
  });

  it('returns nothing for text with no header labels', () => {
    expect(values('The expert reviewer developed a summary on 01/02/2016.')).toEqual({ case: null, priority: null });
  });
});
