/** --redact: a town's two-word name is no person's; a person's name still is (each text written for this test). */
import { describe, expect, it } from 'vitest';
import { findIdentifiers, isPlaceName } from '../../src/core/identifiers.js';
import type { CaseRecord } from '../../src/core/record.js';

/** The identifiers found in one diagnosis value (the free text the redactor reads). */
function personsIn(text: string): string[] {
  const record = { occupation: null, mechanism: null, diagnoses: [{ value: text, start: 0, end: text.length }], negated: [], items: [] } as unknown as CaseRecord;
  return findIdentifiers(record).filter((h) => h.kind === 'person').map((h) => text.slice(h.start, h.end));
}

describe('person names and place names', () => {
  it('does not mask a two-word city name as a person', () => {
    expect(personsIn('The worker was seen at an urgent care clinic in Santa Monica the next morning.')).toEqual([]);
    expect(personsIn('Therapy continued at a clinic in Laguna Hills.')).toEqual([]);
  });

  it('still finds a person named in the same kind of sentence', () => {
    expect(personsIn('The worker was seen in Santa Monica by Dr. Alvarez, and Maria Lopez reviewed the file.').join('|')).toMatch(/Alvarez.*Maria Lopez/);
  });

  it('tells place names by their first or last word', () => {
    expect(isPlaceName('San Bernardino')).toBe(true);
    expect(isPlaceName('Redondo Beach')).toBe(true);
    expect(isPlaceName('Maria Lopez')).toBe(false);
  });
});
