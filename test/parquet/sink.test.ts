/**
 * The Parquet sink on its own: how a cell becomes a Parquet value, row groups
 * written as they fill (the same values whatever their size), free text as
 * the letter has it where the CSV neutralises it, and a dataset without cases.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/core/record.js';
import { CASES, DECISIONS } from '../../src/core/schema.js';
import { runExtract } from '../../src/run/extract.js';
import { CsvTable } from '../../src/sinks/csv.js';
import { parquetFile, parquetValue, PARQUET_TABLES, schemaElements, writeParquetFiles } from '../../src/sinks/parquet.js';
import { CORPUS } from '../../scripts/golden.js';
import { duckdb } from './duckdb.js';

const work = mkdtempSync(join(tmpdir(), 'imr-parquet-sink-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parquetValue', () => {
  it('makes an empty cell null, whatever the type', () => {
    for (const type of ['string', 'integer', 'number', 'date', 'boolean', 'list'] as const) {
      expect(parquetValue(type, '')).toBeNull();
      expect(parquetValue(type, null)).toBeNull();
    }
  });

  it('splits a list into its elements and keeps text, numbers and booleans as they are', () => {
    expect(parquetValue('list', 'lumbar spine;knee')).toEqual(['lumbar spine', 'knee']);
    expect(parquetValue('list', 'MTUS')).toEqual(['MTUS']);
    expect(parquetValue('string', '=1+1')).toBe('=1+1');
    expect(parquetValue('string', 2004)).toBe('2004');
    expect(parquetValue('number', 120.25)).toBe(120.25);
    expect(parquetValue('integer', 0)).toBe(0);
    expect(parquetValue('boolean', 'false')).toBe(false);
    expect(parquetValue('boolean', 'true')).toBe(true);
  });

  it('gives a date its day number since 1970-01-01', () => {
    expect(parquetValue('date', '1970-01-01')).toBe(0);
    expect(parquetValue('date', '2016-03-01')).toBe(16861);
    expect(parquetValue('date', '1969-12-31')).toBe(-1);
  });

  it('refuses a value its column type cannot hold', () => {
    expect(() => parquetValue('date', '2015-02-30')).toThrow(/cannot be stored as date/);
    expect(() => parquetValue('date', '02/03/2015')).toThrow(/cannot be stored as date/);
    expect(() => parquetValue('integer', 1.5)).toThrow(/cannot be stored as integer/);
    expect(() => parquetValue('integer', 2 ** 31)).toThrow(/cannot be stored as integer/);
    expect(() => parquetValue('integer', '12')).toThrow(/cannot be stored as integer/);
    expect(() => parquetValue('boolean', 'yes')).toThrow(/cannot be stored as boolean/);
  });

  it('describes a list column as the three-level LIST of strings', () => {
    const [outer, repeated, element] = schemaElements({ name: 'body_regions', type: 'list' });
    expect(outer).toMatchObject({ name: 'body_regions', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 });
    expect(repeated).toMatchObject({ name: 'list', repetition_type: 'REPEATED', num_children: 1 });
    expect(element).toMatchObject({ name: 'element', repetition_type: 'REQUIRED', type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(schemaElements({ name: 'decision_date', type: 'date' })).toEqual([{ name: 'decision_date', repetition_type: 'OPTIONAL', type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } }]);
  });
});

describe.skipIf(!duckdb)('writeParquetFiles, read back with DuckDB', () => {
  const db = duckdb!;
  const small = join(work, 'small-groups');
  const large = join(work, 'one-group');
  let records: CaseRecord[] = [];

  beforeAll(async () => {
    const dataset = join(work, 'dataset');
    await runExtract({ inputs: [CORPUS], out: dataset, rawCsv: false, jobs: 1 });
    records = readFileSync(join(dataset, 'cases.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CaseRecord);
    // Free text a spreadsheet would evaluate, in a case and in one of its items.
    const first = records[0]!;
    first.occupation = { value: '=2+3', start: 0, end: 0 };
    first.items[0]!.item_text = { ...first.items[0]!.item_text, value: '-left knee brace' };
    for (const dir of [small, large]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cases.jsonl'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    writeParquetFiles(small, 7);
    writeParquetFiles(large);
  });

  it('writes a row group each time a table has gathered its rows', async () => {
    const groups = await db.rows(`SELECT count(DISTINCT row_group_id) AS n, max(row_group_num_rows) AS most FROM parquet_metadata('${join(small, 'cases.parquet')}')`);
    expect(Number(groups[0]!.n)).toBe(Math.ceil(records.length / 7));
    expect(Number(groups[0]!.most)).toBe(7);
    const one = await db.rows(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('${join(large, 'cases.parquet')}')`);
    expect(Number(one[0]!.n)).toBe(1);
  });

  it('holds the same rows in the same order whatever the size of the row groups', async () => {
    for (const t of PARQUET_TABLES) {
      const a = await db.rows(`SELECT * FROM '${join(small, parquetFile(t))}'`);
      const b = await db.rows(`SELECT * FROM '${join(large, parquetFile(t))}'`);
      expect(a.length, t.file).toBeGreaterThan(0);
      expect(a, t.file).toEqual(b);
    }
  });

  it('keeps free text as the letter has it, where the CSV row neutralises it', async () => {
    const [c] = await db.rows(`SELECT occupation FROM '${join(large, 'cases.parquet')}' LIMIT 1`);
    expect(c!.occupation).toBe('=2+3');
    const [d] = await db.rows(`SELECT item_text FROM '${join(large, 'decisions.parquet')}' LIMIT 1`);
    expect(d!.item_text).toBe('-left knee brace');
    const first = records[0]!;
    expect(new CsvTable(CASES, false).rows([first])).toContain(",'=2+3,");
    expect(new CsvTable(DECISIONS, false).rows([{ record: first, item: first.items[0]! }])).toContain(",'-left knee brace,");
  });

  it('writes files with the columns and no rows for a dataset without cases', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'cases.jsonl'), '');
    writeParquetFiles(empty);
    for (const t of PARQUET_TABLES) {
      const types = await db.types(`SELECT * FROM '${join(empty, parquetFile(t))}'`);
      expect(Object.keys(types), t.file).toEqual(t.columns.map((c) => c.name));
      expect(await db.rows(`SELECT * FROM '${join(empty, parquetFile(t))}'`)).toEqual([]);
    }
  });
});
