/**
 * Every item with a rationale has its reasons, or a warning that none could
 * be read in it (`item-no-reason`, pointing at that rationale): an empty
 * `reasons` cell is never silent. Checked over the corpus and, where
 * ../shared exists, the real dev letters in both renderings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/core/pipeline.js';
import { CORPUS } from '../../scripts/golden.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';

if (!hasShared()) console.warn(`NOTE: ${LETTERS} is absent, so the check of empty reasons cells on the dev letters is skipped.`);

function unflagged(dir: string): { items: number; flagged: number; problems: string[] } {
  const problems: string[] = [];
  let items = 0;
  let flagged = 0;
  for (const file of fg.sync('**/*.txt', { cwd: dir, absolute: true }).sort()) {
    const result = extractLetter(file, readFileSync(file, 'utf8'));
    if (!result.ok) continue;
    const { record } = result;
    const warned = record.warnings.filter((w) => w.rule_id === 'item-no-reason');
    for (const item of record.items) {
      if (!item.rationale) continue;
      items++;
      const mine = warned.filter((w) => w.start === item.rationale!.start && w.end === item.rationale!.end);
      if (item.reasons.length === 0) flagged++;
      if (mine.length !== (item.reasons.length === 0 ? 1 : 0)) problems.push(`${file} item ${item.item_no}: ${item.reasons.length} reasons, ${mine.length} warnings`);
    }
    if (warned.length > 0 !== record.warning_rules.includes('item-no-reason')) problems.push(`${file}: warning_rules disagree with the warnings`);
  }
  return { items, flagged, problems };
}

describe('an empty reasons cell is flagged', () => {
  it('in the corpus', () => {
    const { items, flagged, problems } = unflagged(CORPUS);
    expect(items).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
  it.skipIf(!hasShared()).each(['text-pypdf', 'text-poppler'])('in the dev letters (%s)', (rendering) => {
    const { items, problems } = unflagged(join(LETTERS, 'dev', rendering));
    expect(items).toBeGreaterThan(250);
    expect(problems).toEqual([]);
  });
});
