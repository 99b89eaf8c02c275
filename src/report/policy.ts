/**
 * The DWC policy dates the report marks on its trends, read from
 * data/policy-dates.json (each with its label and its DWC source).
 */
import { readFileSync } from 'node:fs';
import { epochDay } from '../core/dates.js';

export interface PolicyDate {
  /** ISO `YYYY-MM-DD`: the date the source gives as effective. */
  date: string;
  label: string;
  /** The DWC regulation or order. */
  source: string;
  /** The DWC page that states the date, when there is one. */
  url: string | null;
  /** Other public pages the date was read in. */
  checked_in: string[];
}

export const POLICY_DATES_FILE = new URL('../../data/policy-dates.json', import.meta.url);


/** Checks the file's shape; throws with the offending entry when a field is missing or malformed. */
export function parsePolicyDates(json: string): PolicyDate[] {
  const data = JSON.parse(json) as { dates?: unknown };
  if (!Array.isArray(data.dates)) throw new Error('policy dates: no "dates" array');
  const dates = data.dates.map((entry: unknown, i): PolicyDate => {
    const e = entry as Partial<PolicyDate>;
    const ok =
      typeof e.date === 'string' && epochDay(e.date) !== null &&
      typeof e.label === 'string' && e.label.trim() !== '' &&
      typeof e.source === 'string' && e.source.trim() !== '' &&
      (e.url === null || (typeof e.url === 'string' && /^https?:\/\//.test(e.url))) &&
      Array.isArray(e.checked_in) && e.checked_in.every((u) => typeof u === 'string' && /^https?:\/\//.test(u));
    if (!ok) throw new Error(`policy dates: entry ${i} needs date (YYYY-MM-DD), label, source, url (or null) and checked_in: ${JSON.stringify(entry)}`);
    return { date: e.date!, label: e.label!, source: e.source!, url: e.url ?? null, checked_in: e.checked_in! };
  });
  return dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

let cached: PolicyDate[] | null = null;

export function policyDates(): PolicyDate[] {
  cached ??= parsePolicyDates(readFileSync(POLICY_DATES_FILE, 'utf8'));
  return cached;
}
