import { isSpaceCode } from './lines.js';
import type { Span } from './types.js';

const ABBREVIATION = /\b(?:Dr|Mr|Mrs|Ms|vs|No|St|approx|e\.g|i\.e|etc|Jr|Sr)\.$/i;
/** A month's abbreviation before a day ("Jan. 5, 2015"): a date, not a sentence's end. */
const MONTH_ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/;
const DAY_AFTER = /^\s+\d/;

/**
 * The sentences of `text[span]` with their offsets: a sentence ends at . ! or ?
 * followed by white space and a capital, digit or quote (not after a title or a
 * month's abbreviation before a day: "Dr. Lee", "Jan. 5, 2015"), at a period glued to
 * the next sentence's first word ("infection.The"), or at a blank line, unless
 * the blank line falls in mid-sentence (a page break: the piece before it ends
 * with no sentence mark and the next starts in lower case). The same span
 * objects for the same region, so callers can key caches by them.
 */
/** The last text's sentences by span: the extractors of one letter ask for the same regions again and again. */
let memoText = '';
let memo = new Map<string, Span[]>();

export function sentences(text: string, span: Span): Span[] {
  if (text !== memoText) {
    memoText = text;
    // A new map: clear() costs far more than making one.
    memo = new Map();
  }
  const key = `${span.start}:${span.end}`;
  const known = memo.get(key);
  if (known) return known;
  const found = split(text, span);
  memo.set(key, found);
  return found;
}

function split(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[.!?]["')\]]*(?=\s+(?:[A-Z0-9"'(]|$))|\.(?=[A-Z][a-z])|\n[ \t]*\n/g;
  const region = text.slice(span.start, span.end);
  let last = 0;
  for (let m = re.exec(region); m !== null; m = re.exec(region)) {
    const before = region.slice(Math.max(0, m.index - 6), m.index + 1);
    if (ABBREVIATION.test(before)) continue;
    if (MONTH_ABBREVIATION.test(before) && DAY_AFTER.test(region.slice(m.index + 1, m.index + 4))) continue;
    const end = m.index + m[0].length;
    if (hasText(region, last, end)) out.push({ start: span.start + last, end: span.start + end });
    last = end;
  }
  if (hasText(region, last, region.length)) out.push({ start: span.start + last, end: span.end });
  return joinPageBreaks(text, out);
}

/** Whether `s[from, to)` has a character that is not white space (`/\S/` on the slice, without making it). */
function hasText(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** Whether `text[span]` ends a sentence: `/[.!?:;]["')\]]*\s*$/`, read backwards from its end (the pattern is tried at every stop of the sentence). */
function endsSentence(text: string, span: Span): boolean {
  let i = span.end;
  while (i > span.start && isSpaceCode(text.charCodeAt(i - 1))) i--;
  while (i > span.start && isCloser(text.charCodeAt(i - 1))) i--;
  if (i === span.start) return false;
  const c = text.charCodeAt(i - 1);
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59;
}

/** A closing quote or bracket after a sentence's mark: " ' ) ]. */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 41 || c === 93;

/** Whether `text[span]` starts (after white space, within its first 40 characters) with a lower-case letter: `/^\s*[a-z]/` on those characters. */
function startsLowerCase(text: string, span: Span): boolean {
  const limit = Math.min(span.end, span.start + 40);
  let i = span.start;
  while (i < limit && isSpaceCode(text.charCodeAt(i))) i++;
  if (i >= limit) return false;
  const c = text.charCodeAt(i);
  return c >= 97 && c <= 122;
}

/** Joins a piece that ends with no sentence mark to the next when that one starts in lower case: a sentence a page break cut. */
function joinPageBreaks(text: string, pieces: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of pieces) {
    const last = out[out.length - 1];
    if (last && !endsSentence(text, last) && startsLowerCase(text, s)) {
      out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push(s);
  }
  return out;
}
