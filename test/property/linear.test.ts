/**
 * Regular expressions on adversarial input: each crafted filler, a megabyte
 * long, is put into each section of a real-layout letter. Every regular
 * expression the extractor uses is bounded or linear, so each letter is read
 * in about a second; a catastrophic (super-linear) pattern would take hours
 * and fail this test by its timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import { CORPUS } from '../../scripts/golden.js';

const letter = readFileSync(join(CORPUS, 'issues-2015', 'pypdf-partial-auth.txt'), 'utf8');
const MB = 1_000_000;
const FILLERS: Record<string, string> = {
  spaces: ' ',
  'spaces and a letter': '  a',
  words: 'word ',
  digits: '1/',
  dates: '12/31/20',
  colons: ':',
  'outcome words': ': Upheld ',
  'necessity clauses': 'is not medically ',
  'negation lists': 'no swelling, ',
  'comparisons': 'without pain ',
  'citation leads': 'Decision based on MTUS ',
  'partial wordings': 'was the original request. ',
  parentheses: '((',
  'hyphens at line ends': 'abc-\n',
  'list separators': ', and ',
  'one long word': 'x',
  'blank lines': '\n\n',
};
const PLACES = ['Case Number:', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'];

describe('linear time on adversarial input', () => {
  it.each(Object.entries(FILLERS))('%s', (_, unit) => {
    const filler = unit.repeat(Math.ceil(MB / unit.length));
    for (const place of PLACES) {
      const text = letter.replace(place, `${place}\n${filler}\n`);
      const result = extractLetter('adversarial.txt', text);
      // The filler costs time, not the letter's other fields.
      if (place !== 'Case Number:') expect(result.ok && result.record.case_number?.value, place).toBe('CM17-9000212');
      else expect(result.ok || result.code).toBeTruthy();
    }
  }, 120_000);
});
