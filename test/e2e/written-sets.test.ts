/**
 * The rules on the test sets written by hand (test/fixtures/reasons-rationales.README.md,
 * negated-summaries.README.md): the decision reasons of 120 written rationales
 * and the `negated` phrases of 80 written case summaries, on each split. The
 * floors are the measured values (docs/accuracy.md), so that a regression
 * shows. Needs no ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/golden.js';
import { scoreWritten } from '../../scripts/summary-score.js';
import { extractReasons, type ItemOutcome, type ReasonCode } from '../../src/core/extract/reasons.js';

interface Written {
  id: string;
  split: 'dev' | 'check';
  item_text: string;
  outcome: 'upheld' | 'overturned';
  other_items?: { item_text: string; outcome: ItemOutcome }[];
  rationale: string;
  codes: ReasonCode[];
}

const RATIONALES = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'reasons-rationales.json'), 'utf8')) as Written[];

/** Micro F1 over all codes, and the share of items whose code set is exactly right. */
function scoreReasons(items: readonly Written[]): { f1: number; exact: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  for (const w of items) {
    const got = new Set(extractReasons(w.rationale, { start: 0, end: w.rationale.length }, w.outcome, w.item_text, (w.other_items ?? []).map((o) => ({ itemText: o.item_text, outcome: o.outcome }))).map((r) => r.code));
    const want = new Set(w.codes);
    const hits = [...got].filter((c) => want.has(c)).length;
    tp += hits;
    fp += got.size - hits;
    fn += want.size - hits;
    if (hits === want.size && got.size === want.size) exact++;
  }
  return { f1: (2 * tp) / (2 * tp + fp + fn), exact: exact / items.length };
}

/** The measured values, rounded down. */
const REASON_FLOORS = { dev: { f1: 0.94, exact: 0.85 }, check: { f1: 0.8, exact: 0.55 } };
const NEGATED_FLOORS = { dev: { precision: 0.99, f1: 0.99 }, check: { precision: 0.93, f1: 0.9 } };

describe('the rules on test sets written by hand', () => {
  it.each(['dev', 'check'] as const)('decision reasons, %s split of the written rationales', (split) => {
    const items = RATIONALES.filter((w) => w.split === split);
    expect(items).toHaveLength(60);
    const s = scoreReasons(items);
    expect(s.f1).toBeGreaterThanOrEqual(REASON_FLOORS[split].f1);
    expect(s.exact).toBeGreaterThanOrEqual(REASON_FLOORS[split].exact);
  });

  it.each(['dev', 'check'] as const)('negated phrases, %s split of the written case summaries', (split) => {
    const { score } = scoreWritten(join(ROOT, 'test', 'fixtures', 'negated-summaries.json'), split);
    expect(score.letters).toBe(70);
    expect(score.precision).toBeGreaterThanOrEqual(NEGATED_FLOORS[split].precision);
    expect(score.f1).toBeGreaterThanOrEqual(NEGATED_FLOORS[split].f1);
  });
});
