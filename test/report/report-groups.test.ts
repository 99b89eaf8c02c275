/**
 * The members of every group (report.cases/<table>/<group>.csv) add up to
 * the group's counts; with the letters at hand, each group's page lists a
 * hash sample of its letters, each linked to its explain page, and every
 * link of the report resolves to a file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/core/fnv1a.js';
import { claimFolder, fileName, MARKER } from '../../src/report/groups.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import { runExtract } from '../../src/run/extract.js';
import { readCsv } from './direct.js';
import { ROOT } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'imr-report-groups-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every relative href of an HTML file, resolved to a path (fragments dropped). */
function localLinks(file: string): string[] {
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/href="([^"#][^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => join(dirname(file), decodeURIComponent(href.split('#')[0]!)));
}

describe('member files and pages of letters', () => {
  const corpus = join(ROOT, 'corpus');
  const ds = join(work, 'dataset');
  let plain: WrittenReport;
  let withLetters: WrittenReport;
  beforeAll(async () => {
    await runExtract({ inputs: [corpus], out: ds, rawCsv: false });
    plain = await writeReport(ds, join(work, 'plain', 'report.html'));
    withLetters = await writeReport(ds, join(work, 'letters', 'study.html'), {}, { letters: { dir: corpus, perGroup: 3 } });
  }, 120_000);

  it('gives every group of every table a member file whose rows add up to the group', () => {
    let groups = 0;
    for (const table of plain.report.tables) {
      for (const row of table.rows) {
        const file = join(plain.cases, `${row.group}.csv`);
        expect(existsSync(file), `${table.spec.id} ${row.key.join('/')}`).toBe(true);
        const members = readCsv(file);
        const sum = (col: string) => members.reduce((a, m) => a + Number(m[col]), 0);
        if (table.spec.unit === 'items') expect({ n: sum('n_items'), k: sum('n_overturned') }, table.spec.id).toEqual({ n: row.n, k: row.k });
        else if (table.spec.unit === 'reasons') expect(sum('n_items'), table.spec.id).toBe(row.k);
        else expect(members.length).toBe(row.k);
        for (const m of members) {
          if (table.spec.unit !== 'cases') expect(m.item_no!.split(';').length).toBe(Number(m.n_items));
        }
        groups++;
      }
    }
    for (const row of plain.report.timeliness.rows) {
      const members = readCsv(join(plain.cases, `${row.group}.csv`));
      const count = (status: string) => members.filter((m) => m.status === status).length;
      expect({ n: count('counted'), negative: count('negative'), overMax: count('over_max'), missing: count('missing_date') }).toEqual({ n: row.n, negative: row.negative, overMax: row.overMax, missing: row.missing });
      groups++;
    }
    const files = readdirSync(plain.cases, { recursive: true }).filter((f) => String(f).endsWith('.csv'));
    expect(files.length).toBe(groups);
  });

  it('names each group file in the table CSVs, and the cases of a group are those of decisions.csv', () => {
    const table = readCsv(join(work, 'plain', 'report.treatment_category.csv'));
    const decisions = readCsv(join(ds, 'decisions.csv'));
    for (const row of table) {
      expect(row.cases_csv).toMatch(/^report\.cases\/treatment_category\/[^/]+\.csv$/);
      const members = readCsv(join(work, 'plain', row.cases_csv!));
      const want = decisions.filter((d) => d.treatment_category === row.treatment_category);
      expect(members.flatMap((m) => m.item_no!.split(';').map((i) => `${m.case_id}#${i}`)).sort()).toEqual(want.map((d) => `${d.case_id}#${d.item_no}`).sort());
    }
  });

  it('lists in each group the letters with the smallest hashes, each linked to its explain page', () => {
    const cases = readCsv(join(ds, 'cases.csv'));
    const smallest = cases
      .map((c) => ({ id: c.case_id!, hash: fnv1a(c.source_file!) }))
      .sort((a, b) => a.hash - b.hash)
      .slice(0, 3)
      .map((c) => c.id)
      .sort();
    const overall = readFileSync(join(withLetters.cases, 'overall', 'all.html'), 'utf8');
    expect([...overall.matchAll(/<tr><td><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(smallest);
    expect(overall).toContain(`3 of the group's ${cases.length} letters`);
    const pages = readdirSync(withLetters.explain!.dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBe(withLetters.explain!.pages);
    expect(withLetters.explain).toMatchObject({ missing: 0, failed: 0 });
    // Every sampled letter's page is the explain page of that letter.
    const page = readFileSync(join(withLetters.explain!.dir, `${smallest[0]}.html`), 'utf8');
    expect(page).toContain(smallest[0]);
  });

  it('resolves every link of the page, of the group pages and their CSV names', () => {
    const out = join(work, 'letters');
    const pages = [withLetters.html, ...readdirSync(withLetters.cases, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).map((f) => join(withLetters.cases, f))];
    expect(pages.length).toBeGreaterThan(50);
    let links = 0;
    for (const page of pages) {
      for (const target of localLinks(page)) {
        expect(existsSync(target), `${relative(out, page)} -> ${relative(out, target)}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(pages.length * 3);
    // The report links each group's letters page from its table row.
    const html = readFileSync(withLetters.html, 'utf8');
    expect(html).toContain('href="study.cases/treatment_category/');
    expect(localLinks(withLetters.html).filter((l) => l.includes(`${join(out, 'study.cases')}`) && l.endsWith('.html')).length).toBeGreaterThan(20);
  });

  it('finds a letter whose file name a spreadsheet would read as a formula (its source_file is neutralised in cases.csv)', async () => {
    const letters = join(work, 'formula-letters');
    mkdirSync(letters, { recursive: true });
    const first = readdirSync(join(corpus, 'issues-2015')).filter((f) => f.endsWith('.txt')).sort()[0]!;
    writeFileSync(join(letters, `=${first}`), readFileSync(join(corpus, 'issues-2015', first)));
    const formulaDs = join(work, 'formula-dataset');
    await runExtract({ inputs: [letters], out: formulaDs, rawCsv: false });
    expect(readCsv(join(formulaDs, 'cases.csv'))[0]!.source_file).toBe(`'=${first}`);
    const written = await writeReport(formulaDs, join(work, 'formula', 'report.html'), {}, { letters: { dir: letters, perGroup: 3 } });
    expect(written.explain).toMatchObject({ pages: 1, missing: 0, failed: 0 });
  });

  it('replaces its own folders, refuses a folder it did not write, and drops explain pages a new report does not link', async () => {
    const again = await writeReport(ds, join(work, 'letters', 'study.html'));
    expect(existsSync(join(work, 'letters', 'study.explain'))).toBe(false);
    expect(readdirSync(again.cases, { recursive: true }).map(String).filter((f) => f.endsWith('.html'))).toEqual([]);
    const foreign = join(work, 'foreign');
    mkdirSync(join(foreign, 'r.cases'), { recursive: true });
    writeFileSync(join(foreign, 'r.cases', 'notes.txt'), 'mine');
    await expect(writeReport(ds, join(foreign, 'r.html'))).rejects.toThrow(/was not written by imr report/);
    expect(readFileSync(join(foreign, 'r.cases', 'notes.txt'), 'utf8')).toBe('mine');
    claimFolder(join(foreign, 'empty'));
    expect(readdirSync(join(foreign, 'empty'))).toEqual([MARKER]);
  });
});

describe('fileName', () => {
  it('keeps a safe key as it is and gives any other a readable name with a hash', () => {
    const taken = new Set<string>();
    expect(fileName(['MTUS'], taken)).toBe('MTUS');
    expect(fileName(['2017'], taken)).toBe('2017');
    expect(fileName(['Evaluation & Management'], taken)).toMatch(/^Evaluation-Management~[0-9a-f]{8}$/);
    expect(fileName(['Pharmaceuticals', 'Opioids'], taken)).toBe('Pharmaceuticals__Opioids');
    expect(fileName(['', 'reviewer'], taken)).toMatch(/^none__reviewer~[0-9a-f]{8}$/);
    expect(fileName(['../../etc/passwd'], taken)).toMatch(/^etc-passwd~[0-9a-f]{8}$/);
    expect(fileName(['CON'], taken)).toMatch(/^CON~/);
    expect(fileName(['x'.repeat(300)], taken).length).toBeLessThanOrEqual(70);
  });

  it('never gives two keys names that differ only in case', () => {
    const taken = new Set<string>();
    const a = fileName(['Opioids'], taken);
    const b = fileName(['opioids'], taken);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    const c = fileName(['a-b'], taken);
    const d = fileName(['a b'], taken);
    expect(c).not.toBe(d);
  });
});
