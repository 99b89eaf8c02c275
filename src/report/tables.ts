/**
 * The report's tables as data: what each counts, from which columns, under
 * which groups, and how the page shows it. A table of items names the groups
 * of one item (`groups`); the aggregator does the counting.
 */

export type Row = Record<string, string | undefined>;

/** One row of cases.csv, reduced to what the tables need. */
export interface CaseInfo {
  id: string;
  source: string;
  template: string;
  specialties: string[];
  /** The ISO decision date, or ''. */
  date: string;
  /** The case's dates by column name ('' when absent or not ISO). */
  dates: Record<string, string>;
  outcome: string;
  /** items_complete is not `false` (a dataset without the column counts as complete). */
  complete: boolean;
  /** Items of the case selected so far. */
  selected: number;
}

export type TableId =
  | 'overall'
  | 'decision_year'
  | 'decision_month'
  | 'category_year'
  | 'treatment_category'
  | 'treatment_subcategory'
  | 'drug_class'
  | 'drug'
  | 'guideline_families'
  | 'guideline_pairs'
  | 'timeliness'
  | 'reasons_by_outcome'
  | 'reasons_by_category'
  | 'reviewer_specialty'
  | 'body_region'
  | 'template'
  | 'case_outcome';

/** How the page shows a table: bar chart, trend over time, a matrix of two keys, the two parties side by side, or days. */
export type View = 'none' | 'bars' | 'trend' | 'matrix' | 'sides' | 'days';

export interface TableSpec {
  id: TableId;
  title: string;
  /** The CSV columns that name a group. */
  keys: readonly string[];
  /**
   * What is counted: items (n items, k overturned), cases (n cases, k with the
   * outcome), reasons (n items of the first key's group whose reasons were read,
   * k of them giving the reason), or days (a median of days per group of cases).
   */
  unit: 'items' | 'cases' | 'reasons' | 'days';
  /** How a row is counted, in a sentence. */
  note: string;
  /** The source columns; the table is left out (with a note) when the dataset lacks one. */
  columns: readonly { file: 'cases.csv' | 'decisions.csv'; name: string }[];
  /** Chronological tables sort by key; the others by size. */
  order: 'size' | 'key';
  /** How the empty group (the dataset's empty cell) is labelled on the page: one label, or one per key column. */
  empty: string | readonly string[];
  view: View;
  /** For item tables: the groups an item counts under (none, one, or several). */
  groups?: (d: Row, c: CaseInfo) => string[][];
}

/** `;`-joined list cell to its distinct elements; an empty cell gives the one empty group. */
export function elements(cell: string | undefined): string[] {
  const xs = [...new Set((cell ?? '').split(';').map((x) => x.trim()).filter(Boolean))];
  return xs.length ? xs : [''];
}

/** How the table names the empty cell of key column i. */
export function emptyLabel(spec: TableSpec, i: number): string {
  return typeof spec.empty === 'string' ? spec.empty : spec.empty[i]!;
}

/** The labels of a group's key parts. */
export function keyLabels(spec: TableSpec, key: readonly string[]): string[] {
  return key.map((k, i) => (k === '' ? emptyLabel(spec, i) : k));
}

const D = (name: string) => ({ file: 'decisions.csv', name }) as const;
const C = (name: string) => ({ file: 'cases.csv', name }) as const;
const PHARMA = 'Pharmaceuticals';
const year = (c: CaseInfo) => c.date.slice(0, 4);

/** Tables earlier versions of the report wrote, which this one does not: their CSV files are a stale report's too. */
export const FORMER_TABLE_IDS: readonly string[] = ['reviewer_sources'];

export const TABLES: readonly TableSpec[] = [
  {
    id: 'overall', title: 'All items', keys: ['group'], unit: 'items', order: 'key', empty: '(all)', view: 'none', columns: [],
    note: 'Every selected item (row of decisions.csv) once.',
    groups: () => [['all']],
  },
  {
    id: 'decision_year', title: 'Overturn rate by decision year', keys: ['decision_year'], unit: 'items', order: 'key', empty: '(no decision date)', view: 'trend', columns: [C('decision_date')],
    note: "Each item once, by the year of its case's decision_date (cases.csv); empty: the letter gives no decision date. The policy dates are the DWC's effective dates (data/policy-dates.json).",
    groups: (_d, c) => [[year(c)]],
  },
  {
    id: 'decision_month', title: 'Overturn rate by decision month', keys: ['decision_month'], unit: 'items', order: 'key', empty: '(no decision date)', view: 'trend', columns: [C('decision_date')],
    note: "Each item once, by the year-month of its case's decision_date (cases.csv); empty: the letter gives no decision date.",
    groups: (_d, c) => [[c.date.slice(0, 7)]],
  },
  {
    id: 'category_year', title: 'Treatment category × decision year', keys: ['treatment_category', 'decision_year'], unit: 'items', order: 'size', empty: ['(no category)', '(no decision date)'], view: 'matrix', columns: [D('treatment_category'), C('decision_date')],
    note: "Each item once, under its treatment_category (decisions.csv) and the year of its case's decision_date (cases.csv). A cell gives the overturn rate and overturned/items.",
    groups: (d, c) => [[d.treatment_category ?? '', year(c)]],
  },
  {
    id: 'treatment_category', title: 'Treatment category', keys: ['treatment_category'], unit: 'items', order: 'size', empty: '(no category)', view: 'bars', columns: [D('treatment_category')],
    note: 'Each item once, under its treatment_category (decisions.csv).',
    groups: (d) => [[d.treatment_category ?? '']],
  },
  {
    id: 'treatment_subcategory', title: 'Treatment subcategory', keys: ['treatment_category', 'treatment_subcategory'], unit: 'items', order: 'size', empty: ['(no category)', '(none)'], view: 'bars', columns: [D('treatment_subcategory')],
    note: 'Each item once, under its category and subcategory (decisions.csv); subcategories are grouped within their category.',
    groups: (d) => [[d.treatment_category ?? '', d.treatment_subcategory ?? '']],
  },
  {
    id: 'drug_class', title: 'Drug class (Pharmaceuticals)', keys: ['drug_class'], unit: 'items', order: 'size', empty: '(no class)', view: 'bars', columns: [D('treatment_subcategory')],
    note: 'Each Pharmaceuticals item once, under its drug class (decisions.csv treatment_subcategory).',
    groups: (d) => (d.treatment_category === PHARMA ? [[d.treatment_subcategory ?? '']] : []),
  },
  {
    id: 'drug', title: 'Drug (Pharmaceuticals)', keys: ['drug'], unit: 'items', order: 'size', empty: '(drug not named)', view: 'bars', columns: [D('drug')],
    note: 'Each Pharmaceuticals item once per drug it names (decisions.csv drug: generic ingredients, a combination product "/"-joined), so a compound of three drugs counts under each of the three and the rows add up to more than the Pharmaceuticals items.',
    groups: (d) => (d.treatment_category === PHARMA ? elements(d.drug).map((x) => [x]) : []),
  },
  {
    id: 'guideline_families', title: 'Guideline families cited, by party', keys: ['family', 'cited_by'], unit: 'items', order: 'size', empty: '(no evidence cited)', view: 'sides', columns: [D('claims_admin_sources'), D('reviewer_sources')],
    note: "For each party, the items for which it cited each guideline family (decisions.csv claims_admin_sources and reviewer_sources), with their share of all items and their overturn rate. An item counts once per family a party cited, so a party's rows add up to more than the total. Empty: the party cited no medical evidence for the item (or none was found).",
    groups: (d) => [
      ...elements(d.claims_admin_sources).map((f) => [f, 'claims_administrator']),
      ...elements(d.reviewer_sources).map((f) => [f, 'reviewer']),
    ],
  },
  {
    id: 'guideline_pairs', title: "Claims administrator's guideline families × the reviewer's", keys: ['claims_admin_sources', 'reviewer_sources'], unit: 'items', order: 'size', empty: '(none cited)', view: 'matrix', columns: [D('claims_admin_sources'), D('reviewer_sources')],
    note: 'Each item once, under the set of guideline families the claims administrator cited (rows) and the set the reviewer cited (columns), as decisions.csv gives them. A cell gives the overturn rate and overturned/items.',
    groups: (d) => [[elements(d.claims_admin_sources).join(';'), elements(d.reviewer_sources).join(';')]],
  },
  {
    id: 'timeliness', title: 'Timeliness: days between the case dates, by decision year', keys: ['interval', 'decision_year'], unit: 'days', order: 'key', empty: '(no decision date)', view: 'days',
    columns: [C('ur_denial_date'), C('application_received'), C('date_assigned'), C('decision_date')],
    note: "Each selected case once per interval, by the year of its decision_date (cases.csv): the median number of days and the quartiles (R's type 7), with the number of cases each rests on. Cases lacking either date are not counted; negative intervals and intervals over 365 days are left out and counted.",
  },
  {
    id: 'reasons_by_outcome', title: 'Decision reasons, by outcome', keys: ['outcome', 'reason'], unit: 'reasons', order: 'size', empty: '(none)', view: 'bars', columns: [D('reasons')],
    note: 'Share of the items of each outcome, among those whose reasons were read (decisions.csv reasons not empty), that give each reason; an item giving two reasons counts under both, so the shares of an outcome add up to more than 100%.',
  },
  {
    id: 'reasons_by_category', title: 'Reasons for upholding, by treatment category', keys: ['treatment_category', 'reason'], unit: 'reasons', order: 'size', empty: '(no category)', view: 'bars', columns: [D('reasons')],
    note: 'Share of the upheld items of each treatment category, among those whose reasons were read, that give each reason (decisions.csv reasons); an item giving two reasons counts under both.',
  },
  {
    id: 'reviewer_specialty', title: 'Reviewer specialty', keys: ['reviewer_specialty'], unit: 'items', order: 'size', empty: '(not stated)', view: 'bars', columns: [C('reviewer_specialty')],
    note: "Each item once per specialty listed for its case's expert reviewer (cases.csv reviewer_specialty), so a reviewer with two specialties counts the case's items under both and the rows add up to more than the total.",
    groups: (_d, c) => c.specialties.map((s) => [s]),
  },
  {
    id: 'body_region', title: 'Body region of the request', keys: ['body_region'], unit: 'items', order: 'size', empty: '(none named)', view: 'bars', columns: [D('body_region')],
    note: 'Each item once per body region its request names (decisions.csv body_region); empty: the request names none.',
    groups: (d) => elements(d.body_region).map((r) => [r]),
  },
  {
    id: 'template', title: 'Letter layout (template)', keys: ['template'], unit: 'items', order: 'size', empty: '(empty)', view: 'bars', columns: [C('template')],
    note: "Each item once, under its case's recognised letter layout (cases.csv template).",
    groups: (_d, c) => [[c.template]],
  },
  {
    id: 'case_outcome', title: 'Case outcome (distribution of cases)', keys: ['case_outcome'], unit: 'cases', order: 'size', empty: '(empty)', view: 'bars', columns: [C('case_outcome')],
    note: 'Cases with at least one selected item, by case_outcome over all their items (cases.csv): the share of cases with each outcome.',
  },
];

export const tableSpec = (id: TableId): TableSpec => TABLES.find((t) => t.id === id)!;
