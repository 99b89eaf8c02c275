/**
 * Text normalisation that never loses its way back to the source.
 *
 * The normaliser is a list of small rewrite rules, each a regular expression
 * and a replacement. The result keeps a piecewise offset map: runs of text
 * copied unchanged map one to one, and each replacement maps to the whole
 * source range it replaced. So any span found in the normalised text maps back
 * to the exact words of the original file, at a cost proportional to the
 * number of edits rather than the length of the letter.
 */

import { closeSync, openSync, readSync } from 'node:fs';
import wordListPath from 'word-list';
import { FNV_OFFSET, fnv1a, fnvStep } from './fnv1a.js';
import { loadLexicon } from './lexicon.js';
import { HashBits } from './word-hash.js';

/**
 * A piecewise map from normalised-text offsets to source offsets. Piece `i`
 * starts at text offset `textStarts[i]` and covers source `[sourceStarts[i],
 * sourceEnds[i])`; a copied piece maps offset by offset, a replaced one maps
 * every offset to its whole source range.
 */
export interface OffsetMap {
  textStarts: Int32Array;
  sourceStarts: Int32Array;
  sourceEnds: Int32Array;
  copied: Uint8Array;
  textLength: number;
  sourceLength: number;
}

export interface MappedText {
  text: string;
  map: OffsetMap;
}

export interface RewriteRule {
  name: string;
  /** What to replace; a function builds the pattern from the whole text (null: nothing to do). */
  pattern: RegExp | ((text: string) => RegExp | null);
  /** The replacement for one match; may use the capture groups. */
  replace: (match: RegExpExecArray) => string;
  /** Applies the rule only when the whole text satisfies this. */
  when?: (text: string) => boolean;
  /**
   * Finds the pattern's matches without the regular-expression engine, where a loop finds them faster:
   * given the text, a function from a search position to the next match (the same matches the pattern's
   * global search gives, in order), or null. The pattern then documents what is found.
   */
  finder?: (text: string) => (from: number) => RegExpExecArray | null;
}

/** Collects pieces, merging a copied piece into the previous one when both are contiguous. */
class PieceBuilder {
  private t: number[] = [];
  private s: number[] = [];
  private e: number[] = [];
  private c: number[] = [];

  push(textStart: number, sourceStart: number, sourceEnd: number, copied: boolean): void {
    const n = this.t.length;
    if (copied && n > 0 && this.c[n - 1] === 1 && this.e[n - 1] === sourceStart && textStart - this.t[n - 1]! === this.e[n - 1]! - this.s[n - 1]!) {
      this.e[n - 1] = sourceEnd;
      return;
    }
    this.t.push(textStart);
    this.s.push(sourceStart);
    this.e.push(sourceEnd);
    this.c.push(copied ? 1 : 0);
  }

  build(textLength: number, sourceLength: number): OffsetMap {
    return {
      textStarts: Int32Array.from(this.t),
      sourceStarts: Int32Array.from(this.s),
      sourceEnds: Int32Array.from(this.e),
      copied: Uint8Array.from(this.c),
      textLength,
      sourceLength,
    };
  }
}

export function identity(source: string): MappedText {
  const b = new PieceBuilder();
  if (source.length > 0) b.push(0, 0, source.length, true);
  return { text: source, map: b.build(source.length, source.length) };
}

/** Index of the piece holding text offset `t` (0 <= t < textLength). */
function pieceAt(map: OffsetMap, t: number): number {
  let lo = 0;
  let hi = map.textStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.textStarts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Source offset where the origin of text offset `t` starts. */
function sourceStart(map: OffsetMap, t: number): number {
  if (t >= map.textLength) return map.sourceLength;
  const i = pieceAt(map, t);
  return map.copied[i] ? map.sourceStarts[i]! + (t - map.textStarts[i]!) : map.sourceStarts[i]!;
}

/** Source offset where the origin of text offset `t` ends. */
function sourceEnd(map: OffsetMap, t: number): number {
  if (t >= map.textLength) return map.sourceLength;
  const i = pieceAt(map, t);
  return map.copied[i] ? map.sourceStarts[i]! + (t - map.textStarts[i]!) + 1 : map.sourceEnds[i]!;
}

/** Converts a span of normalised text into the span of the source it came from. */
export function toSource(map: OffsetMap, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = sourceStart(map, start);
    return { start: at, end: at };
  }
  return { start: sourceStart(map, start), end: sourceEnd(map, end - 1) };
}

/** The global form of each rule's pattern, made once (not per letter). */
const globalForms = new WeakMap<RegExp, RegExp>();

function globalForm(pattern: RegExp): RegExp {
  let re = globalForms.get(pattern);
  if (!re) {
    re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    globalForms.set(pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Applies one rule. Unchanged runs keep their origin; a replacement points at
 * the whole source range of the match it replaces.
 */
export function rewrite(input: MappedText, rule: RewriteRule): MappedText {
  const { text, map } = input;
  if (rule.when && !rule.when(text)) return input;
  let next: (from: number) => RegExpExecArray | null;
  if (rule.finder) next = rule.finder(text);
  else {
    const pattern = typeof rule.pattern === 'function' ? rule.pattern(text) : rule.pattern;
    if (!pattern) return input;
    const re = globalForm(pattern);
    next = (from) => {
      re.lastIndex = from;
      return re.exec(text);
    };
  }
  const parts: string[] = [];
  const b = new PieceBuilder();
  let out = 0;
  let last = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    // Split the copied run along the input map's pieces.
    let t = from;
    while (t < to) {
      const i = pieceAt(map, t);
      const pieceEnd = Math.min(to, i + 1 < map.textStarts.length ? map.textStarts[i + 1]! : map.textLength);
      if (map.copied[i]) {
        const s = map.sourceStarts[i]! + (t - map.textStarts[i]!);
        b.push(out + (t - from), s, s + (pieceEnd - t), true);
      } else {
        b.push(out + (t - from), map.sourceStarts[i]!, map.sourceEnds[i]!, false);
      }
      t = pieceEnd;
    }
    parts.push(text.slice(from, to));
    out += to - from;
  };
  for (let m = next(0); m !== null; m = next(m.index + Math.max(1, m[0].length))) {
    if (m[0].length === 0) continue;
    const replacement = rule.replace(m);
    if (replacement === m[0]) continue;
    copy(last, m.index);
    const end = m.index + m[0].length;
    if (replacement.length > 0) b.push(out, sourceStart(map, m.index), sourceEnd(map, end - 1), false);
    parts.push(replacement);
    out += replacement.length;
    last = end;
  }
  if (last === 0 && parts.length === 0) return input;
  copy(last, text.length);
  return { text: parts.join(''), map: b.build(out, map.sourceLength) };
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/** True when most lines with text are followed by exactly one blank line. */
export function isDoubleSpaced(text: string): boolean {
  let content = 0;
  let followedByBlank = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      content++;
      if (text[end + 1] === '\n' && end + 2 < text.length && text[end + 2] !== '\n') followedByBlank++;
    }
    start = end + 1;
  }
  return content >= 8 && followedByBlank / content > 0.6;
}

/**
 * Lines that repeat at page boundaries: the first and last non-empty line of
 * each page (pages end at form feeds) that recur on at least half of the
 * pages: three times, or twice when they carry a number or the program's
 * name. They start with a capital or a digit (a lowercase start continues a
 * sentence). Running headers and footers, not letter text.
 */
export function runningLines(text: string): RegExp | null {
  const pages = text.split('\f');
  if (pages.length < 2) return null;
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set([firstLine(page), lastLine(page)])) {
      // A running header or footer starts with a capital or a digit; a line starting lowercase continues a sentence.
      if (line && line.length <= 120 && /^[A-Z0-9|(]/.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
    }
  }
  const repeated = [...counts].filter(([line, n]) => n >= 2 && n >= pages.length / 2 && (n >= 3 || /\d|MAXIMUS|Independent\s+Medical\s+Review|\bIMR\b|\bPage\b/i.test(line))).map(([line]) => line);
  if (repeated.length === 0) return null;
  const escaped = repeated.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+'));
  return new RegExp(`(?<=^|\\n|\\f)[ \\t]*(?:${escaped.join('|')})[ \\t]*(?=\\n|\\f|$)`, 'g');
}

/** The first line of `page` with text, trimmed (undefined when none has): only the ends of a page are looked at, so its lines are not all split out. */
function firstLine(page: string): string | undefined {
  for (let start = 0; start <= page.length; ) {
    let end = page.indexOf('\n', start);
    if (end === -1) end = page.length;
    const line = page.slice(start, end).trim();
    if (line) return line;
    start = end + 1;
  }
  return undefined;
}

/** The last line of `page` with text, trimmed (undefined when none has). */
function lastLine(page: string): string | undefined {
  for (let end = page.length; ; ) {
    const start = end === 0 ? 0 : page.lastIndexOf('\n', end - 1) + 1;
    const line = page.slice(start, end).trim();
    if (line) return line;
    if (start === 0) return undefined;
    end = start - 1;
  }
}

/** Words known without the letter (lower case): common words of letters like these and the drug lexicon's names, for a broken word the letter does not use whole elsewhere ("y ear", "Bupi vacaine"). */
const COMMON = new Set([
  ...loadLexicon<{ words: string[] }>('common-words.json').words,
  ...loadLexicon<{ entries: { name: string; ingredients: string[] }[] }>('drugs.json').entries.flatMap((e) => [e.name, ...e.ingredients].flatMap((n) => n.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5)),
]);
/** The FNV-1a hashes of COMMON's words: a pair of pieces whose hash is not here is no common word, found without making the joined word. */
const COMMON_HASHES = new HashBits();
for (const w of COMMON) COMMON_HASHES.add(fnv1a(w));
/**
 * Abbreviations of the treatment lexicon's terms ("NCV", "EMG", "MRI"): a broken word written in capitals
 * may join into one ("EMG/N CV"). Only in capitals: in lower case the pieces are more often two words
 * ("in r educing" is "in reducing", not "inr").
 */
const ABBREVIATIONS = new Set(loadLexicon<{ rules: { terms: string[] }[] }>('treatments.json').rules.flatMap((r) => r.terms.flatMap((t) => t.split(/[^a-z*]+/)).filter((w) => w.length >= 3 && w.length <= 5 && !w.includes('*'))));
/**
 * English words (the `word-list` package: about 275,000 words with their
 * inflections), loaded the first time a letter looks broken. Held as the
 * sorted FNV-1a hashes of the words (1 MB, against 30 MB for a set of the
 * strings); a word not in the list is taken for one about once in 15,000.
 */
class EnglishWords {
  private readonly hashes: Uint32Array;
  /**
   * Where the hashes with each value of their top BUCKET_BITS bits start in `hashes` (and, one further, end):
   * a look-up searches its bucket of eight or so hashes, not the whole megabyte (18 steps, most of them
   * cache misses: a broken letter asks for every pair of words on a line).
   */
  private readonly buckets: Uint32Array;

  /** Reads the list (one ASCII word a line) a chunk at a time: neither the file nor its words are ever held whole. */
  constructor(path: string) {
    let hashes = new Uint32Array(1 << 19);
    let n = 0;
    let h = FNV_OFFSET;
    const endWord = () => {
      if (h === FNV_OFFSET) return;
      if (n === hashes.length) {
        const bigger = new Uint32Array(n * 2);
        bigger.set(hashes);
        hashes = bigger;
      }
      hashes[n++] = h;
      h = FNV_OFFSET;
    };
    const chunk = Buffer.allocUnsafe(1 << 16);
    const fd = openSync(path, 'r');
    try {
      for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
        for (let i = 0; i < read; i++) {
          const c = chunk[i]!;
          if (c === 10) endWord();
          else if (c !== 13) h = fnvStep(h, c);
        }
      }
    } finally {
      closeSync(fd);
    }
    endWord();
    this.hashes = hashes.slice(0, n).sort();
    this.buckets = new Uint32Array((1 << BUCKET_BITS) + 1);
    let at = 0;
    for (let b = 0; b < 1 << BUCKET_BITS; b++) {
      while (at < n && this.hashes[at]! >>> (32 - BUCKET_BITS) < b) at++;
      this.buckets[b] = at;
    }
    this.buckets[1 << BUCKET_BITS] = n;
  }

  /** Whether a lower-case word is in the list. */
  has(word: string): boolean {
    return this.hasHash(fnv1a(word));
  }

  /** Whether a lower-case word whose FNV-1a hash is `h` is in the list (`has` without making the word). */
  hasHash(h: number): boolean {
    const bucket = h >>> (32 - BUCKET_BITS);
    let lo = this.buckets[bucket]!;
    let hi = this.buckets[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.buckets[bucket + 1]! && this.hashes[lo] === h;
  }
}
/** EnglishWords' buckets: 2^15 (128 KB) for the list's 275,000 hashes. */
const BUCKET_BITS = 15;
let english: EnglishWords | null = null;
function englishWords(): EnglishWords {
  english ??= new EnglishWords(wordListPath);
  return english;
}
/** The two-letter words (the list holds many more, rare ones, which would hide a broken word's piece). */
const TWO_LETTER_WORDS = new Set(['am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or', 'so', 'to', 'up', 'us', 'we']);
/** Whether a lower-case word is an English word: one of the common two-letter words, or a longer word of the list. */
export function isEnglishWord(lower: string): boolean {
  return lower.length <= 2 ? TWO_LETTER_WORDS.has(lower) : englishWords().has(lower);
}
/** Fewer broken-looking pairs than this in a letter are its own spelling, not a renderer's damage. */
const MIN_BROKEN_WORDS = 2;
/**
 * A letter standing alone beside a word ("y ear", "mal e"), other than "a" and "I": the cheap sign of a
 * rendering that breaks words, without which the word count of split-words is not made (it costs as much
 * as the rest of normalisation).
 */
// Each alternative starts with a literal space, so the search skips ahead to spaces (lookbehinds first test every position).
const LETTER_PIECE = / [b-hj-zB-HJ-Z](?: (?=[a-z])|(?![A-Za-z0-9'.\/&-])(?<=[a-z] .))/;
/**
 * A block label after other text on its line. The search stops only at colons, the label read backwards
 * from each (the same answer as searching for the label's words and looking behind them, where the search
 * stopped at every C, M and D of the letter).
 */
const RUN_TOGETHER_LABEL = /:(?<=\S[ \t]+(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:)/;
/** Single letters that are words; any other letter alone is a broken word's piece. */
const LETTER_WORDS = new Set(['a', 'A', 'I']);

/**
 * Words a renderer broke with a space ("wit hout", "bi lateral", "session s"):
 * pairs of letter runs, one space apart on a line, whose concatenation the
 * letter itself uses as a word elsewhere (or is a word known without it:
 * lexicons/common-words.json and the drug names), where one of the two pieces is not a
 * word: it never stands alone outside such pairs and is not common (or is a single letter other than "a" and "I"). "in to" stays apart: both pieces are words
 * of the letter. Returns a pattern of the pairs to join.
 */
export function splitWords(text: string): RegExp | null {
  // One pass over the characters: each run of letters not touching a digit or after an apostrophe ("patient's"), and whether one space (on the line) parts it from the one before.
  const words: string[] = [];
  const spaced: boolean[] = [];
  const counts = new WordCounts();
  // Per word, for the pairs below: where it starts, its FNV-1a hash as written and lower-cased, and its case (the bits of wordCase).
  const starts: number[] = [];
  const hashes: number[] = [];
  const lowerHashes: number[] = [];
  const cases: number[] = [];
  const n = text.length;
  let prevEnd = -2;
  for (let i = 0; i < n; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(text.charCodeAt(j))) j++;
    // Read inside the text only: a read past either end deoptimises this hot loop.
    const attached = (i > 0 && (isDigit(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 39)) || (j < n && isDigit(text.charCodeAt(j)));
    if (!attached) {
      let h = FNV_OFFSET;
      let lh = FNV_OFFSET;
      let upper = 0;
      for (let k = i; k < j; k++) {
        const c = text.charCodeAt(k);
        h = fnvStep(h, c);
        lh = fnvStep(lh, c | 32);
        if (c < 97) upper++;
      }
      words.push(counts.add(text, i, j, h));
      spaced.push(prevEnd === i - 1 && text.charCodeAt(i - 1) === 32);
      starts.push(i);
      hashes.push(h);
      lowerHashes.push(lh);
      cases.push(wordCase(upper, text.charCodeAt(i) < 97, j - i));
    } else {
      words.push('');
      spaced.push(false);
      starts.push(i);
      hashes.push(0);
      lowerHashes.push(0);
      cases.push(0);
    }
    prevEnd = j;
    i = j;
  }
  /** Each pair at the index of its second word (a pair can be broken in several places). */
  const pairs = new Map<number, [string, string]>();
  const inPairs = new Map<string, number>();
  const dictionary = englishWords();
  for (let k = 1; k < words.length; k++) {
    if (!spaced[k]) continue;
    const a = words[k - 1]!;
    const b = words[k]!;
    if (!a) continue;
    // Whether the joined word "ab" is one the letter uses (length 3 or more), or has one word's case (lower case, capitalised or capitals: "aCT" is two words) and is known without the letter (a common word, or an English word of five letters or more):
    // tested on the hashes of "ab", carried on from a's through b's letters, and only where a hash is found is the joined word made and looked up.
    let h = hashes[k - 1]!;
    let lh = lowerHashes[k - 1]!;
    for (let at = starts[k]!, end = at + b.length; at < end; at++) {
      const c = text.charCodeAt(at);
      h = fnvStep(h, c);
      lh = fnvStep(lh, c | 32);
    }
    const length = a.length + b.length;
    const letterWord = length >= 3 && counts.has(a + b, h);
    if (!letterWord) {
      if (!joinedWordCase(cases[k - 1]!, cases[k]!)) continue;
      const known = (COMMON_HASHES.has(lh) && COMMON.has((a + b).toLowerCase())) || (length >= 5 && dictionary.hasHash(lh)) || ((cases[k - 1]! & cases[k]! & ALL_UPPER) !== 0 && ABBREVIATIONS.has((a + b).toLowerCase()));
      if (!known) continue;
    }
    pairs.set(k, [a, b]);
    inPairs.set(a, (inPairs.get(a) ?? 0) + 1);
    inPairs.set(b, (inPairs.get(b) ?? 0) + 1);
  }
  if (pairs.size < MIN_BROKEN_WORDS) return null;
  const piece = (w: string) => (counts.get(w) === inPairs.get(w) && !COMMON.has(w.toLowerCase())) || (w.length === 1 && !LETTER_WORDS.has(w));
  /** A piece that is no word at all ("carri", "ed"); "pit" and "ting" are words, so "pit ting" needs the letter's own "pitting". */
  const fragment = (w: string) => piece(w) && !isEnglishWord(w.toLowerCase());
  // A join that the letter's own words do not justify needs stronger evidence: a piece of one or two letters or that is no word at all, or a long common word.
  const attested = ([a, b]: [string, string]) => counts.has(a + b) || COMMON.has((a + b).toLowerCase());
  const stub = (w: string) => w.length <= 2 && piece(w);
  const mended = (pair: [string, string] | undefined): pair is [string, string] => {
    if (pair === undefined) return false;
    const [a, b] = pair;
    if (!(piece(a) || piece(b))) return false;
    return counts.has(a + b) || stub(a) || stub(b) || fragment(a) || fragment(b) || (attested(pair) && a.length + b.length >= 8);
  };
  /** Whether a pair beside this one, over the same single letter, makes a better attested word ("lumbar s pine": "spine", not "lumbars"), or as well attested and as long ("a t opical": "topical"). */
  const rival = (pair: [string, string], other: [string, string] | undefined) => {
    if (!mended(other)) return false;
    if (attested(other) !== attested(pair)) return attested(other);
    return other[0].length + other[1].length >= pair[0].length + pair[1].length;
  };
  const joined = new Set<string>();
  for (const [k, pair] of pairs) {
    if (!mended(pair)) continue;
    if (pair[1].length === 1 && rival(pair, pairs.get(k + 1))) continue;
    if (pair[0].length === 1 && rival(pair, pairs.get(k - 1))) continue;
    joined.add(`${pair[0]} ${pair[1]}`);
  }
  // A few such pairs occur in any letter ("electro diagnostic"): only a rendering that breaks words throughout is mended.
  if (joined.size < MIN_BROKEN_WORDS) return null;
  return new RegExp(`(?<![A-Za-z'])(?:${[...joined].join('|')})(?![A-Za-z])`, 'g');
}

/**
 * How often each word occurs in a text, counted from its offsets: an occurrence is found among the
 * words seen before by its hash and compared in place, so a string is made only for each distinct word
 * (a Map of strings would make and hash a slice for every occurrence).
 */
class WordCounts {
  /** The first entry of each hash (kept to 30 bits, a small integer key). */
  private readonly first = new Map<number, number>();
  private readonly words: string[] = [];
  private readonly counts: number[] = [];
  /** The next entry of the same hash, or -1. */
  private readonly next: number[] = [];

  /** Counts `text[from, to)`, whose FNV-1a hash is `h`, and returns it (the same string for every occurrence). */
  add(text: string, from: number, to: number, h: number): string {
    const head = this.first.get(h & 0x3fffffff) ?? -1;
    for (let e = head; e >= 0; e = this.next[e]!) {
      const w = this.words[e]!;
      if (sameText(w, text, from, to)) {
        this.counts[e] = this.counts[e]! + 1;
        return w;
      }
    }
    const w = text.slice(from, to);
    this.words.push(w);
    this.counts.push(1);
    this.next.push(head);
    this.first.set(h & 0x3fffffff, this.words.length - 1);
    return w;
  }

  /** How often `w` (FNV-1a hash `h`) occurs; undefined when it does not. */
  get(w: string, h: number = fnv1a(w)): number | undefined {
    for (let e = this.first.get(h & 0x3fffffff) ?? -1; e >= 0; e = this.next[e]!) if (this.words[e] === w) return this.counts[e];
    return undefined;
  }

  has(w: string, h: number = fnv1a(w)): boolean {
    return this.get(w, h) !== undefined;
  }
}

/** Whether `w` is `text[from, to)`, compared without making the slice. */
function sameText(w: string, text: string, from: number, to: number): boolean {
  if (w.length !== to - from) return false;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A word's case, as bits: all capitals; all lower case; lower case after its first letter. */
const ALL_UPPER = 1;
const ALL_LOWER = 2;
const TAIL_LOWER = 4;
/** The case bits of a word of `length` letters, `upper` of them capitals, the first one a capital or not. */
function wordCase(upper: number, firstUpper: boolean, length: number): number {
  return (upper === length ? ALL_UPPER : 0) | (upper === 0 ? ALL_LOWER : 0) | (upper === 0 || (upper === 1 && firstUpper) ? TAIL_LOWER : 0);
}
/** Whether two words joined have one word's case (`^(?:[A-Z]?[a-z]+|[A-Z]+)$`), from their case bits. */
const joinedWordCase = (a: number, b: number): boolean => (a & b & ALL_UPPER) !== 0 || ((a & TAIL_LOWER) !== 0 && (b & ALL_LOWER) !== 0);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The matches of `(?<! ) +(?=\n|\f|$)` (trailing-space) in `text`, found from the line ends: each whole run
 * of spaces right before a line end, a form feed or the end of the text that starts at or after the
 * search position (a run that starts before it is not one: its first space is where the pattern starts).
 * The pattern stops at every space of the letter; a letter has about fifteen times fewer line ends.
 */
export function trailingSpaces(text: string): (from: number) => RegExpExecArray | null {
  let formFeed = -2;
  return (from) => {
    for (let at = from; ; ) {
      if (formFeed !== -1 && formFeed < at) formFeed = text.indexOf('\f', at);
      const newline = text.indexOf('\n', at);
      let end = newline === -1 ? text.length : newline;
      if (formFeed !== -1 && formFeed < end) end = formFeed;
      let start = end;
      while (start > 0 && text.charCodeAt(start - 1) === 32) start--;
      if (start < end && start >= from) {
        const m = [text.slice(start, end)] as unknown as RegExpExecArray;
        m.index = start;
        m.input = text;
        return m;
      }
      if (end >= text.length) return null;
      at = end + 1;
    }
  };
}

/**
 * The matches of `(?<![A-Za-z])([A-Za-z]+)-\n(?=[a-z])` (hyphenation) in `text`, found from each "-\n":
 * the whole run of letters before it, when the run starts at or after the search position and a lower-case
 * letter follows the line break. The pattern tries every letter of the text as a word's start.
 */
export function lineEndHyphens(text: string): (from: number) => RegExpExecArray | null {
  return (from) => {
    for (let at = from; ; ) {
      const hyphen = text.indexOf('-\n', at);
      if (hyphen === -1) return null;
      const next = text.charCodeAt(hyphen + 2);
      if (next >= 97 && next <= 122) {
        let start = hyphen;
        while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
        if (start < hyphen && start >= from) {
          const m = [text.slice(start, hyphen + 2), text.slice(start, hyphen)] as unknown as RegExpExecArray;
          m.index = start;
          m.input = text;
          return m;
        }
      }
      at = hyphen + 1;
    }
  };
}

/**
 * A space before a line end or form feed (" \n", " \f"): searched from the line ends, which are rarer than
 * spaces (`includes(' \n')` stops at every space of the text to look at the character after it).
 */
const SPACE_BEFORE_LINE_END = /[\n\f](?<= [\n\f])/;
/** A hyphen with a space on either side (" -", "- "), searched from the hyphens (rarer than spaces). */
const SPACED_HYPHEN = /-(?: |(?<= -))/;

/** Words that keep their hyphen when split at a line end ("non-\ncertified"). */
const HYPHEN_PREFIXES = new Set(['non', 'self', 'post', 'pre', 'anti', 'follow', 'well', 'long', 'short', 'multi', 'ex', 'cross', 'half', 'all', 'co', 'semi', 'mid', 'low', 'high', 'full', 'part', 'x', 'on', 'off', 'up', 'check', 'work', 'year', 'day', 'week', 'month', 'time', 'right', 'left', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'sub', 'over', 'under', 'out', 'in', 'by', 'sit', 'stand']);
/** The word before a hyphen at a line's end (`m[1]`), joined to the next line's word: a prefix keeps its hyphen ("non-certified"), any other word is whole again. */
const lineEndHyphen = (m: RegExpExecArray): string => (HYPHEN_PREFIXES.has(m[1]!.toLowerCase()) ? `${m[1]}-` : m[1]!);

/**
 * The standard rules, in order. Each is small and independent; together they
 * turn whatever a PDF extractor produced into plain `\n`-separated lines with
 * single-width spaces and no trailing blanks.
 */
export const RULES: readonly RewriteRule[] = [
  { name: 'bom', pattern: /^\uFEFF/, replace: () => '' },
  { name: 'line-endings', pattern: /\r\n?/, replace: () => '\n' },
  { name: 'control-characters', pattern: /[\u0000-\u0008\u000B\u000E-\u001F\u007F]+/, replace: () => ' ' },
  { name: 'unicode-spaces', pattern: /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/, replace: () => ' ' },
  // PDFium marks a word hyphenated at a line's end, the line then run on, with U+FFFE ("radicul\uFFFEopathy"): the word is whole again, a compound keeps its hyphen ("non-certified").
  { name: 'break-hyphen', pattern: /(?<![A-Za-z])([A-Za-z]+)\uFFFE(?=[A-Za-z])/, replace: lineEndHyphen },
  { name: 'zero-width', pattern: /[\u200B-\u200D\u2060\u00AD\uFFFE]/, replace: () => '' },
  { name: 'ligatures', pattern: /[\uFB00-\uFB06]/, replace: (m) => LIGATURES[m[0]] ?? m[0] },
  { name: 'punctuation', pattern: /[\u2018-\u201E\u2010-\u2014\u2212\u2026]/, replace: (m) => PUNCTUATION[m[0]] ?? m[0] },
  // (A space before a line end is what the pattern needs; most letters have none, and a search for the line ends, which are rarer than spaces, is cheaper than the pattern.)
  { name: 'trailing-space', pattern: /(?<! ) +(?=\n|\f|$)/, finder: trailingSpaces, replace: () => '', when: (text) => SPACE_BEFORE_LINE_END.test(text) || text.endsWith(' ') },
  // "Page 2 of 4" footers, and headers/footers that repeat at every page break, are not letter text.
  {
    name: 'page-numbers',
    pattern: /(?<=^|\n|\f)[ \t]*(?:-\s*)?Page\s+\d+(?:\s+of\s+\d+)?(?:\s*-)?[ \t]*(?=\n|\f|$)/i,
    replace: () => '',
    when: (text) => /page\s+\d/i.test(text),
  },
  { name: 'running-lines', pattern: runningLines, replace: () => '', when: (text) => text.includes('\f') },
  { name: 'form-feed', pattern: /\f/, replace: () => '\n' },
  // Layout-preserving renderers indent lines (centred headings, the right column): a line's text starts at its first character.
  { name: 'indentation', pattern: /(?<=^|\n) +/, replace: () => '', when: (text) => text.includes('\n ') || text.startsWith(' ') },
  // Renderers that place words by glyph positions put a space beside a hyphen ("x -ray", "1- 2", "and- or", a word hyphenated at a line's end "non -") or before punctuation ("shoulder , elbow").
  { name: 'spaced-hyphen', pattern: / -(?<=[A-Za-z0-9] -)(?=[A-Za-z0-9]|\n[A-Za-z])|- (?<=[A-Za-z0-9]- )(?!(?:and|or|to|through)\b)(?=[A-Za-z0-9])|- (?<=\band- )(?=or\b)/, replace: () => '-', when: (text) => SPACED_HYPHEN.test(text) },
  { name: 'spaced-punctuation', pattern: /(?<=[A-Za-z0-9)%]) +(?=[,;:](?: |\n|$))/, replace: () => '', when: (text) => / [,;:]/.test(text) },
  { name: 'split-words', pattern: splitWords, replace: (m) => m[0].replace(' ', ''), when: (text) => LETTER_PIECE.test(text) },
  // Renderers that run lines together put an item's block label after its outcome ("Upheld  Claims Administrator guideline:"): a label starts a line.
  { name: 'run-together-labels', pattern: /[ \t]+(?=(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:)(?<=\S[ \t]+)/, replace: () => '\n', when: (text) => RUN_TOGETHER_LABEL.test(text) },
  // Some extractions put a blank line after every line: one blank line is then a line break, two a paragraph break.
  { name: 'double-spacing', pattern: /\n\n((?:\n\n)+)?/, replace: (m) => (m[1] ? '\n\n' : '\n'), when: isDoubleSpaced },
  // A word hyphenated across a line break is one word again; a compound ("non-certified") keeps its hyphen.
  {
    name: 'hyphenation',
    pattern: /(?<![A-Za-z])([A-Za-z]+)-\n(?=[a-z])/,
    finder: lineEndHyphens,
    replace: lineEndHyphen,
    when: (text) => text.includes('-\n'),
  },
];

/** Characters some rule rewrites; a text with none of them skips those rules (most letters). */
const REWRITTEN_CHARACTERS = /[\uFEFF\r\u0000-\u0008\u000B\u000E-\u001F\u007F\u00A0\u1680\u2000-\u200D\u2060\u00AD\u202F\u205F\u3000\t\uFB00-\uFB06\u2010-\u201E\u2212\u2026\uFFFE]/;
const CHARACTER_RULES = new Set(['bom', 'line-endings', 'control-characters', 'unicode-spaces', 'break-hyphen', 'zero-width', 'ligatures', 'punctuation']);

export function normalize(source: string, rules: readonly RewriteRule[] = RULES): MappedText {
  let mapped = identity(source);
  const plain = !REWRITTEN_CHARACTERS.test(source);
  for (const rule of rules) {
    if (plain && CHARACTER_RULES.has(rule.name)) continue;
    mapped = rewrite(mapped, rule);
  }
  return mapped;
}
