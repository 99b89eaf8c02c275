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

const TOKEN = /[a-z]+|\d+(?:\.\d+)?/g;

interface Token {
  text: string;
  index: number;
  end: number;
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const lower = s.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) out.push({ text: m[0], index: m.index, end: m.index + m[0].length });
  return out;
}

const byKey = new Map<string, DrugEntry>();
let maxTokens = 1;
for (const entry of lexicon.entries) {
  const key = tokenize(entry.name).map((t) => t.text).join(' ');
  if (!key || byKey.has(key)) continue;
  byKey.set(key, entry);
  maxTokens = Math.max(maxTokens, key.split(' ').length);
}

/** Single-word names by first letter, for the fuzzy pass. */
const fuzzyPool = new Map<string, DrugEntry[]>();
for (const [key, entry] of byKey) {
  if (key.includes(' ') || key.length < 5 || !/^[a-z]+$/.test(key)) continue;
  const list = fuzzyPool.get(key[0]!) ?? [];
  list.push(entry);
  fuzzyPool.set(key[0]!, list);
}

const TOPICAL_MARKERS = new Set(lexicon.topical_markers.map((m) => tokenize(m).map((t) => t.text).join(' ')));

export interface DrugHit {
  entry: DrugEntry;
  span: Span;
  fuzzy: boolean;
}

/** A strength: numbers (with "/" for combinations) and a unit. */
const STRENGTH = /(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*)\s*(mg|mcg|µg|gm?|ml|%|units?|iu|meq)(?![a-z])/gi;

/** Finds the drug names in `text` (offsets relative to it). */
export function findDrugs(text: string): DrugHit[] {
  const tokens = tokenize(text);
  const hits: DrugHit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let n = Math.min(maxTokens, tokens.length - i); n >= 1; n--) {
      const key = tokens
        .slice(i, i + n)
        .map((t) => t.text)
        .join(' ');
      const entry = byKey.get(key);
      if (entry) {
        hits.push({ entry, span: { start: tokens[i]!.index, end: tokens[i + n - 1]!.end }, fuzzy: false });
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const fuzzy = fuzzyDrug(tokens, i, text);
    if (fuzzy) hits.push(fuzzy);
    i++;
  }
  return hits;
}

/** A word that is no known name but sits right before a strength or a count, compared with names of the same initial. */
function fuzzyDrug(tokens: Token[], i: number, text: string): DrugHit | null {
  const token = tokens[i]!;
  if (token.text.length < 5 || !/^[a-z]+$/.test(token.text)) return null;
  const after = text.slice(token.end, token.end + 16);
  if (!/^\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|%|ml)|#\s*\d)/i.test(after)) return null;
  let best: DrugEntry | null = null;
  let bestScore = 0.9;
  for (const entry of fuzzyPool.get(token.text[0]!) ?? []) {
    if (Math.abs(entry.name.length - token.text.length) > 2) continue;
    const score = JaroWinklerDistance(token.text, entry.name);
    if (score > bestScore) {
      bestScore = score;
      best = entry;
    }
  }
  return best ? { entry: best, span: { start: token.index, end: token.end }, fuzzy: true } : null;
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

const DOSE_FORMS: [RegExp, string][] = [
  [/\b(?:tablets?|tabs?)\b/i, 'tablet'],
  [/\b(?:capsules?|caps?)\b/i, 'capsule'],
  [/\bcreams?\b/i, 'cream'],
  [/\bgels?\b/i, 'gel'],
  [/\bpatch(?:es)?\b/i, 'patch'],
  [/\bointments?\b/i, 'ointment'],
  [/\blotions?\b/i, 'lotion'],
  [/\b(?:solution|suspension|liquid|syrup|elixir)\b/i, 'liquid'],
  [/\bspray\b/i, 'spray'],
  [/\b(?:injections?|injectable|vials?)\b/i, 'injection'],
  [/\bpowder\b/i, 'powder'],
  [/\bpads?\b/i, 'pad'],
];

export function hasTopicalMarker(text: string): boolean {
  const words = tokenize(text).map((t) => t.text);
  for (let i = 0; i < words.length; i++) {
    if (TOPICAL_MARKERS.has(words[i]!) || (i + 1 < words.length && TOPICAL_MARKERS.has(`${words[i]} ${words[i + 1]}`))) return true;
  }
  return /\d\s*%/.test(text);
}

/** Normalised strengths in text order, ";"-joined ("10/325 mg", "5%"). */
export function strengthsIn(text: string): string {
  const out: string[] = [];
  STRENGTH.lastIndex = 0;
  for (let m = STRENGTH.exec(text); m !== null; m = STRENGTH.exec(text)) {
    const unit = m[2]!.toLowerCase().replace(/^gm$/, 'g').replace(/^units?$/, 'units').replace('µg', 'mcg');
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
  const hits = findDrugs(text);
  if (hits.length === 0) return null;
  const context = contextOf(text, hits);
  const drugs: string[] = [];
  for (const h of hits) {
    const name = h.entry.ingredients.length ? h.entry.ingredients.join('/') : h.entry.name;
    if (!drugs.includes(name)) drugs.push(name);
  }
  return {
    drug: drugs.join(';'),
    drugClass: drugClassIn(hits[0]!.entry, context),
    classes: hits.map((h) => drugClassIn(h.entry, context)),
    strength: strengthsIn(text),
    doseForm: DOSE_FORMS.find(([re]) => re.test(text))?.[1] ?? '',
    topical: context.topical,
    hits,
  };
}
