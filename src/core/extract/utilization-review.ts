/**
 * What the case summary says utilization review did: the sentences that
 * report it ("On 12-2-16, utilization review non-certified ...", "The
 * previous denial for the requests below was on 12/16/2016", "previously
 * reviewed and denied on 11/10/2016"), the action, and its date.
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import type { UrAction } from '../vocabulary.js';
import { sentences } from '../sentences.js';
import type { Found, Span } from '../types.js';


const NAMED = /\butili[sz]ation\s+review\b|\bUR\b/i;
const EARLIER_REVIEW = /\b(?:previous(?:ly)?|prior|original)\b[^.]*?\b(?:review(?:ed)?|denial|denied|determination|non-?\s?certif\w*|modif\w*)\b/i;

const ACTION_WORDS: [RegExp, UrAction][] = [
  [/certified\s+in\s+part|partially\s+(?:certified|approved|authorized)|(?:approved|authorized|certified)\s+in\s+part/i, 'certified in part'],
  [/non-?\s?certif|not\s+certif|not\s+medically\s+necessary|did\s+not\s+(?:certify|approve)/i, 'non-certified'],
  [/modif/i, 'modified'],
  [/\bdenied\b|\bdeni(?:al|es)\b|\bdeny\b/i, 'denied'],
];

export interface UrReport {
  sentence: Span;
  action: Found<UrAction>;
  date: Found<string> | null;
}

const DATES = new RegExp(DATE_TOKEN, 'g');

function firstDate(text: string, s: Span): Found<string> | null {
  const re = DATES;
  re.lastIndex = 0;
  const sentence = text.slice(s.start, s.end);
  for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
    const iso = parseDate(m[0]);
    if (iso) return { value: iso, span: { start: s.start + m.index, end: s.start + m.index + m[0].length } };
  }
  return null;
}

/**
 * Every sentence of the summary that reports a utilization-review action, in
 * order. A report without a date of its own takes the date of the sentence
 * just before it when that one speaks of the same review ("The request was
 * previously reviewed on 11/30/2016. The requested therapy was previously denied ...").
 */
export function urReports(text: string, region: Span): UrReport[] {
  const out: UrReport[] = [];
  const list = sentences(text, region);
  // Whether each sentence speaks of a review, tested once (a report also asks it of the sentence before).
  const aboutReview = list.map((s) => {
    const sentence = text.slice(s.start, s.end);
    return NAMED.test(sentence) || EARLIER_REVIEW.test(sentence);
  });
  list.forEach((s, i) => {
    if (!aboutReview[i]) return;
    const sentence = text.slice(s.start, s.end);
    let best: { at: number; len: number; action: UrAction } | null = null;
    for (const [re, action] of ACTION_WORDS) {
      const m = re.exec(sentence);
      if (m && (!best || m.index < best.at)) best = { at: m.index, len: m[0].length, action };
    }
    if (!best) return;
    let date = firstDate(text, s);
    const previous = list[i - 1];
    if (!date && previous && aboutReview[i - 1]) date = firstDate(text, previous);
    out.push({ sentence: s, action: { value: best.action, span: { start: s.start + best.at, end: s.start + best.at + best.len } }, date });
  });
  return out;
}
