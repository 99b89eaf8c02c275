/**
 * A processed file rendered to the bytes the dataset files will hold: CSV
 * rows, the JSONL line, the manifest entry. Rendering happens where the
 * letter was processed (a worker thread), so the main thread only appends
 * strings in order.
 */
import { countByKind, redact as redactRecord, type IdentifierKind } from '../core/identifiers.js';
import type { CaseRecord } from '../core/record.js';
import { CASES, CITATIONS, citationRows, DECISIONS, decisionRows, ERRORS, type CitationRow, type DecisionRow, type ErrorRow } from '../core/schema.js';
import { CsvTable } from '../sinks/csv.js';
import type { FileResult } from './process-file.js';

/** A manifest entry: what became of one input file. */
export interface FileEntry {
  source_file: string;
  sha256: string;
  bytes: number;
  encoding: string;
  result: 'case' | 'error';
  case_id?: string;
  error_code?: string;
  /** Residual identifiers found in the case's free text, by kind (only when there are any). */
  identifiers?: Partial<Record<IdentifierKind, number>>;
}

export interface Rendered {
  sourceFile: string;
  /** The manifest entry, as JSON. */
  entry: string;
  cases: string;
  decisions: string;
  citations: string;
  jsonl: string;
  errors: string;
  counts: { cases: number; errors: number; decisions: number; citations: number; overturned: number; warnings: number; unknownLayout: boolean; itemsIncomplete: boolean; errorCode: string | null; identifiers: Partial<Record<IdentifierKind, number>> };
}

interface Tables {
  cases: CsvTable<CaseRecord>;
  decisions: CsvTable<DecisionRow>;
  citations: CsvTable<CitationRow>;
  errors: CsvTable<ErrorRow>;
}

const tables = new Map<boolean, Tables>();

function tablesFor(rawCsv: boolean): Tables {
  let t = tables.get(rawCsv);
  if (!t) {
    t = { cases: new CsvTable(CASES, rawCsv), decisions: new CsvTable(DECISIONS, rawCsv), citations: new CsvTable(CITATIONS, rawCsv), errors: new CsvTable(ERRORS, rawCsv) };
    tables.set(rawCsv, t);
  }
  return t;
}

/** Renders one result; with `redact`, identifiers in the free text are masked in every output. */
export function render(result: FileResult, rawCsv: boolean, redact = false): Rendered {
  const t = tablesFor(rawCsv);
  const base = { source_file: result.sourceFile, sha256: result.sha256, bytes: result.bytes, encoding: result.encoding };
  const entry = (e: Pick<FileEntry, 'result' | 'case_id' | 'error_code' | 'identifiers'>): string => JSON.stringify({ ...base, ...e } satisfies FileEntry);
  if (!result.outcome.ok) {
    const row = { source_file: result.sourceFile, error_code: result.outcome.code, message: result.outcome.message };
    return {
      sourceFile: result.sourceFile,
      entry: entry({ result: 'error', error_code: row.error_code }),
      cases: '',
      decisions: '',
      citations: '',
      jsonl: '',
      errors: t.errors.rows([row]),
      counts: { cases: 0, errors: 1, decisions: 0, citations: 0, overturned: 0, warnings: 0, unknownLayout: false, itemsIncomplete: false, errorCode: row.error_code, identifiers: {} },
    };
  }
  const found = result.outcome.record;
  const identifiers = countByKind(found.identifiers);
  const record = redact && found.identifiers.length ? redactRecord(found, found.identifiers) : found;
  const decisions = decisionRows(record);
  const citations = citationRows(record);
  return {
    sourceFile: result.sourceFile,
    entry: entry({ result: 'case', case_id: record.case_id, ...(found.identifiers.length ? { identifiers } : {}) }),
    cases: t.cases.rows([record]),
    decisions: t.decisions.rows(decisions),
    citations: t.citations.rows(citations),
    jsonl: JSON.stringify(record) + '\n',
    errors: '',
    counts: { cases: 1, errors: 0, decisions: decisions.length, citations: citations.length, overturned: record.n_overturned, warnings: record.warnings.length, unknownLayout: record.template === 'unknown', itemsIncomplete: !record.items_complete, errorCode: null, identifiers },
  };
}
