/**
 * Span audit: every value of a case record reads back from the source at its
 * [start, end) offsets (a text value is that slice normalised, white space
 * collapsed; a long value may drop running headers and page footers).
 */
import { brokenDate, parseDate } from '../../src/core/dates.js';
import { normalize } from '../../src/core/normalize.js';
import type { CaseRecord, Located } from '../../src/core/record.js';

/** What a value is: the normalised source text, white space collapsed. */
const squash = (s: string) => normalize(s).text.replace(/\s+/g, ' ').trim();

/** Problems found in one record; empty when every span reads back to its value. */
export function auditSpans(source: string, r: CaseRecord): string[] {
  const problems: string[] = [];
  const slice = (l: Located<unknown>) => source.slice(l.start, l.end);
  const check = (what: string, ok: boolean, l: Located<unknown>) => {
    if (!ok) problems.push(`${what}: ${JSON.stringify(l.value)} vs source ${JSON.stringify(slice(l))}`);
  };
  // Running headers and page footers inside a long value are dropped from it: its words then come in order from the slice's.
  const inOrder = (value: string, from: string) => {
    const words = squash(from).split(' ');
    let k = 0;
    for (const w of value.split(' ')) {
      while (k < words.length && words[k] !== w) k++;
      if (k++ >= words.length) return false;
    }
    return true;
  };
  // Words a renderer broke with a space ("str ain") are mended in normalisation: such a value is its slice without those spaces.
  const mended = (value: string, from: string) => /\S \S/.test(from) && value.replace(/\s+/g, '') === from.replace(/\s+/g, '');
  const text = (what: string, l: Located<string> | null) => l && check(what, squash(slice(l)) === l.value || inOrder(l.value, slice(l)) || mended(l.value, slice(l)), l);
  text('case_number', r.case_number);
  // A date as printed, written out, or with one separator lost ("1231-16", read only where a date is expected).
  const dateOf = (s: string) => parseDate(s) ?? ((b) => (b ? brokenDate(b[1]!, b[2]!) : null))(/^(\d{1,4})-(\d{2,6})$/.exec(s.trim()));
  for (const [field, l] of Object.entries(r.dates)) if (l) check(field, dateOf(slice(l)) === l.value, l);
  if (r.priority) check('priority', slice(r.priority).toLowerCase() === r.priority.value, r.priority);
  if (r.patient_age) check('patient_age', Number(slice(r.patient_age)) === r.patient_age.value, r.patient_age);
  if (r.patient_sex) check('patient_sex', /^(fe)?male|wom[ae]n|man|lady|gentleman|s?he|h(is|er|im)/i.test(slice(r.patient_sex)), r.patient_sex);
  for (const l of r.reviewer_licensure) check('licensure', /[A-Za-z]{2}/.test(slice(l)), l);
  for (const l of r.reviewer_specialty) check('specialty', slice(l).length > 0, l);
  const lower = (what: string, l: Located<string> | null) => l && check(what, squash(slice(l)).toLowerCase() === l.value || mended(l.value, slice(l).toLowerCase()), l);
  lower('occupation', r.occupation);
  lower('mechanism', r.mechanism);
  for (const l of r.diagnoses) lower('diagnosis', l);
  for (const l of r.negated) lower('negated', l);
  for (const l of [...r.body_regions, ...r.prior_treatments]) check('term', /\w/.test(slice(l)), l);
  if (r.ur_action_date) check('ur_action_date', dateOf(slice(r.ur_action_date)) === r.ur_action_date.value, r.ur_action_date);
  if (r.ur_action) check('ur_action', /certif|modif|den|necessar|approv|authori/i.test(slice(r.ur_action)), r.ur_action);
  for (const item of r.items) {
    const basis = item.treatment_basis;
    if (basis && !(item.item_text.start <= basis.start && basis.end <= item.item_text.end && /\w/.test(slice(basis)))) problems.push(`item ${item.item_no}: treatment basis outside the item text`);
    text('item_text', item.item_text);
    text('original_request', item.original_request);
    text('authorized_portion', item.authorized_portion);
    // The deciding words: "Upheld"/"Overturned", or "(not) medically necessary" in the older layouts.
    const outcome = item.outcome;
    if (outcome) {
      const words = squash(slice(outcome)).toLowerCase();
      const prose = /^(not\s*)?medically\s*necessary$/.exec(words);
      // A damaged word read by its likeness (a warning says so) has the outcome's letters in order, with debris.
      const damaged = r.warnings.some((w) => w.rule_id === 'outcome-recovered' && w.start === outcome.start);
      check('outcome', words === outcome.value || damaged || (prose !== null && (prose[1] !== undefined) === (outcome.value === 'upheld')), outcome);
    }
    text('rationale', item.rationale);
    for (const c of item.citations) text('citation', c.raw);
    if (!(item.start <= item.item_text.start && item.item_text.end <= item.end)) problems.push(`item ${item.item_no} does not contain its text`);
  }
  for (const s of r.sections) if (s.start > s.end || s.end > source.length) problems.push(`section ${s.name} out of range`);
  return problems;
}

