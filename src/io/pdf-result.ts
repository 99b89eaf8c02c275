/** What a PDF engine gives: the text of every page, or a stable error code. */
export type PdfResult =
  | { ok: true; text: string; pages: number }
  | { ok: false; code: 'pdf_encrypted' | 'pdf_no_text' | 'pdf_damaged'; message: string; pages?: number };

export function damaged(message: string, pages?: number): PdfResult {
  return pages === undefined ? { ok: false, code: 'pdf_damaged', message } : { ok: false, code: 'pdf_damaged', message, pages };
}

export function encrypted(message: string, pages?: number): PdfResult {
  return pages === undefined ? { ok: false, code: 'pdf_encrypted', message } : { ok: false, code: 'pdf_encrypted', message, pages };
}

/** The pages' texts as one text (each page ends with a line break, pages are parted by a form feed, as poppler's pdftotext does), or pdf_no_text. */
export function joinPages(texts: readonly string[]): PdfResult {
  const pages = texts.length;
  if (pages === 0) return damaged('the document has no pages', 0);
  if (!texts.some((t) => /\S/.test(t))) return { ok: false, code: 'pdf_no_text', message: `no text layer on any of the ${pages} page(s) (a scan? OCR is out of scope)`, pages };
  return { ok: true, text: texts.map((t) => `${t}\n`).join('\f'), pages };
}
