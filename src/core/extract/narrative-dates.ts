/**
 * Dates the case summary states in prose, the fallback where a letter has no
 * header: the injury date ("an industrial injury dated 08/06/2012", "date of
 * injury on 4-2-15") and the utilization-review denial date ("On 01/20/2015 the
 * request ... was non-certified by utilization review").
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import type { Found, Span } from '../types.js';

/** An injury phrase, then (within the same sentence, 60 characters) a date. */
const INJURY = new RegExp(String.raw`\b(?:injur(?:y|ies|ed)|DOI)\b[^.;]{0,60}?(${DATE_TOKEN})`, 'gi');

const UR = /\butili[sz]ation\s+review\b|\bUR\b/i;
const UR_ACTION = /non-?\s?certif|not\s+certif|denied|\bdeni(?:al|es)\b|modif|not\s+medically\s+necessary|certified\s+in\s+part|partially\s+certified/i;

export interface NarrativeDates {
  dateOfInjury: Found<string> | null;
  urDenialDate: Found<string> | null;
}

function found(text: string, start: number, raw: string): Found<string> | null {
  const iso = parseDate(raw);
  return iso ? { value: iso, span: { start, end: start + raw.length } } : null;
}

/** Sentences of `text[span]` with their offsets (split after . ! ? followed by a space). */
export function sentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[.!?](?=\s+(?:[A-Z0-9"'(]|$))|\n\s*\n/g;
  const region = text.slice(span.start, span.end);
  let last = 0;
  for (let m = re.exec(region); m !== null; m = re.exec(region)) {
    // Do not split inside a date or a decimal, or after common abbreviations.
    const before = region.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/\b(?:Dr|Mr|Mrs|Ms|vs|No|St|approx|e\.g|i\.e)\.$/i.test(before)) continue;
    const end = m.index + m[0].length;
    if (/\S/.test(region.slice(last, end))) out.push({ start: span.start + last, end: span.start + end });
    last = end;
  }
  if (/\S/.test(region.slice(last))) out.push({ start: span.start + last, end: span.end });
  return out;
}

export function extractNarrativeDates(text: string, summary: Span): NarrativeDates {
  const region = text.slice(summary.start, summary.end);
  let dateOfInjury: Found<string> | null = null;
  INJURY.lastIndex = 0;
  for (let m = INJURY.exec(region); m !== null && !dateOfInjury; m = INJURY.exec(region)) {
    const raw = m[1]!;
    dateOfInjury = found(text, summary.start + m.index + m[0].length - raw.length, raw);
  }

  // The last sentence that names utilization review, an action and a date.
  let urDenialDate: Found<string> | null = null;
  const date = new RegExp(DATE_TOKEN, 'g');
  for (const s of sentences(text, summary)) {
    const sentence = text.slice(s.start, s.end);
    if (!UR.test(sentence) || !UR_ACTION.test(sentence)) continue;
    date.lastIndex = 0;
    for (let m = date.exec(sentence); m !== null; m = date.exec(sentence)) {
      const hit = found(text, s.start + m.index, m[0]);
      if (hit) {
        urDenialDate = hit;
        break;
      }
    }
  }
  return { dateOfInjury, urDenialDate };
}
