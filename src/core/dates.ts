/**
 * Dates as letters print them: MM/DD/YYYY in headers, m-d-yy or m/d/yyyy in
 * prose. Only calendar-valid dates are accepted.
 */

/** One date in any of the letters' numeric forms (no capture groups). */
export const DATE_TOKEN = String.raw`\b\d{1,2} ?[/-] ?\d{1,2} ?[/-] ?(?:\d{4}|\d{2})\b`;

/** Two-digit years up to this value are 20yy, later ones 19yy. */
const PIVOT = 40;

export function isoDate(month: number, day: number, year: number): string | null {
  if (year < 100) year += year <= PIVOT ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO form of one date token, or null when it is no calendar date. */
export function parseDate(raw: string): string | null {
  const m = /(\d{1,2}) ?[/-] ?(\d{1,2}) ?[/-] ?(\d{2,4})/.exec(raw);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The first valid date in `s` at or after `from`, with where it was found. */
export function findDate(s: string, from = 0): { iso: string; index: number; length: number } | null {
  const re = new RegExp(DATE_TOKEN, 'g');
  re.lastIndex = from;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const iso = parseDate(m[0]);
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  return null;
}
