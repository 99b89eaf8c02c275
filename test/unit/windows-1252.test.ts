/**
 * Text files that are not UTF-8 are read as Windows-1252 (src/io/windows-1252.ts),
 * by table: Node's TextDecoder gives bytes 0x80-0x9F as control characters.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/io/decode.js';
import { decodeWindows1252, WINDOWS_1252 } from '../../src/io/windows-1252.js';

describe('Windows-1252', () => {
  it('reads the curly quotes, dashes and bullet of an older Windows extraction', () => {
    // "The reviewer’s “non-focal” exam – pages 260–262 • €" with its punctuation in Windows-1252 bytes.
    const bytes = Uint8Array.from([...Buffer.from('The reviewer', 'latin1'), 0x92, ...Buffer.from('s ', 'latin1'), 0x93, ...Buffer.from('non-focal', 'latin1'), 0x94, ...Buffer.from(' exam ', 'latin1'), 0x96, ...Buffer.from(' pages 260', 'latin1'), 0x96, ...Buffer.from('262 ', 'latin1'), 0x95, 0x20, 0x80]);
    const decoded = decode(bytes);
    expect(decoded).toEqual({ ok: true, text: 'The reviewer\u2019s \u201cnon-focal\u201d exam \u2013 pages 260\u2013262 \u2022 \u20ac', encoding: 'windows-1252' });
  });

  it('gives every byte one character: Latin-1 outside 0x80-0x9F, the WHATWG table inside', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    for (let i = 0; i < 256; i++) if (i < 0x80 || i >= 0xa0) expect(text.charCodeAt(i)).toBe(i);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect([...text].map((c) => c.charCodeAt(0))).toEqual([...WINDOWS_1252]);
  });

  it('reads a stretch of a larger buffer, not the whole buffer', () => {
    const buffer = Uint8Array.from([0x41, 0x93, 0x42, 0x94, 0x43]);
    expect(decodeWindows1252(buffer.subarray(1, 4))).toBe('\u201cB\u201d');
  });
});
