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

/** Collapses every run of white space to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Narrows a span so it has no white space at either end. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
