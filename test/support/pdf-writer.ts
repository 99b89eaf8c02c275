/**
 * A small PDF writer for tests of the PDF readers: pages of content written
 * by hand, simple TrueType fonts with WinAnsi encoding and widths (as the
 * letters' PDFs have) or other fonts, a cross-reference table or a
 * cross-reference stream with the objects in an object stream, and the
 * standard security handler (RC4 40-bit revision 2, or AES-128 revision 4, as
 * the letters are encrypted; ISO 32000-1 §7.6.3). pdf-lib writes none of
 * these: it cannot encrypt, and its fonts are the standard 14 without widths.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface WriterOptions {
  /** The content of each page (operators as PDF writes them). */
  pages: string[];
  /** Font resources by name (`F1`): a dictionary's source; `{{widths}}` is replaced by a WinAnsi font's Widths. Default: F1 and F2, simple TrueType fonts. */
  fonts?: Record<string, string>;
  /** Extra page resources (`/XObject << ... >>`), and extra objects they refer to (numbered from 100). */
  resources?: string;
  extraObjects?: Record<number, string | { dict: string; data: string }>;
  xref?: 'table' | 'stream';
  encryption?: { method: 'rc4-40' | 'aes-128'; userPassword: string };
  /** The content stream's filter (default Flate). */
  filter?: 'flate' | 'none' | 'lzw';
  rotate?: number;
}

/** Widths for bytes 32..255: 250 for the space, 500 for the rest. */
export const WIDTH = 500;
export const SPACE_WIDTH = 250;
const WIDTHS = `/FirstChar 32 /LastChar 255 /Widths [${Array.from({ length: 224 }, (_, i) => (i === 0 ? SPACE_WIDTH : WIDTH)).join(' ')}]`;

export const SIMPLE_FONT = (base: string) => `<< /Type /Font /Subtype /TrueType /BaseFont /${base} /Encoding /WinAnsiEncoding {{widths}} >>`;

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

interface Security {
  dict: string;
  encrypt(num: number, data: Buffer): Buffer;
}

function security(method: 'rc4-40' | 'aes-128', user: string, id: Buffer): Security {
  const p = Buffer.alloc(4);
  p.writeInt32LE(-1340);
  if (method === 'rc4-40') {
    const o = rc4(md5(padded('owner')).subarray(0, 5), padded(user));
    const key = md5(padded(user), o, p, id).subarray(0, 5);
    const u = rc4(key, PAD);
    return {
      dict: `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -1340 >>`,
      encrypt: (num, data) => rc4(md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10), data),
    };
  }
  // Revision 4: algorithm 3 (O), 2 (the key, 50 rounds of MD5), 5 (U, 20 rounds of RC4).
  let ownerHash = md5(padded('owner'));
  for (let k = 0; k < 50; k++) ownerHash = md5(ownerHash);
  let o = rc4(ownerHash, padded(user));
  for (let i = 1; i <= 19; i++) o = rc4(ownerHash.map((b) => b ^ i), o);
  let hash = md5(padded(user), o, p, id);
  for (let k = 0; k < 50; k++) hash = md5(hash);
  const key = hash.subarray(0, 16);
  let u = rc4(key, md5(PAD, id));
  for (let i = 1; i <= 19; i++) u = rc4(key.map((b) => b ^ i), u);
  u = Buffer.concat([u, Buffer.alloc(16)]);
  return {
    dict: `<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -1340 >>`,
    encrypt: (num, data) => {
      const objectKey = md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]), Buffer.from('sAlT'));
      const iv = md5(Buffer.from(`iv ${num}`));
      const c = createCipheriv('aes-128-cbc', objectKey, iv);
      return Buffer.concat([iv, c.update(data), c.final()]);
    },
  };
}

/** A PDF of the given pages. Objects: 1 catalog, 2 pages, 3.. pages and contents, then fonts; 100.. extra objects. */
export function writePdf(options: WriterOptions): Buffer {
  const fonts = options.fonts ?? { F1: SIMPLE_FONT('TimesNewRomanPSMT'), F2: SIMPLE_FONT('TimesNewRomanPS-BoldMT') };
  const id = md5(Buffer.from(JSON.stringify(options)));
  const sec = options.encryption ? security(options.encryption.method, options.encryption.userPassword, id) : null;
  type Body = string | { dict: string; data: Buffer };
  const objects = new Map<number, Body>();
  const pageNums = options.pages.map((_, i) => 3 + 2 * i);
  const fontNames = Object.keys(fonts);
  const fontNum = (k: number) => 3 + 2 * options.pages.length + k;
  objects.set(1, '<< /Type /Catalog /Pages 2 0 R >>');
  objects.set(2, `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`);
  const fontDict = `/Font << ${fontNames.map((name, k) => `/${name} ${fontNum(k)} 0 R`).join(' ')} >>`;
  options.pages.forEach((content, i) => {
    const n = pageNums[i]!;
    objects.set(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]${options.rotate ? ` /Rotate ${options.rotate}` : ''} /Resources << ${fontDict} ${options.resources ?? ''} >> /Contents ${n + 1} 0 R >>`);
    const raw = Buffer.from(content, 'latin1');
    const filter = options.filter ?? 'flate';
    objects.set(n + 1, filter === 'flate' ? { dict: '/Filter /FlateDecode', data: deflateSync(raw) } : filter === 'lzw' ? { dict: '/Filter /LZWDecode', data: raw } : { dict: '', data: raw });
  });
  fontNames.forEach((name, k) => objects.set(fontNum(k), fonts[name]!.replace('{{widths}}', WIDTHS)));
  for (const [num, body] of Object.entries(options.extraObjects ?? {})) objects.set(Number(num), typeof body === 'string' ? body : { dict: body.dict, data: Buffer.from(body.data, 'latin1') });
  const size = Math.max(...objects.keys()) + 3;
  const encryptNum = size - 2;
  if (sec) objects.set(encryptNum, sec.dict);

  const parts: Buffer[] = [Buffer.from('%PDF-1.6\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const push = (chunk: string | Buffer) => {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(b);
    length += b.length;
  };
  const writeStream = (num: number, dict: string, data: Buffer, encrypted: boolean) => {
    const bytes = encrypted && sec ? sec.encrypt(num, data) : data;
    push(`${num} 0 obj\n<< ${dict} /Length ${bytes.length} >>\nstream\n`);
    push(bytes);
    push('\nendstream\nendobj\n');
  };
  const offsets = new Map<number, number>();
  const packedIn = new Map<number, number>();
  const trailerKeys = `/Root 1 0 R${sec ? ` /Encrypt ${encryptNum} 0 R` : ''} /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`;

  if ((options.xref ?? 'table') === 'table') {
    for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
      offsets.set(num, length);
      if (typeof body === 'string') push(`${num} 0 obj\n${body}\nendobj\n`);
      else writeStream(num, body.dict, body.data, num !== encryptNum);
    }
    const xref = length;
    const rows = Array.from({ length: size }, (_, n) => (offsets.has(n) ? `${String(offsets.get(n)).padStart(10, '0')} 00000 n \n` : `0000000000 65535 f \n`));
    push(`xref\n0 ${size}\n${rows.join('')}trailer\n<< /Size ${size} ${trailerKeys} >>\nstartxref\n${xref}\n%%EOF\n`);
    return Buffer.concat(parts);
  }

  // Objects that are not streams (but the security dictionary) go in one object stream.
  const packed = [...objects].filter(([num, body]) => typeof body === 'string' && num !== encryptNum) as [number, string][];
  const objStmNum = size - 1;
  let header = '';
  let bodyText = '';
  packed.forEach(([num, body], index) => {
    header += `${num} ${bodyText.length} `;
    bodyText += `${body}\n`;
    packedIn.set(num, index);
  });
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    if (packedIn.has(num)) continue;
    offsets.set(num, length);
    if (typeof body === 'string') push(`${num} 0 obj\n${body}\nendobj\n`);
    else writeStream(num, body.dict, body.data, true);
  }
  offsets.set(objStmNum, length);
  writeStream(objStmNum, `/Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode`, deflateSync(Buffer.from(header + bodyText, 'latin1')), true);
  const xrefNum = size;
  offsets.set(xrefNum, length);
  // Rows of 1 + 4 + 2 bytes, PNG "Up" predictor (as Word's and Acrobat's xref streams).
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(7);
  for (let n = 0; n <= xrefNum; n++) {
    const row = Buffer.alloc(7);
    if (packedIn.has(n)) {
      row[0] = 2;
      row.writeUInt32BE(objStmNum, 1);
      row.writeUInt16BE(packedIn.get(n)!, 5);
    } else if (offsets.has(n)) {
      row[0] = 1;
      row.writeUInt32BE(offsets.get(n)!, 1);
    }
    rows.push(Buffer.from([2, ...row.map((b, k) => (b - previous[k]!) & 255)]));
    previous = row;
  }
  const start = length;
  writeStream(xrefNum, `/Type /XRef /Size ${xrefNum + 1} /W [1 4 2] ${trailerKeys} /Filter /FlateDecode /DecodeParms << /Columns 7 /Predictor 12 >>`, deflateSync(Buffer.concat(rows)), false);
  push(`startxref\n${start}\n%%EOF\n`);
  return Buffer.concat(parts);
}
