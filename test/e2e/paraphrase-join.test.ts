/**
 * scripts/paraphrase-inputs.ts --join: paraphrases come back joined to their
 * inputs and gold in the written-set formats the scorers read, a split
 * replaced when joined again, and an id that is no input refused. Items and
 * texts are made up for this test; needs no ../shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/golden.js';

const dir = mkdtempSync(join(tmpdir(), 'imr-paraphrase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
const joinParaphrases = (file: string, split: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'paraphrase-inputs.ts'), '--out', dir, '--join', file, '--split', split], { cwd: ROOT, encoding: 'utf8' });

write('reasons-input.json', [{ id: 'A#1', item_text: 'Lumbar brace', outcome: 'upheld', other_items: [], rationale: 'The original wording.' }]);
write('reasons-gold.json', { 'A#1': ['not_recommended'] });
write('summaries-input.json', [{ id: 'A', summary: 'The original summary.', keep_verbatim_as_negated: ['swelling'] }]);
write('summaries-gold.json', { A: ['swelling'] });

describe('joining paraphrases to their inputs', () => {
  it('writes rationales and summaries in the written-set formats, with the gold', () => {
    write('para-r.json', [{ id: 'A#1', rationale: 'Other words for the same ground.' }]);
    write('para-s.json', [{ id: 'A', summary: 'Swelling was absent.' }]);
    expect(joinParaphrases(join(dir, 'para-r.json'), 'p1').status).toBe(0);
    expect(joinParaphrases(join(dir, 'para-s.json'), 'n1').status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'reasons-set.json'), 'utf8'))).toEqual([
      { id: 'A#1', item_text: 'Lumbar brace', outcome: 'upheld', other_items: [], rationale: 'Other words for the same ground.', split: 'p1', codes: ['not_recommended'] },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'summaries-set.json'), 'utf8'))).toEqual([{ id: 'A', split: 'n1', summary: 'Swelling was absent.', negated: ['swelling'] }]);
  });

  it('replaces a split joined again, keeps the others, and refuses an id that is no input', () => {
    write('para-r2.json', [{ id: 'A#1', rationale: 'A third wording.' }]);
    expect(joinParaphrases(join(dir, 'para-r2.json'), 'p2').status).toBe(0);
    expect(joinParaphrases(join(dir, 'para-r2.json'), 'p1').status).toBe(0);
    const set = JSON.parse(readFileSync(join(dir, 'reasons-set.json'), 'utf8')) as { split: string; rationale: string }[];
    expect(set.map((x) => [x.split, x.rationale])).toEqual([
      ['p2', 'A third wording.'],
      ['p1', 'A third wording.'],
    ]);
    write('para-bad.json', [{ id: 'B#9', rationale: 'No such item.' }]);
    const bad = joinParaphrases(join(dir, 'para-bad.json'), 'p3');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/B#9 is not an input/);
  });
});
