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

/** The longest heading any layout has, in letters: longer lines are not headings. */
const MAX_HEADING_LETTERS = 90;
/** Longer lines are prose (the longest heading, with spaces, is 84 characters). */
const MAX_HEADING_CHARACTERS = 110;
/**
 * A line that may be (part of) a heading: short, or, up to the longest
 * heading's length, in capitals (headings are; prose is not) with few words.
 */
function headingLike(s: string): boolean {
  if (s.length > MAX_HEADING_CHARACTERS) return false;
  let spaces = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) spaces++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return spaces < MAX_HEADING_WORDS && (s.length <= 60 || upper > lower);
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
 */
export class HeadingIndex {
  readonly lines: Line[];
  readonly candidates: Candidate[] = [];
  private readonly first = new Map<string, Span>();

  constructor(text: string) {
    this.lines = linesOf(text);
    // Prose lines are long: only lines of a few words can be (part of) a heading.
    const short = this.lines.map((l) => headingLike(l.text));
    const keys = this.lines.map((l, i) => (short[i] ? letterKey(l.text) : ''));
    for (let i = 0; i < this.lines.length; i++) {
      const key = keys[i]!;
      if (key.length < 4) continue;
      const line = this.lines[i]!;
      this.add({ key, span: { start: line.start, end: line.end } });
      const next = keys[i + 1];
      if (next) {
        const both = key + next;
        if (both.length <= MAX_HEADING_LETTERS) this.add({ key: both, span: { start: line.start, end: this.lines[i + 1]!.end } });
      }
    }
  }

  private add(c: Candidate): void {
    this.candidates.push(c);
    if (!this.first.has(c.key)) this.first.set(c.key, c.span);
  }

  /** Where a heading's letters first occur as a line (or two), if they do. */
  exact(title: string): Span | undefined {
    return this.first.get(letterKey(title));
  }
}

function tolerance(key: string): number {
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
        const key = letterKey(title);
        const limit = tolerance(key);
        for (const c of index.candidates) {
          if (Math.abs(c.key.length - key.length) > limit) continue;
          // Damage rarely reaches both ends of a heading: a candidate shares its first or last letters.
          if (c.key.slice(0, 3) !== key.slice(0, 3) && c.key.slice(-3) !== key.slice(-3)) continue;
          const d = LevenshteinDistance(c.key, key);
          if (d <= limit && (!best || d < best.d || (d === best.d && c.span.start < best.c.span.start))) best = { c, d };
        }
      }
      if (best) found.set(spec.section, { section: spec.section, span: best.c.span, fuzzy: true });
    }
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}
