/**
 * The DuckDB recipe of the README, run as written (its relative paths
 * found from a folder that holds the dataset as `output/`) on the corpus
 * extracted with --parquet, and its answers checked against the CSV files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdb, type Row } from './duckdb.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imr-parquet-recipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The statements of the doc's `sql` block. */
function recipe(): string[] {
  const doc = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```sql\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('README.md has no sql block');
  return block[1]!.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
}

const csv = (file: string) => parse(readFileSync(join(work, 'output', file)), { columns: true }) as Record<string, string>[];

describe.skipIf(!duckdb)('the DuckDB recipe of the README', () => {
  const db = duckdb!;
  let results: Row[][] = [];

  beforeAll(async () => {
    mkdirSync(join(work, 'output'));
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', join(root, 'corpus'), '--out', join(work, 'output'), '--parquet', '-q'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    await db.rows(`SET file_search_path = '${work}'`);
    results = [];
    for (const statement of recipe()) results.push(await db.rows(statement));
  });

  it('has two statements, and both run', () => {
    expect(results.length).toBe(2);
  });

  it('gives the items and overturn rate of each decision year as the CSV files do', () => {
    const year = new Map(csv('cases.csv').map((c) => [c.case_id!, c.decision_date ? Number(c.decision_date.slice(0, 4)) : null]));
    const byYear = new Map<number | null, { items: number; overturned: number }>();
    for (const d of csv('decisions.csv')) {
      const y = year.get(d.case_id!) ?? null;
      const tally = byYear.get(y) ?? { items: 0, overturned: 0 };
      tally.items++;
      if (d.outcome === 'overturned') tally.overturned++;
      byYear.set(y, tally);
    }
    expect(results[0]!.length).toBe(byYear.size);
    for (const row of results[0]!) {
      const y = row.decision_year === null ? null : Number(row.decision_year);
      const want = byYear.get(y)!;
      expect(Number(row.items), `year ${y}`).toBe(want.items);
      expect(Number(row.overturn_rate), `year ${y}`).toBeCloseTo(want.overturned / want.items, 3);
    }
  });

  it('counts the items citing each guideline family from the list column as the CSV cells split on ";"', () => {
    const counts = new Map<string, number>();
    for (const d of csv('decisions.csv')) for (const f of d.reviewer_sources ? d.reviewer_sources.split(';') : []) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect(Object.fromEntries(results[1]!.map((r) => [r.family, Number(r.items)]))).toEqual(Object.fromEntries(counts));
  });
});
