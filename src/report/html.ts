/**
 * The report as one self-contained HTML page: inline CSS, inline SVG, no
 * script, no external resource (a Content-Security-Policy forbids any
 * fetch). Each group links to the CSV of its members and, when the letters
 * were at hand, to a page of its sampled letters; wide tables scroll inside
 * their own box, so the page itself never overflows a phone's width.
 */
import type { DaysRow, DaysTable, RateRow, RateTable, Report } from './aggregate.js';
import { bars, datesInSpan, daysBars, interval, rowLabel, sideBars, SMALL_N, trend, CHART_MAX_ROWS } from './charts.js';
import { escapeHtml as h } from './escape.js';
import type { PolicyDate } from './policy.js';
import { percent } from './stats.js';
import { emptyLabel, keyLabels, TABLES, type TableSpec } from './tables.js';
import { INTERVALS, MAX_DAYS } from './timeliness.js';

export interface PageLinks {
  /** `<table id>` → the table's CSV file name, beside the page. */
  tableCsv: Record<string, string>;
  /** The folder of the member files, relative to the page (`report.cases`). */
  casesDir: string;
  /** Groups (`<table>/<name>`) with a page of sampled letters. */
  letterPages: Set<string>;
  /** What was written of the explain pages, when --letters was given. */
  explain: { dir: string; pages: number; missing: number; failed: number; perGroup: number; letters: string } | null;
  policy: PolicyDate[];
}

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --rule: #d9dee6; --bar: #4a78a8; --bar2: #d08c3c; --bg: #fbfcfd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.6em; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 1.2em; margin: 40px 0 4px; padding-top: 8px; border-top: 1px solid var(--rule); }
h2 .n { color: var(--muted); font-weight: 500; margin-right: .4em; }
h3 { font-size: 1em; margin: 18px 0 4px; }
a { color: #1f5fa0; }
.sub { color: var(--muted); margin: 0 0 16px; overflow-wrap: anywhere; }
.headline { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; flex: 1 1 200px; }
.card .big { font-size: 1.8em; font-weight: 650; }
.card .lbl { color: var(--muted); font-size: .85em; }
.note { color: var(--muted); font-size: .9em; margin: 4px 0 8px; }
.warn { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px 10px; color: var(--ink); }
nav ol { columns: 2; column-gap: 32px; padding-left: 24px; margin: 8px 0; }
nav li { break-inside: avoid; }
.scroll { overflow-x: auto; max-width: 100%; margin: 8px 0; -webkit-overflow-scrolling: touch; }
.bars { margin: 8px 0 4px; }
.bar-row { display: grid; grid-template-columns: minmax(0, 15em) minmax(0, 1fr) 10em; column-gap: 10px; align-items: center; min-height: 22px; }
.bar-row .lbl { font-size: .86em; text-align: right; overflow-wrap: anywhere; line-height: 1.2; padding: 2px 0; }
.bar-row .track { background-image: linear-gradient(to right, #e3e7ec 1px, transparent 1px); border-right: 1px solid #e3e7ec; }
.bar-row .track svg { display: block; width: 100%; height: 20px; }
.bar-row .val { font-size: .84em; font-variant-numeric: tabular-nums; line-height: 1.2; }
.bar-row .val span { color: var(--muted); white-space: nowrap; }
.bar-row.small .lbl, .bar-row.small .val { color: var(--muted); }
.bar-row.axis { min-height: 18px; }
.bar-row.axis .ticks { position: relative; height: 18px; font-size: .75em; color: var(--muted); }
.bar-row.axis .ticks span { position: absolute; transform: translateX(-50%); bottom: 0; }
svg .ref { stroke: #b04a4a; stroke-dasharray: 4 3; }
svg .bar { fill: var(--bar); }
.small svg .bar { fill: #a9bdd3; }
svg .bar.b { fill: var(--bar2); }
svg .ci { stroke: #1d2430; stroke-width: 1.4; }
svg .box { fill: #bcd0e6; stroke: var(--bar); }
svg .median { stroke: #1d2430; stroke-width: 2.5; }
.sides .val { line-height: 1.15; }
.ka { color: var(--bar) !important; }
.kb { color: #9a5a1a !important; }
.legend { font-size: .82em; color: var(--muted); margin: 2px 0 10px; }
.legend span { display: inline-block; vertical-align: middle; margin: 0 4px 0 10px; }
.key-ref { width: 18px; border-top: 2px dashed #b04a4a; }
.key-a, .key-b, .key-box { width: 14px; height: 10px; background: var(--bar); }
.key-b { background: var(--bar2); }
.key-box { background: #bcd0e6; border: 1px solid var(--bar); }
.key-median { width: 3px; height: 12px; background: #1d2430; }
svg.trend { display: block; min-width: 600px; width: 100%; max-width: 760px; height: auto; }
svg.trend text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg.trend .axis { fill: var(--muted); }
svg.trend .axisline { stroke: #9aa3b0; }
svg.trend .grid { stroke: #e6e9ee; }
svg.trend .year { stroke: #eef0f3; }
svg.trend .line { fill: none; stroke: var(--bar); stroke-width: 1.5; }
svg.trend .pt circle { fill: var(--bar); stroke: #fff; stroke-width: 1; }
svg.trend .pt.small circle { fill: #a9bdd3; }
svg.trend .policy line { stroke: #7a4fa0; stroke-width: 1.2; stroke-dasharray: 2 3; }
svg.trend .policy circle { fill: #fff; stroke: #7a4fa0; }
svg.trend .policy text { fill: #7a4fa0; font-weight: 600; font-size: 11px; }
ol.policy { font-size: .88em; padding-left: 0; list-style: none; margin: 6px 0 12px; }
ol.policy li { margin: 3px 0 3px 28px; text-indent: -28px; }
ol.policy .mark { display: inline-block; width: 20px; height: 20px; line-height: 18px; border: 1px solid #7a4fa0; border-radius: 50%; color: #7a4fa0; text-align: center; font-weight: 600; font-size: .85em; text-indent: 0; margin-right: 8px; }
ol.policy .mark.out { border-style: dashed; }
table { border-collapse: collapse; background: #fff; font-size: .9em; }
table.data { width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.key { min-width: 6em; overflow-wrap: break-word; }
td.links { white-space: nowrap; font-size: .88em; }
td .ci { color: var(--muted); font-size: .88em; }
table.sides td.links a { display: block; }
table.sides td.links .sep { display: none; }
table.sides th.party { text-align: center; border-left: 1px solid var(--rule); }
table.sides tr > :nth-child(6) { border-left: 1px solid var(--rule); }
table.sides thead tr:nth-child(2) > :nth-child(5) { border-left: 1px solid var(--rule); }
tr.small td { color: var(--muted); }
table.matrix th[scope=row] { position: sticky; left: 0; z-index: 1; background: #f7f9fb; min-width: 9em; max-width: 14em; }
table.matrix td { text-align: center; white-space: nowrap; min-width: 4.5em; }
table.matrix thead th { vertical-align: bottom; }
table.matrix td .r { display: block; font-weight: 600; font-variant-numeric: tabular-nums; }
table.matrix td a, table.matrix td .c { font-size: .82em; }
table.matrix td.small { color: var(--muted); }
table.matrix td.small .r { font-weight: 500; }
table.matrix td.empty { background: #fafbfc; }
details > summary { cursor: pointer; color: #1f5fa0; font-size: .9em; margin: 6px 0; }
code { font-size: .92em; overflow-wrap: anywhere; }
footer, .methods { color: var(--muted); font-size: .86em; }
footer { margin-top: 40px; }
.methods li { margin: 4px 0; }
@media (max-width: 640px) {
  main { padding: 16px 12px 48px; }
  h1 { font-size: 1.35em; }
  nav ol { columns: 1; }
  .bar-row { grid-template-columns: minmax(0, 1fr) 8em; }
  .bar-row .lbl { grid-column: 1 / -1; text-align: left; padding-top: 4px; }
  .bar-row.axis .lbl { display: none; }
  .pct .bar-row.axis .ticks span:nth-child(2), .pct .bar-row.axis .ticks span:nth-child(4) { display: none; }
}
@media print {
  body { background: #fff; }
  nav { display: none; }
  .scroll { overflow: visible; }
  section { break-inside: avoid-page; }
  details:not([open]) > table { display: table; }
}
`;

/** Tables longer than this are folded (the CSV beside the page has them all). */
const FOLD_ROWS = 30;

const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The links of a group: its member CSV and, when there is one, its page of letters. */
function memberLinks(links: PageLinks, group: string | undefined): string {
  if (!group) return '';
  const base = `${enc(links.casesDir)}/${enc(group)}`;
  const letters = links.letterPages.has(group) ? `<span class="sep"> · </span><a href="${base}.html">letters</a>` : '';
  return `<a href="${base}.csv">cases</a>${letters}`;
}

function filterText(report: Report): string {
  const f = report.filter;
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`decision_date ${f.from ? `from ${f.from}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${f.to}` : ''} (cases without a decision date are left out)`);
  if (f.category !== undefined) parts.push(`treatment_category = ${f.category}`);
  if (f.excludeIncomplete) parts.push('cases with items_complete = false left out');
  return parts.length ? parts.join('; ') : 'none (every item of the dataset)';
}

function heads(spec: TableSpec): string {
  if (spec.unit === 'cases') return '<th class="num">cases</th><th class="num">of selected cases</th><th class="num">share</th><th class="num">Wilson 95% CI</th>';
  if (spec.unit === 'reasons') return '<th class="num">items giving it</th><th class="num">of items with reasons</th><th class="num">share</th><th class="num">Wilson 95% CI</th>';
  return '<th class="num">items</th><th class="num">overturned</th><th class="num">rate</th><th class="num">Wilson 95% CI</th>';
}

function fold(rows: number, table: string): string {
  return rows > FOLD_ROWS ? `<details><summary>All ${rows} groups</summary><div class="scroll">${table}</div></details>` : `<div class="scroll">${table}</div>`;
}

function rateTable(table: RateTable, links: PageLinks): string {
  const first = table.spec.unit === 'items' ? (r: RateRow) => [r.n, r.k] : (r: RateRow) => [r.k, r.n];
  const body = table.rows
    .map((row) => {
      const keys = keyLabels(table.spec, row.key).map((k) => `<td class="key">${h(k)}</td>`).join('');
      const [a, b] = first(row);
      return `<tr${row.n < SMALL_N ? ' class="small"' : ''} data-key="${h(row.key.join('\u241F'))}" data-n="${row.n}" data-k="${row.k}">${keys}<td class="num">${a}</td><td class="num">${b}</td><td class="num">${percent(row.rate, 2)}</td><td class="num">${interval(row)}</td><td class="links">${memberLinks(links, row.group)}</td></tr>`;
    })
    .join('\n');
  const keyHeads = table.spec.keys.map((k) => `<th>${h(k)}</th>`).join('');
  return fold(table.rows.length, `<table class="data" data-table="${h(table.spec.id)}"><thead><tr>${keyHeads}${heads(table.spec)}<th>members</th></tr></thead><tbody>\n${body}\n</tbody></table>`);
}

/** Two keys as rows × columns; each cell the rate, overturned/items and its members. */
function matrix(table: RateTable, links: PageLinks): string {
  const rowsOrder: string[] = [];
  const colTotals = new Map<string, number>();
  const cells = new Map<string, RateRow>();
  for (const r of table.rows) {
    const [a, b] = r.key as [string, string];
    if (!rowsOrder.includes(a)) rowsOrder.push(a);
    colTotals.set(b, (colTotals.get(b) ?? 0) + r.n);
    cells.set(`${a}\u0000${b}`, r);
  }
  const chronological = table.spec.keys[1] === 'decision_year';
  const cols = [...colTotals.keys()].sort((x, y) =>
    chronological || colTotals.get(y) === colTotals.get(x) ? (x === '' ? 1 : y === '' ? -1 : x < y ? -1 : x > y ? 1 : 0) : colTotals.get(y)! - colTotals.get(x)!,
  );
  const label = (k: string, i: number) => h(k === '' ? emptyLabel(table.spec, i) : k);
  const head = `<tr><th scope="col">${h(table.spec.keys[0]!)} ↓ · ${h(table.spec.keys[1]!)} →</th>${cols.map((c) => `<th scope="col" class="num">${label(c, 1)}</th>`).join('')}</tr>`;
  const body = rowsOrder
    .map((a) => {
      const tds = cols.map((b) => {
        const r = cells.get(`${a}\u0000${b}`);
        if (!r) return '<td class="empty"></td>';
        const shade = r.rate === null ? '' : ` style="background: rgba(74,120,168,${(0.06 + 0.5 * r.rate).toFixed(3)})"`;
        const count = r.group ? `<a href="${enc(links.casesDir)}/${enc(r.group)}.csv">${r.k}/${r.n}</a>` : `<span class="c">${r.k}/${r.n}</span>`;
        const letters = r.group && links.letterPages.has(r.group) ? ` <a href="${enc(links.casesDir)}/${enc(r.group)}.html" title="letters">✉</a>` : '';
        return `<td class="${r.n < SMALL_N ? 'small' : ''}"${shade} data-key="${h(r.key.join('\u241F'))}" data-n="${r.n}" data-k="${r.k}" title="${h(`${rowLabel(table, r)}: ${r.k} of ${r.n} overturned, 95% CI ${interval(r)}`)}"><span class="r">${percent(r.rate, 0)}</span>${count}${letters}</td>`;
      });
      return `<tr><th scope="row">${label(a, 0)}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table class="matrix" data-table="${h(table.spec.id)}"><thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

const PARTIES = [
  { id: 'claims_administrator', name: 'claims administrator (UR)' },
  { id: 'reviewer', name: 'IMR reviewer' },
] as const;

/** Each guideline family with what each party cited, side by side. */
function sides(table: RateTable, total: number, links: PageLinks): string {
  const families: string[] = [];
  const size = new Map<string, number>();
  for (const r of table.rows) {
    if (!families.includes(r.key[0]!)) families.push(r.key[0]!);
    size.set(r.key[0]!, (size.get(r.key[0]!) ?? 0) + r.n);
  }
  families.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : size.get(b)! - size.get(a)!));
  const find = (f: string, party: string) => table.rows.find((r) => r.key[0] === f && r.key[1] === party);
  const label = (f: string) => keyLabels(table.spec, [f])[0]!;
  const chart = sideBars(families.map(label), families.map((f) => ({ a: find(f, PARTIES[0].id), b: find(f, PARTIES[1].id) })), total, [PARTIES[0].name, PARTIES[1].name]);
  const cellsOf = (r: RateRow | undefined) =>
    r
      ? `<td class="num">${r.n}</td><td class="num">${percent(total ? r.n / total : null)}</td><td class="num">${percent(r.rate, 1)}<br><span class="ci">${interval(r)}</span></td><td class="links">${memberLinks(links, r.group)}</td>`
      : '<td class="num">0</td><td class="num">0.0%</td><td class="num">—</td><td></td>';
  const body = families
    .map((f) => {
      const [a, b] = [find(f, PARTIES[0].id), find(f, PARTIES[1].id)];
      const attrs = (party: string, r: RateRow | undefined) => `data-${party}-n="${r?.n ?? 0}" data-${party}-k="${r?.k ?? 0}"`;
      return `<tr data-key="${h(f)}" ${attrs('ca', a)} ${attrs('rv', b)}><td class="key">${h(label(f))}</td>${cellsOf(a)}${cellsOf(b)}</tr>`;
    })
    .join('\n');
  const sub = '<th class="num">items</th><th class="num">share</th><th class="num">overturned (95% CI)</th><th>members</th>';
  const t = `<table class="data sides" data-table="${h(table.spec.id)}"><thead><tr><th rowspan="2">family</th><th colspan="4" class="party">${h(PARTIES[0].name)} cited it</th><th colspan="4" class="party">${h(PARTIES[1].name)} cited it</th></tr><tr>${sub}${sub}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  return `${chart}\n<div class="scroll">${t}</div>`;
}

function daysSection(table: DaysTable, links: PageLinks): string {
  const parts: string[] = [];
  for (const iv of INTERVALS) {
    const rows = table.rows.filter((r) => r.key[0] === iv.id);
    if (!rows.length) continue;
    const year = (r: DaysRow) => keyLabels(table.spec, r.key)[1]!;
    const num = (x: number | null) => (x === null ? '—' : String(x));
    const body = rows
      .map(
        (r) =>
          `<tr${r.n < SMALL_N ? ' class="small"' : ''} data-key="${h(r.key.join('\u241F'))}" data-n="${r.n}"><td class="key">${h(year(r))}</td><td class="num">${r.n}</td><td class="num">${num(r.median)}</td><td class="num">${r.q1 === null ? '—' : `${r.q1}–${r.q3}`}</td><td class="num">${r.negative}</td><td class="num">${r.overMax}</td><td class="num">${r.missing}</td><td class="links">${memberLinks(links, r.group)}</td></tr>`,
      )
      .join('\n');
    parts.push(
      `<h3>${h(iv.label)} <span class="note">(${h(iv.from)} → ${h(iv.to)})</span></h3>`,
      daysBars(rows.filter((r) => r.n > 0), year),
      `<div class="scroll"><table class="data" data-table="timeliness" data-interval="${h(iv.id)}"><thead><tr><th>decision year</th><th class="num">cases counted</th><th class="num">median days</th><th class="num">quartiles</th><th class="num">negative (left out)</th><th class="num">over ${MAX_DAYS} (left out)</th><th class="num">a date missing</th><th>members</th></tr></thead><tbody>\n${body}\n</tbody></table></div>`,
    );
  }
  return parts.join('\n');
}

function policyList(dates: PolicyDate[], shown: Set<string>, number: (d: PolicyDate) => number): string {
  const items = dates.map((d) => {
    const src = d.url ? `<a href="${h(d.url)}">${h(d.source)}</a>` : h(d.source);
    const out = shown.has(d.date) ? '' : ' <i>(outside the dates of these data)</i>';
    return `<li><span class="mark${shown.has(d.date) ? '' : ' out'}">${number(d)}</span><b>${h(d.date)}</b>: ${h(d.label)}.${out} Source: ${src}.</li>`;
  });
  return `<ol class="policy">${items.join('')}</ol>`;
}

export function reportHtml(report: Report, links: PageLinks): string {
  const o = report.overall;
  const c = report.counts;
  const m = report.manifest;
  const warnings: string[] = [];
  if (c.unknownOutcome) warnings.push(`${c.unknownOutcome} rows of decisions.csv have an outcome that is neither upheld nor overturned; they are left out.`);
  if (c.unmatched) warnings.push(`${c.unmatched} rows of decisions.csv have no case in cases.csv; they are left out.`);
  if (report.join === 'index') warnings.push('cases.csv and decisions.csv are not in the same order (as imr extract writes them); decisions were joined to cases by case_id, and a case can appear on more than one line of a group\'s member file.');
  if (!report.hasCompleteness) warnings.push('cases.csv has no items_complete column (a dataset from an older version?): incomplete letters cannot be told apart.');
  const incomplete = !report.hasCompleteness
    ? 'not recorded in this dataset'
    : report.filter.excludeIncomplete
      ? `${c.incompleteCases} cases (${c.incompleteItems} items) with items_complete = false were left out (--exclude-incomplete)`
      : `${c.incompleteCases} cases (${c.incompleteItems} items) with items_complete = false are included; --exclude-incomplete would leave them out`;
  const policyNumber = (d: PolicyDate) => links.policy.indexOf(d) + 1;
  const numbered = TABLES.filter((t) => t.view !== 'none');
  const sectionNo = (id: string) => numbered.findIndex((t) => t.id === id) + 1;
  const yearTable = report.tables.find((t) => t.spec.id === 'decision_year')!;
  const monthTable = report.tables.find((t) => t.spec.id === 'decision_month')!;
  const inSpan = new Set([...datesInSpan(yearTable.rows, links.policy), ...datesInSpan(monthTable.rows, links.policy)].map((d) => d.date));

  const sections = numbered.map((spec) => {
    const csv = links.tableCsv[spec.id];
    const head = [`<section id="t-${h(spec.id)}"><h2><span class="n">${sectionNo(spec.id)}.</span>${h(spec.title)}</h2>`, `<p class="note">${h(spec.note)}${csv ? ` Table as CSV: <a href="${enc(csv)}"><code>${h(csv)}</code></a>.` : ''}</p>`];
    if (spec.unit === 'reasons') {
      const { upheld, overturned } = c.reasonsUnread;
      const unread = spec.id === 'reasons_by_outcome' ? upheld + overturned : upheld;
      if (unread > 0) head.push(`<p class="note warn" id="unread-${h(spec.id)}">${unread} ${spec.id === 'reasons_by_outcome' ? '' : 'upheld '}item${unread === 1 ? '' : 's'} with a rationale in which no reason could be read (warning <code>item-no-reason</code>) ${unread === 1 ? 'is' : 'are'} left out of these shares.</p>`);
    }
    let body: string;
    if (spec.unit === 'days') {
      const t = report.timeliness;
      body = t.missing ? `<p class="note warn">Not shown: ${h(t.missing)}.</p>` : t.rows.length === 0 ? '<p class="note">No selected case.</p>' : daysSection(t, links);
    } else {
      const t = report.tables.find((x) => x.spec.id === spec.id)!;
      if (t.missing) body = `<p class="note warn">Not shown: ${h(t.missing)}.</p>`;
      else if (t.rows.length === 0) body = '<p class="note">No selected item.</p>';
      else if (spec.view === 'trend') {
        const dates = datesInSpan(t.rows, links.policy);
        const legend = spec.id === 'decision_year' ? policyList(links.policy, inSpan, policyNumber) : `<p class="note">Policy dates numbered as in section ${sectionNo('decision_year')}.</p>`;
        body = [`<div class="scroll">${trend(t, o.rate, dates, policyNumber)}</div>`, `<p class="legend"><span class="key-ref"></span> overall rate; points pale where a ${spec.keys[0] === 'decision_year' ? 'year' : 'month'} has fewer than ${SMALL_N} items; whiskers: Wilson 95% interval</p>`, legend, rateTable(t, links)].join('\n');
      } else if (spec.view === 'matrix') body = matrix(t, links);
      else if (spec.view === 'sides') body = sides(t, o.n, links);
      else {
        const shown = Math.min(t.rows.length, CHART_MAX_ROWS);
        const more = t.rows.length > shown ? `<p class="note">The chart shows the largest ${shown} of ${t.rows.length} groups; the table lists all.</p>` : '';
        body = [more, bars(t, o.rate), rateTable(t, links)].join('\n');
      }
    }
    return [...head, body, '</section>'].join('\n');
  });

  const ex = links.explain;
  const letters = ex
    ? `Letters: with <code>--letters ${h(ex.letters)}</code>, each group's page of letters lists up to ${ex.perGroup} of its letters (those with the smallest hash of their source_file: a uniform sample, the same whatever the order of the files), each case id linked to its explain page in <code>${h(ex.dir)}/</code> (${ex.pages} pages${ex.missing ? `; ${ex.missing} letters not found under the folder` : ''}${ex.failed ? `; ${ex.failed} letters could not be read` : ''}). An explain page runs this version of the extractor on the letter again, so it can differ from a dataset written by another version.`
    : 'Letters: give <code>--letters &lt;folder of the letters&gt;</code> to link each group to a page of its letters, each with its explain page.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>IMR overturn rates</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Independent Medical Review: overturn rates</h1>
<p class="sub">Dataset <code>${h(report.dataset)}</code>${m?.version ? ` (imr-extract ${h(m.version)})` : ''}. Filters: ${h(filterText(report))}.</p>
<div class="headline">
<div class="card" id="overall" data-n="${o.n}" data-k="${o.k}"><div class="lbl">overall overturn rate</div><div class="big">${percent(o.rate, 2)}</div><div class="lbl">${o.k} of ${o.n} items; Wilson 95% CI ${interval(o)}</div></div>
<div class="card"><div class="lbl">items selected</div><div class="big">${c.itemsSelected}</div><div class="lbl">of ${c.decisionsRead} rows of decisions.csv</div></div>
<div class="card"><div class="lbl">cases selected</div><div class="big">${c.casesSelected}</div><div class="lbl">of ${c.casesRead} rows of cases.csv${m?.errors !== undefined ? `; ${m.errors} inputs in errors.csv` : ''}</div></div>
<div class="card" id="incomplete" data-cases="${c.incompleteCases}" data-items="${c.incompleteItems}"><div class="lbl">letters not read whole</div><div class="big">${report.hasCompleteness ? c.incompleteCases : '—'}</div><div class="lbl">${h(incomplete)}</div></div>
</div>
${warnings.map((w) => `<p class="note warn">${h(w)}</p>`).join('\n')}
<p class="note">An item (a row of decisions.csv) is <b>overturned</b> when the IMR expert reviewer found the requested treatment medically necessary, reversing the utilization-review denial; <b>upheld</b> when the denial stands. The rate is overturned ÷ items; the interval is the Wilson score 95% interval. Bars show the rate, whiskers the interval, the dashed line the overall rate; groups with fewer than ${SMALL_N} items are pale. A group named (…) is the dataset's empty cell. Each group links to the CSV of its members (<i>cases</i>)${ex ? ' and to a page of its letters' : ''}.</p>
<nav><ol>${numbered.map((t) => `<li><a href="#t-${h(t.id)}">${h(t.title)}</a></li>`).join('')}<li><a href="#methods">Method and files</a></li></ol></nav>
${sections.join('\n')}
<section id="methods" class="methods"><h2>Method and files</h2>
<ul>
<li>Items with an outcome other than upheld or overturned are left out (${c.unknownOutcome} here). Cases not read whole (items_complete = false): ${h(incomplete)}.</li>
<li>Wilson score interval at 95% (z = 1.959964), as R's <code>prop.test(k, n, correct = FALSE)</code> gives it. Quartiles of days: linear interpolation between order statistics (R's type 7, numpy's default).</li>
<li>Member files: <code>${h(links.casesDir)}/&lt;table&gt;/&lt;group&gt;.csv</code>, one per group: <code>case_id,source_file,item_no,n_items,n_overturned</code> for tables of items (item_no <code>;</code>-joined: the case's items in the group), <code>case_id,source_file</code> for case outcomes, <code>case_id,source_file,from_date,to_date,days,status</code> for timeliness. The table CSVs name each group's file in their <code>cases_csv</code> column.</li>
<li>${letters}</li>
<li>Policy dates: <code>data/policy-dates.json</code> of imr-extract, each with its DWC source.</li>
</ul>
</section>
<footer>Written by <code>imr report</code>. Tables as CSV beside this page: ${Object.values(links.tableCsv).map((n) => `<a href="${enc(n)}"><code>${h(n)}</code></a>`).join(', ')}.</footer>
</main>
</body>
</html>
`;
}
