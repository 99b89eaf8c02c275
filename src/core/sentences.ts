import type { Span } from './types.js';

const ABBREVIATION = /\b(?:Dr|Mr|Mrs|Ms|vs|No|St|approx|e\.g|i\.e|etc|Jr|Sr)\.$/i;

/**
 * The sentences of `text[span]` with their offsets: a sentence ends at . ! or ?
 * followed by white space and a capital, digit or quote, at a period glued to
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
    if (ABBREVIATION.test(region.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    const end = m.index + m[0].length;
    if (/\S/.test(region.slice(last, end))) out.push({ start: span.start + last, end: span.start + end });
    last = end;
  }
  if (/\S/.test(region.slice(last))) out.push({ start: span.start + last, end: span.end });
  return joinPageBreaks(text, out);
}

/** Joins a piece that ends with no sentence mark to the next when that one starts in lower case: a sentence a page break cut. */
function joinPageBreaks(text: string, pieces: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of pieces) {
    const last = out[out.length - 1];
    if (last && !/[.!?:;]["')\]]*\s*$/.test(text.slice(last.start, last.end)) && /^\s*[a-z]/.test(text.slice(s.start, Math.min(s.end, s.start + 40)))) {
      out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push(s);
  }
  return out;
}
