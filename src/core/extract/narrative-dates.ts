/**
 * Dates the case summary states in prose, the fallback where a letter has no
 * header: the injury date ("an industrial injury dated 05/14/2013", "date of
 * injury on 4-2-15") and the utilization-review denial date ("On 02/17/2015 the
 * request for ... was non-certified by utilization review").
 */
import { DATE_TOKEN, parseDate } from '../dates.js';
import { statedReview } from './utilization-review.js';
import { narrative } from './case-summary.js';
import { mendWords, wordsDamaged } from '../labels.js';
import type { DateField, Found, Message, Span } from '../types.js';

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
/** The cues' words, for finding them damaged (src/core/labels.ts). */
const NOTICE_WORDS = ['assigned', 'received', 'receipt', 'application', 'independent', 'medical', 'review', 'utilization', 'denial', 'decision', 'determination', 'dated'];
/** The dates every notice's opening paragraph states. */
const NOTICE_FIELDS: readonly DateField[] = ['date_assigned', 'application_received', 'ur_denial_date'];

type Dates = Partial<Record<DateField, Found<string>>>;

/** Each field's date in `body` by its first cue that matches, where `out` has none yet; `source` maps an offset of `body` to one of `text`. Returns the spans of `text` the cues matched. */
function readCues(text: string, body: string, source: (i: number) => number, out: Dates): Partial<Record<DateField, Span>> {
  const matched: Partial<Record<DateField, Span>> = {};
  for (const [field, re] of NOTICE_CUES) {
    if (out[field]) continue;
    const m = re.exec(body);
    if (!m) continue;
    const hit = found(text, source(m.index + m[0].indexOf(m[1]!)), m[1]!);
    if (!hit) continue;
    out[field] = hit;
    matched[field] = { start: source(m.index), end: source(m.index + m[0].length) };
  }
  return matched;
}

/** The notice's opening paragraph: `span` up to its numbered list ("1) MAXIMUS ... has determined"). */
function openingParagraph(text: string, span: Span): Span {
  const list = /\n[ \t]*\d{1,2}\)/.exec(text.slice(span.start, span.end));
  const end = list ? span.start + list.index : span.end;
  const body = text.slice(span.start, end);
  return { start: span.start + (body.length - body.trimStart().length), end: span.start + body.trimEnd().length };
}

/**
 * The dates a 2013 notice states in its opening paragraph: "assigned to
 * MAXIMUS ... on 10/21/2013", "receipt of an Application for Independent
 * Medical Review on 10/15/2013", "disputing the Utilization Review Denial
 * dated 10/2/2013", in any order. The paragraph states all three: one not
 * read is read again with the cues' damaged words put back ("Appliqation"),
 * with a warning, unless that puts it on a date read for another field; one
 * still not read is said.
 */
export function noticeDates(text: string, span: Span, messages: Message[]): Dates {
  const out: Dates = {};
  readCues(text, text.slice(span.start, span.end), (i) => span.start + i, out);
  if (NOTICE_FIELDS.every((f) => out[f])) return out;
  const paragraph = openingParagraph(text, span);
  const mended = mendWords(text, paragraph, NOTICE_WORDS);
  if (mended) {
    const again: Dates = {};
    const matched = readCues(text, mended.text, mended.source, again);
    for (const field of NOTICE_FIELDS) {
      const hit = again[field];
      if (out[field] || !hit || Object.values(out).some((f) => f.span.start === hit.span.start)) continue;
      out[field] = hit;
      messages.push(wordsDamaged(field, matched[field]!));
    }
  }
  for (const field of NOTICE_FIELDS) {
    if (!out[field]) messages.push({ ruleId: 'header-value-unread', reason: `the opening paragraph states ${field}, but no date could be read for it`, severity: 'warning', span: paragraph });
  }
  return out;
}
