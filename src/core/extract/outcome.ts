/**
 * The one outcome reader every layout uses. An outcome is stated either as a
 * word ("Upheld", "Overturned") or as a necessity clause ("is not medically
 * necessary", "are medically necessary"). PDF text damages the word ("Uph
 * eld", "Upheid", "0verturned"): a damaged word is recovered when it is close
 * to one outcome word and far from the other, and reported either way.
 */
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { Found, Outcome, Span } from '../types.js';

export interface OutcomeReading {
  /** null: a word stands where the outcome should, but it cannot be read. */
  outcome: Found<Outcome> | null;
  /** The word was damaged and read by its likeness to an outcome word. */
  recovered: boolean;
  /** Where the word (read or not) stands. */
  span: Span;
}

const WORDS: readonly [string, Outcome][] = [
  ['UPHELD', 'upheld'],
  ['OVERTURNED', 'overturned'],
];
/** Each outcome word alone (but for white space) in any case: the word as printed, not recovered. */
const PRINTED = new Map(WORDS.map(([word]) => [word, new RegExp(`^\\s*${word}\\s*$`, 'i')]));

/** Letters as a key: upper case, digits that PDF text confuses with letters read as those letters, everything else dropped. */
function key(word: string): string {
  return word.toUpperCase().replace(/0/g, 'O').replace(/1/g, 'L').replace(/[^A-Z]/g, '');
}

/** Letter counts of a key (keys are A to Z): reused, a key is counted at a time. */
const counts = new Int32Array(26);

/**
 * The bag distance of two keys: the larger of the letters each has that the
 * other lacks (counted with repeats). No edit distance is smaller (an edit
 * removes at most one letter from each side's surplus).
 */
function bagDistance(a: string, b: string): number {
  counts.fill(0);
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) - 65]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) - 65]!--;
  let surplusA = 0;
  let surplusB = 0;
  for (const c of counts) {
    if (c > 0) surplusA += c;
    else surplusB -= c;
  }
  return Math.max(surplusA, surplusB);
}

/**
 * Reads the outcome word in `span` of `text` (the words after an item header's
 * colon); the spans returned are shifted by `base` (when `text` is a line of a larger text). Exact words are read as they are; a damaged word is read when its
 * letters are within two edits of one outcome word and at least three further
 * from the other. Returns null when the span holds nothing like an outcome.
 */
export function readOutcomeWord(text: string, at: Span, base = 0): OutcomeReading | null {
  const raw = text.slice(at.start, at.end);
  const span = { start: at.start + base, end: at.end + base };
  const k = key(raw);
  if (k.length < 4 || k.length > 13) return null;
  for (const [word, value] of WORDS) {
    if (k === word) {
      const recovered = !PRINTED.get(word)!.test(raw);
      return { outcome: { value, span }, recovered, span };
    }
  }
  // Every reading needs a word within four edits: a key further than that from both (by a bound that costs no edit distance) reads as nothing.
  if (WORDS.every(([word]) => bagDistance(k, word) > 4)) return null;
  const distances = WORDS.map(([word, value]) => ({ value, d: LevenshteinDistance(k, word) }));
  distances.sort((a, b) => a.d - b.d);
  const [best, other] = distances as [{ value: Outcome; d: number }, { value: Outcome; d: number }];
  if (best.d <= 2 && other.d - best.d >= 3) return { outcome: { value: best.value, span }, recovered: true, span };
  // Close to an outcome word but not clearly one: a damaged outcome that cannot be read.
  if (best.d <= 4) return { outcome: null, recovered: false, span };
  return null;
}

/**
 * "is (not) medically necessary", singular or plural, glued or wrapped: group
 * 1 is "not" when the request is upheld (not necessary).
 */
export const NECESSITY = String.raw`\s*(?:is|are)\s*(not)?\s*medically\s*necessary`;

/** The deciding words of a necessity clause, from its start: "not medically necessary" or "medically necessary". */
const DECIDING = /(?:not\s*)?medically\s*necessary/i;

/** The outcome of the necessity clause that starts at `from` in `text` (its span is the deciding words). */
export function necessityOutcome(text: string, from: number, not: boolean): Found<Outcome> {
  const m = DECIDING.exec(text.slice(from, from + 200))!;
  const at = from + m.index;
  return { value: not ? 'upheld' : 'overturned', span: { start: at, end: at + m[0].length } };
}
