/**
 * One letter through the stages: normalise → detect layout → segment →
 * extract each field family → assemble the case record in source offsets.
 * Pure: text in, a record or a stable error out; never throws on bad text.
 */
import { extractCaseSummary, type CaseSummary } from './extract/case-summary.js';
import { extractDemographics } from './extract/demographics.js';
import { extractReasons } from './extract/reasons.js';
import { drugDetails } from './extract/drugs.js';
import { itemDetails } from './extract/item-details.js';
import { classifyTreatment } from './extract/treatment.js';
import { extractHeader } from './extract/header.js';
import { extractNarrativeDates } from './extract/narrative-dates.js';
import { extractReviewer, extractReviewerProse } from './extract/reviewer.js';
import { findIdentifiers } from './identifiers.js';
import { detectLayout, LAYOUTS } from './layouts/index.js';
import { unknownItems, unknownNarrative } from './layouts/unknown.js';
import { checkItems } from './extract/completeness.js';
import { itemsComplete, ruleList } from './warnings.js';
import { buildItems, type FoundItem } from './extract/items.js';
import { findHeadings, HeadingIndex } from './headings.js';
import type { ItemChecks, Layout } from './layouts/layout.js';
import { createLetter } from './letter.js';
import { isSpaceCode, squash } from './lines.js';
import { toSource } from './normalize.js';
import { caseOutcome, DATE_FIELDS, type CaseRecord, type ItemRecord, type Located } from './record.js';
import type { ReasonCode } from './vocabulary.js';
import type { ErrorCode } from './schema.js';
import { sectionNamed, segment } from './sections.js';
import type { DateField, Found, Item, Letter, Section, Span, TemplateName } from './types.js';


export type LetterResult = { ok: true; record: CaseRecord } | { ok: false; code: ErrorCode; message: string };

/** Words that any IMR determination letter uses; a document with none of them is something else. */
const IMR_MARKERS = /Independent\s+Medical\s+Review|\bIMR\b|MAXIMUS\s+Federal\s+Services|Expert\s+Reviewer|UR\s+Denial\s+Date\s*:|\bCM\d{2}-\d{5,8}\b/i;

/** What a layout (or, for an unknown one, the whole text) gives each field family. */
interface Reading {
  template: TemplateName;
  sections: Section[];
  header: Span | null;
  credentials: { span: Span; style: 'labels' | 'prose' } | null;
  summary: Span | null;
  found: FoundItem[];
  checks: ItemChecks | null;
  proseDates: Partial<Record<DateField, Found<string>>>;
}

/**
 * The items of a letter whose layout gave none: each other layout's reader on
 * that layout's own headings, then the readers for letters of no known layout.
 */
function otherReaders(text: string, layout: Layout, messages: Letter['messages']): FoundItem[] {
  const index = new HeadingIndex(text);
  for (const other of LAYOUTS) {
    if (other === layout) continue;
    const found = other.items(text, segment(text, findHeadings(index, other.headings, true)));
    if (found.length > 0) {
      messages.push({ ruleId: 'items-other-reader', reason: `no item in the ${layout.name} form; the items were read in the ${other.name} form`, severity: 'warning' });
      return found;
    }
  }
  const found = unknownItems(text);
  if (found.length > 0) messages.push({ ruleId: 'items-other-reader', reason: `no item in the ${layout.name} form; the items were read as in a letter of no known layout`, severity: 'warning' });
  return found;
}

function read(letter: Letter): Reading | null {
  const { text, messages } = letter;
  const detected = detectLayout(text);
  if (detected) {
    const { layout, headings } = detected;
    for (const h of headings) {
      if (h.fuzzy) messages.push({ ruleId: 'heading-damaged', reason: `the ${h.section} heading is damaged; read as "${layout.headings.find((x) => x.section === h.section)?.titles?.[0] ?? h.section}"`, severity: 'warning', span: h.span });
    }
    const sections = segment(text, headings);
    const credentials = sectionNamed(sections, layout.credentials.section);
    for (const name of [layout.credentials.section, layout.summary]) {
      if (!sectionNamed(sections, name)) messages.push({ ruleId: 'section-missing', reason: `no ${name} section`, severity: 'warning' });
    }
    const found = layout.items(text, sections);
    return {
      template: layout.name,
      sections,
      header: sectionNamed(sections, 'header')?.body ?? null,
      credentials: credentials ? { span: credentials.body, style: layout.credentials.style } : null,
      summary: sectionNamed(sections, layout.summary)?.body ?? null,
      // Items read by another reader are not checked against this layout's marks.
      ...(found.length > 0 ? { found, checks: layout.checks } : { found: otherReaders(text, layout, messages), checks: null }),
      proseDates: layout.proseDates?.(text, sections, messages) ?? {},
    };
  }
  if (!IMR_MARKERS.test(text)) return null;
  // An IMR letter of no known layout: what can be found in the whole text.
  const whole = { start: 0, end: text.length };
  messages.push({ ruleId: 'layout-unknown', reason: 'none of the known layouts\' headings: fields were read from the whole text and may be incomplete', severity: 'warning' });
  return { template: 'unknown', sections: [], header: whole, credentials: { span: whole, style: 'prose' }, summary: unknownNarrative(text) ?? whole, found: unknownItems(text), checks: null, proseDates: {} };
}

export function extractLetter(sourceFile: string, source: string): LetterResult {
  if (!/\S/.test(source)) return { ok: false, code: 'empty_file', message: 'the file is empty or holds only white space' };
  const letter = createLetter(sourceFile, source);
  const reading = read(letter);
  if (!reading) return { ok: false, code: 'not_an_imr_letter', message: 'none of the headings or wording of an IMR determination letter' };
  const { template, sections } = reading;
  const messages = letter.messages;
  const { text } = letter;
  if (reading.found.length === 0) {
    return { ok: false, code: 'no_decisions', message: `recognised as ${template === 'unknown' ? 'an IMR letter of no known layout' : template} but no decided item could be found (truncated?)` };
  }

  const items = buildItems(text, reading.found, messages);
  checkItems(text, sections, reading.checks, items, messages);
  // A letter of no known layout has its whole text for a header: its dates are not a header's, so what the header reader would say of them is not said.
  const headerFields = reading.header ? extractHeader(text, reading.header, template === 'unknown' ? [] : messages) : { caseNumber: null, dates: {}, priority: null };
  const reviewer = !reading.credentials
    ? { licensure: [], specialty: [] }
    : reading.credentials.style === 'labels'
      ? extractReviewer(text, reading.credentials.span, messages)
      : extractReviewerProse(text, reading.credentials.span, messages);
  const summary = reading.summary;
  const demographics = summary ? extractDemographics(text, summary) : { age: null, sex: null };
  const narrative = summary ? extractNarrativeDates(text, summary) : { dateOfInjury: null, urDenialDate: null };
  const clinical: CaseSummary | null = summary ? extractCaseSummary(text, summary) : null;
  if (reading.header && !headerFields.caseNumber && template !== 'unknown') messages.push({ ruleId: 'header-no-case-number', reason: 'a header without a case number', severity: 'warning', span: reading.header });

  const loc = <T>(found: Found<T> | null | undefined): Located<T> | null => (found ? located(letter, found) : null);
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, loc(headerFields.dates[f] ?? reading.proseDates[f])])) as CaseRecord['dates'];
  dates.date_of_injury ??= loc(narrative.dateOfInjury);
  dates.ur_denial_date ??= loc(narrative.urDenialDate);

  const itemRecords = items.map((item) => itemRecord(letter, item, items));
  const nOverturned = itemRecords.filter((i) => i.outcome?.value === 'overturned').length;
  const caseNumber = loc(headerFields.caseNumber);
  const record: CaseRecord = {
    case_id: caseNumber?.value ?? baseName(sourceFile),
    source_file: sourceFile,
    template,
    offsets: 'utf16',
    case_number: caseNumber,
    dates,
    priority: loc(headerFields.priority),
    patient_age: loc(demographics.age),
    patient_sex: loc(demographics.sex),
    reviewer_licensure: reviewer.licensure.map((f) => located(letter, f)),
    reviewer_specialty: reviewer.specialty.map((f) => located(letter, f)),
    n_items: itemRecords.length,
    n_overturned: nOverturned,
    case_outcome: caseOutcome(itemRecords.map((i) => i.outcome?.value ?? null)),
    occupation: loc(clinical?.occupation),
    mechanism: loc(clinical?.mechanism),
    mechanism_type: clinical?.mechanismType ?? null,
    body_regions: (clinical?.bodyRegions ?? []).map((f) => located(letter, f)),
    diagnoses: (clinical?.diagnoses ?? []).map((f) => located(letter, f)),
    prior_treatments: (clinical?.priorTreatments ?? []).map((f) => located(letter, f)),
    negated: (clinical?.negated ?? []).map((f) => located(letter, f)),
    ur_action: loc(clinical?.urAction),
    ur_action_date: loc(clinical?.urActionDate),
    mentions: (clinical?.mentions ?? []).map((m) => {
      const { start, end } = sourceSpan(letter, m.span);
      return { kind: m.kind, value: m.value, status: m.status, start, end };
    }),
    sections: sections.map((s) => {
      const { start, end } = sourceSpan(letter, s.span);
      return { name: s.name, start, end };
    }),
    items: itemRecords,
    items_complete: itemsComplete(messages.map((m) => m.ruleId)),
    warning_rules: ruleList(messages.map((m) => m.ruleId)),
    warnings: messages.map((m) => {
      const span = m.span ? sourceSpan(letter, m.span) : null;
      return { rule_id: m.ruleId, reason: m.reason, start: span?.start ?? null, end: span?.end ?? null };
    }),
    identifiers: [],
  };
  record.identifiers = findIdentifiers(record);
  return { ok: true, record };
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

function sourceSpan(letter: Letter, span: Span): Span {
  return toSource(letter.map, span.start, span.end);
}

// Records are built with their properties written out rather than spread in: spreading is much slower, and there are many.
function located<T>(letter: Letter, found: Found<T>): Located<T> {
  const { start, end } = sourceSpan(letter, found.span);
  return { value: found.value, start, end };
}

function itemRecord(letter: Letter, item: Item, items: readonly Item[]): ItemRecord {
  const party = (p: 'claims_administrator' | 'reviewer') => item.guidelines.find((g) => g.citedBy === p);
  const ca = party('claims_administrator');
  const rv = party('reviewer');
  const loc = <T>(f: Found<T> | null): Located<T> | null => (f ? located(letter, f) : null);
  const itemText = item.itemText.value;
  const drugs = drugDetails(itemText);
  const treatment = classifyTreatment(itemText, drugs);
  const details = itemDetails(itemText, drugs?.topical);
  const { start, end } = sourceSpan(letter, item.span);
  return {
    item_no: item.itemNo,
    start,
    end,
    item_text: located(letter, item.itemText),
    original_request: loc(item.originalRequest),
    authorized_portion: loc(item.authorizedPortion),
    outcome: loc(item.outcome),
    treatment_category: treatment.category,
    treatment_subcategory: treatment.subcategory,
    // Offsets found in the whitespace-normalised item text map back through the item's own span.
    treatment_basis: treatment.span ? located(letter, { value: treatment.basis, span: textSpanIn(letter.text, item.itemText.span, treatment.span) }) : null,
    quantity: details.quantity,
    quantity_unit: details.quantityUnit,
    frequency: details.frequency,
    body_region: details.bodyRegion,
    laterality: details.laterality,
    drug: drugs?.drug ?? '',
    strength: drugs?.strength ?? '',
    dose_form: drugs?.doseForm ?? '',
    retrospective: details.retrospective,
    date_of_service: details.dateOfService,
    associated_surgery: details.associatedSurgery,
    claims_admin_sources: ca?.families ?? [],
    reviewer_sources: rv?.families ?? [],
    claims_admin_no_evidence: ca?.noEvidence ?? false,
    reviewer_no_evidence: rv?.noEvidence ?? false,
    citations: item.guidelines.flatMap((g) =>
      g.citations.map((c) => ({
        cited_by: c.citedBy,
        family: c.family,
        guideline: c.guideline,
        edition: c.edition,
        chapter: c.chapter,
        sections: c.sections,
        pages: c.pages,
        raw: located(letter, c.raw),
      })),
    ),
    rationale: loc(item.rationale),
    reasons: reasonsOf(letter, item, itemText, items),
  };
}

/** An item's reasons; a rationale in which none is read is a warning (every rationale gives some ground). */
function reasonsOf(letter: Letter, item: Item, itemText: string, items: readonly Item[]): Located<ReasonCode>[] {
  if (!item.rationale) return [];
  const others = items.filter((other) => other !== item).map((other) => ({ itemText: other.itemText.value, outcome: other.outcome?.value ?? null }));
  const reasons = extractReasons(letter.text, item.rationale.span, item.outcome?.value ?? null, itemText, others);
  if (reasons.length === 0) letter.messages.push({ ruleId: 'item-no-reason', reason: `item ${item.itemNo}: no ground of the reasons vocabulary could be read in its rationale: reasons is empty`, severity: 'warning', span: item.rationale.span });
  return reasons.map((r) => located(letter, { value: r.code, span: r.span }));
}

/**
 * Maps a span of a whitespace-normalised value back to the text it was
 * squashed from: the value's k-th non-space character is the k-th non-space
 * character of the text span.
 */
function textSpanIn(text: string, span: Span, inValue: Span): Span {
  let seen = 0;
  let start = span.start;
  let end = span.end;
  const value = squash(text.slice(span.start, span.end));
  const startK = nonSpaceBefore(value, inValue.start);
  const endK = nonSpaceBefore(value, inValue.end);
  for (let i = span.start; i < span.end; i++) {
    if (isSpaceCode(text.charCodeAt(i))) continue;
    if (seen === startK) start = i;
    seen++;
    if (seen === endK) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

/** How many characters of `s` before offset `k` are not white space. */
function nonSpaceBefore(s: string, k: number): number {
  let n = 0;
  for (let i = 0; i < Math.min(k, s.length); i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}
