/**
 * The codebook is generated from src/core/schema.ts: every column documented
 * in order, in codebook.md and datapackage.json, and datasets written by the
 * tool satisfy the Table Schemas (types, allowed values, patterns, required).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURED, REASONS_BY_CODE } from '../../src/codebook/accuracy.js';
import { REASON_CODES } from '../../src/core/vocabulary.js';
import { codebookMarkdown, dataPackage, NEVER_EMPTY, TABLES, writeCodebook } from '../../src/codebook/index.js';
import { runExtract } from '../../src/run/extract.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { readCsv } from './direct.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imr-codebook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Field {
  name: string;
  type: string;
  description: string;
  constraints?: { enum?: string[]; pattern?: string; required?: boolean; minimum?: number };
}
interface Resource {
  name: string;
  path: string;
  profile: string;
  schema: { fields: Field[]; missingValues: string[] };
}

const pkg = dataPackage() as { profile: string; resources: Resource[] };

describe('codebook.md', () => {
  const md = codebookMarkdown();
  it('has one entry per column of each CSV, in order, with type, and allowed values where the schema has them', () => {
    for (const t of TABLES) {
      const section = md.slice(md.indexOf(`## ${t.file}`));
      let at = 0;
      for (const c of t.columns) {
        const i = section.indexOf(`### \`${c.name}\``, at);
        expect(i, `${t.file} ${c.name}`).toBeGreaterThan(at - 1);
        at = i + 1;
        const entry = section.slice(i, section.indexOf('\n### ', i + 1) >>> 0);
        expect(entry).toContain(c.description);
        expect(entry).toMatch(/- Type: /);
        expect(entry).toMatch(/- Empty: /);
        for (const v of c.values ?? []) expect(entry).toContain(`\`${v}\``);
        if (c.freeText) expect(entry).toContain('neutralised');
      }
    }
  });
  it('states the formula rule, the missing-value rule and the offset unit', () => {
    expect(md).toMatch(/begins with `=`, `\+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe/);
    expect(md).toContain('--raw-csv');
    expect(md).toContain('UTF-16 code units');
    expect(md).toMatch(/empty cell means the letter does not state/i);
  });
});

describe('datapackage.json', () => {
  it('is a tabular data package with a resource and Table Schema per CSV, fields in schema order', () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => r.path)).toEqual(TABLES.map((t) => t.file));
    for (const [i, t] of TABLES.entries()) {
      const r = pkg.resources[i]!;
      expect(r.profile).toBe('tabular-data-resource');
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      expect(r.schema.missingValues).toEqual(['']);
      expect(r.schema.fields.map((f) => f.name)).toEqual(t.columns.map((c) => c.name));
      for (const [j, c] of t.columns.entries()) {
        const f = r.schema.fields[j]!;
        expect(f.type).toBe(c.type === 'list' ? 'string' : c.type);
        if (c.values && c.type !== 'list') expect(f.constraints?.enum).toEqual([...c.values]);
        if (c.type === 'list') {
          expect(f.description).toMatch(/`;`-joined list/);
          expect(f.constraints?.enum).toBeUndefined();
          if (c.values) expect(f.constraints?.pattern).toBeTruthy();
        }
      }
    }
  });

  it('writeCodebook writes both files', () => {
    writeCodebook(work);
    expect(readFileSync(join(work, 'codebook.md'), 'utf8')).toBe(codebookMarkdown());
    expect(JSON.parse(readFileSync(join(work, 'datapackage.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(pkg)));
  });
});

/** A Table Schema check of one dataset folder: the problems found, as text. */
function validate(dir: string): string[] {
  const problems: string[] = [];
  for (const r of pkg.resources) {
    const path = join(dir, r.path);
    if (!existsSync(path)) continue;
    const header = readFileSync(path, 'utf8').split('\r\n')[0]!.split(',');
    if (JSON.stringify(header) !== JSON.stringify(r.schema.fields.map((f) => f.name))) problems.push(`${r.path}: header ${header.join(',')}`);
    const rows = readCsv(path);
    for (const [i, row] of rows.entries()) {
      for (const f of r.schema.fields) {
        const v = row[f.name] ?? '';
        const where = `${r.path} row ${i + 2} ${f.name}="${v}"`;
        if (v === '') {
          if (f.constraints?.required || (NEVER_EMPTY[r.path] ?? []).includes(f.name)) problems.push(`${where}: empty`);
          continue;
        }
        if (f.type === 'integer' && !/^-?\d+$/.test(v)) problems.push(`${where}: not an integer`);
        if (f.type === 'integer' && f.constraints?.minimum !== undefined && Number(v) < f.constraints.minimum) problems.push(`${where}: below minimum`);
        if (f.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))) problems.push(`${where}: not a date`);
        if (f.type === 'boolean' && v !== 'true' && v !== 'false') problems.push(`${where}: not a boolean`);
        if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${where}: not an allowed value`);
        if (f.constraints?.pattern && !new RegExp(`^(?:${f.constraints.pattern})$`).test(v)) problems.push(`${where}: does not match the pattern`);
      }
    }
  }
  return problems;
}

describe('datasets satisfy the Table Schemas', () => {
  const ds = join(work, 'corpus');
  beforeAll(async () => {
    await runExtract({ inputs: [join(root, 'corpus')], out: ds, rawCsv: false });
  });
  it('the bundled corpus', () => {
    expect(validate(ds)).toEqual([]);
  });
  it('and the check finds broken cells', () => {
    const bad = join(work, 'bad');
    mkdirSync(bad, { recursive: true });
    const rows = parse(readFileSync(join(ds, 'decisions.csv')), { bom: true }) as string[][];
    const at = (name: string) => rows[0]!.indexOf(name);
    rows[1]![at('outcome')] = 'maybe';
    rows[1]![at('retrospective')] = 'yes';
    rows[1]![at('item_no')] = '1.5';
    writeFileSync(join(bad, 'decisions.csv'), stringify(rows, { record_delimiter: 'windows' }));
    const problems = validate(bad);
    expect(problems.some((p) => p.includes('outcome="maybe": not an allowed value'))).toBe(true);
    expect(problems.some((p) => p.includes('retrospective="yes": not a boolean'))).toBe(true);
    expect(problems.some((p) => p.includes('item_no="1.5": not an integer'))).toBe(true);
  });
  it.skipIf(!hasShared())('the dev letters (text-poppler)', async () => {
    const ds = join(work, 'dev');
    await runExtract({ inputs: [join(LETTERS, 'dev', 'text-poppler'), join(LETTERS, 'seed')], out: ds, rawCsv: false });
    expect(validate(ds)).toEqual([]);
  });
});

describe('measured accuracy in the codebook', () => {
  it('names only real columns, and prints each under its column', () => {
    const columns = new Set(TABLES.flatMap((t) => t.columns.map((c) => `${t.file} ${c.name}`)));
    const md = codebookMarkdown();
    for (const [key, m] of Object.entries(MEASURED)) {
      expect(columns.has(key), key).toBe(true);
      const section = md.slice(md.indexOf(`### \`${key.split(' ')[1]}\``));
      expect(section.slice(0, section.indexOf('\n### ') > 0 ? section.indexOf('\n### ') : undefined)).toContain(`held-out ${m.heldOut}`);
    }
    expect(md).toContain('## How accurate the columns are');
  });

  it('gives every decision-reason code, in the vocabulary\'s order, with its agreement and held-out precision and recall', () => {
    expect(REASONS_BY_CODE.map(([code]) => code)).toEqual(REASON_CODES);
    const md = codebookMarkdown();
    for (const [code] of REASONS_BY_CODE) expect(md).toMatch(new RegExp(`\\| \`${code}\` \\| \\d\\.\\d\\d \\|`));
  });
});
