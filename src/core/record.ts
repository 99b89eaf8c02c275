/**
 * The case record: what one letter becomes, in source offsets. `cases.jsonl`
 * is these records; the CSV files are columns drawn from them (see schema.ts).
 */
import type { AssertionStatus } from './extract/assertions.js';
import type { IdentifierHit } from './identifiers.js';
import type { RuleId } from './warnings.js';
import type { ReasonCode } from './vocabulary.js';
import type { CaseOutcome, DateField, Outcome, Party, Priority, SectionName, Sex, SourceFamily, TemplateName } from './types.js';

/** A value with the `[start, end)` UTF-16 offsets of the source text it was read from. */
export interface Located<T> {
  value: T;
  start: number;
  end: number;
}

export interface CitationRecord {
  cited_by: Party;
  family: SourceFamily;
  guideline: string;
  edition: string;
  chapter: string;
  sections: string;
  pages: string;
  raw: Located<string>;
}

export interface ItemRecord {
  item_no: number;
  start: number;
  end: number;
  item_text: Located<string>;
  original_request: Located<string> | null;
  authorized_portion: Located<string> | null;
  /** null: the item's outcome could not be read (see the case's warnings). */
  outcome: Located<Outcome> | null;
  treatment_category: string;
  treatment_subcategory: string;
  /** What decided the category: the lexicon rule id or `drug:<name>`, and where its words are. */
  treatment_basis: Located<string> | null;
  quantity: number | null;
  quantity_unit: string;
  frequency: string;
  body_region: string;
  laterality: string;
  drug: string;
  strength: string;
  dose_form: string;
  retrospective: boolean;
  date_of_service: string | null;
  associated_surgery: boolean;
  claims_admin_sources: SourceFamily[];
  reviewer_sources: SourceFamily[];
  claims_admin_no_evidence: boolean;
  reviewer_no_evidence: boolean;
  citations: CitationRecord[];
  rationale: Located<string> | null;
  /** The grounds the rationale gives (decision-reason vocabulary, in its order), each with the words it was read from. */
  reasons: Located<ReasonCode>[];
}

export interface WarningRecord {
  rule_id: string;
  reason: string;
  start: number | null;
  end: number | null;
}

export interface CaseRecord {
  case_id: string;
  source_file: string;
  template: TemplateName;
  offsets: 'utf16';
  case_number: Located<string> | null;
  dates: Record<DateField, Located<string> | null>;
  priority: Located<Priority> | null;
  patient_age: Located<number> | null;
  patient_sex: Located<Sex> | null;
  reviewer_licensure: Located<string>[];
  reviewer_specialty: Located<string>[];
  n_items: number;
  n_overturned: number;
  case_outcome: CaseOutcome | null;
  occupation: Located<string> | null;
  mechanism: Located<string> | null;
  mechanism_type: string | null;
  body_regions: Located<string>[];
  diagnoses: Located<string>[];
  prior_treatments: Located<string>[];
  negated: Located<string>[];
  ur_action: Located<string> | null;
  ur_action_date: Located<string> | null;
  /** Clinical mentions of the case summary with their assertion status (ConText). */
  mentions: { kind: 'treatment' | 'diagnosis'; value: string; status: AssertionStatus; start: number; end: number }[];
  sections: { name: SectionName; start: number; end: number }[];
  items: ItemRecord[];
  /** false when the letter shows an item that was not read whole (see warnings.ts). */
  items_complete: boolean;
  /** The distinct rule ids of `warnings`, in the fixed order. */
  warning_rules: RuleId[];
  warnings: WarningRecord[];
  /** Residual identifiers found in the free-text values (offsets within each value). */
  identifiers: IdentifierHit[];
}

export const DATE_FIELDS: readonly DateField[] = ['date_assigned', 'decision_date', 'date_of_injury', 'ur_denial_date', 'application_received'];

/** The case's outcome from its items' (null: an item's outcome is unread): empty unless the items read decide it. */
export function caseOutcome(outcomes: readonly (Outcome | null)[]): CaseOutcome | null {
  const up = outcomes.includes('upheld');
  const over = outcomes.includes('overturned');
  if (up && over) return 'partially_overturned';
  if (outcomes.length === 0 || outcomes.includes(null)) return null;
  return over ? 'overturned' : 'upheld';
}
