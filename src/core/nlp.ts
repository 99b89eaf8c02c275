/**
 * compromise, loaded on first use. Importing it costs the better part of a
 * second, and most threads never need it: the main thread, a worker whose
 * letters all come from the cache, and most letters (it only looks at
 * unclear job titles and possible names). Its CommonJS build is required
 * synchronously, which is also quicker to load than its ES modules.
 */
import { createRequire } from 'node:module';
import type Nlp from 'compromise';

let loaded: typeof Nlp | null = null;

export function compromise(): typeof Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof Nlp;
  return loaded;
}
