/**
 * Items of the older layouts, which state each decision as a sentence: "1.
 * Norco 10/325mg #120 is not medically necessary and appropriate." (2014),
 * "1) MAXIMUS Federal Services, Inc. has determined the request for X is
 * medically necessary and appropriate." (2013), "The requested X is not
 * medically necessary." (professional review). Glued words ("notmedically",
 * "medicallynecessary") are tolerated.
 */
import { squash, trimSpan } from '../lines.js';
import type { Found, Item, Message, Outcome, Span } from '../types.js';
import { extractGuidelines, type GuidelineLabels } from './citations.js';

/** "is (not) medically necessary": group 1 is "not" when upheld. */
export const NECESSITY = String.raw`\s*is\s*(not)?\s*medically\s*necessary`;

export interface Decided {
  no: number;
  text: Span;
  outcome: Found<Outcome>;
}

/**
 * Numbered decisions in `region`: `lead` opens each (with the item number as
 * group 1), the item text follows, then the necessity clause (its group 3 is
 * "not" when upheld). Numbers must
 * run 1, 2, 3...; a repeated list (2013 notices print it twice) is read once.
 */
export function numberedDecisions(text: string, region: Span, lead: string, necessity = NECESSITY, tail = ''): Decided[] {
  const re = decisionPattern(`${lead}([^]{1,600}?)${necessity}${tail}`);
  const body = text.slice(region.start, region.end);
  const out: Decided[] = [];
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const no = Number(m[1]);
    if (no !== out.length + 1) {
      if (no === 1 && out.length > 0) break;
      continue;
    }
    const [s, e] = m.indices![2]!;
    const textSpan = trimSpan(text, { start: region.start + s, end: region.start + e });
    // The outcome's span is the deciding words: "not medically necessary" or "medically necessary".
    const necessity = /(?:not\s*)?medically\s*necessary/i.exec(body.slice(e))!;
    const at = region.start + e + necessity.index;
    const length = necessity[0].length;
    out.push({ no, text: textSpan, outcome: { value: m[3] ? 'upheld' : 'overturned', span: { start: at, end: at + length } } });
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

/** Builds the item record of a decided request from its block (guideline paragraphs and rationale). */
export function proseItem(text: string, decided: Decided, block: Span | null, style: GuidelineLabels, messages: Message[]): Item {
  const itemText: Found<string> = { value: squash(text.slice(decided.text.start, decided.text.end)), span: decided.text };
  const body = block ? extractGuidelines(text, block, messages, style) : { guidelines: [], rationale: null };
  if (!block) messages.push({ ruleId: 'item-no-block', reason: `no guideline or rationale block for item ${decided.no}`, severity: 'warning', span: decided.text });
  const span = block ? { start: Math.min(decided.text.start, block.start), end: Math.max(decided.text.end, block.end) } : decided.text;
  return {
    itemNo: decided.no,
    span: trimSpan(text, span),
    header: itemText,
    itemText,
    originalRequest: null,
    authorizedPortion: null,
    outcome: decided.outcome,
    guidelines: body.guidelines,
    rationale: body.rationale,
  };
}

/** The spans between consecutive starts, the last running to `end`. */
export function blocks(starts: number[], end: number): Span[] {
  return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? end }));
}
