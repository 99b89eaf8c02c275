/**
 * Every value in a case record can be audited: its [start, end) offsets slice
 * the decoded source to the words it was read from (a text value is that
 * slice normalised, white space collapsed). Checked over the corpus
 * and, where ../shared exists, the real dev letters in both renderings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import { auditSpans } from '../support/audit.js';
import { CORPUS } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';

function auditFolder(dir: string) {
  const files = fg.sync('**/*.txt', { cwd: dir, absolute: true }).sort();
  const problems: string[] = [];
  let cases = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const result = extractLetter(file, source);
    if (!result.ok) continue;
    cases++;
    problems.push(...auditSpans(source, result.record).map((p) => `${file}: ${p}`));
  }
  return { cases, problems };
}

describe('spans read back to their values', () => {
  it('in the corpus', () => {
    const { cases, problems } = auditFolder(CORPUS);
    expect(cases).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
  it.skipIf(!hasShared()).each(['text-pypdf', 'text-poppler'])('in the dev letters (%s)', (rendering) => {
    const { cases, problems } = auditFolder(join(LETTERS, 'dev', rendering));
    expect(cases).toBe(128);
    expect(problems).toEqual([]);
  });
});
