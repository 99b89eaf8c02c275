/**
 * Overturn rates computed directly from a dataset's CSV files, the slow
 * obvious way (whole files in memory), to check the streaming report against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;
export const readCsv = (path: string): Row[] => parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

export interface Counts {
  n: number;
  k: number;
}

const list = (s: string | undefined) => {
  const xs = [...new Set((s ?? '').split(';').filter(Boolean))];
  return xs.length ? xs : [''];
};

const year = (c: Row) => (c.decision_date ?? '').slice(0, 4);
const pharma = (d: Row) => d.treatment_category === 'Pharmaceuticals';

/** Group key(s) of a decision row (and its case row), per report table of items. */
const KEYS: Record<string, (d: Row, c: Row) => string[]> = {
  overall: () => ['all'],
  decision_year: (_d, c) => [year(c)],
  decision_month: (_d, c) => [(c.decision_date ?? '').slice(0, 7)],
  category_year: (d, c) => [`${d.treatment_category} / ${year(c)}`],
  treatment_category: (d) => [d.treatment_category!],
  treatment_subcategory: (d) => [`${d.treatment_category} / ${d.treatment_subcategory}`],
  drug_class: (d) => (pharma(d) ? [d.treatment_subcategory!] : []),
  drug: (d) => (pharma(d) ? list(d.drug) : []),
  guideline_families: (d) => [...list(d.claims_admin_sources).map((f) => `${f} / claims_administrator`), ...list(d.reviewer_sources).map((f) => `${f} / reviewer`)],
  guideline_pairs: (d) => [`${list(d.claims_admin_sources).join(';')} / ${list(d.reviewer_sources).join(';')}`],
  reviewer_specialty: (_d, c) => list(c.reviewer_specialty),
  body_region: (d) => list(d.body_region),
  template: (_d, c) => [c.template!],
};

/**
 * Reason shares the slow obvious way: per table, `first key / reason` → k items giving the reason, n items of the
 * first key's group whose reasons were read (all outcomes by outcome; upheld items by category).
 */
export function directReasons(dir: string, select: (d: Row, c: Row) => boolean = () => true): Record<'reasons_by_outcome' | 'reasons_by_category', Map<string, Counts>> {
  const bySource = new Map(readCsv(join(dir, 'cases.csv')).map((c) => [c.source_file!, c]));
  const rows = readCsv(join(dir, 'decisions.csv')).filter((d) => d.reasons && (d.outcome === 'upheld' || d.outcome === 'overturned') && select(d, bySource.get(d.source_file!)!));
  const table = (group: (d: Row) => string, keep: (d: Row) => boolean) => {
    const kept = rows.filter(keep);
    const out = new Map<string, Counts>();
    for (const d of kept) {
      const n = kept.filter((x) => group(x) === group(d)).length;
      for (const r of new Set(d.reasons!.split(';'))) {
        const key = `${group(d)} / ${r}`;
        out.set(key, { n, k: (out.get(key)?.k ?? 0) + 1 });
      }
    }
    return out;
  };
  return { reasons_by_outcome: table((d) => d.outcome!, () => true), reasons_by_category: table((d) => d.treatment_category!, (d) => d.outcome === 'upheld') };
}

export interface Direct {
  tables: Record<string, Map<string, Counts>>;
  caseOutcomes: Map<string, number>;
  cases: number;
}

/** Every item table, plus the case-outcome counts of the cases with a selected item. */
export function direct(dir: string, select: (d: Row, c: Row) => boolean = () => true): Direct {
  const cases = readCsv(join(dir, 'cases.csv'));
  const bySource = new Map(cases.map((c) => [c.source_file!, c]));
  const tables: Record<string, Map<string, Counts>> = Object.fromEntries(Object.keys(KEYS).map((k) => [k, new Map()]));
  const selectedCases = new Set<string>();
  for (const d of readCsv(join(dir, 'decisions.csv'))) {
    const c = bySource.get(d.source_file!)!;
    if ((d.outcome !== 'upheld' && d.outcome !== 'overturned') || !select(d, c)) continue;
    selectedCases.add(d.source_file!);
    for (const [table, keys] of Object.entries(KEYS)) {
      for (const key of keys(d, c)) {
        const m = tables[table]!;
        const g = m.get(key) ?? { n: 0, k: 0 };
        g.n++;
        if (d.outcome === 'overturned') g.k++;
        m.set(key, g);
      }
    }
  }
  const caseOutcomes = new Map<string, number>();
  for (const id of selectedCases) {
    const o = bySource.get(id)!.case_outcome!;
    caseOutcomes.set(o, (caseOutcomes.get(o) ?? 0) + 1);
  }
  return { tables, caseOutcomes, cases: selectedCases.size };
}

export interface Days {
  /** The counted intervals, ascending. */
  days: number[];
  negative: number;
  over: number;
  missing: number;
}

/** The p-quantile of sorted values, interpolating between order statistics (R's type 7). */
export function quantile7(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

const INTERVALS: [string, string, string][] = [
  ['ur_to_application', 'ur_denial_date', 'application_received'],
  ['application_to_assignment', 'application_received', 'date_assigned'],
  ['assignment_to_decision', 'date_assigned', 'decision_date'],
];

/** Days between the case dates per `interval / decision year`, over the cases with a selected item. */
export function directDays(dir: string, select: (d: Row, c: Row) => boolean = () => true): Map<string, Days> {
  const cases = readCsv(join(dir, 'cases.csv'));
  const bySource = new Map(cases.map((c) => [c.source_file!, c]));
  const selected = new Set(readCsv(join(dir, 'decisions.csv')).filter((d) => (d.outcome === 'upheld' || d.outcome === 'overturned') && select(d, bySource.get(d.source_file!)!)).map((d) => d.source_file!));
  const out = new Map<string, Days>();
  for (const c of cases.filter((x) => selected.has(x.source_file!))) {
    for (const [id, from, to] of INTERVALS) {
      const key = `${id} / ${year(c)}`;
      const g = out.get(key) ?? { days: [], negative: 0, over: 0, missing: 0 };
      out.set(key, g);
      if (!c[from] || !c[to]) {
        g.missing++;
        continue;
      }
      const days = (new Date(c[to]!).getTime() - new Date(c[from]!).getTime()) / 86_400_000;
      if (days < 0) g.negative++;
      else if (days > 365) g.over++;
      else g.days.push(days);
    }
  }
  for (const g of out.values()) g.days.sort((a, b) => a - b);
  return out;
}
