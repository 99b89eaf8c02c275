/**
 * Property and fuzz tests (fast-check), 10,500 generated inputs a run:
 * - the normaliser never throws, and maps every character back into the
 *   source, in order;
 * - the extractor never throws on letter-like text assembled from the
 *   letters' own pieces (headings, labels, dates, outcomes, debris), nor on
 *   mutilated corpus letters, and every span it returns reads back from the
 *   source to its value;
 * - any bytes at all give exactly one result: a case, or an error with a
 *   documented code (the accounting invariant).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toSource } from '../../src/core/normalize.js';
import { extractLetter } from '../../src/core/pipeline.js';
import { ERROR_CODES } from '../../src/core/schema.js';
import { processBytes } from '../../src/run/process-file.js';
import { CORPUS } from '../../scripts/golden.js';
import { auditSpans } from '../support/audit.js';

const SEED = 20261127;

/** Pieces letters are made of, and the debris text extraction adds. */
const PIECES = [
  'Case Number:', 'Date Assigned:', 'Decision Date:', 'Date of Injury:', 'UR Denial Date:', 'Priority:', 'Application', 'Received:',
  'CM16-0213037', '11/09/2016', '2-30-16', '13/45/2020', 'Standard', 'Expedited',
  'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES', 'IMR DECISION(S) AND RATIONALE(S)',
  'Notice of Independent Medical Review Determination', 'MEDICAL PROFESSIONAL REVIEW', 'ISSUE AT DISPUTE:', 'Case Summary:',
  'State(s) of Licensure: Texas,New York', 'Certification(s)/Specialty: Family Practice, Pain Medicine',
  'The injured worker is a 48 year old male', 'working as a truck driver', 'diagnoses include lumbar strain and', 'Treatment to date has included',
  'On 11-3-16, utilization review non-certified', 'Norco 10/325mg #60: Upheld', 'Physical therapy 2x6: Overturned', ': Upheld', 'Overturned',
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.',
  'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain.', 'Decision rationale:',
  'X was the original request. Y was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Z is:',
  '1. Norco 10/325mg #120 is not medically necessary and appropriate.', '1) MAXIMUS Federal Services, Inc. has determined the request for',
  'The Claims Administrator did not cite any medical evidence for its decision.', 'denies numbness', 'no prior surgery', 'Page 2 of 4',
  '\f', '\r\n', '\r', '\n\n', '\u00A0', '\uFB01', '\u2019', '\u201C', '\uFEFF', '\t', '-\n', ':', ';', ',', '.', '(', ')', '#', '%', '/',
];

const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) });
const letterLike = fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '', '  ', '\n\n')), { maxLength: 120 }).map((parts) => parts.map(([p, sep]) => p + sep).join(''));

const corpusLetters = fg.sync('**/*.txt', { cwd: CORPUS, ignore: ['errors/**'] }).map((f) => readFileSync(join(CORPUS, f), 'latin1'));
/** A corpus letter cut, duplicated and patched at random places. */
const mutilated = fc
  .tuple(fc.nat(corpusLetters.length - 1), fc.array(fc.tuple(fc.constantFrom('cut', 'copy', 'insert'), fc.nat(), fc.nat(400), piece), { maxLength: 6 }))
  .map(([k, edits]) => {
    let text = corpusLetters[k]!;
    for (const [op, at, len, junk] of edits) {
      const i = at % (text.length + 1);
      if (op === 'cut') text = text.slice(0, i) + text.slice(i + len);
      else if (op === 'copy') text = text.slice(0, i) + text.slice(i, i + len) + text.slice(i);
      else text = text.slice(0, i) + junk + text.slice(i);
    }
    return text;
  });

function extractsSoundly(text: string): void {
  const result = extractLetter('fuzz.txt', text);
  if (result.ok) {
    expect(auditSpans(text, result.record)).toEqual([]);
    expect(result.record.n_items).toBe(result.record.items.length);
  } else {
    expect(ERROR_CODES).toContain(result.code);
  }
}

describe('properties', () => {
  it('normalise: no throw, every character maps into the source, in order (2,500 inputs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), letterLike), (source) => {
        const { text, map } = normalize(source);
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          const s = toSource(map, i, i + 1);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(source.length);
          expect(s.end).toBeGreaterThan(s.start);
          last = s.start;
        }
      }),
      { numRuns: 2500, seed: SEED },
    );
  });

  it('extract letter-like text: no throw, spans read back (3,000 inputs)', () => {
    fc.assert(fc.property(letterLike, extractsSoundly), { numRuns: 3000, seed: SEED });
  });

  it('extract mutilated corpus letters: no throw, spans read back (2,500 inputs)', () => {
    fc.assert(fc.property(mutilated, extractsSoundly), { numRuns: 2500, seed: SEED });
  });

  it('any bytes give exactly one result, a case or a documented error (2,500 inputs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), letterLike.map((t) => new Uint8Array(Buffer.from(t, 'utf8')))), (bytes) => {
        const result = processBytes({ path: 'fuzz.txt', sourceFile: 'fuzz.txt' }, Buffer.from(bytes));
        expect(result.sourceFile).toBe('fuzz.txt');
        if (!result.outcome.ok) expect(ERROR_CODES).toContain(result.outcome.code);
        else expect(result.outcome.record.source_file).toBe('fuzz.txt');
      }),
      { numRuns: 2500, seed: SEED },
    );
  });
});
