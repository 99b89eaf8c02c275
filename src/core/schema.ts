/**
 * The output schema, defined once: every CSV column with its meaning, type,
 * allowed values and how it is drawn from a case record. The sinks write from
 * these definitions and the codebook is generated from them.
 */
import { BODY_REGIONS, REASON_CODES, DOSE_FORMS, MECHANISM_TYPES, PRIOR_TREATMENTS, QUANTITY_UNITS, STATE_CODES, UR_ACTIONS } from './vocabulary.js';
import { RULE_IDS } from './warnings.js';
import { TREATMENT_CATEGORIES, TREATMENT_SUBCATEGORIES } from './taxonomy.js';
import { type CaseRecord, type CitationRecord, type ItemRecord, type Located } from './record.js';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'list' | 'boolean';

export type Cell = string | number | null;

export interface Column<R> {
  name: string;
  type: ColumnType;
  description: string;
  /** The allowed values (for a list: of each element). */
  values?: readonly string[];
  /** Free text written by the letter's authors: neutralised against spreadsheet formulas. */
  freeText?: boolean;
  get: (row: R) => Cell;
}

export interface TableSchema<R> {
  file: string;
  description: string;
  columns: readonly Column<R>[];
}

export const TEMPLATES = ['issues-2015', 'rationale-2014', 'notice-2013', 'professional-review', 'unknown'] as const;
export const SOURCE_FAMILIES = ['MTUS', 'ODG', 'ACOEM', 'Other'] as const;
export const CASE_OUTCOMES = ['upheld', 'overturned', 'partially_overturned'] as const;
/** The stable codes of errors.csv, with what each means. */
export const ERROR_CODE_MEANINGS = {
  empty_file: 'the file is empty or holds only white space',
  binary_file: 'the file holds bytes no text letter has (NUL and other control bytes)',
  unreadable: 'the file could not be read (permissions, vanished during the run, not a regular file)',
  not_an_imr_letter: 'readable text, but none of the headings or wording of an IMR determination letter',
  no_decisions: 'an IMR letter whose layout was recognised or suggested, but in which no decided item could be found (e.g. truncated)',
  extractor_failed: 'an internal error of the extractor on this letter (a defect: please report it)',
  timeout: 'processing took longer than the time budget (--time-budget) and was stopped',
  file_too_large: 'larger than the size limit (--max-bytes): no letter is that long',
  pdf_encrypted: 'a PDF that needs a password (or an encryption pdf.js cannot undo)',
  pdf_no_text: 'a PDF with pages but no text layer (a scan): OCR is out of scope; the manifest counts these',
  pdf_damaged: 'a PDF that cannot be read: empty, truncated (no %%EOF), or not a PDF',
} as const;
export type ErrorCode = keyof typeof ERROR_CODE_MEANINGS;
export const ERROR_CODES = Object.keys(ERROR_CODE_MEANINGS) as ErrorCode[];

const v = <T>(l: Located<T> | null): T | null => (l ? l.value : null);
const list = (xs: readonly (string | Located<string>)[]): string => xs.map((x) => (typeof x === 'string' ? x : x.value)).join(';');

export interface DecisionRow {
  record: CaseRecord;
  item: ItemRecord;
}
export interface CitationRow {
  record: CaseRecord;
  item: ItemRecord;
  citation: CitationRecord;
  /** The citation's 1-based position among its item's citations. */
  citationNo: number;
}

/** The decisions.csv rows of a case, in item order. */
export const decisionRows = (record: CaseRecord): DecisionRow[] => record.items.map((item) => ({ record, item }));

/** The citations.csv rows of a case, in item order, then citation order. */
export const citationRows = (record: CaseRecord): CitationRow[] =>
  record.items.flatMap((item) => item.citations.map((citation, i) => ({ record, item, citation, citationNo: i + 1 })));
export interface ErrorRow {
  source_file: string;
  error_code: string;
  message: string;
}

export const CASES: TableSchema<CaseRecord> = {
  file: 'cases.csv',
  description: 'One row per letter (case).',
  columns: [
    { name: 'case_id', type: 'string', description: 'The IMR case number when the letter has one, else the input file name without extension.', freeText: true, get: (r) => r.case_id },
    { name: 'source_file', type: 'string', description: 'Input path relative to the input root, `/`-separated.', freeText: true, get: (r) => r.source_file },
    { name: 'template', type: 'string', description: 'The letter layout recognised by its headings.', values: TEMPLATES, get: (r) => r.template },
    { name: 'case_number', type: 'string', description: '`CMyy-nnnnnnn` as printed in the header; empty if absent.', get: (r) => v(r.case_number) },
    { name: 'date_assigned', type: 'date', description: 'Date the case was assigned to a reviewer (header).', get: (r) => v(r.dates.date_assigned) },
    { name: 'decision_date', type: 'date', description: 'Date of the final determination (header).', get: (r) => v(r.dates.decision_date) },
    { name: 'date_of_injury', type: 'date', description: 'Date of injury: the header, else the case summary ("industrial injury dated ...").', get: (r) => v(r.dates.date_of_injury) },
    { name: 'ur_denial_date', type: 'date', description: 'Utilization-review denial date: the header, else the case summary\'s utilization-review sentence.', get: (r) => v(r.dates.ur_denial_date) },
    { name: 'application_received', type: 'date', description: 'Date the IMR application was received (header).', get: (r) => v(r.dates.application_received) },
    { name: 'priority', type: 'string', description: 'Review priority (header).', values: ['standard', 'expedited'], get: (r) => v(r.priority) },
    { name: 'patient_age', type: 'integer', description: 'Patient age in years as the case summary states it.', get: (r) => v(r.patient_age) },
    { name: 'patient_sex', type: 'string', description: 'Patient sex as the case summary states it.', values: ['female', 'male'], get: (r) => v(r.patient_sex) },
    { name: 'reviewer_licensure', type: 'list', description: "The expert reviewer's states of licensure as USPS codes, sorted.", values: STATE_CODES, get: (r) => list(r.reviewer_licensure) },
    { name: 'reviewer_specialty', type: 'list', description: "The expert reviewer's certifications/specialties normalised to the DWC reviewer-specialty list, in letter order (a name not on the list is kept as printed, with a warning).", freeText: true, get: (r) => list(r.reviewer_specialty) },
    { name: 'n_items', type: 'integer', description: "Number of the case's rows in decisions.csv.", get: (r) => r.n_items },
    { name: 'n_overturned', type: 'integer', description: 'Number of those items overturned.', get: (r) => r.n_overturned },
    { name: 'case_outcome', type: 'string', description: '`upheld` (no item overturned), `overturned` (every item), `partially_overturned`.', values: CASE_OUTCOMES, get: (r) => r.case_outcome },
    { name: 'occupation', type: 'string', description: "The worker's job as the case summary states it, lowercase, no article; empty when not stated (never inferred from a workplace).", freeText: true, get: (r) => v(r.occupation) },
    { name: 'mechanism', type: 'string', description: 'Short phrase for how the injury happened, as stated (at most eight words).', freeText: true, get: (r) => v(r.mechanism) },
    { name: 'mechanism_type', type: 'string', description: 'The kind of mechanism; empty when the summary states no mechanism.', values: MECHANISM_TYPES, get: (r) => r.mechanism_type },
    { name: 'body_regions', type: 'list', description: 'Body regions injured, complained of or diagnosed in the case summary ("neck" is cervical spine, "low back" or "back" lumbar spine).', values: BODY_REGIONS, get: (r) => list(r.body_regions) },
    { name: 'diagnoses', type: 'list', description: 'Diagnoses as stated, lowercase, split where the letter runs several together.', freeText: true, get: (r) => list(r.diagnoses) },
    { name: 'prior_treatments', type: 'list', description: 'Treatment received before the request, normalised (a named class replaces the generic: "Norco" gives opioids, not medications).', values: PRIOR_TREATMENTS, get: (r) => list(r.prior_treatments) },
    { name: 'negated', type: 'list', description: 'Short phrases the summary states as absent or not done ("denies numbness" gives numbness).', freeText: true, get: (r) => list(r.negated) },
    { name: 'ur_action', type: 'string', description: 'What utilization review did, per the summary.', values: UR_ACTIONS, get: (r) => v(r.ur_action) },
    { name: 'ur_action_date', type: 'date', description: 'Date of that action as the summary states it.', get: (r) => v(r.ur_action_date) },
    { name: 'items_complete', type: 'boolean', description: '`false` when the letter shows a disputed item that was not read whole (an outcome outside every item read, a gap in the item numbering, more item marks than items, an item without its outcome); never `true` when the checks could not run (a letter of no known layout).', get: (r) => String(r.items_complete) },
    { name: 'warnings', type: 'list', description: "Distinct rule ids of the case's warnings, in a fixed order (the codebook explains each; cases.jsonl has their positions).", values: RULE_IDS, get: (r) => r.warning_rules.join(';') },
    { name: 'n_warnings', type: 'integer', description: 'Number of warnings on this case (listed with positions in cases.jsonl).', get: (r) => r.warnings.length },
  ],
};

export const DECISIONS: TableSchema<DecisionRow> = {
  file: 'decisions.csv',
  description: 'One row per disputed treatment item: the unit of overturn-rate analysis.',
  columns: [
    { name: 'case_id', type: 'string', description: 'The case (see cases.csv).', get: (r) => r.record.case_id },
    { name: 'item_no', type: 'integer', description: "The item's 1-based position in the letter.", get: (r) => r.item.item_no },
    { name: 'item_text', type: 'string', description: 'The request the outcome applies to, whitespace-normalised; for a partial authorisation, the remaining IMR-eligible portion.', freeText: true, get: (r) => r.item.item_text.value },
    { name: 'original_request', type: 'string', description: 'For a partial authorisation: the original request; else empty.', freeText: true, get: (r) => v(r.item.original_request) },
    { name: 'authorized_portion', type: 'string', description: 'For a partial authorisation: the part the claims administrator authorised; else empty.', freeText: true, get: (r) => v(r.item.authorized_portion) },
    { name: 'outcome', type: 'string', description: '`upheld`: the utilization-review denial stands; `overturned`: found medically necessary; empty when the outcome word could not be read (the case has `items_complete` false).', values: ['upheld', 'overturned'], get: (r) => v(r.item.outcome) },
    { name: 'treatment_category', type: 'string', description: 'Treatment category of the request (the DWC IMR taxonomy).', values: TREATMENT_CATEGORIES, get: (r) => r.item.treatment_category },
    { name: 'treatment_subcategory', type: 'string', description: "Subcategory within the category; for Pharmaceuticals the drug class.", values: TREATMENT_SUBCATEGORIES, get: (r) => r.item.treatment_subcategory },
    { name: 'quantity', type: 'number', description: 'How many (or how much) was requested (sessions, tablets, grams, ...; see quantity_unit): "12 sessions", "#60", "times 12", "120.25 gm"; or frequency times duration ("2x6" gives 12).', get: (r) => r.item.quantity },
    { name: 'frequency', type: 'string', description: 'How often: "2x/week x 6 weeks", "2x/day", "every 6 hours as needed".', get: (r) => r.item.frequency },
    { name: 'body_region', type: 'list', description: 'Body regions the request names.', values: BODY_REGIONS, get: (r) => r.item.body_region },
    { name: 'laterality', type: 'string', description: 'Side the request names.', values: ['right', 'left', 'bilateral'], get: (r) => r.item.laterality },
    { name: 'drug', type: 'list', description: 'Generic ingredients of each drug named, "/"-joined ("hydrocodone/acetaminophen" for Norco).', get: (r) => r.item.drug },
    { name: 'strength', type: 'list', description: 'Strengths as printed, normalised ("10/325 mg", "5%").', get: (r) => r.item.strength },
    { name: 'claims_admin_sources', type: 'list', description: 'Guideline families the claims administrator cited for this item; empty when it cited no medical evidence.', values: SOURCE_FAMILIES, get: (r) => list(r.item.claims_admin_sources) },
    { name: 'reviewer_sources', type: 'list', description: 'Guideline families the expert reviewer cited for this item; empty when it cited no medical evidence.', values: SOURCE_FAMILIES, get: (r) => list(r.item.reviewer_sources) },
    { name: 'reasons', type: 'list', description: "The grounds the reviewer's rationale gives for the outcome (the contract's decision-reason vocabulary, in its order): what the rationale says of this case, not the guideline it quotes; empty when the item has no readable rationale. Each reason's words are in cases.jsonl.", values: REASON_CODES, get: (r) => list(r.item.reasons) },
    { name: 'rationale', type: 'string', description: "The reviewer's rationale for the item, whitespace-normalised.", freeText: true, get: (r) => v(r.item.rationale) },
    { name: 'quantity_unit', type: 'string', description: 'Unit of quantity ("units" is a "#" count; "#N" after a therapy counts sessions).', values: QUANTITY_UNITS, get: (r) => r.item.quantity_unit },
    { name: 'dose_form', type: 'string', description: 'Dose form of a drug.', values: DOSE_FORMS, get: (r) => r.item.dose_form },
    { name: 'retrospective', type: 'boolean', description: '`true` when the request is retrospective (for care already given).', get: (r) => String(r.item.retrospective) },
    { name: 'date_of_service', type: 'date', description: 'Date of service of a retrospective request ("DOS 10/12/16").', get: (r) => r.item.date_of_service },
    { name: 'associated_surgery', type: 'boolean', description: '`true` when the request is tied to a surgery ("Associated surgical service:", pre-op, post-op, assistant surgeon).', get: (r) => String(r.item.associated_surgery) },
    { name: 'source_file', type: 'string', description: "The case's input file (see cases.csv): with item_no, the row's key; the link to cases.csv that holds even when one case number was extracted from two files.", freeText: true, get: (r) => r.record.source_file },
  ],
};

export const CITATIONS: TableSchema<CitationRow> = {
  file: 'citations.csv',
  description: 'One row per guideline citation (an item can have several, from both parties).',
  columns: [
    { name: 'case_id', type: 'string', description: 'The case.', get: (r) => r.record.case_id },
    { name: 'item_no', type: 'integer', description: 'The item within the case.', get: (r) => r.item.item_no },
    { name: 'cited_by', type: 'string', description: 'Which party cited it.', values: ['claims_administrator', 'reviewer'], get: (r) => r.citation.cited_by },
    { name: 'family', type: 'string', description: 'Guideline family: MTUS, ODG, ACOEM (outside the MTUS) or Other.', values: SOURCE_FAMILIES, get: (r) => r.citation.family },
    { name: 'guideline', type: 'string', description: 'Normalised title (an MTUS part, "Official Disability Guidelines: <chapter>", or the cited work).', freeText: true, get: (r) => r.citation.guideline },
    { name: 'edition', type: 'string', description: 'Edition or year as printed (e.g. 2004, 3rd).', freeText: true, get: (r) => r.citation.edition },
    { name: 'chapter', type: 'string', description: 'Chapter number or ODG chapter name.', freeText: true, get: (r) => r.citation.chapter },
    { name: 'sections', type: 'string', description: 'Sections as printed after "Section(s):".', freeText: true, get: (r) => r.citation.sections },
    { name: 'pages', type: 'string', description: 'Page numbers as printed ("Page(s): 101", "pg. 607").', freeText: true, get: (r) => r.citation.pages },
    { name: 'raw', type: 'string', description: 'The citation as printed, whitespace-normalised.', freeText: true, get: (r) => r.citation.raw.value },
    { name: 'citation_no', type: 'integer', description: "The citation's 1-based position among its item's citations.", get: (r) => r.citationNo },
    { name: 'source_file', type: 'string', description: "The case's input file (see cases.csv): with item_no and citation_no, the row's key.", freeText: true, get: (r) => r.record.source_file },
  ],
};

export const ERRORS: TableSchema<ErrorRow> = {
  file: 'errors.csv',
  description: 'One row per input that could not be turned into a case.',
  columns: [
    { name: 'source_file', type: 'string', description: 'Input path relative to the input root, `/`-separated.', freeText: true, get: (r) => r.source_file },
    { name: 'error_code', type: 'string', description: 'Stable reason code.', values: ERROR_CODES, get: (r) => r.error_code },
    { name: 'message', type: 'string', description: 'What was wrong, in words.', freeText: true, get: (r) => r.message },
  ],
};
