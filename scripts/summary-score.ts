/**
 * Scores the case-summary fields against hand annotations (short values keyed
 * by case number): for list fields (body regions, diagnoses, prior treatments,
 * negated phrases) micro precision, recall and F1 over letters; for single
 * values (occupation, mechanism, mechanism type, UR action and date) the share
 * of letters whose value is right (both empty counts as right), with the
 * precision and recall of the values given. Also the accuracy of assertion
 * status on annotated mentions, where the annotation has them.
 *
 * `npx tsx scripts/summary-score.ts [--rendering text-poppler|text-pypdf|both|<folder>]
 * [--misses <field>|all] [--json] [--items] [--tuning-only]` scores the 128 dev
 * letters (a folder: any renderer's texts of them, as `npm run render` makes)
 * against the adjudicated double annotation
 * (test/annotations/summaries-128.json), on the tuning letters and on the
 * held-out third (scripts/heldout.ts) separately. Misses are listed for tuning
 * letters only: held-out letters are not read while tuning. With
 * `--tuning-only` the held-out third is not scored at all, and the tuning
 * letters are also scored in two halves by a hash (`tuningHalf`), so a rule
 * can be seen to help both. `scoreDevSummaries()` and
 * `scoreTuningSummaries()` are the same for other scripts. With
 * `--items`, the item columns instead (`scoreDevItems()`): against the gold
 * of ../shared, and the details against a single-annotator sample of 80 items.
 * With `--negated-counts`, counts only of the kinds of negated misses, on
 * tuning and held-out letters (`negatedCounts()`): no phrase or text is printed.
 * With `--corpus [--half read|unread]`, `negated` on the corpus letters against
 * their keys (`scoreCorpusNegated()`).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertStatuses, negatedPhrases, sentenceOf, triggersIn } from '../src/core/extract/assertions.js';
import { loadLexicon } from '../src/core/lexicon.js';
import { stem } from '../src/core/nlp.js';
import { sentences } from '../src/core/sentences.js';
import { extractCaseSummary, narrative } from '../src/core/extract/case-summary.js';
import { createLetter } from '../src/core/letter.js';
import { extractLetter } from '../src/core/pipeline.js';
import { drugDetails } from '../src/core/extract/drugs.js';
import { itemDetails } from '../src/core/extract/item-details.js';
import type { CaseRecord } from '../src/core/record.js';
import type { Span } from '../src/core/types.js';
import { decode } from '../src/io/decode.js';
import { detectLayout } from '../src/core/layouts/index.js';
import { sectionNamed, segment } from '../src/core/sections.js';
import { corpusHalf, isHeldOut } from './heldout.js';
import { corpusResults } from './golden.js';
import { loadGold } from './score.js';
import { letterInterval, type LetterCounts, type Measure } from './interval.js';
import { wilson } from '../src/report/stats.js';
import { LETTERS, hasShared } from './shared.js';

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

/** The body of a letter's case-summary section, where its layout names one. */
export function summaryBody(text: string): Span | null {
  const detected = detectLayout(text);
  return (detected && sectionNamed(segment(text, detected.headings), detected.layout.summary)?.body) || null;
}

export const SUMMARY_FIELDS = ['occupation', 'mechanism', 'mechanism_type', 'body_regions', 'diagnoses', 'prior_treatments', 'negated', 'ur_action', 'ur_action_date'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
/** Fields with one value per letter: scored as the share of letters right. */
export const SINGLE_FIELDS: readonly SummaryField[] = ['occupation', 'mechanism', 'mechanism_type', 'ur_action', 'ur_action_date'];
export const isSingle = (field: string): boolean => (SINGLE_FIELDS as readonly string[]).includes(field);

export interface Prf {
  field: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Letters scored, and those whose value (or whole list) is right. */
  letters: number;
  right: number;
  /** right / letters: the measure of a single-value field. */
  accuracy: number;
  /** Each letter's counts (for intervals by letter). */
  each: LetterCounts[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Compared without case, punctuation, spacing or a leading article. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9/&]+/g, ' ')
    .trim()
    .replace(/^(?:a|an|the) /, '');

type Counts = { tp: number; fp: number; fn: number; letters: number; right: number; each: LetterCounts[] };
const noCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, letters: 0, right: 0, each: [] });

function prf(field: string, c: Counts): Prf {
  const { tp, fp, fn, letters, right, each } = c;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { field, tp, fp, fn, precision, recall, f1, letters, right, accuracy: letters ? right / letters : 1, each };
}

export interface SummaryScore {
  /** Letters scored. */
  n: number;
  fields: Prf[];
  /** Status of every annotated mention, as ConText reads it. */
  assertion: { n: number; correct: number; accuracy: number; confusions: Record<string, number> };
  /** Status of the mentions the extractor itself extracts (treatments, diagnoses) where they cover an annotated one. */
  extracted: { n: number; correct: number; accuracy: number };
  misses: Record<string, string[]>;
}

/** A case summary written for testing (not a letter's), with the negated phrases it states. */
interface WrittenSummary {
  id: string;
  split?: string;
  summary: string;
  negated: string[];
}

/**
 * `negated` on summaries written for testing (`--written <file> [--split
 * dev|check] [--misses negated]`): each summary read as a letter's whole
 * case-summary section.
 */
export function scoreWritten(file: string, split: string | null): { score: Prf; misses: string[] } {
  const c = noCounts();
  const misses: string[] = [];
  for (const w of (JSON.parse(readFileSync(file, 'utf8')) as WrittenSummary[]).filter((x) => split === null || x.split === split)) {
    const have = extractCaseSummary(w.summary, { start: 0, end: w.summary.length }).negated.map((f) => f.value);
    tally(c, w.id, w.negated, have, misses);
  }
  return { score: prf('negated', c), misses };
}

/** A case summary written for testing, with the utilization-review action and date it states. */
interface WrittenUrSummary {
  id: string;
  split?: string;
  summary: string;
  ur_action: string | null;
  ur_action_date: string | null;
}

/**
 * `ur_action` and `ur_action_date` on summaries written for testing
 * (`--written-ur <file> [--split dev] [--misses ur]`): the share of summaries
 * whose value is right (null where the summary states none).
 */
export function scoreWrittenUr(file: string, split: string | null): { n: number; action: number; date: number; misses: string[] } {
  const out = { n: 0, action: 0, date: 0, misses: [] as string[] };
  // A summary annotated for other columns only has no `ur_action` key.
  for (const w of (JSON.parse(readFileSync(file, 'utf8')) as WrittenUrSummary[]).filter((x) => 'ur_action' in x && (split === null || x.split === split))) {
    const s = extractCaseSummary(w.summary, { start: 0, end: w.summary.length });
    const action = s.urAction?.value ?? null;
    const date = s.urActionDate?.value ?? null;
    out.n++;
    if (action === w.ur_action) out.action++;
    if (date === w.ur_action_date) out.date++;
    if (action !== w.ur_action || date !== w.ur_action_date) out.misses.push(`${w.id} want ${w.ur_action} ${w.ur_action_date}, got ${action} ${date}`);
  }
  return out;
}

/** A case summary written for testing, with the occupation, mechanism and mechanism type it states. */
interface WrittenMechanismSummary {
  id: string;
  split?: string;
  summary: string;
  occupation: string | null;
  mechanism: string | null;
  mechanism_type: string | null;
}

export const MECHANISM_FIELDS = ['occupation', 'mechanism', 'mechanism_type'] as const;

/**
 * `occupation`, `mechanism` and `mechanism_type` on summaries written for
 * testing (`--written-mechanism <file> [--misses mechanism]`): the share of
 * summaries whose value is right (compared as the dev letters' are: no case,
 * punctuation or leading article; null where the summary states none).
 */
export function scoreWrittenMechanism(file: string, split: string | null): { n: number; right: Record<(typeof MECHANISM_FIELDS)[number], number>; misses: string[] } {
  const out = { n: 0, right: { occupation: 0, mechanism: 0, mechanism_type: 0 }, misses: [] as string[] };
  for (const w of (JSON.parse(readFileSync(file, 'utf8')) as WrittenMechanismSummary[]).filter((x) => split === null || x.split === split)) {
    const s = extractCaseSummary(w.summary, { start: 0, end: w.summary.length });
    const got = { occupation: s.occupation?.value ?? null, mechanism: s.mechanism?.value ?? null, mechanism_type: s.mechanismType };
    out.n++;
    for (const f of MECHANISM_FIELDS) {
      const want = w[f] === null ? null : norm(w[f]);
      const have = got[f] === null ? null : norm(got[f]);
      if (want === have) out.right[f]++;
      else out.misses.push(`${w.id} ${f}: want ${JSON.stringify(w[f])}, got ${JSON.stringify(got[f])}`);
    }
  }
  return out;
}

/** A case summary written for testing, with its body regions, diagnoses and prior treatments. */
interface WrittenListSummary {
  id: string;
  split?: string;
  summary: string;
  body_regions: string[];
  diagnoses: string[];
  prior_treatments: string[];
}

/**
 * `body_regions`, `diagnoses` and `prior_treatments` on summaries written for
 * testing (`--written-lists <file> [--misses lists]`): micro P / R / F1 of each.
 */
export function scoreWrittenLists(file: string, split: string | null): { scores: Prf[]; misses: string[] } {
  const counts = { body_regions: noCounts(), diagnoses: noCounts(), prior_treatments: noCounts() };
  const misses: string[] = [];
  for (const w of (JSON.parse(readFileSync(file, 'utf8')) as WrittenListSummary[]).filter((x) => split === null || x.split === split)) {
    const s = extractCaseSummary(w.summary, { start: 0, end: w.summary.length });
    tally(counts.body_regions, `${w.id} body_regions`, w.body_regions, s.bodyRegions.map((f) => f.value), misses);
    tally(counts.diagnoses, `${w.id} diagnoses`, w.diagnoses, s.diagnoses.map((f) => f.value), misses);
    tally(counts.prior_treatments, `${w.id} prior_treatments`, w.prior_treatments, s.priorTreatments.map((f) => f.value), misses);
  }
  return { scores: Object.entries(counts).map(([field, c]) => prf(field, c)), misses };
}

/** Adds one letter's values of a field to its counts (compared normalised, as sets), and each miss as `<id> +value` or `<id> -value`. */
function tally(c: Counts, id: string, wanted: readonly string[], given: readonly string[], misses: string[]): void {
  const want = new Set(wanted.map(norm));
  const have = new Set(given.map(norm));
  const one: LetterCounts = { tp: 0, fp: 0, fn: 0, right: 0, units: 1 };
  for (const h of have) {
    if (want.has(h)) one.tp++;
    else {
      one.fp++;
      misses.push(`${id} +${h}`);
    }
  }
  for (const w of want) {
    if (!have.has(w)) {
      one.fn++;
      misses.push(`${id} -${w}`);
    }
  }
  if (one.fp === 0 && one.fn === 0) one.right = 1;
  c.letters++;
  c.tp += one.tp;
  c.fp += one.fp;
  c.fn += one.fn;
  c.right += one.right;
  c.each.push(one);
}

/**
 * `negated` on the corpus letters as `imr extract` reads them, against their
 * answer keys' `summary.negated` (test/corpus-key: two blind annotators,
 * adjudicated; test/annotations/corpus-negated/): `--corpus [--half read|unread]
 * [--misses negated]`. Misses are listed for the read half only.
 */
export async function scoreCorpusNegated(half: 'read' | 'unread' | null): Promise<{ score: Prf; misses: string[] }> {
  const keys = new Map(loadGold(join(ROOT, 'test', 'corpus-key')).map((k) => [k.case_id as string, (k.summary as { negated?: string[] } | undefined)?.negated]));
  const c = noCounts();
  const misses: string[] = [];
  for (const r of await corpusResults()) {
    if (!r.outcome.ok) continue;
    const id = r.outcome.record.case_id;
    const wanted = keys.get(id);
    if (wanted === undefined || (half !== null && corpusHalf(id) !== half)) continue;
    tally(c, id, wanted, r.outcome.record.negated.map((f) => f.value), half === 'read' ? misses : []);
  }
  return { score: prf('negated', c), misses };
}

function formatWritten({ score: s, misses }: { score: Prf; misses: string[] }, withMisses: boolean, what = 'written summaries'): string {
  const span = (m: Measure) => {
    const ci = intervalOf(s, m);
    return ci ? `${ci.low.toFixed(3)}–${ci.high.toFixed(3)}` : '-';
  };
  const line = `negated on ${s.letters} ${what}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}); ${s.right} wholly right; 95% by summary or letter: P ${span('precision')} R ${span('recall')} F1 ${span('f1')}`;
  return withMisses && misses.length ? `${line}\n  ${misses.join('\n  ')}` : line;
}

/** What the extractor gives each field of a record. */
export function predictedValues(r: CaseRecord): Record<SummaryField, string[]> {
  const values = (list: { value: string }[]) => list.map((f) => f.value);
  return {
    occupation: r.occupation ? [r.occupation.value] : [],
    mechanism: r.mechanism ? [r.mechanism.value] : [],
    mechanism_type: r.mechanism_type ? [r.mechanism_type] : [],
    body_regions: values(r.body_regions),
    diagnoses: values(r.diagnoses),
    prior_treatments: values(r.prior_treatments),
    negated: values(r.negated),
    ur_action: r.ur_action ? [r.ur_action.value] : [],
    ur_action_date: r.ur_action_date ? [r.ur_action_date.value] : [],
  };
}

/** Scores letters (path by case id) against their annotations; a field an annotation does not have (undefined) is not scored. */
export function scoreSummaries(letters: Map<string, string>, annotations: Record<string, Annotation>): SummaryScore {
  const counts = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, noCounts()]));
  const misses: Record<string, string[]> = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, []]));
  const assertion = { n: 0, correct: 0, accuracy: 0, confusions: {} as Record<string, number> };
  const extracted = { n: 0, correct: 0, accuracy: 0 };
  misses.assertion = [];
  misses.extracted = [];
  let n = 0;
  for (const [id, path] of [...letters].sort(([a], [b]) => a.localeCompare(b))) {
    const a = annotations[id];
    if (!a) continue;
    n++;
    const decoded = decode(readFileSync(path));
    if (!decoded.ok) throw new Error(`${id}: ${decoded.message}`);
    const result = extractLetter(id, decoded.text);
    if (!result.ok) throw new Error(`${id}: ${result.message}`);
    const predicted = predictedValues(result.record);
    for (const field of SUMMARY_FIELDS) {
      const raw = a[field];
      if (raw === undefined) continue;
      tally(counts[field]!, id, Array.isArray(raw) ? raw : raw === null ? [] : [raw], predicted[field], misses[field]!);
    }
    // Assertion status of the annotated mentions, found in the narrative.
    if (!a.assertions?.length) continue;
    const letter = createLetter(id, decoded.text);
    const body = summaryBody(letter.text);
    if (!body) continue;
    const got = extractCaseSummary(letter.text, body);
    const region = narrative(letter.text, body);
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
  const scored = SUMMARY_FIELDS.filter((f) => counts[f]!.letters > 0);
  return { n, fields: scored.map((f) => prf(f, counts[f]!)), assertion, extracted, misses };
}

export function formatSummaryScore(title: string, s: SummaryScore): string {
  const lines = [title, `${'field'.padEnd(18)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'letters right'.padStart(14)}`];
  for (const f of s.fields) {
    lines.push(`${f.field.padEnd(18)} ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ${f.f1.toFixed(3).padStart(6)} ${`${(100 * f.accuracy).toFixed(1)}%`.padStart(14)}`);
  }
  if (s.extracted.n) lines.push(`assertion status of extracted mentions (${s.extracted.n} that cover an annotated one): ${(100 * s.extracted.accuracy).toFixed(1)}%`);
  if (s.assertion.n) lines.push(`assertion status on all ${s.assertion.n} annotated mentions: ${(100 * s.assertion.accuracy).toFixed(1)}% (${Object.entries(s.assertion.confusions).map(([k, v]) => `${k} ${v}`).join(', ') || 'no confusions'})`);
  return lines.join('\n');
}

/** Issue targets: F1 per field and the accuracy of assertion status. */
export const SUMMARY_THRESHOLDS: Partial<Record<SummaryField, number>> = { diagnoses: 0.9, prior_treatments: 0.9, body_regions: 0.9, occupation: 0.9 };
export const ASSERTION_THRESHOLD = 0.95;

export function summaryShortfalls(s: SummaryScore): string[] {
  const low = s.fields.filter((f) => SUMMARY_THRESHOLDS[f.field as SummaryField] !== undefined && f.f1 < SUMMARY_THRESHOLDS[f.field as SummaryField]!).map((f) => `${f.field} F1 ${f.f1.toFixed(3)}`);
  if (s.extracted.n && s.extracted.accuracy < ASSERTION_THRESHOLD) low.push(`assertion status of extracted mentions ${(100 * s.extracted.accuracy).toFixed(1)}%`);
  return low;
}

// ------------------------------------------------------- the 128 dev letters

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEV_ANNOTATIONS = join(ROOT, 'test', 'annotations', 'summaries-128.json');

/**
 * Issue 14's targets on the dev letters (tuning and held-out alike): micro F1
 * of the list fields; share of letters right for single values; negated also
 * needs precision 0.80. Occupation: no value the letter does not state
 * (precision 1).
 */
export const DEV_TARGETS: { field: SummaryField; measure: 'f1' | 'accuracy' | 'precision'; min: number }[] = [
  { field: 'body_regions', measure: 'f1', min: 0.9 },
  { field: 'diagnoses', measure: 'f1', min: 0.9 },
  { field: 'prior_treatments', measure: 'f1', min: 0.9 },
  { field: 'negated', measure: 'f1', min: 0.7 },
  { field: 'negated', measure: 'precision', min: 0.8 },
  { field: 'ur_action', measure: 'accuracy', min: 0.95 },
  { field: 'ur_action_date', measure: 'accuracy', min: 0.95 },
  { field: 'mechanism_type', measure: 'accuracy', min: 0.9 },
  { field: 'occupation', measure: 'precision', min: 1 },
];

export interface DevSummaryScore {
  rendering: string;
  all: SummaryScore;
  tuning: SummaryScore;
  heldOut: SummaryScore;
}

/** The dev letters of one rendering, by case id: a folder of ../shared/letters/dev, or any folder of the dev letters' texts (`npm run render` makes one per renderer). */
export function devLetters(rendering: string): Map<string, string> {
  const dir = rendering.includes('/') ? rendering : join(LETTERS, 'dev', rendering);
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f.replace(/\.txt$/, ''), join(dir, f)]));
}

/**
 * The 128 dev letters of a rendering (`text-poppler`, the one annotated, or
 * `text-pypdf`) scored against the adjudicated annotation: all letters, the
 * tuning two thirds and the held-out third. Needs ../shared (hasShared()).
 */
export function scoreDevSummaries(rendering = 'text-poppler'): DevSummaryScore {
  const annotations = (JSON.parse(readFileSync(DEV_ANNOTATIONS, 'utf8')) as { letters: Record<string, Annotation> }).letters;
  const letters = devLetters(rendering);
  const part = (held: boolean | null) => new Map([...letters].filter(([id]) => held === null || isHeldOut(id) === held));
  return { rendering, all: scoreSummaries(part(null), annotations), tuning: scoreSummaries(part(false), annotations), heldOut: scoreSummaries(part(true), annotations) };
}

/** The half of the tuning letters a letter falls in (0 or 1): the fifth to eighth bytes of the SHA-256 of its case number, a hash independent of the held-out one. */
export function tuningHalf(caseId: string): 0 | 1 {
  return createHash('sha256').update(caseId).digest().readUInt32BE(4) % 2 === 0 ? 0 : 1;
}

export interface TuningSummaryScore {
  rendering: string;
  tuning: SummaryScore;
  halves: [SummaryScore, SummaryScore];
}

/**
 * The tuning letters alone (the held-out third is neither read nor scored),
 * and each of their two halves by `tuningHalf`: a rule fitted to the wording
 * of one letter helps one half only, a general one both.
 */
export function scoreTuningSummaries(rendering = 'text-poppler'): TuningSummaryScore {
  const annotations = (JSON.parse(readFileSync(DEV_ANNOTATIONS, 'utf8')) as { letters: Record<string, Annotation> }).letters;
  const tuning = new Map([...devLetters(rendering)].filter(([id]) => !isHeldOut(id)));
  const half = (h: 0 | 1) => new Map([...tuning].filter(([id]) => tuningHalf(id) === h));
  return { rendering, tuning: scoreSummaries(tuning, annotations), halves: [scoreSummaries(half(0), annotations), scoreSummaries(half(1), annotations)] };
}

const measureOf = (f: Prf, measure: 'f1' | 'accuracy' | 'precision'): number => f[measure];

/** The targets a dev score misses, on tuning or held-out letters. */
export function devShortfalls(s: DevSummaryScore): string[] {
  const out: string[] = [];
  for (const [name, score] of [['tuning', s.tuning], ['held-out', s.heldOut]] as const) {
    for (const t of DEV_TARGETS) {
      const f = score.fields.find((x) => x.field === t.field);
      if (f && measureOf(f, t.measure) < t.min) out.push(`${s.rendering} ${name}: ${t.field} ${t.measure} ${measureOf(f, t.measure).toFixed(3)} < ${t.min}`);
    }
  }
  return out;
}

/** Per field, one column per score (micro P/R/F1 for lists, share of letters right for single values). */
function formatColumns(title: string, columns: [string, SummaryScore][]): string {
  const cell = (f: Prf | undefined) => {
    if (!f) return '-'.padStart(24);
    return isSingle(f.field) ? `${(100 * f.accuracy).toFixed(1)}% (${f.right}/${f.letters})`.padStart(24) : `${f.precision.toFixed(3)} ${f.recall.toFixed(3)} ${f.f1.toFixed(3)}`.padStart(24);
  };
  const lines = [title, `${'field'.padEnd(18)} ${columns.map(([name]) => name.padStart(24)).join(' ')}`];
  for (const field of SUMMARY_FIELDS) lines.push(`${field.padEnd(18)} ${columns.map(([, x]) => cell(x.fields.find((f) => f.field === field))).join(' ')}`);
  return lines.join('\n');
}

/** A measure's 95% interval: letters resampled for micro measures over lists (scripts/interval.ts), Wilson's for a share of letters each with one value. */
export function intervalOf(f: Prf, measure: Measure | 'accuracy'): { low: number; high: number } | null {
  return measure === 'accuracy' ? wilson(f.right, f.letters) : letterInterval(f.each, measure);
}

/** Per field, the 95% intervals of a score: micro P, R and F1 for lists, the share of letters right for single values. */
export function formatIntervals(title: string, s: SummaryScore): string {
  const span = (ci: { low: number; high: number } | null) => (ci ? `${ci.low.toFixed(3)}–${ci.high.toFixed(3)}` : '-');
  const lines = [title];
  for (const f of s.fields) {
    if (isSingle(f.field)) lines.push(`${f.field.padEnd(18)} ${(100 * f.accuracy).toFixed(1)}% (${f.right}/${f.letters}), Wilson ${span(intervalOf(f, 'accuracy'))}`);
    else lines.push(`${f.field.padEnd(18)} P ${f.precision.toFixed(3)} [${span(intervalOf(f, 'precision'))}]  R ${f.recall.toFixed(3)} [${span(intervalOf(f, 'recall'))}]  F1 ${f.f1.toFixed(3)} [${span(intervalOf(f, 'f1'))}]`);
  }
  return lines.join('\n');
}

/** One table: per field, tuning and held-out side by side. */
export function formatDevSummaryScore(s: DevSummaryScore): string {
  return formatColumns(`== case-summary fields, ${s.rendering}: ${s.tuning.n} tuning / ${s.heldOut.n} held-out letters (lists: micro P R F1; single values: letters right)`, [
    ['tuning', s.tuning],
    ['held-out', s.heldOut],
    ['all', s.all],
  ]);
}

/** One table: per field, the tuning letters and each of their halves. */
export function formatTuningSummaryScore(s: TuningSummaryScore): string {
  return formatColumns(`== case-summary fields, ${s.rendering}: ${s.tuning.n} tuning letters, halves of ${s.halves[0].n} / ${s.halves[1].n} (held-out letters not scored)`, [
    ['tuning', s.tuning],
    ['half 1', s.halves[0]],
    ['half 2', s.halves[1]],
  ]);
}

// ------------------------------------------------- negated: kinds of miss

const CONTENT = (s: string) => s.split(' ').filter((w) => w.length > 2 && !/^(?:and|the|any|for|with|from|of|or)$/.test(w));

/** The class of the negation trigger nearest a phrase (`pre` before it, `post` after it). */
function triggerClass(term: string, key: string): string {
  if (key === 'negated:post') return 'post';
  const t = term.toLowerCase();
  if (/^(?:no|a negative|negative|negative for)$/.test(t)) return t === 'no' ? 'no' : 'negative';
  if (t === 'not') return 'not';
  if (/^without/.test(t)) return 'without';
  if (/^den/.test(t)) return 'deny';
  if (/^(?:declin|refus)/.test(t)) return 'decline';
  if (/^no \w+ (?:of|that|the|noting)$|^made no/.test(t)) return 'no-X-of';
  return 'verbal';
}

/** The lexicon kind of the first target word of a phrase. */
function headKind(value: string, kinds: [string, Set<string>][], phrases: string[]): string {
  if (phrases.some((p) => value.includes(norm(p)))) return 'phrase';
  for (const w of value.split(' ')) for (const [kind, stems] of kinds) if (stems.has(stem(w)) || stems.has(w)) return kind;
  return 'other';
}

/**
 * Counts of the kinds of negated false positives (overlapping a missed
 * annotated phrase: too long, too short, other; or standing alone, by the
 * class of trigger, the lexicon kind of the head, length, and whether the
 * sentence speaks of the review) and of false negatives (overlapped or not,
 * in the target vocabulary or not). Counts only: no text.
 */
export function negatedCounts(letters: Map<string, string>, annotations: Record<string, Annotation>): Record<string, number> {
  const lex = loadLexicon<{ words: Record<string, string[]>; phrases: string[] }>('clinical-targets.json');
  const kinds = Object.entries(lex.words).map(([k, ws]) => [k, new Set(ws.map((w) => stem(w)))] as [string, Set<string>]);
  const c: Record<string, number> = {};
  const add = (k: string) => (c[k] = (c[k] ?? 0) + 1);
  for (const [id, path] of letters) {
    const a = annotations[id];
    if (!a?.negated) continue;
    const decoded = decode(readFileSync(path));
    if (!decoded.ok) continue;
    const result = extractLetter(id, decoded.text);
    if (!result.ok) continue;
    const want = new Set(a.negated.map(norm));
    const have = new Set(result.record.negated.map((f) => norm(f.value)));
    const fps = [...have].filter((h) => !want.has(h));
    const fns = [...want].filter((w) => !have.has(w));
    const overlaps = (x: string, y: string) => CONTENT(x).some((w) => CONTENT(y).includes(w));
    const letter = createLetter(id, decoded.text);
    const body = summaryBody(letter.text);
    const region = body ? narrative(letter.text, body) : null;
    const found = region ? negatedPhrases(letter.text, region) : [];
    const sents = region ? sentences(letter.text, region) : [];
    /** The trigger of a phrase found, whether its sentence speaks of the review, and (after a pre-trigger) whether a list separator comes between. */
    const placeOf = (h: string) => {
      const f = found.find((x) => norm(x.value) === h);
      const sentence = f ? sentenceOf(sents, f.span.start) : null;
      if (!f || !sentence) return null;
      const triggers = triggersIn(letter.text, sentence).filter((t) => t.key.startsWith('negated'));
      const pre = triggers.filter((t) => t.key === 'negated:pre' && t.end <= f.span.start).pop();
      const post = triggers.find((t) => t.key === 'negated:post' && t.start >= f.span.end);
      const t = pre ?? post;
      return {
        review: /\butili[sz]ation review\b|\bUR\b|\brequest|medically necessary|guideline|certif|authori[sz]/i.test(letter.text.slice(sentence.start, sentence.end)),
        trigger: t ? triggerClass(letter.text.slice(t.start, t.end), t.key) : 'none',
        quarter: ['first', 'second', 'third', 'last'][Math.min(3, Math.floor((4 * (f.span.start - region!.start)) / (region!.end - region!.start)))],
        list: pre && !post ? (/,|\b(?:and|or|nor)\b/.test(letter.text.slice(pre.end, f.span.start)) ? 'after' : 'before') : undefined,
      };
    };
    for (const h of have) {
      const n = CONTENT(h).length;
      add(`predicted ${want.has(h) ? 'tp' : 'fp'}, ${n >= 4 ? '4+' : n} content words`);
    }
    for (const h of fps) {
      const fn = fns.find((w) => overlaps(h, w));
      if (fn) {
        const hw = h.split(' ');
        const ww = fn.split(' ');
        const [long, short] = ww.every((w) => hw.includes(w)) ? [hw, ww] : hw.every((w) => ww.includes(w)) ? [ww, hw] : [null, null];
        if (!long || !short) {
          add('fp overlapping a fn: other overlap');
          continue;
        }
        const at = long.join(' ').indexOf(short.join(' '));
        const side = at === 0 ? 'at the end' : at + short.join(' ').length === long.join(' ').length ? 'at the start' : 'at both ends';
        const extra = at === 0 ? long[short.length] : long[0];
        const kind = extra && /^(?:in|on|at|over|to|of|along|into|with|for|from|about|around|upon|through|within|across|near|by|during)$/.test(extra) ? 'a preposition' : extra && /^(?:and|or|nor)$/.test(extra) ? 'a conjunction' : 'another word';
        add(`fp overlapping a fn: ${long === hw ? 'longer' : 'shorter'} than annotated, ${side}, ${at === -1 ? 'not contiguous' : `the difference opening with ${kind}`}`);
        continue;
      }
      add('fp alone');
      add(`fp alone, head kind ${headKind(h, kinds, lex.phrases)}`);
      const where = placeOf(h);
      if (!where) add('fp alone, trigger not found');
      else {
        if (where.review) add('fp alone, sentence about the review or request');
        add(`fp alone, trigger ${where.trigger}`);
        if (where.list) add(`fp alone, ${where.list} a list separator in the trigger's scope`);
        add(`fp alone, in the ${where.quarter} quarter of the narrative`);
      }
    }
    const alone = fps.filter((h) => !fns.some((w) => overlaps(h, w))).length;
    if (alone) add(`letters with ${alone >= 3 ? '3+' : alone} fp alone`);
    for (const h of have) {
      const list = want.has(h) ? placeOf(h)?.list : undefined;
      if (list) add(`tp, ${list} a list separator in the trigger's scope`);
    }
    for (const w of fns) {
      if (fps.some((h) => overlaps(h, w))) continue;
      add(`fn alone, ${headKind(w, kinds, lex.phrases) === 'other' ? 'no target word' : 'target word'}`);
      if (region && !squash(letter.text.slice(region.start, region.end)).toLowerCase().replace(/[^a-z0-9/&]+/g, ' ').includes(w)) add('fn alone, not found as written in the narrative');
    }
  }
  return Object.fromEntries(Object.entries(c).sort(([x], [y]) => x.localeCompare(y)));
}

// ---------------------------------------------------------- item details

/** Item columns the gold of ../shared annotates for every item of the dev letters. */
export const GOLD_ITEM_FIELDS = ['item_text', 'outcome', 'treatment_category', 'treatment_subcategory', 'claims_admin_sources', 'reviewer_sources'] as const;
/** Item columns annotated on a sample of 80 items (test/unit/fixtures/item-details-80.json). */
export const SAMPLE_ITEM_FIELDS = ['quantity', 'quantity_unit', 'frequency', 'body_region', 'laterality', 'drug', 'strength', 'dose_form', 'retrospective', 'date_of_service', 'associated_surgery'] as const;
export const ITEM_SAMPLE = join(ROOT, 'test', 'unit', 'fixtures', 'item-details-80.json');

export interface Accuracy {
  field: string;
  n: number;
  right: number;
  accuracy: number;
}
export interface DevItemScore {
  rendering: string;
  tuning: Accuracy[];
  heldOut: Accuracy[];
}

interface GoldItem { item_no: number; item_text: string; outcome: string; treatment_category: string[]; treatment_subcategory: string[]; claims_admin_sources: string[]; reviewer_sources: string[] }

const normItem = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:a|an|the) /, '').replace(/[ .:;,]+$/, '');
const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * The item columns of the dev letters of one rendering: against the gold of
 * ../shared for every item (text, outcome, category, subcategory, each
 * side's guideline families), and against the single-annotator sample of 80
 * items for the details (quantity and unit, frequency, body region,
 * laterality, drug, strength); tuning and held-out letters apart.
 */
export function scoreDevItems(rendering = 'text-poppler'): DevItemScore {
  const tally = { tuning: new Map<string, [number, number]>(), heldOut: new Map<string, [number, number]>() };
  const count = (held: boolean, field: string, ok: boolean) => {
    const m = held ? tally.heldOut : tally.tuning;
    const t = m.get(field) ?? [0, 0];
    t[0]++;
    if (ok) t[1]++;
    m.set(field, t);
  };
  const gold = new Map<string, GoldItem[]>();
  for (const f of readdirSync(join(LETTERS, 'gold')).filter((f) => f.startsWith('CM') && f.endsWith('.json'))) {
    const g = JSON.parse(readFileSync(join(LETTERS, 'gold', f), 'utf8')) as { case_id: string; items: GoldItem[] };
    gold.set(g.case_id, g.items);
  }
  for (const [id, path] of devLetters(rendering)) {
    const items = gold.get(id);
    if (!items) continue;
    const decoded = decode(readFileSync(path));
    if (!decoded.ok) continue;
    const result = extractLetter(id, decoded.text);
    const got = result.ok ? result.record.items : [];
    const held = isHeldOut(id);
    for (const g of items) {
      const r = got.find((x) => x.item_no === g.item_no);
      count(held, 'item_text', !!r && normItem(r.item_text.value) === normItem(g.item_text));
      count(held, 'outcome', r?.outcome?.value === g.outcome);
      count(held, 'treatment_category', !!r && g.treatment_category.includes(r.treatment_category));
      count(held, 'treatment_subcategory', !!r && g.treatment_subcategory.includes(r.treatment_subcategory));
      count(held, 'claims_admin_sources', !!r && sameSet(r.claims_admin_sources, g.claims_admin_sources));
      count(held, 'reviewer_sources', !!r && sameSet(r.reviewer_sources, g.reviewer_sources));
    }
  }
  const sample = (JSON.parse(readFileSync(ITEM_SAMPLE, 'utf8')) as { items: (Record<(typeof SAMPLE_ITEM_FIELDS)[number], string | number | boolean | null> & { case_id: string; item_no: number })[] }).items;
  for (const want of sample) {
    const text = gold.get(want.case_id)?.find((g) => g.item_no === want.item_no)?.item_text;
    if (text === undefined) continue;
    const drugs = drugDetails(text);
    const d = itemDetails(text, drugs?.topical);
    const have: Record<(typeof SAMPLE_ITEM_FIELDS)[number], string | number | boolean | null> = {
      quantity: d.quantity,
      quantity_unit: d.quantityUnit,
      frequency: d.frequency,
      body_region: d.bodyRegion,
      laterality: d.laterality,
      drug: drugs?.drug ?? '',
      strength: drugs?.strength ?? '',
      dose_form: drugs?.doseForm ?? '',
      retrospective: d.retrospective,
      date_of_service: d.dateOfService,
      associated_surgery: d.associatedSurgery,
    };
    for (const field of SAMPLE_ITEM_FIELDS) count(isHeldOut(want.case_id), field, String(have[field] ?? '') === String(want[field] ?? ''));
  }
  const list = (m: Map<string, [number, number]>) => [...GOLD_ITEM_FIELDS, ...SAMPLE_ITEM_FIELDS].map((field) => {
    const [n, right] = m.get(field) ?? [0, 0];
    return { field, n, right, accuracy: n ? right / n : 1 };
  });
  return { rendering, tuning: list(tally.tuning), heldOut: list(tally.heldOut) };
}

export function formatDevItemScore(s: DevItemScore): string {
  const cell = (a: Accuracy) => `${(100 * a.accuracy).toFixed(1)}% (${a.right}/${a.n})`.padStart(20);
  const lines = [`== item columns, ${s.rendering}: tuning / held-out (gold of all items; details on a sample of 80)`, `${'field'.padEnd(24)} ${'tuning'.padStart(20)} ${'held-out'.padStart(20)}`];
  s.tuning.forEach((t, i) => lines.push(`${t.field.padEnd(24)} ${cell(t)} ${cell(s.heldOut[i]!)}`));
  return lines.join('\n');
}

// ------------------------------------------------------------- command line

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { rendering: { type: 'string', default: 'both' }, misses: { type: 'string' }, json: { type: 'boolean', default: false }, items: { type: 'boolean', default: false }, 'tuning-only': { type: 'boolean', default: false }, 'negated-counts': { type: 'boolean', default: false }, written: { type: 'string' }, 'written-ur': { type: 'string' }, 'written-mechanism': { type: 'string' }, 'written-lists': { type: 'string' }, split: { type: 'string' }, corpus: { type: 'boolean', default: false }, half: { type: 'string' } },
  });
  if (values['written-lists']) {
    const u = scoreWrittenLists(values['written-lists'], values.split ?? null);
    for (const p of u.scores) console.log(`${p.field} on ${p.letters} written summaries: P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)} (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`);
    if (values.misses !== undefined) for (const m of u.misses) console.log(`  ${m}`);
    process.exit(0);
  }
  if (values['written-mechanism']) {
    const u = scoreWrittenMechanism(values['written-mechanism'], values.split ?? null);
    console.log(`on ${u.n} written summaries: ${MECHANISM_FIELDS.map((f) => `${f} ${((100 * u.right[f]) / u.n).toFixed(1)}% (${u.right[f]}/${u.n})`).join(', ')}`);
    if (values.misses !== undefined) for (const m of u.misses) console.log(`  ${m}`);
    process.exit(0);
  }
  if (values['written-ur']) {
    const u = scoreWrittenUr(values['written-ur'], values.split ?? null);
    const pct = (k: number) => `${((100 * k) / u.n).toFixed(1)}% (${k}/${u.n})`;
    console.log(`on ${u.n} written summaries: ur_action ${pct(u.action)}, ur_action_date ${pct(u.date)}`);
    if (values.misses !== undefined) for (const m of u.misses) console.log(`  ${m}`);
    process.exit(0);
  }
  if (values.corpus) {
    const half = values.half === 'read' || values.half === 'unread' ? values.half : null;
    console.log(formatWritten(await scoreCorpusNegated(half), values.misses !== undefined, `corpus letters${half ? ` (${half} half)` : ''}`));
    process.exit(0);
  }
  if (values.written) {
    console.log(formatWritten(scoreWritten(values.written, values.split ?? null), values.misses !== undefined));
    process.exit(0);
  }
  if (!hasShared()) {
    console.error(`summary-score: ${LETTERS} not found; the dev letters live in ../shared beside the project (or set IMR_SHARED).`);
    process.exit(2);
  }
  const renderings = values.rendering === 'both' ? ['text-poppler', 'text-pypdf'] : [values.rendering!];
  if (values['negated-counts']) {
    const annotations = (JSON.parse(readFileSync(DEV_ANNOTATIONS, 'utf8')) as { letters: Record<string, Annotation> }).letters;
    const letters = devLetters('text-poppler');
    const part = (held: boolean) => new Map([...letters].filter(([id]) => isHeldOut(id) === held));
    const scope = values['tuning-only'] ? [['tuning', false] as const] : ([['tuning', false], ['held-out', true]] as const);
    for (const [name, held] of scope) console.log(`== negated, kinds of miss, text-poppler ${name} (counts only)\n${Object.entries(negatedCounts(part(held), annotations)).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    if (values['tuning-only']) process.exit(0);
  }
  if (values.items) {
    for (const r of renderings) console.log(`${formatDevItemScore(scoreDevItems(r))}\n`);
    process.exit(0);
  }
  // Misses are listed for tuning letters only: the held-out third is scored, never read.
  const printMisses = (tuning: SummaryScore) => {
    if (!values.misses) return;
    for (const [field, list] of Object.entries(tuning.misses)) {
      if (values.misses !== 'all' && values.misses !== field) continue;
      if (list.length) console.log(`  misses, ${field} (tuning):\n    ${list.join('\n    ')}`);
    }
  };
  if (values['tuning-only']) {
    const scores = renderings.map((r) => scoreTuningSummaries(r));
    const fields = (x: SummaryScore) => x.fields.map(({ each: _each, ...f }) => f);
    if (values.json) console.log(JSON.stringify(scores.map((s) => ({ rendering: s.rendering, tuning: fields(s.tuning), halves: s.halves.map(fields) })), null, 1));
    else for (const s of scores) console.log(`${formatTuningSummaryScore(s)}\n`), printMisses(s.tuning);
    process.exit(0);
  }
  const scores = renderings.map((r) => scoreDevSummaries(r));
  if (values.json) {
    const fields = (x: SummaryScore) => x.fields.map(({ each: _each, ...f }) => f);
    console.log(JSON.stringify(scores.map((s) => ({ rendering: s.rendering, tuning: fields(s.tuning), heldOut: fields(s.heldOut), all: fields(s.all) })), null, 1));
  } else {
    for (const s of scores) {
      console.log(formatDevSummaryScore(s));
      printMisses(s.tuning);
      console.log(`\n${formatIntervals(`95% intervals, held-out letters (${s.heldOut.n}), ${s.rendering}`, s.heldOut)}\n`);
    }
  }
  const low = scores.flatMap(devShortfalls);
  for (const l of low) console.log(`BELOW TARGET: ${l}`);
  process.exit(low.length ? 1 : 0);
}
