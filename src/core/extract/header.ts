/**
 * The header block: case number, five dates, priority.
 *
 * PDF text extractors lay the two-column header out in two ways: label and
 * value side by side ("Date Assigned: MM/DD/YYYY Date of Injury: MM/DD/YYYY"),
 * or all labels of a column first and all their values after. Both keep the
 * labels and the values in the same relative order. Side by side, a label
 * takes the value right after it; stacked, the labels and values of a kind
 * are paired in order. A label damaged past reading (src/core/labels.ts
 * reads the others) leaves its value unpaired rather than moved onto the
 * next label; what is left unpaired is said.
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import { damagedLabel, labelDamaged } from '../labels.js';
import type { DateField, Found, HeaderFields, Message, Priority, Span } from '../types.js';

type ValueKind = 'case' | 'date' | 'priority';
type HeaderField = 'case_number' | DateField | 'priority';

interface LabelRule {
  field: HeaderField;
  kind: ValueKind;
  pattern: string;
  /** The label as printed, for finding it damaged (src/core/labels.ts). */
  names: string[];
}

const LABELS: LabelRule[] = [
  { field: 'case_number', kind: 'case', pattern: 'Case\\s*Number\\s*:', names: ['Case Number'] },
  { field: 'date_assigned', kind: 'date', pattern: 'Date\\s*Assigned\\s*:', names: ['Date Assigned'] },
  { field: 'date_of_injury', kind: 'date', pattern: 'Date\\s*of\\s*Injury\\s*:', names: ['Date of Injury'] },
  { field: 'decision_date', kind: 'date', pattern: 'Decision\\s*Date\\s*:|(?<![A-Za-z])Dated\\s*:', names: ['Decision Date'] },
  { field: 'ur_denial_date', kind: 'date', pattern: 'UR\\s*Denial\\s*Date\\s*:', names: ['UR Denial Date'] },
  { field: 'priority', kind: 'priority', pattern: 'Priority\\s*:', names: ['Priority'] },
  // The label may wrap with its value between its words: "Application   11/03/2016" / "Received:" (damaged, "Received:" alone names it).
  { field: 'application_received', kind: 'date', pattern: `Application\\s*Received\\s*:|Application(?=\\s+${DATE_TOKEN}\\s+Received\\s*:)`, names: ['Application Received', 'Received'] },
];

/** A case number; some renderers put a space beside its hyphen ("CM16 -0213037"). */
const CASE_NUMBER = /\bCM\d{2} ?- ?\d{5,8}\b/;

const VALUES: { kind: ValueKind; pattern: string }[] = [
  { kind: 'case', pattern: CASE_NUMBER.source },
  { kind: 'date', pattern: DATE_TOKEN },
  { kind: 'priority', pattern: '\\b(?:Standard|Expedited|Urgent)\\b' },
];

const TOKEN = new RegExp(
  [...LABELS.map((l) => `(${l.pattern})`), ...VALUES.map((v) => `(${v.pattern})`)].join('|'),
  'gi',
);

interface Token {
  label: LabelRule | null;
  kind: ValueKind;
  raw: string;
  span: Span;
}

function tokens(text: string, span: Span): Token[] {
  const out: Token[] = [];
  const region = text.slice(span.start, span.end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(region); m !== null; m = TOKEN.exec(region)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const label = group < LABELS.length ? LABELS[group]! : null;
    const kind = label ? label.kind : VALUES[group - LABELS.length]!.kind;
    out.push({ label, kind, raw: m[0], span: { start: span.start + m.index, end: span.start + m.index + m[0].length } });
  }
  return out;
}

/** Only white space between two tokens, and no line break (or, with `allowBreak`, one). */
function adjacent(text: string, a: Token, b: Token, allowBreak: boolean): boolean {
  const gap = text.slice(a.span.end, b.span.start);
  if (!/^\s*$/.test(gap)) return false;
  const at = gap.indexOf('\n');
  return at === -1 || (allowBreak && gap.indexOf('\n', at + 1) === -1);
}

/**
 * Reads the header fields from `span` of `text`. First, where labels and
 * values stand side by side, each label takes a value of its kind right after it (on its line, or first on the
 * next line when the label ends its line). Then the labels and values left
 * over, kind by kind, are paired in order when there are as many of each
 * (renderers that print a column's labels, then its values); otherwise only
 * within each run of labels and the run of values after it that hold as many
 * of each, so no value moves onto another label's field.
 */
export function extractHeader(text: string, span: Span, messages: Message[]): HeaderFields {
  const result: HeaderFields = { caseNumber: null, dates: {}, priority: null };
  const list = withDamagedLabels(text, span, tokens(text, span), messages);
  const paired = new Set<Token>();
  // Side by side only where some label has its value right after it on the same line (else the text is stacked, and a value under a label is another's).
  const sideBySide = list.some((t, i) => t.label && list[i + 1] && !list[i + 1]!.label && list[i + 1]!.kind === t.kind && adjacent(text, t, list[i + 1]!, false));
  if (sideBySide) list.forEach((t, i) => {
    const next = list[i + 1];
    if (t.label && next && !next.label && next.kind === t.kind && adjacent(text, t, next, true)) {
      assign(result, t.label.field, next.raw, next.span);
      paired.add(t).add(next);
    }
  });
  for (const kind of ['case', 'date', 'priority'] as const) {
    const rest = list.filter((t) => t.kind === kind && !paired.has(t));
    const labels = rest.filter((t) => t.label);
    const values = rest.filter((t) => !t.label);
    if (labels.length === values.length) {
      labels.forEach((l, k) => assign(result, l.label!.field, values[k]!.raw, values[k]!.span));
      continue;
    }
    // A label or a value short: which one cannot be told, and a value moved onto the next label is a wrong value. Only the
    // blocks (a run of labels, then a run of values) with as many of each are paired; the rest stay empty and say so (below).
    for (const block of blocks(list.filter((t) => !paired.has(t)))) {
      const l = block.filter((t) => t.kind === kind && t.label);
      const v = block.filter((t) => t.kind === kind && !t.label);
      if (l.length === v.length) l.forEach((t, k) => assign(result, t.label!.field, v[k]!.raw, v[k]!.span));
    }
  }
  // A case number is unmistakable: without its label (a header that lost it, or a letter of no known layout), the first one is the case's.
  const unlabelled = result.caseNumber ? undefined : list.find((t) => t.kind === 'case' && !t.label);
  if (unlabelled) assign(result, 'case_number', unlabelled.raw, unlabelled.span);
  for (const t of list) {
    if (t.label && !valueOf(result, t.label.field)) messages.push({ ruleId: 'header-value-unread', reason: `the "${t.label.names[0]}:" label has no value that could be read`, severity: 'warning', span: t.span });
    else if (!t.label && t.kind !== 'case' && !assigned(result, t)) messages.push({ ruleId: 'header-value-unlabelled', reason: `"${t.raw}" in the header is taken by no label (a label may be damaged past reading)`, severity: 'warning', span: t.span });
  }
  return result;
}

/** The tokens cut into blocks, each a run of labels and the run of values after it. */
function blocks(list: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (const [k, t] of list.entries()) {
    if (k === 0 || (t.label && !list[k - 1]!.label)) out.push([]);
    out[out.length - 1]!.push(t);
  }
  return out;
}

/** Whether a value token is some field's value. */
function assigned(result: HeaderFields, t: Token): boolean {
  const found = [result.priority, ...Object.values(result.dates)];
  return found.some((f) => f && f.span.start === t.span.start);
}

function valueOf(result: HeaderFields, field: HeaderField): Found<string> | null {
  if (field === 'case_number') return result.caseNumber;
  if (field === 'priority') return result.priority;
  return result.dates[field] ?? null;
}

/**
 * The tokens, with the labels that are not printed exactly found by their
 * likeness ("Date Assqgned:"), each with a warning. Only in a header that
 * holds some label as printed: a header that holds none is not one.
 */
function withDamagedLabels(text: string, span: Span, list: Token[], messages: Message[]): Token[] {
  if (!list.some((t) => t.label)) return list;
  const found = new Set(list.flatMap((t) => (t.label ? [t.label.field] : [])));
  const taken = list.map((t) => t.span);
  const added: Token[] = [];
  for (const rule of LABELS) {
    if (found.has(rule.field)) continue;
    const at = damagedLabel(text, span, rule.names, taken);
    if (!at) continue;
    added.push({ label: rule, kind: rule.kind, raw: text.slice(at.start, at.end), span: at });
    taken.push(at);
    messages.push(labelDamaged(rule.names[0]!, at));
  }
  return added.length ? [...list, ...added].sort((a, b) => a.span.start - b.span.start) : list;
}

function assign(result: HeaderFields, field: HeaderField, raw: string, span: Span): void {
  if (field === 'case_number') {
    result.caseNumber = { value: raw.toUpperCase().replace(/ /g, ''), span };
  } else if (field === 'priority') {
    const value: Priority = /expedited|urgent/i.test(raw) ? 'expedited' : 'standard';
    result.priority = { value, span };
  } else {
    const iso = parseDate(raw);
    if (iso) result.dates[field] = { value: iso, span } satisfies Found<string>;
  }
}
