/**
 * Fail loudly under damage (scripts/damage.ts): in a quarter of the dev
 * letters and in every corpus letter, each heading, label and item header is
 * damaged in turn (a letter replaced, a space put into a word, a colon
 * dropped: one line, one kind at a time); no key field may then be
 * lost or changed without the letter saying so, but where the damaged word is
 * the value's own. The dev letters need ../shared (skipped with a note where
 * it is absent); the corpus is the project's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageSweep, devTexts, silentLosses } from '../../scripts/damage.js';
import { CORPUS } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { decode } from '../../src/io/decode.js';

const present = hasShared();
if (!present) console.warn(`NOTE: ${LETTERS} is absent, so the damage sweep over the dev letters is skipped.`);

describe.skipIf(!present)('damaged headings, labels and item headers', () => {
  it.each(['text-poppler', 'text-pypdf'])('%s: nothing lost or changed without a warning', (rendering) => {
    const letters = [...devTexts(rendering, false), ...devTexts(rendering, true)].filter((_, i) => i % 4 === 0);
    const c = damageSweep(letters);
    expect(c.letters).toBe(letters.length);
    expect(c.lines).toBeGreaterThan(20 * c.letters);
    expect(silentLosses(c)).toEqual({});
    // An item lost to damage is always flagged.
    expect(Object.keys(c.kinds).filter((k) => k.startsWith('outcome:') && k.endsWith('SILENT'))).toEqual([]);
  }, 60_000);
});

describe('damaged headings, labels and item headers in the corpus (every layout)', () => {
  it('loses or changes nothing without a warning', () => {
    const letters = (readdirSync(CORPUS, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.txt') && !f.startsWith('errors'))
      .sort()
      .flatMap((f) => {
        const d = decode(readFileSync(join(CORPUS, f)));
        return d.ok ? [[f, d.text] as [string, string]] : [];
      });
    const c = damageSweep(letters);
    expect(c.lines).toBeGreaterThan(1000);
    expect(silentLosses(c)).toEqual({});
  }, 60_000);
});
