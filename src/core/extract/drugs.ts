/**
 * Drug normalisation: brand and generic names in an item's text to generic
 * ingredients and drug class (lexicons/drugs.json), with strength, dose form,
 * count and dosing frequency. Names are looked up as token n-grams, so
 * spacing and glued digits do not matter ("Norco10/325mg"); a misspelt name
 * next to a strength is matched by Jaro-Winkler similarity (natural).
 */
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { loadLexicon } from '../lexicon.js';
import type { Span } from '../types.js';
import { DOSE_FORM_WORDS } from '../vocabulary.js';
import { HashBits, hashOf } from '../word-hash.js';

export type DrugClass = string;

export interface DrugEntry {
  name: string;
  kind: 'brand' | 'generic';
  ingredients: string[];
  class: DrugClass;
  route: string;
  secondary_classes?: string[];
  topical_class?: DrugClass;
}

interface DrugsLexicon {
  entries: DrugEntry[];
  topical_markers: string[];
}

const lexicon = loadLexicon<DrugsLexicon>('drugs.json');

/** A text's tokens lower-cased, as parallel arrays of their offsets in `lower`: no object and no string per token (a string only where a word is looked up). */
interface Tokens {
  lower: string;
  starts: number[];
  ends: number[];
}

const isLetterCode = (c: number): boolean => c >= 97 && c <= 122;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** The tokens of `s` lower-cased: runs of letters, and numbers with their decimals (/[a-z]+|\d+(?:\.\d+)?/g, by character codes). */
function tokenize(s: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const lower = s.toLowerCase();
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const start = i;
    const c = lower.charCodeAt(i);
    if (isLetterCode(c)) {
      do i++;
      while (i < n && isLetterCode(lower.charCodeAt(i)));
    } else if (isDigitCode(c)) {
      do i++;
      while (i < n && isDigitCode(lower.charCodeAt(i)));
      if (lower.charCodeAt(i) === 46 && isDigitCode(lower.charCodeAt(i + 1))) {
        i++;
        do i++;
        while (i < n && isDigitCode(lower.charCodeAt(i)));
      }
    } else {
      i++;
      continue;
    }
    starts.push(start);
    ends.push(i);
  }
  return { lower, starts, ends };
}

/** The words of `s`, lower-cased (tokenize's tokens as strings). */
function wordsOf(s: string): string[] {
  const { lower, starts, ends } = tokenize(s);
  return starts.map((start, i) => lower.slice(start, ends[i]));
}

const byKey = new Map<string, DrugEntry>();
/** For each token that starts a name, the most tokens a name starting with it has. */
const longestFrom = new Map<string, number>();
for (const entry of lexicon.entries) {
  const tokens = wordsOf(entry.name);
  const key = tokens.join(' ');
  if (!key || byKey.has(key)) continue;
  byKey.set(key, entry);
  longestFrom.set(tokens[0]!, Math.max(longestFrom.get(tokens[0]!) ?? 0, tokens.length));
}

/** The hashes of the tokens that start a name: most words start none, and a bit is cheaper to test than a look-up in longestFrom. */
const NAME_STARTS = new HashBits();
for (const first of longestFrom.keys()) NAME_STARTS.add(hashOf(first));

/** The words of all names, by first letter, for correcting misspelt words. */
const knownWords = new Set<string>();
for (const key of byKey.keys()) for (const w of key.split(' ')) knownWords.add(w);
const wordsByInitial = new Map<string, string[]>();
for (const w of knownWords) {
  if (w.length < 5 || !/^[a-z]+$/.test(w)) continue;
  wordsByInitial.set(w[0]!, [...(wordsByInitial.get(w[0]!) ?? []), w]);
}

/** Everyday words of the letters ("motion", "medication"): never read as a misspelt drug name. */
const COMMON_WORDS = new Set([...loadLexicon<{ words: string[] }>('common-words.json').words.map((w) => w.toLowerCase()), 'motion', 'medication', 'medications', 'mediations', 'treatment', 'therapy', 'patient', 'patients', 'tablets', 'capsules', 'topical', 'physical', 'tramadol']);

const TOPICAL_MARKERS = new Set(lexicon.topical_markers.map((m) => wordsOf(m).join(' ')));

export interface DrugHit {
  entry: DrugEntry;
  span: Span;
  fuzzy: boolean;
}

/** A strength: numbers (with "/" for combinations) and a unit. */
const STRENGTH = /(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*)\s*(mg|mcg|µg|ml|%|units?|iu|meq|g|gm)(\s*\/\s*(?:hr|hour|h|day|24\s*hrs?)\b)?(?![a-z])/gi;

const UNIT_AFTER = /^\s*(?:mg|mcg|ml|gm?|%|units?)\b|^\s*%/i;
const COUNT_SIGN_BEFORE = /#\s*$/;

/** A number that is a dose: a unit follows it, or it is a "#" count. */
function isDose(text: string, tokens: Tokens, k: number): boolean {
  const start = tokens.starts[k]!;
  const end = tokens.ends[k]!;
  return isDigitCode(tokens.lower.charCodeAt(start)) && (UNIT_AFTER.test(text.slice(end, end + 6)) || COUNT_SIGN_BEFORE.test(text.slice(Math.max(0, start - 2), start)));
}

/**
 * A misspelt word of a drug name ("Hydrocodon", "Gabapentine"): an unknown
 * word of five letters or more, followed within three words by a strength or
 * a "#" count, that is within Jaro-Winkler 0.9 of a known one with the same
 * initial.
 */
function corrected(text: string, tokens: Tokens, i: number, listed: boolean): string | null {
  const start = tokens.starts[i]!;
  const length = tokens.ends[i]! - start;
  // The cheap tests first: most words are short, known, or have no number after them. (A token is all letters or starts with a digit.)
  if (length < 5 || !isLetterCode(tokens.lower.charCodeAt(start))) return null;
  const count = tokens.starts.length;
  let near = false;
  for (let k = i + 1; k < Math.min(count, i + 4) && !near; k++) near = isDose(text, tokens, k);
  // In a list of medications taken, a longer unknown word needs no dose after it ("ophenadrine", "Ketoprophen"), but a closer match.
  const inList = !near && listed && length >= 6;
  if (!near && !inList) return null;
  const word = tokens.lower.slice(start, start + length);
  if (knownWords.has(word) || COMMON_WORDS.has(word)) return null;
  return closest(word, inList ? 0.93 : 0.9);
}

/** The known word nearest to `word` above `threshold` (Jaro-Winkler, natural), remembered by threshold: letters repeat their words. */
const nearest = new Map<number, Map<string, string | null>>();
function closest(word: string, threshold: number): string | null {
  let memo = nearest.get(threshold);
  if (!memo) nearest.set(threshold, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known;
  let best: string | null = null;
  let bestScore = threshold;
  for (const candidate of wordsByInitial.get(word[0]!) ?? []) {
    if (Math.abs(candidate.length - word.length) > 2) continue;
    const score = JaroWinklerDistance(word, candidate);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (memo.size > 20_000) memo.clear();
  memo.set(word, best);
  return best;
}

/**
 * Finds the drug names in `text` (offsets relative to it). With `listed`
 * (the text lists medications taken), a misspelt name is looked for without
 * a dose after it.
 */
export function findDrugs(text: string, listed = false): DrugHit[] {
  const tokens = tokenize(text);
  const { lower, starts, ends } = tokens;
  const count = starts.length;
  /** Misspelt words read as the known words they are nearest to, by token. */
  let fixed: Map<number, string> | null = null;
  for (let i = 0; i < count; i++) {
    const word = corrected(text, tokens, i, listed);
    if (word) (fixed ??= new Map()).set(i, word);
  }
  const wordAt = (i: number): string => fixed?.get(i) ?? lower.slice(starts[i]!, ends[i]!);
  const hits: DrugHit[] = [];
  for (let i = 0; i < count; ) {
    let matched = 0;
    const fixedWord = fixed?.get(i);
    const longest = NAME_STARTS.has(fixedWord === undefined ? hashOf(lower, starts[i]!, ends[i]!) : hashOf(fixedWord)) ? (longestFrom.get(wordAt(i)) ?? 0) : 0;
    for (let n = Math.min(longest, count - i); n >= 1; n--) {
      let key = wordAt(i);
      let listed = false;
      for (let k = 1; k < n; k++) {
        key += ' ' + wordAt(i + k);
        // A comma or semicolon between two words makes them two items of a list ("Gabapentin, Cyclobenzaprine"), not one name.
        listed ||= /[,;]/.test(text.slice(ends[i + k - 1]!, starts[i + k]!));
      }
      if (listed) continue;
      const entry = byKey.get(key);
      if (entry) {
        let fuzzy = false;
        for (let k = 0; k < n; k++) fuzzy ||= fixed?.has(i + k) === true;
        hits.push({ entry, span: { start: starts[i]!, end: ends[i + n - 1]! }, fuzzy });
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return hits;
}

export interface DrugDetails {
  /** Generic ingredients, "/"-joined, of every drug named (";" between drugs). */
  drug: string;
  /** The first drug's class (the contract's Pharmaceuticals subcategory). */
  drugClass: DrugClass;
  /** Each hit's class in this item's context, in hit order. */
  classes: DrugClass[];
  strength: string;
  doseForm: string;
  topical: boolean;
  hits: DrugHit[];
}


export function hasTopicalMarker(text: string): boolean {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    if (TOPICAL_MARKERS.has(words[i]!) || (i + 1 < words.length && TOPICAL_MARKERS.has(`${words[i]} ${words[i + 1]}`))) return true;
  }
  return /\d\s*%/.test(text);
}

/** A drug named as a topical where it stands: a topical word just before its name, or a topical form just after it and its strength ("topical diclofenac", "diclofenac 1% gel"). */
const TOPICAL_BEFORE = /\b(?:topical|topically|transdermal|compounded)\s+$/i;
const TOPICAL_AFTER = /^(?:\s*\d+(?:\.\d+)?\s*(?:%|mg|mcg|gm?)?)*\s*(?:cream|gel|patch|patches|ointment|lotion|liniment|balm|foam|plaster|roll-on|rub|emulsion)\b/i;
export function topicalAt(text: string, span: Span): boolean {
  return TOPICAL_BEFORE.test(text.slice(Math.max(0, span.start - 16), span.start)) || TOPICAL_AFTER.test(text.slice(span.end, span.end + 40));
}

/** Normalised strengths in text order, ";"-joined ("10/325 mg", "5%"); grams only outside a topical (there they are its amount). */
export function strengthsIn(text: string, topical = hasTopicalMarker(text)): string {
  const out: string[] = [];
  STRENGTH.lastIndex = 0;
  for (let m = STRENGTH.exec(text); m !== null; m = STRENGTH.exec(text)) {
    if (topical && /^gm?$/i.test(m[2]!)) continue;
    const rate = m[3] ? `/${m[3].replace(/[\s/]/g, '').toLowerCase().replace(/^(?:hour|h)$/, 'hr')}` : '';
    const unit = m[2]!.toLowerCase().replace(/^units?$/, 'units').replace('µg', 'mcg').replace(/^gm$/, 'g') + rate;
    const value = m[1]!.replace(/\s+/g, '');
    out.push(unit === '%' ? `${value}%` : `${value} ${unit}`);
  }
  return out.join(';');
}

/**
 * The class a named drug takes in its item's context: a topical compound when
 * the item says compound(ed) or, in topical context (a topical word or a
 * percent strength), names two or more generic ingredients; else its topical
 * class in topical context; else its own class. Brand products keep theirs.
 */
export function drugClassIn(entry: DrugEntry, context: { topical: boolean; compound: boolean }): DrugClass {
  if (context.compound) return 'Topical Compounds';
  if (context.topical && entry.topical_class) return entry.topical_class;
  return entry.class;
}

function contextOf(text: string, hits: DrugHit[]): { topical: boolean; compound: boolean } {
  const topical = hasTopicalMarker(text);
  const generics = new Set(hits.filter((h) => h.entry.kind === 'generic').flatMap((h) => h.entry.ingredients));
  return { topical, compound: /\bcompound(?:ed)?\b/i.test(text) || (topical && generics.size >= 2) };
}

/** The drug reading of an item: null when no drug is named. */
export function drugDetails(text: string): DrugDetails | null {
  if (lastDetails?.text !== text) lastDetails = { text, details: detailsOf(text) };
  return lastDetails.details;
}

/** The text last asked about, and its details (read only): an item's text is read for its record, then again for its reasons. */
let lastDetails: { text: string; details: DrugDetails | null } | null = null;

function detailsOf(text: string): DrugDetails | null {
  const hits = findDrugs(text);
  if (hits.length === 0) return null;
  const context = contextOf(text, hits);
  const drugs: string[] = [];
  for (const h of hits) {
    // Placeholders ("compounded cream") name no ingredient of their own.
    const name = h.entry.ingredients.join('/');
    if (name && !drugs.includes(name)) drugs.push(name);
  }
  return {
    drug: drugs.join(';'),
    drugClass: drugClassIn(hits[0]!.entry, context),
    classes: hits.map((h) => drugClassIn(h.entry, context)),
    strength: strengthsIn(text, context.topical),
    doseForm: DOSE_FORM_WORDS.find(([re]) => re.test(text))?.[1] ?? '',
    topical: context.topical,
    hits,
  };
}
