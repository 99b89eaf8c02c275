/**
 * `npx tsx scripts/ablate.ts [--only <name>]`: what each use of `natural` and
 * `compromise` adds, measured by taking it away. Each ablation is a copy of
 * the project (src, scripts, lexicons, corpus, the tests' fixtures, annotations and answer keys;
 * node_modules linked) with one use replaced by its plainest stand-in, built
 * and measured by this same script inside the copy (`--measure`):
 *
 *   porter        natural's Porter stemmer: a word stands for itself (no "spasms" for "spasm")
 *   jaro-winkler  natural's Jaro-Winkler: names of states, specialties and drugs matched exactly only
 *   levenshtein   natural's Levenshtein: damaged headings, labels and outcome words not read
 *   compromise    compromise: no noun phrase after an unclear job-title cue, no person names
 *
 * Measures (all scores, no text): the gold columns of the dev letters (both
 * renderings, and text-pypdf under each kind of debris of scripts/perturb.ts),
 * the case-summary columns and the reasons on tuning and held-out letters, the
 * sets written for testing, the item phrasings of test/fixtures/items.tsv, and
 * the person names found in a letter with planted identifiers (and in the
 * published, redacted dev letters, where every one is a false alarm).
 * Needs ../shared (or IMR_SHARED). Prints a table of each measure by ablation.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './golden.js';
import { GOLD, LETTERS, SHARED, hasShared } from './shared.js';

type Patch = readonly [file: string, from: string, to: string];
interface Ablation {
  name: string;
  what: string;
  patches: readonly Patch[];
}

const JARO = "import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';";
const LEVENSHTEIN = "import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';";
export const ABLATIONS: readonly Ablation[] = [
  { name: 'porter', what: "natural's Porter stemmer: a word stands for itself", patches: [['src/core/nlp.ts', 's = porter.stem(lower);', 's = lower;']] },
  {
    name: 'jaro-winkler',
    what: "natural's Jaro-Winkler: names of states, specialties and drugs matched exactly only",
    patches: [
      ['src/core/fuzzy.ts', JARO, 'const JaroWinklerDistance = (..._: unknown[]): number => 0;'],
      ['src/core/extract/drugs.ts', JARO, 'const JaroWinklerDistance = (..._: unknown[]): number => 0;'],
    ],
  },
  {
    name: 'levenshtein',
    what: "natural's Levenshtein: damaged headings, labels and outcome words not read",
    patches: [
      ['src/core/headings.ts', LEVENSHTEIN, 'const LevenshteinDistance = (..._: unknown[]): number => Number.MAX_SAFE_INTEGER;'],
      ['src/core/extract/outcome.ts', LEVENSHTEIN, 'const LevenshteinDistance = (..._: unknown[]): number => Number.MAX_SAFE_INTEGER;'],
      ['src/core/labels.ts', LEVENSHTEIN, 'const LevenshteinDistance = (..._: unknown[]): number => Number.MAX_SAFE_INTEGER;'],
    ],
  },
  {
    name: 'compromise',
    what: 'compromise: no noun phrase after an unclear job-title cue, no person names',
    patches: [
      ['src/core/extract/case-summary.ts', 'const terms = compromise()(phrase).terms().json() as', 'const terms = [] as'],
      ['src/core/identifiers.ts', '  if (!nameCandidate(text)) return hits.sort(', '  if (text.length >= 0) return hits.sort('],
    ],
  },
];

// ------------------------------------------------------------- measuring

type Measures = Record<string, number>;

async function measure(): Promise<Measures> {
  const { runExtract } = await import('../src/run/extract.js');
  const { loadGold, score } = await import('./score.js');
  const { KINDS, perturbFolder } = await import('./perturb.js');
  const summary = await import('./summary-score.js');
  const { scoreDevReasons, scoreWrittenRationales } = await import('./reasons-eval.js');
  const { extractLetter } = await import('../src/core/pipeline.js');
  const { drugDetails } = await import('../src/core/extract/drugs.js');
  const { itemDetails } = await import('../src/core/extract/item-details.js');
  const { classifyTreatment } = await import('../src/core/extract/treatment.js');
  const { damageSweep, devTexts } = await import('./damage.js');
  const m: Measures = {};
  const work = mkdtempSync(join(tmpdir(), 'imr-ablate-'));
  const gold = loadGold(GOLD);
  const lowest = (s: ReturnType<typeof score>) => Math.min(...s.fields.map((f) => f.accuracy));
  try {
    for (const rendering of ['text-poppler', 'text-pypdf']) {
      const out = join(work, rendering);
      await runExtract({ inputs: [join(LETTERS, 'dev', rendering), join(LETTERS, 'seed')], out, rawCsv: false, progress: null });
      const s = score(gold, out);
      m[`gold ${rendering}: lowest column %`] = lowest(s);
      m[`gold ${rendering}: columns below 100%`] = s.fields.filter((f) => f.accuracy < 100).length;
    }
    let worst = 100;
    let outcome = 100;
    for (const kind of KINDS) {
      const noisy = join(work, `noisy-${kind}`);
      perturbFolder(join(LETTERS, 'dev', 'text-pypdf'), join(noisy, 'dev'), kind, 1);
      perturbFolder(join(LETTERS, 'seed'), join(noisy, 'seed'), kind, 1);
      const out = join(work, `noisy-${kind}-out`);
      await runExtract({ inputs: [join(noisy, 'dev'), join(noisy, 'seed')], out, rawCsv: false, progress: null });
      const s = score(gold, out);
      worst = Math.min(worst, lowest(s));
      outcome = Math.min(outcome, s.fields.find((f) => f.field === 'outcome')!.accuracy);
    }
    m['gold text-pypdf with debris: lowest column % (any kind)'] = worst;
    m['gold text-pypdf with debris: item outcome % (lowest kind)'] = outcome;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const dev = summary.scoreDevSummaries('text-poppler');
  for (const [part, s] of [['tuning', dev.tuning], ['held-out', dev.heldOut]] as const) {
    for (const f of s.fields) {
      if (summary.isSingle(f.field)) m[`${f.field} ${part} % letters`] = 100 * f.accuracy;
      else m[`${f.field} ${part} F1`] = f.f1;
    }
    m[`negated ${part} P`] = s.fields.find((f) => f.field === 'negated')!.precision;
  }
  const reasons = scoreDevReasons('text-poppler');
  m['reasons tuning F1'] = reasons.tuning.micro.f1;
  m['reasons held-out F1'] = reasons.heldOut.micro.f1;

  const fixtures = join(ROOT, 'test', 'fixtures');
  const negated = summary.scoreWritten(join(fixtures, 'negated-summaries.json'), null).score;
  m['written negated F1 (all splits)'] = negated.f1;
  m['written negated P (all splits)'] = negated.precision;
  const mech = summary.scoreWrittenMechanism(join(fixtures, 'mechanism-summaries.json'), null);
  for (const f of summary.MECHANISM_FIELDS) m[`written ${f} % summaries`] = (100 * mech.right[f]) / mech.n;
  for (const f of summary.scoreWrittenLists(join(fixtures, 'diagnosis-summaries.json'), null).scores) m[`written ${f.field} F1`] = f.f1;
  const ur = summary.scoreWrittenUr(join(fixtures, 'ur-summaries.json'), null);
  m['written ur_action % summaries'] = (100 * ur.action) / ur.n;
  m['written reasons F1 (all splits)'] = scoreWrittenRationales(join(fixtures, 'reasons-rationales.json'), null).micro.f1;

  const rows = readFileSync(join(fixtures, 'items.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  const [header, ...items] = rows;
  let drugRight = 0;
  let categoryRight = 0;
  for (const row of items) {
    const want = Object.fromEntries(header!.map((h, i) => [h, row[i] ?? '']));
    const drugs = drugDetails(row[0]!);
    if ((drugs?.drug ?? '') === want.drug) drugRight++;
    const t = classifyTreatment(row[0]!, drugs);
    if (want.treatment_category!.split('|').includes(t.category) && itemDetails(row[0]!).quantityUnit === want.quantity_unit) categoryRight++;
  }
  m['items.tsv drug % rows'] = (100 * drugRight) / items.length;
  m['items.tsv category and unit % rows'] = (100 * categoryRight) / items.length;

  // Damaged words, as PDF text damages them: each item's outcome word four ways, then every heading, label and item header (scripts/damage.ts).
  const DAMAGE: ((w: string) => string)[] = [(w) => `${w.slice(0, 3)} ${w.slice(3)}`, (w) => `${w.slice(0, 4)}${w[4] === 'x' ? 'y' : 'x'}${w.slice(5)}`, (w) => w.slice(0, 2) + w.slice(3), (w) => w.replace(/[oOlI]/, (c) => (c.toLowerCase() === 'o' ? '0' : '1'))];
  const letters = [...devTexts('text-poppler', false), ...devTexts('text-poppler', true)];
  let outcomes = 0;
  let outcomesRead = 0;
  for (const [id, text] of letters) {
    const clean = extractLetter(id, text);
    if (!clean.ok) continue;
    clean.record.items.forEach((item, k) => {
      if (!item.outcome) return;
      const { start, end } = item.outcome;
      for (const damage of DAMAGE) {
        outcomes++;
        const r = extractLetter(id, text.slice(0, start) + damage(text.slice(start, end)) + text.slice(end));
        if (r.ok && r.record.n_items === clean.record.n_items && r.record.items[k]?.outcome?.value === item.outcome.value) outcomesRead++;
      }
    });
  }
  m['dev letters, one outcome word damaged (4 ways): outcome read %'] = (100 * outcomesRead) / outcomes;
  const sweep = damageSweep(letters);
  const total = (pick: (k: string) => boolean) => Object.entries(sweep.kinds).filter(([k]) => pick(k)).reduce((a, [, n]) => a + n, 0);
  m['damage sweep: fields lost or changed by a damaged heading or label, said'] = total((k) => k.includes('label or context') && k.endsWith(' said'));
  m['damage sweep: the same, silent'] = total((k) => k.includes('label or context') && k.endsWith('SILENT'));

  // The corpus's answer keys: the one place occupations are stated.
  const keys = new Map(
    readdirSync(join(ROOT, 'test', 'corpus-key'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(ROOT, 'test', 'corpus-key', f), 'utf8')) as { case_id: string; summary?: { occupation?: string | null } })
      .filter((k) => k.summary && 'occupation' in k.summary)
      .map((k) => [k.case_id, k.summary!.occupation ?? null]),
  );
  let occupations = 0;
  for (const f of readdirSync(join(ROOT, 'corpus'), { recursive: true }) as string[]) {
    if (!f.endsWith('.txt')) continue;
    const r = extractLetter(f, readFileSync(join(ROOT, 'corpus', f), 'utf8'));
    if (r.ok && keys.has(r.record.case_id) && (r.record.occupation?.value.toLowerCase() ?? null) === (keys.get(r.record.case_id)?.toLowerCase() ?? null)) occupations++;
  }
  m[`corpus occupation % letters (${keys.size} keys)`] = (100 * occupations) / keys.size;

  const planted = readFileSync(join(ROOT, 'corpus', 'issues-2015', 'poppler-two-items.txt'), 'utf8');
  const at = planted.indexOf('Decision rationale:') + 'Decision rationale:'.length;
  const withNames = `${planted.slice(0, at)} Dr. Helena Marquez examined the worker. Gerald Fitzwilliam, M.D. agreed, and Jennifer Walsh reviewed it.${planted.slice(at)}`;
  const persons = (text: string) => {
    const r = extractLetter('x.txt', text);
    return r.ok ? r.record.identifiers.filter((h) => h.kind === 'person').length : 0;
  };
  m['person names found, 3 planted in a letter'] = persons(withNames);
  let alarms = 0;
  for (const f of readdirSync(join(LETTERS, 'dev', 'text-poppler'))) alarms += persons(readFileSync(join(LETTERS, 'dev', 'text-poppler', f), 'utf8'));
  m['person names found in the redacted dev letters (false alarms)'] = alarms;
  return m;
}

// ------------------------------------------------------------- the copies

function copyProject(dir: string, patches: readonly Patch[]): void {
  for (const part of ['src', 'scripts', 'lexicons', 'data', 'corpus', join('test', 'fixtures'), join('test', 'annotations'), join('test', 'corpus-key')]) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(dir, file));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  for (const [file, from, to] of patches) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (text.split(from).length !== 2) throw new Error(`ablate: "${from}" is not found exactly once in ${file}; the ablation needs updating`);
    writeFileSync(path, text.replace(from, to));
  }
}

function run(dir: string): Measures {
  // A stand-in may leave an import unused: the copy is built without that check.
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json'), '--noUnusedLocals', 'false'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`ablate: build failed in ${dir}: ${build.stdout}${build.stderr}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'scripts', 'ablate.ts'), '--measure'], { cwd: dir, encoding: 'utf8', env: { ...process.env, IMR_SHARED: SHARED }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`ablate: measuring failed in ${dir}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measures;
}

/** Each patch of an ablation applies to the project's source as it is: its text found there exactly once (test/unit/ablate.test.ts). */
export function patchesApply(a: Ablation): string[] {
  return a.patches.filter(([file, from]) => readFileSync(join(ROOT, file), 'utf8').split(from).length !== 2).map(([file, from]) => `${file}: ${from}`);
}

const main = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
const { values } = main ? parseArgs({ options: { measure: { type: 'boolean', default: false }, only: { type: 'string' } } }) : { values: null };
if (values?.measure) {
  console.log(JSON.stringify(await measure()));
} else if (values) {
  if (!hasShared()) {
    console.error(`ablate: ${LETTERS} not found; the dev letters live in ../shared beside the project (or set IMR_SHARED).`);
    process.exit(2);
  }
  const chosen = ABLATIONS.filter((a) => !values.only || a.name === values.only);
  const root = mkdtempSync(join(tmpdir(), 'imr-ablations-'));
  try {
    const results: [string, Measures][] = [];
    for (const a of [{ name: 'as built', what: '', patches: [] }, ...chosen]) {
      const dir = join(root, a.name.replace(/\W+/g, '-'));
      mkdirSync(dir);
      copyProject(dir, a.patches);
      console.error(`measuring: ${a.name}${a.what ? ` (${a.what})` : ''}`);
      results.push([a.name, run(dir)]);
    }
    const names = Object.keys(results[0]![1]);
    const cell = (x: number) => (Number.isInteger(x) ? String(x) : x < 1.0001 ? x.toFixed(3) : x.toFixed(1));
    console.log(`| measure | ${results.map(([n]) => n).join(' | ')} |`);
    console.log(`| --- | ${results.map(() => '---:').join(' | ')} |`);
    for (const k of names) {
      const base = results[0]![1][k]!;
      console.log(`| ${k} | ${results.map(([, r], i) => (i > 0 && r[k] === base ? '=' : cell(r[k]!))).join(' | ')} |`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
