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

/** Group key(s) of a decision row (and its case row), per report table. */
const KEYS: Record<string, (d: Row, c: Row) => string[]> = {
  overall: () => ['all'],
  treatment_category: (d) => [d.treatment_category!],
  treatment_subcategory: (d) => [`${d.treatment_category} / ${d.treatment_subcategory}`],
  reviewer_specialty: (_d, c) => list(c.reviewer_specialty),
  reviewer_sources: (d) => list(d.reviewer_sources),
  template: (_d, c) => [c.template!],
  decision_year: (_d, c) => [(c.decision_date ?? '').slice(0, 4)],
  decision_month: (_d, c) => [(c.decision_date ?? '').slice(0, 7)],
  body_region: (d) => list(d.body_region),
};

/**
 * Reason shares the slow obvious way: per table, `first key / reason` → k items giving the reason, n items of the
 * first key's group whose reasons were read (all outcomes by outcome; upheld items by category).
 */
export function directReasons(dir: string): Record<'reasons_by_outcome' | 'reasons_by_category', Map<string, Counts>> {
  const rows = readCsv(join(dir, 'decisions.csv')).filter((d) => d.reasons && (d.outcome === 'upheld' || d.outcome === 'overturned'));
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
  const byId = new Map(cases.map((c) => [c.case_id!, c]));
  const tables: Record<string, Map<string, Counts>> = Object.fromEntries(Object.keys(KEYS).map((k) => [k, new Map()]));
  const selectedCases = new Set<string>();
  for (const d of readCsv(join(dir, 'decisions.csv'))) {
    const c = byId.get(d.case_id!)!;
    if (!select(d, c)) continue;
    selectedCases.add(d.case_id!);
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
    const o = byId.get(id)!.case_outcome!;
    caseOutcomes.set(o, (caseOutcomes.get(o) ?? 0) + 1);
  }
  return { tables, caseOutcomes, cases: selectedCases.size };
}
