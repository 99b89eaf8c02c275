/**
 * `imr report`: a dataset folder to one self-contained HTML page of overturn
 * rates, with the same tables as CSV files beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../sinks/csv.js';
import { aggregate, type RateTable, type Report, type ReportFilter } from './aggregate.js';
import { reportHtml } from './html.js';

export { aggregate, DatasetError, TABLES, type RateRow, type RateTable, type Report, type ReportFilter, type TableId } from './aggregate.js';
export { proportion, wilson, Z95 } from './stats.js';

const round = (x: number | null): string | number => (x === null ? '' : Number(x.toFixed(6)));

/** One table as CSV (RFC 4180, CRLF): key columns, counts, rate and Wilson bounds as fractions. */
export function tableCsv(table: RateTable): string {
  const counts = { cases: ['cases', 'n_cases', 'share'], reasons: ['items_with_reason', 'n_items', 'share'], items: ['n_items', 'overturned', 'rate'] }[table.spec.unit];
  const head = [...table.spec.keys, ...counts, 'wilson_low', 'wilson_high'];
  const rows = table.rows.map((r) => [...r.key.map(neutralise), ...(table.spec.unit === 'items' ? [r.n, r.k] : [r.k, r.n]), round(r.rate), round(r.low), round(r.high)]);
  return stringify([head, ...rows], { record_delimiter: 'windows' });
}

/** `<dir>/<name>.html` gives `<name>.<table>.csv` beside it. */
export function csvPath(outHtml: string, tableId: string): string {
  const base = basename(outHtml).replace(/\.html?$/i, '');
  return join(dirname(outHtml), `${base}.${tableId}.csv`);
}

export interface WrittenReport {
  report: Report;
  html: string;
  csv: string[];
}

/** Aggregates the dataset in `datasetDir` and writes the page and its CSV tables. */
export async function writeReport(datasetDir: string, outHtml: string, filter: ReportFilter = {}): Promise<WrittenReport> {
  const report = await aggregate(datasetDir, filter);
  mkdirSync(dirname(outHtml), { recursive: true });
  const names: Record<string, string> = {};
  const csv: string[] = [];
  for (const table of report.tables) {
    if (table.missing) continue;
    const path = csvPath(outHtml, table.spec.id);
    writeFileSync(path, tableCsv(table));
    names[table.spec.id] = basename(path);
    csv.push(path);
  }
  writeFileSync(outHtml, reportHtml(report, names));
  return { report, html: outHtml, csv };
}
