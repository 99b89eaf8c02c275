/**
 * Dates as letters print them: MM/DD/YYYY in headers, m-d-yy or m/d/yyyy in
 * prose, written out ("November 15, 2016", "Dec. 1 2016", "15 November
 * 2016"), and year first in prose ("2016-11-02"). Only calendar-valid dates are accepted. One reader for every field
 * that takes a date from prose (`findDates`), so the injury date, the
 * utilization-review date and the item details read the same forms.
 */
import type { Span } from './types.js';

/** One date in any of the letters' numeric forms (no capture groups). The date patterns write digits out (`\d\d?`, not `\d{1,2}`): V8 searches faster for a pattern that starts so. */
export const DATE_TOKEN = String.raw`\b\d\d? ?[/-] ?\d\d? ?[/-] ?(?:\d\d\d\d|\d\d)\b`;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month's name or its abbreviation ("Sept", "Dec."), no capture groups. */
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/** A written-out date: "November 15, 2016", "Nov. 15 2016", "15 November 2016", "November 15th, 2016" (no capture groups). */
export const WRITTEN_DATE_TOKEN = String.raw`\b(?:${MONTH}\s*\d\d?(?:st|nd|rd|th)?,?\s*(?:19|20)\d\d|\d\d?(?:st|nd|rd|th)?\s+${MONTH},?\s*(?:19|20)\d\d)\b`;

/** Either form, numeric or written (no capture groups). */
export const ANY_DATE_TOKEN = `(?:${WRITTEN_DATE_TOKEN}|${DATE_TOKEN})`;

/** Two-digit years up to this value are 20yy, later ones 19yy. */
const PIVOT = 40;

export function isoDate(month: number, day: number, year: number): string | null {
  if (year < 100) year += year <= PIVOT ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date as the dataset writes it: `YYYY-MM-DD`. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date, or null when it is no calendar date ("2017-02-30"). */
export function epochDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().startsWith(iso) ? ms / 86_400_000 : null;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((m) => m.startsWith(key)) + 1;
}

/** The ISO form of one date token (numeric or written), or null when it is no calendar date. */
export function parseDate(raw: string): string | null {
  const iso = ISO_DATE.exec(raw);
  if (iso) return isoDate(Number(iso[2]), Number(iso[3]), Number(iso[1]));
  const m = /(\d{1,2})\s?[/-]\s?(\d{1,2})\s?[/-]\s?(\d{2,4})/.exec(raw);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const written = /([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})/.exec(raw) ?? /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s*(\d{4})/.exec(raw);
  if (!written) return null;
  const monthFirst = /^[A-Za-z]/.test(written[1]!);
  const month = monthNumber(monthFirst ? written[1]! : written[2]!);
  const day = Number(monthFirst ? written[2] : written[1]);
  return month > 0 ? isoDate(month, day, Number(written[3])) : null;
}

/** The first valid date in `s` at or after `from`, with where it was found (numeric forms). */
export function findDate(s: string, from = 0): { iso: string; index: number; length: number } | null {
  const re = new RegExp(DATE_TOKEN, 'g');
  re.lastIndex = from;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const iso = parseDate(m[0]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  return null;
}

export interface DateHit {
  iso: string;
  span: Span;
  /** Read from a broken form ("1231-16"): only where a date is expected. */
  broken: boolean;
}

/** In prose a date may be broken across a line after its separator ("dated 12-" / "31-16"). */
const PROSE_NUMERIC = String.raw`\b\d\d?\s?[/-]\s?\d\d?\s?[/-]\s?(?:\d\d\d\d|\d\d)\b`;
/** A date written year first, as the dataset writes it ("2016-11-02"). */
const ISO_TOKEN = String.raw`\b(?:19|20)\d\d-\d\d-\d\d\b`;
const ANY_DATE = new RegExp(`(?:${WRITTEN_DATE_TOKEN}|${ISO_TOKEN}|${PROSE_NUMERIC})`, 'gi');
/**
 * A date with one separator lost ("1231-16", "11-2216", "0105-2017", "1-917", "12-22016"): digits, one '-',
 * digits, 5 to 8 digits in all; not a dose or a ratio ("10/325 mg", "5-325mg": a slash, or a unit after it).
 */
const BROKEN_DATE = /(?<![\d/-])(\d{1,4})-(\d{2,6})(?![\d/-]|\s?(?:mg|mcg|ml|g|%))/gi;
/** Cheap test: most sentences have no digit at all. */
const DIGIT = /\d/;

/**
 * Every date in `text[span]` (default: all), in text order, with its span in
 * `text`. With `broken`, also the dates of one lost separator that an
 * unbroken date does not cover: a four-digit month-and-day or day-and-year
 * run ("1231-16" is 12/31/16, "11-2216" is 11/22/16, "0105-2017" is 01/05/2017).
 * A month and a year ("11-2016") is no date.
 */
export function findDates(text: string, span: Span = { start: 0, end: text.length }, broken = false): DateHit[] {
  const region = text.slice(span.start, span.end);
  if (!DIGIT.test(region)) return [];
  const out: DateHit[] = [];
  ANY_DATE.lastIndex = 0;
  for (let m = ANY_DATE.exec(region); m !== null; m = ANY_DATE.exec(region)) {
    const iso = parseDate(m[0]);
    if (iso) out.push({ iso, span: { start: span.start + m.index, end: span.start + m.index + m[0].length }, broken: false });
  }
  if (!broken) return out;
  BROKEN_DATE.lastIndex = 0;
  for (let m = BROKEN_DATE.exec(region); m !== null; m = BROKEN_DATE.exec(region)) {
    const start = span.start + m.index;
    const end = start + m[0].length;
    if (out.some((d) => d.span.start < end && start < d.span.end)) continue;
    const iso = brokenDate(m[1]!, m[2]!);
    if (iso) out.push({ iso, span: { start, end }, broken: true });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The date a run of digits with one separator lost stands for, or null when it is none or could be several. */
export function brokenDate(left: string, right: string): string | null {
  const digits = left.length + right.length;
  if (digits < 4 || digits > 8 || (digits === 4 && !(left.length === 1 && right.length === 3))) return null;
  // The month, then day and a four-digit year glued (a line-end hyphen joined away): "12-22016", "11-302016".
  if (left.length <= 2 && (right.length === 5 || right.length === 6) && /(?:19|20)\d\d$/.test(right)) return isoDate(Number(left), Number(right.slice(0, -4)), Number(right.slice(-4)));
  // Month and day glued, then the year: "1231-16", "0105-2017".
  if (left.length === 4 && (right.length === 2 || right.length === 4)) return isoDate(Number(left.slice(0, 2)), Number(left.slice(2)), Number(right));
  // The month, then day and year glued: "11-2216", "1-917", "11-816"; not a month and a year ("11-2016").
  if (left.length <= 2 && (right.length === 3 || right.length === 4) && !(right.length === 4 && /^(?:19|20)\d\d$/.test(right))) {
    return isoDate(Number(left), Number(right.slice(0, right.length - 2)), Number(right.slice(-2)));
  }
  return null;
}
