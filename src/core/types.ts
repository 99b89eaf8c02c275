/**
 * The shapes that flow through the pipeline. Offsets are UTF-16 code units
 * (JavaScript string indices), half-open `[start, end)`.
 *
 * Two coordinate systems exist:
 * - *text* offsets index `Letter.text`, the normalised text every extractor reads;
 * - *source* offsets index `Letter.source`, the decoded original file.
 * Extractors work in text offsets; `assemble` converts every span to source
 * offsets through the normaliser's offset map before anything is written.
 */

import type { OffsetMap } from './normalize.js';
import type { RuleId } from './warnings.js';

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** A value together with the span of text it was read from. */
export interface Found<T> {
  value: T;
  span: Span;
}

export type Severity = 'warning' | 'error';

/** A positioned problem, in the manner of vfile messages: data, never a throw. */
export interface Message {
  ruleId: RuleId;
  reason: string;
  severity: Severity;
  span?: Span;
}

export type TemplateName = 'issues-2015' | 'rationale-2014' | 'notice-2013' | 'professional-review' | 'unknown';

/**
 * The parts of a letter. `header`: case number, dates, priority; `determination`:
 * how the determination was made (and the reviewer's credentials, or the dates in
 * prose in 2013 notices); `qualifications`: the reviewer's credentials where they
 * have a section of their own; `documents`: records reviewed; `summary`: the
 * clinical case summary; `disputed`: the list of disputed issues (professional
 * review); `guidelines`: guidelines relied upon (professional review); `issues`:
 * the per-item decisions; `rationale`: per-item rationales (professional review).
 */
export type SectionName = 'header' | 'determination' | 'qualifications' | 'documents' | 'summary' | 'disputed' | 'guidelines' | 'issues' | 'rationale';

export interface Section {
  name: SectionName;
  /** The whole section including its heading (text offsets). */
  span: Span;
  /** The part after the heading (text offsets). */
  body: Span;
}

export type Outcome = 'upheld' | 'overturned';
export type Party = 'claims_administrator' | 'reviewer';
export type SourceFamily = 'MTUS' | 'ODG' | 'ACOEM' | 'Other';

export interface Citation {
  citedBy: Party;
  family: SourceFamily;
  guideline: string;
  edition: string;
  chapter: string;
  sections: string;
  pages: string;
  raw: Found<string>;
}

/** One party's guideline paragraph for one item. */
export interface GuidelineParagraph {
  citedBy: Party;
  span: Span;
  /** The party said it cited no medical evidence. */
  noEvidence: boolean;
  /** The party said it relied on recommendations outside of the MTUS. */
  outsideMtus: boolean;
  citations: Citation[];
  families: SourceFamily[];
}

export interface Item {
  /** The item's 1-based position in the letter. */
  itemNo: number;
  /** The number printed before it, where the layout numbers items. */
  printedNo: number | null;
  /** The whole item block: header, guideline paragraphs and rationale. */
  span: Span;
  header: Found<string>;
  itemText: Found<string>;
  originalRequest: Found<string> | null;
  authorizedPortion: Found<string> | null;
  /** null: the letter shows the item but its outcome could not be read (flagged). */
  outcome: Found<Outcome> | null;
  /** Where the outcome stands (the word or clause, read or not). */
  outcomeAt: Span;
  guidelines: GuidelineParagraph[];
  rationale: Found<string> | null;
}

export type Priority = 'standard' | 'expedited';
export type Sex = 'female' | 'male';

export type DateField = 'date_assigned' | 'decision_date' | 'date_of_injury' | 'ur_denial_date' | 'application_received';

export interface HeaderFields {
  caseNumber: Found<string> | null;
  dates: Partial<Record<DateField, Found<string>>>;
  priority: Found<Priority> | null;
}

export interface Reviewer {
  licensure: Found<string>[];
  specialty: Found<string>[];
}

export interface Demographics {
  age: Found<number> | null;
  sex: Found<Sex> | null;
}

/** A letter as it moves through the stages (compare vfile). */
export interface Letter {
  /** Input path relative to the input root, `/`-separated. */
  sourceFile: string;
  /** The decoded original text; source offsets index this. */
  source: string;
  /** The normalised text; text offsets index this. */
  text: string;
  /** Maps text offsets back to source offsets. */
  map: OffsetMap;
  messages: Message[];
}

export type CaseOutcome = 'upheld' | 'overturned' | 'partially_overturned';
