/**
 * PDF bytes → text with PDFium (Chrome's PDF library, compiled to WebAssembly,
 * through `@hyzyla/pdfium`): about twice as fast as pdf.js on the letters and
 * half its memory (see docs/pdf.md). PDFium gives each page's characters in
 * content order with its own line breaks; the letters' two-column header comes
 * out as label/value pairs. Never throws.
 */
import type { PDFiumDocument, PDFiumLibrary, PDFiumPage } from '@hyzyla/pdfium';
import { damaged, encrypted, joinPages, type PdfResult } from './pdf-result.js';

let library: Promise<PDFiumLibrary> | null = null;

/** The library, instantiated once per thread on the first PDF (text-only runs never load it). */
function pdfium(): Promise<PDFiumLibrary> {
  library ??= import('@hyzyla/pdfium').then(({ PDFiumLibrary }) => PDFiumLibrary.init());
  return library;
}

/**
 * The wrapper's page object gives text only, and has no call to close the page:
 * the page's text and the origins of its lines' first characters are read here
 * through the module's exports, and the page is closed (else each stays in the
 * WebAssembly heap, about 100 KB).
 */
interface Module {
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetText(textPage: number, start: number, count: number, buffer: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDF_ClosePage(page: number): void;
  wasmExports: { malloc(size: number): number; free(pointer: number): void };
  HEAPU8: Uint8Array;
}

/**
 * A line may start up to this many points (about three lines of a letter) above the one before it and still
 * be in reading order: a table cell's wrapped label ("Application" / "Received:") is followed by the value
 * printed on the label's first line. A block that starts higher was written out of order.
 */
const LINE_RISE = 40;

const utf16 = new TextDecoder('utf-16le');

/**
 * A page's text, or null when PDFium gives its lines out of reading order (a
 * line starts well above the line before it: the content was not written top
 * to bottom), which pdf.js, rebuilding lines from positions, reads right.
 */
function pageText(page: PDFiumPage): string | null {
  const { module, pageIdx } = page as unknown as { module: Module; pageIdx: number };
  const textPage = module._FPDFText_LoadPage(pageIdx);
  try {
    if (!textPage) throw new Error('no text page');
    const count = module._FPDFText_CountChars(textPage);
    if (count <= 0) return '';
    const buffer = module.wasmExports.malloc((count + 1) * 2 + 24);
    try {
      const length = module._FPDFText_GetText(textPage, 0, count, buffer);
      const text = length > 1 ? utf16.decode(module.HEAPU8.subarray(buffer, buffer + (length - 1) * 2)) : '';
      // One UTF-16 unit per character (no astral characters): the text's offsets are character indices.
      if (text.length === count && !inReadingOrder(module, textPage, text, buffer + (count + 1) * 2)) return null;
      // PDFium ends lines with CR LF, and marks a word it joined at a line-end hyphen with U+FFFE: the hyphen and the line break it stood for.
      return text.replace(/\r\n?/g, '\n').replace(/\uFFFE/g, '-\n');
    } finally {
      module.wasmExports.free(buffer);
    }
  } finally {
    if (textPage) module._FPDFText_ClosePage(textPage);
    module._FPDF_ClosePage(pageIdx);
  }
}

/** Whether each line starts no higher on the page than the one before it (`scratch`: 24 bytes of the heap, for the origin's two doubles). */
function inReadingOrder(module: Module, textPage: number, text: string, scratch: number): boolean {
  const at = scratch + (scratch % 8 === 0 ? 0 : 8 - (scratch % 8));
  let previous = Infinity;
  let i = 0;
  while (i < text.length) {
    let k = i;
    while (k < text.length && (text[k] === ' ' || text[k] === '\r' || text[k] === '\n')) k++;
    if (k < text.length && module._FPDFText_GetCharOrigin(textPage, k, at, at + 8)) {
      const y = new Float64Array(module.HEAPU8.buffer, at + 8, 1)[0]!;
      if (y > previous + LINE_RISE) return false;
      previous = y;
    }
    const end = text.indexOf('\n', k);
    if (end === -1) break;
    i = end + 1;
  }
  return true;
}

export async function pdfiumText(bytes: Uint8Array): Promise<PdfResult> {
  let lib: PDFiumLibrary;
  try {
    lib = await pdfium();
  } catch (error) {
    library = null;
    return damaged(`PDFium could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  let doc: PDFiumDocument;
  try {
    // The empty user password opens the published letters (AES-encrypted with it).
    doc = await lib.loadDocument(bytes, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return /password/i.test(reason) ? encrypted('encrypted with a password (the empty password does not open it)') : damaged(`PDFium could not read it: ${reason}`);
  }
  try {
    const texts: string[] = [];
    for (const page of doc.pages()) {
      const text = pageText(page);
      if (text === null) return damaged('PDFium gives its text out of reading order');
      texts.push(text);
    }
    return joinPages(texts);
  } catch (error) {
    return damaged(`PDFium could not read its pages: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    doc.destroy();
  }
}
