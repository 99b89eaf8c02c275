import type { Span } from './types.js';

export interface Line extends Span {
  text: string;
}

/** The lines of `text` within `span` (default: all), with their text offsets. */
export function linesOf(text: string, span: Span = { start: 0, end: text.length }): Line[] {
  const lines: Line[] = [];
  let start = span.start;
  while (start <= span.end) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > span.end) end = span.end;
    lines.push({ start, end, text: text.slice(start, end) });
    if (end >= span.end) break;
    start = end + 1;
  }
  return lines;
}

/**
 * Collapses every run of white space to one space and trims (as
 * `s.replace(/\s+/g, ' ').trim()`): a loop that copies only around the runs
 * that are not already one space, since most are.
 */
export function squash(s: string): string {
  let out = '';
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) continue;
    let j = i + 1;
    while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
    if (j - i > 1 || c !== 32) {
      out += s.slice(last, i) + ' ';
      last = j;
    }
    i = j;
  }
  return (last === 0 ? s : out + s.slice(last)).trim();
}

/** Whether a UTF-16 code unit is white space as `\s` has it (tested by code, no one-character string or regular expression per character). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Narrows a span so it has no white space at either end. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}
