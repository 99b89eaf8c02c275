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
import { isSpaceCode } from './lines.js';
import type { Span } from './types.js';
import { HashBits, hashOf, hashStep } from './word-hash.js';

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

/**
 * A text's word tokens (runs of [a-z0-9] in its lower-cased form), as
 * parallel arrays of offsets and hashes (hashOf of the token's letters): no
 * object and no string is made per token (a letter has thousands), and each
 * token is hashed once for every lexicon that scans it. Terms are looked up
 * by a word's first two letters, then by its hash, then compared letter by
 * letter.
 */
interface Tokens {
  lower: string;
  starts: number[];
  ends: number[];
  hashes: number[];
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

function tokenize(text: string): Tokens {
  const lower = text.toLowerCase();
  const starts: number[] = [];
  const ends: number[] = [];
  const hashes: number[] = [];
  const n = lower.length;
  for (let i = 0; i < n; ) {
    let c = lower.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    do {
      hash = hashStep(hash, c);
      i++;
    } while (i < n && isWordCode((c = lower.charCodeAt(i))));
    starts.push(start);
    ends.push(i);
    hashes.push(hash);
  }
  return { lower, starts, ends, hashes };
}

/** Whether token `i` is `word` (or, with `prefix`, starts with it). */
function tokenIs(tokens: Tokens, i: number, word: string, prefix: boolean): boolean {
  const start = tokens.starts[i]!;
  const length = tokens.ends[i]! - start;
  if (prefix ? length < word.length : length !== word.length) return false;
  // Letter by letter: words are short, and this is cheaper than startsWith at an offset.
  for (let k = 0; k < word.length; k++) if (tokens.lower.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** `lower[from, to)` is a run of spaces, hyphens and slashes (FLEX_GAP), tested without making the substring. */
function isFlexGap(lower: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if (c !== 45 && c !== 47 && !isSpaceCode(c)) return false;
  }
  return true;
}

/** The tokens of a text (or of a span of it): the first `to` of `tokens`, and what to add to their offsets to get offsets in the caller's text. */
interface TokenRun {
  tokens: Tokens;
  to: number;
  offset: number;
}

/**
 * The spans of the last text tokenised, by their start: a letter's extractors
 * scan each sentence of its summary with several lexicons (and an item's text
 * with several), so a span is lower-cased and tokenised once.
 */
let memoText: string | null = null;
let memo = new Map<number, { end: number; tokens: Tokens }>();

/** The first index in `sorted` whose value is greater than `value` (or the length). */
function firstAbove(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The tokens of `text[span]` (default: all of it), with offsets in `text`. A
 * span tokenised before serves a shorter one with the same start (the head of
 * a sentence) when no token is cut by the shorter end (as tokenising that
 * slice would give) and lower-casing kept the length (offsets still match).
 */
function run(text: string, span: Span = { start: 0, end: text.length }): TokenRun {
  if (text !== memoText) {
    memoText = text;
    // A new map: clear() costs far more than making one.
    memo = new Map();
  }
  const known = memo.get(span.start);
  if (known && known.end === span.end) return { tokens: known.tokens, to: known.tokens.starts.length, offset: span.start };
  if (known && known.end > span.end && known.tokens.lower.length === known.end - span.start) {
    const { tokens } = known;
    const length = span.end - span.start;
    const to = firstAbove(tokens.starts, length - 1);
    if (to === 0 || tokens.ends[to - 1]! <= length) return { tokens, to, offset: span.start };
  }
  const tokens = tokenize(text.slice(span.start, span.end));
  if (!known || known.end < span.end) memo.set(span.start, { end: span.end, tokens });
  return { tokens, to: tokens.starts.length, offset: span.start };
}

/** A word's first two letters (the second 0 for a one-letter word) as a number below 128 * 128 (words are ASCII). */
const headOf = (s: string, at: number, length: number): number => s.charCodeAt(at) * 128 + (length > 1 ? s.charCodeAt(at + 1) : 0);
/** Bits of TermIndex.heads: some one-word prefix term has this head; some term's first word has it. */
const PREFIX_HEAD = 1;
const WORD_HEAD = 2;

/** The key of a pair of word hashes (pairs of the terms, looked up from the text's first two words). */
const pairOf = (first: number, second: number): number => (Math.imul(first, 1000003) + second) & 0x3fffffff;

class TermIndex<K> {
  /** One-word terms, and terms whose second word is a prefix ("activity modification*"), by the hash of their first word (hashOf). */
  private readonly byFirst = new Map<number, CompiledTerm<K>[]>();
  /**
   * Terms of two words or more by the hashes of their first two words: a
   * common first word ("was", "no", "to") starts many terms, and this asks
   * only those whose second word is the text's.
   */
  private readonly byPair = new Map<number, CompiledTerm<K>[]>();
  /** The first-word hash of the token last asked about (`exact`), for `pairs`. */
  private lastHash = 0;
  /** One-word prefix terms ("massage*"), by their first two letters. */
  private readonly prefixes = new Map<number, CompiledTerm<K>[]>();
  /** Which heads (headOf) terms start with: most words start none, and are passed over with one look-up. */
  readonly heads = new Uint8Array(128 * 128);
  /** A bit per value of a first word's hash's low 16 bits: most words that pass `heads` are still no first word, and a bit is cheaper to test than the map. */
  private readonly firstWordBits = new HashBits();

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    for (const [key, terms] of groups) {
      for (const term of terms) {
        const c = compile(key, term);
        if (!c) continue;
        const first = c.words[0]!;
        const head = headOf(first, 0, first.length);
        if (c.prefix && c.words.length === 1) {
          this.prefixes.set(head, [...(this.prefixes.get(head) ?? []), c]);
          this.heads[head]! |= PREFIX_HEAD;
        } else {
          const hash = hashOf(first);
          if (c.words.length >= 2 && !(c.prefix && c.words.length === 2)) {
            const pair = pairOf(hash, hashOf(c.words[1]!));
            this.byPair.set(pair, [...(this.byPair.get(pair) ?? []), c]);
          } else this.byFirst.set(hash, [...(this.byFirst.get(hash) ?? []), c]);
          this.heads[head]! |= WORD_HEAD;
          this.firstWordBits.add(hash);
        }
      }
    }
  }

  /** The head of token `i`, for `heads`. */
  headAt(tokens: Tokens, i: number): number {
    return headOf(tokens.lower, tokens.starts[i]!, tokens.ends[i]! - tokens.starts[i]!);
  }

  /** One-word prefix terms that token `i` (of head `head`) may start with. */
  prefixed(head: number): CompiledTerm<K>[] | undefined {
    return this.heads[head]! & PREFIX_HEAD ? this.prefixes.get(head) : undefined;
  }

  /** Terms whose first word may be token `i` (of head `head`), by the hash of its letters: endOf compares them. */
  exact(tokens: Tokens, i: number, head: number): CompiledTerm<K>[] | undefined {
    this.lastHash = 0;
    if (!(this.heads[head]! & WORD_HEAD)) return undefined;
    const hash = tokens.hashes[i]!;
    if (!this.firstWordBits.has(hash)) return undefined;
    this.lastHash = hash;
    return this.byFirst.get(hash);
  }

  /** Terms of two words or more that may start at token `i`: by its hash (from the `exact` just asked) and the next token's. */
  pairs(tokens: Tokens, i: number, to: number): CompiledTerm<K>[] | undefined {
    if (this.lastHash === 0 || i + 1 >= to || this.byPair.size === 0) return undefined;
    return this.byPair.get(pairOf(this.lastHash, tokens.hashes[i + 1]!));
  }

  /** Where term `t` ends when it matches at token `i` (the run ending at token `to`), else -1. */
  endOf(t: CompiledTerm<K>, tokens: Tokens, i: number, to: number): number {
    const { starts, ends, lower } = tokens;
    const n = t.words.length;
    if (i + n > to) return -1;
    if (!tokenIs(tokens, i, t.words[0]!, t.prefix && n === 1)) return -1;
    for (let k = 1; k < n; k++) {
      if (!tokenIs(tokens, i + k, t.words[k]!, t.prefix && k === n - 1)) return -1;
      const pattern = t.gaps[k - 1]!;
      if (!(pattern === null ? isFlexGap(lower, ends[i + k - 1]!, starts[i + k]!) : pattern.test(lower.slice(ends[i + k - 1]!, starts[i + k]!)))) return -1;
    }
    return ends[i + n - 1]!;
  }
}

/** A set of keyed term lists: scan gives non-overlapping hits, longest first at each word. */
export class TermMatcher<K> {
  private readonly index: TermIndex<K>;

  constructor(groups: Iterable<readonly [K, readonly string[]]>) {
    this.index = new TermIndex(groups);
  }

  /**
   * Every non-overlapping hit in `text` (or in `text[span]`, with offsets in
   * `text`), in text order; at each word the longest match wins (one hit per
   * key when several keys share that term).
   */
  scan(text: string, span?: Span): TermHit<K>[] {
    const { tokens, to, offset } = run(text, span);
    const hits: TermHit<K>[] = [];
    for (let i = 0; i < to; i++) {
      const head = this.index.headAt(tokens, i);
      if (this.index.heads[head] === 0) continue;
      const prefixed = this.index.prefixed(head);
      const exact = this.index.exact(tokens, i, head);
      const pairs = this.index.pairs(tokens, i, to);
      if (!prefixed && !exact && !pairs) continue;
      // The longest match at this word; then every term that reaches as far, one per key (prefix terms first).
      const end = Math.max(this.longest(prefixed, tokens, i, to), this.longest(exact, tokens, i, to), this.longest(pairs, tokens, i, to));
      if (end < 0) continue;
      const atWord = hits.length;
      this.push(hits, atWord, prefixed, tokens, i, to, end, offset);
      this.push(hits, atWord, pairs, tokens, i, to, end, offset);
      this.push(hits, atWord, exact, tokens, i, to, end, offset);
      while (i + 1 < to && tokens.starts[i + 1]! < end) i++;
    }
    return hits;
  }

  private longest(terms: CompiledTerm<K>[] | undefined, tokens: Tokens, i: number, to: number): number {
    let end = -1;
    if (terms) for (const t of terms) end = Math.max(end, this.index.endOf(t, tokens, i, to));
    return end;
  }

  private push(hits: TermHit<K>[], atWord: number, terms: CompiledTerm<K>[] | undefined, tokens: Tokens, i: number, to: number, end: number, offset: number): void {
    if (!terms) return;
    const start = tokens.starts[i]!;
    for (const t of terms) {
      if (this.index.endOf(t, tokens, i, to) !== end || hasKey(hits, atWord, t.key)) continue;
      hits.push({ key: t.key, term: t.term, index: offset + start, length: end - start });
    }
  }
}

/** Whether a hit from `from` on has key `key` (the hits at one word: a few at most). */
function hasKey<K>(hits: TermHit<K>[], from: number, key: K): boolean {
  for (let h = from; h < hits.length; h++) if (hits[h]!.key === key) return true;
  return false;
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

  firstHits(text: string, span?: Span): TermHit<K>[] {
    const { tokens, to, offset } = run(text, span);
    const best = new Map<K, TermHit<K>>();
    for (let i = 0; i < to; i++) {
      const head = this.index.headAt(tokens, i);
      if (this.index.heads[head] === 0) continue;
      this.update(best, this.index.prefixed(head), tokens, i, to, offset);
      this.update(best, this.index.exact(tokens, i, head), tokens, i, to, offset);
      this.update(best, this.index.pairs(tokens, i, to), tokens, i, to, offset);
    }
    return [...best.values()];
  }

  private update(best: Map<K, TermHit<K>>, terms: CompiledTerm<K>[] | undefined, tokens: Tokens, i: number, to: number, offset: number): void {
    if (!terms) return;
    const start = tokens.starts[i]!;
    for (const t of terms) {
      const end = this.index.endOf(t, tokens, i, to);
      if (end < 0) continue;
      const current = best.get(t.key);
      if (!current || (current.index === offset + start && end - start > current.length)) best.set(t.key, { key: t.key, term: t.term, index: offset + start, length: end - start });
    }
  }
}
