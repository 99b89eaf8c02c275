/**
 * The item parser (drug normalisation, item details, treatment classifier)
 * over fixtures of item phrasings written for the project with their expected
 * parse: test/fixtures/items.tsv (every field) and test/fixtures/treatments.tsv
 * (category and subcategory). See the README beside each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drugDetails } from '../../src/core/extract/drugs.js';
import { itemDetails } from '../../src/core/extract/item-details.js';
import { classifyTreatment } from '../../src/core/extract/treatment.js';
import { TAXONOMY } from '../../src/core/taxonomy.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

function parse(text: string): Record<string, string> {
  const drugs = drugDetails(text);
  const treatment = classifyTreatment(text, drugs);
  const d = itemDetails(text);
  return {
    treatment_category: treatment.category,
    treatment_subcategory: treatment.subcategory,
    drug: drugs?.drug ?? '',
    strength: drugs?.strength ?? '',
    quantity: d.quantity === null ? '' : String(d.quantity),
    quantity_unit: d.quantityUnit,
    frequency: d.frequency,
    body_region: d.bodyRegion,
    laterality: d.laterality,
    retrospective: String(d.retrospective),
    date_of_service: d.dateOfService ?? '',
    associated_surgery: String(d.associatedSurgery),
  };
}

const [header, ...rows] = fixture('items.tsv');

describe('item phrasings (items.tsv)', () => {
  it('has at least 100 distinct phrasings', () => {
    expect(new Set(rows.map((r) => r[0])).size).toBeGreaterThanOrEqual(100);
  });
  it.each(rows.map((r) => [r[0]!, r] as const))('%s', (text, row) => {
    const got = parse(text);
    const want = Object.fromEntries(header!.map((h, i) => [h, row[i] ?? '']));
    for (const field of header!.slice(1)) {
      // A `|` lists the acceptable labels of an item two categories fit.
      if (field.startsWith('treatment_')) expect(want[field]!.split('|'), field).toContain(got[field]);
      else expect(got[field], field).toBe(want[field]);
    }
  });
});

describe('treatment phrasings (treatments.tsv)', () => {
  const items = fixture('treatments.tsv');
  it.each(items.map((r) => [r[0]!, r[1]!, r[2]!] as const))('%s -> %s / %s', (text, category, subcategory) => {
    const got = classifyTreatment(text, drugDetails(text));
    expect([got.category, got.subcategory]).toEqual([category, subcategory]);
  });
});

describe('classifier output', () => {
  it('stays inside the taxonomy, and says Other / Other when nothing is named', () => {
    for (const [text] of rows) {
      const got = classifyTreatment(text!, drugDetails(text!));
      expect(TAXONOMY[got.category], got.category).toContain(got.subcategory);
    }
    expect(classifyTreatment('Request for the item discussed', null)).toMatchObject({ category: 'Other', subcategory: 'Other', span: null });
  });
  it('reports which words decided the category', () => {
    const text = 'Retrospective urine drug screen (DOS 2/3/17)';
    const got = classifyTreatment(text, drugDetails(text));
    expect(text.slice(got.span!.start, got.span!.end).toLowerCase()).toMatch(/^urine drug/);
  });
});
