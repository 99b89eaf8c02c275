/**
 * Golden test over corpus/: every corpus file gives exactly the case record
 * (or error) checked in under test/golden/, and every golden file still has
 * its corpus file.
 */
import { existsSync, readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusResults, golden, goldenPath, GOLDEN } from '../../scripts/golden.js';

const results = await corpusResults();

describe('golden corpus', () => {
  it('has a corpus', () => {
    expect(results.length).toBeGreaterThanOrEqual(20);
  });

  it.each(results.map((r) => [r.sourceFile, r] as const))('%s', (sourceFile, result) => {
    const path = goldenPath(sourceFile);
    expect(existsSync(path), `no golden file for ${sourceFile}: run npm run golden:update and review it`).toBe(true);
    expect(golden(result)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('has no golden file without its corpus letter', () => {
    const goldens = fg.sync('**/*.json', { cwd: GOLDEN }).map((p) => p.replace(/\.json$/, '')).sort();
    const inputs = fg.sync('**/*.txt', { cwd: CORPUS }).map((p) => p.replace(/\.txt$/, '')).sort();
    expect(goldens).toEqual(inputs);
  });
});
