/**
 * datapackage.json as a Frictionless v2 package: the Parquet resources when
 * the files were written, typed as stored; every table's key and links name
 * real resources and fields; and on the corpus dataset the keys are unique
 * and every link finds its row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codebookMarkdown, dataPackage, TABLES } from '../../src/codebook/index.js';
import { parquetFile, PARQUET_TABLES } from '../../src/sinks/parquet.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imr-datapackage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Field {
  name: string;
  type: string;
  itemType?: string;
  categories?: string[];
  constraints?: { enum?: string[]; required?: boolean };
}
interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}
interface Resource {
  name: string;
  path: string;
  type: string;
  format: string;
  mediatype: string;
  schema: { fields: Field[]; primaryKey?: string[]; foreignKeys?: ForeignKey[] };
}
interface Package {
  $schema: string;
  resources: Resource[];
}

const withParquet = dataPackage({ parquet: true }) as unknown as Package;
const csvOnly = dataPackage() as unknown as Package;

describe('the data package', () => {
  it('is a v2 package of table resources, listing the Parquet files only when they were written', () => {
    expect(withParquet.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(csvOnly.resources.map((r) => r.path)).toEqual(TABLES.map((t) => t.file));
    expect(withParquet.resources.map((r) => r.path)).toEqual([...TABLES.map((t) => t.file), ...PARQUET_TABLES.map(parquetFile)]);
    expect(withParquet.resources.slice(0, TABLES.length)).toEqual(csvOnly.resources);
    for (const r of withParquet.resources) expect(r.type, r.name).toBe('table');
    expect(new Set(withParquet.resources.map((r) => r.name)).size).toBe(withParquet.resources.length);
  });

  it('types the Parquet fields as stored: lists of strings, dates, integers, booleans, with the categories of the CSV fields', () => {
    for (const t of PARQUET_TABLES) {
      const r = withParquet.resources.find((x) => x.path === parquetFile(t))!;
      const csv = withParquet.resources.find((x) => x.path === t.file)!;
      expect(r.format).toBe('parquet');
      expect(r.mediatype).toBe('application/vnd.apache.parquet');
      expect(r.schema.fields.map((f) => f.name)).toEqual(t.columns.map((c) => c.name));
      t.columns.forEach((c, i) => {
        const f = r.schema.fields[i]!;
        expect(f.type, c.name).toBe(c.type);
        expect(f.itemType, c.name).toBe(c.type === 'list' ? 'string' : undefined);
        expect(f.categories, c.name).toEqual(csv.schema.fields[i]!.categories);
        if (c.values && c.type !== 'list') expect(f.categories, c.name).toEqual([...c.values]);
      });
    }
  });

  it('keys every table by source_file (and item and citation numbers), and links decisions and citations to their case and item by it', () => {
    const key = (path: string) => withParquet.resources.find((r) => r.path === path)!.schema;
    expect(key('cases.csv').primaryKey).toEqual(['source_file']);
    expect(key('errors.csv').primaryKey).toEqual(['source_file']);
    expect(key('decisions.csv').primaryKey).toEqual(['source_file', 'item_no']);
    expect(key('citations.csv').primaryKey).toEqual(['source_file', 'item_no', 'citation_no']);
    expect(key('decisions.csv').foreignKeys).toContainEqual({ fields: ['source_file'], reference: { resource: 'cases', fields: ['source_file'] } });
    expect(key('citations.csv').foreignKeys).toContainEqual({ fields: ['source_file', 'item_no'], reference: { resource: 'decisions', fields: ['source_file', 'item_no'] } });
    expect(key('citations.parquet').foreignKeys).toContainEqual({ fields: ['source_file', 'item_no'], reference: { resource: 'decisions-parquet', fields: ['source_file', 'item_no'] } });
  });

  it('names only fields and resources that exist in its keys, a Parquet file\'s links going to Parquet files', () => {
    const byName = new Map(withParquet.resources.map((r) => [r.name, r]));
    for (const r of withParquet.resources) {
      const names = r.schema.fields.map((f) => f.name);
      for (const f of r.schema.primaryKey ?? []) expect(names, `${r.name} primary key`).toContain(f);
      for (const fk of r.schema.foreignKeys ?? []) {
        for (const f of fk.fields) expect(names, `${r.name} link`).toContain(f);
        const target = byName.get(fk.reference.resource);
        expect(target, `${r.name} -> ${fk.reference.resource}`).toBeDefined();
        expect(target!.format).toBe(r.format);
        expect(fk.reference.fields.length).toBe(fk.fields.length);
        for (const f of fk.reference.fields) expect(target!.schema.fields.map((x) => x.name)).toContain(f);
      }
    }
  });

  it('lists the Parquet files in codebook.md when they were written, and says how to get them when not', () => {
    const files = (md: string) => md.slice(md.indexOf('## Files'), md.indexOf('## Conventions'));
    expect(files(codebookMarkdown({ parquet: true }))).toContain('`decisions.parquet`');
    expect(files(codebookMarkdown())).not.toContain('.parquet');
    expect(codebookMarkdown()).toContain('imr extract --parquet');
  });
});

describe('the keys on the corpus dataset', () => {
  const out = join(work, 'corpus');
  let written: Package;
  const rows = (file: string) => parse(readFileSync(join(out, file)), { columns: true }) as Record<string, string>[];

  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'extract', join(root, 'corpus'), '--out', out, '--parquet', '-q'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    written = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as Package;
  });

  it('are described by the dataset\'s own datapackage.json', () => {
    expect(written).toEqual(JSON.parse(JSON.stringify(withParquet)));
  });

  it('hold: primary keys unique and never empty, every link finds its row', () => {
    const csvResources = written.resources.filter((r) => r.format === 'csv');
    const byName = new Map(csvResources.map((r) => [r.name, r]));
    const tuple = (row: Record<string, string>, fields: string[]) => JSON.stringify(fields.map((f) => row[f]));
    let links = 0;
    for (const r of csvResources) {
      const data = rows(r.path);
      if (r.schema.primaryKey) {
        const keys = data.map((row) => tuple(row, r.schema.primaryKey!));
        expect(new Set(keys).size, `${r.path} primary key`).toBe(data.length);
        for (const row of data) for (const f of r.schema.primaryKey) expect(row[f], `${r.path} ${f}`).not.toBe('');
      }
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = new Set(rows(byName.get(fk.reference.resource)!.path).map((row) => tuple(row, fk.reference.fields)));
        for (const row of data) {
          expect(target.has(tuple(row, fk.fields)), `${r.path} ${tuple(row, fk.fields)} in ${fk.reference.resource}`).toBe(true);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(500);
  });
});
