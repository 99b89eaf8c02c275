/**
 * `imr report`: a dataset folder to one self-contained HTML page of overturn
 * rates, with beside it the same tables as CSV files, the members of every
 * group (`<name>.cases/`) and, when the letters are at hand, a page of
 * sampled letters per group and their explain pages (`<name>.explain/`).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { neutralise, unneutralised } from '../sinks/csv.js';
import { aggregate, type DaysTable, type RateTable, type Report, type ReportFilter } from './aggregate.js';
import { rowLabel } from './charts.js';
import { escapeHtml as h } from './escape.js';
import { claimFolder, fileName, GroupFiles, MARKER, type SampledLetter } from './groups.js';
import { reportHtml, type PageLinks } from './html.js';
import { policyDates } from './policy.js';
import { percent } from './stats.js';
import { keyLabels, type TableSpec } from './tables.js';

export { aggregate, DatasetError, type DaysRow, type DaysTable, type RateRow, type RateTable, type Report, type ReportFilter } from './aggregate.js';
export { TABLES, type TableId, type TableSpec } from './tables.js';
export { proportion, wilson, Z95 } from './stats.js';

const round = (x: number | null): string | number => (x === null ? '' : Number(x.toFixed(6)));

/** One rate table as CSV (RFC 4180, CRLF): key columns, counts, rate and Wilson bounds as fractions, the group's member file. */
export function tableCsv(table: RateTable, casesDir: string): string {
  const counts = { cases: ['cases', 'n_cases', 'share'], reasons: ['items_with_reason', 'n_items', 'share'], items: ['n_items', 'overturned', 'rate'], days: [] }[table.spec.unit];
  const head = [...table.spec.keys, ...counts, 'wilson_low', 'wilson_high', 'cases_csv'];
  const rows = table.rows.map((r) => [
    ...r.key.map(neutralise),
    ...(table.spec.unit === 'items' ? [r.n, r.k] : [r.k, r.n]),
    round(r.rate),
    round(r.low),
    round(r.high),
    r.group ? `${casesDir}/${r.group}.csv` : '',
  ]);
  return stringify([head, ...rows], { record_delimiter: 'windows' });
}

/** The timeliness table as CSV: per interval and decision year, the counted cases, median and quartiles, and what was left out. */
export function daysCsv(table: DaysTable, casesDir: string): string {
  const head = [...table.spec.keys, 'n_cases', 'median_days', 'q1_days', 'q3_days', 'negative_left_out', 'over_365_left_out', 'date_missing', 'cases_csv'];
  const rows = table.rows.map((r) => [...r.key, r.n, r.median ?? '', r.q1 ?? '', r.q3 ?? '', r.negative, r.overMax, r.missing, r.group ? `${casesDir}/${r.group}.csv` : '']);
  return stringify([head, ...rows], { record_delimiter: 'windows' });
}

const stem = (outHtml: string) => basename(outHtml).replace(/\.html?$/i, '');

/** `<dir>/<name>.html` gives `<name>.<table>.csv` beside it. */
export function csvPath(outHtml: string, tableId: string): string {
  return join(dirname(outHtml), `${stem(outHtml)}.${tableId}.csv`);
}

/** The folders beside `<dir>/<name>.html`: `<name>.cases` (members of each group) and `<name>.explain` (explain pages). */
export function reportFolders(outHtml: string): { cases: string; explain: string } {
  return { cases: join(dirname(outHtml), `${stem(outHtml)}.cases`), explain: join(dirname(outHtml), `${stem(outHtml)}.explain`) };
}

export interface ReportOptions {
  /**
   * The folder the dataset's source_file paths are relative to, and how many
   * letters to sample per group: writes a page of each group's sampled
   * letters and their explain pages.
   */
  letters?: { dir: string; perGroup: number };
}

export interface WrittenReport {
  report: Report;
  html: string;
  csv: string[];
  /** The folder of the member files. */
  cases: string;
  /** The explain pages written (none without letters). */
  explain: { dir: string; pages: number; missing: number; failed: number } | null;
}

const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const PAGE_CSS = `
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2430; background: #fbfcfd; }
main { max-width: 900px; margin: 0 auto; padding: 20px 16px 48px; }
h1 { font-size: 1.3em; margin: 0 0 4px; }
.sub, .note { color: #5b6575; font-size: .9em; overflow-wrap: anywhere; }
a { color: #1f5fa0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92em; }
th, td { border-bottom: 1px solid #d9dee6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; }
td.src { overflow-wrap: anywhere; color: #5b6575; font-family: ui-monospace, monospace; font-size: .9em; }
`;

/** The page of a group's sampled letters, each case id linked to its explain page. */
function groupPage(o: { title: string; label: string; summary: string; backHref: string; csvHref: string; letters: SampledLetter[]; members: number; explainHref: Map<string, string> }): string {
  const rows = o.letters
    .map((l) => {
      const href = o.explainHref.get(l.source);
      const id = href ? `<a href="${h(href)}">${h(l.caseId)}</a>` : h(l.caseId);
      return `<tr><td>${id}</td><td>${h(l.detail)}</td><td class="src">${h(l.source)}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(`${o.label} — ${o.title}`)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<p class="sub"><a href="${h(o.backHref)}">← report</a></p>
<h1>${h(o.label)}</h1>
<p class="sub">${h(o.title)}: ${h(o.summary)}.</p>
<p class="note">${o.letters.length === o.members ? `All ${o.members} letters of the group` : `${o.letters.length} of the group's ${o.members} letters, a uniform sample (those with the smallest hash of their source_file)`}; every member is in <a href="${h(o.csvHref)}">the group's CSV</a>. A case id opens the letter's explain page.</p>
<div class="scroll"><table><thead><tr><th>case id</th><th>in this group</th><th>source_file</th></tr></thead><tbody>
${rows}
</tbody></table></div>
</main>
</body>
</html>
`;
}

/** The explain pages of the sampled letters; returns where each went, relative to the report's folder. */
async function writeExplainPages(
  letters: string,
  dir: string,
  samples: Iterable<{ letters: SampledLetter[] }>,
): Promise<{ href: Map<string, string>; pages: number; missing: number; failed: number }> {
  // Loaded here: a report without letters does not load the extractor.
  const { explainFile, explainHtml } = await import('../explain/index.js');
  const bySource = new Map<string, string>();
  for (const s of samples) for (const l of s.letters) bySource.set(l.source, l.caseId);
  const taken = new Set<string>();
  const href = new Map<string, string>();
  let missing = 0;
  let failed = 0;
  for (const source of [...bySource.keys()].sort()) {
    // source_file as cases.csv holds it: neutralised, unless the dataset was written with --raw-csv.
    const path = [unneutralised(source), source].map((s) => join(letters, s)).find((p) => existsSync(p));
    if (!source || !path) {
      missing++;
      continue;
    }
    try {
      const name = `${fileName([bySource.get(source)!], taken)}.html`;
      writeFileSync(join(dir, name), explainHtml(await explainFile(path)));
      href.set(source, `${basename(dir)}/${name}`);
    } catch {
      failed++;
    }
  }
  return { href, pages: href.size, missing, failed };
}

/** Aggregates the dataset in `datasetDir` and writes the page, its CSV tables, the member files and (with letters) the letter pages. */
export async function writeReport(datasetDir: string, outHtml: string, filter: ReportFilter = {}, options: ReportOptions = {}): Promise<WrittenReport> {
  const perGroup = options.letters?.perGroup ?? 0;
  const folders = reportFolders(outHtml);
  mkdirSync(dirname(outHtml), { recursive: true });
  let files: GroupFiles | null = null;
  const report = await aggregate(datasetDir, filter, () => {
    claimFolder(folders.cases);
    return (files = new GroupFiles(folders.cases, perGroup));
  });
  const groups = files as GroupFiles | null;
  if (!groups) throw new Error('the member files were not opened');
  groups.finish();
  const casesRel = basename(folders.cases);

  const tableFiles: Record<string, string> = {};
  const csv: string[] = [];
  for (const table of [...report.tables, report.timeliness]) {
    if (table.missing) continue;
    const path = csvPath(outHtml, table.spec.id);
    writeFileSync(path, table.spec.unit === 'days' ? daysCsv(table as DaysTable, casesRel) : tableCsv(table as RateTable, casesRel));
    tableFiles[table.spec.id] = basename(path);
    csv.push(path);
  }

  const letterPages = new Set<string>();
  let explain: WrittenReport['explain'] = null;
  if (options.letters !== undefined) {
    claimFolder(folders.explain);
    const samples = groups.samples();
    const written = await writeExplainPages(options.letters.dir, folders.explain, samples.values());
    explain = { dir: folders.explain, pages: written.pages, missing: written.missing, failed: written.failed };
    const summaries = groupSummaries(report);
    for (const [group, s] of samples) {
      const depth = '../'.repeat(group.split('/').length);
      const info = summaries.get(group)!;
      const explainHref = new Map([...written.href].map(([source, rel]) => [source, `${depth}${enc(rel)}`]));
      const page = groupPage({
        ...info,
        backHref: `${depth}${enc(basename(outHtml))}${s.spec.view === 'none' ? '' : `#t-${s.spec.id}`}`,
        csvHref: `${enc(group.split('/').pop()!)}.csv`,
        letters: s.letters,
        members: s.members,
        explainHref,
      });
      writeFileSync(join(folders.cases, `${group}.html`), page);
      letterPages.add(group);
    }
  } else if (existsSync(join(folders.explain, MARKER))) {
    // Explain pages of an earlier report of this name would no longer be linked.
    rmSync(folders.explain, { recursive: true, force: true });
  }

  const links: PageLinks = {
    tableCsv: tableFiles,
    casesDir: casesRel,
    letterPages,
    explain: explain && { dir: basename(explain.dir), pages: explain.pages, missing: explain.missing, failed: explain.failed, perGroup, letters: options.letters!.dir },
    policy: policyDates(),
  };
  writeFileSync(outHtml, reportHtml(report, links));
  return { report, html: outHtml, csv, cases: folders.cases, explain };
}

/** For each group with member files: its table's title, its label and a one-line summary of its counts. */
function groupSummaries(report: Report): Map<string, { title: string; label: string; summary: string }> {
  const out = new Map<string, { title: string; label: string; summary: string }>();
  const put = (spec: TableSpec, group: string | undefined, label: string, summary: string) => {
    if (group) out.set(group, { title: spec.title, label, summary });
  };
  for (const t of report.tables) {
    for (const r of t.rows) {
      const summary =
        t.spec.unit === 'items'
          ? `${r.k} of ${r.n} items overturned (${percent(r.rate)})`
          : t.spec.unit === 'reasons'
            ? `${r.k} of ${r.n} items give this reason (${percent(r.rate)})`
            : `${r.k} of ${r.n} cases (${percent(r.rate)})`;
      put(t.spec, r.group, rowLabel(t, r), summary);
    }
  }
  for (const r of report.timeliness.rows) {
    put(report.timeliness.spec, r.group, keyLabels(report.timeliness.spec, r.key).join(' › '), `median ${r.median ?? '—'} days over ${r.n} cases`);
  }
  return out;
}
