/**
 * Dates the case summary states in prose, the fallback where a letter has no
 * header: the injury date ("an industrial injury dated 05/14/2013", "date of
 * injury on 4-2-15") and the utilization-review denial date ("On 02/17/2015 the
 * request for ... was non-certified by utilization review").
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import { statedReview } from './utilization-review.js';
import { narrative } from './case-summary.js';
import type { DateField, Found, Span } from '../types.js';

/** An injury phrase, then (within the same sentence, 60 characters) a date. */
const INJURY = new RegExp(String.raw`\b(?:injur(?:y|ies|ed)|hurt|DOI)\b[^.;]{0,60}?(${DATE_TOKEN})`, 'gi');


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

  // The review's date as the case summary reads it (its narrative, the same rule as ur_action_date).
  const urDenialDate = statedReview(text, narrative(text, summary))?.date ?? null;
  return { dateOfInjury, urDenialDate };
}

/** Where a 2013 notice states each date, in order of preference. */
const NOTICE_CUES: [DateField, RegExp][] = [
  ['date_assigned', new RegExp(String.raw`\bassigned\b[^]{0,90}?\bon\s+(${DATE_TOKEN})`, 'i')],
  ['application_received', new RegExp(String.raw`\bOn\s+(${DATE_TOKEN}),?\s+[^]{0,80}?\breceived\s+an?\s+application`, 'i')],
  ['application_received', new RegExp(String.raw`\bApplication\s+for\s+Independent\s+Medical\s+Review\b[^]{0,120}?\b(?:was\s+)?received\s+(?:by\s+[^]{0,50}?)?on\s+(${DATE_TOKEN})`, 'i')],
  ['application_received', new RegExp(String.raw`\b(?:receipt\s+of|received)\s+(?:an?|the)\s+Application\b[^]{0,60}?\bon\s+(${DATE_TOKEN})`, 'i')],
  ['ur_denial_date', new RegExp(String.raw`\bUtilization\s+Review\s+(?:Denial|decision|determination)\s+dated\s+(${DATE_TOKEN})`, 'i')],
];

/**
 * The dates a 2013 notice states in its opening paragraph: "assigned to
 * MAXIMUS ... on 10/21/2013", "receipt of an Application for Independent
 * Medical Review on 10/15/2013", "disputing the Utilization Review Denial
 * dated 10/2/2013", in any order.
 */
export function noticeDates(text: string, span: Span): Partial<Record<DateField, Found<string>>> {
  const body = text.slice(span.start, span.end);
  const out: Partial<Record<DateField, Found<string>>> = {};
  for (const [field, re] of NOTICE_CUES) {
    if (out[field]) continue;
    const m = re.exec(body);
    if (!m) continue;
    const start = span.start + m.index + m[0].indexOf(m[1]!);
    const hit = found(text, start, m[1]!);
    if (hit) out[field] = hit;
  }
  return out;
}
