/**
 * One input file to one result: read → decode → extract. Used by the run loop
 * (and, being self-contained, by worker threads). Never throws.
 */
import { readFileSync } from 'node:fs';
import { extractLetter } from '../core/pipeline.js';
import type { CaseRecord } from '../core/record.js';
import { decode, sha256 } from '../io/decode.js';
import type { InputFile } from '../io/discover.js';

export interface FileResult {
  sourceFile: string;
  sha256: string;
  bytes: number;
  encoding: string;
  outcome: { ok: true; record: CaseRecord } | { ok: false; code: string; message: string };
}

export function processFile(input: InputFile): FileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { sourceFile: input.sourceFile, sha256: '', bytes: 0, encoding: '', outcome: { ok: false, code: 'unreadable', message: `could not be read: ${reason}` } };
  }
  const base = { sourceFile: input.sourceFile, sha256: sha256(bytes), bytes: bytes.length };
  if (bytes.length === 0) return { ...base, encoding: '', outcome: { ok: false, code: 'empty_file', message: 'the file is empty (0 bytes)' } };
  const decoded = decode(bytes);
  if (!decoded.ok) return { ...base, encoding: '', outcome: { ok: false, code: decoded.code, message: decoded.message } };
  try {
    return { ...base, encoding: decoded.encoding, outcome: extractLetter(input.sourceFile, decoded.text) };
  } catch (error) {
    // A defect in an extractor must cost one letter, not the run.
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, encoding: decoded.encoding, outcome: { ok: false, code: 'extractor_failed', message: `internal error while extracting: ${reason}` } };
  }
}
