/**
 * A field's label ("Date Assigned:", "State(s) of Licensure:") where PDF text
 * damaged it: a letter wrong, lost or added ("Date Assqgned:"). The labels
 * are found as printed first, by each field's own pattern; this finds one
 * that was not, by its likeness. A candidate is a run of words ending in a
 * colon on one line (or one of its word-final parts: "Standard Applicaton
 * Received:" holds "Applicaton Received:"), compared by its letters alone, so
 * spacing, case and brackets do not count. It is the label when its edit
 * distance (natural's Levenshtein) is within the tolerance of damaged
 * headings: one letter for a label of fewer than ten, then one in ten.
 */
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { tolerance } from './headings.js';
import type { Message, Span } from './types.js';

/** Runs of words ending in a colon: letters, spaces, brackets, slashes and ampersands, on one line. */
const CANDIDATE = /[A-Za-z][A-Za-z()/&' \t]{0,60}:/g;

/** Labels shorter than this (in letters) are not looked for by likeness: too many words are one letter away from them. */
const MIN_LETTERS = 8;

export const labelKey = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * The span of the label in `span` of `text` most like one of `names` (its
 * printed forms), outside the spans already `taken`; null when none is
 * within tolerance. Among equally close candidates, the first.
 */
export function damagedLabel(text: string, span: Span, names: readonly string[], taken: readonly Span[] = []): Span | null {
  const keys = names.map(labelKey).filter((k) => k.length >= MIN_LETTERS);
  if (keys.length === 0) return null;
  const region = text.slice(span.start, span.end);
  let best: { span: Span; d: number } | null = null;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(region); m !== null; m = CANDIDATE.exec(region)) {
    // Each word-final part of the run, longest first.
    const run = m[0];
    for (let at = 0; at < run.length; at++) {
      if (!/[A-Za-z(]/.test(run[at]!) || (at > 0 && !/[ \t]/.test(run[at - 1]!))) continue;
      const candidate = labelKey(run.slice(at));
      const found = { start: span.start + m.index + at, end: span.start + m.index + run.length };
      if (taken.some((t) => overlaps(t, found))) continue;
      for (const key of keys) {
        const limit = tolerance(key);
        if (Math.abs(candidate.length - key.length) > limit) continue;
        const d = LevenshteinDistance(candidate, key);
        if (d <= limit && (!best || d < best.d)) best = { span: found, d };
      }
    }
  }
  return best?.span ?? null;
}

/** Every such label in `span` outside `taken`, each found as `damagedLabel` finds one, in text order. */
export function damagedLabels(text: string, span: Span, names: readonly string[], taken: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  for (let at = damagedLabel(text, span, names, taken); at; at = damagedLabel(text, span, names, [...taken, ...out])) out.push(at);
  return out.sort((a, b) => a.start - b.start);
}

/** The warning for a label found by its likeness, on its words. */
export function labelDamaged(name: string, span: Span): Message {
  return { ruleId: 'label-damaged', reason: `the "${name}:" label is damaged; read as such`, severity: 'warning', span };
}
