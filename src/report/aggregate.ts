/**
 * Streams a dataset folder's cases.csv and decisions.csv into overturn-rate
 * tallies, keeping only the tallies in memory (plus one case at a time), so a
 * dataset of a million items costs the same memory as one of ten.
 *
 * The two files are written in the same order (by source_file, then
 * item_no), so decisions are joined to their case by a merge join: both
 * files are read once, side by side. A dataset whose files are not in that
 * order (e.g. re-sorted by hand) is joined instead through an index of the
 * cases' few grouping fields, built in a second pass.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { proportion, type Proportion } from './stats.js';

export interface ReportFilter {
  /** Inclusive lower bound on the case's decision_date (ISO `YYYY-MM-DD`). */
  from?: string;
  /** Inclusive upper bound on the case's decision_date. */
  to?: string;
  /** Only items of this treatment_category. */
  category?: string;
}

export type TableId =
  | 'overall'
  | 'treatment_category'
  | 'treatment_subcategory'
  | 'reviewer_specialty'
  | 'reviewer_sources'
  | 'template'
  | 'decision_year'
  | 'decision_month'
  | 'body_region'
  | 'case_outcome'
  | 'reasons_by_outcome'
  | 'reasons_by_category';

export interface TableSpec {
  id: TableId;
  title: string;
  /** The CSV columns that name a group (one, or two for category + subcategory). */
  keys: readonly string[];
  /**
   * What is counted: items (n items, k overturned), cases (n cases, k with the
   * outcome), or reasons (n items of the first key's group whose reasons were
   * read, k of them giving the reason).
   */
  unit: 'items' | 'cases' | 'reasons';
  /** How a row is counted, in a sentence. */
  note: string;
  /** The source column; the table is left out (with a note) when the dataset lacks it. */
  column: { file: 'cases.csv' | 'decisions.csv'; name: string } | null;
  /** Chronological tables sort by key; the others by size. */
  order: 'size' | 'key';
  /** How the empty group (the dataset's empty cell) is labelled on the page. */
  empty: string;
}

export const TABLES: readonly TableSpec[] = [
  { id: 'overall', empty: '(all)', title: 'All items', keys: ['group'], unit: 'items', order: 'key', column: null, note: 'Every selected item (row of decisions.csv) once.' },
  { id: 'treatment_category', empty: '(no category)', title: 'Treatment category', keys: ['treatment_category'], unit: 'items', order: 'size', column: { file: 'decisions.csv', name: 'treatment_category' }, note: 'Each item once, under its treatment_category (decisions.csv).' },
  { id: 'treatment_subcategory', empty: '(none)', title: 'Treatment subcategory (drug class for Pharmaceuticals)', keys: ['treatment_category', 'treatment_subcategory'], unit: 'items', order: 'size', column: { file: 'decisions.csv', name: 'treatment_subcategory' }, note: 'Each item once, under its category and subcategory (decisions.csv); subcategories are grouped within their category.' },
  { id: 'reviewer_specialty', empty: '(not stated)', title: 'Reviewer specialty', keys: ['reviewer_specialty'], unit: 'items', order: 'size', column: { file: 'cases.csv', name: 'reviewer_specialty' }, note: "Each item once per specialty listed for its case's expert reviewer (cases.csv reviewer_specialty), so a reviewer with two specialties counts the case's items under both and the rows add up to more than the total." },
  { id: 'reviewer_sources', empty: '(no evidence cited)', title: 'Guideline family cited by the reviewer', keys: ['reviewer_source'], unit: 'items', order: 'size', column: { file: 'decisions.csv', name: 'reviewer_sources' }, note: 'Each item once per guideline family the expert reviewer cited for it (decisions.csv reviewer_sources); an item citing MTUS and ODG counts under both. Empty: the reviewer cited no medical evidence (or none was found).' },
  { id: 'template', empty: '(empty)', title: 'Letter layout (template)', keys: ['template'], unit: 'items', order: 'size', column: { file: 'cases.csv', name: 'template' }, note: "Each item once, under its case's recognised letter layout (cases.csv template)." },
  { id: 'decision_year', empty: '(no decision date)', title: 'Decision year', keys: ['decision_year'], unit: 'items', order: 'key', column: { file: 'cases.csv', name: 'decision_date' }, note: "Each item once, by the year of its case's decision_date (cases.csv); empty: the letter gives no decision date." },
  { id: 'decision_month', empty: '(no decision date)', title: 'Decision month', keys: ['decision_month'], unit: 'items', order: 'key', column: { file: 'cases.csv', name: 'decision_date' }, note: "Each item once, by the year-month of its case's decision_date (cases.csv); empty: the letter gives no decision date." },
  { id: 'body_region', empty: '(none named)', title: 'Body region of the request', keys: ['body_region'], unit: 'items', order: 'size', column: { file: 'decisions.csv', name: 'body_region' }, note: 'Each item once per body region its request names (decisions.csv body_region); empty: the request names none.' },
  { id: 'reasons_by_outcome', empty: '(none)', title: 'Decision reasons, by outcome', keys: ['outcome', 'reason'], unit: 'reasons', order: 'size', column: { file: 'decisions.csv', name: 'reasons' }, note: "Share of the items of each outcome, among those whose reasons were read (decisions.csv reasons not empty), that give each reason; an item giving two reasons counts under both, so the shares of an outcome add up to more than 100%." },
  { id: 'reasons_by_category', empty: '(no category)', title: 'Reasons for upholding, by treatment category', keys: ['treatment_category', 'reason'], unit: 'reasons', order: 'size', column: { file: 'decisions.csv', name: 'reasons' }, note: 'Share of the upheld items of each treatment category, among those whose reasons were read, that give each reason (decisions.csv reasons); an item giving two reasons counts under both.' },
  { id: 'case_outcome', empty: '(empty)', title: 'Case outcome (distribution of cases)', keys: ['case_outcome'], unit: 'cases', order: 'size', column: { file: 'cases.csv', name: 'case_outcome' }, note: 'Cases with at least one selected item, by case_outcome over all their items (cases.csv): the share of cases with each outcome.' },
];

export interface RateRow extends Proportion {
  key: string[];
}

export interface RateTable {
  spec: TableSpec;
  rows: RateRow[];
  /** Why the table is empty or absent, when it is. */
  missing?: string;
}

export interface Report {
  dataset: string;
  filter: ReportFilter;
  overall: Proportion;
  tables: RateTable[];
  counts: {
    casesRead: number;
    decisionsRead: number;
    itemsSelected: number;
    casesSelected: number;
    /** Decisions whose outcome is neither upheld nor overturned: left out. */
    unknownOutcome: number;
    /** Decisions with no matching row in cases.csv: left out. */
    unmatched: number;
  };
  join: 'merge' | 'index';
  manifest: { version?: string; inputs?: number; cases?: number; errors?: number } | null;
}

type Row = Record<string, string | undefined>;

interface CaseInfo {
  id: string;
  template: string;
  specialties: string[];
  /** ISO decision date or '' */
  date: string;
  outcome: string;
  selected: number;
}

const SEP = '\u0000';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `;`-joined list cell to its distinct elements; an empty cell gives the one empty group. */
function elements(cell: string | undefined): string[] {
  const xs = [...new Set((cell ?? '').split(';').map((x) => x.trim()).filter(Boolean))];
  return xs.length ? xs : [''];
}

class Tally {
  readonly groups = new Map<string, { n: number; k: number }>();
  /** For reason tables: how many items each first key's group has (the shares' denominator). */
  readonly bases = new Map<string, number>();
  base(key: string): void {
    this.bases.set(key, (this.bases.get(key) ?? 0) + 1);
  }
  add(key: string, hit: boolean): void {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { n: 0, k: 0 }));
    g.n++;
    if (hit) g.k++;
  }
}

class OutOfOrder extends Error {}

/** Reads a CSV file row by row (csv-parse stream: RFC 4180, quoted newlines, BOM). */
async function* readRows(path: string, onHeader?: (columns: string[]) => void): AsyncGenerator<Row> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        onHeader?.(header);
        return header;
      },
    }),
  );
  try {
    for await (const row of parser) yield row as Row;
  } finally {
    parser.destroy();
  }
}

async function readHeader(path: string): Promise<string[]> {
  let header: string[] = [];
  // The header callback runs before the first row (and also when there is none).
  for await (const _ of readRows(path, (h) => (header = h))) break;
  return header;
}

function caseInfo(row: Row): CaseInfo {
  const date = row.decision_date ?? '';
  const specialties = elements(row.reviewer_specialty);
  return { id: row.case_id ?? '', template: row.template ?? '', specialties, date: ISO_DATE.test(date) ? date : '', outcome: row.case_outcome ?? '', selected: 0 };
}

/** The aggregation state of one pass. */
class Aggregator {
  readonly tallies = new Map<TableId, Tally>(TABLES.map((t) => [t.id, new Tally()]));
  casesRead = 0;
  decisionsRead = 0;
  itemsSelected = 0;
  casesSelected = 0;
  unknownOutcome = 0;
  unmatched = 0;

  constructor(private readonly filter: ReportFilter) {}

  caseInRange(c: CaseInfo): boolean {
    const { from, to } = this.filter;
    if (!from && !to) return true;
    if (!c.date) return false;
    return (!from || c.date >= from) && (!to || c.date <= to);
  }

  decision(d: Row, c: CaseInfo): void {
    const outcome = d.outcome ?? '';
    if (outcome !== 'upheld' && outcome !== 'overturned') {
      this.unknownOutcome++;
      return;
    }
    const category = d.treatment_category ?? '';
    if (this.filter.category !== undefined && category !== this.filter.category) return;
    if (!this.caseInRange(c)) return;
    const hit = outcome === 'overturned';
    const t = (id: TableId) => this.tallies.get(id)!;
    this.itemsSelected++;
    c.selected++;
    t('overall').add('all', hit);
    t('treatment_category').add(category, hit);
    t('treatment_subcategory').add(`${category}${SEP}${d.treatment_subcategory ?? ''}`, hit);
    for (const s of c.specialties) t('reviewer_specialty').add(s, hit);
    for (const f of elements(d.reviewer_sources)) t('reviewer_sources').add(f, hit);
    t('template').add(c.template, hit);
    t('decision_year').add(c.date.slice(0, 4), hit);
    t('decision_month').add(c.date.slice(0, 7), hit);
    for (const r of elements(d.body_region)) t('body_region').add(r, hit);
    const reasons = elements(d.reasons).filter(Boolean);
    if (reasons.length > 0) {
      t('reasons_by_outcome').base(outcome);
      for (const r of reasons) t('reasons_by_outcome').add(`${outcome}${SEP}${r}`, true);
      if (!hit) {
        t('reasons_by_category').base(category);
        for (const r of reasons) t('reasons_by_category').add(`${category}${SEP}${r}`, true);
      }
    }
  }

  /** A case is done: it counts in the case-outcome table when any of its items was selected. */
  finish(c: CaseInfo): void {
    if (c.selected === 0) return;
    this.casesSelected++;
    this.tallies.get('case_outcome')!.add(c.outcome, true);
  }
}

/** Decisions joined to cases by reading both files in step. Throws OutOfOrder when they are not. */
async function mergePass(dir: string, agg: Aggregator): Promise<void> {
  const cases = readRows(join(dir, 'cases.csv'));
  const state: { current: CaseInfo | null } = { current: null };
  let lastItemNo = -Infinity;
  /** Moves to the next case with this id, finishing the cases passed over; null when cases.csv ends first. */
  const advanceTo = async (id: string): Promise<CaseInfo | null> => {
    for (;;) {
      if (state.current) agg.finish(state.current);
      const next = await cases.next();
      if (next.done) return (state.current = null);
      agg.casesRead++;
      state.current = caseInfo(next.value);
      if (state.current.id === id) return state.current;
    }
  };
  try {
    for await (const d of readRows(join(dir, 'decisions.csv'))) {
      agg.decisionsRead++;
      const id = d.case_id ?? '';
      const itemNo = Number(d.item_no);
      let c = state.current;
      // A new case starts when the id changes, or (two letters with one case number) when item_no starts again.
      if (!c || c.id !== id || itemNo <= lastItemNo) {
        c = await advanceTo(id);
        if (!c) throw new OutOfOrder(`decision of case ${id} has no case at or after the current row of cases.csv`);
      }
      lastItemNo = itemNo;
      agg.decision(d, c);
    }
    // The cases after the last decision.
    await advanceTo(SEP);
  } finally {
    await cases.return(undefined);
  }
}

/** Decisions joined to cases through an in-memory index of the cases' grouping fields. */
async function indexPass(dir: string, agg: Aggregator): Promise<void> {
  const intern = new Map<string, string>();
  const s = (x: string) => intern.get(x) ?? (intern.set(x, x), x);
  const byId = new Map<string, CaseInfo>();
  const all: CaseInfo[] = [];
  for await (const row of readRows(join(dir, 'cases.csv'))) {
    agg.casesRead++;
    const c = caseInfo(row);
    const info = { ...c, template: s(c.template), specialties: c.specialties.map(s), date: s(c.date), outcome: s(c.outcome) };
    all.push(info);
    // Two letters with one case number: the decisions cannot tell them apart here; the first is used.
    if (!byId.has(info.id)) byId.set(info.id, info);
  }
  for await (const d of readRows(join(dir, 'decisions.csv'))) {
    agg.decisionsRead++;
    const c = byId.get(d.case_id ?? '');
    if (!c) {
      agg.unmatched++;
      continue;
    }
    agg.decision(d, c);
  }
  for (const c of all) agg.finish(c);
}

function compareKeys(a: string, b: string): number {
  // Empty (not stated) last; otherwise code-point order, which is chronological for ISO dates.
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowsOf(spec: TableSpec, tally: Tally, casesSelected: number): RateRow[] {
  const rows = [...tally.groups].map(([key, g]) => {
    const p = spec.unit === 'cases' ? proportion(g.n, casesSelected) : spec.unit === 'reasons' ? proportion(g.k, tally.bases.get(key.split(SEP)[0]!)!) : proportion(g.k, g.n);
    // For case tables the row's own count is k (cases with the outcome) of n (all selected cases).
    return { key: key.split(SEP), ...p };
  });
  const size = (r: RateRow) => (spec.unit === 'items' ? r.n : r.k);
  if (spec.order === 'key') return rows.sort((a, b) => compareKeys(a.key.join(SEP), b.key.join(SEP)));
  if (spec.keys.length === 2) {
    // Within the first key (groups by size), then by size.
    const catSize = new Map<string, number>();
    for (const r of rows) catSize.set(r.key[0]!, spec.unit === 'reasons' ? r.n : (catSize.get(r.key[0]!) ?? 0) + r.n);
    return rows.sort(
      (a, b) =>
        catSize.get(b.key[0]!)! - catSize.get(a.key[0]!)! || compareKeys(a.key[0]!, b.key[0]!) || size(b) - size(a) || compareKeys(a.key[1]!, b.key[1]!),
    );
  }
  return rows.sort((a, b) => size(b) - size(a) || compareKeys(a.key.join(SEP), b.key.join(SEP)));
}

function readManifest(dir: string): Report['manifest'] {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
    return { version: typeof m.version === 'string' ? m.version : undefined, inputs: num(m.inputs), cases: num(m.cases), errors: num(m.errors) };
  } catch {
    return null;
  }
}

export class DatasetError extends Error {}

/** Reads the dataset in `dir` and computes every table of the report. */
export async function aggregate(dir: string, filter: ReportFilter = {}): Promise<Report> {
  for (const f of ['cases.csv', 'decisions.csv']) {
    if (!existsSync(join(dir, f))) throw new DatasetError(`${join(dir, f)} not found: ${dir} is not a dataset folder written by \`imr extract\``);
  }
  const headers = { 'cases.csv': await readHeader(join(dir, 'cases.csv')), 'decisions.csv': await readHeader(join(dir, 'decisions.csv')) };
  for (const [file, need] of [['cases.csv', 'case_id'], ['decisions.csv', 'case_id'], ['decisions.csv', 'outcome']] as const) {
    if (!headers[file].includes(need)) throw new DatasetError(`${file} has no ${need} column`);
  }
  let agg = new Aggregator(filter);
  let mode: Report['join'] = 'merge';
  try {
    await mergePass(dir, agg);
  } catch (error) {
    if (!(error instanceof OutOfOrder)) throw error;
    agg = new Aggregator(filter);
    mode = 'index';
    await indexPass(dir, agg);
  }
  const tables = TABLES.map((spec): RateTable => {
    if (spec.column && !headers[spec.column.file].includes(spec.column.name)) {
      return { spec, rows: [], missing: `${spec.column.file} has no ${spec.column.name} column (a dataset from an older version?)` };
    }
    return { spec, rows: rowsOf(spec, agg.tallies.get(spec.id)!, agg.casesSelected) };
  });
  const overall = tables[0]!.rows[0] ?? proportion(0, 0);
  return {
    dataset: dir,
    filter,
    overall: { n: overall.n, k: overall.k, rate: overall.rate, low: overall.low, high: overall.high },
    tables,
    counts: {
      casesRead: agg.casesRead,
      decisionsRead: agg.decisionsRead,
      itemsSelected: agg.itemsSelected,
      casesSelected: agg.casesSelected,
      unknownOutcome: agg.unknownOutcome,
      unmatched: agg.unmatched,
    },
    join: mode,
    manifest: readManifest(dir),
  };
}
