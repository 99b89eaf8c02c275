/**
 * Streams a dataset folder's cases.csv and decisions.csv into the report's
 * tallies, keeping only the tallies in memory (plus one case at a time), so a
 * dataset of a million items costs the same memory as one of ten. The
 * members of each group go to a GroupSink as they pass.
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
import { ISO_DATE } from '../core/dates.js';
import type { GroupSink } from './groups.js';
import { proportion, type Proportion } from './stats.js';
import { elements, TABLES, tableSpec, type CaseInfo, type Row, type TableId, type TableSpec } from './tables.js';
import { DaysTally, daysBetween, INTERVALS } from './timeliness.js';

export interface ReportFilter {
  /** Inclusive lower bound on the case's decision_date (ISO `YYYY-MM-DD`). */
  from?: string;
  /** Inclusive upper bound on the case's decision_date. */
  to?: string;
  /** Only items of this treatment_category. */
  category?: string;
  /** Leave out the items of cases with items_complete = false. */
  excludeIncomplete?: boolean;
}

export interface RateRow extends Proportion {
  key: string[];
  /** `<table>/<name>` of the group's member files, when they were written. */
  group?: string;
}

export interface RateTable {
  spec: TableSpec;
  rows: RateRow[];
  /** Why the table is empty or absent, when it is. */
  missing?: string;
}

export interface DaysRow {
  key: string[];
  /** Cases counted. */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** Cases left out: a negative interval, one over MAX_DAYS, a date missing. */
  negative: number;
  overMax: number;
  missing: number;
  group?: string;
}

export interface DaysTable {
  spec: TableSpec;
  rows: DaysRow[];
  missing?: string;
}

export interface Report {
  dataset: string;
  filter: ReportFilter;
  overall: Proportion;
  tables: RateTable[];
  timeliness: DaysTable;
  counts: {
    casesRead: number;
    decisionsRead: number;
    itemsSelected: number;
    casesSelected: number;
    /** Decisions whose outcome is neither upheld nor overturned: left out. */
    unknownOutcome: number;
    /** Decisions with no matching row in cases.csv: left out. */
    unmatched: number;
    /** Items (passing the other filters) of cases with items_complete = false, and those cases: left out with excludeIncomplete. */
    incompleteItems: number;
    incompleteCases: number;
    /** Selected items with a rationale in which no reason was read (the warning item-no-reason), by outcome: left out of the reason tables. */
    reasonsUnread: { upheld: number; overturned: number };
  };
  /** cases.csv has the items_complete column. */
  hasCompleteness: boolean;
  join: 'merge' | 'index';
  manifest: { version?: string; inputs?: number; cases?: number; errors?: number } | null;
}

const SEP = '\u0000';
const DATE_COLUMNS = [...new Set(INTERVALS.flatMap((i) => [i.from, i.to]))];

interface CaseState extends CaseInfo {
  /** Items passing the other filters that were left out as incomplete. */
  excluded: number;
}

class Tally {
  readonly groups = new Map<string, { key: string[]; n: number; k: number }>();
  /** For reason tables: how many items each first key's group has (the shares' denominator). */
  readonly bases = new Map<string, number>();
  base(key: string): void {
    this.bases.set(key, (this.bases.get(key) ?? 0) + 1);
  }
  add(key: string[], hit: boolean): void {
    const id = key.join(SEP);
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { key, n: 0, k: 0 }));
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

function caseInfo(row: Row): CaseState {
  const iso = (x: string | undefined) => (x && ISO_DATE.test(x) ? x : '');
  const dates = Object.fromEntries(DATE_COLUMNS.map((c) => [c, iso(row[c])]));
  return {
    id: row.case_id ?? '',
    source: row.source_file ?? '',
    template: row.template ?? '',
    specialties: elements(row.reviewer_specialty),
    date: iso(row.decision_date),
    dates,
    outcome: row.case_outcome ?? '',
    complete: row.items_complete !== 'false',
    selected: 0,
    excluded: 0,
  };
}

/** The aggregation state of one pass. */
class Aggregator {
  readonly tallies = new Map<TableId, Tally>(TABLES.map((t) => [t.id, new Tally()]));
  readonly days = new Map<string, { key: string[]; tally: DaysTally }>();
  casesRead = 0;
  decisionsRead = 0;
  itemsSelected = 0;
  casesSelected = 0;
  unknownOutcome = 0;
  unmatched = 0;
  incompleteItems = 0;
  incompleteCases = 0;
  readonly reasonsUnread = { upheld: 0, overturned: 0 };

  /** The tables of items the dataset has the columns of. */
  private readonly itemTables: TableSpec[];
  /** Which tables are counted (a table whose column the dataset lacks is not). */
  private readonly active: Set<TableId>;

  constructor(
    private readonly filter: ReportFilter,
    readonly sink: GroupSink | null,
    active: readonly TableSpec[],
  ) {
    this.active = new Set(active.map((t) => t.id));
    this.itemTables = active.filter((t) => t.groups);
  }

  caseInRange(c: CaseInfo): boolean {
    const { from, to } = this.filter;
    if (!from && !to) return true;
    if (!c.date) return false;
    return (!from || c.date >= from) && (!to || c.date <= to);
  }

  decision(d: Row, c: CaseState): void {
    const outcome = d.outcome ?? '';
    if (outcome !== 'upheld' && outcome !== 'overturned') {
      this.unknownOutcome++;
      return;
    }
    const category = d.treatment_category ?? '';
    if (this.filter.category !== undefined && category !== this.filter.category) return;
    if (!this.caseInRange(c)) return;
    if (!c.complete) {
      this.incompleteItems++;
      if (this.filter.excludeIncomplete) {
        c.excluded++;
        return;
      }
    }
    const hit = outcome === 'overturned';
    const itemNo = d.item_no ?? '';
    this.itemsSelected++;
    c.selected++;
    for (const spec of this.itemTables) {
      const tally = this.tallies.get(spec.id)!;
      for (const key of spec.groups!(d, c)) {
        tally.add(key, hit);
        this.sink?.item(spec, key, c, itemNo, hit);
      }
    }
    if (!this.active.has('reasons_by_outcome')) return;
    const reasons = elements(d.reasons).filter(Boolean);
    if (reasons.length === 0) {
      if (/\S/.test(d.rationale ?? '')) this.reasonsUnread[outcome]++;
      return;
    }
    const byOutcome = this.tallies.get('reasons_by_outcome')!;
    byOutcome.base(outcome);
    for (const r of reasons) {
      byOutcome.add([outcome, r], true);
      this.sink?.item(tableSpec('reasons_by_outcome'), [outcome, r], c, itemNo, hit);
    }
    if (hit) return;
    const byCategory = this.tallies.get('reasons_by_category')!;
    byCategory.base(category);
    for (const r of reasons) {
      byCategory.add([category, r], true);
      this.sink?.item(tableSpec('reasons_by_category'), [category, r], c, itemNo, hit);
    }
  }

  /** A case is done: it counts in the case tables when any of its items was selected. */
  finish(c: CaseState): void {
    if (!c.complete && (c.selected > 0 || c.excluded > 0)) this.incompleteCases++;
    if (c.selected === 0) return;
    this.casesSelected++;
    if (this.active.has('case_outcome')) {
      this.tallies.get('case_outcome')!.add([c.outcome], true);
      this.sink?.caseRow(tableSpec('case_outcome'), [c.outcome], c, [], c.outcome);
    }
    if (!this.active.has('timeliness')) return;
    const spec = tableSpec('timeliness');
    for (const interval of INTERVALS) {
      const key = [interval.id, c.date.slice(0, 4)];
      const id = key.join(SEP);
      let g = this.days.get(id);
      if (!g) this.days.set(id, (g = { key, tally: new DaysTally() }));
      const from = c.dates[interval.from]!;
      const to = c.dates[interval.to]!;
      const days = daysBetween(from, to);
      if (days === null) {
        g.tally.missing++;
        this.sink?.caseRow(spec, key, c, [from, to, '', 'missing_date'], 'a date missing');
      } else {
        const status = g.tally.add(days);
        this.sink?.caseRow(spec, key, c, [from, to, String(days), status], `${days} days`);
      }
    }
  }
}

/** Decisions joined to cases by reading both files in step. Throws OutOfOrder when they are not. */
async function mergePass(dir: string, agg: Aggregator): Promise<void> {
  const cases = readRows(join(dir, 'cases.csv'));
  const state: { current: CaseState | null } = { current: null };
  let lastItemNo = -Infinity;
  /** Moves to the next case with this id, finishing the cases passed over; null when cases.csv ends first. */
  // Decisions name their case by source_file (a dataset of an older version: by case_id only, and two letters with one case number are told apart by item_no starting again).
  const linkOf = (c: CaseState, bySource: boolean) => (bySource ? c.source : c.id);
  const advanceTo = async (link: string, bySource: boolean): Promise<CaseState | null> => {
    for (;;) {
      if (state.current) agg.finish(state.current);
      const next = await cases.next();
      if (next.done) return (state.current = null);
      agg.casesRead++;
      state.current = caseInfo(next.value);
      if (linkOf(state.current, bySource) === link) return state.current;
    }
  };
  let bySource = false;
  try {
    for await (const d of readRows(join(dir, 'decisions.csv'))) {
      agg.decisionsRead++;
      bySource = d.source_file !== undefined;
      const link = (bySource ? d.source_file : d.case_id) ?? '';
      const itemNo = Number(d.item_no);
      let c = state.current;
      if (!c || linkOf(c, bySource) !== link || (!bySource && itemNo <= lastItemNo)) {
        c = await advanceTo(link, bySource);
        if (!c) throw new OutOfOrder(`decision of ${bySource ? 'file' : 'case'} ${link} has no case at or after the current row of cases.csv`);
      }
      lastItemNo = itemNo;
      agg.decision(d, c);
    }
    // The cases after the last decision.
    await advanceTo(SEP, bySource);
  } finally {
    await cases.return(undefined);
  }
}

/** Decisions joined to cases through an in-memory index of the cases' grouping fields. */
async function indexPass(dir: string, agg: Aggregator): Promise<void> {
  const intern = new Map<string, string>();
  const s = (x: string) => intern.get(x) ?? (intern.set(x, x), x);
  const bySource = new Map<string, CaseState>();
  const byId = new Map<string, CaseState>();
  const all: CaseState[] = [];
  for await (const row of readRows(join(dir, 'cases.csv'))) {
    agg.casesRead++;
    const c = caseInfo(row);
    const info = { ...c, template: s(c.template), specialties: c.specialties.map(s), date: s(c.date), outcome: s(c.outcome) };
    all.push(info);
    bySource.set(info.source, info);
    // A dataset of an older version names the case by case_id only: two letters with one case number cannot be told apart; the first is used.
    if (!byId.has(info.id)) byId.set(info.id, info);
  }
  for await (const d of readRows(join(dir, 'decisions.csv'))) {
    agg.decisionsRead++;
    const c = d.source_file !== undefined ? bySource.get(d.source_file) : byId.get(d.case_id ?? '');
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

function rateRows(spec: TableSpec, tally: Tally, casesSelected: number, sink: GroupSink | null): RateRow[] {
  const rows = [...tally.groups.values()].map(({ key, n, k }): RateRow => {
    // For case tables the row's own count is k (cases with the outcome) of n (all selected cases).
    const p = spec.unit === 'cases' ? proportion(n, casesSelected) : spec.unit === 'reasons' ? proportion(k, tally.bases.get(key[0]!)!) : proportion(k, n);
    const group = sink?.nameOf(spec.id, key);
    return group === undefined ? { key, ...p } : { key, ...p, group };
  });
  const size = (r: RateRow) => (spec.unit === 'items' ? r.n : r.k);
  if (spec.order === 'key') return rows.sort((a, b) => compareKeys(a.key.join(SEP), b.key.join(SEP)));
  if (spec.keys.length === 2) {
    // Within the first key (groups by size), then by size (or chronologically, for years).
    const firstSize = new Map<string, number>();
    for (const r of rows) firstSize.set(r.key[0]!, spec.unit === 'reasons' ? r.n : (firstSize.get(r.key[0]!) ?? 0) + r.n);
    const chronological = spec.keys[1] === 'decision_year';
    return rows.sort(
      (a, b) =>
        firstSize.get(b.key[0]!)! - firstSize.get(a.key[0]!)! ||
        compareKeys(a.key[0]!, b.key[0]!) ||
        (chronological ? 0 : size(b) - size(a)) ||
        compareKeys(a.key[1]!, b.key[1]!),
    );
  }
  return rows.sort((a, b) => size(b) - size(a) || compareKeys(a.key.join(SEP), b.key.join(SEP)));
}

function daysRows(agg: Aggregator): DaysRow[] {
  const order = (id: string) => INTERVALS.findIndex((i) => i.id === id);
  return [...agg.days.values()]
    .map(({ key, tally }): DaysRow => {
      const group = agg.sink?.nameOf('timeliness', key);
      const row = { key, n: tally.n, median: tally.quantile(0.5), q1: tally.quantile(0.25), q3: tally.quantile(0.75), negative: tally.negative, overMax: tally.overMax, missing: tally.missing };
      return group === undefined ? row : { ...row, group };
    })
    .sort((a, b) => order(a.key[0]!) - order(b.key[0]!) || compareKeys(a.key[1]!, b.key[1]!));
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

/**
 * Reads the dataset in `dir` and computes every table of the report.
 * `sinkFor` gives the sink of a pass (called again, to start afresh, when
 * the files turn out not to be in step).
 */
export async function aggregate(dir: string, filter: ReportFilter = {}, sinkFor: (() => GroupSink) | null = null): Promise<Report> {
  for (const f of ['cases.csv', 'decisions.csv']) {
    if (!existsSync(join(dir, f))) throw new DatasetError(`${join(dir, f)} not found: ${dir} is not a dataset folder written by \`imr extract\``);
  }
  const headers = { 'cases.csv': await readHeader(join(dir, 'cases.csv')), 'decisions.csv': await readHeader(join(dir, 'decisions.csv')) };
  for (const [file, need] of [['cases.csv', 'case_id'], ['decisions.csv', 'case_id'], ['decisions.csv', 'outcome']] as const) {
    if (!headers[file].includes(need)) throw new DatasetError(`${file} has no ${need} column`);
  }
  const hasCompleteness = headers['cases.csv'].includes('items_complete');
  if (filter.excludeIncomplete && !hasCompleteness) throw new DatasetError('cases.csv has no items_complete column (a dataset from an older version?), so incomplete cases cannot be excluded');
  const missingColumn = (spec: TableSpec) => {
    const gap = spec.columns.find((c) => !headers[c.file].includes(c.name));
    return gap && `${gap.file} has no ${gap.name} column (a dataset from an older version?)`;
  };
  const active = TABLES.filter((spec) => !missingColumn(spec));
  let agg = new Aggregator(filter, sinkFor?.() ?? null, active);
  let mode: Report['join'] = 'merge';
  try {
    await mergePass(dir, agg);
  } catch (error) {
    if (!(error instanceof OutOfOrder)) throw error;
    agg = new Aggregator(filter, sinkFor?.() ?? null, active);
    mode = 'index';
    await indexPass(dir, agg);
  }
  const tables = TABLES.filter((spec) => spec.unit !== 'days').map((spec): RateTable => {
    const missing = missingColumn(spec);
    return missing ? { spec, rows: [], missing } : { spec, rows: rateRows(spec, agg.tallies.get(spec.id)!, agg.casesSelected, agg.sink) };
  });
  const daysSpec = tableSpec('timeliness');
  const daysMissing = missingColumn(daysSpec);
  const overall = tables[0]!.rows[0] ?? proportion(0, 0);
  return {
    dataset: dir,
    filter,
    overall: { n: overall.n, k: overall.k, rate: overall.rate, low: overall.low, high: overall.high },
    tables,
    timeliness: daysMissing ? { spec: daysSpec, rows: [], missing: daysMissing } : { spec: daysSpec, rows: daysRows(agg) },
    counts: {
      casesRead: agg.casesRead,
      decisionsRead: agg.decisionsRead,
      itemsSelected: agg.itemsSelected,
      casesSelected: agg.casesSelected,
      unknownOutcome: agg.unknownOutcome,
      unmatched: agg.unmatched,
      incompleteItems: agg.incompleteItems,
      incompleteCases: agg.incompleteCases,
      reasonsUnread: { ...agg.reasonsUnread },
    },
    hasCompleteness,
    join: mode,
    manifest: readManifest(dir),
  };
}
