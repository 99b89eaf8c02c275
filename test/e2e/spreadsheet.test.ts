/**
 * Spreadsheet safety: a free-text cell that starts with = + - @ tab or CR is
 * written with a leading apostrophe (so no spreadsheet evaluates it), numbers
 * stay numbers, and --raw-csv writes the text as it is.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.js';
import { neutralise } from '../../src/sinks/csv.js';
import { CORPUS } from '../../scripts/golden.js';

const work = mkdtempSync(join(tmpdir(), 'imr-csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1 cream', `'+1 cream`],
    ['-5 sessions', `'-5 sessions`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    ['Norco 10/325mg', 'Norco 10/325mg'],
  ])('%j', (value, written) => {
    expect(neutralise(value)).toBe(written);
  });

  it('neutralises free-text cells in the dataset, not numbers, and --raw-csv turns it off', async () => {
    const letter = readFileSync(join(CORPUS, 'issues-2015', 'poppler-two-items.txt'), 'utf8');
    const first = /^(.+): (Upheld|Overturned)$/m.exec(letter)!;
    const dir = join(work, 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'formula.txt'), letter.replace(first[0], `=cmd|'/c calc'!A1 ${first[1]}: ${first[2]}`));
    for (const [raw, name] of [[false, 'safe'], [true, 'raw']] as const) {
      const out = join(work, name);
      await runExtract({ inputs: [dir], out, rawCsv: raw });
      const rows = parse(readFileSync(join(out, 'decisions.csv')), { columns: true }) as Record<string, string>[];
      expect(rows[0]!.item_text!.startsWith(raw ? '=' : `'=`)).toBe(true);
      expect(rows[0]!.item_no).toBe('1');
      const cases = parse(readFileSync(join(out, 'cases.csv')), { columns: true }) as Record<string, string>[];
      expect(cases[0]!.n_items).toMatch(/^\d+$/);
    }
  });
});
