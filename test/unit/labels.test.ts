import { describe, expect, it } from 'vitest';
import { damagedLabel, damagedLabels, mendWords } from '../../src/core/labels.js';

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

  it('finds every damaged copy of a label, in text order, beside the ones printed', () => {
    const text = 'Claims Adminstrator guideline: A.\nClaims Administrator guideline: B.\nClaims Administratr guideline: C.\n';
    const printed = { start: text.indexOf('Claims Administrator'), end: text.indexOf('B.') };
    expect(damagedLabels(text, { start: 0, end: text.length }, ['Claims Administrator guideline'], [printed]).map((s) => text.slice(s.start, s.end))).toEqual(['Claims Adminstrator guideline:', 'Claims Administratr guideline:']);
  });
});

describe('words of a wording put back where they are damaged', () => {
  const words = ['granted', 'hearing', 'scheduled'];
  const mend = (text: string) => mendWords(text, { start: 0, end: text.length }, words);

  it('puts back a word with a letter wrong or split by a space, and maps offsets back to the text', () => {
    const text = 'The hearinq was sche duled for 3/4/2020 and granted.';
    const m = mend(text)!;
    expect(m.text).toBe('The hearing was scheduled for 3/4/2020 and granted.');
    const date = m.text.indexOf('3/4/2020');
    expect(text.slice(m.source(date), m.source(date) + 8)).toBe('3/4/2020');
    expect(m.source(m.text.indexOf('scheduled'))).toBe(text.indexOf('sche duled'));
  });

  it('leaves words as printed, English words one letter away, and pairs of English words', () => {
    expect(mend('The hearing was granted.')).toBeNull();
    expect(mend('The bearing was granted.')).toBeNull();
    expect(mend('The gran ted was heard.')).toBeNull();
  });
});
