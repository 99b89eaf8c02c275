/**
 * Extraction debris, one kind at a time, on a corpus letter: each variant
 * must give the same case as the clean letter, and every value's offsets must
 * still point into the variant's own text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import type { CaseRecord } from '../../src/core/record.js';
import { decode } from '../../src/io/decode.js';
import { combined, encode, PERTURBATIONS, random } from '../../scripts/perturb.js';

const source = readFileSync(new URL('../../corpus/issues-2015/poppler-six-items-wrapped-headers.txt', import.meta.url), 'utf8');

function essentials(r: CaseRecord) {
  return {
    template: r.template,
    case_number: r.case_number?.value,
    dates: Object.fromEntries(Object.entries(r.dates).map(([k, v]) => [k, v?.value])),
    age: r.patient_age?.value,
    states: r.reviewer_licensure.map((l) => l.value),
    specialties: r.reviewer_specialty.map((l) => l.value),
    items: r.items.map((i) => [i.item_text.value, i.outcome?.value, i.claims_admin_sources, i.reviewer_sources, i.treatment_category]),
  };
}

const clean = extractLetter('clean.txt', source);

describe('extraction debris', () => {
  it.each([...Object.keys(PERTURBATIONS), 'combined'])('%s', (kind) => {
    const rnd = random(7);
    const noisy = kind === 'combined' ? combined({ text: source, encoding: 'utf-8' }, rnd) : PERTURBATIONS[kind]!({ text: source, encoding: 'utf-8' }, rnd);
    const bytes = encode(noisy);
    expect(bytes.equals(Buffer.from(source, 'utf8'))).toBe(false);
    const decoded = decode(bytes);
    if (!decoded.ok || !clean.ok) throw new Error('decode');
    if (kind === 'windows-1252') expect(decoded.encoding).toBe('windows-1252');
    const r = extractLetter('noisy.txt', decoded.text);
    if (!r.ok) throw new Error(r.message);
    expect(essentials(r.record)).toEqual(essentials(clean.record));
    for (const item of r.record.items) {
      expect(decoded.text.slice(item.outcome!.start, item.outcome!.end).toLowerCase()).toBe(item.outcome!.value);
    }
  });
});
