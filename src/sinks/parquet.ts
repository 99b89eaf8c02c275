/**
 * The Parquet files of a dataset (`--parquet`): cases, decisions and
 * citations with the rows and columns of their CSV files, typed from the
 * column types of src/core/schema.ts. They are built in the staging folder
 * when the dataset is published, from the staged cases.jsonl: the records the
 * CSV rows were rendered from (redacted when the CSV is), drawn into rows by
 * the same column definitions. So the values are those of the CSV files
 * without formula neutralisation, a record is read one line at a time and a
 * table holds one row group in memory, and the same staged dataset gives the
 * same bytes whatever the concurrency or sharding that produced it.
 */
import { join } from 'node:path';
import { fileWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { epochDay } from '../core/dates.js';
import type { CaseRecord } from '../core/record.js';
import { CASES, CITATIONS, citationRows, DECISIONS, decisionRows, type Cell, type Column, type ColumnType, type TableSchema } from '../core/schema.js';
import { ChunkReader, lineEnd } from '../io/chunk-reader.js';
import { TOOL_VERSION } from '../version.js';

/** The tables written as Parquet, in the order of the contract. */
export const PARQUET_TABLES = [CASES, DECISIONS, CITATIONS] as const;

/** The Parquet file beside a table's CSV file. */
export const parquetFile = (table: { file: string }): string => table.file.replace(/\.csv$/, '.parquet');

/** Rows of a table held before they are written as one row group (a row group of decisions is some tens of megabytes). */
export const ROW_GROUP_ROWS = 50_000;

export type ParquetValue = string | number | boolean | string[] | null;

/** The day numbers of the dates seen: a dataset has a few thousand distinct dates, read many times over. */
const dayNumbers = new Map<string, number | null>();

/** Days since 1970-01-01 (Parquet DATE) of an ISO date, or null when it is no calendar date. */
function epochDays(iso: string): number | null {
  let days = dayNumbers.get(iso);
  if (days === undefined) {
    days = epochDay(iso);
    dayNumbers.set(iso, days);
  }
  return days;
}

/**
 * A cell as Parquet holds it: an empty cell is null, a list its elements, a
 * date its day number; anything that does not fit the column's type is a
 * defect of the column definition and throws.
 */
export function parquetValue(type: ColumnType, cell: Cell): ParquetValue {
  if (cell === null || cell === '') return null;
  let value: ParquetValue = null;
  if (type === 'string') value = String(cell);
  else if (type === 'list') value = String(cell).split(';');
  else if (type === 'number' && typeof cell === 'number' && Number.isFinite(cell)) value = cell;
  else if (type === 'integer' && typeof cell === 'number' && Number.isSafeInteger(cell) && Math.abs(cell) < 2 ** 31) value = cell;
  else if (type === 'boolean' && (cell === 'true' || cell === 'false')) value = cell === 'true';
  else if (type === 'date' && typeof cell === 'string') value = epochDays(cell);
  if (value === null) throw new Error(`${JSON.stringify(cell)} cannot be stored as ${type}`);
  return value;
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;

/** A column's Parquet schema elements: every column may be null; a list is the standard three-level LIST of strings. */
export function schemaElements(column: Pick<Column<never>, 'name' | 'type'>): SchemaElement[] {
  const optional = { name: column.name, repetition_type: 'OPTIONAL' } as const;
  switch (column.type) {
    case 'string':
      return [{ ...optional, ...STRING }];
    case 'integer':
      return [{ ...optional, type: 'INT32' }];
    case 'number':
      return [{ ...optional, type: 'DOUBLE' }];
    case 'boolean':
      return [{ ...optional, type: 'BOOLEAN' }];
    case 'date':
      return [{ ...optional, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } }];
    case 'list':
      return [
        { ...optional, converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'REQUIRED', ...STRING },
      ];
  }
}

/** One Parquet file being written: rows are gathered by column and written a row group at a time. */
class ParquetTable<R> {
  private readonly writer: ParquetWriter;
  private columns: ParquetValue[][];

  constructor(
    private readonly table: TableSchema<R>,
    dir: string,
    private readonly rowGroupRows: number,
  ) {
    this.writer = new ParquetWriter({
      writer: fileWriter(join(dir, parquetFile(table))),
      schema: [{ name: 'schema', num_children: table.columns.length }, ...table.columns.flatMap(schemaElements)],
      createdBy: `imr-extract version ${TOOL_VERSION}`,
    });
    this.columns = table.columns.map(() => []);
  }

  add(row: R): void {
    this.table.columns.forEach((c, i) => {
      try {
        this.columns[i]!.push(parquetValue(c.type, c.get(row)));
      } catch (error) {
        throw new Error(`${parquetFile(this.table)} ${c.name}: ${(error as Error).message}`);
      }
    });
    if (this.columns[0]!.length === this.rowGroupRows) this.writeRowGroup();
  }

  private writeRowGroup(): void {
    const rows = this.columns[0]!.length;
    if (rows === 0) return;
    // Synchronous: the file writer appends to the file as its buffer fills and has no flush hook to wait for.
    void this.writer.write({ columnData: this.table.columns.map((c, i) => ({ name: c.name, data: this.columns[i]! })), rowGroupSize: rows });
    this.columns = this.table.columns.map(() => []);
  }

  finish(): void {
    this.writeRowGroup();
    void this.writer.finish();
  }
}

/** Writes cases.parquet, decisions.parquet and citations.parquet into a dataset folder (its staging folder) from its cases.jsonl. */
export function writeParquetFiles(dir: string, rowGroupRows = ROW_GROUP_ROWS): void {
  const cases = new ParquetTable(CASES, dir, rowGroupRows);
  const decisions = new ParquetTable(DECISIONS, dir, rowGroupRows);
  const citations = new ParquetTable(CITATIONS, dir, rowGroupRows);
  const lines = new ChunkReader(join(dir, 'cases.jsonl'));
  for (let line; (line = lines.next(lineEnd)) !== null; ) {
    const record = JSON.parse(line) as CaseRecord;
    cases.add(record);
    for (const row of decisionRows(record)) decisions.add(row);
    for (const row of citationRows(record)) citations.add(row);
  }
  cases.finish();
  decisions.finish();
  citations.finish();
}
