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
  /** The heading is a label followed by content on the same line ("Case Summary: The patient ..."). */
  inline?: boolean;
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

interface Candidate {
  key: string;
  span: Span;
}

/** Each line's key, and each pair of consecutive lines' key (headings that wrap). */
function candidates(text: string, lines: Line[], inline: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let body = line.text;
    if (inline) {
      const colon = body.indexOf(':');
      if (colon < 0) continue;
      body = body.slice(0, colon + 1);
    }
    const key = letterKey(body);
    if (key.length < 4 || key.length > MAX_HEADING_LETTERS) continue;
    const end = line.start + (inline ? body.length : line.text.length);
    out.push({ key, span: { start: line.start, end } });
    const next = lines[i + 1];
    if (!inline && next && next.text.trim()) {
      const both = key + letterKey(next.text);
      if (both.length <= MAX_HEADING_LETTERS) out.push({ key: both, span: { start: line.start, end: next.end } });
    }
  }
  return out;
}

function tolerance(key: string): number {
  return key.length < 10 ? 1 : Math.max(2, Math.floor(key.length / 10));
}

/**
 * The first occurrence of each heading, in text order. `fuzzy` allows the
 * forgiving pass for the headings the exact pass did not find.
 */
export function findHeadings(text: string, specs: readonly HeadingSpec[], fuzzy = false): FoundHeading[] {
  const lines = linesOf(text);
  const found = new Map<SectionName, FoundHeading>();
  const byKey = new Map<string, HeadingSpec>();
  for (const spec of specs) {
    if (spec.pattern) {
      const line = lines.find((l) => spec.pattern!.test(l.text));
      if (line) found.set(spec.section, { section: spec.section, span: { start: line.start, end: line.end }, fuzzy: false });
    }
  }
  const plain = specs.filter((s) => s.titles && !s.inline);
  const inline = specs.filter((s) => s.titles && s.inline);
  for (const [group, isInline] of [[plain, false], [inline, true]] as const) {
    if (group.length === 0) continue;
    byKey.clear();
    for (const spec of group) for (const title of spec.titles!) byKey.set(letterKey(title), spec);
    const list = candidates(text, lines, isInline);
    for (const c of list) {
      const spec = byKey.get(c.key);
      if (spec && !found.has(spec.section)) found.set(spec.section, { section: spec.section, span: c.span, fuzzy: false });
    }
    if (!fuzzy) continue;
    for (const spec of group) {
      if (found.has(spec.section)) continue;
      let best: { c: Candidate; d: number } | null = null;
      for (const title of spec.titles!) {
        const key = letterKey(title);
        const limit = tolerance(key);
        for (const c of list) {
          if (Math.abs(c.key.length - key.length) > limit) continue;
          const d = LevenshteinDistance(c.key, key);
          if (d <= limit && (!best || d < best.d || (d === best.d && c.span.start < best.c.span.start))) best = { c, d };
        }
      }
      if (best) found.set(spec.section, { section: spec.section, span: best.c.span, fuzzy: true });
    }
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}
