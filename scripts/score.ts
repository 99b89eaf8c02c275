/**
 * Scores a dataset folder against gold annotations, field by field, in the
 * same terms as ../shared/tools/score.py (a gold case missing from the
 * dataset counts as wrong). Used by `npm run eval` and the accuracy test.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CASE_FIELDS = ['case_number', 'date_assigned', 'decision_date', 'date_of_injury', 'ur_denial_date', 'application_received', 'priority', 'patient_age', 'patient_sex', 'reviewer_licensure', 'reviewer_specialty', 'case_outcome', 'n_items'] as const;
export const ITEM_FIELDS = ['outcome', 'item_text', 'treatment_category', 'treatment_subcategory', 'reviewer_sources', 'claims_admin_sources'] as const;
export type Field = (typeof CASE_FIELDS)[number] | (typeof ITEM_FIELDS)[number];

/** The accuracy each field must reach on the dev letters, per field, in percent. */
export const THRESHOLDS: Partial<Record<Field, number>> = {
  case_number: 100, date_assigned: 100, decision_date: 100, date_of_injury: 100, ur_denial_date: 100, application_received: 100,
  priority: 100, n_items: 100, outcome: 100, case_outcome: 100,
  patient_age: 98, patient_sex: 98, reviewer_licensure: 98, reviewer_specialty: 98,
  item_text: 95, claims_admin_sources: 95, reviewer_sources: 95,
  treatment_category: 95, treatment_subcategory: 90,
};

interface GoldItem { item_no: number; item_text: string; outcome: string; treatment_category: string[]; treatment_subcategory: string[]; claims_admin_sources: string[]; reviewer_sources: string[] }
interface Gold { case_id: string; items: GoldItem[]; [field: string]: unknown }

export interface FieldScore { field: Field; n: number; correct: number; accuracy: number }
export interface Score { fields: FieldScore[]; missingCases: string[]; goldItems: number; goldOverturned: number; outputOverturned: number }

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  if (!existsSync(path)) return [];
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

export function normText(s: string | null | undefined): string {
  let t = s ?? '';
  if (t.length > 1 && t[0] === "'" && '=+-@\t\r'.includes(t[1]!)) t = t.slice(1);
  t = t.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(a|an|the) /, '');
  return t.replace(/[ .:;,]+$/, '');
}

const split = (s: string | undefined): string[] => (s ?? '').split(';').map((x) => x.trim()).filter(Boolean);
const sameSet = (a: string[], b: string[]): boolean => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export function loadGold(dir: string, filter: (name: string) => boolean = () => true): Gold[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json') && filter(f)).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold);
}

export function score(gold: Gold[], datasetDir: string, fields: readonly Field[] = [...CASE_FIELDS, ...ITEM_FIELDS]): Score {
  const cases = new Map(readCsv(join(datasetDir, 'cases.csv')).map((r) => [r.case_id || r.case_number, r]));
  const items = new Map<string, Map<number, Row>>();
  for (const r of readCsv(join(datasetDir, 'decisions.csv'))) {
    const no = Number(r.item_no);
    if (!Number.isInteger(no)) continue;
    if (!items.has(r.case_id!)) items.set(r.case_id!, new Map());
    items.get(r.case_id!)!.set(no, r);
  }
  const tally = new Map<Field, [number, number]>(fields.map((f) => [f, [0, 0]]));
  const count = (f: Field, ok: boolean) => {
    const t = tally.get(f);
    if (t) { t[0]++; t[1] += ok ? 1 : 0; }
  };
  const result: Score = { fields: [], missingCases: [], goldItems: 0, goldOverturned: 0, outputOverturned: 0 };
  for (const g of gold) {
    const row = cases.get(g.case_id);
    if (!row) result.missingCases.push(g.case_id);
    const its = items.get(g.case_id) ?? new Map<number, Row>();
    for (const f of CASE_FIELDS) {
      if (!tally.has(f)) continue;
      if (f === 'n_items') { count(f, g.items.length === its.size); continue; }
      if (!row) { count(f, false); continue; }
      const want = g[f];
      const got = row[f]?.trim() ?? '';
      if (f === 'reviewer_licensure') count(f, sameSet(want as string[], split(got)));
      else if (f === 'reviewer_specialty') count(f, JSON.stringify((want as string[]).map((s) => s.toLowerCase())) === JSON.stringify(split(got).map((s) => s.toLowerCase())));
      else if (f === 'patient_age') count(f, (/^\d+(\.0+)?$/.test(got) ? Math.trunc(Number(got)) : null) === want);
      else count(f, (got ? got.toLowerCase() : null) === (typeof want === 'string' ? want.toLowerCase() : want));
    }
    for (const gi of g.items) {
      result.goldItems++;
      if (gi.outcome === 'overturned') result.goldOverturned++;
      const r = its.get(gi.item_no);
      if (r && r.outcome?.trim().toLowerCase() === 'overturned') result.outputOverturned++;
      for (const f of ITEM_FIELDS) {
        if (!tally.has(f)) continue;
        if (!r) { count(f, false); continue; }
        if (f === 'outcome') count(f, r.outcome?.trim().toLowerCase() === gi.outcome);
        else if (f === 'item_text') count(f, normText(r.item_text) === normText(gi.item_text));
        else if (f === 'treatment_category' || f === 'treatment_subcategory') count(f, gi[f].map((x) => x.toLowerCase()).includes((r[f] ?? '').trim().toLowerCase()));
        else count(f, sameSet(split(r[f]), gi[f]));
      }
    }
  }
  result.fields = fields.map((field) => {
    const [n, correct] = tally.get(field)!;
    return { field, n, correct, accuracy: n ? (100 * correct) / n : 100 };
  });
  return result;
}

export function formatScore(title: string, s: Score): string {
  const lines = [title, `${'field'.padEnd(24)} ${'n'.padStart(5)} ${'correct'.padStart(8)} ${'accuracy'.padStart(9)}`];
  for (const f of s.fields) lines.push(`${f.field.padEnd(24)} ${String(f.n).padStart(5)} ${String(f.correct).padStart(8)} ${f.accuracy.toFixed(1).padStart(8)}%`);
  if (s.missingCases.length) lines.push(`cases missing from output: ${s.missingCases.length} (e.g. ${s.missingCases.slice(0, 5).join(', ')})`);
  const pct = (x: number) => ((100 * x) / Math.max(s.goldItems, 1)).toFixed(1);
  lines.push(`overturn rate: output ${pct(s.outputOverturned)}% vs gold ${pct(s.goldOverturned)}% (${s.outputOverturned} vs ${s.goldOverturned} of ${s.goldItems} items)`);
  return lines.join('\n');
}

/** Fields whose accuracy is below their threshold. */
export function shortfalls(s: Score, thresholds: Partial<Record<Field, number>> = THRESHOLDS): FieldScore[] {
  return s.fields.filter((f) => thresholds[f.field] !== undefined && f.accuracy < thresholds[f.field]!);
}
