/**
 * Residual identifiers in the free-text values of a case: person names,
 * phone numbers, social security numbers, claim numbers, e-mail and street
 * addresses. The published letters are redacted; letters from other sources
 * may not be. Patterns find the structured ones; person names are found by
 * titles and credentials ("Dr. Ruiz", "Ana Ruiz, M.D.") and, in sentences
 * with two capitalised words that compromise's lexicon knows as a given name
 * or a surname, by compromise's people tagging.
 */
import { compromise } from './nlp.js';
import { loadLexicon } from './lexicon.js';
import type { CaseRecord, Located } from './record.js';

export type IdentifierKind = 'person' | 'phone' | 'ssn' | 'claim_number' | 'email' | 'address';

export interface IdentifierHit {
  kind: IdentifierKind;
  /** Where the value is in the record, e.g. `items[0].rationale`. */
  field: string;
  /** Offsets within the value's text. */
  start: number;
  end: number;
}

/** Each pattern, and a cheap test a text must pass for the pattern to be run on it at all (digits written out: V8 searches for `\d\d\d\d` many times faster than for `\d{4}`; the claim-number test opens with the word boundary its pattern opens with, else V8 tries its words at every letter). */
const PATTERNS: [IdentifierKind, RegExp, RegExp][] = [
  ['ssn', /\b\d{3}-\d{2}-\d{4}\b/g, /\d-\d/],
  ['phone', /(?<![\d-])(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\d-])/g, /\d\d\d\d/],
  // An e-mail address: the local part is matched from the "@" back, so a long word without one costs nothing.
  ['email', /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, /@/],
  ['claim_number', /\b(?:claim|policy|member|account)\s*(?:number|no\.?|#)\s*:?\s*[A-Z0-9][A-Z0-9-]{4,}\b|\bWC-?\d{2,4}-\d{4,}\b/gi, /\b(?:claim|policy|member|account|WC-?\d)/i],
  ['address', /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy)\b\.?/g, /\d\s+[A-Z]/],
  ['person', /\b(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)?|\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+,\s*(?:M\.?D|D\.?O|D\.?C|Ph\.?D|PA-C|NP|RN|DPM)\b\.?/g, /\b(?:Dr|Mr|Mrs|Ms|Miss)\b|,\s*(?:M\.?D|D\.?O|D\.?C|Ph\.?D|PA-C|NP|RN|DPM)\b/],
];

/**
 * Words the lexicons know (guideline titles, specialties, states, drugs,
 * treatments) and common capitalised words: a run of capitalised words made
 * of these is no name.
 */
const KNOWN_WORDS = (() => {
  const words = new Set(['the', 'this', 'that', 'these', 'in', 'on', 'at', 'for', 'per', 'as', 'of', 'and', 'or', 'with', 'mri', 'ct', 'emg', 'ncv', 'ncs', 'imr', 'ur', 'mtus', 'odg', 'acoem', 'guidelines', 'guideline', 'official', 'disability', 'utilization', 'review', 'independent', 'medical', 'expert', 'reviewer', 'claims', 'administrator', 'maximus', 'federal', 'services', 'decision', 'rationale', 'chapter', 'section', 'table', 'page', 'california', 'state', 'schedule', 'treatment', 'complaints', 'chronic', 'pain', 'american', 'college', 'occupational', 'environmental', 'medicine', 'association', 'society', 'food', 'drug', 'administration', 'center', 'national', 'institute', 'health', 'department', 'board', 'certified', 'workers', 'compensation', 'division', 'appeals', 'united', 'states', 'uptodate', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
  const add = (s: string) => s.toLowerCase().split(/[^a-z]+/).forEach((w) => w && words.add(w));
  const guidelines = loadLexicon<{ mtus: Record<string, string[]>; odg: Record<string, string[]> }>('guidelines.json');
  for (const group of [guidelines.mtus, guidelines.odg]) for (const [k, v] of Object.entries(group)) [k, ...v].forEach(add);
  for (const [k, v] of Object.entries(loadLexicon<{ specialties: Record<string, string[]> }>('specialties.json').specialties)) [k, ...v].forEach(add);
  Object.keys(loadLexicon<{ states: Record<string, string> }>('states.json').states).forEach(add);
  loadLexicon<{ entries: { name: string }[] }>('drugs.json').entries.forEach((e) => add(e.name));
  loadLexicon<{ rules: { terms: string[] }[] }>('treatments.json').rules.forEach((r) => r.terms.forEach(add));
  Object.values(loadLexicon<{ regions: Record<string, string[]> }>('body-regions.json').regions).flat().forEach(add);
  return words;
})();

const PLACE_WORDS = loadLexicon<{ first: string[]; last: string[] }>('place-names.json');
const PLACE_FIRST = new Set(PLACE_WORDS.first);
const PLACE_LAST = new Set(PLACE_WORDS.last);

/** Whether a run of capitalised words reads as a place name: its first word opens many ("San", "Fort", "North"), or its last ends many ("Beach", "Hills"). */
export function isPlaceName(run: string): boolean {
  const words = run.toLowerCase().replace(/[^a-z\s.]/g, ' ').split(/\s+/).map((w) => w.replace(/\.$/, '')).filter(Boolean);
  return words.length >= 2 && (PLACE_FIRST.has(words[0]!) || PLACE_LAST.has(words[words.length - 1]!));
}

/** Two capitalised words in a row that the lexicons do not know: where a bare name could be. */
const CAPITALISED_RUN = /\b([A-Z][a-z]+)\s+([A-Z][a-z]+)\b/g;

/** compromise's own lexicon: which words it knows as given names or surnames. */
let lexicon: Record<string, string | undefined> | null = null;
/** Looked up once (on first use, so compromise loads only when a letter needs it): model() is no cheap accessor. */
const names = (): Record<string, string | undefined> => (lexicon ??= (compromise().model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon);
const givenName = (w: string) => /^(?:FirstName|MaleName|FemaleName)$/.test(names()[w] ?? '');
const surname = (w: string) => names()[w] === 'LastName';

/** A run of capitalised words the lexicons do not know, one of which compromise knows as part of a name. */
function nameCandidate(sentence: string): boolean {
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(sentence); m !== null; m = CAPITALISED_RUN.exec(sentence)) {
    const [a, b] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    if (KNOWN_WORDS.has(a) || KNOWN_WORDS.has(b)) continue;
    if (givenName(a) || surname(b)) return true;
  }
  return false;
}

function scan(text: string, field: string): IdentifierHit[] {
  const hits: IdentifierHit[] = [];
  for (const [kind, re, hint] of PATTERNS) {
    if (!hint.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) hits.push({ kind, field, start: m.index, end: m.index + m[0].length });
  }
  // compromise only on the sentences with a run of unknown capitalised words.
  if (!nameCandidate(text)) return hits.sort((a, b) => a.start - b.start);
  for (const m of text.matchAll(/[^.!?]+[.!?]*/g)) {
    const sentence = m[0];
    if (!nameCandidate(sentence)) continue;
    const doc = compromise()(sentence);
    const places = (doc.places().json({ offset: true }) as { offset?: { start: number; length: number } }[]).flatMap((p) => (p.offset ? [p.offset] : []));
    for (const person of doc.people().json({ offset: true }) as { text: string; offset?: { start: number; length: number } }[]) {
      if (!person.offset) continue;
      // A town's name is no person's ("Santa Monica", "Laguna Hills"): a place word at either end, or compromise also reads a place there.
      if (isPlaceName(person.text) || places.some((p) => p.start < person.offset!.start + person.offset!.length && person.offset!.start < p.start + p.length)) continue;
      const start = m.index! + person.offset.start;
      const end = start + person.offset.length;
      if (!hits.some((h) => h.start < end && start < h.end)) hits.push({ kind: 'person', field, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The free-text values of a record, with their places. */
function freeText(r: CaseRecord): [string, Located<string>][] {
  const out: [string, Located<string>][] = [];
  const add = (field: string, l: Located<string> | null) => l && out.push([field, l]);
  add('occupation', r.occupation);
  add('mechanism', r.mechanism);
  r.diagnoses.forEach((l, i) => add(`diagnoses[${i}]`, l));
  r.negated.forEach((l, i) => add(`negated[${i}]`, l));
  r.items.forEach((item, i) => {
    add(`items[${i}].item_text`, item.item_text);
    add(`items[${i}].original_request`, item.original_request);
    add(`items[${i}].authorized_portion`, item.authorized_portion);
    add(`items[${i}].rationale`, item.rationale);
    item.citations.forEach((c, k) => add(`items[${i}].citations[${k}].raw`, c.raw));
  });
  return out;
}

export function findIdentifiers(r: CaseRecord): IdentifierHit[] {
  return freeText(r).flatMap(([field, l]) => scan(l.value, field));
}

export function countByKind(hits: readonly IdentifierHit[]): Partial<Record<IdentifierKind, number>> {
  const counts: Partial<Record<IdentifierKind, number>> = {};
  for (const h of hits) counts[h.kind] = (counts[h.kind] ?? 0) + 1;
  return counts;
}

/** A copy of the record with every identifier in its free text replaced by `[REDACTED:kind]`. */
export function redact(r: CaseRecord, hits: readonly IdentifierHit[]): CaseRecord {
  const copy = structuredClone(r);
  const byField = new Map<string, IdentifierHit[]>();
  for (const h of hits) byField.set(h.field, [...(byField.get(h.field) ?? []), h]);
  for (const [field, l] of freeText(copy)) {
    const list = byField.get(field);
    if (!list) continue;
    let value = l.value;
    for (const h of [...list].sort((a, b) => b.start - a.start)) value = `${value.slice(0, h.start)}[REDACTED:${h.kind}]${value.slice(h.end)}`;
    l.value = value;
  }
  return copy;
}
