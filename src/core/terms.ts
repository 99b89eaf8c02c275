/**
 * Whole-word term matching for the lexicons. A term matches case-insensitively
 * as a whole phrase: a space (or hyphen or slash) in a term matches any run of
 * spaces, hyphens or slashes; other punctuation is literal; a term ending in
 * `*` matches its last word as a prefix ("chiropract*").
 *
 * Matching works on word tokens: the text is split once into runs of letters
 * and digits, and terms are looked up by their first word, so the cost grows
 * with the text, not with the size of the lexicon.
 */

import { escapeRegExp } from './lexicon.js';

export interface TermHit<K> {
  key: K;
  term: string;
  index: number;
  length: number;
}

interface CompiledTerm<K> {
  key: K;
  term: string;
  words: string[];
  /** Between word i and i+1: null for "any run of space, hyphen or slash", else a pattern for the literal separator. */
  gaps: (RegExp | null)[];
  prefix: boolean;
}

const WORD = /[a-z0-9]+/g;
const FLEX_GAP = /^[\s\-/]+$/;

function compile<K>(key: K, term: string): CompiledTerm<K> | null {
  const prefix = term.endsWith('*');
  const body = (prefix ? term.slice(0, -1) : term).trim().toLowerCase();
  const words: string[] = [];
  const gaps: (RegExp | null)[] = [];
  let last = -1;
  for (const m of body.matchAll(WORD)) {
    if (last >= 0) {
      const gap = body.slice(last, m.index);
      gaps.push(FLEX_GAP.test(gap) ? null : new RegExp(`^${gap.split(/[\s\-/]+/).map(escapeRegExp).join('[\\s\\-/]+')}$`));
    }
    words.push(m[0]);
    last = m.index! + m[0].length;
  }
  return words.length ? { key, term, words, gaps, prefix } : null;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const bucketOf = (word: string): number => (word.charCodeAt(0) << 16) | (word.length > 1 ? word.charCodeAt(1) : 0);

class TermIndex<K> {
  /** Terms by their exact first word. */
  private readonly byFirst = new Map<string, CompiledTerm<K>[]>();
  /** One-word prefix terms ("massage*"), by their first two letters (as a number: no string is made per word). */
  private readonly prefixes = new Map<number, CompiledTerm<K>[]>();

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    for (const [key, terms] of groups) {
      for (const term of terms) {
        const c = compile(key, term);
        if (!c) continue;
        if (c.prefix && c.words.length === 1) {
          const bucket = bucketOf(c.words[0]!);
          this.prefixes.set(bucket, [...(this.prefixes.get(bucket) ?? []), c]);
        } else {
          this.byFirst.set(c.words[0]!, [...(this.byFirst.get(c.words[0]!) ?? []), c]);
        }
      }
    }
  }

  /** Every term match starting at token i: [term, end offset]. */
  matchesAt(lower: string, tokens: Token[], i: number): { term: CompiledTerm<K>; end: number }[] {
    const out: { term: CompiledTerm<K>; end: number }[] = [];
    const first = tokens[i]!.word;
    for (const t of this.prefixes.get(bucketOf(first)) ?? []) {
      if (first.startsWith(t.words[0]!)) out.push({ term: t, end: tokens[i]!.end });
    }
    for (const t of this.byFirst.get(first) ?? []) {
      const n = t.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) {
        const word = tokens[i + k]!.word;
        const expected = t.words[k]!;
        ok = k === n - 1 && t.prefix ? word.startsWith(expected) : word === expected;
        if (ok) {
          const gap = lower.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start);
          const pattern = t.gaps[k - 1]!;
          ok = pattern === null ? FLEX_GAP.test(gap) : pattern.test(gap);
        }
      }
      if (ok) out.push({ term: t, end: tokens[i + n - 1]!.end });
    }
    return out;
  }
}

/** A set of keyed term lists: scan gives non-overlapping hits, longest first at each word. */
export class TermMatcher<K> {
  private readonly index: TermIndex<K>;

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    this.index = new TermIndex(groups);
  }

  /**
   * Every non-overlapping hit in `text`, in text order; at each word the
   * longest match wins (one hit per key when several keys share that term).
   */
  scan(text: string): TermHit<K>[] {
    const lower = text.toLowerCase();
    const tokens = tokenize(lower);
    const hits: TermHit<K>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const matches = this.index.matchesAt(lower, tokens, i);
      if (matches.length === 0) continue;
      const end = Math.max(...matches.map((m) => m.end));
      const start = tokens[i]!.start;
      const keys = new Set<K>();
      for (const m of matches) {
        if (m.end !== end || keys.has(m.term.key)) continue;
        keys.add(m.term.key);
        hits.push({ key: m.term.key, term: m.term.term, index: start, length: end - start });
      }
      while (i + 1 < tokens.length && tokens[i + 1]!.start < end) i++;
    }
    return hits;
  }
}

/**
 * The same terms, keyed: for each key, its earliest (then longest) hit, so
 * overlapping terms of different keys all count.
 */
export class KeyedTerms<K> {
  private readonly index: TermIndex<K>;

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    this.index = new TermIndex(groups);
  }

  firstHits(text: string): TermHit<K>[] {
    const lower = text.toLowerCase();
    const tokens = tokenize(lower);
    const best = new Map<K, TermHit<K>>();
    for (let i = 0; i < tokens.length; i++) {
      for (const m of this.index.matchesAt(lower, tokens, i)) {
        const start = tokens[i]!.start;
        const current = best.get(m.term.key);
        if (!current || (current.index === start && m.end - start > current.length)) {
          best.set(m.term.key, { key: m.term.key, term: m.term.term, index: start, length: m.end - start });
        }
      }
    }
    return [...best.values()];
  }
}
