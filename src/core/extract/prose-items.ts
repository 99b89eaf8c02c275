/**
 * Items of the layouts that state each decision as a sentence: "1. Norco
 * 10/325mg #120 is not medically necessary and appropriate." (2014), "1)
 * MAXIMUS Federal Services, Inc. has determined the request for X is medically
 * necessary and appropriate." (2013), "Bilateral medial branch blocks are not
 * medically necessary" (plural). Glued words ("notmedically") and wrapped lines
 * are tolerated; numbers may skip or repeat (the letter still has every item
 * it shows, and the checks report the numbering).
 */
import { trimSpan } from '../lines.js';
import type { Span } from '../types.js';
import type { FoundItem } from './items.js';
import { NECESSITY, necessityOutcome } from './outcome.js';

/**
 * Numbered decisions in `region`: `lead` opens each (with the item number as
 * group 1), the item text follows, then the necessity clause (its group 3 is
 * "not" when upheld). A list that starts again at 1 is a repeat (2013 notices
 * print it twice) and is read once.
 */
export function numberedDecisions(text: string, region: Span, lead: string, necessity = NECESSITY, tail = ''): FoundItem[] {
  const re = decisionPattern(`${lead}([^]{1,600}?)${necessity}${tail}`);
  const body = text.slice(region.start, region.end);
  const out: FoundItem[] = [];
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const no = m[1] ? Number(m[1]) : null;
    if (no === 1 && out.length > 0) break;
    const [s, e] = m.indices![2]!;
    const outcome = necessityOutcome(text, region.start + e, Boolean(m[3]));
    out.push({ printedNo: no, request: trimSpan(text, { start: region.start + s, end: region.start + e }), outcome, outcomeAt: outcome.span, block: null });
  }
  return out;
}

/** The layouts' few decision patterns, each compiled once. */
const decisionPatterns = new Map<string, RegExp>();

function decisionPattern(source: string): RegExp {
  let re = decisionPatterns.get(source);
  if (!re) {
    re = new RegExp(source, 'gid');
    decisionPatterns.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The spans between consecutive starts, the last running to `end`. */
export function blocks(starts: number[], end: number): Span[] {
  return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? end }));
}
