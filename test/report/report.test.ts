/**
 * `imr report` over real datasets: the bundled corpus, and the dev letters
 * where ../shared is present. Every table must equal a direct computation
 * from decisions.csv and cases.csv, with and without filters, and whichever
 * way the two files are joined.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/command.js';
import { report as reportCommand } from '../../src/commands/report.js';
import { escapeHtml } from '../../src/report/escape.js';
import { policyDates } from '../../src/report/policy.js';
import { aggregate, TABLES, writeReport, type Report } from '../../src/report/index.js';
import { runExtract } from '../../src/run/extract.js';
import { GOLD, LETTERS, hasShared } from '../../scripts/shared.js';
import { direct, directDays, directReasons, quantile7, readCsv, type Counts, type Direct, type Row } from './direct.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imr-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ITEM_TABLES = TABLES.filter((t) => t.unit === 'items').map((t) => t.id);

/** The report's tables in the shape of `direct`. */
function tablesOf(report: Report): Record<string, Map<string, Counts>> {
  return Object.fromEntries(
    report.tables.filter((t) => t.spec.unit === 'items').map((t) => [t.spec.id, new Map(t.rows.map((r) => [r.key.join(' / '), { n: r.n, k: r.k }]))]),
  );
}

/** The timeliness table equals a direct computation: counts, what was left out, medians and quartiles. */
function expectSameDays(report: Report, dir: string, select?: (d: Row, c: Row) => boolean): void {
  const want = directDays(dir, select);
  const got = new Map(report.timeliness.rows.map((r) => [r.key.join(' / '), r]));
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [key, w] of want) {
    const r = got.get(key)!;
    expect({ n: r.n, negative: r.negative, overMax: r.overMax, missing: r.missing }, key).toEqual({ n: w.days.length, negative: w.negative, overMax: w.over, missing: w.missing });
    expect([r.q1, r.median, r.q3], key).toEqual([quantile7(w.days, 0.25), quantile7(w.days, 0.5), quantile7(w.days, 0.75)]);
  }
}

function expectSame(report: Report, want: Direct, skip: string[] = []): void {
  const got = tablesOf(report);
  for (const id of ITEM_TABLES.filter((t) => !skip.includes(t))) expect(Object.fromEntries(got[id]!), id).toEqual(Object.fromEntries(want.tables[id]!));
  const outcomes = report.tables.find((t) => t.spec.id === 'case_outcome')!;
  expect(Object.fromEntries(outcomes.rows.map((r) => [r.key[0], r.k]))).toEqual(Object.fromEntries(want.caseOutcomes));
  for (const r of outcomes.rows) expect(r.n).toBe(want.cases);
  expect(report.counts.casesSelected).toBe(want.cases);
  const all = want.tables.overall!.get('all') ?? { n: 0, k: 0 };
  expect({ n: report.overall.n, k: report.overall.k }).toEqual(all);
}

describe('report on the bundled corpus', () => {
  const ds = join(work, 'corpus');
  const out = join(work, 'out', 'report.html');
  let decisions: Row[];
  let result: Awaited<ReturnType<typeof writeReport>>;
  beforeAll(async () => {
    await runExtract({ inputs: [join(root, 'corpus')], out: ds, rawCsv: false });
    decisions = readCsv(join(ds, 'decisions.csv'));
    result = await writeReport(ds, out);
  });

  it('joins the files in step (they are written in the same order)', () => {
    expect(result.report.join).toBe('merge');
    expect(result.report.counts).toMatchObject({ decisionsRead: decisions.length, itemsSelected: decisions.length, unmatched: 0, unknownOutcome: 0 });
  });

  it('equals a direct computation from decisions.csv and cases.csv, table by table', () => {
    expectSame(result.report, direct(ds));
    expectSameDays(result.report, ds);
    expect(result.report.timeliness.rows.filter((r) => r.n > 0).length).toBeGreaterThan(5);
  });

  it('gives the share of items with each reason, by outcome and (upheld items) by category, as a direct computation does', () => {
    const want = directReasons(ds);
    expect(want.reasons_by_outcome.size).toBeGreaterThan(3);
    for (const id of ['reasons_by_outcome', 'reasons_by_category'] as const) {
      const table = result.report.tables.find((t) => t.spec.id === id)!;
      expect(table.missing).toBeUndefined();
      expect(Object.fromEntries(table.rows.map((r) => [r.key.join(' / '), { n: r.n, k: r.k }])), id).toEqual(Object.fromEntries(want[id]));
      for (const r of table.rows) expect(r.low! <= r.rate! && r.rate! <= r.high!).toBe(true);
    }
    expect(readFileSync(join(work, 'out', 'report.reasons_by_outcome.csv'), 'utf8').split('\r\n')[0]).toBe('outcome,reason,items_with_reason,n_items,share,wilson_low,wilson_high,cases_csv');
  });

  it('says how many items with a rationale but no reason read the reason tables leave out', () => {
    const unread = (outcome: string) => decisions.filter((d) => d.outcome === outcome && !d.reasons && /\S/.test(d.rationale ?? '')).length;
    expect(result.report.counts.reasonsUnread).toEqual({ upheld: unread('upheld'), overturned: unread('overturned') });
    expect(unread('upheld')).toBeGreaterThan(0);
    const html = readFileSync(out, 'utf8');
    const n = unread('upheld') + unread('overturned');
    expect(html).toContain(`<p class="note warn" id="unread-reasons_by_outcome">${n} item${n === 1 ? '' : 's'} with a rationale in which no reason could be read`);
    expect(html).toContain(`<p class="note warn" id="unread-reasons_by_category">${unread('upheld')} upheld item`);
  });

  it('lists every treatment category (and subcategory) present in decisions.csv, in the page and the CSV', () => {
    const html = readFileSync(out, 'utf8');
    const csv = readCsv(join(work, 'out', 'report.treatment_category.csv'));
    const categories = [...new Set(decisions.map((d) => d.treatment_category!))];
    expect(categories.length).toBeGreaterThan(3);
    for (const c of categories) {
      expect(html).toContain(`data-key="${escapeHtml(c)}"`);
      const row = csv.find((r) => r.treatment_category === c)!;
      const items = decisions.filter((d) => d.treatment_category === c);
      const over = items.filter((d) => d.outcome === 'overturned').length;
      expect(Number(row.n_items)).toBe(items.length);
      expect(Number(row.overturned)).toBe(over);
      expect(Number(row.rate)).toBeCloseTo(over / items.length, 6);
      expect(Number(row.wilson_low)).toBeLessThanOrEqual(Number(row.rate));
      expect(Number(row.wilson_high)).toBeGreaterThanOrEqual(Number(row.rate));
    }
    const sub = readCsv(join(work, 'out', 'report.treatment_subcategory.csv'));
    for (const d of decisions) expect(sub.some((r) => r.treatment_category === d.treatment_category && r.treatment_subcategory === d.treatment_subcategory)).toBe(true);
  });

  it('writes one CSV per table beside the page, the members of the groups, and a self-contained page', () => {
    const files = readdirSync(join(work, 'out')).sort();
    expect(files).toEqual(['report.html', 'report.cases', ...TABLES.map((t) => `report.${t.id}.csv`)].sort());
    for (const f of result.csv) expect(readFileSync(f, 'utf8')).toMatch(/\r\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/src="(https?:)?\/\//i);
    // The only links out are the DWC sources of the policy dates (links, not fetches).
    const external = [...html.matchAll(/href="((?:https?:)?\/\/[^"]*)"/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((u) => !policyDates().some((d) => d.url === u))).toEqual([]);
  });

  it('counts the cases not read whole, and leaves them out with excludeIncomplete', async () => {
    const cases = readCsv(join(ds, 'cases.csv'));
    const incomplete = new Set(cases.filter((c) => c.items_complete === 'false').map((c) => c.case_id!));
    expect(incomplete.size).toBeGreaterThan(0);
    const items = decisions.filter((d) => incomplete.has(d.case_id!) && (d.outcome === 'upheld' || d.outcome === 'overturned')).length;
    expect(result.report.counts).toMatchObject({ incompleteCases: incomplete.size, incompleteItems: items });
    const kept = (_d: Row, c: Row) => c.items_complete !== 'false';
    const r = await aggregate(ds, { excludeIncomplete: true });
    expect(r.counts).toMatchObject({ incompleteCases: incomplete.size, incompleteItems: items, itemsSelected: result.report.counts.itemsSelected - items });
    expectSame(r, direct(ds, kept));
    expectSameDays(r, ds, kept);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`${incomplete.size} cases (${items} items) with items_complete = false are included; --exclude-incomplete would leave them out`);
    const excluded = await writeReport(ds, join(work, 'excluded', 'report.html'), { excludeIncomplete: true });
    expect(readFileSync(excluded.html, 'utf8')).toContain(`${incomplete.size} cases (${items} items) with items_complete = false were left out (--exclude-incomplete)`);
  });

  it('filters by category', async () => {
    const r = await aggregate(ds, { category: 'Pharmaceuticals' });
    expectSame(r, direct(ds, (d) => d.treatment_category === 'Pharmaceuticals'));
    expect(r.tables.find((t) => t.spec.id === 'treatment_category')!.rows.map((x) => x.key[0])).toEqual(['Pharmaceuticals']);
  });

  it('filters by decision date (inclusive; undated cases left out)', async () => {
    const from = '2014-01-01';
    const to = '2017-06-30';
    const r = await aggregate(ds, { from, to });
    const want = direct(ds, (_d, c) => !!c.decision_date && c.decision_date >= from && c.decision_date <= to);
    expect(want.tables.overall!.get('all')!.n).toBeGreaterThan(0);
    expect(want.tables.overall!.get('all')!.n).toBeLessThan(decisions.length);
    expectSame(r, want);
    const both = await aggregate(ds, { from, to, category: 'Rehabilitation' });
    expectSame(both, direct(ds, (d, c) => d.treatment_category === 'Rehabilitation' && !!c.decision_date && c.decision_date >= from && c.decision_date <= to));
  });

  it('gives the same tables when the files are not in step (joined through an index)', async () => {
    const shuffled = join(work, 'shuffled');
    mkdirSync(shuffled, { recursive: true });
    copyFileSync(join(ds, 'cases.csv'), join(shuffled, 'cases.csv'));
    const [head, ...rows] = readFileSync(join(ds, 'decisions.csv'), 'utf8').split('\r\n').filter(Boolean);
    writeFileSync(join(shuffled, 'decisions.csv'), [head, ...rows.reverse()].join('\r\n') + '\r\n');
    const r = await aggregate(shuffled);
    expect(r.join).toBe('index');
    expectSame(r, direct(ds));
  });

  it('counts a letter given twice (one case number, two files) as two cases, whichever way the files are joined', async () => {
    const letters = join(work, 'twice');
    const first = readdirSync(join(root, 'corpus', 'issues-2015')).filter((f) => f.endsWith('.txt')).sort()[0]!;
    for (const copy of ['a', 'b']) {
      mkdirSync(join(letters, copy), { recursive: true });
      copyFileSync(join(root, 'corpus', 'issues-2015', first), join(letters, copy, first));
    }
    const twice = join(work, 'twice-ds');
    await runExtract({ inputs: [letters], out: twice, rawCsv: false });
    const cases = readCsv(join(twice, 'cases.csv'));
    expect(cases.map((c) => c.case_id)).toEqual([cases[0]!.case_id, cases[0]!.case_id]);
    const inStep = await aggregate(twice);
    expect(inStep.join).toBe('merge');
    expect(inStep.counts.casesSelected).toBe(2);
    expectSame(inStep, direct(twice));
    const [head, ...rows] = readFileSync(join(twice, 'decisions.csv'), 'utf8').split('\r\n').filter(Boolean);
    writeFileSync(join(twice, 'decisions.csv'), [head, ...rows.reverse()].join('\r\n') + '\r\n');
    const indexed = await aggregate(twice);
    expect(indexed.join).toBe('index');
    expect(indexed.counts.casesSelected).toBe(2);
    expectSame(indexed, direct(twice));
  });

  it('reads a dataset of an older version: the tables whose columns it lacks are noted and get no member files', async () => {
    const old = join(work, 'older');
    mkdirSync(old, { recursive: true });
    const drop = (file: string, columns: string[]) => {
      const rows = readCsv(join(ds, file)).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !columns.includes(k))));
      writeFileSync(join(old, file), stringify([Object.keys(rows[0]!), ...rows.map((r) => Object.values(r))], { record_delimiter: 'windows' }));
    };
    drop('cases.csv', ['items_complete']);
    drop('decisions.csv', ['drug', 'reasons']);
    const r = await writeReport(old, join(work, 'older-report', 'report.html'));
    const missing = Object.fromEntries(r.report.tables.filter((t) => t.missing).map((t) => [t.spec.id, t.missing]));
    expect(Object.keys(missing).sort()).toEqual(['drug', 'reasons_by_category', 'reasons_by_outcome']);
    expect(missing.drug).toBe('decisions.csv has no drug column (a dataset from an older version?)');
    expect(readdirSync(r.cases).sort()).toEqual([...TABLES.map((t) => t.id as string).filter((id) => !(id in missing)), '.imr-report'].sort());
    expect(r.report.hasCompleteness).toBe(false);
    expect(readFileSync(r.html, 'utf8')).toContain('cases.csv has no items_complete column');
    expectSame(r.report, direct(ds), ['drug']);
    await expect(aggregate(old, { excludeIncomplete: true })).rejects.toThrow(/no items_complete column/);
  });

  it('renders an empty selection', async () => {
    const r = await writeReport(ds, join(work, 'empty', 'r.html'), { from: '1990-01-01', to: '1990-12-31' });
    expect(r.report.overall).toEqual({ n: 0, k: 0, rate: null, low: null, high: null });
    expect(readFileSync(r.html, 'utf8')).toContain('No selected item.');
  });

  it('the command validates its flags and the dataset folder', async () => {
    await expect(reportCommand.run([ds], { from: '2014-13-01' })).rejects.toThrow(UsageError);
    await expect(reportCommand.run([ds], { category: 'Magic' })).rejects.toThrow(/must be one of/);
    await expect(reportCommand.run([ds], { from: '2015-01-01', to: '2014-01-01' })).rejects.toThrow(UsageError);
    await expect(reportCommand.run([], {})).rejects.toThrow(UsageError);
    await expect(reportCommand.run([ds], { letters: join(work, 'no-letters-here') })).rejects.toThrow(/--letters .* is not a folder/);
    await expect(reportCommand.run([ds], { letters: root, 'letters-per-group': '0' })).rejects.toThrow(/--letters-per-group needs a whole number/);
    await expect(reportCommand.run([ds], { 'letters-per-group': '5' })).rejects.toThrow(/needs --letters/);
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(await reportCommand.run([join(work, 'nowhere')], { out: join(work, 'x.html') })).toBe(2);
    } finally {
      process.stderr.write = stderr;
    }
    const stdout = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(await reportCommand.run([ds], { out: join(work, 'cli', 'r.html'), category: 'dmepos' })).toBe(0);
    } finally {
      process.stdout.write = stdout;
    }
    expect(readCsv(join(work, 'cli', 'r.treatment_category.csv')).map((r) => r.treatment_category)).toEqual(['DMEPOS']);
  });
});

const present = hasShared();
if (!present) console.warn(`NOTE: ${LETTERS} is absent, so the report tests on the dev letters are skipped.`);

describe.skipIf(!present)('report on the dev letters (text-poppler)', () => {
  /** The gold overturn counts of the given letters' annotations. */
  function goldCounts(names: string[]): Counts {
    let n = 0;
    let k = 0;
    for (const name of names) {
      const g = JSON.parse(readFileSync(join(GOLD, `${name}.json`), 'utf8')) as { items: { outcome: string }[] };
      n += g.items.length;
      k += g.items.filter((i) => i.outcome === 'overturned').length;
    }
    return { n, k };
  }
  const dev = join(LETTERS, 'dev', 'text-poppler');
  const names = existsSync(dev) ? readdirSync(dev).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt')) : [];

  it('reproduces the gold overall overturn rate (without the seed: 30 of 279)', async () => {
    const ds = join(work, 'dev');
    await runExtract({ inputs: [dev], out: ds, rawCsv: false });
    const r = (await writeReport(ds, join(work, 'dev-report', 'report.html'))).report;
    const gold = goldCounts(names);
    expect({ n: r.overall.n, k: r.overall.k }).toEqual(gold);
    expect(gold).toEqual({ n: 279, k: 30 });
    expect(r.overall.rate).toBeCloseTo(0.1075, 4);
    expectSame(r, direct(ds));
  });

  it('and with the seed letter: 31 of 281', async () => {
    const ds = join(work, 'dev-seed');
    await runExtract({ inputs: [dev, join(LETTERS, 'seed')], out: ds, rawCsv: false });
    const r = await aggregate(ds);
    const gold = goldCounts([...names, 'seed-000']);
    expect({ n: r.overall.n, k: r.overall.k }).toEqual(gold);
    expect(gold).toEqual({ n: 281, k: 31 });
  });
});
