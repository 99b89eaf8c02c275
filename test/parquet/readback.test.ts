/**
 * `imr extract --parquet` (the built command line) over the bundled corpus,
 * read back with DuckDB: every column typed from the schema, every value of
 * every row the CSV cell it stands for; the same bytes with more threads,
 * from shards merged, and with or without formula neutralisation; a dataset
 * published without them has none.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType } from '../../src/core/schema.js';
import { parquetFile, PARQUET_TABLES } from '../../src/sinks/parquet.js';
import { duckdb } from './duckdb.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const corpus = join(root, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'imr-parquet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const imr = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '-q'], { encoding: 'utf8' });
const extract = (out: string, ...options: string[]) => {
  const r = imr('extract', corpus, '--out', out, ...options);
  expect(r.status, r.stderr).toBe(0);
};
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** A CSV cell as the Parquet file should hold it, by the column's type. */
function typed(type: ColumnType, cell: string): unknown {
  if (cell === '') return null;
  if (type === 'integer' || type === 'number') return Number(cell);
  if (type === 'boolean') return cell === 'true';
  if (type === 'list') return cell.split(';');
  return cell;
}

const SQL_TYPE: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', date: 'DATE', boolean: 'BOOLEAN', list: 'VARCHAR[]' };

const raw = join(work, 'raw');
const neutralised = join(work, 'neutralised');

beforeAll(() => {
  extract(raw, '--parquet', '--raw-csv', '--jobs', '1');
  extract(neutralised, '--parquet', '--jobs', '2');
});

describe('imr extract --parquet', () => {
  it('writes the three files beside the CSV files, and the manifest records the option and their rows', () => {
    const m = manifest(raw);
    expect(m.options.parquet).toBe(true);
    for (const t of PARQUET_TABLES) {
      expect(existsSync(join(raw, parquetFile(t))), parquetFile(t)).toBe(true);
      expect(m.rows[parquetFile(t)]).toBe(m.rows[t.file]);
    }
    expect(m.rows[parquetFile(PARQUET_TABLES[0])]).toBeGreaterThan(30);
  });

  it('gives the same bytes with two threads and with formula neutralisation, which only the CSV files have', () => {
    expect(manifest(neutralised).options.raw_csv).toBe(false);
    for (const t of PARQUET_TABLES) expect(readFileSync(join(neutralised, parquetFile(t))).equals(readFileSync(join(raw, parquetFile(t)))), parquetFile(t)).toBe(true);
  });

  it('gives the same bytes from two shards merged, and refuses shards of which only some have Parquet files', () => {
    const shards = [1, 2].map((i) => join(work, `shard-${i}`));
    shards.forEach((dir, i) => extract(dir, '--parquet', '--shard', `${i + 1}/2`));
    const merged = join(work, 'merged');
    const r = imr('merge', ...shards, '--out', merged);
    expect(r.status, r.stderr).toBe(0);
    expect(manifest(merged).options.parquet).toBe(true);
    for (const t of PARQUET_TABLES) expect(readFileSync(join(merged, parquetFile(t))).equals(readFileSync(join(raw, parquetFile(t)))), parquetFile(t)).toBe(true);

    const plain = join(work, 'shard-2-plain');
    extract(plain, '--shard', '2/2');
    const refused = imr('merge', shards[0]!, plain, '--out', join(work, 'refused'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/parquet must match/);
  });

  it('is replaced by a dataset without Parquet files, which then has none and lists none', () => {
    const out = join(work, 'replaced');
    cpSync(raw, out, { recursive: true });
    extract(out);
    for (const t of PARQUET_TABLES) expect(existsSync(join(out, parquetFile(t))), parquetFile(t)).toBe(false);
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).not.toContain('.parquet"');
    expect(manifest(out).options.parquet).toBe(false);
  });
});

describe.skipIf(!duckdb)('read back with DuckDB', () => {
  const db = duckdb!;

  it('types every column from the schema: dates, integers, numbers, booleans, lists of strings', async () => {
    for (const t of PARQUET_TABLES) {
      const types = await db.types(`SELECT * FROM '${join(raw, parquetFile(t))}' LIMIT 0`);
      expect(types, t.file).toEqual(Object.fromEntries(t.columns.map((c) => [c.name, SQL_TYPE[c.type]])));
    }
  });

  it('holds every value of every CSV row, in the same order, an empty cell as null', async () => {
    let cells = 0;
    for (const t of PARQUET_TABLES) {
      const csv = parse(readFileSync(join(raw, t.file)), { from_line: 2 }) as string[][];
      const rows = await db.rows(`SELECT * FROM '${join(raw, parquetFile(t))}'`);
      expect(rows.length, t.file).toBe(csv.length);
      csv.forEach((cellsOfRow, i) => {
        const expected = Object.fromEntries(t.columns.map((c, j) => [c.name, typed(c.type, cellsOfRow[j]!)]));
        expect(rows[i], `${t.file} row ${i + 2}`).toEqual(expected);
        cells += t.columns.length;
      });
    }
    expect(cells).toBeGreaterThan(5000);
  });

  it('has nulls, dates, lists and booleans to compare (the corpus exercises every type)', async () => {
    const [c] = await db.rows(
      `SELECT count(*) FILTER (WHERE decision_date IS NULL) AS no_date, count(*) FILTER (WHERE len(body_regions) > 1) AS several_regions, count(*) FILTER (WHERE NOT items_complete) AS incomplete, count(DISTINCT year(decision_date)) AS years FROM '${join(raw, 'cases.parquet')}'`,
    );
    expect(Number(c!.no_date)).toBeGreaterThan(0);
    expect(Number(c!.several_regions)).toBeGreaterThan(0);
    expect(Number(c!.incomplete)).toBeGreaterThan(0);
    expect(Number(c!.years)).toBeGreaterThan(1);
  });
});
