/**
 * The expert reviewer's credentials: states of licensure (as USPS codes) and
 * certifications/specialties (normalised to the DWC reviewer-specialty list).
 */
import { Vocabulary } from '../fuzzy.js';
import { damagedLabel, labelDamaged, mendWords, wordsDamaged } from '../labels.js';
import { loadLexicon } from '../lexicon.js';
import { sentences } from '../sentences.js';
import { TermMatcher } from '../terms.js';
import type { Found, Message, Reviewer, Span } from '../types.js';
import { STATES as STATE_LEXICON, STATE_CODES } from '../vocabulary.js';

interface SpecialtiesLexicon {
  specialties: Record<string, string[]>;
}

const codes = new Set(STATE_CODES);
const stateNames: Record<string, string[]> = {};
for (const [name, code] of [...Object.entries(STATE_LEXICON.states), ...Object.entries(STATE_LEXICON.aliases)]) {
  (stateNames[code] ??= []).push(name);
}
const STATES = new Vocabulary(stateNames, 0.94);
const specialtyNames = loadLexicon<SpecialtiesLexicon>('specialties.json').specialties;
const SPECIALTIES = new Vocabulary(specialtyNames, 0.93);
const SPECIALTY_TERMS = new TermMatcher(Object.entries(specialtyNames).map(([canonical, aliases]) => [canonical, [canonical, ...aliases]] as const));
const STATE_TERMS = new TermMatcher(Object.entries(stateNames).map(([code, names]) => [code, names] as const));

/** The two labels, their colon optional: a renderer can drop it, and the words alone are unmistakable. */
const LICENSURE_LABEL = /State\s*\(?s\)?\s*of\s*Licensure\s*:?/i;
const SPECIALTY_LABEL = /Certifications?\s*\(?s?\)?\s*\/\s*Specialt(?:y|ies)\s*:?/i;

/** A comma-separated list item with its text span. */
interface Piece {
  text: string;
  span: Span;
}

/** List separators (global: pieces searches them match by match). */
const STATE_SEPARATOR = /,|;|\band\b/g;
const SPECIALTY_SEPARATOR = /,|;/g;

/** Splits `text[span]` at each match of the global `separator`, trimming pieces and keeping their spans. */
function pieces(text: string, span: Span, separator: RegExp): Piece[] {
  const out: Piece[] = [];
  const region = text.slice(span.start, span.end);
  const re = separator;
  re.lastIndex = 0;
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = region.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim().replace(/[.;:]+$/, '');
    if (trimmed) out.push({ text: trimmed, span: { start: span.start + from + lead, end: span.start + from + lead + trimmed.length } });
  };
  for (let m = re.exec(region); m !== null; m = re.exec(region)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, region.length);
  return out;
}

/** A label's span in the section: as printed, or else by its likeness ("State(s) of Licensre:"), with a warning. */
function labelIn(text: string, section: Span, label: RegExp, name: string, messages: Message[], taken: readonly Span[] = []): Span | null {
  const m = label.exec(text.slice(section.start, section.end));
  if (m) return { start: section.start + m.index, end: section.start + m.index + m[0].length };
  const damaged = damagedLabel(text, section, [name], taken);
  if (damaged) messages.push(labelDamaged(name, damaged));
  return damaged;
}

/** The value after a label: to the end of its paragraph (a blank line) or the next label (`stop`, from the section's start: null for none). */
function valueAfter(text: string, section: Span, label: Span | null, stop: number | null): Span | null {
  if (!label) return null;
  const region = text.slice(section.start, section.end);
  let start = label.end - section.start;
  let end = region.length;
  const blank = /\n[ \t]*\n/.exec(region.slice(start));
  if (blank) end = Math.min(end, start + blank.index);
  if (stop !== null && stop >= start) end = Math.min(end, stop);
  while (start < end && /\s/.test(region[start]!)) start++;
  while (end > start && /\s/.test(region[end - 1]!)) end--;
  return { start: section.start + start, end: section.start + end };
}

export function extractReviewer(text: string, section: Span, messages: Message[]): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialty: [] };
  const licensureLabel = labelIn(text, section, LICENSURE_LABEL, 'State(s) of Licensure', messages);
  const specialtyLabel = labelIn(text, section, SPECIALTY_LABEL, 'Certification(s)/Specialty', messages, licensureLabel ? [licensureLabel] : []);
  if (!licensureLabel && !specialtyLabel) {
    messages.push({ ruleId: 'reviewer-not-found', reason: "no credentials found in the reviewer's qualifications", severity: 'warning', span: section });
    return reviewer;
  }
  // The states' list ends at the line's end, or at the specialties' label on its line.
  const lineEnd = licensureLabel ? text.indexOf('\n', licensureLabel.end) : -1;
  const statesEnd = licensureLabel && specialtyLabel && specialtyLabel.start > licensureLabel.end && (lineEnd < 0 || specialtyLabel.start < lineEnd) ? specialtyLabel.start : lineEnd < 0 ? null : lineEnd;
  const states = valueAfter(text, section, licensureLabel, statesEnd === null ? null : statesEnd - section.start);
  if (states) {
    const seen = new Set<string>();
    for (const piece of pieces(text, states, STATE_SEPARATOR)) {
      const upper = piece.text.toUpperCase();
      const code = codes.has(upper) ? upper : STATES.lookup(piece.text)?.canonical;
      if (!code) {
        messages.push({ ruleId: 'reviewer-unknown-state', reason: `unknown state of licensure "${piece.text}"`, severity: 'warning', span: piece.span });
      } else if (!seen.has(code)) {
        seen.add(code);
        reviewer.licensure.push({ value: code, span: piece.span });
      }
    }
    reviewer.licensure.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  const specialties = valueAfter(text, section, specialtyLabel, null);
  if (specialties) reviewer.specialty = matchSpecialties(text, pieces(text, specialties, SPECIALTY_SEPARATOR), messages);
  return reviewer;
}

/**
 * Matches list pieces to specialties, trying the longest run of pieces first,
 * since a few specialty names contain a comma themselves.
 */
function matchSpecialties(text: string, list: Piece[], messages: Message[]): Found<string>[] {
  const out: Found<string>[] = [];
  for (let i = 0; i < list.length; ) {
    let matched = false;
    for (let j = Math.min(list.length - 1, i + 2); j >= i; j--) {
      const span = { start: list[i]!.span.start, end: list[j]!.span.end };
      const hit = SPECIALTIES.lookup(text.slice(span.start, span.end));
      if (hit) {
        if (!out.some((f) => f.value === hit.canonical)) out.push({ value: hit.canonical, span });
        if (hit.fuzzy) {
          messages.push({ ruleId: 'reviewer-specialty-fuzzy', reason: `specialty "${text.slice(span.start, span.end)}" read as "${hit.canonical}"`, severity: 'warning', span });
        }
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const piece = list[i]!;
      messages.push({ ruleId: 'reviewer-unknown-specialty', reason: `specialty "${piece.text}" is not on the DWC list; kept as printed`, severity: 'warning', span: piece.span });
      out.push({ value: piece.text.replace(/\s+/g, ' '), span: piece.span });
      i++;
    }
  }
  return out;
}

/** A sentence that states credentials in prose. */
const CREDENTIAL_SENTENCE = /board\s+certified|certified\s+in|sub-?specialty|specialty|licen[sc]ed|licen[sc]e\s+to\s+practice|\bDoctor\s+of\b|\bLicensed\b/i;
const LICENSE_CUE = /licen[sc](?:ed|e)\b(?:\s+to\s+practice)?(?:\s+(?:medicine|chiropractic|psychology|acupuncture))?\s+in\s+(?:the\s+states?\s+of\s+)?/i;
/** The cue's words, for finding them damaged (src/core/labels.ts). */
const LICENSE_WORDS = ['licensed', 'licenced', 'license', 'licence', 'practice', 'medicine', 'chiropractic', 'psychology', 'acupuncture'];

/** The states' list after licensing words ending at `from`: to the sentence's end (`end`) or its first period or semicolon. */
function stateList(text: string, from: number, end: number): Span {
  return { start: from, end: from + text.slice(from, end).split(/[.;]/)[0]!.length };
}

/** The states a list names, each once (`seen`: those already read). */
function statesIn(text: string, list: Span, seen: Set<string>): Found<string>[] {
  const out: Found<string>[] = [];
  for (const hit of STATE_TERMS.scan(text, list)) {
    if (seen.has(hit.key)) continue;
    seen.add(hit.key);
    out.push({ value: hit.key, span: { start: hit.index, end: hit.index + hit.length } });
  }
  return out;
}

/**
 * Credentials written as prose ("The expert reviewer is Board Certified in
 * Physical Medicine and Rehabilitation, has a subspecialty in Pain Medicine and
 * is licensed to practice in California"): every specialty named in the
 * credential sentences, in order, and the states after "licensed ... in".
 */
export function extractReviewerProse(text: string, section: Span, messages: Message[]): Reviewer {
  const reviewer: Reviewer = { licensure: [], specialty: [] };
  const seenStates = new Set<string>();
  for (const s of sentences(text, section)) {
    const sentence = text.slice(s.start, s.end);
    if (!CREDENTIAL_SENTENCE.test(sentence)) continue;
    const license = LICENSE_CUE.exec(sentence);
    const licenseAt = license ? license.index : sentence.length;
    for (const hit of SPECIALTY_TERMS.scan(text, { start: s.start, end: s.start + licenseAt })) {
      if (!reviewer.specialty.some((f) => f.value === hit.key)) reviewer.specialty.push({ value: hit.key, span: { start: hit.index, end: hit.index + hit.length } });
    }
    if (!license) continue;
    reviewer.licensure.push(...statesIn(text, stateList(text, s.start + license.index + license[0].length, s.end), seenStates));
  }
  if (reviewer.licensure.length === 0) reviewer.licensure = damagedLicensure(text, section, messages);
  if (reviewer.specialty.length === 0 && reviewer.licensure.length === 0) {
    messages.push({ ruleId: 'reviewer-not-found', reason: 'no credentials found in the reviewer\'s qualifications', severity: 'warning', span: section });
  }
  reviewer.licensure.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return reviewer;
}

/**
 * The states where the prose gave none: after the licensing words of the first
 * credential sentence whose words, damaged, are put back ("liceqsed to
 * practice in": src/core/labels.ts), with a warning. Where the licensing words
 * stand but no state after them can be read ("licensed to practice in
 * Califqrnia"), that is said.
 */
function damagedLicensure(text: string, section: Span, messages: Message[]): Found<string>[] {
  for (const s of sentences(text, section)) {
    const printed = text.slice(s.start, s.end);
    const mended = LICENSE_CUE.test(printed) ? null : mendWords(text, s, LICENSE_WORDS);
    const sentence = mended?.text ?? printed;
    const license = CREDENTIAL_SENTENCE.test(sentence) ? LICENSE_CUE.exec(sentence) : null;
    if (!license) continue;
    const source = mended?.source ?? ((i: number) => s.start + i);
    const list = stateList(text, source(license.index + license[0].length), s.end);
    const states = statesIn(text, list, new Set());
    if (states.length === 0) messages.push({ ruleId: 'reviewer-unknown-state', reason: `no state of licensure could be read in "${text.slice(list.start, list.end)}"`, severity: 'warning', span: list });
    else messages.push(wordsDamaged('reviewer_licensure', { start: source(license.index), end: list.start }));
    return states;
  }
  return [];
}
