/**
 * The text of a PDF read directly, for the PDFs the letters are published as:
 * simple fonts with WinAnsi encoding and their widths, composite fonts
 * (Identity-H) with a ToUnicode map, forms, text drawn without rotation, top
 * to bottom. Each glyph is placed from the text state (font, size, spacing,
 * matrices); a glyph on another baseline starts a line; a gap wider than a
 * fraction of the font size between two glyphs on one line is a space. A
 * third of PDFium's time on the letters (docs/pdf.md), because it reads only
 * what the text needs.
 *
 * Returns null for anything else (another font type or encoding, a simple
 * font with a ToUnicode map, a character a map does not name, rotated text,
 * a line written well above the one before it, an unsupported filter or
 * security handler, a page without text, a damaged file): the caller gives
 * the file to PDFium, which decides between text and an error code. Never
 * throws.
 */
import { Keyword, Lexer, PdfDocument, Stream, Unsupported, ends, hexBytes, isWhite, literalBytes, plainStringEnd, type PdfDict, type PdfValue } from './pdf-objects.js';
import { joinPages, type PdfResult } from './pdf-result.js';
import { WINDOWS_1252 } from './windows-1252.js';

/**
 * WinAnsiEncoding (ISO 32000-1, Annex D): the Windows-1252 table, but 0xAD is
 * the hyphen, 0xA0 the space, and each code it leaves unused above 0x20 the
 * bullet, as PDF readers give them.
 */
const WIN_ANSI = WINDOWS_1252.map((u, i) => (i === 0xad ? 0x2d : i === 0xa0 ? 0x20 : i === 0x7f || (i >= 0x80 && i < 0xa0 && u === i) ? 0x2022 : u));

/**
 * A glyph further than this many font sizes from the end of the one before it
 * is a new word; closer, the same word (kerned or split across show
 * operators).
 */
const SPACE_GAP = 0.15;
/** A glyph whose baseline is off the line's by more than this many font sizes starts a line. */
const LINE_SHIFT = 0.5;
/** A glyph this many font sizes left of the end of the one before it on its line was drawn back over the line (overprinting, or cells written right to left): not read here. */
const BACKWARD = 0.5;
/** Points a line may start above the line before it and still be in reading order (as `pdfium.ts`: a table cell's wrapped label). */
const LINE_RISE = 40;

/**
 * A font as far as text needs it: a simple font reads one byte a character
 * (WinAnsi), a composite one (Type0, Identity-H) two bytes, through its
 * ToUnicode map.
 */
interface Font {
  twoBytes: boolean;
  /** Widths in thousandths of the font size: by byte (simple), by CID (composite, `defaultWidth` for the rest). */
  widths: Float64Array | Map<number, number>;
  defaultWidth: number;
  /** A composite font's characters by CID. */
  unicode: Map<number, string> | null;
}

/** Fonts read, by their dictionary: the pages of a document share their fonts. */
const fontCache = new WeakMap<PdfDict, Font>();

function fontOf(doc: PdfDocument, value: PdfValue | undefined): Font {
  const dict = doc.dict(value);
  if (!dict) throw new Unsupported('a font that is not a dictionary');
  let font = fontCache.get(dict);
  if (!font) {
    font = readFont(doc, dict);
    fontCache.set(dict, font);
  }
  return font;
}

function readFont(doc: PdfDocument, font: PdfDict): Font {
  const subtype = font.get('Subtype');
  if (subtype === '/Type0') return compositeFont(doc, font);
  if (subtype !== '/TrueType' && subtype !== '/Type1' && subtype !== '/MMType1') throw new Unsupported(`font type ${String(subtype)}`);
  if (font.has('ToUnicode')) throw new Unsupported('a simple font with a ToUnicode map');
  if (doc.resolve(font.get('Encoding')) !== '/WinAnsiEncoding') throw new Unsupported('a font encoding other than WinAnsi');
  const first = doc.resolve(font.get('FirstChar'));
  const widths = doc.resolve(font.get('Widths'));
  if (typeof first !== 'number' || !Array.isArray(widths)) throw new Unsupported('a font without widths');
  const descriptor = doc.dict(font.get('FontDescriptor'));
  const missing = Number(doc.resolve(descriptor?.get('MissingWidth')) ?? 0);
  const out = new Float64Array(256).fill(missing);
  widths.forEach((w, k) => {
    const v = doc.resolve(w);
    if (first + k < 256 && typeof v === 'number') out[first + k] = v;
  });
  return { twoBytes: false, widths: out, defaultWidth: missing, unicode: null };
}

/** A Type0 font with the Identity-H encoding (CID = the two-byte code), its widths (`W`, `DW`) and its ToUnicode map. */
function compositeFont(doc: PdfDocument, font: PdfDict): Font {
  if (doc.resolve(font.get('Encoding')) !== '/Identity-H') throw new Unsupported('a composite font not in Identity-H');
  const toUnicode = doc.resolve(font.get('ToUnicode'));
  if (!(toUnicode instanceof Stream)) throw new Unsupported('a composite font without a ToUnicode map');
  const descendants = doc.resolve(font.get('DescendantFonts'));
  const cidFont = Array.isArray(descendants) ? doc.dict(descendants[0]) : null;
  if (!cidFont) throw new Unsupported('a composite font without its CID font');
  const widths = new Map<number, number>();
  const w = doc.resolve(cidFont.get('W'));
  if (Array.isArray(w)) {
    // c [w1 w2 ...]: widths from CID c on; c1 c2 w: one width for CIDs c1 to c2.
    let entries = 0;
    for (let k = 0; k < w.length; ) {
      const first = doc.resolve(w[k]);
      const next = doc.resolve(w[k + 1]);
      if (typeof first !== 'number') throw new Unsupported('a damaged W array');
      if (Array.isArray(next)) {
        entries += next.length;
        if (entries > MAX_FONT_ENTRIES) throw new Unsupported('a W array too long for a font');
        next.forEach((v, i) => widths.set(first + i, Number(doc.resolve(v))));
        k += 2;
      } else {
        const width = Number(doc.resolve(w[k + 2]));
        if (typeof next !== 'number' || next < first) throw new Unsupported('a damaged W array');
        entries += next - first + 1;
        if (entries > MAX_FONT_ENTRIES) throw new Unsupported('a W array too long for a font');
        for (let c = first; c <= next; c++) widths.set(c, width);
        k += 3;
      }
    }
  }
  const unicode = cmapOf(doc.data(toUnicode));
  // Ligatures as their letters ("ﬁ": "fi"), as PDFium gives them.
  for (const [cid, chars] of unicode) if (/[\ufb00-\ufb06]/.test(chars)) unicode.set(cid, chars.replace(/[\ufb00-\ufb06]/g, (l) => l.normalize('NFKC')));
  return { twoBytes: true, widths, defaultWidth: Number(doc.resolve(cidFont.get('DW')) ?? 1000), unicode };
}

const utf16be = new TextDecoder('utf-16be');

/** A ToUnicode CMap's two-byte codes and their characters (`bfchar` and `bfrange`). */
function cmapOf(data: Uint8Array): Map<number, string> {
  const lex = new Lexer(data);
  const out = new Map<number, string>();
  let entries = 0;
  const code = (v: PdfValue | Keyword | undefined): number => {
    if (!(v instanceof Uint8Array) || v.length !== 2) throw new Unsupported('a ToUnicode map with codes that are not two bytes');
    return (v[0]! << 8) | v[1]!;
  };
  const text = (v: PdfValue | Keyword | undefined): string => {
    if (!(v instanceof Uint8Array)) throw new Unsupported('a damaged ToUnicode map');
    return utf16be.decode(v);
  };
  for (let token = lex.next(); token !== undefined; token = lex.next()) {
    if (!(token instanceof Keyword)) continue;
    if (token.word === 'beginbfchar') {
      for (let v = lex.next(); !(v instanceof Keyword && v.word === 'endbfchar'); v = lex.next()) out.set(code(v), text(lex.next()));
    } else if (token.word === 'beginbfrange') {
      for (let v = lex.next(); !(v instanceof Keyword && v.word === 'endbfrange'); v = lex.next()) {
        const lo = code(v);
        const hi = code(lex.next());
        const dst = lex.next();
        entries += hi - lo + 1;
        if (hi < lo || entries > MAX_FONT_ENTRIES) throw new Unsupported('a damaged ToUnicode map');
        if (Array.isArray(dst)) for (let c = lo; c <= hi; c++) out.set(c, text(dst[c - lo]));
        else {
          // The destination's last code unit counts up through the range.
          const first = text(dst);
          for (let c = lo; c <= hi; c++) out.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (c - lo)));
        }
      }
    }
  }
  return out;
}

/**
 * What one page may cost: content decoded (its streams and its forms'), and
 * forms run. A letter's page is tens of kilobytes and draws a form or two; a
 * page past these is not a letter, and its cost would be the run's.
 */
class PageBudget {
  private bytes = 64 * 1024 * 1024;
  private forms = 64;

  decoded(n: number): void {
    this.bytes -= n;
    if (this.bytes < 0) throw new Unsupported('a page with more than 64 MiB of content');
  }

  form(): void {
    if (--this.forms < 0) throw new Unsupported('a page that draws more than 64 forms');
  }
}

/** The most entries a font's widths or ToUnicode map may give (a two-byte code has 65,536 values). */
const MAX_FONT_ENTRIES = 0x20000;

/** a b c d e f, as PDF writes a matrix. */
type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** What `q` saves and `Q` restores, and what a form starts from: the matrix and the text state. */
class GraphicsState {
  constructor(
    public ctm: Matrix = [1, 0, 0, 1, 0, 0],
    public font: Font | null = null,
    public size = 0,
    public charSpace = 0,
    public wordSpace = 0,
    public scale = 1,
    public leading = 0,
  ) {}

  /** A copy, with another matrix if given. */
  copy(ctm: Matrix = this.ctm): GraphicsState {
    return new GraphicsState(ctm, this.font, this.size, this.charSpace, this.wordSpace, this.scale, this.leading);
  }
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const utf16 = new TextDecoder('utf-16le');

/** The lines of one page, built glyph by glyph (as UTF-16 code units, decoded once at the end). */
class PageText {
  private codes = new Uint16Array(4096);
  private length = 0;
  /** Where the line being built starts in `codes` (the line is empty when it is `length`). */
  private lineStart = 0;
  private lineY = NaN;
  private lineSize = 0;
  private endX = NaN;
  private previousY = Infinity;

  glyph(code: number, x: number, y: number, size: number, advance: number): void {
    const isSpace = code === SPACE;
    const empty = this.length === this.lineStart;
    // A space starts no line and doubles no space (a table cell's padding after a label's own space).
    if (isSpace && (empty || this.codes[this.length - 1] === SPACE)) {
      this.endX = x + advance;
      return;
    }
    if (!empty && Math.abs(y - this.lineY) > LINE_SHIFT * Math.max(size, this.lineSize)) this.breakLine();
    if (this.length === this.lineStart) {
      if (isSpace) return;
      if (y > this.previousY + LINE_RISE) throw new Unsupported('text written out of reading order');
      this.lineY = y;
      this.lineSize = size;
    } else {
      if (x < this.endX - BACKWARD * size) throw new Unsupported('text drawn back over its line');
      if (!isSpace && x - this.endX > SPACE_GAP * size && this.codes[this.length - 1] !== SPACE) this.push(SPACE);
    }
    this.push(code);
    this.endX = x + advance;
  }

  private push(code: number): void {
    if (this.length === this.codes.length) {
      const bigger = new Uint16Array(this.codes.length * 2);
      bigger.set(this.codes);
      this.codes = bigger;
    }
    this.codes[this.length++] = code;
  }

  breakLine(): void {
    if (this.length === this.lineStart) return;
    this.previousY = this.lineY;
    this.push(NEWLINE);
    this.lineStart = this.length;
  }

  text(): string {
    this.breakLine();
    // The last line's break is the page's own: joinPages adds it.
    const end = this.length > 0 ? this.length - 1 : 0;
    return utf16.decode(new Uint8Array(this.codes.buffer, 0, end * 2));
  }
}

/**
 * One page's content, run operator by operator: the operators that place
 * text, and checks on those that could draw text this reader does not see.
 * Operands are read straight from the bytes (numbers into a stack, a string or
 * a TJ array as ranges of the content), so showing text allocates nothing per
 * string.
 */
class ContentRunner {
  private readonly fonts: PdfDict | null;
  private readonly xobjects: PdfDict | null;
  private readonly loaded = new Map<string, Font>();
  private pos = 0;
  /** Reads the numbers. */
  private readonly lexer: Lexer;
  /** Numeric operands. */
  private readonly nums = new Float64Array(32);
  private numCount = 0;
  /** The last name operand. */
  private name: string | null = null;
  /** String operands and the parts of an array operand: a string's bytes are `buf[start, end)`; a number is `value` with `start` -1. */
  private parts: { buf: Uint8Array; start: number; end: number; value: number }[] = [];
  private partCount = 0;
  /** Bytes of strings with escapes or in hex, decoded. */
  private scratch = new Uint8Array(256);
  private scratchUsed = 0;

  private readonly stack: GraphicsState[] = [];
  /** Whether the operands being read are inside a TJ array. */
  private inArray = false;
  /** The text matrix (a, d, e, f: no rotation is accepted) and the text line matrix's origin. Text rise (Ts) is not applied: a superscript stays on its line. */
  private ta = 1;
  private td = 1;
  private te = 0;
  private tf = 0;
  private lineE = 0;
  private lineF = 0;

  constructor(
    private readonly doc: PdfDocument,
    private readonly content: Uint8Array,
    private readonly resources: PdfDict | null,
    private readonly out: PageText,
    private readonly budget: PageBudget,
    private gs = new GraphicsState(),
    /** How many forms deep this content is. */
    private readonly depth = 0,
  ) {
    this.fonts = doc.dict(resources?.get('Font'));
    this.xobjects = doc.dict(resources?.get('XObject'));
    this.lexer = new Lexer(content);
  }

  /** A form's content, with its own resources (else these), in this graphics state with the form's matrix applied. */
  private runForm(form: Stream): void {
    if (this.depth >= 8) throw new Unsupported('forms nested too deep');
    this.budget.form();
    const m = this.doc.resolve(form.dict.get('Matrix'));
    const entries = Array.isArray(m) ? m.map((v) => this.doc.resolve(v)) : [1, 0, 0, 1, 0, 0];
    if (entries.length !== 6 || !entries.every((v) => typeof v === 'number')) throw new Unsupported('a form whose matrix is not six numbers');
    const matrix = entries as Matrix;
    const content = this.doc.data(form);
    this.budget.decoded(content.length);
    new ContentRunner(this.doc, content, this.doc.dict(form.dict.get('Resources')) ?? this.resources, this.out, this.budget, this.gs.copy(multiply(matrix, this.gs.ctm)), this.depth + 1).run();
  }

  run(): void {
    const b = this.content;
    const n = b.length;
    while (this.pos < n) {
      const c = b[this.pos]!;
      if (isWhite(c)) {
        this.pos++;
      } else if (c === 0x25) {
        while (this.pos < n && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
        const v = this.number();
        if (this.numCount < this.nums.length) this.nums[this.numCount++] = v;
      } else if (c === 0x2f) {
        const start = ++this.pos;
        while (!ends(b[this.pos])) this.pos++;
        this.name = `/${String.fromCharCode(...b.subarray(start, this.pos))}`;
      } else if (c === 0x28) {
        this.literal();
      } else if (c === 0x3c) {
        if (b[this.pos + 1] === 0x3c) this.skipDict();
        else this.hex();
      } else if (c === 0x5b) {
        this.pos++;
        this.partCount = 0;
        this.scratchUsed = 0;
        this.inArray = true;
      } else if (c === 0x5d) {
        this.pos++;
        this.inArray = false;
      } else {
        const start = this.pos;
        while (this.pos < n && !ends(b[this.pos])) this.pos++;
        if (this.pos === start) this.pos++;
        this.operator(start, this.pos);
        this.numCount = 0;
        this.name = null;
        if (!this.inArray) {
          this.partCount = 0;
          this.scratchUsed = 0;
        }
      }
    }
  }

  private number(): number {
    this.lexer.pos = this.pos;
    const v = this.lexer.number();
    this.pos = this.lexer.pos;
    if (this.inArray) this.part(this.content, -1, -1, v);
    return v;
  }

  private part(buf: Uint8Array, start: number, end: number, value: number): void {
    const slot = this.parts[this.partCount];
    if (slot) {
      slot.buf = buf;
      slot.start = start;
      slot.end = end;
      slot.value = value;
    } else this.parts.push({ buf, start, end, value });
    this.partCount++;
  }

  private readonly pushScratch = (byte: number): void => {
    if (this.scratchUsed === this.scratch.length) {
      const bigger = new Uint8Array(this.scratch.length * 2);
      bigger.set(this.scratch);
      this.scratch = bigger;
      // Earlier parts in the old buffer keep it: they still read right.
    }
    this.scratch[this.scratchUsed++] = byte;
  };

  private literal(): void {
    const b = this.content;
    const start = this.pos + 1;
    if (!this.inArray) this.partCount = 0;
    const plain = plainStringEnd(b, start);
    if (plain >= 0) {
      this.pos = plain + 1;
      this.part(b, start, plain, 0);
      return;
    }
    const from = this.scratchUsed;
    this.pos = literalBytes(b, start, this.pushScratch);
    this.part(this.scratch, from, this.scratchUsed, 0);
  }

  private hex(): void {
    if (!this.inArray) this.partCount = 0;
    const from = this.scratchUsed;
    this.pos = hexBytes(this.content, this.pos + 1, this.pushScratch);
    this.part(this.scratch, from, this.scratchUsed, 0);
  }

  /** Past an inline dictionary (a marked-content property list). */
  private skipDict(): void {
    const b = this.content;
    let depth = 0;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (c === 0x3c && b[this.pos + 1] === 0x3c) {
        depth++;
        this.pos += 2;
      } else if (c === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        if (--depth === 0) return;
      } else if (c === 0x28) {
        // A string inside the dictionary may hold ">>".
        const saved = this.partCount;
        this.literal();
        this.partCount = saved;
      } else this.pos++;
    }
  }

  private num(k: number): number {
    return this.numCount >= k ? this.nums[this.numCount - k]! : 0;
  }

  private moveLine(tx: number, ty: number): void {
    this.lineE += tx * this.ta;
    this.lineF += ty * this.td;
    this.te = this.lineE;
    this.tf = this.lineF;
  }

  private setMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    if (!(Math.abs(b) <= 1e-6 && Math.abs(c) <= 1e-6 && a > 0 && d > 0)) throw new Unsupported('rotated or mirrored text');
    this.ta = a;
    this.td = d;
    this.te = this.lineE = e;
    this.tf = this.lineF = f;
  }

  private show(buf: Uint8Array, start: number, end: number): void {
    const { font, size, charSpace, wordSpace, scale } = this.gs;
    if (!font) throw new Unsupported('text shown without a font');
    const [ca, cb, cc, cd, ce, cf] = this.gs.ctm;
    // Written so that a NaN fails them too.
    if (!(Math.abs(cb) <= 1e-6 && Math.abs(cc) <= 1e-6 && ca > 0 && cd > 0 && size > 0 && scale > 0)) throw new Unsupported('rotated, mirrored or empty text');
    const deviceSize = size * this.td * cd;
    const y = this.tf * cd + cf;
    if (font.twoBytes) {
      this.showComposite(font, buf, start, end, ca, ce, y, deviceSize);
      return;
    }
    const widths = font.widths as Float64Array;
    for (let k = start; k < end; k++) {
      const code = buf[k]!;
      const w = (widths[code]! / 1000) * size;
      const tx = (w + charSpace + (code === 32 ? wordSpace : 0)) * scale;
      this.out.glyph(WIN_ANSI[code]!, this.te * ca + ce, y, deviceSize, tx * this.ta * ca);
      this.te += tx * this.ta;
    }
  }

  /** Two bytes a character; word spacing does not apply (it is for the one-byte code 32). */
  private showComposite(font: Font, buf: Uint8Array, start: number, end: number, ca: number, ce: number, y: number, deviceSize: number): void {
    const widths = font.widths as Map<number, number>;
    const { size, charSpace, scale } = this.gs;
    for (let k = start; k + 1 < end; k += 2) {
      const cid = (buf[k]! << 8) | buf[k + 1]!;
      const chars = font.unicode!.get(cid);
      if (chars === undefined) throw new Unsupported('a character the ToUnicode map does not name');
      const w = ((widths.get(cid) ?? font.defaultWidth) / 1000) * size;
      const x = this.te * ca + ce;
      // A ligature's characters share its glyph's place.
      const advance = (w + charSpace) * scale * this.ta;
      for (let i = 0; i < chars.length; i++) this.out.glyph(chars.charCodeAt(i), x, y, deviceSize, advance * ca);
      this.te += advance;
    }
  }

  /** The string operand of Tj, ' and ". */
  private showLastString(): void {
    const p = this.partCount > 0 ? this.parts[this.partCount - 1] : undefined;
    if (p && p.start >= 0) this.show(p.buf, p.start, p.end);
  }

  private operator(start: number, end: number): void {
    const b = this.content;
    const c0 = b[start]!;
    const c1 = end - start > 1 ? b[start + 1]! : 0;
    const len = end - start;
    if (len === 2 && c1 === 0x6a && c0 === 0x54) {
      // Tj
      this.showLastString();
    } else if (len === 2 && c1 === 0x4a && c0 === 0x54) {
      // TJ
      for (let k = 0; k < this.partCount; k++) {
        const p = this.parts[k]!;
        if (p.start >= 0) this.show(p.buf, p.start, p.end);
        else this.te += (-p.value / 1000) * this.gs.size * this.gs.scale * this.ta;
      }
    } else if (len === 2 && c0 === 0x54) {
      switch (c1) {
        case 0x64: // Td
          this.moveLine(this.num(2), this.num(1));
          break;
        case 0x44: // TD
          this.gs.leading = -this.num(1);
          this.moveLine(this.num(2), this.num(1));
          break;
        case 0x6d: // Tm
          this.setMatrix(this.num(6), this.num(5), this.num(4), this.num(3), this.num(2), this.num(1));
          break;
        case 0x2a: // T*
          this.moveLine(0, -this.gs.leading);
          break;
        case 0x66: {
          // Tf
          const name = this.name;
          if (name === null) throw new Unsupported('Tf without a font name');
          let font = this.loaded.get(name);
          if (!font) {
            font = fontOf(this.doc, this.fonts?.get(name.slice(1)));
            this.loaded.set(name, font);
          }
          this.gs.font = font;
          this.gs.size = this.num(1);
          break;
        }
        case 0x63: // Tc
          this.gs.charSpace = this.num(1);
          break;
        case 0x77: // Tw
          this.gs.wordSpace = this.num(1);
          break;
        case 0x7a: // Tz
          this.gs.scale = this.num(1) / 100;
          break;
        case 0x4c: // TL
          this.gs.leading = this.num(1);
          break;
        default:
          break;
      }
    } else if (len === 1 && (c0 === 0x27 || c0 === 0x22)) {
      // ' and "
      if (c0 === 0x22) {
        this.gs.wordSpace = this.num(2);
        this.gs.charSpace = this.num(1);
      }
      this.moveLine(0, -this.gs.leading);
      this.showLastString();
    } else if (len === 2 && c0 === 0x42 && c1 === 0x54) {
      // BT
      this.setMatrix(1, 0, 0, 1, 0, 0);
    } else if (len === 1 && c0 === 0x71) {
      // q
      if (this.stack.length >= 64) throw new Unsupported('graphics states nested more than 64 deep');
      this.stack.push(this.gs.copy());
    } else if (len === 1 && c0 === 0x51) {
      // Q
      this.gs = this.stack.pop() ?? this.gs;
    } else if (len === 2 && c0 === 0x63 && c1 === 0x6d) {
      // cm
      this.gs.ctm = multiply([this.num(6), this.num(5), this.num(4), this.num(3), this.num(2), this.num(1)], this.gs.ctm);
    } else if (len === 2 && c0 === 0x44 && c1 === 0x6f) {
      // Do: an image draws no text; a form's content is run in its place.
      const xobject = this.name === null ? undefined : this.doc.resolve(this.xobjects?.get(this.name.slice(1)));
      if (!(xobject instanceof Stream)) throw new Unsupported('an XObject that is not a stream');
      const subtype = xobject.dict.get('Subtype');
      if (subtype === '/Form') this.runForm(xobject);
      else if (subtype !== '/Image') throw new Unsupported(`an XObject of type ${String(subtype)}`);
    } else if (len === 2 && c0 === 0x42 && c1 === 0x49) {
      // BI
      this.skipInlineImage();
    }
  }

  /** Past an inline image's data, to its `EI`. */
  private skipInlineImage(): void {
    const b = this.content;
    for (let i = this.pos; i + 2 < b.length; i++) {
      if (b[i] === 0x49 && b[i + 1] === 0x44 && isWhite(b[i + 2]) && isWhite(b[i - 1])) {
        for (let j = i + 3; j + 2 <= b.length; j++) {
          if (b[j] === 0x45 && b[j + 1] === 0x49 && (j + 2 === b.length || isWhite(b[j + 2])) && isWhite(b[j - 1])) {
            this.pos = j + 2;
            return;
          }
        }
        break;
      }
    }
    throw new Unsupported('an inline image without its end');
  }
}

/** The page objects, in order, each with its inherited resources and rotation. */
function pagesOf(doc: PdfDocument): { page: PdfDict; resources: PdfDict | null; rotate: number }[] {
  const root = doc.dict(doc.trailer.get('Root'));
  const out: { page: PdfDict; resources: PdfDict | null; rotate: number }[] = [];
  const seen = new Set<PdfDict>();
  const walk = (node: PdfDict | null, inherited: { resources: PdfDict | null; rotate: number }, depth: number) => {
    // A node met twice (a cycle, or kids listed again) is damage, not more pages.
    if (!node || depth > 32 || seen.has(node)) throw new Unsupported('a damaged page tree');
    seen.add(node);
    const own = doc.resolve(node.get('Rotate'));
    const here = { resources: doc.dict(node.get('Resources')) ?? inherited.resources, rotate: own === undefined ? inherited.rotate : Number(own) };
    const kids = doc.resolve(node.get('Kids'));
    if (node.get('Type') === '/Pages' || Array.isArray(kids)) {
      if (!Array.isArray(kids)) throw new Unsupported('a page tree node without kids');
      for (const kid of kids) walk(doc.dict(kid), here, depth + 1);
    } else out.push({ page: node, ...here });
  };
  walk(doc.dict(root?.get('Pages')), { resources: null, rotate: 0 }, 0);
  return out;
}

function pageText(doc: PdfDocument, page: PdfDict, resources: PdfDict | null, rotate: number): string {
  if (!(rotate % 360 === 0)) throw new Unsupported('a rotated page');
  const contents = doc.resolve(page.get('Contents'));
  const streams = (Array.isArray(contents) ? contents.map((c) => doc.resolve(c)) : contents === undefined ? [] : [contents]).filter((s): s is Stream => s instanceof Stream);
  const budget = new PageBudget();
  // The streams of a page are one content, which may break between tokens only.
  const parts = streams.map((s) => {
    const data = doc.data(s);
    budget.decoded(data.length);
    return data;
  });
  const total = parts.reduce((n, p) => n + p.length + 1, 0);
  const content = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    content.set(p, at);
    content[at + p.length] = 10;
    at += p.length + 1;
  }
  const out = new PageText();
  new ContentRunner(doc, content, resources, out, budget).run();
  return out.text();
}

/** The text of a PDF this reader can read (pages as `joinPages` joins them); null for one it cannot. */
export function directText(bytes: Uint8Array): PdfResult | null {
  try {
    const doc = new PdfDocument(bytes);
    const texts = pagesOf(doc).map(({ page, resources, rotate }) => pageText(doc, page, resources, rotate));
    const result = joinPages(texts);
    return result.ok ? result : null;
  } catch {
    return null;
  }
}
