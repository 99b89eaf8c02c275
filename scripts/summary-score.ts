/**
 * Scores the case-summary fields against hand annotations (short values keyed
 * by case number): precision, recall and F1 per field, micro-averaged over
 * letters, and the accuracy of assertion status on the annotated mentions.
 */
import { readFileSync } from 'node:fs';
import { assertStatuses } from '../src/core/extract/assertions.js';
import { extractCaseSummary, narrative } from '../src/core/extract/case-summary.js';
import { createLetter } from '../src/core/letter.js';
import { extractLetter } from '../src/core/pipeline.js';
import { decode } from '../src/io/decode.js';
import { detectLayout } from '../src/core/layouts/index.js';
import { sectionNamed, segment } from '../src/core/sections.js';

export interface Annotation {
  occupation: string | null;
  mechanism?: string | null;
  mechanism_type?: string | null;
  body_regions: string[];
  diagnoses: string[];
  prior_treatments: string[];
  negated?: string[];
  ur_action: string | null;
  ur_action_date: string | null;
  assertions?: { mention: string; status: string }[];
}

export const SUMMARY_FIELDS = ['occupation', 'mechanism_type', 'body_regions', 'diagnoses', 'prior_treatments', 'negated', 'ur_action', 'ur_action_date'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

export interface Prf {
  field: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9/&]+/g, ' ').trim();

function prf(field: string, tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { field, tp, fp, fn, precision, recall, f1 };
}

export interface SummaryScore {
  fields: Prf[];
  /** Status of every annotated mention, as ConText reads it. */
  assertion: { n: number; correct: number; accuracy: number; confusions: Record<string, number> };
  /** Status of the mentions the extractor itself extracts (treatments, diagnoses) where they cover an annotated one. */
  extracted: { n: number; correct: number; accuracy: number };
  misses: Record<string, string[]>;
}

/** Scores letters (path by case id) against their annotations. */
export function scoreSummaries(letters: Map<string, string>, annotations: Record<string, Annotation>): SummaryScore {
  const counts = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Record<string, string[]> = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, []]));
  const assertion = { n: 0, correct: 0, accuracy: 0, confusions: {} as Record<string, number> };
  const extracted = { n: 0, correct: 0, accuracy: 0 };
  misses.assertion = [];
  misses.extracted = [];
  for (const [id, path] of letters) {
    const a = annotations[id];
    if (!a) continue;
    const decoded = decode(readFileSync(path));
    if (!decoded.ok) throw new Error(`${id}: ${decoded.message}`);
    const result = extractLetter(id, decoded.text);
    if (!result.ok) throw new Error(`${id}: ${result.message}`);
    const r = result.record;
    const values = (list: { value: string }[]) => list.map((f) => f.value);
    const predicted: Record<SummaryField, string[]> = {
      occupation: r.occupation ? [r.occupation.value] : [],
      mechanism_type: r.mechanism_type ? [r.mechanism_type] : [],
      body_regions: values(r.body_regions),
      diagnoses: values(r.diagnoses),
      prior_treatments: values(r.prior_treatments),
      negated: values(r.negated),
      ur_action: r.ur_action ? [r.ur_action.value] : [],
      ur_action_date: r.ur_action_date ? [r.ur_action_date.value] : [],
    };
    for (const field of SUMMARY_FIELDS) {
      const raw = a[field];
      if (raw === undefined) continue;
      const want = new Set((Array.isArray(raw) ? raw : raw === null ? [] : [raw]).map(norm));
      const have = new Set(predicted[field].map(norm));
      const c = counts[field]!;
      for (const h of have) {
        if (want.has(h)) c.tp++;
        else {
          c.fp++;
          misses[field]!.push(`${id} +${h}`);
        }
      }
      for (const w of want) {
        if (!have.has(w)) {
          c.fn++;
          misses[field]!.push(`${id} -${w}`);
        }
      }
    }
    // Assertion status of the annotated mentions, found in the narrative.
    if (!a.assertions?.length) continue;
    const letter = createLetter(id, decoded.text);
    const detected = detectLayout(letter.text);
    const summary = detected && sectionNamed(segment(letter.text, detected.headings), detected.layout.summary);
    if (!summary) continue;
    const got = extractCaseSummary(letter.text, summary.body);
    const region = narrative(letter.text, summary.body);
    const lower = letter.text.toLowerCase();
    const spans: { start: number; end: number }[] = [];
    const wanted: string[] = [];
    let cursor = region.start;
    for (const m of a.assertions ?? []) {
      const needle = m.mention.toLowerCase().replace(/\s+/g, ' ');
      const re = new RegExp(needle.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
      re.lastIndex = cursor;
      let hit = re.exec(lower);
      if (!hit || hit.index >= region.end) {
        re.lastIndex = region.start;
        hit = re.exec(lower);
      }
      if (!hit || hit.index >= region.end) continue;
      spans.push({ start: hit.index, end: hit.index + hit[0].length });
      wanted.push(m.status);
      cursor = hit.index + hit[0].length;
    }
    const statuses = assertStatuses(letter.text, region, spans);
    statuses.forEach((s, i) => {
      assertion.n++;
      if (s === wanted[i]) assertion.correct++;
      else {
        assertion.confusions[`${wanted[i]}->${s}`] = (assertion.confusions[`${wanted[i]}->${s}`] ?? 0) + 1;
        misses.assertion!.push(`${id} ${wanted[i]}->${s}: ${squash(letter.text.slice(Math.max(region.start, spans[i]!.start - 70), spans[i]!.end + 20))}`);
      }
      // The extractor's own mentions that cover an annotated one.
      const own = got.mentions.find((m) => m.span.start < spans[i]!.end && spans[i]!.start < m.span.end);
      if (own) {
        extracted.n++;
        if (own.status === wanted[i]) extracted.correct++;
        else misses.extracted!.push(`${id} ${wanted[i]}->${own.status} [${own.kind}:${own.value}]: ${squash(letter.text.slice(Math.max(region.start, own.span.start - 80), own.span.end + 20))}`);
      }
    });
  }
  assertion.accuracy = assertion.n ? assertion.correct / assertion.n : 1;
  extracted.accuracy = extracted.n ? extracted.correct / extracted.n : 1;
  return { fields: SUMMARY_FIELDS.map((f) => prf(f, counts[f]!.tp, counts[f]!.fp, counts[f]!.fn)), assertion, extracted, misses };
}

export function formatSummaryScore(title: string, s: SummaryScore): string {
  const lines = [title, `${'field'.padEnd(18)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`];
  for (const f of s.fields) lines.push(`${f.field.padEnd(18)} ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ${f.f1.toFixed(3).padStart(6)}`);
  lines.push(`assertion status of extracted mentions (${s.extracted.n} that cover an annotated one): ${(100 * s.extracted.accuracy).toFixed(1)}%`);
  lines.push(`assertion status on all ${s.assertion.n} annotated mentions: ${(100 * s.assertion.accuracy).toFixed(1)}% (${Object.entries(s.assertion.confusions).map(([k, v]) => `${k} ${v}`).join(', ') || 'no confusions'})`);
  return lines.join('\n');
}

/** Issue targets: F1 per field and the accuracy of assertion status. */
export const SUMMARY_THRESHOLDS: Partial<Record<SummaryField, number>> = { diagnoses: 0.9, prior_treatments: 0.9, body_regions: 0.9, occupation: 0.9 };
export const ASSERTION_THRESHOLD = 0.95;

export function summaryShortfalls(s: SummaryScore): string[] {
  const low = s.fields.filter((f) => SUMMARY_THRESHOLDS[f.field as SummaryField] !== undefined && f.f1 < SUMMARY_THRESHOLDS[f.field as SummaryField]!).map((f) => `${f.field} F1 ${f.f1.toFixed(3)}`);
  if (s.extracted.accuracy < ASSERTION_THRESHOLD) low.push(`assertion status of extracted mentions ${(100 * s.extracted.accuracy).toFixed(1)}%`);
  return low;
}
