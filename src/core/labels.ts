/**
 * A field's label ("Date Assigned:", "State(s) of Licensure:") where PDF text
 * damaged it: a letter wrong, lost or added ("Date Assqgned:"). The labels
 * are found as printed first, by each field's own pattern; this finds one
 * that was not, by its likeness. A candidate is a run of words ending in a
 * colon on one line (or one of its word-final parts: "Standard Applicaton
 * Received:" holds "Applicaton Received:"), compared by its letters alone, so
 * spacing, case and brackets do not count. It is the label when its edit
 * distance (natural's Levenshtein) is within the tolerance of damaged
 * headings: one letter for a label of fewer than ten, then one in ten. The
 * words of a sentence that states a value in prose ("received the Application
 * ... on") are put back within the same tolerance (`mendWords`).
 */
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { tolerance } from './headings.js';
import { isEnglishWord } from './normalize.js';
import type { Message, Span } from './types.js';

/** Runs of words ending in a colon: letters, spaces, brackets, slashes and ampersands, on one line. */
const CANDIDATE = /[A-Za-z][A-Za-z()/&' \t]{0,60}:/g;

/** Labels shorter than this (in letters) are not looked for by likeness: too many words are one letter away from them. */
const MIN_LETTERS = 8;

export const labelKey = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The key of `keys` within its tolerance of `candidate`, the closest (the first among equals), with its edit distance; null for none. */
function closest(candidate: string, keys: readonly string[]): { key: string; d: number } | null {
  let best: { key: string; d: number } | null = null;
  for (const key of keys) {
    const limit = tolerance(key);
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const d = LevenshteinDistance(candidate, key);
    if (d <= limit && (!best || d < best.d)) best = { key, d };
  }
  return best;
}

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
      const near = closest(candidate, keys);
      if (near && (!best || near.d < best.d)) best = { span: found, d: near.d };
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

/** A text with the damaged words of some wording put back, and the way back to the offsets of the text it was made from. */
export interface Mended {
  text: string;
  /** The offset of the source text from which offset `i` of `text` comes (a mended word's start for any offset inside it). */
  source: (i: number) => number;
}

/**
 * `span` of `text` with the words of a wording (`words`, lower case: "application",
 * "dated") put back where PDF text damaged them: a word within their tolerance
 * that is no English word ("Appliqation", "daqed"), or two pieces one space apart
 * that make one joined ("Appli cation", "lice nsed"), neither of them a word of the
 * wording and not both English words. Null when no word was damaged. A damaged
 * word that happens to be an English word ("dates") is not taken for one.
 */
export function mendWords(text: string, span: Span, words: readonly string[]): Mended | null {
  const list = [...text.slice(span.start, span.end).matchAll(/[A-Za-z]+/g)].map((m) => ({ start: span.start + m.index, end: span.start + m.index + m[0].length, lower: m[0].toLowerCase() }));
  const edits: { start: number; end: number; word: string }[] = [];
  for (let k = 0; k < list.length; k++) {
    const a = list[k]!;
    if (words.includes(a.lower)) continue;
    const b = list[k + 1];
    if (b && b.start === a.end + 1 && text[a.end] === ' ' && !words.includes(b.lower)) {
      const word = closest(a.lower + b.lower, words)?.key;
      if (word && !(isEnglishWord(a.lower) && isEnglishWord(b.lower))) {
        edits.push({ start: a.start, end: b.end, word });
        k++;
        continue;
      }
    }
    const word = closest(a.lower, words)?.key;
    if (word && !isEnglishWord(a.lower)) edits.push({ start: a.start, end: a.end, word });
  }
  if (edits.length === 0) return null;
  let mended = '';
  let at = span.start;
  /** Each edit's start and end in the mended text, and in `text`. */
  const marks: { from: number; to: number; source: number; sourceEnd: number }[] = [];
  for (const e of edits) {
    mended += text.slice(at, e.start);
    marks.push({ from: mended.length, to: mended.length + e.word.length, source: e.start, sourceEnd: e.end });
    mended += e.word;
    at = e.end;
  }
  mended += text.slice(at, span.end);
  const source = (i: number): number => {
    let last = { to: 0, sourceEnd: span.start };
    for (const m of marks) {
      if (i < m.from) break;
      if (i < m.to) return m.source;
      last = m;
    }
    return last.sourceEnd + (i - last.to);
  };
  return { text: mended, source };
}

/** The warning for a value read after the words that state it found by their likeness (`mendWords`), on those words. */
export function wordsDamaged(field: string, span: Span): Message {
  return { ruleId: 'label-damaged', reason: `the words that state ${field} are damaged; read as such`, severity: 'warning', span };
}
