/**
 * Whole-word term matching for the lexicons. A term matches case-insensitively
 * as a whole phrase; a space in a term matches any run of spaces, hyphens or
 * slashes; a term ending in `*` matches as a prefix ("chiropract*").
 */
import { escapeRegExp } from './lexicon.js';

export interface TermHit<K> {
  key: K;
  term: string;
  index: number;
  length: number;
}

function termSource(term: string): string {
  const prefix = term.endsWith('*');
  const body = (prefix ? term.slice(0, -1) : term)
    .trim()
    .toLowerCase()
    .split(/[\s\-/]+/)
    .map(escapeRegExp)
    .join('[\\s\\-/]+');
  return prefix ? `${body}[a-z0-9]*` : body;
}

/** A set of keyed term lists compiled into one scanner. */
export class TermMatcher<K> {
  private readonly pattern: RegExp;
  private readonly keys: { key: K; term: string }[] = [];

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    const alternatives: string[] = [];
    const all: { key: K; term: string; source: string }[] = [];
    for (const [key, terms] of groups) for (const term of terms) all.push({ key, term, source: termSource(term) });
    // Longer terms first, so "low back" wins over "back" at the same position.
    all.sort((a, b) => b.term.length - a.term.length);
    for (const t of all) {
      this.keys.push({ key: t.key, term: t.term });
      alternatives.push(`(${t.source})`);
    }
    this.pattern = new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'gi');
  }

  /** Every non-overlapping hit in `text`, in text order. */
  scan(text: string): TermHit<K>[] {
    const hits: TermHit<K>[] = [];
    const re = this.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let group = 1;
      while (m[group] === undefined) group++;
      const { key, term } = this.keys[group - 1]!;
      hits.push({ key, term, index: m.index, length: m[0].length });
    }
    return hits;
  }
}

/**
 * The same term syntax, one pattern per key: for each key, its earliest
 * (then longest) hit, so overlapping terms of different keys all count.
 */
export class KeyedTerms<K> {
  private readonly patterns: { key: K; re: RegExp; terms: string[] }[];

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    this.patterns = [...groups].map(([key, terms]) => {
      const sorted = [...terms].sort((a, b) => b.length - a.length);
      return { key, terms: sorted, re: new RegExp(`(?<![a-z0-9])(?:${sorted.map((t) => `(${termSource(t)})`).join('|')})(?![a-z0-9])`, 'i') };
    });
  }

  /** The first hit of each key that occurs in `text`. */
  firstHits(text: string): TermHit<K>[] {
    const hits: TermHit<K>[] = [];
    for (const { key, re, terms } of this.patterns) {
      const m = re.exec(text);
      if (!m) continue;
      let group = 1;
      while (m[group] === undefined) group++;
      hits.push({ key, term: terms[group - 1]!, index: m.index, length: m[0].length });
    }
    return hits;
  }
}
