/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded
 * as such; bytes that are not valid UTF-8 are read as Windows-1252 (a superset
 * of Latin-1's printable range), the encoding of older Windows extractions, by
 * table (./windows-1252.ts: Node's own decoder loses its quotes and dashes).
 * Files that look binary are refused.
 */
import { createHash } from 'node:crypto';
import { decodeWindows1252 } from './windows-1252.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; code: 'binary_file'; message: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of a sample's bytes that are control characters a text file never holds. */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13)) odd++;
  }
  return odd / n;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (binaryShare(bytes) > 0.01) {
    return { ok: false, code: 'binary_file', message: 'holds control bytes no text file has (NUL and the like): not a text letter' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
