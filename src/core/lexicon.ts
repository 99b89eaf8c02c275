/**
 * The vocabularies (states, specialties, guideline titles) are data files in
 * `lexicons/`, loaded once per process. Code holds no word lists of its own.
 */
import { readFileSync } from 'node:fs';

const root = new URL('../../lexicons/', import.meta.url);

export function loadLexicon<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, root), 'utf8')) as T;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a phrase that tolerates the spacing of extracted text (words
 * may be glued or broken across lines), `&` for `and`, and a missing comma.
 */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '&' || word.toLowerCase() === 'and') return '(?:&|and)';
      return word.endsWith(',') ? `${escapeRegExp(word.slice(0, -1))},?` : escapeRegExp(word);
    })
    .join('\\s*');
}
