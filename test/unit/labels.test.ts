import { describe, expect, it } from 'vitest';
import { damagedLabel } from '../../src/core/labels.js';

const find = (text: string, names: string[], taken: { start: number; end: number }[] = []) => {
  const at = damagedLabel(text, { start: 0, end: text.length }, names, taken);
  return at && text.slice(at.start, at.end);
};

describe('labels found by their likeness', () => {
  it('finds a label with a letter wrong, lost or added, whatever its spacing and case', () => {
    expect(find('Case Number: CM17-9001234\nDate Assqgned: 02/07/2017\n', ['Date Assigned'])).toBe('Date Assqgned:');
    expect(find('UR Denal Date:\n', ['UR Denial Date'])).toBe('UR Denal Date:');
    expect(find('DATE  OF  INJJURY :\n', ['Date of Injury'])).toBe('DATE  OF  INJJURY :');
  });

  it('takes the word-final part of a run that holds a value before the label', () => {
    expect(find('Priority: Standard Appliccation Received:\n', ['Application Received'])).toBe('Appliccation Received:');
  });

  it('refuses words further from every name than the tolerance, and short names', () => {
    expect(find('Date Reassigned by the unit:\n', ['Date Assigned'])).toBeNull();
    expect(find('The records reviewed:\n', ['Date of Injury'])).toBeNull();
    expect(find('Dates:\n', ['Dated'])).toBeNull();
  });

  it('leaves the places already taken by labels found as printed', () => {
    const text = 'Date Assigned: 02/07/2017\n';
    expect(find(text, ['Date Assigned'], [{ start: 0, end: 14 }])).toBeNull();
  });
});
