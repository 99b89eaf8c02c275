/**
 * The header block: case number, five dates, priority.
 *
 * PDF text extractors lay the two-column header out in two ways: label and
 * value side by side ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016"),
 * or all labels of a column first and all their values after. Both keep the
 * labels and the values in the same relative order. Side by side, a label
 * takes the value right after it; stacked, labels are queued and each value
 * goes to the oldest queued label that takes a value of its kind.
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import type { DateField, Found, HeaderFields, Priority, Span } from '../types.js';

type ValueKind = 'case' | 'date' | 'priority';
type HeaderField = 'case_number' | DateField | 'priority';

interface LabelRule {
  field: HeaderField;
  kind: ValueKind;
  pattern: string;
}

const LABELS: LabelRule[] = [
  { field: 'case_number', kind: 'case', pattern: 'Case\\s*Number\\s*:' },
  { field: 'date_assigned', kind: 'date', pattern: 'Date\\s*Assigned\\s*:' },
  { field: 'date_of_injury', kind: 'date', pattern: 'Date\\s*of\\s*Injury\\s*:' },
  { field: 'decision_date', kind: 'date', pattern: 'Decision\\s*Date\\s*:|(?<![A-Za-z])Dated\\s*:' },
  { field: 'ur_denial_date', kind: 'date', pattern: 'UR\\s*Denial\\s*Date\\s*:' },
  { field: 'priority', kind: 'priority', pattern: 'Priority\\s*:' },
  { field: 'application_received', kind: 'date', pattern: 'Application\\s*Received\\s*:' },
];

export const CASE_NUMBER = /\bCM\d{2}-\d{5,8}\b/;

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

/** Only white space, and at most one line break, between two tokens. */
function adjacent(text: string, a: Token, b: Token, allowBreak: boolean): boolean {
  const gap = text.slice(a.span.end, b.span.start);
  return /^\s*$/.test(gap) && (allowBreak || !gap.includes('\n'));
}

/** Reads the header fields from `span` of `text`. */
export function extractHeader(text: string, span: Span): HeaderFields {
  const result: HeaderFields = { caseNumber: null, dates: {}, priority: null };
  const list = tokens(text, span);
  // Side by side: some label has its value right after it on the same line. Then a
  // label takes only the value that follows it (on its line, or first on the next
  // line when the label ends its line); a label with none is empty.
  const sideBySide = list.some((t, i) => t.label && list[i + 1] && !list[i + 1]!.label && list[i + 1]!.kind === t.kind && adjacent(text, t, list[i + 1]!, false));
  if (sideBySide) {
    list.forEach((t, i) => {
      const next = list[i + 1];
      if (t.label && next && !next.label && next.kind === t.kind && adjacent(text, t, next, true)) assign(result, t.label.field, next.raw, next.span);
    });
    return result;
  }
  // Stacked: labels are queued, and each value goes to the oldest queued label of its kind.
  const pending: LabelRule[] = [];
  for (const t of list) {
    if (t.label) {
      pending.push(t.label);
      continue;
    }
    const at = pending.findIndex((l) => l.kind === t.kind);
    if (at === -1) continue;
    const [label] = pending.splice(at, 1);
    assign(result, label!.field, t.raw, t.span);
  }
  return result;
}

function assign(result: HeaderFields, field: HeaderField, raw: string, span: Span): void {
  if (field === 'case_number') {
    result.caseNumber = { value: raw.toUpperCase(), span };
  } else if (field === 'priority') {
    const value: Priority = /expedited|urgent/i.test(raw) ? 'expedited' : 'standard';
    result.priority = { value, span };
  } else {
    const iso = parseDate(raw);
    if (iso) result.dates[field] = { value: iso, span } satisfies Found<string>;
  }
}
