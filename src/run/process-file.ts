/**
 * One input file to one result: read → decode → extract. Used in worker
 * threads and in-process alike. Never throws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractLetter } from '../core/pipeline.js';
import type { CaseRecord } from '../core/record.js';
import { decode, sha256 } from '../io/decode.js';
import type { InputFile } from '../io/discover.js';
import { readInput } from '../io/read.js';
import { keepText as keepPdfText, keptText } from './pdf-texts.js';

export interface FileResult {
  sourceFile: string;
  sha256: string;
  bytes: number;
  encoding: string;
  outcome: { ok: true; record: CaseRecord } | { ok: false; code: string; message: string };
}

export function processBytes(input: InputFile, bytes: Buffer, hash = sha256(bytes)): FileResult {
  const base = { sourceFile: input.sourceFile, sha256: hash, bytes: bytes.length };
  if (bytes.length === 0) return { ...base, encoding: '', outcome: { ok: false, code: 'empty_file', message: 'the file is empty (0 bytes)' } };
  const decoded = decode(bytes);
  if (!decoded.ok) return { ...base, encoding: '', outcome: { ok: false, code: decoded.code, message: decoded.message } };
  return { ...base, encoding: decoded.encoding, outcome: extractSafely(input.sourceFile, decoded.text) };
}

/** The extractor on one letter's text; a defect in it costs that letter (`extractor_failed`), not the run. */
function extractSafely(sourceFile: string, text: string): FileResult['outcome'] {
  try {
    return extractLetter(sourceFile, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'extractor_failed', message: `internal error while extracting: ${reason}` };
  }
}

export const isPdf = (input: InputFile): boolean => /\.pdf$/i.test(input.path);

/**
 * A PDF: its text (see io/pdf.ts), then the same extraction as a text letter;
 * offsets refer to that text, which `keepText` writes out (as
 * <source_file>.txt) so any value can be audited. With `texts` (the cache's
 * PDF texts, see pdf-texts.ts), a text kept there is used instead of parsing
 * the PDF, and a new one is kept.
 */
export async function processPdf(input: InputFile, bytes: Buffer, hash: string, keepText: string | null, texts: string | null = null): Promise<FileResult> {
  const base = { sourceFile: input.sourceFile, sha256: hash, bytes: bytes.length, encoding: 'pdf' };
  let text = texts ? keptText(texts, hash) : null;
  if (text === null) {
    const { pdfToText } = await import('../io/pdf.js');
    const pdf = await pdfToText(bytes);
    if (!pdf.ok) return { ...base, outcome: { ok: false, code: pdf.code, message: pdf.message } };
    text = pdf.text;
    if (texts) keepPdfText(texts, hash, text);
  }
  if (keepText) {
    const path = join(keepText, `${input.sourceFile}.txt`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { ...base, outcome: extractSafely(input.sourceFile, text) };
}

/** One text letter, read and processed in the calling thread (PDFs go through runBatch). */
export function processFile(input: InputFile): FileResult {
  const read = readInput(input);
  return 'result' in read ? read.result : processBytes(input, read.bytes);
}
