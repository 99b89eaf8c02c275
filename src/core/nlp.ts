/**
 * Language helpers for the case summary.
 *
 * compromise, loaded on first use. Importing it costs the better part of a
 * second, and most threads never need it: the main thread, a worker whose
 * letters all come from the cache, and most letters (it only looks at
 * unclear job titles and possible names). Its CommonJS build is required
 * synchronously, which is also quicker to load than its ES modules.
 *
 * natural's Porter stemmer (its submodule only: the package's entry loads
 * database clients), for term variants ("deformities" and "deformity",
 * "spasms" and "spasm") in the clinical-target lexicon.
 *
 * proseSentences: the summary's sentences with a sentence that a page break
 * cut in two joined again.
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';
import { sentences } from './sentences.js';
import type { Span } from './types.js';

const require = createRequire(import.meta.url);

let loaded: typeof Nlp | null = null;

export function compromise(): typeof Nlp {
  loaded ??= require('compromise') as typeof Nlp;
  return loaded;
}

const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
const stems = new Map<string, string>();

/** A word's Porter stem (natural), lower-cased; remembered, since a summary repeats its words. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let s = stems.get(lower);
  if (s === undefined) {
    s = porter.stem(lower);
    if (stems.size < 50_000) stems.set(lower, s);
  }
  return s;
}

let memoText = '';
let memo = new Map<string, Span[]>();

/**
 * The sentences of `text[span]` (sentences()), where a piece that ends with
 * no sentence mark and is followed by one that starts in lower case (a page
 * break in mid-sentence: "The Utilization Review" / "documentation dated
 * ...") is joined to it. The same span objects for the same region, so
 * callers can key caches by them.
 */
export function proseSentences(text: string, span: Span): Span[] {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  const key = `${span.start}:${span.end}`;
  const known = memo.get(key);
  if (known) return known;
  const out: Span[] = [];
  for (const s of sentences(text, span)) {
    const last = out[out.length - 1];
    if (last && !/[.!?:;]["')\]]*\s*$/.test(text.slice(last.start, last.end)) && /^\s*[a-z]/.test(text.slice(s.start, Math.min(s.end, s.start + 40)))) {
      out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push(s);
  }
  memo.set(key, out);
  return out;
}
