/**
 * scripts/ablate.ts measures what natural and compromise add by replacing
 * each use in a copy of the source: every replacement must still find the
 * text it replaces, or the ablation would measure the unchanged extractor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABLATIONS, patchesApply } from '../../scripts/ablate.js';

describe('ablations of natural and compromise', () => {
  it.each(ABLATIONS.map((a) => [a.name, a] as const))('%s still applies to the source', (_name, a) => {
    expect(a.patches.length).toBeGreaterThan(0);
    expect(patchesApply(a)).toEqual([]);
  });
  it('covers every source file that uses either package', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const users = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .filter((f) => /from 'natural\/|require\('natural\/|compromise\(\)[(.]/.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => `src/${f}`)
      .sort();
    const patched = new Set(ABLATIONS.flatMap((a) => a.patches.map(([file]) => file)));
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !patched.has(f))).toEqual([]);
  });
});
