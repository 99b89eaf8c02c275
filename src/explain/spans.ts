/**
 * Every span of a case record, found by walking the record generically: any
 * object with numeric `start` and `end` is a span (a located value, an item,
 * a section, a mention, a positioned warning). New fields with offsets show up
 * in the audit view without this file changing.
 */
import type { CaseRecord } from '../core/record.js';

export type SpanKind = 'value' | 'mention' | 'item' | 'section' | 'warning' | 'span';

export interface SpanEntry {
  /** 1-based, in walk (record) order. */
  id: number;
  kind: SpanKind;
  /** JSON path into the record: `items[0].citations[1].raw`. */
  path: string;
  /** For people: `item 1 › citations[1] › raw`. */
  label: string;
  /** The value as the dataset has it (items: a summary; sections: the name; warnings: rule and reason). */
  value: string;
  start: number;
  end: number;
  /** Other scalar properties of the span's object (a mention's kind and status, an item's category...). */
  extra: Record<string, string>;
  /** Offsets are integers with 0 <= start <= end <= text length. */
  valid: boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function scalar(x: unknown): string | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (Array.isArray(x) && x.every((e) => typeof e === 'string' || typeof e === 'number')) return x.join(';');
  return null;
}

function kindOf(path: string, node: Record<string, unknown>): SpanKind {
  if (/^sections\[\d+\]$/.test(path)) return 'section';
  if (/^warnings\[\d+\]$/.test(path)) return 'warning';
  if (/^mentions\[\d+\]$/.test(path)) return 'mention';
  if ('item_no' in node) return 'item';
  if ('value' in node) return 'value';
  return 'span';
}

function describe(kind: SpanKind, node: Record<string, unknown>): string {
  if (kind === 'item') {
    const outcome = isObject(node.outcome) ? scalar(node.outcome.value) : null;
    return `item ${String(node.item_no)}${outcome ? `: ${outcome}` : ''}`;
  }
  if (kind === 'section') return String(node.name ?? '');
  if (kind === 'warning') return `${String(node.rule_id ?? '')}: ${String(node.reason ?? '')}`;
  return scalar(node.value) ?? JSON.stringify(node.value ?? null);
}

/** The scalar properties shown beside a span, other than its value and offsets. */
function extras(kind: SpanKind, node: Record<string, unknown>): Record<string, string> {
  const skip = new Set(['value', 'start', 'end', 'name', 'rule_id', 'reason', 'item_no']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) {
    if (skip.has(k)) continue;
    const s = scalar(v);
    if (s !== null && s !== '' && !(kind === 'item' && (v === false || k === 'offsets'))) out[k] = s;
  }
  return out;
}

/** All spans of `record`, in record order; `textLength` bounds the valid offsets. */
export function collectSpans(record: CaseRecord, textLength: number): SpanEntry[] {
  const out: SpanEntry[] = [];
  const walk = (node: unknown, path: string, label: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        const itemNo = path === 'items' && isObject(child) && isOffset(child.item_no) ? child.item_no : null;
        walk(child, `${path}[${i}]`, itemNo !== null ? `item ${itemNo}` : `${label}[${i}]`);
      });
      return;
    }
    if (!isObject(node)) return;
    if ('start' in node && 'end' in node && isOffset(node.start) && isOffset(node.end)) {
      const kind = kindOf(path, node);
      const { start, end } = node;
      out.push({
        id: out.length + 1,
        kind,
        path,
        label,
        value: describe(kind, node),
        start,
        end,
        extra: extras(kind, node),
        valid: start >= 0 && start <= end && end <= textLength,
      });
    }
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'object' && v !== null) walk(v, path ? `${path}.${k}` : k, label ? `${label} › ${k}` : k);
    }
  };
  walk(record, '', '');
  return out;
}
