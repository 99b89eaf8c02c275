/**
 * The object layer of a PDF, as far as reading its text needs: the
 * cross-reference (tables and streams, with their updates), objects in object
 * streams, the standard security handler with the empty user password (RC4 and
 * AES-128, revisions 2 to 4), and Flate streams with PNG predictors.
 *
 * Anything outside that (another filter, AES-256, a damaged cross-reference)
 * throws `Unsupported`: the caller then gives the file to a full PDF engine.
 */
import { createDecipheriv, hash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

export class Unsupported extends Error {}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A name (`/Font`) is a string starting with `/`; a string is its bytes. */
export type PdfValue = number | boolean | null | string | Uint8Array | PdfValue[] | PdfDict | Ref | Stream;
export type PdfDict = Map<string, PdfValue>;

export class Stream {
  constructor(
    readonly dict: PdfDict,
    /** The raw (encoded, maybe encrypted) data. */
    readonly raw: Uint8Array,
    readonly num: number,
    readonly gen: number,
  ) {}
}

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** Whether a byte ends a token (white space or a delimiter). */
export const ends = (c: number | undefined): boolean => c === undefined || WHITE[c] === 1 || DELIMITER[c] === 1;
export const isWhite = (c: number | undefined): boolean => c !== undefined && WHITE[c] === 1;

/** A keyword of the content or object syntax (`obj`, `Tj`, `'`). */
export class Keyword {
  constructor(readonly word: string) {}
}

const latin1 = new TextDecoder('latin1');

/** Keywords of up to three bytes (every operator of page content), made once. */
const SHORT_KEYWORDS = new Map<number, PdfValue | Keyword>();

function keywordOf(b: Uint8Array, start: number, end: number): PdfValue | Keyword {
  if (end - start <= 3) {
    const key = b[start]! | ((end - start > 1 ? b[start + 1]! : 0) << 8) | ((end - start > 2 ? b[start + 2]! : 0) << 16);
    const known = SHORT_KEYWORDS.get(key);
    if (known !== undefined) return known;
    const made = new Keyword(latin1.decode(b.subarray(start, end)));
    // The operators are a few dozen; a hostile file must not grow the map without end.
    if (SHORT_KEYWORDS.size < 1024) SHORT_KEYWORDS.set(key, made);
    return made;
  }
  const word = latin1.decode(b.subarray(start, end));
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  return new Keyword(word);
}

/**
 * A reader of PDF tokens and values over bytes, from `pos`. Used for the
 * file's objects and for page content alike.
 */
export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WHITE[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** The next value or keyword; undefined at the end. `]` and `>>` come back as keywords. */
  next(): PdfValue | Keyword | undefined {
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) return undefined;
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      return this.hexString();
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return new Keyword('>>');
    }
    if (c === 0x5b) {
      this.pos++;
      return this.array();
    }
    if (c === 0x5d) {
      this.pos++;
      return new Keyword(']');
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    const start = this.pos;
    while (!ends(b[this.pos])) this.pos++;
    // A lone delimiter ({, }, ), >) is a keyword of its own.
    if (this.pos === start) this.pos++;
    return keywordOf(b, start, this.pos);
  }

  /** The next value; a keyword where a value belongs is unsupported. */
  value(): PdfValue {
    const v = this.next();
    if (v === undefined || v instanceof Keyword) throw new Unsupported(`expected a value at ${this.pos}`);
    return v;
  }

  /** The next value, where `n g R` is a reference (an object whose whole value is one). */
  valueOrRef(): PdfValue {
    const v = this.value();
    if (typeof v !== 'number') return v;
    const save = this.pos;
    const gen = this.next();
    if (typeof gen === 'number') {
      const r = this.next();
      if (r instanceof Keyword && r.word === 'R') return new Ref(v, gen);
    }
    this.pos = save;
    return v;
  }

  /** A number, from `pos`; malformed ones ("--1", "1.2.3") read as far as they make sense, as readers do. */
  number(): number {
    const b = this.bytes;
    let sign = 1;
    while (b[this.pos] === 0x2d || b[this.pos] === 0x2b) {
      if (b[this.pos] === 0x2d) sign = -sign;
      this.pos++;
    }
    let n = 0;
    let c = b[this.pos];
    while (c !== undefined && c >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      c = b[++this.pos];
    }
    if (c === 0x2e) {
      let scale = 1;
      c = b[++this.pos];
      while (c !== undefined && c >= 0x30 && c <= 0x39) {
        scale /= 10;
        n += (c - 0x30) * scale;
        c = b[++this.pos];
      }
    }
    while (!ends(b[this.pos])) this.pos++;
    return sign * n;
  }

  private name(): string {
    const b = this.bytes;
    const start = ++this.pos;
    while (!ends(b[this.pos])) this.pos++;
    const raw = latin1.decode(b.subarray(start, this.pos));
    return `/${raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : raw}`;
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    const start = ++this.pos;
    // Most strings have neither escapes nor parentheses: the bytes themselves.
    const plain = plainStringEnd(b, start);
    if (plain >= 0) {
      this.pos = plain + 1;
      return b.subarray(start, plain);
    }
    const out: number[] = [];
    this.pos = literalBytes(b, start, (byte) => out.push(byte));
    return Uint8Array.from(out);
  }

  private hexString(): Uint8Array {
    const out: number[] = [];
    this.pos = hexBytes(this.bytes, this.pos + 1, (byte) => out.push(byte));
    return Uint8Array.from(out);
  }

  private array(): PdfValue[] {
    const out: PdfValue[] = [];
    for (;;) {
      const v = this.next();
      if (v === undefined) throw new Unsupported('unterminated array');
      if (v instanceof Keyword) {
        if (v.word === ']') return out;
        if (v.word === 'R') {
          const gen = out.pop();
          const num = out.pop();
          if (typeof num !== 'number' || typeof gen !== 'number') throw new Unsupported('a reference without its numbers');
          out.push(new Ref(num, gen));
          continue;
        }
        throw new Unsupported(`keyword ${v.word} in an array`);
      }
      out.push(v);
    }
  }

  private dict(): PdfDict {
    const out: PdfDict = new Map();
    for (;;) {
      const key = this.next();
      if (key === undefined) throw new Unsupported('unterminated dictionary');
      if (key instanceof Keyword && key.word === '>>') return out;
      if (typeof key !== 'string' || key[0] !== '/') throw new Unsupported('a dictionary key that is not a name');
      out.set(key.slice(1), this.valueOrRef());
    }
  }
}

/** Where a string that starts at `start` (after its "(") ends, if it has no escape, no parenthesis and no carriage return before its ")"; else -1. */
export function plainStringEnd(b: Uint8Array, start: number): number {
  for (let i = start; i < b.length; i++) {
    const c = b[i];
    if (c === 0x29) return i;
    if (c === 0x5c || c === 0x28 || c === 13) return -1;
  }
  return -1;
}

/** A literal string's bytes from `start` (after its "("), escapes undone, each given to `push`; where it ends (after its ")"). */
export function literalBytes(b: Uint8Array, start: number, push: (byte: number) => void): number {
  let pos = start;
  let depth = 1;
  while (pos < b.length) {
    const c = b[pos++]!;
    if (c === 0x5c) {
      const e = b[pos++];
      if (e === undefined) break;
      if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && b[pos]! >= 0x30 && b[pos]! <= 0x37; k++) v = v * 8 + (b[pos++]! - 0x30);
        push(v & 0xff);
      } else if (e === 0x6e) push(10);
      else if (e === 0x72) push(13);
      else if (e === 0x74) push(9);
      else if (e === 0x62) push(8);
      else if (e === 0x66) push(12);
      else if (e === 13) {
        if (b[pos] === 10) pos++;
      } else if (e !== 10) push(e);
      continue;
    }
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) break;
    // An end of line in a string, whichever it is, stands for one line feed (ISO 32000-1, 7.3.4.2).
    if (c === 13) {
      if (b[pos] === 10) pos++;
      push(10);
      continue;
    }
    push(c);
  }
  return pos;
}

/** A hex string's bytes from `start` (after its "<"), each given to `push`; where it ends (after its ">"). */
export function hexBytes(b: Uint8Array, start: number, push: (byte: number) => void): number {
  let pos = start;
  let high = -1;
  while (pos < b.length) {
    const c = b[pos++]!;
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) push(high * 16);
  return pos;
}

// ---------------------------------------------------------------------------
// The standard security handler, empty user password

const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** RC4 (not offered by every OpenSSL build node links). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    const si = s[i]!;
    j = (j + si + key[i % key.length]!) & 0xff;
    s[i] = s[j]!;
    s[j] = si;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    const si = s[i]!;
    j = (j + si) & 0xff;
    s[i] = s[j]!;
    s[j] = si;
    out[k] = data[k]! ^ s[(si + s[i]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(hash('md5', parts.length === 1 ? parts[0]! : Buffer.concat(parts), 'buffer'));

interface Security {
  key: Uint8Array;
  aes: boolean;
}

/** The file key for the empty user password (algorithm 2), checked against /U (algorithms 4 and 5); unsupported otherwise. */
function security(encrypt: PdfDict, id0: Uint8Array): Security {
  const v = encrypt.get('V');
  const r = encrypt.get('R');
  const o = encrypt.get('O');
  const u = encrypt.get('U');
  const p = encrypt.get('P');
  if (encrypt.get('Filter') !== '/Standard' || typeof r !== 'number' || r < 2 || r > 4 || !(o instanceof Uint8Array) || !(u instanceof Uint8Array) || typeof p !== 'number') {
    throw new Unsupported('a security handler other than the standard one, revisions 2 to 4');
  }
  let aes = false;
  let length = r === 2 ? 40 : Number(encrypt.get('Length') ?? 40);
  if (v === 4) {
    const cf = encrypt.get('CF');
    const name = encrypt.get('StmF');
    const filter = cf instanceof Map && typeof name === 'string' ? cf.get(name.slice(1)) : undefined;
    if (!(filter instanceof Map) || encrypt.get('StrF') !== name) throw new Unsupported('crypt filters this reader does not handle');
    const method = filter.get('CFM');
    if (method === '/AESV2') aes = true;
    else if (method !== '/V2') throw new Unsupported(`crypt filter method ${String(method)}`);
    const bytes = filter.get('Length');
    length = typeof bytes === 'number' ? (bytes <= 32 ? bytes * 8 : bytes) : 128;
  } else if (v !== 1 && v !== 2) throw new Unsupported(`encryption version ${String(v)}`);
  const n = length / 8;
  const pBytes = new Uint8Array(4);
  new DataView(pBytes.buffer).setInt32(0, p, true);
  const parts = [PADDING, o.subarray(0, 32), pBytes, id0];
  if (r >= 4 && encrypt.get('EncryptMetadata') === false) parts.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff]));
  let digest = md5(...parts);
  if (r >= 3) for (let k = 0; k < 50; k++) digest = md5(digest.subarray(0, n));
  const key = digest.slice(0, n);
  let check: Uint8Array;
  if (r === 2) check = rc4(key, PADDING);
  else {
    check = rc4(key, md5(PADDING, id0));
    for (let i = 1; i <= 19; i++)
      check = rc4(
        key.map((b) => b ^ i),
        check,
      );
  }
  const width = r === 2 ? 32 : 16;
  for (let k = 0; k < width; k++) if (check[k] !== u[k]) throw new Unsupported('the empty password does not open it');
  return { key, aes };
}

function decrypt(sec: Security, num: number, gen: number, data: Uint8Array): Uint8Array {
  const salt = [num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff];
  const parts = [sec.key, Uint8Array.from(salt)];
  if (sec.aes) parts.push(Uint8Array.from([0x73, 0x41, 0x6c, 0x54]));
  const key = md5(...parts).subarray(0, Math.min(sec.key.length + 5, 16));
  if (!sec.aes) return rc4(key, data);
  if (data.length < 32 || data.length % 16 !== 0) throw new Unsupported('an AES stream of a wrong length');
  const d = createDecipheriv('aes-128-cbc', key, data.subarray(0, 16));
  return new Uint8Array(Buffer.concat([d.update(data.subarray(16)), d.final()]));
}

// ---------------------------------------------------------------------------
// Filters

function unpredict(data: Uint8Array, parms: PdfValue | undefined): Uint8Array {
  if (!(parms instanceof Map)) return data;
  const predictor = Number(parms.get('Predictor') ?? 1);
  if (predictor === 1) return data;
  if (predictor < 10) throw new Unsupported('a TIFF predictor');
  const colors = Number(parms.get('Colors') ?? 1);
  const bits = Number(parms.get('BitsPerComponent') ?? 8);
  const columns = Number(parms.get('Columns') ?? 1);
  const bpp = Math.max(1, (colors * bits) >> 3);
  const row = (columns * colors * bits + 7) >> 3;
  const rows = Math.floor(data.length / (row + 1));
  const out = new Uint8Array(rows * row);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (row + 1)]!;
    const src = y * (row + 1) + 1;
    const at = y * row;
    for (let x = 0; x < row; x++) {
      const raw = data[src + x]!;
      const left = x >= bpp ? out[at + x - bpp]! : 0;
      const up = y > 0 ? out[at - row + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[at - row + x - bpp]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const pa = Math.abs(up - upLeft);
        const pb = Math.abs(left - upLeft);
        const pc = Math.abs(left + up - 2 * upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new Unsupported('an unknown PNG predictor');
      out[at + x] = v & 0xff;
    }
  }
  return out;
}

/** The most a stream may inflate to (a letter's page content is tens of kilobytes): more is a zip bomb or not a letter. */
const MAX_STREAM_BYTES = 64 * 1024 * 1024;

function decodeFilters(data: Uint8Array, dict: PdfDict): Uint8Array {
  const filter = dict.get('Filter');
  const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  const parmsAll = dict.get('DecodeParms');
  let out = data;
  filters.forEach((f, k) => {
    const parms = Array.isArray(parmsAll) ? parmsAll[k] : parmsAll;
    if (f === '/FlateDecode' || f === '/Fl') out = unpredict(new Uint8Array(inflateSync(out, { maxOutputLength: MAX_STREAM_BYTES })), parms);
    else throw new Unsupported(`filter ${String(f)}`);
  });
  return out;
}

// ---------------------------------------------------------------------------
// The document

/** Where an object is: at an offset, packed in an object stream, or free (a newer section's free entry hides an older definition). */
type Entry = { kind: 'offset'; offset: number; gen: number } | { kind: 'packed'; stream: number; index: number } | { kind: 'free' };
const FREE: Entry = { kind: 'free' };

function indexOf(bytes: Uint8Array, needle: string, from: number, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i + needle.length <= to; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(bytes: Uint8Array, needle: string, from: number): number {
  for (let i = Math.min(from, bytes.length - needle.length); i >= 0; i--) {
    let k = 0;
    while (k < needle.length && bytes[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

export class PdfDocument {
  private readonly xref = new Map<number, Entry>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly packed = new Map<number, { lexer: Lexer; nums: number[]; offsets: number[] }>();
  private readonly security: Security | null;
  readonly trailer: PdfDict;

  constructor(readonly bytes: Uint8Array) {
    const at = lastIndexOf(bytes, 'startxref', bytes.length);
    if (at < 0) throw new Unsupported('no startxref');
    const lex = new Lexer(bytes, at + 9);
    let offset = lex.value();
    let trailer: PdfDict | null = null;
    const seen = new Set<number>();
    while (typeof offset === 'number' && !seen.has(offset)) {
      seen.add(offset);
      const t = this.readXref(offset);
      trailer ??= t;
      const stm = t.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readXref(stm);
      }
      offset = t.get('Prev') as number;
    }
    if (!trailer) throw new Unsupported('no trailer');
    this.trailer = trailer;
    const encrypt = trailer.get('Encrypt');
    if (encrypt === undefined) this.security = null;
    else {
      const dict = this.resolve(encrypt);
      const ids = trailer.get('ID');
      const id0 = Array.isArray(ids) && ids[0] instanceof Uint8Array ? ids[0] : new Uint8Array(0);
      if (!(dict instanceof Map)) throw new Unsupported('an /Encrypt that is not a dictionary');
      this.security = security(dict, id0);
    }
  }

  /** One cross-reference section (a table or a stream) into the map, earlier entries kept; its trailer. */
  private readXref(offset: number): PdfDict {
    const lex = new Lexer(this.bytes, offset);
    lex.skipSpace();
    if (indexOf(this.bytes, 'xref', lex.pos, lex.pos + 4) === lex.pos) {
      lex.pos += 4;
      for (;;) {
        const first = lex.next();
        if (first instanceof Keyword && first.word === 'trailer') break;
        const count = lex.value();
        if (typeof first !== 'number' || typeof count !== 'number') throw new Unsupported('a damaged xref table');
        lex.skipSpace();
        for (let k = 0; k < count; k++) {
          const line = latin1.decode(this.bytes.subarray(lex.pos, lex.pos + 20));
          const m = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
          if (!m) throw new Unsupported('a damaged xref entry');
          if (!this.xref.has(first + k)) this.xref.set(first + k, m[3] === 'n' ? { kind: 'offset', offset: Number(m[1]), gen: Number(m[2]) } : FREE);
          lex.pos += 20;
          lex.skipSpace();
        }
      }
      const t = lex.value();
      if (!(t instanceof Map)) throw new Unsupported('a trailer that is not a dictionary');
      return t;
    }
    const obj = this.parseAt(offset, -1);
    if (!(obj instanceof Stream) || obj.dict.get('Type') !== '/XRef') throw new Unsupported('no xref at startxref');
    const data = decodeFilters(obj.raw, obj.dict);
    const w = obj.dict.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 8)) throw new Unsupported('a damaged xref stream');
    const [w0, w1, w2] = w as number[];
    const row = w0! + w1! + w2!;
    const size = Number(obj.dict.get('Size'));
    const index = obj.dict.get('Index') ?? [0, size];
    // Each entry is a row of the data: no more entries than rows.
    if (row === 0 || !Array.isArray(index) || !index.every((x) => Number.isInteger(x) && (x as number) >= 0)) throw new Unsupported('a damaged xref stream');
    const entries = (index as number[]).reduce((n, x, k) => (k % 2 === 1 ? n + x : n), 0);
    if (entries * row > data.length) throw new Unsupported('a short xref stream');
    let p = 0;
    const field = (width: number, absent: number) => {
      if (width === 0) return absent;
      let v = 0;
      for (let k = 0; k < width; k++) v = v * 256 + data[p++]!;
      return v;
    };
    for (let s = 0; s + 1 < index.length; s += 2) {
      const first = index[s] as number;
      for (let k = 0; k < (index[s + 1] as number); k++) {
        const type = field(w0!, 1);
        const a = field(w1!, 0);
        const b = field(w2!, 0);
        if (this.xref.has(first + k)) continue;
        if (type === 1) this.xref.set(first + k, { kind: 'offset', offset: a, gen: b });
        else if (type === 2) this.xref.set(first + k, { kind: 'packed', stream: a, index: b });
        else if (type === 0) this.xref.set(first + k, FREE);
      }
    }
    return obj.dict;
  }

  /** The object `n g obj ... endobj` at `offset` (expected number `num`, or -1 for any). */
  private parseAt(offset: number, num: number): PdfValue {
    const lex = new Lexer(this.bytes, offset);
    const n = lex.value();
    const g = lex.value();
    const kw = lex.next();
    if (typeof n !== 'number' || typeof g !== 'number' || !(kw instanceof Keyword) || kw.word !== 'obj' || (num >= 0 && n !== num)) throw new Unsupported(`no object ${num} at ${offset}`);
    const value = lex.valueOrRef();
    const save = lex.pos;
    const after = lex.next();
    if (!(after instanceof Keyword && after.word === 'stream') || !(value instanceof Map)) {
      lex.pos = save;
      return value;
    }
    let start = lex.pos;
    if (this.bytes[start] === 13) start++;
    if (this.bytes[start] === 10) start++;
    const lengthValue = value.get('Length');
    const length = lengthValue instanceof Ref ? this.get(lengthValue.num) : lengthValue;
    if (typeof length !== 'number' || start + length > this.bytes.length) throw new Unsupported('a stream without a usable /Length');
    const tail = indexOf(this.bytes, 'endstream', start + length, Math.min(this.bytes.length, start + length + 12));
    if (tail < 0) throw new Unsupported('a stream whose /Length is wrong');
    return new Stream(value, this.bytes.subarray(start, start + length), n, g);
  }

  /** Object `num` (its newest version). */
  get(num: number): PdfValue {
    const known = this.cache.get(num);
    if (known !== undefined) return known;
    const entry = this.xref.get(num);
    // An object met again while it is being read (a stream whose /Length is itself, an object stream packed in itself) reads as null.
    this.cache.set(num, null);
    let value: PdfValue = null;
    if (entry?.kind === 'offset') value = this.parseAt(entry.offset, num);
    else if (entry?.kind === 'packed') value = this.fromObjectStream(entry.stream, entry.index, num);
    this.cache.set(num, value);
    return value;
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfValue {
    let packed = this.packed.get(streamNum);
    if (!packed) {
      const s = this.get(streamNum);
      if (!(s instanceof Stream)) throw new Unsupported('an object stream that is not a stream');
      const data = this.data(s);
      const n = Number(s.dict.get('N'));
      const first = Number(s.dict.get('First'));
      const lex = new Lexer(data);
      const nums: number[] = [];
      const offsets: number[] = [];
      for (let k = 0; k < n; k++) {
        nums.push(Number(lex.value()));
        offsets.push(first + Number(lex.value()));
      }
      packed = { lexer: lex, nums, offsets };
      this.packed.set(streamNum, packed);
    }
    // The index the cross-reference gives, else wherever the stream's header puts the number.
    const k = packed.nums[index] === num ? index : packed.nums.indexOf(num);
    if (k < 0) throw new Unsupported('an object stream without the object');
    packed.lexer.pos = packed.offsets[k]!;
    return packed.lexer.valueOrRef();
  }

  /** A value with references followed. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let out = v;
    for (let k = 0; out instanceof Ref && k < 32; k++) out = this.get(out.num);
    return out;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const d = this.resolve(v);
    return d instanceof Map ? d : d instanceof Stream ? d.dict : null;
  }

  /** A stream's decoded data (decrypted, then its filters undone). */
  data(s: Stream): Uint8Array {
    let raw = s.raw;
    if (this.security && s.dict.get('Type') !== '/XRef') raw = decrypt(this.security, s.num, s.gen, raw);
    return decodeFilters(raw, s.dict);
  }
}
