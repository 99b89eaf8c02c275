/**
 * A real dev letter as published (a PDF, AES-encrypted with an empty user
 * password) through src/io/pdf.ts and the extractor, against its gold file.
 * Needs ../shared; skips with a note where it is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import { DATE_FIELDS } from '../../src/core/record.js';
import { pdfToText } from '../../src/io/pdf.js';
import { GOLD, LETTERS, hasShared } from '../../scripts/shared.js';

const present = hasShared();
if (!present) console.warn(`NOTE: ${LETTERS} is absent, so the test on a real PDF letter is skipped.`);

// Four pages, six items, both outcomes.
const CASE = 'CM16-0246487';

interface GoldLetter {
  case_number: string;
  items: { outcome: string }[];
  [field: string]: unknown;
}

describe.skipIf(!present)('a real dev PDF', () => {
  it(`${CASE}: opens without a password and extracts as its gold file says`, async () => {
    const pdf = await pdfToText(readFileSync(join(LETTERS, 'dev', 'pdf', `${CASE}.pdf`)));
    if (!pdf.ok) throw new Error(`${pdf.code}: ${pdf.message}`);
    expect(pdf.pages).toBe(4);
    expect(pdf.text.split('\f')).toHaveLength(4);
    // The two-column header reads as label/value pairs (the wrapped label "Application" / "Received:" before its value).
    expect(pdf.text).toMatch(new RegExp(`^Case Number: ${CASE}\\s*$`, 'm'));
    expect(pdf.text).toMatch(/^Date Assigned: \S+ Date of Injury: \S+\s*$/m);
    expect(pdf.text).toMatch(/^Priority: \w+ Application\s+Received:\s+\S+/m);

    const gold = JSON.parse(readFileSync(join(GOLD, `${CASE}.json`), 'utf8')) as GoldLetter;
    const result = extractLetter(`${CASE}.pdf`, pdf.text);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    const { record } = result;
    expect(record.case_number?.value).toBe(gold.case_number);
    for (const field of DATE_FIELDS) expect(record.dates[field]?.value ?? null, field).toBe(gold[field]);
    expect(record.items.map((i) => i.outcome?.value)).toEqual(gold.items.map((i) => i.outcome));
  });
});
