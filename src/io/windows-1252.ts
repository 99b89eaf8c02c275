/**
 * Windows-1252 (and PDF's WinAnsiEncoding, the same table for text), decoded
 * by table: Latin-1, but for bytes 0x80 to 0x9F, which are curly quotes,
 * dashes, the bullet, the euro sign and the like. Node's TextDecoder reads
 * "windows-1252" as Latin-1 since 20.18.3 (nodejs/node#60888), which turns
 * those bytes into invisible control characters.
 */

/** The characters of bytes 0x80 to 0x9F (the five bytes Windows-1252 leaves undefined as their C1 controls, as the WHATWG table does). */
const HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The UTF-16 code of each byte. */
export const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, i) => (i >= 0x80 && i < 0xa0 ? HIGH.charCodeAt(i - 0x80) : i));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
