/**
 * The report's charts: bar rows laid out by CSS grid (labels are HTML text
 * that wraps, so a label is never clipped; each bar is a small inline SVG),
 * and a trend over time as one SVG with the policy dates marked. Every value
 * shown passes through escapeHtml.
 */
import type { DaysRow, RateRow, RateTable } from './aggregate.js';
import { escapeHtml as h } from './escape.js';
import type { PolicyDate } from './policy.js';
import { percent } from './stats.js';
import { keyLabels } from './tables.js';

/** Bar charts show at most this many groups (the largest); the table lists them all. */
export const CHART_MAX_ROWS = 40;
/** Rows with fewer trials are pale: their interval is wide. */
export const SMALL_N = 10;

export function rowLabel(table: RateTable, row: { key: string[] }): string {
  return keyLabels(table.spec, row.key).join(' › ');
}

export function interval(row: { low: number | null; high: number | null }): string {
  return row.low === null || row.high === null ? '—' : `${percent(row.low)}–${percent(row.high)}`;
}

const f1 = (x: number) => x.toFixed(2);

/** The axis row of a bar chart: tick labels placed in percent of the track. */
function axis(ticks: { at: number; text: string }[]): string {
  // The end labels align inward, so neither sticks out of the track.
  const align = (at: number) => (at === 0 ? '' : at === 1 ? ';transform:translateX(-100%)' : ';transform:translateX(-50%)');
  const labels = ticks.map((t) => `<span style="left:${f1(100 * t.at)}%${align(t.at)}">${h(t.text)}</span>`).join('');
  return `<div class="bar-row axis" aria-hidden="true"><div class="lbl"></div><div class="ticks">${labels}</div><div class="val"></div></div>`;
}

/** A track (the bar's box): its grid lines are a CSS background, one line every `step` of the width. */
function track(step: number, svg: string): string {
  return `<div class="track" style="background-size:${f1(100 * step)}% 100%"><svg viewBox="0 0 100 20" preserveAspectRatio="none">${svg}</svg></div>`;
}

function whisker(lo: number, hi: number): string {
  const [a, b] = [f1(100 * lo), f1(100 * hi)];
  return (
    `<line class="ci" x1="${a}" x2="${b}" y1="10" y2="10" vector-effect="non-scaling-stroke"/>` +
    `<line class="ci" x1="${a}" x2="${a}" y1="5" y2="15" vector-effect="non-scaling-stroke"/>` +
    `<line class="ci" x1="${b}" x2="${b}" y1="5" y2="15" vector-effect="non-scaling-stroke"/>`
  );
}

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, text: `${Math.round(100 * at)}%` }));

/** A horizontal bar chart of rates: one bar per group, its Wilson interval as a whisker, the overall rate as a dashed line. */
export function bars(table: RateTable, overall: number | null): string {
  const rows = table.rows.slice(0, CHART_MAX_ROWS);
  const unit = table.spec.unit === 'cases' ? 'share of cases' : table.spec.unit === 'reasons' ? 'share of items giving the reason' : 'overturn rate';
  const ref = overall !== null && table.spec.unit === 'items' ? overall : null;
  const out = [`<div class="bars pct" role="img" aria-label="${h(`${table.spec.title}: ${unit} by group, with Wilson 95% intervals`)}">`, axis(PERCENT_TICKS)];
  for (const row of rows) {
    const name = rowLabel(table, row);
    const count = table.spec.unit === 'items' ? `${row.k}/${row.n}` : `${row.k} of ${row.n}`;
    const svg = [
      row.rate === null ? '' : `<rect class="bar" x="0" y="3" width="${f1(100 * row.rate)}" height="14"/>`,
      row.low === null || row.high === null ? '' : whisker(row.low, row.high),
      ref === null ? '' : `<line class="ref" x1="${f1(100 * ref)}" x2="${f1(100 * ref)}" y1="0" y2="20" vector-effect="non-scaling-stroke"/>`,
    ].join('');
    out.push(
      `<div class="bar-row${row.n < SMALL_N ? ' small' : ''}" data-key="${h(row.key.join('\u241F'))}" title="${h(`${name}: ${row.k} of ${row.n} (${percent(row.rate)}; 95% CI ${interval(row)})`)}">` +
        `<div class="lbl">${h(name)}</div>` +
        track(0.25, svg) +
        `<div class="val">${h(percent(row.rate))} <span>(${h(count)})</span></div></div>`,
    );
  }
  out.push('</div>');
  if (ref !== null) out.push(`<p class="legend"><span class="key-ref"></span> overall rate ${h(percent(ref))}</p>`);
  return out.join('\n');
}

/** Paired bars: for each family, the share of items each party cited it for. */
export function sideBars(labels: string[], pairs: { a: RateRow | undefined; b: RateRow | undefined }[], total: number, names: [string, string]): string {
  const out = [`<div class="bars pct sides" role="img" aria-label="${h(`share of items for which each party cited each guideline family: ${names[0]} and ${names[1]}`)}">`, axis(PERCENT_TICKS)];
  pairs.forEach(({ a, b }, i) => {
    const share = (r: RateRow | undefined) => (r && total ? r.n / total : 0);
    const svg = `<rect class="bar a" x="0" y="1" width="${f1(100 * share(a))}" height="8"/><rect class="bar b" x="0" y="11" width="${f1(100 * share(b))}" height="8"/>`;
    const value = (r: RateRow | undefined) => `${percent(share(r))} (${r?.n ?? 0})`;
    out.push(
      `<div class="bar-row"><div class="lbl">${h(labels[i]!)}</div>${track(0.25, svg)}` +
        `<div class="val"><span class="ka">${h(value(a))}</span><br><span class="kb">${h(value(b))}</span></div></div>`,
    );
  });
  out.push('</div>');
  out.push(`<p class="legend"><span class="key-a"></span> ${h(names[0])} <span class="key-b"></span> ${h(names[1])}; share of all selected items (items)</p>`);
  return out.join('\n');
}

/** Medians of days with their quartiles as a box, on a common axis of days. */
export function daysBars(rows: DaysRow[], label: (r: DaysRow) => string): string {
  const top = Math.max(5, ...rows.map((r) => r.q3 ?? 0));
  const step = [1, 2, 5, 10, 20, 50, 100].find((x) => top / x <= 5) ?? 100;
  const max = Math.ceil(top / step) * step;
  const ticks = [];
  for (let d = 0; d <= max; d += step) ticks.push({ at: d / max, text: `${d}` });
  const out = [`<div class="bars days" role="img" aria-label="median days with quartiles">`, axis(ticks)];
  for (const r of rows) {
    const svg =
      r.median === null || r.q1 === null || r.q3 === null
        ? ''
        : `<rect class="box" x="${f1((100 * r.q1) / max)}" y="4" width="${f1(Math.max(0.4, (100 * (r.q3 - r.q1)) / max))}" height="12" vector-effect="non-scaling-stroke"/>` +
          `<line class="median" x1="${f1((100 * r.median) / max)}" x2="${f1((100 * r.median) / max)}" y1="1" y2="19" vector-effect="non-scaling-stroke"/>`;
    out.push(
      `<div class="bar-row${r.n < SMALL_N ? ' small' : ''}"><div class="lbl">${h(label(r))}</div>${track(step / max, svg)}` +
        `<div class="val">${r.median === null ? '—' : h(`${r.median} d`)} <span>(${r.n})</span></div></div>`,
    );
  }
  out.push('</div>');
  out.push('<p class="legend"><span class="key-box"></span> quartiles (25th–75th percentile) <span class="key-median"></span> median; days; (cases counted)</p>');
  return out.join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A point in time of a trend key: 'YYYY' is the middle of the year, 'YYYY-MM' the middle of the month. */
function timeOf(key: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(key);
  if (!m) return null;
  return m[2] ? Number(m[1]) + (Number(m[2]) - 0.5) / 12 : Number(m[1]) + 0.5;
}

function timeOfDate(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  return y + (Date.parse(`${iso}T00:00:00Z`) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** The policy dates that fall within the span of a trend's keys (whole years for years, months for months). */
export function datesInSpan(rows: RateRow[], dates: PolicyDate[]): PolicyDate[] {
  const times = rows.map((r) => timeOf(r.key[0]!)).filter((t): t is number => t !== null);
  if (!times.length) return [];
  const monthly = rows.some((r) => /^\d{4}-\d{2}$/.test(r.key[0]!));
  const half = monthly ? 0.5 / 12 : 0.5;
  const lo = Math.min(...times) - half;
  const hi = Math.max(...times) + half;
  return dates.filter((d) => timeOfDate(d.date) >= lo && timeOfDate(d.date) < hi);
}

/**
 * The rate over time: a point per year (or month) with its Wilson interval,
 * the overall rate dashed, and each policy date in the span as a numbered
 * vertical line (`number` gives its number in the legend).
 */
export function trend(table: RateTable, overall: number | null, dates: PolicyDate[], number: (d: PolicyDate) => number): string {
  const points = table.rows.map((r) => ({ r, t: timeOf(r.key[0]!) })).filter((p): p is { r: RateRow; t: number } => p.t !== null && p.r.rate !== null);
  if (!points.length) return '<p class="note">No dated item.</p>';
  const monthly = points.some((p) => /^\d{4}-\d{2}$/.test(p.r.key[0]!));
  const half = monthly ? 0.5 / 12 : 0.5;
  const t0 = Math.min(...points.map((p) => p.t)) - half;
  const t1 = Math.max(...points.map((p) => p.t)) + half;
  const W = 760;
  const H = 300;
  const left = 52;
  const right = 16;
  const top = 34;
  const bottom = 48;
  const highest = Math.max(...points.map((p) => p.r.high ?? 0), overall ?? 0);
  const yMax = Math.min(1, Math.max(0.1, Math.ceil(highest * 10) / 10));
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
  const y = (p: number) => top + (1 - p / yMax) * (H - top - bottom);
  const out = [
    `<svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${h(`${table.spec.title}, with Wilson 95% intervals and policy dates`)}">`,
  ];
  const yStep = yMax <= 0.2 ? 0.05 : yMax <= 0.5 ? 0.1 : 0.2;
  for (let p = 0; p <= yMax + 1e-9; p += yStep) {
    out.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${f1(y(p))}" y2="${f1(y(p))}"/>`);
    out.push(`<text class="axis" x="${left - 6}" y="${f1(y(p) + 4)}" text-anchor="end">${Math.round(p * 100)}%</text>`);
  }
  // Year boundaries and labels (for months, a label per year at its middle).
  for (let yr = Math.ceil(t0); yr <= Math.floor(t1); yr++) out.push(`<line class="year" x1="${f1(x(yr))}" x2="${f1(x(yr))}" y1="${top}" y2="${H - bottom}"/>`);
  // Months are named when there are few; years are labelled at the middle of their part of the axis.
  const monthNames = monthly && (t1 - t0) * 12 <= 18;
  if (monthNames) {
    for (let m = Math.round(t0 * 12); m < Math.round(t1 * 12); m++) out.push(`<text class="axis" x="${f1(x((m + 0.5) / 12))}" y="${H - bottom + 16}" text-anchor="middle">${MONTHS[m % 12]}</text>`);
  }
  for (let yr = Math.floor(t0); yr < t1; yr++) {
    const mid = Math.max(t0, yr) / 2 + Math.min(t1, yr + 1) / 2;
    if (!monthNames && Math.min(t1, yr + 1) - Math.max(t0, yr) < (monthly ? 2 / 12 : 0.5)) continue;
    out.push(`<text class="axis" x="${f1(x(mid))}" y="${H - bottom + (monthNames ? 32 : 18)}" text-anchor="middle">${yr}</text>`);
  }
  out.push(`<line class="axisline" x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}"/>`);
  // A date's numbered marker sits above its line, or beside the one before when the dates are too close for both (a slanted stroke joins it to its line).
  let lastMarker = -Infinity;
  for (const d of dates) {
    const at = x(timeOfDate(d.date));
    const xd = f1(at);
    const marker = Math.max(at, lastMarker + 20);
    lastMarker = marker;
    const xm = f1(marker);
    out.push(`<g class="policy"><title>${h(`${d.date}: ${d.label}`)}</title><line x1="${xd}" x2="${xd}" y1="${top - 4}" y2="${H - bottom}"/>`);
    if (xm !== xd) out.push(`<line x1="${xd}" x2="${xm}" y1="${top - 4}" y2="${top - 10}"/>`);
    out.push(`<circle cx="${xm}" cy="${top - 18}" r="9"/><text x="${xm}" y="${top - 14}" text-anchor="middle">${number(d)}</text></g>`);
  }
  if (overall !== null) out.push(`<line class="ref" x1="${left}" x2="${W - right}" y1="${f1(y(overall))}" y2="${f1(y(overall))}"><title>${h(`overall rate ${percent(overall)}`)}</title></line>`);
  out.push(`<polyline class="line" points="${points.map((p) => `${f1(x(p.t))},${f1(y(p.r.rate!))}`).join(' ')}"/>`);
  for (const { r, t } of points) {
    const cx = f1(x(t));
    out.push(`<g class="pt${r.n < SMALL_N ? ' small' : ''}" data-key="${h(r.key[0]!)}"><title>${h(`${r.key[0]}: ${r.k} of ${r.n} overturned (${percent(r.rate)}; 95% CI ${interval(r)})`)}</title>`);
    if (r.low !== null && r.high !== null) out.push(`<line class="ci" x1="${cx}" x2="${cx}" y1="${f1(y(r.low))}" y2="${f1(y(r.high))}"/>`);
    out.push(`<circle cx="${cx}" cy="${f1(y(r.rate!))}" r="${monthly ? 3 : 5}"/></g>`);
  }
  out.push('</svg>');
  return out.join('');
}
