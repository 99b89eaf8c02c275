/**
 * Finding section headings, whole or damaged. A heading is compared by its
 * letters alone (upper-cased, spaces and punctuation dropped), so broken
 * words, extra spaces and case changes do not matter; a heading may wrap over
 * two lines. When a layout's headings are not all found that way, a second
 * pass forgives a few wrong, missing or extra letters (Levenshtein distance,
 * from natural) on short lines.
 */
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { linesOf, type Line } from './lines.js';
import type { SectionName, Span } from './types.js';

export interface HeadingSpec {
  section: SectionName;
  /** The heading as printed, and other wordings of it. */
  titles?: readonly string[];
  /** Or a pattern for the line that opens the section (tested on the line's text). */
  pattern?: RegExp;
}

export interface FoundHeading {
  section: SectionName;
  span: Span;
  /** Found by the forgiving pass. */
  fuzzy: boolean;
}

export const letterKey = (s: string): string => s.toUpperCase().replace(/[^A-Z]/g, '');

/** The layouts' titles' keys, each computed once. */
const titleKeys = new Map<string, string>();

function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = letterKey(title);
    titleKeys.set(title, key);
  }
  return key;
}

/** The longest heading any layout has, in letters: longer lines are not headings. */
const MAX_HEADING_LETTERS = 90;
/** Longer lines are prose (the longest heading, with spaces, is 84 characters). */
const MAX_HEADING_CHARACTERS = 110;
/**
 * For a line that may be (part of) a heading (short, or, up to the longest
 * heading's length, in capitals (headings are; prose is not) with few words),
 * how many letters its key has; else 0.
 */
function headingLetters(text: string, line: Line): number {
  const length = line.end - line.start;
  if (length > MAX_HEADING_CHARACTERS) return 0;
  let words = 0;
  let upper = 0;
  let lower = 0;
  let ascii = true;
  // Every line of a letter is read: the loop stops as soon as the answer is known (too many words, or too many lowercase letters for the rest to outnumber).
  // Words are counted where they end, so centring indentation and wide gaps do not count.
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i > line.start && text.charCodeAt(i - 1) !== 32 && ++words >= MAX_HEADING_WORDS) return 0;
    } else if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) {
      lower++;
      if (length > 60 && lower - upper >= line.end - i) return 0;
    } else if (c >= 128) ascii = false;
  }
  if (length > 60 && upper <= lower) return 0;
  // Upper-casing may turn a letter outside ASCII into ASCII letters ("ß" into "SS"): such a line is counted by its key.
  return ascii ? upper + lower : letterKey(line.text).length;
}
/** Lines of more words than this are prose, not damaged headings. */
const MAX_HEADING_WORDS = 14;

interface Candidate {
  key: string;
  span: Span;
}

/**
 * A letter's lines as heading candidates, computed once and shared by every
 * layout's search: each line's key, and each pair of consecutive lines' key
 * (headings that wrap), with the first place each key occurs.
 *
 * A heading is looked up by its key, so only the candidates with as many
 * letters as it has can be it: keys are built (and indexed) for one length
 * at a time, when a heading of that length is first asked for, rather than
 * for every line of every letter.
 */
export class HeadingIndex {
  readonly lines: Line[];
  /** Per line: how many letters its key has when it may be (part of) a heading, else 0. */
  private readonly counts: number[];
  private readonly keys: (string | undefined)[] = [];
  private readonly first = new Map<string, Span>();
  /** The candidates by their key's length, in text order (2i: line i, 2i + 1: lines i and i + 1), made on the first look-up. */
  private byLength: Map<number, number[]> | null = null;
  /** The key lengths whose candidates `first` holds. */
  private readonly indexed = new Set<number>();
  private all: Candidate[] | null = null;

  constructor(text: string) {
    this.lines = linesOf(text);
    // Prose lines are long: only lines of a few words can be (part of) a heading.
    this.counts = this.lines.map((l) => headingLetters(text, l));
  }

  private keyOf(i: number): string {
    return (this.keys[i] ??= letterKey(this.lines[i]!.text));
  }

  /** Each candidate in text order (a line of four letters or more, then it with the next line), as its code (see byLength) and key length. */
  private forEachCandidate(visit: (code: number, length: number) => void): void {
    for (let i = 0; i < this.lines.length; i++) {
      const n = this.counts[i]!;
      if (n < 4) continue;
      visit(2 * i, n);
      const next = this.counts[i + 1] ?? 0;
      if (next > 0 && n + next <= MAX_HEADING_LETTERS) visit(2 * i + 1, n + next);
    }
  }

  private candidate(code: number): Candidate {
    const i = code >> 1;
    const line = this.lines[i]!;
    return code & 1
      ? { key: this.keyOf(i) + this.keyOf(i + 1), span: { start: line.start, end: this.lines[i + 1]!.end } }
      : { key: this.keyOf(i), span: { start: line.start, end: line.end } };
  }

  /** Every candidate, for the forgiving pass. */
  get candidates(): Candidate[] {
    if (!this.all) {
      const all: Candidate[] = [];
      this.forEachCandidate((code) => all.push(this.candidate(code)));
      this.all = all;
    }
    return this.all;
  }

  /** Where a heading's letters first occur as a line (or two), if they do. */
  exact(title: string): Span | undefined {
    const key = titleKey(title);
    if (!this.byLength) {
      const byLength = new Map<number, number[]>();
      this.forEachCandidate((code, length) => {
        const list = byLength.get(length);
        if (list) list.push(code);
        else byLength.set(length, [code]);
      });
      this.byLength = byLength;
    }
    if (!this.indexed.has(key.length)) {
      this.indexed.add(key.length);
      for (const code of this.byLength.get(key.length) ?? []) {
        const c = this.candidate(code);
        if (!this.first.has(c.key)) this.first.set(c.key, c.span);
      }
    }
    return this.first.get(key);
  }
}

/** Whether `a.slice(0, 3) === b.slice(0, 3)`, compared without making the slices (the forgiving pass asks it of every candidate). */
function sameStart(a: string, b: string): boolean {
  const n = Math.min(3, a.length);
  if (n !== Math.min(3, b.length)) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/** Whether `a.slice(-3) === b.slice(-3)`, compared without making the slices. */
function sameEnd(a: string, b: string): boolean {
  const n = Math.min(3, a.length);
  if (n !== Math.min(3, b.length)) return false;
  for (let k = 1; k <= n; k++) if (a.charCodeAt(a.length - k) !== b.charCodeAt(b.length - k)) return false;
  return true;
}

/** How many edits a damaged heading or label of this key may have: one below ten letters, then one in ten. */
export function tolerance(key: string): number {
  return key.length < 10 ? 1 : Math.max(2, Math.floor(key.length / 10));
}

/**
 * The first occurrence of each heading, in text order. `fuzzy` allows the
 * forgiving pass, on short lines, for the headings the exact pass did not find.
 */
export function findHeadings(index: HeadingIndex, specs: readonly HeadingSpec[], fuzzy = false): FoundHeading[] {
  const found = new Map<SectionName, FoundHeading>();
  for (const spec of specs) {
    if (spec.pattern) {
      const line = index.lines.find((l) => spec.pattern!.test(l.text));
      if (line) found.set(spec.section, { section: spec.section, span: { start: line.start, end: line.end }, fuzzy: false });
      continue;
    }
    let best: Span | undefined;
    for (const title of spec.titles ?? []) {
      const span = index.exact(title);
      if (span && (!best || span.start < best.start)) best = span;
    }
    if (best) found.set(spec.section, { section: spec.section, span: best, fuzzy: false });
  }
  if (fuzzy) {
    for (const spec of specs) {
      if (found.has(spec.section) || !spec.titles) continue;
      let best: { c: Candidate; d: number } | null = null;
      for (const title of spec.titles) {
        const key = titleKey(title);
        const limit = tolerance(key);
        for (const c of index.candidates) {
          if (Math.abs(c.key.length - key.length) > limit) continue;
          // Damage rarely reaches both ends of a heading: a candidate shares its first or last letters.
          if (!sameStart(c.key, key) && !sameEnd(c.key, key)) continue;
          const d = LevenshteinDistance(c.key, key);
          if (d <= limit && (!best || d < best.d || (d === best.d && c.span.start < best.c.span.start))) best = { c, d };
        }
      }
      if (best) found.set(spec.section, { section: spec.section, span: best.c.span, fuzzy: true });
    }
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}
