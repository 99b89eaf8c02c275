/**
 * The report as one self-contained HTML page: inline CSS, inline SVG bar
 * charts (the Wilson 95% interval drawn as a whisker), no script, no external
 * resource (a Content-Security-Policy forbids any fetch).
 */
import type { RateRow, RateTable, Report } from './aggregate.js';
import { escapeHtml as h } from './escape.js';
import { percent } from './stats.js';

/** Charts show at most this many groups (the largest); the table lists them all. */
export const CHART_MAX_ROWS = 40;
/** Rows with fewer trials are greyed: their interval is wide. */
export const SMALL_N = 10;

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --rule: #d9dee6; --bar: #4a78a8; --bg: #fbfcfd; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 40px 0 4px; padding-top: 8px; border-top: 1px solid var(--rule); }
.sub { color: var(--muted); margin: 0 0 16px; }
.headline { display: flex; flex-wrap: wrap; gap: 16px; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; min-width: 180px; }
.card .big { font-size: 1.9em; font-weight: 650; }
.card .lbl { color: var(--muted); font-size: .85em; }
.note { color: var(--muted); font-size: .9em; margin: 4px 0 8px; }
.warn { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px 10px; }
nav ul { columns: 2; padding-left: 20px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
svg .axis { fill: var(--muted); }
svg .grid { stroke: #e6e9ee; }
svg .ref { stroke: #b04a4a; stroke-dasharray: 4 3; }
svg .bar { fill: var(--bar); }
svg .small .bar { fill: #a9bdd3; }
svg .ci { stroke: #1d2430; stroke-width: 1.4; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92em; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.small td { color: var(--muted); }
code { font-size: .92em; }
footer { margin-top: 40px; color: var(--muted); font-size: .85em; }
`;

function filterText(report: Report): string {
  const f = report.filter;
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`decision_date ${f.from ? `from ${f.from}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${f.to}` : ''} (cases without a decision date are left out)`);
  if (f.category !== undefined) parts.push(`treatment_category = ${f.category}`);
  return parts.length ? parts.join('; ') : 'none (every item of the dataset)';
}

function label(table: RateTable, row: RateRow): string {
  return row.key.map((k) => (k === '' ? table.spec.empty : k)).join(' › ');
}

function interval(row: RateRow): string {
  return row.low === null || row.high === null ? '—' : `${percent(row.low)}–${percent(row.high)}`;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A horizontal bar chart: one bar per group, its Wilson interval as a whisker, the overall rate as a dashed line. */
export function chart(table: RateTable, overall: number | null): string {
  const rows = table.spec.order === 'key' ? table.rows.slice(-CHART_MAX_ROWS) : table.rows.slice(0, CHART_MAX_ROWS);
  const W = 820;
  const labelW = 250;
  const x0 = labelW + 10;
  const barW = 400;
  const rowH = 22;
  const top = 22;
  const height = top + rows.length * rowH + 8;
  const x = (p: number) => (x0 + p * barW).toFixed(1);
  const unit = table.spec.unit === 'cases' ? 'share of cases' : table.spec.unit === 'reasons' ? 'share of items giving the reason' : 'overturn rate';
  const out: string[] = [];
  out.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-label="${h(`${table.spec.title}: ${unit} by group, with Wilson 95% intervals`)}">`,
  );
  for (let t = 0; t <= 100; t += 20) {
    out.push(`<line class="grid" x1="${x(t / 100)}" x2="${x(t / 100)}" y1="${top - 4}" y2="${height - 6}"/>`);
    out.push(`<text class="axis" x="${x(t / 100)}" y="${top - 8}" text-anchor="middle">${t}%</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const name = label(table, row);
    const small = row.n < SMALL_N;
    out.push(`<g class="row${small ? ' small' : ''}" data-key="${h(row.key.join('\u241F'))}">`);
    out.push(`<title>${h(`${name}: ${row.k} of ${row.n} (${percent(row.rate)}; 95% CI ${interval(row)})`)}</title>`);
    out.push(`<text x="${labelW}" y="${y + 15}" text-anchor="end">${h(truncate(name, 38))}</text>`);
    if (row.rate !== null) out.push(`<rect class="bar" x="${x0}" y="${y + 4}" width="${(row.rate * barW).toFixed(1)}" height="14"/>`);
    if (row.low !== null && row.high !== null) {
      const cy = y + 11;
      out.push(`<line class="ci" x1="${x(row.low)}" x2="${x(row.high)}" y1="${cy}" y2="${cy}"/>`);
      out.push(`<line class="ci" x1="${x(row.low)}" x2="${x(row.low)}" y1="${cy - 5}" y2="${cy + 5}"/>`);
      out.push(`<line class="ci" x1="${x(row.high)}" x2="${x(row.high)}" y1="${cy - 5}" y2="${cy + 5}"/>`);
    }
    const count = table.spec.unit === 'items' ? `${row.k}/${row.n}` : `${row.k} of ${row.n}`;
    out.push(`<text x="${x0 + barW + 12}" y="${y + 15}">${h(`${percent(row.rate)}  (${count})`)}</text>`);
    out.push('</g>');
  });
  if (overall !== null && table.spec.unit === 'items' && table.spec.id !== 'overall') {
    out.push(`<line class="ref" x1="${x(overall)}" x2="${x(overall)}" y1="${top - 4}" y2="${height - 6}"><title>${h(`overall rate ${percent(overall)}`)}</title></line>`);
  }
  out.push('</svg>');
  return out.join('');
}

function htmlTable(table: RateTable): string {
  const cases = table.spec.unit !== 'items';
  const keyHeads = table.spec.keys.map((k) => `<th>${h(k)}</th>`).join('');
  const heads = table.spec.unit === 'cases'
    ? '<th class="num">cases</th><th class="num">of selected cases</th><th class="num">share</th><th class="num">Wilson 95% CI</th>'
    : table.spec.unit === 'reasons'
      ? '<th class="num">items giving it</th><th class="num">of items with reasons</th><th class="num">share</th><th class="num">Wilson 95% CI</th>'
      : '<th class="num">n items</th><th class="num">overturned</th><th class="num">rate</th><th class="num">Wilson 95% CI</th>';
  const body = table.rows
    .map((row) => {
      const small = row.n < SMALL_N;
      const keys = row.key.map((k) => `<td>${h(k === '' ? table.spec.empty : k)}</td>`).join('');
      const nums = cases
        ? `<td class="num">${row.k}</td><td class="num">${row.n}</td>`
        : `<td class="num">${row.n}</td><td class="num">${row.k}</td>`;
      return `<tr${small ? ' class="small"' : ''} data-key="${h(row.key.join('\u241F'))}" data-n="${row.n}" data-k="${row.k}">${keys}${nums}<td class="num">${percent(row.rate, 2)}</td><td class="num">${interval(row)}</td></tr>`;
    })
    .join('\n');
  return `<table data-table="${h(table.spec.id)}"><thead><tr>${keyHeads}${heads}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function section(table: RateTable, overall: number | null, csvName: string): string {
  const parts = [`<section id="t-${h(table.spec.id)}"><h2>${h(table.spec.title)}</h2>`, `<p class="note">${h(table.spec.note)} CSV: <code>${h(csvName)}</code>.</p>`];
  if (table.missing) parts.push(`<p class="note warn">Not shown: ${h(table.missing)}.</p>`);
  else if (table.rows.length === 0) parts.push('<p class="note">No selected item.</p>');
  else {
    const shown = Math.min(table.rows.length, CHART_MAX_ROWS);
    if (table.rows.length > shown) {
      parts.push(`<p class="note">The chart shows ${table.spec.order === 'key' ? 'the latest' : 'the largest'} ${shown} of ${table.rows.length} groups; the table lists all.</p>`);
    }
    parts.push(chart(table, overall), htmlTable(table));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The page. `csvNames` maps a table id to the name of the CSV file written beside the page. */
export function reportHtml(report: Report, csvNames: Record<string, string>): string {
  const o = report.overall;
  const c = report.counts;
  const m = report.manifest;
  const warnings: string[] = [];
  if (c.unknownOutcome) warnings.push(`${c.unknownOutcome} rows of decisions.csv have an outcome that is neither upheld nor overturned; they are left out.`);
  if (c.unmatched) warnings.push(`${c.unmatched} rows of decisions.csv have no case in cases.csv; they are left out.`);
  if (report.join === 'index') warnings.push('cases.csv and decisions.csv are not in the same order (as imr extract writes them); decisions were joined to cases by case_id.');
  const tables = report.tables.filter((t) => t.spec.id !== 'overall');
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
<h1>IMR overturn rates</h1>
<p class="sub">Dataset <code>${h(report.dataset)}</code>${m?.version ? ` (imr-extract ${h(m.version)})` : ''}. Filters: ${h(filterText(report))}.</p>
<div class="headline">
<div class="card" id="overall" data-n="${o.n}" data-k="${o.k}"><div class="lbl">overall overturn rate</div><div class="big">${percent(o.rate, 2)}</div><div class="lbl">${o.k} of ${o.n} items; Wilson 95% CI ${o.low === null ? '—' : `${percent(o.low)}–${percent(o.high)}`}</div></div>
<div class="card"><div class="lbl">items selected</div><div class="big">${c.itemsSelected}</div><div class="lbl">of ${c.decisionsRead} rows of decisions.csv</div></div>
<div class="card"><div class="lbl">cases selected</div><div class="big">${c.casesSelected}</div><div class="lbl">of ${c.casesRead} rows of cases.csv${m?.errors !== undefined ? `; ${m.errors} inputs in errors.csv` : ''}</div></div>
</div>
${warnings.map((w) => `<p class="note warn">${h(w)}</p>`).join('\n')}
<p class="note">An item (a row of decisions.csv) is <b>overturned</b> when the IMR expert reviewer found the requested treatment medically necessary, reversing the utilization-review denial; <b>upheld</b> when the denial stands. The rate is overturned ÷ items; the interval is the Wilson score 95% interval. Bars show the rate, whiskers the interval, the dashed line the overall rate; groups with fewer than ${SMALL_N} items are pale. A group named (…) is the dataset's empty cell.</p>
<nav><ul>${tables.map((t) => `<li><a href="#t-${h(t.spec.id)}">${h(t.spec.title)}</a></li>`).join('')}</ul></nav>
${tables.map((t) => section(t, o.rate, csvNames[t.spec.id] ?? '')).join('\n')}
<footer>Written by <code>imr report</code>. The tables are also written as CSV beside this page: ${Object.values(csvNames).map((n) => `<code>${h(n)}</code>`).join(', ')}.</footer>
</main>
</body>
</html>
`;
}
