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
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';

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

