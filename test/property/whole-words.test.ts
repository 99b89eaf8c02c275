/**
 * Every span of every value the extractor writes covers whole words: it
 * neither starts nor ends inside a run of letters and digits of the source
 * text. Checked over the bundled corpus/ letters and, where ../shared is
 * present, the dev letters in both their text renderings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { extractLetter } from '../../src/core/pipeline.js';
import type { CaseRecord } from '../../src/core/record.js';
import { decode } from '../../src/io/decode.js';

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? textFiles(p) : p.endsWith('.txt') ? [p] : [];
  });
}

/** Every located value of a record, with the field it belongs to. */
function spans(r: CaseRecord): [string, { start: number; end: number }][] {
  const out: [string, { start: number; end: number }][] = [];
  const add = (field: string, l: { start: number; end: number } | null | undefined) => l && out.push([field, l]);
  for (const f of ['case_number', 'priority', 'patient_age', 'patient_sex', 'occupation', 'mechanism', 'ur_action', 'ur_action_date'] as const) add(f, r[f]);
  for (const [k, v] of Object.entries(r.dates)) add(`dates.${k}`, v);
  for (const f of ['reviewer_licensure', 'reviewer_specialty', 'body_regions', 'diagnoses', 'prior_treatments', 'negated', 'mentions'] as const) for (const l of r[f]) add(f, l);
  for (const item of r.items) {
    for (const f of ['item_text', 'original_request', 'authorized_portion', 'outcome', 'treatment_basis', 'rationale'] as const) add(`items.${f}`, item[f]);
    for (const c of item.citations) add('items.citations.raw', c.raw);
  }
  return out;
}

const WORD = /[A-Za-z0-9]/;

function check(files: string[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const decoded = decode(readFileSync(file));
    if (!decoded.ok) continue;
    const result = extractLetter(file, decoded.text);
    if (!result.ok) continue;
    const src = decoded.text;
    for (const [field, { start, end }] of spans(result.record)) {
      const cutStart = start > 0 && WORD.test(src[start - 1]!) && WORD.test(src[start]!);
      const cutEnd = end < src.length && WORD.test(src[end]!) && WORD.test(src[end - 1]!);
      if (cutStart || cutEnd) bad.push(`${file} ${field}: ${JSON.stringify(src.slice(Math.max(0, start - 10), end + 10))}`);
    }
  }
  return bad;
}

describe('spans cover whole words', () => {
  it('in the corpus/ letters', () => {
    expect(check(textFiles(CORPUS))).toEqual([]);
  });

  it.skipIf(!hasShared())('in the dev letters, both renderings', () => {
    expect(check([...textFiles(join(LETTERS, 'dev', 'text-poppler')), ...textFiles(join(LETTERS, 'dev', 'text-pypdf'))])).toEqual([]);
  });
});
