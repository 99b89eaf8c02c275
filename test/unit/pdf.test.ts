/**
 * src/io/pdf.ts on PDFs built here: pdf-lib for text and image pages, and
 * encrypted files from test/support/pdf-writer.ts (pdf-lib cannot encrypt).
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfToText, type PdfResult } from '../../src/io/pdf.js';
import { layoutLines, pdfjsText, type Run } from '../../src/io/pdfjs.js';
import { writePdf } from '../support/pdf-writer.js';

// Captured before pdf.js is first loaded (pdfToText loads it lazily).
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

function text(result: PdfResult): string {
  if (!result.ok) throw new Error(`expected text, got ${result.code}: ${result.message}`);
  return result.text;
}

/** The letters' header: two label/value columns; "Application Received:" wraps in its cell, its value on the cell's first line. */
async function twoColumnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const draw = (s: string, x: number, y: number, font: PDFFont = regular, size = 11) => page.drawText(s, { x, y, size, font });
  // Written the way the letters' PDFs are: row by row, cell by cell; a value sits 0.12 pt below its label's baseline.
  draw('Case Number:', 72, 688.68, bold);
  draw('CM00-0000001', 179.4, 688.56);
  draw('Date Assigned:', 72, 675.6, bold);
  draw('04/18/2019', 179.4, 675.48);
  draw('Date of Injury:', 328.92, 675.6, bold);
  draw('07/22/2018', 426.84, 675.48);
  draw('Decision Date:', 72, 662.4, bold);
  draw('05/16/2019', 179.4, 662.28);
  draw('UR Denial Date:', 328.92, 662.4, bold);
  draw('04/09/2019', 426.84, 662.28);
  draw('Priority:', 72, 649.32, bold);
  draw('Standard', 179.4, 649.2);
  draw('Application', 328.92, 649.32, bold);
  draw('Received:', 328.92, 636.6, bold);
  draw('04/09/2019', 426.84, 649.2);
  // A heading, then a paragraph of two lines, a paragraph break (2.3 em), and a line written in two runs.
  draw('HOW THE IMR FINAL DETERMINATION WAS MADE', 153.24, 608.64, bold, 12);
  draw('MAXIMUS Federal Services sent the complete case file to an', 72, 588.24, regular, 12);
  draw('expert reviewer.', 72, 574.44, regular, 12);
  const hel = regular.widthOfTextAtSize('Hel', 12);
  draw('Hel', 72, 546.84, regular, 12);
  draw('lo', 72 + hel, 546.84, regular, 12); // abuts "Hel": one word
  draw('world', 72 + hel + regular.widthOfTextAtSize('lo ', 12), 546.84, regular, 12); // a space's width away: two words
  return doc.save();
}

async function imageOnlyPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // A 1×1 PNG: a "scan" with no text layer.
  const png = await doc.embedPng(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  for (let i = 0; i < pages; i++) doc.addPage([612, 792]).drawImage(png, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

async function simplePdf(lines: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const pageLines of lines) {
    const page: PDFPage = doc.addPage([612, 792]);
    pageLines.forEach((line, i) => page.drawText(line, { x: 72, y: 700 - 14 * i, size: 12, font }));
  }
  return doc.save();
}

describe('pdf.js (the engine for PDFs PDFium cannot read in order)', () => {
  it('reads a two-column header as label/value pairs, one row a line', async () => {
    const result = await pdfjsText(await twoColumnPdf());
    expect(result.ok && result.pages).toBe(1);
    expect(text(result)).toBe(
      [
        'Case Number: CM00-0000001',
        'Date Assigned: 04/18/2019 Date of Injury: 07/22/2018',
        'Decision Date: 05/16/2019 UR Denial Date: 04/09/2019',
        'Priority: Standard Application Received: 04/09/2019',
        '',
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an',
        'expert reviewer.',
        '',
        'Hello world',
        '',
      ].join('\n'),
    );
  });

  it('orders lines by position, not by the order they were written, and separates pages with a form feed', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    for (const [s, x, y] of [['third line', 72, 672], ['right', 300, 700], ['first line', 72, 700], ['second line', 72, 686]] as const) page.drawText(s, { x, y, size: 12, font });
    doc.addPage([612, 792]).drawText('page two', { x: 72, y: 700, size: 12, font });
    const result = await pdfjsText(await doc.save());
    expect(result.ok && result.pages).toBe(2);
    expect(text(result)).toBe('first line right\nsecond line\nthird line\n\fpage two\n');
  });

});

describe('pdfToText (PDFium, pdf.js where PDFium cannot read it in order)', () => {
  it('reads a letter written row by row in its order, label beside value', async () => {
    const result = await pdfToText(await twoColumnPdf());
    expect(result.ok && result.pages).toBe(1);
    const lines = text(result).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Case Number: CM00-0000001', 'Date Assigned: 04/18/2019 Date of Injury: 07/22/2018', 'Decision Date: 05/16/2019 UR Denial Date: 04/09/2019']);
    expect(lines).toContain('HOW THE IMR FINAL DETERMINATION WAS MADE');
    expect(text(result)).toMatch(/MAXIMUS Federal Services sent the complete case file to an\s+expert reviewer\./);
    expect(text(result)).toMatch(/Hello world/);
  });

  it('gives a page whose top block was written last to pdf.js, which orders it by position', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    for (const [s, y] of [['body first', 500], ['body second', 486], ['heading on top', 700]] as const) page.drawText(s, { x: 72, y, size: 12, font });
    const result = await pdfToText(await doc.save());
    expect(text(result)).toBe('heading on top\n\nbody first\nbody second\n');
  });

  it('opens a PDF encrypted with an empty user password without being given one', async () => {
    const result = await pdfToText(writePdf({ pages: ['BT /F1 12 Tf 72 700 Td (Decrypted without a password) Tj ET'], encryption: { method: 'rc4-40', userPassword: '' } }));
    expect(text(result)).toBe('Decrypted without a password\n');
  });

  it('reports pdf_encrypted when the PDF needs a user password', async () => {
    const result = await pdfToText(writePdf({ pages: ['BT /F1 12 Tf 72 700 Td (Needs a password) Tj ET'], encryption: { method: 'rc4-40', userPassword: 'secret' } }));
    expect(result).toMatchObject({ ok: false, code: 'pdf_encrypted' });
  });

  it('reports pdf_no_text, with the page count, for image-only pages', async () => {
    const result = await pdfToText(await imageOnlyPdf(2));
    expect(result).toMatchObject({ ok: false, code: 'pdf_no_text', pages: 2 });
  });

  it('reports pdf_damaged for a truncated file, with or without an end marker', async () => {
    const whole = await simplePdf([['Some text that will be cut off.'], ['A second page.']]);
    const half = whole.slice(0, whole.length >> 1);
    expect(await pdfToText(half)).toMatchObject({ ok: false, code: 'pdf_damaged', message: expect.stringMatching(/truncated/) });
    // Cut, then given an end marker: pdf.js finds no usable structure.
    const patched = Buffer.concat([half, Buffer.from('\n%%EOF\n')]);
    expect(await pdfToText(patched)).toMatchObject({ ok: false, code: 'pdf_damaged' });
  });

  it('reports pdf_damaged for random bytes, a bare header, and an empty file', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(await pdfToText(random)).toMatchObject({ ok: false, code: 'pdf_damaged' });
    expect(await pdfToText(Buffer.from('%PDF-1.7\nnot really a PDF\n%%EOF\n'))).toMatchObject({ ok: false, code: 'pdf_damaged' });
    expect(await pdfToText(new Uint8Array(0))).toMatchObject({ ok: false, code: 'pdf_damaged' });
  });

  it('accepts padding after the end marker', async () => {
    const padded = Buffer.concat([await simplePdf([['Padded.']]), Buffer.alloc(4096, 0)]);
    expect(text(await pdfToText(padded))).toBe('Padded.\n');
  });

  it('leaves the caller\'s bytes intact, takes Node Buffers, and runs concurrently', async () => {
    const bytes = Buffer.from(await simplePdf([['One.'], ['Two.']]));
    const copy = Buffer.from(bytes);
    const results = await Promise.all([pdfToText(bytes), pdfToText(bytes), pdfToText(new Uint8Array(bytes))]);
    expect(results.map(text)).toEqual(['One.\n\fTwo.\n', 'One.\n\fTwo.\n', 'One.\n\fTwo.\n']);
    expect(bytes.equals(copy)).toBe(true);
  });

  it('puts back the built-ins that the pdf.js legacy build replaces', async () => {
    await pdfToText(await simplePdf([['x']]));
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(JSON.stringify).toBe(NATIVE.stringify);
  });
});

describe('layoutLines', () => {
  const run = (str: string, x: number, y: number, w = str.length * 6): Run => ({ str, x, y, w, h: 12, space: false });

  it('folds a wrapped cell into its first line only when the stream comes back up to its right', () => {
    // Cell "Application / Received:", then its value back up on the first line.
    expect(layoutLines([run('Priority:', 72, 100), run('Application', 300, 100), run('Received:', 300, 114), run('04/09/2019', 420, 100)])).toBe(
      'Priority: Application Received: 04/09/2019',
    );
    // A paragraph goes down and stays down: lines as they are.
    expect(layoutLines([run('first line of text', 72, 100), run('second line', 72, 114), run('third', 72, 128)])).toBe('first line of text\nsecond line\nthird');
    // Back up, but to the left of what was written below: not a cell.
    expect(layoutLines([run('right', 300, 100), run('below', 300, 114), run('left', 72, 100)])).toBe('left right\nbelow');
  });
});
