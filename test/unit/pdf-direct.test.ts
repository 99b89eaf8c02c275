/**
 * src/io/pdf-direct.ts on PDFs written here (test/support/pdf-writer.ts) the
 * way the letters' PDFs are: simple TrueType fonts with WinAnsi encoding and
 * widths, content written row by row, AES-128 or RC4 with the empty user
 * password, cross-reference tables or streams. PDFium reads each of them too:
 * the two texts must agree (spaces aside). What the direct reader does not read
 * it gives up (null), and pdfToText gives the file to PDFium.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directText } from '../../src/io/pdf-direct.js';
import { pdfiumText } from '../../src/io/pdfium.js';
import { pdfToText } from '../../src/io/pdf.js';
import type { PdfResult } from '../../src/io/pdf-result.js';
import { SIMPLE_FONT, writePdf, type WriterOptions } from '../support/pdf-writer.js';

function text(result: PdfResult | null): string {
  if (!result) throw new Error('the direct reader refused the PDF');
  if (!result.ok) throw new Error(`expected text, got ${result.code}: ${result.message}`);
  return result.text;
}

const cell = (font: 'F1' | 'F2', x: number, y: number, s: string) => `/${font} 1 Tf 11 0 0 11 ${x} ${y} Tm (${s})Tj`;

/** A letter's header (two label/value columns, each value 0.12 pt below its label; "Application" / "Received:" wrapped in its cell) and a body written with the wordings of show operators. */
const LETTER = [
  'BT',
  cell('F2', 72, 688.68, 'Case Number:'),
  cell('F1', 179.4, 688.56, 'CM00-0000001'),
  cell('F2', 72, 675.6, 'Date Assigned:'),
  cell('F1', 179.4, 675.48, '04/18/2019'),
  cell('F2', 328.92, 675.6, 'Date of Injury: '),
  cell('F1', 426.84, 675.48, ' 07/22/2018'),
  cell('F2', 72, 662.4, 'Priority:'),
  cell('F1', 179.4, 662.28, 'Standard'),
  cell('F2', 328.92, 662.4, 'Application'),
  cell('F2', 328.92, 649.68, 'Received:'),
  cell('F1', 426.84, 662.28, '04/09/2019'),
  'ET',
  'q 1 0 0 1 0 0 cm',
  'BT /F1 1 Tf 12 -0 0 12 72 600 Tm',
  // Kerning inside words; a displacement of 1.6 em between two words.
  '[(Th)4 (e f)-3 (in)2 (al)]TJ',
  '0 -1.15 TD [(w)2 (ord)-1600 (split)]TJ',
  // Escapes: an octal WinAnsi en dash, parentheses, a letter in octal; then a hex string.
  'T* (en dash \\226 and \\(paren\\) and octal \\101)Tj',
  'T* <48656C6C6F> Tj',
  // The next-line quote operator, with spaces to collapse.
  "(  two  spaces)'",
  '/P <</MCID 3 /Alt (a >> in a string)>> BDC EMC',
  'ET Q',
].join('\n');

const EXPECTED = [
  'Case Number: CM00-0000001',
  'Date Assigned: 04/18/2019 Date of Injury: 07/22/2018',
  'Priority: Standard Application',
  'Received:',
  '04/09/2019',
  'The final',
  'word split',
  'en dash \u2013 and (paren) and octal A',
  'Hello',
  'two spaces',
].join('\n');

/** Spaces aside: runs of spaces as one, none at a line's ends. */
const squeezed = (s: string) => s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();

/** A composite font as Word writes one for characters outside WinAnsi: Identity-H, a CID font with widths, a ToUnicode map. */
const COMPOSITE_FONT = '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRomanPSMT /Encoding /Identity-H /DescendantFonts [101 0 R] /ToUnicode 102 0 R >>';
const COMPOSITE_OBJECTS: WriterOptions['extraObjects'] = {
  101: '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRomanPSMT /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [3 [250] 4 17 500] >>',
  102: {
    dict: '',
    data: [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      '4 beginbfchar <0003> <0020> <0004> <2713> <0005> <00660069> <0006> <FB02> endbfchar',
      '1 beginbfrange <0010> <0019> <0041> endbfrange',
      '1 beginbfrange <0020> <0021> [<0078> <0079>] endbfrange',
      'endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n'),
  },
};

describe('the direct PDF reader', () => {
  it('reads a letter-like page: header cells row by row, kerned words, gaps as spaces, escapes and hex strings', async () => {
    const pdf = writePdf({ pages: [LETTER] });
    expect(text(directText(pdf))).toBe(`${EXPECTED}\n`);
    // PDFium, reading the same file, gives the same lines.
    expect(squeezed(text(await pdfiumText(pdf)))).toBe(EXPECTED);
  });

  it.each<[string, Partial<WriterOptions>]>([
    ['AES-128, cross-reference table', { encryption: { method: 'aes-128', userPassword: '' } }],
    ['AES-128, cross-reference stream and an object stream', { encryption: { method: 'aes-128', userPassword: '' }, xref: 'stream' }],
    ['RC4 40-bit', { encryption: { method: 'rc4-40', userPassword: '' } }],
    ['no encryption, cross-reference stream', { xref: 'stream' }],
    ['an unfiltered content stream', { filter: 'none' }],
  ])('opens %s with the empty password', async (_, options) => {
    const pdf = writePdf({ pages: [LETTER], ...options });
    expect(text(directText(pdf))).toBe(`${EXPECTED}\n`);
    expect(squeezed(text(await pdfiumText(pdf)))).toBe(EXPECTED);
  });

  it('joins pages with a form feed, as the other engines do', () => {
    const page = (s: string) => `BT /F1 12 Tf 72 700 Td (${s}) Tj ET`;
    const result = directText(writePdf({ pages: [page('page one'), page('page two')], xref: 'stream' }));
    expect(result).toEqual({ ok: true, text: 'page one\n\fpage two\n', pages: 2 });
  });

  it('reads past an image and an inline image', () => {
    const content = 'q 10 0 0 10 0 0 cm /Im1 Do Q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI BT /F1 12 Tf 72 700 Td (after the images) Tj ET';
    const pdf = writePdf({ pages: [content], resources: '/XObject << /Im1 100 0 R >>', extraObjects: { 100: { dict: '/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray', data: '\x80' } } });
    expect(text(directText(pdf))).toBe('after the images\n');
  });

  it('reads a composite font (Identity-H) through its ToUnicode map: single codes, ranges, arrays, two characters for one code, a ligature character as its letters', async () => {
    const pdf = writePdf({
      pages: ['BT /F3 12 Tf 72 700 Td <00100011001200030004000300050006> Tj 0 -14 Td [<0020>-20<0021>] TJ ET'],
      fonts: { F1: SIMPLE_FONT('Arial'), F3: COMPOSITE_FONT },
      extraObjects: COMPOSITE_OBJECTS,
    });
    expect(text(directText(pdf))).toBe('ABC \u2713 fifl\nxy\n');
    expect(squeezed(text(await pdfiumText(pdf)))).toBe('ABC \u2713 fifl\nxy');
  });

  it('runs a form in its place, its matrix applied before the page\'s', async () => {
    // At y 350 in the form, (350 - 10) x 2 = 680 on the page: a line of its own under 700. The other order, 350 x 2 - 10 = 690, would join the line above.
    const form = writePdf({
      pages: ['BT /F1 12 Tf 72 700 Td (on the page) Tj ET q 2 0 0 2 0 0 cm /Fm1 Do Q'],
      resources: '/XObject << /Fm1 100 0 R >>',
      extraObjects: { 100: { dict: '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 -10]', data: 'BT /F1 12 Tf 36 350 Td (in a form) Tj ET' } },
    });
    expect(text(directText(form))).toBe('on the page\nin a form\n');
    expect(squeezed(text(await pdfiumText(form)))).toBe('on the page\nin a form');
  });

  it.each<[string, string, string]>([
    ['WinAnsi: 0xAD the hyphen, 0xA0 a space, unused codes the bullet', '(a\\255b c\\240d e\\201f g\\177h) Tj', 'a-b c d e\u2022f g\u2022h'],
    ['an end of line inside a string as one line feed', '(one\r\ntwo) Tj', 'one\ntwo'],
    ['horizontal scaling (Tz) without gaps read as spaces', '50 Tz (ab) Tj 100 Tz (cd) Tj', 'abcd'],
    ['character spacing (Tc) without gaps read as spaces', '3 Tc (spaced out) Tj', 'spaced out'],
    ['word spacing (Tw) and the " operator', '(one) Tj 0 -14 Td 20 1 (two words) " 0 Tc 0 Tw ( three) Tj', 'one\ntwo words three'],
    ['TD setting the leading that T* uses', '(one) Tj 0 -14 TD (two) Tj T* (three) Tj', 'one\ntwo\nthree'],
    ['a text state restored by Q', 'q 20 Tc Q (plain) Tj', 'plain'],
  ])('agrees with PDFium on %s', async (_, shown, expected) => {
    const pdf = writePdf({ pages: [`BT /F1 12 Tf 72 700 Td ${shown} ET`] });
    expect(text(directText(pdf))).toBe(`${expected}\n`);
    expect(squeezed(text(await pdfiumText(pdf)))).toBe(expected);
  });

  it.each<[string, string]>([
    ['text drawn back to the left of its line', 'BT /F1 12 Tf 400 700 Td (Page 1) Tj -328 0 Td (Confidential) Tj ET'],
    ['text drawn twice over itself', 'BT /F1 12 Tf 72 700 Td (Hello) Tj 0 0 Td (Hello) Tj ET'],
    ['a negative font size', 'BT /F1 -12 Tf 300 700 Td (mirror) Tj ET'],
    ['a form whose matrix is not numbers', '/Fm1 Do'],
  ])('gives up %s, which PDFium reads', async (_, content) => {
    const pdf = writePdf({
      pages: [content],
      resources: '/XObject << /Fm1 100 0 R >>',
      extraObjects: { 100: { dict: '/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 (x)]', data: 'BT /F1 12 Tf 72 700 Td (in a form) Tj ET' } },
    });
    expect(directText(pdf)).toBeNull();
    expect(text(await pdfToText(pdf))).toMatch(/\S/);
  });

  it('reads the newest definition of an object updated at the end of the file, as PDFium does', async () => {
    const pdf = writePdf({ pages: ['BT /F1 12 Tf 72 700 Td (the first version) Tj ET'] });
    const source = pdf.toString('latin1');
    const oldXref = Number(/startxref\n(\d+)/.exec(source)![1]);
    const size = Number(/\/Size (\d+)/.exec(source)![1]);
    const content = 'BT /F1 12 Tf 72 700 Td (the updated version) Tj ET';
    const object = `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
    const xref = pdf.length + object.length;
    const update = `${object}xref\n4 1\n${String(pdf.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root 1 0 R /Prev ${oldXref} >>\nstartxref\n${xref}\n%%EOF\n`;
    const updated = Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
    expect(text(directText(updated))).toBe('the updated version\n');
    expect(squeezed(text(await pdfiumText(updated)))).toBe('the updated version');
  });

  it.each<[string, Partial<WriterOptions>]>([
    ['a composite font without a ToUnicode map', { fonts: { F1: '<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [] >>' } }],
    ['a composite font whose map lacks a character', { fonts: { F1: COMPOSITE_FONT }, extraObjects: COMPOSITE_OBJECTS }],
    ['a simple font with a ToUnicode map', { fonts: { F1: SIMPLE_FONT('Arial').replace('>>', '/ToUnicode 100 0 R >>') }, extraObjects: { 100: { dict: '', data: '' } } }],
    ['a font in another encoding', { fonts: { F1: SIMPLE_FONT('Arial').replace('/WinAnsiEncoding', '/MacRomanEncoding') } }],
    ['a font without widths', { fonts: { F1: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' } }],
    ['a rotated page', { rotate: 90 }],
    ['a filter it does not decode', { filter: 'lzw' }],
  ])('leaves %s to PDFium', (_, options) => {
    const pages = ['BT /F1 12 Tf 72 700 Td (some text) Tj ET'];
    expect(directText(writePdf({ pages, ...options }))).toBeNull();
  });

  it('leaves rotated text and a line written above the one before it to the full engines', async () => {
    const rotated = writePdf({ pages: ['BT /F1 12 Tf 0 1 -1 0 300 300 Tm (sideways) Tj ET'] });
    expect(directText(rotated)).toBeNull();
    const outOfOrder = writePdf({ pages: ['BT /F1 12 Tf 72 500 Td (body first) Tj 0 -14 Td (body second) Tj ET BT /F1 12 Tf 72 700 Td (heading on top) Tj ET'] });
    expect(directText(outOfOrder)).toBeNull();
    expect(text(await pdfToText(outOfOrder))).toMatch(/^heading on top\n/);
  });

  it('refuses a PDF that needs a user password; pdfToText reports it as encrypted', async () => {
    for (const method of ['aes-128', 'rc4-40'] as const) {
      const pdf = writePdf({ pages: [LETTER], encryption: { method, userPassword: 'secret' } });
      expect(directText(pdf)).toBeNull();
      expect(await pdfToText(pdf)).toMatchObject({ ok: false, code: 'pdf_encrypted' });
    }
  });

  it('leaves a page without text to PDFium, which reports pdf_no_text', async () => {
    const pdf = writePdf({ pages: ['0 0 m 100 100 l S'] });
    expect(directText(pdf)).toBeNull();
    expect(await pdfToText(pdf)).toMatchObject({ ok: false, code: 'pdf_no_text' });
  });

  it('gives up on a page tree that loops and on a stream that inflates past 64 MiB, rather than spend the letter\'s time or memory', () => {
    const looping = writePdf({ pages: ['BT /F1 12 Tf 72 700 Td (a page) Tj ET'], extraObjects: { 2: '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>' } });
    expect(directText(looping)).toBeNull();
    const bomb = writePdf({ pages: [`BT /F1 12 Tf 72 700 Td (a page) Tj ET${' '.repeat(65 * 1024 * 1024)}`] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(directText(bomb)).toBeNull();
  });

  it.each<[string, () => Uint8Array]>([
    ['a cross-reference stream whose rows are no bytes wide', () => Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 1 /W [0 0 0] /Index [0 1000000000] /Root 2 0 R /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n`, 'latin1')],
    ['a cross-reference stream with a negative width', () => Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 1 /W [-1 0 0] /Index [0 1000000000000000] /Root 2 0 R /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n`, 'latin1')],
    ['forms that each draw the next thirty times', () => {
      const extraObjects: WriterOptions['extraObjects'] = {};
      for (let k = 100; k <= 106; k++) extraObjects[k] = { dict: `/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Fm ${k + 1} 0 R >> >>`, data: k === 106 ? '' : '/Fm Do '.repeat(30) };
      return writePdf({ pages: ['/Fm Do BT /F1 12 Tf 72 700 Td (x) Tj ET'], resources: '/XObject << /Fm 100 0 R >>', extraObjects });
    }],
    ['graphics states saved a million times', () => writePdf({ pages: [`${'q '.repeat(1_000_000)}BT /F1 12 Tf 72 700 Td (x) Tj ET`] })],
    ['a ToUnicode map of two thousand full ranges', () => writePdf({
      pages: ['BT /F1 12 Tf 72 700 Td <0041> Tj ET'],
      fonts: { F1: COMPOSITE_FONT },
      extraObjects: { ...COMPOSITE_OBJECTS, 102: { dict: '', data: `2000 beginbfrange\n${'<0000> <FFFF> <0000>\n'.repeat(2000)}endbfrange` } },
    })],
  ])('gives up at once on %s', (_, make) => {
    const pdf = make();
    const started = performance.now();
    expect(directText(pdf)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws on damaged bytes (every call ends in text or null)', () => {
    const pdf = writePdf({ pages: [LETTER], encryption: { method: 'aes-128', userPassword: '' }, xref: 'stream' });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: pdf.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat({ max: pdf.length }), (flips, cut) => {
        const bytes = new Uint8Array(pdf.subarray(0, Math.max(cut, pdf.length - 64)));
        for (const [at, b] of flips) if (at < bytes.length) bytes[at] = b;
        const result = directText(bytes);
        expect(result === null || result.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
