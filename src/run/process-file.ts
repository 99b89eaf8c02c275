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
  return fromText(input, bytes, hash, decodedText(bytes));
}

/** A letter's text (the text its offsets index) and its encoding, or why the file gives none. */
type LetterText = { ok: true; text: string; encoding: string } | { ok: false; code: string; message: string; encoding: string };

/** A text file's bytes as its letter text. */
function decodedText(bytes: Buffer): LetterText {
  if (bytes.length === 0) return { ok: false, code: 'empty_file', message: 'the file is empty (0 bytes)', encoding: '' };
  const decoded = decode(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding } : { ok: false, code: decoded.code, message: decoded.message, encoding: '' };
}

/** The result of a file from its letter text: the extraction, or the reason there is no text. */
function fromText(input: InputFile, bytes: Buffer, hash: string, letter: LetterText): FileResult {
  const base = { sourceFile: input.sourceFile, sha256: hash, bytes: bytes.length, encoding: letter.encoding };
  return { ...base, outcome: letter.ok ? extractSafely(input.sourceFile, letter.text) : { ok: false, code: letter.code, message: letter.message } };
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
  const letter = await pdfText(bytes, hash, texts);
  if (letter.ok && keepText) {
    const path = join(keepText, `${input.sourceFile}.txt`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, letter.text);
  }
  return fromText(input, bytes, hash, letter);
}

/** A PDF's text: the one kept in `texts` for its hash, else read from the PDF (and kept there). */
async function pdfText(bytes: Buffer, hash: string, texts: string | null): Promise<LetterText> {
  const kept = texts ? keptText(texts, hash) : null;
  if (kept !== null) return { ok: true, text: kept, encoding: 'pdf' };
  const { pdfToText } = await import('../io/pdf.js');
  const pdf = await pdfToText(bytes);
  if (!pdf.ok) return { ok: false, code: pdf.code, message: pdf.message, encoding: 'pdf' };
  if (texts) keepPdfText(texts, hash, pdf.text);
  return { ok: true, text: pdf.text, encoding: 'pdf' };
}

/** One text letter, read and processed in the calling thread (PDFs go through runBatch). */
export function processFile(input: InputFile): FileResult {
  const read = readInput(input);
  return 'result' in read ? read.result : processBytes(input, read.bytes);
}

/**
 * One file, text or PDF, read and processed in the calling thread as `imr
 * extract` processes it, with the text its offsets index (null when the file
 * gives no text): what `imr explain` shows.
 */
export async function processFileWithText(input: InputFile): Promise<{ result: FileResult; text: string | null }> {
  const read = readInput(input);
  if ('result' in read) return { result: read.result, text: null };
  const hash = sha256(read.bytes);
  const letter = isPdf(input) ? await pdfText(read.bytes, hash, null) : decodedText(read.bytes);
  return { result: fromText(input, read.bytes, hash, letter), text: letter.ok ? letter.text : null };
}
