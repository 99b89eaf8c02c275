/**
 * Scores the decision-reason extractor (src/core/extract/reasons.ts) against
 * the adjudicated annotation of the dev letters (test/annotations/reasons.json),
 * for both text renderings, on the tuning letters and on the held-out third
 * (scripts/heldout.ts): micro precision, recall and F1 over all codes, the
 * share of items whose code set is exactly right, and per-code precision,
 * recall and F1 with support.
 *
 * Beside the rules it trains classifiers from natural (logistic regression
 * and naive Bayes; one binary model per code with at least 5 tuning
 * examples, over the Porter stems of the rationale's case and conclusion
 * sentences, marked NEG_ after a negation up to the clause's end, and their
 * bigrams; the 20 features of highest chi-square per code) on the tuning
 * items. An item gets its likeliest code and the next one if above 0.5,
 * outcome-side codes only. They are scored on tuning by 5-fold
 * cross-validation by letter, and on the held-out letters trained on all
 * tuning items. The rules are the extractor; the classifiers are measured for
 * comparison, alone and beside the rules (their codes of probability 0.9 or
 * more added; their codes only where the rules read none). With
 * `--train-written FILE` the written rationales of the splits that were read
 * join every training set and those never read (`check*`) are scored too.
 *
 *   npx tsx scripts/reasons-eval.ts                 # everything
 *   npx tsx scripts/reasons-eval.ts --tuning-only   # while designing cues: held-out scores hidden
 *   npx tsx scripts/reasons-eval.ts --tuning-only --errors   # each tuning item the rules get wrong, with its trace
 *   npx tsx scripts/reasons-eval.ts --no-classifier # rules only (fast)
 *   npx tsx scripts/reasons-eval.ts --train-written test/fixtures/reasons-rationales.json
 *   npx tsx scripts/reasons-eval.ts --corpus [--half read|unread] [--errors]   # the corpus letters against their answer keys' reasons
 *   npx tsx scripts/reasons-eval.ts --no-classifier --tuning-only --renderings /tmp/imr-renderings
 *       # also each renderer's text of the dev letters (npm run render: pdftotext -layout, pdfminer, pypdf 3.x, ...)
 *   npx tsx scripts/reasons-eval.ts --rationales test/fixtures/reasons-rationales.json [--split dev|dev2|dev3|check] [--errors]
 *       # the rules on rationales written for testing (not letters), each with its codes
 *
 * Exits 1 when the rules fall below the targets on the held-out letters of
 * either rendering (micro F1 >= 0.85, exact code set >= 0.70).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractLetter } from '../src/core/pipeline.js';
import { createLetter } from '../src/core/letter.js';
import { toSource, type OffsetMap } from '../src/core/normalize.js';
import { extractReasons, REASON_CODES, REASON_SIDE, sentenceRoles, traceReasons, type ItemOutcome, type ReasonCode } from '../src/core/extract/reasons.js';
import type { Span } from '../src/core/types.js';
import { corpusHalf, isHeldOut } from './heldout.js';
import { letterInterval, type LetterCounts } from './interval.js';
import { hasShared, LETTERS } from './shared.js';
import { corpusResults } from './golden.js';
import { loadGold } from './score.js';

const TARGET_F1 = 0.85;
const TARGET_EXACT = 0.7;
const RENDERINGS = ['text-poppler', 'text-pypdf'] as const;

const argv = process.argv.slice(2);
const args = new Set(argv);
const valueOf = (name: string): string | null => {
  const k = argv.indexOf(name);
  return k >= 0 && k + 1 < argv.length ? argv[k + 1]! : null;
};
const tuningOnly = args.has('--tuning-only');
const showErrors = args.has('--errors');
const withClassifier = !args.has('--no-classifier');
const trainWritten = valueOf('--train-written');
/** The written splits scored only, never read (`check`, `check2`, ...). */
const unreadSplit = (i: { caseId: string; split?: string }): boolean => /^check/.test(i.split ?? '');

const root = fileURLToPath(new URL('..', import.meta.url));

interface EvalItem {
  caseId: string;
  /** A written rationale's split. */
  split?: string;
  itemNo: number;
  heldOut: boolean;
  gold: ReasonCode[];
  outcome: ItemOutcome;
  itemText: string;
  text: string;
  rationale: Span | null;
  others: { itemText: string; outcome: ItemOutcome }[];
}

// ---------------------------------------------------------------------------
// The items: the extractor's items of each letter, with the annotation's codes

/** The text span whose source span is `[start, end)` (the map is monotone). */
function textSpan(map: OffsetMap, start: number, end: number): Span {
  let lo = 0;
  let hi = map.textLength;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toSource(map, mid, mid).start < start) lo = mid + 1;
    else hi = mid;
  }
  const s = lo;
  lo = s;
  hi = map.textLength;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (toSource(map, s, mid).end <= end) lo = mid;
    else hi = mid - 1;
  }
  return { start: s, end: lo };
}

function loadItems(rendering: string, gold: Record<string, Record<string, string[]>>): { items: EvalItem[]; unmatched: number } {
  const dir = rendering.includes('/') ? rendering : join(LETTERS, 'dev', rendering);
  const items: EvalItem[] = [];
  let unmatched = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const source = readFileSync(join(dir, file), 'utf8');
    const result = extractLetter(file, source);
    const caseId = file.replace(/\.txt$/, '');
    const goldItems = gold[caseId];
    if (!goldItems) continue;
    if (!result.ok) {
      unmatched += Object.keys(goldItems).length;
      continue;
    }
    const letter = createLetter(file, source);
    const records = result.record.items;
    const seen = new Set<string>();
    for (const it of records) {
      const codes = goldItems[String(it.item_no)];
      if (!codes) continue;
      seen.add(String(it.item_no));
      items.push({
        caseId,
        itemNo: it.item_no,
        heldOut: isHeldOut(caseId),
        gold: codes as ReasonCode[],
        outcome: it.outcome?.value ?? null,
        itemText: it.item_text.value,
        text: letter.text,
        rationale: it.rationale ? textSpan(letter.map, it.rationale.start, it.rationale.end) : null,
        others: records.filter((o) => o !== it).map((o) => ({ itemText: o.item_text.value, outcome: o.outcome?.value ?? null })),
      });
    }
    unmatched += Object.keys(goldItems).filter((k) => !seen.has(k)).length;
  }
  return { items, unmatched };
}

// ---------------------------------------------------------------------------
// Scores

export interface Scores {
  n: number;
  micro: { p: number; r: number; f1: number; tp: number; fp: number; fn: number };
  exact: number;
  perCode: Map<ReasonCode, { p: number; r: number; f1: number; support: number; predicted: number }>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function score(pairs: { gold: readonly ReasonCode[]; predicted: readonly ReasonCode[] }[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  const per = new Map(REASON_CODES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  for (const { gold, predicted } of pairs) {
    const g = new Set(gold);
    const p = new Set(predicted);
    if (g.size === p.size && [...g].every((c) => p.has(c))) exact++;
    for (const c of p) {
      if (g.has(c)) {
        tp++;
        per.get(c)!.tp++;
      } else {
        fp++;
        per.get(c)!.fp++;
      }
    }
    for (const c of g) {
      if (!p.has(c)) {
        fn++;
        per.get(c)!.fn++;
      }
    }
  }
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  return {
    n: pairs.length,
    micro: { p, r, f1: f1Of(p, r), tp, fp, fn },
    exact: ratio(exact, pairs.length),
    perCode: new Map(
      REASON_CODES.map((c) => {
        const x = per.get(c)!;
        const cp = ratio(x.tp, x.tp + x.fp);
        const cr = ratio(x.tp, x.tp + x.fn);
        return [c, { p: cp, r: cr, f1: f1Of(cp, cr), support: x.tp + x.fn, predicted: x.tp + x.fp }];
      }),
    ),
  };
}

const pct = (x: number): string => x.toFixed(3);

/** Each letter's counts over its items: micro counts, and items with the exact code set. */
function countsByLetter(pairs: { caseId: string; gold: readonly ReasonCode[]; predicted: readonly ReasonCode[] }[]): LetterCounts[] {
  const by = new Map<string, LetterCounts>();
  for (const pair of pairs) {
    const s = score([pair]);
    const c = by.get(pair.caseId) ?? { tp: 0, fp: 0, fn: 0, right: 0, units: 0 };
    c.tp += s.micro.tp;
    c.fp += s.micro.fp;
    c.fn += s.micro.fn;
    c.right += s.exact;
    c.units++;
    by.set(pair.caseId, c);
  }
  return [...by.values()];
}

/** The 95% intervals of micro F1 and the exact-set share, letters resampled (scripts/interval.ts). */
function intervalLine(pairs: { caseId: string; gold: readonly ReasonCode[]; predicted: readonly ReasonCode[] }[]): string {
  const letters = countsByLetter(pairs);
  const span = (m: 'precision' | 'recall' | 'f1' | 'share') => {
    const ci = letterInterval(letters, m)!;
    return `${pct(ci.low)}–${pct(ci.high)}`;
  };
  return `${''.padEnd(34)} 95% by letter (${letters.length}):  P ${span('precision')}  R ${span('recall')}  F1 ${span('f1')}  exact ${span('share')}`;
}

function summaryLine(label: string, s: Scores): string {
  return `${label.padEnd(34)} n=${String(s.n).padStart(3)}  micro P ${pct(s.micro.p)}  R ${pct(s.micro.r)}  F1 ${pct(s.micro.f1)}  exact ${pct(s.exact)}`;
}

function perCodeTable(s: Scores): string {
  const rows = [`  ${'code'.padEnd(31)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'support'.padStart(8)} ${'predicted'.padStart(10)}`];
  for (const [code, x] of s.perCode) {
    if (x.support === 0 && x.predicted === 0) continue;
    rows.push(`  ${code.padEnd(31)} ${pct(x.p).padStart(6)} ${pct(x.r).padStart(6)} ${pct(x.f1).padStart(6)} ${String(x.support).padStart(8)} ${String(x.predicted).padStart(10)}`);
  }
  return rows.join('\n');
}

// ---------------------------------------------------------------------------
// The rules

function rulesPredict(item: EvalItem): ReasonCode[] {
  if (!item.rationale) return [];
  return extractReasons(item.text, item.rationale, item.outcome, item.itemText, item.others).map((r) => r.code);
}

/** The rules on the annotated items of the dev letters of one rendering, tuning and held-out apart (scores only). */
export function scoreDevReasons(rendering: string): { tuning: Scores; heldOut: Scores } {
  const gold = (JSON.parse(readFileSync(join(root, 'test', 'annotations', 'reasons.json'), 'utf8')) as { items: Record<string, Record<string, string[]>> }).items;
  const { items } = loadItems(rendering, gold);
  const scored = (held: boolean) => score(items.filter((i) => i.heldOut === held).map((i) => ({ gold: i.gold, predicted: rulesPredict(i) })));
  return { tuning: scored(false), heldOut: scored(true) };
}

// ---------------------------------------------------------------------------
// The classifier (natural): one binary model per code

interface NaturalClassifier {
  addDocument(text: string[], label: string): void;
  train(): void;
  classify(observation: string[]): string;
  getClassifications(observation: string[]): { label: string; value: number }[];
}
type ClassifierCtor = new () => NaturalClassifier;

const MIN_POSITIVES = 5;
/** At most this many codes per item (chosen by the tuning cross-validation: 2 gave the best F1 and exact-set share). */
const MAX_CODES = 2;

const require = createRequire(import.meta.url);
// Submodules only: the package's entry point loads database clients and prints.
const LogisticRegression = require('natural/lib/natural/classifiers/logistic_regression_classifier.js') as ClassifierCtor;
const Bayes = require('natural/lib/natural/classifiers/bayes_classifier.js') as ClassifierCtor;
const Porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

const NEGATION = /^(?:no|not|nor|none|without|lack|lacking|absence|absent|insufficient|never|unclear|cannot|failed|fails)$/;
const CLAUSE_END = /[.;:,!?]/;

/** Features of one rationale: stems of its case and conclusion sentences, marked NEG_ after a negation up to the clause's end, and their bigrams. */
function features(item: EvalItem): string[] {
  if (!item.rationale) return [];
  const out: string[] = [];
  for (const { span, role } of sentenceRoles(item.text, item.rationale)) {
    if (role !== 'case' && role !== 'conclusion') continue;
    const sentence = item.text.slice(span.start, span.end).toLowerCase();
    let negated = false;
    let prev = '';
    for (const token of sentence.match(/[a-z][a-z0-9']*|[.;:,!?]/g) ?? []) {
      if (CLAUSE_END.test(token)) {
        negated = false;
        prev = '';
        continue;
      }
      const stem = Porter.stem(token);
      const f = (negated ? 'NEG_' : '') + stem;
      out.push(f);
      if (prev) out.push(`${prev}__${stem}`);
      prev = stem;
      if (NEGATION.test(token)) negated = true;
    }
  }
  return out.length ? out : ['EMPTY'];
}

/** One binary model per code, each over its own selected features. */
type CodeModel = { classifier: NaturalClassifier; vocabulary: ReadonlySet<string> } | 'always' | null;
type Model = Map<ReasonCode, CodeModel>;

const FEATURES_PER_CODE = 20;

/**
 * A code's features: those in at least 3 training rationales, the 20 with
 * the highest chi-square against the code (natural's logistic regression is
 * full-batch gradient descent over dense vectors, and a few hundred
 * rationales cannot fit thousands of weights).
 */
function selectFeatures(docs: ReadonlySet<string>[], labels: boolean[]): Set<string> {
  const n = docs.length;
  const pos = labels.filter(Boolean).length;
  const df = new Map<string, { all: number; pos: number }>();
  docs.forEach((d, k) => {
    for (const f of d) {
      const x = df.get(f) ?? { all: 0, pos: 0 };
      x.all++;
      if (labels[k]) x.pos++;
      df.set(f, x);
    }
  });
  const chi2 = ({ all, pos: a }: { all: number; pos: number }): number => {
    const b = all - a;
    const c = pos - a;
    const d = n - pos - b;
    const den = (a + b) * (c + d) * (a + c) * (b + d);
    return den === 0 ? 0 : (n * (a * d - b * c) ** 2) / den;
  };
  return new Set(
    [...df]
      .filter(([, x]) => x.all >= 3)
      .map(([f, x]) => [f, chi2(x)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, FEATURES_PER_CODE)
      .map(([f]) => f),
  );
}

const restrict = (f: readonly string[], vocabulary: ReadonlySet<string>): string[] => {
  const kept = [...new Set(f.filter((x) => vocabulary.has(x)))];
  return kept.length ? kept : ['EMPTY'];
};

function trainModels(train: EvalItem[], Ctor: ClassifierCtor): Model {
  const raw = train.map(features);
  const sets = raw.map((f) => new Set(f));
  const models: Model = new Map();
  for (const code of REASON_CODES) {
    const labels = train.map((i) => i.gold.includes(code));
    const positives = labels.filter(Boolean).length;
    // Too few examples to learn from (and natural's gradient descent runs to its iteration limit on them).
    if (positives < MIN_POSITIVES) {
      models.set(code, null);
      continue;
    }
    if (positives === train.length) {
      models.set(code, 'always');
      continue;
    }
    const vocabulary = selectFeatures(sets, labels);
    const c = new Ctor();
    raw.forEach((f, k) => c.addDocument(restrict(f, vocabulary), labels[k] ? 'yes' : 'no'));
    try {
      c.train();
      models.set(code, { classifier: c, vocabulary });
    } catch {
      // natural's gradient descent gives up ("unable to find minimum"): no model for this code.
      models.set(code, null);
    }
  }
  return models;
}

/** Each code's probability for the item (outcome-side codes with a model only). */
function classifierProbs(models: Model, item: EvalItem): Map<ReasonCode, number> {
  const probs = new Map<ReasonCode, number>();
  if (!item.rationale) return probs;
  const f = features(item);
  for (const code of REASON_CODES) {
    const side = REASON_SIDE[code];
    if (item.outcome !== null && side !== 'either' && side !== item.outcome) continue;
    const m = models.get(code);
    if (m === null || m === undefined) continue;
    if (m === 'always') {
      probs.set(code, 1);
      continue;
    }
    // Bayes gives unnormalised scores, logistic regression one sigmoid per label: the share of 'yes' serves both.
    const scores = m.classifier.getClassifications(restrict(f, m.vocabulary));
    const yes = scores.find((x) => x.label === 'yes')?.value ?? 0;
    const no = scores.find((x) => x.label === 'no')?.value ?? 0;
    probs.set(code, yes + no > 0 ? yes / (yes + no) : 0);
  }
  return probs;
}

/** The codes the probabilities give: the likeliest, and the next ones above 0.5, at most MAX_CODES in all. */
function chosen(probs: ReadonlyMap<ReasonCode, number>): ReasonCode[] {
  // The contract: most items get one or two codes, and every annotated item has one.
  const ranked = [...probs].sort((a, b) => b[1] - a[1]);
  const kept = ranked.filter(([, p], k) => k === 0 || (p > 0.5 && k < MAX_CODES)).map(([c]) => c);
  return REASON_CODES.filter((c) => kept.includes(c));
}

/** Each item's code probabilities: tuning items by 5-fold cross-validation by letter, the others by models trained on all tuning items; `extra` items are in every training set. */
function classifierRun(items: EvalItem[], Ctor: ClassifierCtor, extra: readonly EvalItem[], scored: readonly EvalItem[]): { tuning: Map<ReasonCode, number>[]; heldOut: Map<ReasonCode, number>[]; scored: Map<ReasonCode, number>[] } {
  const tuning = items.filter((i) => !i.heldOut);
  const heldOut = items.filter((i) => i.heldOut);
  const letters = [...new Set(tuning.map((i) => i.caseId))].sort();
  const fold = new Map(letters.map((c, k) => [c, k % 5]));
  const tuningProbs: Map<ReasonCode, number>[] = tuning.map(() => new Map());
  for (let f = 0; f < 5; f++) {
    const models = trainModels([...tuning.filter((i) => fold.get(i.caseId) !== f), ...extra], Ctor);
    tuning.forEach((item, k) => {
      if (fold.get(item.caseId) === f) tuningProbs[k] = classifierProbs(models, item);
    });
  }
  const all = trainModels([...tuning, ...extra], Ctor);
  return {
    tuning: tuningProbs,
    heldOut: tuningOnly ? [] : heldOut.map((i) => classifierProbs(all, i)),
    scored: scored.map((i) => classifierProbs(all, i)),
  };
}

/** The rules beside a classifier: its codes of probability CONFIDENT or more added to the rules'. */
const CONFIDENT = 0.9;
const withConfident = (rules: readonly ReasonCode[], probs: ReadonlyMap<ReasonCode, number>): ReasonCode[] =>
  REASON_CODES.filter((c) => rules.includes(c) || (probs.get(c) ?? 0) >= CONFIDENT);
/** The rules, and the classifier's codes only for an item the rules give none. */
const whereNone = (rules: readonly ReasonCode[], probs: ReadonlyMap<ReasonCode, number>): ReasonCode[] => (rules.length > 0 ? [...rules] : chosen(probs));

// ---------------------------------------------------------------------------
// Written rationales: a set of rationales in our own words, each with its codes

interface WrittenItem {
  id: string;
  split?: string;
  item_text: string;
  outcome: 'upheld' | 'overturned';
  other_items?: { item_text: string; outcome: 'upheld' | 'overturned' }[];
  rationale: string;
  codes: ReasonCode[];
}

/** The written rationales of a split (all with null), as items to score. */
function writtenItems(file: string, split: string | null): EvalItem[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as WrittenItem[])
    .filter((w) => split === null || w.split === split)
    .map((w) => ({
      caseId: w.id,
      ...(w.split === undefined ? {} : { split: w.split }),
      itemNo: 1,
      heldOut: false,
      gold: w.codes,
      outcome: w.outcome,
      itemText: w.item_text,
      text: w.rationale,
      rationale: { start: 0, end: w.rationale.length },
      others: (w.other_items ?? []).map((o) => ({ itemText: o.item_text, outcome: o.outcome })),
    }));
}

/** The rules on the written rationales of a split (test/e2e/written-sets.test.ts holds them to their measured values). */
export function scoreWrittenRationales(file: string, split: string | null): Scores {
  return score(writtenItems(file, split).map((i) => ({ gold: i.gold, predicted: rulesPredict(i) })));
}

function reportWritten(file: string, split: string | null): number {
  const items = writtenItems(file, split);
  const pairs = items.map((i) => ({ caseId: i.caseId, gold: i.gold, predicted: rulesPredict(i) }));
  const scores = score(pairs);
  console.log(summaryLine(`rules, ${file}${split ? ` (${split})` : ''}`, scores));
  console.log(intervalLine(pairs).replace('by letter', 'by rationale'));
  console.log(`\nper code:\n${perCodeTable(scores)}`);
  if (showErrors) printErrors(items);
  return 0;
}

/** Each item the rules get wrong, with what each cue found, sentence by sentence. */
function printErrors(items: readonly EvalItem[]): void {
  for (const item of items) {
    if (!item.rationale) continue;
    const predicted = rulesPredict(item);
    const same = predicted.length === item.gold.length && predicted.every((c) => item.gold.includes(c));
    if (same) continue;
    const missing = item.gold.filter((c) => !predicted.includes(c));
    const extra = predicted.filter((c) => !item.gold.includes(c));
    console.log(`\n--- ${item.caseId} #${item.itemNo} [${item.outcome}] ${item.itemText}\n    gold ${item.gold.join(', ')}\n    missing ${missing.join(', ') || '-'}   extra ${extra.join(', ') || '-'}`);
    for (const t of traceReasons(item.text, item.rationale, item.itemText, item.others)) {
      const s = item.text.slice(t.sentence.start, t.sentence.end).replace(/\s+/g, ' ').trim();
      const found = t.found.map((f) => `${f.code}<${f.cue}>: "${item.text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}"`).join(' | ');
      console.log(`    [${t.role}] ${s}${found ? `\n        => ${found}` : ''}`);
    }
  }
}

// ---------------------------------------------------------------------------
// The corpus: the project's own letters, against the reasons of their answer keys

/** Each keyed item of the corpus letters as `imr extract` reads them, with its key's codes (test/corpus-key: two blind annotators, adjudicated) and the rules'. */
async function corpusPairs(): Promise<{ caseId: string; itemNo: number; gold: ReasonCode[]; predicted: ReasonCode[] }[]> {
  const keys = new Map(loadGold(join(root, 'test', 'corpus-key')).map((k) => [k.case_id, k]));
  const pairs: { caseId: string; itemNo: number; gold: ReasonCode[]; predicted: ReasonCode[] }[] = [];
  for (const { outcome } of await corpusResults()) {
    if (!outcome.ok) continue;
    const { record } = outcome;
    for (const item of keys.get(record.case_id)?.items ?? []) {
      const { reasons } = item as { reasons?: ReasonCode[] };
      if (!reasons) continue;
      const read = record.items.find((i) => i.item_no === item.item_no);
      pairs.push({ caseId: record.case_id, itemNo: item.item_no, gold: reasons, predicted: read?.reasons.map((r) => r.value) ?? [] });
    }
  }
  return pairs;
}

/** The rules on the corpus letters' keyed items (test/e2e/written-sets.test.ts holds them to their measured values). */
export async function scoreCorpusReasons(): Promise<Scores> {
  return score(await corpusPairs());
}

async function reportCorpus(): Promise<number> {
  const half = valueOf('--half');
  const pairs = (await corpusPairs()).filter((p) => half === null || corpusHalf(p.caseId) === half);
  if (half) console.log(`the ${half} half of the corpus letters`);
  const scores = score(pairs);
  console.log(summaryLine('rules, corpus letters', scores));
  console.log(intervalLine(pairs));
  console.log(`\nper code:\n${perCodeTable(scores)}`);
  if (showErrors)
    for (const p of pairs) {
      const same = p.gold.length === p.predicted.length && p.gold.every((c) => p.predicted.includes(c));
      if (!same) console.log(`${p.caseId} #${p.itemNo}: key ${p.gold.join(', ')}; rules ${p.predicted.join(', ') || '-'}`);
    }
  return 0;
}

// ---------------------------------------------------------------------------

async function main(): Promise<number> {
  if (args.has('--corpus')) return reportCorpus();
  const written = valueOf('--rationales');
  if (written) return reportWritten(written, valueOf('--split'));
  if (!hasShared()) {
    console.log(`reasons-eval: ../shared (the dev letters) is not here (${LETTERS}); nothing to score`);
    return 0;
  }
  const annotation = join(root, 'test', 'annotations', 'reasons.json');
  if (!existsSync(annotation)) throw new Error(`no annotation at ${annotation}`);
  const gold = (JSON.parse(readFileSync(annotation, 'utf8')) as { items: Record<string, Record<string, string[]>> }).items;
  let failed = false;
  const renderings = valueOf('--renderings');
  // Every renderer's text of the dev letters too (npm run render), tuning letters only unless asked.
  const folders = renderings ? readdirSync(renderings).sort().map((r) => join(renderings, r)) : [];
  for (const rendering of [...RENDERINGS, ...folders]) {
    const { items, unmatched } = loadItems(rendering, gold);
    const tuning = items.filter((i) => !i.heldOut);
    const heldOut = items.filter((i) => i.heldOut);
    console.log(`\n== ${rendering}: ${items.length} annotated items read (${tuning.length} tuning, ${heldOut.length} held out); ${unmatched} annotated items not found by the extractor`);
    const rules = new Map(items.map((i) => [i, rulesPredict(i)]));
    const pairs = (set: EvalItem[], pred: (i: EvalItem, k: number) => ReasonCode[]) => set.map((i, k) => ({ caseId: i.caseId, gold: i.gold, predicted: pred(i, k) }));
    const results: { label: string; scores: Scores }[] = [];
    const report = (label: string, scores: Scores): Scores => {
      console.log(summaryLine(label, scores));
      results.push({ label, scores });
      return scores;
    };
    const unreadItems = (set: EvalItem[]) => set.filter((i) => i.rationale && rules.get(i)!.length === 0).length;
    console.log(`items with a rationale and no reason read: ${unreadItems(tuning)} of ${tuning.length} tuning${tuningOnly ? '' : `, ${unreadItems(heldOut)} of ${heldOut.length} held out`}`);
    report('rules, tuning', score(pairs(tuning, (i) => rules.get(i)!)));
    const rulesHeld = tuningOnly ? null : report('rules, held out', score(pairs(heldOut, (i) => rules.get(i)!)));
    if (!tuningOnly) console.log(intervalLine(pairs(heldOut, (i) => rules.get(i)!)));
    if (withClassifier) {
      // With --train-written, the written rationales of the splits that were read join every training set, and the unread ones are scored.
      const writtenAll = trainWritten ? writtenItems(trainWritten, null) : [];
      const extra = writtenAll.filter((i) => !unreadSplit(i));
      const unread = tuningOnly ? [] : writtenAll.filter(unreadSplit);
      const also = extra.length ? ` + ${extra.length} written` : '';
      if (unread.length) report(`rules, written unread`, score(pairs(unread, (i) => rulesPredict(i))));
      for (const [name, Ctor] of [
        ['logistic regression', LogisticRegression],
        ['naive Bayes', Bayes],
      ] as const) {
        const run = classifierRun(items, Ctor, extra, unread);
        report(`${name}${also}, tuning (5-fold CV)`, score(pairs(tuning, (_i, k) => chosen(run.tuning[k]!))));
        if (!tuningOnly) report(`${name}${also}, held out`, score(pairs(heldOut, (_i, k) => chosen(run.heldOut[k]!))));
        if (unread.length) report(`${name}${also}, written unread`, score(pairs(unread, (_i, k) => chosen(run.scored[k]!))));
        for (const [how, combine] of [
          [`rules + ${name} >= ${CONFIDENT}`, withConfident],
          [`rules, ${name} where none`, whereNone],
        ] as const) {
          report(`${how}, tuning (CV)`, score(pairs(tuning, (i, k) => combine(rules.get(i)!, run.tuning[k]!))));
          if (!tuningOnly) report(`${how}, held out`, score(pairs(heldOut, (i, k) => combine(rules.get(i)!, run.heldOut[k]!))));
          if (unread.length) report(`${how}, written unread`, score(pairs(unread, (i, k) => combine(rulesPredict(i), run.scored[k]!))));
        }
      }
    }
    for (const { label, scores } of results) console.log(`\nper code, ${label} (${rendering}):\n${perCodeTable(scores)}`);
    if (rulesHeld) {
      const below = rulesHeld.micro.f1 < TARGET_F1 || rulesHeld.exact < TARGET_EXACT;
      console.log(
        `\n${rendering}: rules on the held-out letters: micro F1 ${pct(rulesHeld.micro.f1)} (target ${TARGET_F1}), exact ${pct(rulesHeld.exact)} (target ${TARGET_EXACT})${below ? ': BELOW TARGET' : ': targets met'}`,
      );
      if (below) failed = true;
    }
    // Tuning items only: the held-out letters are not read while cues are designed.
    if (showErrors && rendering === RENDERINGS[0]) printErrors(tuning);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
