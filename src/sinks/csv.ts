/**
 * A CSV table written from its schema: header row first, then rows as they
 * come, through csv-stringify (RFC 4180, CRLF records, quotes where needed).
 */
import { stringify } from 'csv-stringify/sync';
import type { Cell, TableSchema } from '../core/schema.js';

/** Characters that make a spreadsheet evaluate a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a free-text cell a spreadsheet would evaluate, by prefixing an
 * apostrophe (the OWASP CSV-injection advice); the codebook documents it.
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value a cell of a dataset stands for: `neutralise` undone (a value that itself begins with an apostrophe and a formula character cannot be told from a neutralised one). */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/** The header row of a table. */
export function header<R>(schema: TableSchema<R>): string {
  return stringify([schema.columns.map((c) => c.name)], CSV_OPTIONS);
}

export class CsvTable<R> {
  constructor(
    private readonly schema: TableSchema<R>,
    private readonly raw: boolean,
  ) {}

  rows(rows: readonly R[]): string {
    if (rows.length === 0) return '';
    return stringify(
      rows.map((row) => this.schema.columns.map((c) => this.cell(c.get(row), c.freeText === true))),
      CSV_OPTIONS,
    );
  }

  private cell(value: Cell, freeText: boolean): string | number {
    if (value === null) return '';
    if (typeof value === 'number') return value;
    return freeText && !this.raw ? neutralise(value) : value;
  }
}
