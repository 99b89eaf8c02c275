/**
 * The audit view of one letter: its decoded text with every extracted value
 * highlighted at its span, the list of values beside it (field, value,
 * offsets, the text at those offsets), the sections outlined and the warnings.
 * Highlights and list rows link to each other. Every piece of letter text is
 * escaped; the page loads nothing (its Content-Security-Policy allows only its
 * own inline style and one inline script, by hash).
 */
import { createHash } from 'node:crypto';
import type { CaseRecord } from '../core/record.js';
import { escapeHtml as h } from '../report/escape.js';
import type { SpanEntry } from './spans.js';

export interface ExplainInput {
  /** The file as given on the command line. */
  file: string;
  sha256: string;
  bytes: number;
  encoding: string;
  /** The letter's text, decoded or read from the PDF (offsets index it); null when the file gave none. */
  text: string | null;
  record: CaseRecord | null;
  error: { code: string; message: string } | null;
  spans: SpanEntry[];
}

/** Kinds drawn in the text (sections are drawn as blocks). */
const DRAWN = new Set(['value', 'mention', 'item', 'warning', 'span']);

const CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2430; background: #f6f7f9; display: flex; flex-direction: column; }
header { padding: 10px 16px; background: #fff; border-bottom: 1px solid #d9dee6; }
header h1 { font-size: 1.2em; margin: 0 0 4px; }
header .meta { color: #5b6575; font-size: .88em; word-break: break-all; }
header .err { margin-top: 6px; background: #fdecea; border: 1px solid #e6a09a; border-radius: 4px; padding: 4px 8px; }
.legend span { margin-right: 12px; white-space: nowrap; }
.wrap { flex: 1; display: flex; min-height: 0; }
#letter { flex: 1 1 55%; overflow: auto; padding: 12px 16px; background: #fff; border-right: 1px solid #d9dee6; font: 12.5px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
aside { flex: 1 1 45%; overflow: auto; padding: 8px 12px 40px; }
aside h2 { font-size: 1em; margin: 16px 0 6px; }
.sec { border: 1px solid #b7c3d3; border-radius: 4px; margin: 4px 0 10px; padding: 0 6px 4px; }
.sec.outside { border-style: dashed; border-color: #d0d0d0; }
.sec-h { display: block; font: 600 11px system-ui, sans-serif; color: #3e5b82; background: #eef3f9; margin: 0 -6px 4px; padding: 2px 6px; white-space: normal; }
.s { cursor: pointer; }
.s.it { background: #eef5ff; }
.s.v1 { background: #fff3a6; }
.s.v2 { background: #ffe066; }
.s.v3 { background: #ffcc33; }
.s.mn { text-decoration: underline dotted #2f7d4f; text-underline-offset: 3px; }
.s.wn { text-decoration: underline wavy #c0392b; }
.s.active, tr.active td { outline: 2px solid #d35400; background: #ffd2b3 !important; }
.caret { display: inline-block; width: 0; border-left: 2px solid #d35400; height: 1em; vertical-align: text-bottom; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .86em; }
th, td { border-bottom: 1px solid #e3e7ed; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
td.field { min-width: 10em; overflow-wrap: break-word; }
th { background: #f0f3f7; position: sticky; top: 0; z-index: 1; }
tr, li { scroll-margin-top: 48px; }
.anchor, .caret { scroll-margin-top: 24px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.src { color: #5b6575; font-family: ui-monospace, monospace; font-size: .95em; }
tr.item td { background: #eef5ff; font-weight: 600; }
tr.bad td { color: #c0392b; }
.x { color: #5b6575; font-weight: normal; font-size: .92em; }
dl.case { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: .88em; }
dl.case dt { color: #5b6575; }
dl.case dd { margin: 0; }
@media (max-width: 760px) {
  .wrap { flex-direction: column; }
  #letter { flex: 1 1 50%; border-right: 0; border-bottom: 1px solid #d9dee6; padding: 8px 10px; }
  aside { flex: 1 1 50%; padding: 4px 10px 24px; }
}
`;

/** Clicking a highlight selects its innermost value in the list; choosing a list row lights up its text. */
const SCRIPT = `(() => {
  let lit = [];
  function show(id) {
    for (const el of lit) el.classList.remove('active');
    lit = [...document.querySelectorAll('.s[data-v~="' + id + '"]'), ...document.querySelectorAll('#f' + id)];
    for (const el of lit) el.classList.add('active');
  }
  function fromHash() {
    const m = /^#[vf](\\d+)$/.exec(location.hash);
    if (m) show(m[1]);
  }
  addEventListener('hashchange', fromHash);
  fromHash();
  document.getElementById('letter').addEventListener('click', (e) => {
    const s = e.target instanceof Element ? e.target.closest('.s[data-v]') : null;
    if (s) location.hash = '#f' + s.getAttribute('data-v').split(' ')[0];
  });
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

/** 1-based line and column of each offset. */
function lineCol(text: string): (offset: number) => string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - starts[lo]! + 1}`;
  };
}

interface Block {
  start: number;
  end: number;
  name: string | null;
}

/** The text cut into section blocks (in order, non-overlapping), with the unsectioned stretches between. */
function blocks(text: string, spans: SpanEntry[]): Block[] {
  const sections = spans.filter((s) => s.kind === 'section' && s.valid).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Block[] = [];
  let pos = 0;
  for (const s of sections) {
    if (s.start > pos) out.push({ start: pos, end: s.start, name: null });
    const start = Math.max(s.start, pos);
    if (s.end > start) out.push({ start, end: s.end, name: `${s.value} [${s.start}, ${s.end})${start > s.start ? ' (overlaps the previous section)' : ''}` });
    pos = Math.max(pos, s.end);
  }
  if (pos < text.length || out.length === 0) out.push({ start: pos, end: text.length, name: null });
  return out;
}

/** The letter text as blocks of segments, each segment covered by the same spans. */
function letterHtml(text: string, spans: SpanEntry[]): string {
  const drawn = spans.filter((s) => DRAWN.has(s.kind) && s.valid);
  const cuts = new Set<number>([0, text.length]);
  for (const s of drawn) cuts.add(s.start).add(s.end);
  const bs = blocks(text, spans);
  for (const b of bs) cuts.add(b.start).add(b.end);
  const points = [...cuts].sort((a, b) => a - b);
  // Spans starting at each point, for the anchors; and which are open.
  const startsAt = new Map<number, SpanEntry[]>();
  for (const s of drawn) startsAt.set(s.start, [...(startsAt.get(s.start) ?? []), s]);
  const byLength = (a: SpanEntry, b: SpanEntry) => a.end - a.start - (b.end - b.start) || b.id - a.id;
  const out: string[] = [];
  let block = 0;
  const openBlock = (b: Block) =>
    out.push(`<div class="sec${b.name ? '' : ' outside'}" id="sec-${bs.indexOf(b)}"><span class="sec-h">${h(b.name ?? `outside any section [${b.start}, ${b.end})`)}</span>`);
  if (bs[0]) openBlock(bs[0]);
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    while (bs[block] && a >= bs[block]!.end && block < bs.length - 1) {
      out.push('</div>');
      block++;
      openBlock(bs[block]!);
    }
    for (const s of startsAt.get(a) ?? []) out.push(`<a class="${s.start === s.end ? 'caret' : 'anchor'}" id="v${s.id}"></a>`);
    const b = points[i + 1];
    if (b === undefined || b === a) continue;
    const cover = drawn.filter((s) => s.start <= a && s.end >= b).sort(byLength);
    const piece = h(text.slice(a, b));
    if (cover.length === 0) {
      out.push(piece);
      continue;
    }
    const values = cover.filter((s) => s.kind === 'value' || s.kind === 'span').length;
    const cls = ['s'];
    if (cover.some((s) => s.kind === 'item')) cls.push('it');
    if (values) cls.push(`v${Math.min(values, 3)}`);
    if (cover.some((s) => s.kind === 'mention')) cls.push('mn');
    if (cover.some((s) => s.kind === 'warning')) cls.push('wn');
    const title = cover.map((s) => `${s.label}: ${clip(s.value, 80)}`).join('\n');
    out.push(`<span class="${cls.join(' ')}" data-v="${cover.map((s) => s.id).join(' ')}" title="${h(title)}">${piece}</span>`);
  }
  if (bs.length) out.push('</div>');
  return out.join('');
}

function clip(s: string, max = 140): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function valueRows(text: string, spans: SpanEntry[]): string {
  const lc = lineCol(text);
  return spans
    .filter((s) => s.kind !== 'section' && s.kind !== 'warning')
    .map((s) => {
      const extra = Object.entries(s.extra)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      const cls = [s.kind === 'item' ? 'item' : '', s.valid ? '' : 'bad'].filter(Boolean).join(' ');
      const source = s.valid ? clip(text.slice(s.start, s.end)) : 'offsets outside the text';
      return `<tr id="f${s.id}"${cls ? ` class="${cls}"` : ''}><td class="num">${s.id}</td><td class="field"><a href="#v${s.id}">${h(s.label)}</a></td><td${s.value.length > 160 ? ` title="${h(s.value)}"` : ''}>${h(clip(s.value, 160))}${extra ? ` <span class="x">(${h(extra)})</span>` : ''}</td><td class="num" title="line:column ${s.valid ? lc(s.start) : ''}">[${s.start}, ${s.end})</td><td class="src">${h(source)}</td></tr>`;
    })
    .join('\n');
}

function caseFields(input: ExplainInput): string {
  const r = input.record;
  if (!r) return '';
  const fields: [string, unknown][] = [
    ['case_id', r.case_id],
    ['template', r.template],
    ['items', `${r.n_items} (${r.n_overturned} overturned)`],
    ['case_outcome', r.case_outcome],
    ['mechanism_type', r.mechanism_type],
    ['warnings', r.warnings.length],
  ];
  return `<dl class="case">${fields.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v === null || v === undefined ? '' : String(v))}</dd>`).join('')}</dl>`;
}

function warningList(input: ExplainInput): string {
  const r = input.record;
  if (!r || r.warnings.length === 0) return '<p class="x">No warnings.</p>';
  const spanned = new Map(input.spans.filter((s) => s.kind === 'warning').map((s) => [s.path, s]));
  return `<ul id="warnings">${r.warnings
    .map((w, i) => {
      const s = spanned.get(`warnings[${i}]`);
      const where = s ? ` <a href="#v${s.id}">[${s.start}, ${s.end})</a>` : ' <span class="x">(no position)</span>';
      return `<li${s ? ` id="f${s.id}"` : ''}><code>${h(w.rule_id)}</code>: ${h(w.reason)}${where}</li>`;
    })
    .join('')}</ul>`;
}

function sectionList(input: ExplainInput): string {
  const secs = input.spans.filter((s) => s.kind === 'section');
  if (secs.length === 0) return '<p class="x">No sections.</p>';
  return `<ol id="sections">${secs.map((s) => `<li id="f${s.id}"><b>${h(s.value)}</b> [${s.start}, ${s.end})${s.valid ? '' : ' <span class="x">(offsets outside the text)</span>'}</li>`).join('')}</ol>`;
}

export function explainHtml(input: ExplainInput): string {
  const text = input.text ?? '';
  const r = input.record;
  const nValues = input.spans.filter((s) => s.kind === 'value').length;
  const textKind = input.encoding === 'pdf' ? 'the text read from the PDF (as extract --keep-text writes it)' : 'the decoded text';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${h(`imr explain: ${r?.case_id ?? input.file}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(r ? `${r.case_id} — ${r.n_items} item${r.n_items === 1 ? '' : 's'}, ${r.case_outcome ?? 'no outcome'}` : input.file)}</h1>
<div class="meta">${h(input.file)} · ${input.bytes} bytes · ${h(input.encoding || 'not decoded')} · sha256 ${h(input.sha256)} · offsets are UTF-16 code units into ${textKind}, [start, end)</div>
${input.error ? `<div class="err" id="error"><b>${h(input.error.code)}</b>: ${h(input.error.message)}</div>` : ''}
<div class="meta legend"><span><span class="s v1">value</span></span><span><span class="s v3">nested values</span></span><span><span class="s it">item</span></span><span><span class="s mn">clinical mention</span></span><span><span class="s wn">warning</span></span><span>${nValues} values, ${input.spans.length} spans; click a highlight or a row</span></div>
</header>
<div class="wrap">
<div id="letter">${input.text === null ? '<p>(no text: the file gave none)</p>' : letterHtml(text, input.spans)}</div>
<aside>
<h2>Case</h2>
${caseFields(input)}
<h2>Warnings</h2>
${warningList(input)}
<h2>Sections</h2>
${sectionList(input)}
<h2>Values</h2>
<table id="values"><thead><tr><th>#</th><th>field</th><th>value</th><th>offsets</th><th>text at the offsets</th></tr></thead><tbody>
${valueRows(text, input.spans)}
</tbody></table>
</aside>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
