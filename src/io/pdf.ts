/**
 * PDF bytes → text. Files that are not whole PDFs are refused first (no
 * `%PDF-` header; no `%%EOF` at the end, as a download cut short lacks:
 * an engine might salvage some pages of it, a letter without its last
 * items). The direct reader (./pdf-direct.ts) reads the text of the PDFs the
 * letters are published as; any other PDF goes to PDFium (./pdfium.ts); a PDF
 * PDFium cannot read is given to pdf.js (./pdfjs.ts), which repairs some
 * damage PDFium refuses. A password, a scan without text and a file no engine
 * can read keep their error codes. Never throws. See docs/pdf.md for the
 * choice of engines.
 */
import { directText } from './pdf-direct.js';
import { damaged, type PdfResult } from './pdf-result.js';
import { pdfiumText } from './pdfium.js';

export type { PdfResult } from './pdf-result.js';

/** How far from the end `%%EOF` may be (Acrobat's tolerance for trailing bytes). */
const EOF_WINDOW = 1024;

export async function pdfToText(bytes: Uint8Array): Promise<PdfResult> {
  if (bytes.length === 0) return damaged('the file is empty (0 bytes)');
  if (!hasHeader(bytes)) return damaged('not a PDF: no %PDF- header at the start of the file');
  if (!hasEofMarker(bytes)) return damaged('truncated: no %%EOF marker at the end of the file');
  const direct = directText(bytes);
  if (direct) return direct;
  const first = await pdfiumText(bytes);
  if (first.ok || first.code !== 'pdf_damaged') return first;
  const { pdfjsText } = await import('./pdfjs.js');
  const second = await pdfjsText(bytes);
  return second.ok || second.code !== 'pdf_damaged' ? second : damaged(`${first.message}; ${second.message}`, second.pages);
}

/** `%PDF-` within the first KiB, where readers look for it. */
function hasHeader(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, Math.min(bytes.length, 1024 + 5)) !== -1;
}

/** Whether the file ends with the end-of-file marker; it may be followed by white space or NULs of any length, or by anything within the last KiB. */
function hasEofMarker(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || (bytes[end - 1]! >= 0x09 && bytes[end - 1]! <= 0x0d))) end--;
  if (end >= 5 && indexOfAscii(bytes, '%%EOF', end - 5, end) !== -1) return true;
  return indexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - EOF_WINDOW), bytes.length) !== -1;
}

function indexOfAscii(bytes: Uint8Array, needle: string, from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
