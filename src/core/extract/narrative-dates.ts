/**
 * Dates the case summary states in prose, the fallback where a letter has no
 * header: the injury date ("an industrial injury dated 08/06/2012", "date of
 * injury on 4-2-15") and the utilization-review denial date ("On 01/20/2015 the
 * request ... was non-certified by utilization review").
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import { urReports } from './utilization-review.js';
import type { Found, Span } from '../types.js';

/** An injury phrase, then (within the same sentence, 60 characters) a date. */
const INJURY = new RegExp(String.raw`\b(?:injur(?:y|ies|ed)|DOI)\b[^.;]{0,60}?(${DATE_TOKEN})`, 'gi');


export interface NarrativeDates {
  dateOfInjury: Found<string> | null;
  urDenialDate: Found<string> | null;
}

function found(text: string, start: number, raw: string): Found<string> | null {
  const iso = parseDate(raw);
  return iso ? { value: iso, span: { start, end: start + raw.length } } : null;
}

export function extractNarrativeDates(text: string, summary: Span): NarrativeDates {
  const region = text.slice(summary.start, summary.end);
  let dateOfInjury: Found<string> | null = null;
  INJURY.lastIndex = 0;
  for (let m = INJURY.exec(region); m !== null && !dateOfInjury; m = INJURY.exec(region)) {
    const raw = m[1]!;
    dateOfInjury = found(text, summary.start + m.index + m[0].length - raw.length, raw);
  }

  // The last utilization-review report that carries a date.
  const dated = urReports(text, summary).filter((r) => r.date);
  const urDenialDate = dated.length ? dated[dated.length - 1]!.date : null;
  return { dateOfInjury, urDenialDate };
}
