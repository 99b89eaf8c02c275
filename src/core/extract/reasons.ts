/**
 * Decision reasons: the grounds a reviewer's rationale gives for an item's
 * outcome (DATASET-CONTRACT.md, "Decision reasons"), in the manner of
 * medspaCy / ConText: the rules are data (lexicons/reasons.json), and each has
 * a scope.
 *
 * A rationale quotes or paraphrases the guideline, then applies it to the
 * case; only the application is a reason. So the rationale is split into
 * sentences, each sentence gets a role (a guideline statement, a finding about
 * the case, the conclusion, or the opioid-tapering notice), and the cues are
 * read in the sentences of the roles they name. A cue is a pattern, the
 * assertion its words need (`absent`: governed by an absence trigger such as
 * "no documentation of", "lack of", "was not documented", as ConText's
 * negation; `present`: not so governed; `any`), and optional exclusions and
 * conditions on the item. Within a clause, a specific cue wins over a generic
 * one ("no documentation of failed conservative care" is prior care, not a
 * missing indication), and a cue may silence another code in its clause (a
 * missing justification for exceeding a count is `exceeds_limits` only).
 * Some cues carry a condition on the item: a flat guideline rejection applies
 * when its subject names the requested treatment (by its words, the class and
 * ingredients of the drugs it names, or an alias); a test already done counts
 * when it is of the requested kind; a request depends on a denied one only
 * when that one is an upheld item of the same letter. Finally the outcome
 * chooses the side: upheld items keep the upheld codes and `other`,
 * overturned items `criteria_met`, `functional_benefit_documented` and `other`.
 *
 * Patterns share word classes (`@care`) and word gaps (`~`), so a cue stands
 * for a kind of wording rather than one phrasing; a cue runs on a clause only
 * when the clause holds the words one of its alternatives needs. Counts
 * are compared as numbers: visits done or asked for over the number the
 * guideline allows exceed the limit whatever the wording.
 *
 * Pure: text in, reasons out, offsets in `text`.
 */
import { loadLexicon } from '../lexicon.js';
import { stem } from '../nlp.js';
import { drugDetails, findDrugs } from './drugs.js';
import { AnyOfSearch, type Searcher } from '../search.js';
import { sentences } from '../sentences.js';
import type { Span } from '../types.js';
import { REASON_CODES, REASON_SIDES, type ReasonCode } from '../vocabulary.js';

export { REASON_CODES, type ReasonCode } from '../vocabulary.js';

/** Which outcome each code is for (the contract's "for" column). */
export const REASON_SIDE: Readonly<Record<ReasonCode, 'upheld' | 'overturned' | 'either'>> = REASON_SIDES;

export interface Reason {
  code: ReasonCode;
  /** The words the reason was read from (whole words), in `text`. */
  span: Span;
}

export type ItemOutcome = 'upheld' | 'overturned' | null;

export interface OtherItem {
  itemText: string;
  outcome: ItemOutcome;
}

/**
 * `guideline`: a guideline quoted or paraphrased; `case`: anything said about
 * this patient, the records or the request; `conclusion`: the sentence that
 * draws the outcome; `boilerplate`: the standard opioid-tapering notice.
 */
export type SentenceRole = 'guideline' | 'case' | 'conclusion' | 'boilerplate';
const SENTENCE_ROLES: readonly SentenceRole[] = ['guideline', 'case', 'conclusion', 'boilerplate'];

// ---------------------------------------------------------------------------
// The lexicon

type Assertion = 'absent' | 'undocumented' | 'present' | 'any';
type Condition = 'subject_in_item' | 'same_kind_as_item' | 'same_class_as_item' | 'denied_partner';

interface CueSpec {
  id: string;
  code: ReasonCode;
  patterns: string[];
  assertion?: Assertion;
  roles?: SentenceRole[];
  exclude?: string[];
  exclude_sentence?: string[];
  own_negation?: boolean;
  generic?: boolean;
  suppresses?: ReasonCode[];
  /** Where one of these matches the words a finding of a suppressed code starts (to the end of its clause), the suppression reaches the other clauses of the cue's sentence. */
  suppresses_across?: string[];
  item_exclude?: string[];
  item_require?: string[];
  item_class?: string[];
  condition?: Condition;
  /** A ground that is the whole reason for either outcome (a plan to stop the drug): an overturned item that has it gets no fallback. */
  sole_ground?: boolean;
  note?: string;
}

/**
 * One kind of count a guideline limits (visits, morphine equivalents, spinal
 * levels, a duration), with the patterns that name its number `n` (and, where
 * it has a `scale`, its unit `u`: "3 months" is 90 days). `limit`: what the
 * guideline allows, read in sentences of `limit_roles` (every role if absent);
 * `quantity`: counts done or asked for, in case and conclusion sentences;
 * `requested`: counts asked for, in case sentences only (a conclusion restates
 * the item); `done` and `additional`: counts done and more asked for, whose sum
 * is compared too.
 */
interface CountMeasure {
  name: string;
  scale?: Record<string, number>;
  limit_roles?: SentenceRole[];
  limit: string[];
  quantity?: string[];
  requested?: string[];
  done?: string[];
  additional?: string[];
}

/**
 * A guideline that rejects the treatment for a condition, applied by a
 * sentence about the case that places this patient in it (R9, R16): "nerve
 * conduction studies are not recommended when radiculopathy is clinically
 * obvious" and "the radiculopathy is clinically evident". `rejections` name
 * the condition as `cond` and the treatment rejected as `subject` (else the
 * words before the match), which must name the item; `contraindications` name
 * only the condition ("radiculopathy must not be present"). A condition that
 * `skip` matches is a count, a duration or an exception, read by other rules;
 * `stop` words name nothing of a condition ("patients", "symptoms"); each list
 * of `same` states one condition in other words ("isolated", "stand-alone");
 * `window` is the most words the case's wording of it may spread over; a case
 * clause that `case_skip` matches speaks of it as past or in question.
 */
interface ExclusionSpec {
  code: ReasonCode;
  rejections: string[];
  contraindications: string[];
  skip: string[];
  stop: string[];
  same: string[][];
  case_skip: string[];
  window: number;
  note: string;
}

interface ReasonsLexicon {
  version: number;
  source: string;
  roles: {
    boilerplate: string[];
    conclusion: string[];
    ignore_lead: string[];
    guideline_strong: string[];
    guideline_lead: string[];
    case_override: string[];
    case_strong: string[];
    guideline_source: string[];
    guideline: string[];
  };
  clause_breaks: string[];
  absence: { window: number; post_window: number; post_reach: number; post_reach_stop: string[]; pre: string[]; post: string[]; pseudo: string[]; terminators: string[]; documentary: string[] };
  hypothetical: string[];
  counts: { code: ReasonCode; numbers: Record<string, number>; measures: CountMeasure[] };
  exclusions: ExclusionSpec;
  subject: { stop: string[]; deictic: string[]; lead: string[]; class_words: Record<string, string[]>; aliases: string[][] };
  kinds: Record<string, string[]>;
  test_kinds: string[];
  generic_test_kind: string;
  /** `remaining_need`: what an overturned continuation states beside its benefit that calls for more of the care (R19). */
  fallback: { upheld: ReasonCode | null; overturned: ReasonCode | null; remaining_need: string[] };
  /** An upheld code read in an overturned item whose sentence accepts it: the ground the reviewer accepted (R13: an overrun approved is `other`). */
  overturned_as: { from: ReasonCode; to: ReasonCode; sentence: string[]; note: string }[];
  classes: Record<string, string[]>;
  cues: CueSpec[];
}

/** Named word classes that patterns share (`@care`: every wording of conservative or first-line care). */
export type WordClasses = Readonly<Record<string, readonly string[]>>;

const CLASS_REF = /@([a-z][a-z_]*)/g;
/** `~ ` (or `~N `): up to 3 (or N) words between the words either side ("no ~ rationale": "no clear clinical rationale"). */
const GAP = /~(\d?) /g;

/**
 * A pattern of the lexicon as a regular expression: `@name` stands for the
 * alternatives of the word class `name`, `~ ` for a gap of a few words, a
 * space matches any run of white space, `_` an optional run of spaces or
 * hyphens ("first_line": firstline, first-line, first line), and the whole
 * must stand as whole words.
 */
export function compilePattern(pattern: string, classes: WordClasses = {}, flags = 'gi'): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])(?:${patternBody(pattern, classes)})(?![A-Za-z0-9])`, flags);
}

/** A pattern tested on an item's text: it must start a word and may end inside one ("injection" names "Trigger point injections", "x_ray" "X-rays"). */
function compileItemPattern(patterns: readonly string[], classes: WordClasses): RegExp | null {
  return patterns.length === 0 ? null : new RegExp(`(?<![A-Za-z0-9])(?:${patternBody(patterns.map((p) => `(?:${p})`).join('|'), classes)})`, 'gi');
}

/** A pattern written out as an expression's source: classes, gaps and contractions, a space as any white space (` ?` as none or any), `_` as optional spaces or hyphens. */
function patternBody(pattern: string, classes: WordClasses): string {
  return spaced(expandPattern(pattern, classes));
}

/** An expanded pattern's spaces and `_` as the expression's. */
const spaced = (expanded: string): string => expanded.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+').replace(/_/g, '[\\s-]*');

/** " not" after a word: also its contraction ("does not": "doesn't", "has not": "hasn't"). */
const NOT = /(?<=[a-z)]) not\b/g;

/** The pattern with its word classes, gaps and contractions written out (spaces and `_` still as the lexicon writes them). */
function expandPattern(pattern: string, classes: WordClasses): string {
  return expandClasses(pattern, classes)
    .replace(GAP, (_m, n: string) => `(?:[\\w'/-]+,? ){0,${n || 3}}?`)
    .replace(NOT, "(?: not|n['\u2019]t)");
}

function expandClasses(pattern: string, classes: WordClasses, depth = 0): string {
  return pattern.replace(CLASS_REF, (_m, name: string) => {
    const alternatives = classes[name];
    if (!alternatives) throw new Error(`reasons.json: a pattern names an unknown word class @${name}`);
    if (depth > 3) throw new Error(`reasons.json: word class @${name} nests too deep`);
    return `(?:${alternatives.map((a) => expandClasses(a, classes, depth + 1)).join('|')})`;
  });
}

// ---------------------------------------------------------------------------
// Required literals: a cheap test that a clause can hold a match at all

/**
 * What every match of a lexicon pattern needs, read from the expression itself
 * (its word classes and gaps written out): its alternatives, each as the sets
 * of strings (lower case, three letters or more) such that a match of the
 * alternative holds one string of every set; null when some alternative needs
 * nothing that can be told. A clause where no alternative finds all its sets
 * cannot match, so the pattern need not run there. A run of letters that no
 * quantifier makes optional is a set of one; a group that must occur gives a
 * set: one string of each of its alternatives; an alternative that is one
 * group and nothing else is read as that group's alternatives.
 */
export function requiredLiterals(pattern: string, classes: WordClasses = {}): string[][][] | null {
  const source = expandPattern(pattern, classes);
  const alternatives: string[][][] = [];
  const end = topAlternatives(source, 0, alternatives);
  if (end !== source.length) throw new Error(`reasons.json: unbalanced pattern ${source}`);
  return alternatives.some((sets) => sets.length === 0) ? null : alternatives;
}

/** The alternatives from `start` to the closing parenthesis or the end, each with every set it needs, into `out`; where they end. */
function topAlternatives(src: string, start: number, out: string[][][]): number {
  let i = start;
  for (;;) {
    const group = soleGroupAt(src, i);
    if (group) {
      topAlternatives(src, group.open, out);
      i = group.end;
    } else {
      const seq = sequenceAt(src, i);
      out.push(seq.all);
      i = seq.end;
    }
    if (src[i] !== '|') return i;
    i++;
  }
}

/** A group (not a lookaround) that occurs once and is the whole of its alternative: where its inside opens, and where the alternative ends. */
function soleGroupAt(src: string, i: number): { open: number; end: number } | null {
  if (src[i] !== '(' || /^\(\?<?[=!]/.test(src.slice(i, i + 4))) return null;
  const open = groupOpen(src, i);
  const close = alternativesAt(src, open).end;
  const q = quantifierAt(src, close + 1);
  const end = q.end;
  return q.once && q.end === close + 1 && (end === src.length || src[end] === '|' || src[end] === ')') ? { open, end } : null;
}

/** Where the inside of the group opening at `i` starts (after "(", "(?:", "(?<name>" or a lookaround's opening). */
function groupOpen(src: string, i: number): number {
  const lookaround = /^\(\?<?[=!]/.test(src.slice(i, i + 4));
  if (src.startsWith('(?<', i) && !lookaround) return src.indexOf('>', i) + 1;
  if (src.startsWith('(?', i)) return i + (lookaround ? (src[i + 2] === '<' ? 4 : 3) : 3);
  return i + 1;
}

/** A string shorter than this is found almost anywhere: no use as a test. */
const MIN_LITERAL = 3;

function alternativesAt(src: string, start: number): { need: string[] | null; end: number } {
  const union = new Set<string>();
  let known = true;
  let i = start;
  for (;;) {
    const seq = sequenceAt(src, i);
    if (seq.need === null) known = false;
    else for (const w of seq.need) union.add(w);
    i = seq.end;
    if (src[i] !== '|') break;
    i++;
  }
  return { need: known ? [...union] : null, end: i };
}

/** A sequence's needs: `all` of them, and `need`, the one whose shortest string is longest (null: none). */
function sequenceAt(src: string, start: number): { need: string[] | null; all: string[][]; end: number } {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= MIN_LITERAL) candidates.push([run]);
    run = '';
  };
  let i = start;
  while (i < src.length && src[i] !== '|' && src[i] !== ')') {
    let literal: string | null = null;
    let group: string[] | null = null;
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (/[A-Za-z0-9]/.test(next)) i = escapeEnd(src, i);
      else {
        literal = next;
        i += 2;
      }
    } else if (c === '[') {
      i = classEnd(src, i);
    } else if (c === '(') {
      const lookaround = /^\(\?<?[=!]/.test(src.slice(i, i + 4));
      const inner = alternativesAt(src, groupOpen(src, i));
      if (src[inner.end] !== ')') throw new Error(`reasons.json: unbalanced pattern ${src}`);
      i = inner.end + 1;
      if (!lookaround) group = inner.need;
    } else {
      // ' ' and '_' stand for white space; '.', '^' and '$' are no letters.
      if (!/[ _.^$]/.test(c)) literal = c.toLowerCase();
      i++;
    }
    const q = quantifierAt(src, i);
    i = q.end;
    if (literal !== null && q.min >= 1) {
      run += literal;
      if (!q.once) flush();
    } else {
      flush();
      if (group !== null && q.min >= 1) candidates.push(group);
    }
  }
  flush();
  let best: string[] | null = null;
  const shortest = (xs: string[]) => Math.min(...xs.map((x) => x.length));
  for (const cand of candidates) if (cand.length > 0 && (best === null || shortest(cand) > shortest(best))) best = cand;
  return { need: best, all: candidates.filter((cand) => cand.length > 0), end: i };
}

function escapeEnd(src: string, i: number): number {
  const kind = src[i + 1];
  if (kind === 'u') return src[i + 2] === '{' ? src.indexOf('}', i) + 1 : i + 6;
  if (kind === 'x') return i + 4;
  if (kind === 'c') return i + 3;
  if (kind === 'k' || kind === 'p' || kind === 'P') return src.indexOf(kind === 'k' ? '>' : '}', i) + 1;
  return i + 2;
}

function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** A quantifier at `i`: the fewest times it allows, whether it is none (or `{1}`), whether it allows more than one, and where it ends. */
function quantifierAt(src: string, i: number): { min: number; once: boolean; many: boolean; end: number } {
  const m = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(src.slice(i));
  if (!m) return { min: 1, once: true, many: false, end: i };
  const min = m[1] === '+' ? 1 : m[1] ? 0 : Number(m[2]);
  const once = !m[1] && m[3] === undefined && min === 1;
  const many = m[1] === '+' || m[1] === '*' || (m[2] !== undefined && (m[3] === undefined ? min > 1 : m[4] === '' || Number(m[4]) > 1));
  return { min, once, many, end: i + m[0].length };
}

// ---------------------------------------------------------------------------
// Anchors: a pattern that opens with a run of any words is looked for by a word it holds further on

/** One step of an expression's sequence: where it starts and ends (its quantifier included), the fewest times it occurs, whether it may repeat, and where a group's inside opens (-1: no group; a lookaround is none). */
interface Step {
  start: number;
  end: number;
  min: number;
  many: boolean;
  open: number;
}

/** The steps of each alternative from `start` to the closing parenthesis or the end; where they end. */
function stepsAt(src: string, start: number): { alternatives: Step[][]; end: number } {
  const alternatives: Step[][] = [[]];
  let i = start;
  while (i < src.length && src[i] !== ')') {
    if (src[i] === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    const from = i;
    let open = -1;
    if (src[i] === '\\') i = /[A-Za-z0-9]/.test(src[i + 1] ?? '') ? escapeEnd(src, i) : i + 2;
    else if (src[i] === '[') i = classEnd(src, i);
    else if (src[i] === '(') {
      const inside = groupOpen(src, i);
      i = stepsAt(src, inside).end + 1;
      if (!/^\(\?<?[=!]/.test(src.slice(from, from + 4))) open = inside;
    } else i++;
    const q = quantifierAt(src, i);
    alternatives.at(-1)!.push({ start: from, end: q.end, min: q.min, many: q.many, open });
    i = q.end;
  }
  return { alternatives, end: i };
}

/** The length of the word (letters and digits) that every match of `steps[k]` onwards opens with, in its shortest wording (0: none). */
function wordAt(src: string, steps: readonly Step[], k: number): number {
  const step = steps[k];
  if (step === undefined || step.min < 1) return 0;
  if (step.open >= 0) return Math.min(...stepsAt(src, step.open).alternatives.map((alt) => wordAt(src, alt, 0)));
  if (!/[A-Za-z0-9]/.test(src[step.start]!)) return 0;
  const plain = (s: Step) => s.end === s.start + 1 && /[A-Za-z0-9]/.test(src[s.start]!);
  let n = 1;
  if (plain(step)) while (k + n < steps.length && plain(steps[k + n]!)) n++;
  return n;
}

/** Whether a step may run over any number of words: a repeated class, escape, dot or group, or a group that holds one. */
function runs(src: string, step: Step): boolean {
  if (step.many && /[\\[(.]/.test(src[step.start]!)) return true;
  return step.open >= 0 && stepsAt(src, step.open).alternatives.some((alt) => alt.some((s) => runs(src, s)));
}

/**
 * An expression that matches wherever a pattern does, for a pattern with an
 * alternative that opens with a run of any words before its first word (null:
 * none, or no word to look for after the run). The engine tries such an
 * alternative at every word of a text; its anchor starts from the longest
 * word the alternative must hold after the run, which a plain search finds
 * at few places, so a text without it is ruled out cheaply. The other
 * alternatives take part whole.
 */
export function anchorOf(pattern: string, classes: WordClasses = {}): RegExp | null {
  const src = expandPattern(pattern, classes);
  if (/\\(?:[1-9]|k<)/.test(src)) return null;
  const { alternatives } = stepsAt(src, 0);
  let opened = false;
  const parts: string[] = [];
  let at = 0;
  for (const steps of alternatives) {
    const end = at + steps.reduce((n, step) => n + step.end - step.start, 0);
    const first = steps.findIndex((_, k) => wordAt(src, steps, k) > 0);
    const lead = first < 0 ? steps : steps.slice(0, first);
    if (src[at] === '^' || !lead.some((step) => runs(src, step))) parts.push(`(?<![A-Za-z0-9])(?:${spaced(src.slice(at, end))})`);
    else {
      if (first < 0) return null;
      opened = true;
      let best = first;
      for (let k = first + 1; k < steps.length; k++) if (wordAt(src, steps, k) > wordAt(src, steps, best)) best = k;
      const from = steps[best]!.start;
      const afterSpace = steps[best - 1]!.start === from - 1 && steps[best - 1]!.end === from && src[from - 1] === ' ';
      parts.push(`${afterSpace ? '\\b' : ''}(?:${spaced(src.slice(from, end))})`);
    }
    at = end + 1;
  }
  return opened ? new RegExp(`(?:${parts.join('|')})(?![A-Za-z0-9])`, 'i') : null;
}

/**
 * Which of a fixed set of strings occur in a text, all in one pass: an
 * Aho-Corasick automaton made a table over the characters the strings use (any
 * other character matches nothing), so the test of every cue's literals costs
 * one look-up per character of the clause, not one search per literal.
 */
class LiteralIndex {
  /** The column of each ASCII character in the table (0: a character no literal uses). */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  private readonly table: Uint16Array | Uint32Array;
  /** The literals that end at each state: `endIds[endsAt[state], endsAt[state + 1])` (flat arrays: a scan reads them without following a pointer per state). */
  private readonly endsAt: Uint32Array;
  private readonly endIds: Uint32Array;

  /** Each literal's length. */
  private readonly lengths: Uint16Array;
  /** The needs each literal may open (one set of each of their alternatives holds it), as `within`'s slots: `gateSlots[gatesAt[id], gatesAt[id + 1])`. */
  private readonly gates: Gates;
  /** The length of `within`'s arrays: a slot per literal, then one per need (see `possible`). */
  private readonly size: number;
  /**
   * The arrays `within` fills, kept from one scan to the next (allocating an
   * array of this size costs more than clearing one): a scan's arrays serve
   * until the next scan, and each rationale's are read before another is scanned.
   */
  private readonly spare: Uint8Array[] = [];

  constructor(literals: readonly string[], needs: readonly Need[]) {
    this.size = literals.length + needs.length;
    this.lengths = Uint16Array.from(literals, (w) => w.length);
    this.gates = flatGates(gatesOf(literals, needs), this.size);
    for (const word of literals) for (let k = 0; k < word.length; k++) this.column[word.charCodeAt(k)] ||= 1;
    let width = 1;
    this.column.forEach((used, ch) => {
      if (used) this.column[ch] = width++;
    });
    this.width = width;
    const next: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    literals.forEach((word, id) => {
      let state = 0;
      for (let k = 0; k < word.length; k++) {
        const col = this.column[word.charCodeAt(k)]!;
        let to = next[state]!.get(col);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          ends.push([]);
          next[state]!.set(col, to);
        }
        state = to;
      }
      ends[state]!.push(id);
    });
    // The table's states are numbered breadth first: the shallow states, where a scan spends most of its time, get rows close together.
    const order = [0];
    for (let k = 0; k < order.length; k++) order.push(...next[order[k]!]!.values());
    const rank = new Uint32Array(next.length);
    order.forEach((state, r) => (rank[state] = r));
    // Breadth first, each state's row is its own transitions over its failure state's row.
    const table = next.length <= 0x10000 ? new Uint16Array(next.length * width) : new Uint32Array(next.length * width);
    const fail = new Uint32Array(next.length);
    const endsByRank: number[][] = [ends[0]!];
    for (const [col, to] of next[0]!) table[col] = rank[to]!;
    for (let r = 1; r < order.length; r++) {
      const f = fail[r]!;
      table.copyWithin(r * width, f * width, f * width + width);
      // Column 0 (a character no literal uses) always leads back to the start.
      table[r * width] = 0;
      for (const [col, to] of next[order[r]!]!) {
        fail[rank[to]!] = table[f * width + col]!;
        table[r * width + col] = rank[to]!;
      }
      endsByRank[r] = [...ends[order[r]!]!, ...endsByRank[f]!];
    }
    this.table = table;
    this.endsAt = new Uint32Array(endsByRank.length + 1);
    endsByRank.forEach((e, r) => (this.endsAt[r + 1] = this.endsAt[r]! + e.length));
    this.endIds = Uint32Array.from(endsByRank.flat());
  }

  /** Every occurrence of a literal (lower case) in `text[from, to)`, read with its ASCII capitals as lower case, by where it ends, in that order. */
  occurrences(text: string, from: number, to: number): Occurrences {
    const ids: number[] = [];
    const ends: number[] = [];
    const { table, width, column, endsAt, endIds } = this;
    let state = 0;
    for (let k = from; k < to; k++) {
      let ch = text.charCodeAt(k);
      if (ch >= 65 && ch <= 90) ch += 32;
      state = table[state * width + (ch < 128 ? column[ch]! : 0)]!;
      for (let e = endsAt[state]!, stop = endsAt[state + 1]!; e < stop; e++) {
        ids.push(endIds[e]!);
        ends.push(k + 1);
      }
    }
    return new Occurrences(this.size, this.lengths, this.gates, ids, ends, this.spare);
  }

}

/** The literals found in a rationale, so that those of any stretch of it are read without scanning the stretch again. */
class Occurrences {
  constructor(
    private readonly size: number,
    private readonly lengths: Uint16Array,
    private readonly gates: Gates,
    private readonly ids: readonly number[],
    private readonly ends: readonly number[],
    private readonly spare: Uint8Array[],
  ) {}

  /** What `within` gave, by the span's start (a sentence is often one piece and one clause): the arrays are only read. */
  private readonly known = new Map<number, { end: number; found: Uint8Array }>();
  /** How many of `spare`'s arrays `within` has taken. */
  private used = 0;

  /** found[id] is 1 when literal `id` occurs within `span`, and the slot of each need a literal found may open (`possible`) is 1. */
  within(span: Span): Uint8Array {
    const known = this.known.get(span.start);
    if (known?.end === span.end) return known.found;
    let out = this.spare[this.used];
    if (out === undefined) this.spare.push((out = new Uint8Array(this.size)));
    else out.fill(0);
    this.used++;
    this.known.set(span.start, { end: span.end, found: out });
    const { ids, ends, lengths } = this;
    const { gatesAt, gateSlots } = this.gates;
    // The first occurrence that ends after the span starts.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < ends.length && ends[k]! <= span.end; k++) {
      const id = ids[k]!;
      if (out[id] === 1 || ends[k]! - lengths[id]! < span.start) continue;
      out[id] = 1;
      for (let g = gatesAt[id]!, stop = gatesAt[id + 1]!; g < stop; g++) out[gateSlots[g]!] = 1;
    }
    return out;
  }
}

const anyOf = (patterns: readonly string[], classes: WordClasses = {}): RegExp | null =>
  patterns.length === 0 ? null : compilePattern(patterns.map((p) => `(?:${p})`).join('|'), classes);

interface Cue {
  spec: CueSpec;
  /** The cue's expression, narrowed in each clause to the patterns that can match there. */
  narrow: Narrowing;
  /** What a clause must hold for the cue to match there (null: no such test). */
  literals: Need | null;
  assertion: Assertion;
  roles: ReadonlySet<SentenceRole>;
  exclude: RegExp | null;
  excludeSentence: RegExp | null;
  /** `suppresses_across`. */
  suppressesAcross: RegExp | null;
  itemExclude: RegExp | null;
  itemRequire: RegExp | null;
  itemClass: ReadonlySet<string> | null;
}

/**
 * `requiredLiterals` as ids in the lexicon's literal index (alternatives, each
 * a list of sets one id of each of which must be found), laid out flat for
 * `possible`: the need's number, then each alternative as its length (this
 * slot included), then each of its sets as its number of ids and the ids.
 */
type Need = Int32Array;

/**
 * Whether the literals found (`present`, from `Occurrences.within`) can hold a
 * match. Need number n has the slot n from the end of `present`, set when a
 * literal of one set of each of its alternatives was found (`gatesOf`): most
 * needs are ruled out by that slot alone.
 */
function possible(need: Need | null, present: Uint8Array): boolean {
  if (need === null) return true;
  if (present[present.length - 1 - need[0]!] === 0) return false;
  for (let alt = 1; alt < need.length; alt += need[alt]!) {
    const altEnd = alt + need[alt]!;
    let all = true;
    for (let set = alt + 1; all && set < altEnd; set += 1 + need[set]!) {
      all = false;
      for (let k = set + 1; k <= set + need[set]!; k++) {
        if (present[need[k]!] === 1) {
          all = true;
          break;
        }
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Alternatives of sets of ids as a Need, without what cannot change the
 * answer: a repeated id, a set that holds another set of its alternative, an
 * alternative found whenever another one is (each set of the other holds one
 * of its sets). The smaller sets are tested first.
 */
function flatNeed(n: number, alternatives: readonly (readonly (readonly number[])[])[]): Need {
  const holds = (outer: readonly number[], inner: readonly number[]) => inner.every((id) => outer.includes(id));
  const reduced = alternatives.map((sets) => {
    const unique = sets.map((set) => [...new Set(set)].sort((a, b) => a - b));
    return unique.filter((set, k) => !unique.some((other, j) => j !== k && holds(set, other) && (other.length < set.length || j < k))).sort((a, b) => a.length - b.length);
  });
  // `b` is found whenever `a` is: each set of `b` holds one of `a`'s.
  const implies = (a: number[][], b: number[][]) => b.every((setB) => a.some((setA) => holds(setB, setA)));
  const kept = reduced.filter((alt, k) => !reduced.some((other, j) => j !== k && implies(alt, other) && (!implies(other, alt) || j < k)));
  const out: number[] = [n];
  for (const sets of kept) {
    const at = out.push(0) - 1;
    for (const set of sets) out.push(set.length, ...set);
    out[at] = out.length - at;
  }
  return Int32Array.from(out);
}

/** `gatesOf` laid out flat, each need as its slot in `within`'s arrays of length `size` (need n: n from the end). */
interface Gates {
  gatesAt: Uint32Array;
  gateSlots: Uint32Array;
}

function flatGates(gates: readonly (readonly number[])[], size: number): Gates {
  const gatesAt = new Uint32Array(gates.length + 1);
  gates.forEach((g, id) => (gatesAt[id + 1] = gatesAt[id]! + g.length));
  return { gatesAt, gateSlots: Uint32Array.from(gates.flat(), (need) => size - 1 - need) };
}

/**
 * For each literal, the needs whose slot it sets: each alternative of a need
 * gives the literals of one of its sets, the one whose shortest literal is
 * longest (a longer string is found less often).
 */
function gatesOf(literals: readonly string[], needs: readonly Need[]): number[][] {
  const gates = literals.map((): number[] => []);
  for (const need of needs) {
    for (let alt = 1; alt < need.length; alt += need[alt]!) {
      let best = -1;
      let bestLength = -1;
      for (let set = alt + 1; set < alt + need[alt]!; set += 1 + need[set]!) {
        const ids = need.subarray(set + 1, set + 1 + need[set]!);
        const length = Math.min(...Array.from(ids, (id) => literals[id]!.length));
        if (length > bestLength) [best, bestLength] = [set, length];
      }
      for (const id of need.subarray(best + 1, best + 1 + need[best]!)) if (gates[id]!.at(-1) !== need[0]) gates[id]!.push(need[0]!);
    }
  }
  return gates;
}

/**
 * A list of patterns searched as one alternation, narrowed in each text to
 * the patterns whose literals the text holds: a pattern that cannot match
 * anywhere in the text is left out of the search there, which finds the same
 * matches in the same order, with fewer alternatives to try at each place.
 */
class Narrowing {
  /** Each pattern's own expression, made when first needed. */
  private readonly singles: RegExp[] = [];
  /** Each pattern's `anchorOf` (none in a list never narrowed but of one pattern). */
  private readonly anchors: readonly (RegExp | null)[];

  /** `needs`: each pattern's, or null for a list never narrowed (one pattern; a backreference counts its groups across patterns). */
  constructor(
    readonly whole: RegExp,
    private readonly patterns: readonly string[],
    private readonly needs: readonly (Need | null)[] | null,
    private readonly classes: WordClasses,
  ) {
    this.anchors = patterns.map((p) => (needs !== null || patterns.length === 1 ? anchorOf(p, classes) : null));
  }

  /** Whether pattern `k` can match in `s`, which holds the literals `present` (its own or a text's that holds it): its literals are there, and its anchor if it has one. */
  private live(k: number, s: string, present: Uint8Array): boolean {
    const anchor = this.anchors[k]!;
    return possible(this.needs![k]!, present) && (anchor === null || anchor.test(s));
  }

  private single(k: number): RegExp {
    return (this.singles[k] ??= compilePattern(`(?:${this.patterns[k]!})`, this.classes));
  }

  /** A search of the patterns that can match in `s` (null: none can). */
  in(s: string, present: Uint8Array): Searcher | null {
    const { needs } = this;
    if (needs === null) return this.anchors[0]?.test(s) === false ? null : this.whole;
    const live: RegExp[] = [];
    for (let k = 0; k < needs.length; k++) if (this.live(k, s, present)) live.push(this.single(k));
    if (live.length === 0) return null;
    if (live.length === 1) return live[0]!;
    return live.length === needs.length ? this.whole : new AnyOfSearch(live);
  }

  /** Whether the list matches in `s`, which holds the literals `present`: its patterns that can match there tried one by one. */
  test(s: string, present: Uint8Array): boolean {
    const { needs } = this;
    if (needs === null) return this.anchors[0]?.test(s) !== false && test(this.whole, s);
    for (let k = 0; k < needs.length; k++) if (this.live(k, s, present) && test(this.single(k), s)) return true;
    return false;
  }
}

/**
 * An expression of the lexicon run on every sentence or clause, with what a
 * text must hold for it to match there (null: no such test), so it runs only
 * where that is found, narrowed to the patterns that can match there.
 */
interface Guarded {
  re: RegExp;
  need: Need | null;
  narrow: Narrowing;
}

interface Compiled {
  lexicon: ReasonsLexicon;
  roles: Record<keyof ReasonsLexicon['roles'], Guarded | null>;
  clauseBreak: RegExp;
  pre: Guarded;
  post: Guarded;
  pseudo: Guarded | null;
  terminator: Guarded | null;
  documentary: RegExp | null;
  /** What ends a post-trigger's longer reach: a clause of its own ("and the ..."). */
  postReachStop: RegExp | null;
  hypothetical: Guarded | null;
  counts: CompiledMeasure[];
  exclusions: CompiledExclusions;
  lead: RegExp | null;
  deictic: RegExp | null;
  stop: ReadonlySet<string>;
  aliases: { re: RegExp; words: string[] }[];
  kinds: [string, RegExp][];
  overturnedAs: { from: ReasonCode; to: ReasonCode; sentence: RegExp }[];
  /** The wordings of care (the class `care`), each counted as one word in the scope of an absence. */
  care: RegExp | null;
  /** `fallback.remaining_need` (R19). */
  remainingNeed: RegExp | null;
  cues: Cue[];
  cueById: ReadonlyMap<string, Cue>;
  literalIndex: LiteralIndex;
}

const DEFAULT_ROLES: readonly SentenceRole[] = ['case', 'conclusion'];
/** The lexicon's lists of count patterns of a measure. */
const COUNT_LISTS = ['limit', 'quantity', 'requested', 'done', 'additional'] as const;

interface CompiledMeasure {
  scale: Readonly<Record<string, number>> | null;
  limitRoles: ReadonlySet<SentenceRole> | null;
  lists: Record<(typeof COUNT_LISTS)[number], Guarded[]>;
}

interface CompiledExclusions {
  code: ReasonCode;
  /** One expression per pattern: each names its `cond`. */
  rejections: Guarded[];
  contraindications: Guarded[];
  skip: RegExp | null;
  stop: ReadonlySet<string>;
  /** Each list of `same` as one expression, and the word that stands for it. */
  same: { re: RegExp; key: string }[];
  caseSkip: RegExp | null;
  window: number;
}

let compiled: Compiled | null = null;

function lexicon(): Compiled {
  if (compiled) return compiled;
  const lex = loadLexicon<ReasonsLexicon>('reasons.json');
  const known = new Set<string>(REASON_CODES);
  const literals: string[] = [];
  const needs: Need[] = [];
  // The index reads ASCII only: a cue with a literal outside it is always run.
  const literalIds = (alternatives: string[][][] | null): Need | null => {
    if (!alternatives || alternatives.some((sets) => sets.some((set) => set.some((w) => /[^\x00-\x7f]/.test(w))))) return null;
    const id = (w: string) => {
      const known = literals.indexOf(w);
      return known >= 0 ? known : literals.push(w) - 1;
    };
    const need = flatNeed(needs.length, alternatives.map((sets) => sets.map((set) => set.map(id))));
    needs.push(need);
    return need;
  };
  const needOf = (patterns: readonly string[], classes: WordClasses = {}) => literalIds(requiredLiterals(patterns.map((p) => `(?:${p})`).join('|'), classes));
  const narrowing = (re: RegExp, patterns: readonly string[]) =>
    new Narrowing(re, patterns, patterns.length === 1 || patterns.some((p) => /\\(?:[1-9]|k<)/.test(p)) ? null : patterns.map((p) => needOf([p], lex.classes)), lex.classes);
  const guarded = (patterns: readonly string[]): Guarded | null => {
    const re = anyOf(patterns, lex.classes);
    return re && { re, need: needOf(patterns, lex.classes), narrow: narrowing(re, patterns) };
  };
  const cues = lex.cues.map((spec): Cue => {
    if (!known.has(spec.code)) throw new Error(`reasons.json: cue ${spec.id} has an unknown code ${spec.code}`);
    return {
      spec,
      narrow: narrowing(anyOf(spec.patterns, lex.classes)!, spec.patterns),
      literals: needOf(spec.patterns, lex.classes),
      assertion: spec.assertion ?? 'any',
      roles: new Set(spec.roles ?? DEFAULT_ROLES),
      exclude: anyOf(spec.exclude ?? [], lex.classes),
      excludeSentence: anyOf(spec.exclude_sentence ?? [], lex.classes),
      suppressesAcross: anyOf(spec.suppresses_across ?? [], lex.classes),
      itemExclude: compileItemPattern(spec.item_exclude ?? [], lex.classes),
      itemRequire: compileItemPattern(spec.item_require ?? [], lex.classes),
      itemClass: spec.item_class ? new Set(spec.item_class) : null,
    };
  });
  if (!known.has(lex.exclusions.code)) throw new Error(`reasons.json: exclusions have an unknown code ${lex.exclusions.code}`);
  for (const { from, to } of lex.overturned_as) if (!known.has(from) || !known.has(to)) throw new Error(`reasons.json: overturned_as maps ${from} to ${to}, not both codes`);
  const r = lex.roles;
  compiled = {
    lexicon: lex,
    roles: {
      boilerplate: guarded(r.boilerplate),
      conclusion: guarded(r.conclusion),
      ignore_lead: guarded(r.ignore_lead),
      guideline_strong: guarded(r.guideline_strong),
      guideline_lead: guarded(r.guideline_lead),
      case_override: guarded(r.case_override),
      case_strong: guarded(r.case_strong),
      guideline_source: guarded(r.guideline_source),
      guideline: guarded(r.guideline),
    },
    clauseBreak: new RegExp(lex.clause_breaks.map((p) => `(?:${p.replace(/ /g, '\\s+')})`).join('|'), 'gi'),
    pre: guarded(lex.absence.pre)!,
    post: guarded(lex.absence.post)!,
    pseudo: guarded(lex.absence.pseudo),
    terminator: guarded(lex.absence.terminators),
    documentary: anyOf(lex.absence.documentary),
    postReachStop: anyOf(lex.absence.post_reach_stop),
    hypothetical: guarded(lex.hypothetical),
    // One expression per pattern: each names its number `n`.
    counts: lex.counts.measures.map((m) => {
      const unknown = (m.limit_roles ?? []).filter((r) => !SENTENCE_ROLES.includes(r));
      if (unknown.length > 0) throw new Error(`reasons.json: counts measure ${m.name} names unknown sentence roles ${unknown.join(', ')}`);
      return {
        scale: m.scale ?? null,
        limitRoles: m.limit_roles ? new Set(m.limit_roles) : null,
        lists: Object.fromEntries(COUNT_LISTS.map((list) => [list, (m[list] ?? []).map((p) => guarded([p])!)])) as CompiledMeasure['lists'],
      };
    }),
    exclusions: {
      code: lex.exclusions.code,
      rejections: lex.exclusions.rejections.map((p) => guarded([p])!),
      contraindications: lex.exclusions.contraindications.map((p) => guarded([p])!),
      skip: anyOf(lex.exclusions.skip, lex.classes),
      stop: new Set(lex.exclusions.stop),
      same: lex.exclusions.same.map((words) => ({ re: anyOf(words, lex.classes)!, key: `=${words[0]}` })),
      caseSkip: anyOf(lex.exclusions.case_skip, lex.classes),
      window: lex.exclusions.window,
    },
    lead: anyOf(lex.subject.lead),
    deictic: anyOf(lex.subject.deictic),
    stop: new Set(lex.subject.stop.map((w) => w.toLowerCase())),
    // An alias group's words: its patterns' letters, regex escapes (\\w*) left out.
    aliases: lex.subject.aliases.map((group) => ({ re: anyOf(group)!, words: group.flatMap((a) => a.toLowerCase().replace(/\\[a-z][*+?]?/g, ' ').match(/[a-z][a-z0-9]*/g) ?? []) })),
    kinds: Object.entries(lex.kinds).map(([k, ps]) => [k, anyOf(ps)!] as [string, RegExp]),
    care: anyOf(['@care'], lex.classes),
    remainingNeed: anyOf(lex.fallback.remaining_need, lex.classes),
    overturnedAs: lex.overturned_as.map(({ from, to, sentence }) => ({ from, to, sentence: anyOf(sentence, lex.classes)! })),
    cues,
    cueById: new Map(cues.map((cue) => [cue.spec.id, cue])),
    literalIndex: new LiteralIndex(literals, needs),
  };
  return compiled;
}

// ---------------------------------------------------------------------------
// Sentences and their roles

const test = (re: RegExp | null, s: string): boolean => {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(s);
};

/** The lexicon's literals that occur in a text (`found[id]` is 1). */
const literalsIn = (s: string): Uint8Array => literalsOf(s, { start: 0, end: s.length }).within({ start: 0, end: s.length });

/** The literals of a rationale. */
const literalsOf = (text: string, rationale: Span): Occurrences => lexicon().literalIndex.occurrences(text, rationale.start, rationale.end);

/** Whether one of the literals a guarded expression needs is among those found (`present`, of the text or of one that holds it). */
const mayMatch = (g: Guarded | null, present: Uint8Array): g is Guarded => g !== null && possible(g.need, present);

const holds = (g: Guarded | null, s: string, present: Uint8Array): boolean => mayMatch(g, present) && g.narrow.test(s, present);

/**
 * The role of one sentence: the tapering notice; a conclusion; a sentence
 * about this case (a marker: "in this case", "there is no", the request,
 * the patient's history); a guideline statement (a source named at its
 * start, or generic recommendation wording); else a finding about the case.
 */
export function roleOf(whole: string): SentenceRole {
  return roleAndBasis(whole).role;
}

/**
 * The role, and whether a marker of its own gave it: `strong` (the notice, a
 * conclusion, literature wording, a marker of this case, a guideline named as
 * the subject), `weak` (generic recommendation wording) or `none` (no marker:
 * read as a finding).
 */
function roleAndBasis(whole: string, present: Uint8Array = literalsIn(whole)): { role: SentenceRole; basis: 'strong' | 'weak' | 'none' } {
  const marked = markedRole(whole, present);
  return marked ?? { role: 'case', basis: 'none' };
}

/** `present`: the lexicon's literals in `whole`; they serve for the sentence after its lead too (what that holds, the whole holds). */
function markedRole(whole: string, present: Uint8Array): { role: SentenceRole; basis: 'strong' | 'weak' } | null {
  const strong = (role: SentenceRole) => ({ role, basis: 'strong' as const });
  const { roles } = lexicon();
  if (holds(roles.boilerplate, whole, present)) return strong('boilerplate');
  // "Regarding the request for X, the guidelines state ...": the lead names the item, not a finding.
  let sentence = whole;
  if (mayMatch(roles.ignore_lead, present)) {
    roles.ignore_lead.re.lastIndex = 0;
    const lead = roles.ignore_lead.re.exec(whole);
    if (lead && lead.index === 0) sentence = whole.slice(lead[0].length);
  }
  const role = (g: Guarded | null) => holds(g, sentence, present);
  if (role(roles.conclusion)) return strong('conclusion');
  if (role(roles.guideline_strong)) return strong('guideline');
  if (role(roles.guideline_lead) && !role(roles.case_override)) return strong('guideline');
  if (role(roles.case_strong)) return strong('case');
  if (role(roles.guideline_source)) return strong('guideline');
  if (role(roles.guideline)) return { role: 'guideline', basis: 'weak' };
  return null;
}

export interface RoledSentence {
  span: Span;
  role: SentenceRole;
}

/**
 * The rationale's sentences, with the pieces of a sentence that a page break
 * or a blank line cut in two joined again (a piece that does not end a
 * sentence, followed by one that starts in lower case).
 */
function rationaleSentences(text: string, rationale: Span): Span[] {
  const out: Span[] = [];
  for (const s of sentences(text, rationale)) {
    const prev = out[out.length - 1];
    const body = text.slice(s.start, s.end).trimStart();
    if (prev && !/[.!?:"')\]\u201d]\s*$/.test(text.slice(prev.start, prev.end)) && /^[a-z(]/.test(body)) {
      out[out.length - 1] = { start: prev.start, end: s.end };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** A sentence cut at its semicolons: "the guideline allows six visits; the request is for twelve" states the rule, then applies it. */
function atSemicolons(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const re = /;\s+/g;
  const body = text.slice(span.start, span.end);
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    out.push({ start, end: span.start + m.index + 1 });
    start = span.start + m.index + m[0].length;
  }
  out.push({ start, end: span.end });
  return out.filter((x) => /[A-Za-z]/.test(text.slice(x.start, x.end)));
}

const QUOTE = /["\u201c\u201d]/g;

/** A list item numbered or lettered at its start ("(2) previous methods ...", "and 3) ...", "b. ..."). */
const ENUMERATED = /^\s*(?:and |or )?(?:\(?\d{1,2}\)|\d{1,2}\.|\(?[a-h]\))\s/i;

/**
 * How deep inside quotations the text is after `body`, from `depth` before
 * it. A curly quote says its direction; a straight one opens after a space,
 * a bracket or the start and before a word ('states "Patients', 'a
 * "six-visit trial"'), and closes otherwise, so a quotation nested in a
 * quoted guideline closes without closing its host.
 */
function quoteDepthAfter(body: string, depth: number): number {
  let d = depth;
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(body); m !== null; m = QUOTE.exec(body)) {
    const before = body[m.index - 1] ?? ' ';
    const after = body[m.index + 1] ?? ' ';
    const opens =
      m[0] === '\u201c' ||
      (m[0] === '"' && /[\s([{\u2014-]/.test(before) && /[^\s.,;:!?]/.test(after)) ||
      // A straight quote between spaces says nothing of its direction: it opens only outside any quotation.
      (m[0] === '"' && /\s/.test(before) && /\s/.test(after) && d === 0);
    d = opens ? d + 1 : Math.max(0, d - 1);
  }
  return d;
}

/**
 * The rationale's sentences with their roles. A sentence that begins inside a
 * quotation opened by an earlier sentence is the guideline's text.
 */
export function sentenceRoles(text: string, rationale: Span): RoledSentence[] {
  return roledSentences(text, rationale, literalsOf(text, rationale));
}

function roledSentences(text: string, rationale: Span, literals: Occurrences): RoledSentence[] {
  let depth = 0;
  const out: RoledSentence[] = [];
  for (const sentence of rationaleSentences(text, rationale)) {
    const whole = roleAndBasis(text.slice(sentence.start, sentence.end), literals.within(sentence)).role;
    const pieces = atSemicolons(text, sentence);
    // Whether a guideline's list has opened ("Criteria ... are: (1) ...; (2) ..."): its numbered items are the guideline's too, and so is every piece of a sentence that opens with the list ("Criteria include: an evaluation has been made; previous methods have failed; ...").
    let listOpen = false;
    let listAtStart = false;
    // The pieces between semicolons: a piece with a strong marker of its own has its own role, the others the sentence's.
    pieces.forEach((span, k) => {
      const body = text.slice(span.start, span.end);
      const own = pieces.length === 1 ? null : roleAndBasis(body, literals.within(span));
      const listItem = listOpen && (ENUMERATED.test(body) || listAtStart);
      // A sentence that opens with a guideline's list ("Patients should meet all of the following: ...; ...") is the guideline's, whatever its items say of patients.
      const opensList = k === 0 && own?.role === 'guideline' && body.includes(':');
      const role = listItem || opensList ? 'guideline' : own?.basis === 'strong' ? own.role : whole;
      if (role === 'guideline' && body.includes(':')) {
        listOpen = true;
        listAtStart ||= k === 0;
      }
      const quoted = depth > 0 && role !== 'boilerplate' && role !== 'conclusion';
      depth = quoteDepthAfter(body, depth);
      out.push({ span, role: quoted ? 'guideline' : role });
    });
  }
  return out;
}

/** A sentence's clauses: split at semicolons and at contrastive or coordinated findings ("..., but", "and no"). */
function clauses(text: string, sentence: Span): Span[] {
  const { clauseBreak } = lexicon();
  const body = text.slice(sentence.start, sentence.end);
  const out: Span[] = [];
  let last = 0;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(body); m !== null; m = clauseBreak.exec(body)) {
    if (m[0].length === 0) {
      clauseBreak.lastIndex++;
      continue;
    }
    if (m.index > last) out.push({ start: sentence.start + last, end: sentence.start + m.index });
    last = m.index + m[0].length;
  }
  if (last < body.length) out.push({ start: sentence.start + last, end: sentence.end });
  return out.filter((c) => /[A-Za-z]/.test(text.slice(c.start, c.end)));
}

// ---------------------------------------------------------------------------
// Absence (ConText negation) within a clause

interface Hit {
  start: number;
  end: number;
}

function hits(re: Searcher | null, s: string): Hit[] {
  if (!re) return [];
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const wordCount = (s: string): number => (s.trim() ? s.trim().split(/\s+/).length : 0);

/** Whether the words between a trigger and what it governs fit the window, each wording of care one word: "no trial of sleep hygiene measures, cognitive behavioral therapy or any other ..." reaches along the list. */
const inScope = (s: string, window: number): boolean => {
  if (wordCount(s) <= window) return true;
  const { care } = lexicon();
  return care !== null && wordCount(s.replace(care, 'care')) <= window;
};

interface ClauseTriggers {
  pre: Hit[];
  post: Hit[];
  terminators: Hit[];
}

/** The absence triggers of a clause (`present`: the lexicon's literals in it). */
function triggersOf(clause: string, present: Uint8Array): ClauseTriggers {
  const c = lexicon();
  const found = (g: Guarded | null) => (mayMatch(g, present) ? hits(g.narrow.in(clause, present), clause) : []);
  const pseudo = found(c.pseudo);
  const outside = (h: Hit) => !pseudo.some((p) => h.start >= p.start && h.end <= p.end);
  return { pre: found(c.pre).filter(outside), post: found(c.post).filter(outside), terminators: found(c.terminator) };
}

/**
 * The absence trigger that governs `[start, end)` of the clause, if any: a
 * pre-trigger before it within the window (or overlapping its start, as in
 * "no clear rationale"), a trigger inside its words unless they are the cue's
 * own wording (`own`: "unable to tolerate" names intolerance, it does not
 * deny it), or a post-trigger just after it.
 */
function absenceOf(clause: string, t: ClauseTriggers, start: number, end: number, own: boolean): Hit | null {
  const { lexicon: lex, postReachStop } = lexicon();
  const { window, post_window, post_reach } = lex.absence;
  const blocked = (from: number, to: number) => t.terminators.some((x) => x.start >= from && x.end <= to);
  // A post-trigger governs the words just before it, or a longer subject that opens no clause of its own ("a rationale from the surgeon for repeating the imaging now is lacking").
  const reaches = (between: string) => {
    const n = wordCount(between);
    return n <= post_window || (n <= post_reach && !test(postReachStop, between));
  };
  let best: Hit | null = null;
  for (const p of t.pre) {
    if (p.start > start) {
      if (!own && !best && p.end <= end) best = p;
      continue;
    }
    if (p.end > start) {
      // The trigger overlaps the cue's own words ("no clear rationale"): it governs them.
      best = p;
      continue;
    }
    if (inScope(clause.slice(p.end, start), window) && !blocked(p.end, start)) best = p;
  }
  if (best) return best;
  for (const p of t.post) {
    if (p.start < end) continue;
    if (reaches(clause.slice(end, p.start)) && !blocked(end, p.start)) return p;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Conditions on the item

const WORD = /[A-Za-z][A-Za-z0-9]*/g;
/** Words compared by the first five letters of their Porter stem ("taping" and "tape", "chiropractic" and "chirophysio"). */
const stemOf = (w: string): string => stem(w).slice(0, 5);

function contentWords(s: string, stop: ReadonlySet<string>): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !stop.has(w));
}

const VERB = /\b(?:is|are|was|were|has|have|had|does|do|remains?|can|may|should)\b/i;

/**
 * A flat rejection applies to this item when its subject names the requested
 * treatment. The subject is the clause's words before its first verb, after
 * any "the guidelines state that" ("Ketoprofen is not approved for topical use
 * and is not recommended": Ketoprofen). It names the item when it is deictic
 * ("this procedure"), or when most of its content words are among the item's.
 */
function subjectInItem(sentence: string, matchStart: number, itemText: string): boolean {
  return namesSubject(subjectBefore(sentence, matchStart), itemText);
}

/** The subject of the words before `matchStart`: after any lead, before the first verb, its last eight words. */
function subjectBefore(sentence: string, matchStart: number): string {
  const c = lexicon();
  let subject = sentence.slice(0, matchStart);
  const leads = hits(c.lead, subject);
  const lastLead = leads[leads.length - 1];
  if (lastLead) subject = subject.slice(lastLead.end);
  const verb = VERB.exec(subject);
  if (verb) subject = subject.slice(0, verb.index);
  return subject.trim().split(/\s+/).slice(-8).join(' ');
}

/** The classes of the drugs an item names (oral class, topical class, class in context). */
function drugClassesOf(itemText: string): Set<string> {
  const d = drugDetails(itemText);
  const out = new Set<string>(d?.classes ?? []);
  for (const h of d?.hits ?? []) {
    out.add(h.entry.class);
    const topical = (h.entry as { topical_class?: string }).topical_class;
    if (topical) out.add(topical);
  }
  return out;
}

/**
 * The words that name an item's treatment, by their first five letters: its
 * own content words, the ingredients and class words of the drugs it names
 * ("muscle relaxants" for cyclobenzaprine), and the aliases of what it names
 * ("shockwave" for ESWT).
 */
let vocabularyMemo: { itemText: string; words: Set<string> } | null = null;
function itemVocabulary(itemText: string): Set<string> {
  if (vocabularyMemo?.itemText !== itemText) vocabularyMemo = { itemText, words: itemVocabularyOf(itemText) };
  return vocabularyMemo.words;
}

function itemVocabularyOf(itemText: string): Set<string> {
  const c = lexicon();
  const words = contentWords(itemText, c.stop);
  const d = drugDetails(itemText);
  for (const h of d?.hits ?? []) for (const ingredient of h.entry.ingredients ?? []) words.push(...contentWords(ingredient, c.stop));
  for (const cls of drugClassesOf(itemText)) words.push(...(c.lexicon.subject.class_words[cls] ?? []));
  if (d?.topical) words.push('topical');
  for (const a of c.aliases) if (test(a.re, itemText)) words.push(...a.words);
  return new Set(words.map(stemOf));
}

function namesSubject(words: string, itemText: string): boolean {
  const c = lexicon();
  if (test(c.deictic, words)) return true;
  // A name in brackets after the subject ("carisoprodol (Soma)") is another name of it, not more of it.
  const subjectWords = contentWords(words.replace(/\s*\([^()]*\)/g, ''), c.stop);
  if (subjectWords.length === 0) return false;
  const item = itemVocabulary(itemText);
  const found = subjectWords.filter((w) => item.has(stemOf(w))).length;
  return found > 0 && found * 3 >= subjectWords.length * 2;
}

function kindsOf(s: string): Set<string> {
  return new Set(lexicon().kinds.filter(([, re]) => test(re, s)).map(([k]) => k));
}

/**
 * A prior test of the same kind as the requested one ("had an MRI on ..." for
 * an MRI request); a test named only generically ("a diagnostic study") is of
 * every test's kind.
 */
function sameKindAsItem(matched: string, itemText: string): boolean {
  const { lexicon: lex } = lexicon();
  const item = kindsOf(itemText);
  const prior = kindsOf(matched);
  if (prior.has(lex.generic_test_kind) && lex.test_kinds.some((k) => item.has(k))) return true;
  for (const k of prior) if (lex.test_kinds.includes(k) && item.has(k)) return true;
  return false;
}

/** A drug the patient already takes of a class the requested one is of ("is currently taking naproxen" for Celebrex), not the requested drug itself. */
function sameClassAsItem(matched: string, itemText: string): boolean {
  const taken = findDrugs(matched);
  if (taken.length === 0) return false;
  const own = new Set((drugDetails(itemText)?.hits ?? []).flatMap((h) => h.entry.ingredients));
  const classes = drugClassesOf(itemText);
  return taken.some((h) => classes.has(h.entry.class) && !h.entry.ingredients.every((i) => own.has(i)));
}

/**
 * The partner's words name this item: by kind (a surgery for "the requested
 * surgical intervention"), or by a word of the item's vocabulary (its own
 * words, the ingredients and class of the drugs it names, its aliases), so
 * "the NSAID" names "Naproxen 550mg".
 */
function namesItem(partner: string, itemText: string): boolean {
  const kinds = kindsOf(partner);
  if (kinds.size > 0) return [...kindsOf(itemText)].some((k) => kinds.has(k));
  const vocabulary = itemVocabulary(itemText);
  return contentWords(partner, lexicon().stop).some((w) => vocabulary.has(stemOf(w)));
}

/** The request this one depends on was found not necessary in the same letter: another upheld item the partner's words name. */
function partnerDenied(partner: string, others: readonly OtherItem[]): boolean {
  return others.some((o) => o.outcome === 'upheld' && namesItem(partner, o.itemText));
}

// ---------------------------------------------------------------------------
// Reading the cues

interface Found {
  code: ReasonCode;
  span: Span;
  generic: boolean;
  cue: string;
}

function wholeWords(text: string, span: Span): Span {
  let { start, end } = span;
  while (start > 0 && /[A-Za-z0-9]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[A-Za-z0-9]/.test(text[end]!)) end++;
  return { start, end };
}

/** The cues whose conditions on the item's request hold: tested once per item, not per clause. */
function cuesFor(itemText: string): Cue[] {
  let classes: Set<string> | null = null;
  return lexicon().cues.filter((cue) => {
    if (cue.itemExclude && test(cue.itemExclude, itemText)) return false;
    if (cue.itemRequire && !test(cue.itemRequire, itemText)) return false;
    if (cue.itemClass) {
      classes ??= drugClassesOf(itemText);
      if (![...classes].some((k) => cue.itemClass!.has(k))) return false;
    }
    return true;
  });
}

/** The cues found in one clause (`cues`: those the clause's sentence may hold), with the specific-over-generic and suppression rules applied. */
function readClause(text: string, sentence: Span, clause: Span, itemText: string, others: readonly OtherItem[], cues: readonly Cue[], present: Uint8Array): Found[] {
  const c = lexicon();
  const body = text.slice(clause.start, clause.end);
  const sentenceText = text.slice(sentence.start, sentence.end);
  // The absence triggers, read once the first cue that needs them can match: a clause without a trigger cannot state an absence (those cues' patterns are not run).
  let triggers: ClauseTriggers | null = null;
  const triggersHere = () => (triggers ??= triggersOf(body, present));
  const out: Found[] = [];
  for (const cue of cues) {
    if (!possible(cue.literals, present)) continue;
    if (cue.assertion === 'absent' || cue.assertion === 'undocumented') {
      const t = triggersHere();
      if (t.pre.length === 0 && t.post.length === 0) continue;
    }
    const re = cue.narrow.in(body, present);
    if (re === null) continue;
    re.lastIndex = 0;
    // The exclusions are tested only once the cue has a match (most cues have none in a clause).
    let checked = false;
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (!checked) {
        if ((cue.exclude && test(cue.exclude, body)) || (cue.excludeSentence && test(cue.excludeSentence, sentenceText))) break;
        checked = true;
      }
      const start = m.index;
      const end = m.index + m[0].length;
      // "if there is no improvement": a condition, not a finding.
      if (mayMatch(c.hypothetical, present) && hits(c.hypothetical.re, body.slice(0, start)).length > 0) continue;
      let span: Span = { start: clause.start + start, end: clause.start + end };
      if (cue.assertion !== 'any') {
        const absence = absenceOf(body, triggersHere(), start, end, cue.spec.own_negation === true);
        if (cue.assertion === 'absent' && !absence) continue;
        if (cue.assertion === 'undocumented' && !(absence && test(c.documentary, body.slice(absence.start, absence.start < start ? start : absence.end)))) continue;
        if (cue.assertion === 'present' && absence) continue;
        if (absence) span = { start: clause.start + Math.min(start, absence.start), end: clause.start + Math.max(end, absence.end) };
      }
      let code = cue.spec.code;
      if (cue.spec.condition === 'subject_in_item') {
        // The subject is the words before the match, or the object the pattern names ("do not recommend <subject>").
        const named = m.groups?.['subject'];
        const ok = named !== undefined ? namesSubject(named, itemText) : subjectInItem(sentenceText, clause.start - sentence.start + start, itemText);
        if (!ok) continue;
      } else if (cue.spec.condition === 'same_kind_as_item') {
        if (!sameKindAsItem(m[0], itemText)) continue;
      } else if (cue.spec.condition === 'same_class_as_item') {
        if (!sameClassAsItem(m.groups?.['drug'] ?? m[0], itemText)) continue;
      } else if (cue.spec.condition === 'denied_partner') {
        const partner = m.groups?.['partner'] ?? m[0];
        // "The request is not necessary, therefore ...": no partner is named.
        if (kindsOf(partner).size === 0 && contentWords(partner, c.stop).length === 0) continue;
        if (!partnerDenied(partner, others)) {
          // The item's own request found not necessary is a conclusion, not a partner.
          if (namesItem(partner, itemText)) continue;
          code = 'other';
        }
      }
      out.push({ code, span: wholeWords(text, span), generic: cue.spec.generic === true, cue: cue.spec.id });
      break; // one hit per cue and clause is enough
    }
  }
  // Specific over generic, then suppression, within the clause.
  const specific = out.filter((f) => !f.generic);
  const kept = specific.length > 0 ? specific : out;
  const suppressed = new Set<ReasonCode>();
  for (const f of kept) for (const s of c.cueById.get(f.cue)?.spec.suppresses ?? []) suppressed.add(s);
  return kept.filter((f) => !suppressed.has(f.code));
}

// ---------------------------------------------------------------------------
// Counts: a number done or asked for over the number the guideline allows

/** A count in digits or words ("12", "twelve", "twenty-four", "22.5"); NaN when it is neither. */
function countValue(word: string): number {
  if (/^\d+(?:\.\d+)?$/.test(word)) return Number(word);
  const { numbers } = lexicon().lexicon.counts;
  return word
    .toLowerCase()
    .split(/[\s-]+/)
    .reduce((sum, w) => sum + (numbers[w] ?? NaN), 0);
}

/** A unit's factor on its measure's scale ("months": 30), by the unit word without its plural; 1 for a measure without units. */
function unitFactor(scale: Readonly<Record<string, number>> | null, unit: string | undefined): number {
  if (!scale) return 1;
  const key = (unit ?? '').toLowerCase().replace(/s$/, '');
  return scale[key] ?? NaN;
}

/** The counts the expressions find in `s` (`present`: the lexicon's literals in it), on the measure's scale. */
function countsIn(guards: readonly Guarded[], s: string, present: Uint8Array, scale: Readonly<Record<string, number>> | null): { n: number; start: number; end: number }[] {
  const out: { n: number; start: number; end: number }[] = [];
  for (const g of guards) {
    if (!mayMatch(g, present)) continue;
    const { re } = g;
    re.lastIndex = 0;
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      const n = countValue(m.groups?.['n'] ?? '') * unitFactor(scale, m.groups?.['u']);
      if (Number.isFinite(n)) out.push({ n, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The guideline's count against the case's, measure by measure: the largest
 * count any sentence (of the measure's limit roles) says the guideline allows
 * ("allows up to 10 visits", "should not exceed 120 mg morphine equivalents",
 * "no more than two levels", "not suggested for longer than 2 weeks"), and the
 * first count that a sentence about the case says was done, asked for or would
 * be reached and that is larger ("24 sessions completed", "the total is 180
 * MED", "three levels are requested", "has been taking it for 6 months"). The
 * numbers are compared, so no wording of "exceeds" is needed.
 */
function countOverLimit(text: string, roled: readonly RoledSentence[], literals: Occurrences): { sentence: Span; span: Span } | null {
  const bodies = roled.map(({ span }) => text.slice(span.start, span.end));
  const present = roled.map(({ span }) => literals.within(span));
  for (const measure of lexicon().counts) {
    const over = measureOverLimit(text, roled, bodies, present, measure);
    if (over) return over;
  }
  return null;
}

function measureOverLimit(text: string, roled: readonly RoledSentence[], bodies: readonly string[], present: readonly Uint8Array[], measure: CompiledMeasure): { sentence: Span; span: Span } | null {
  const { lists, scale, limitRoles } = measure;
  const count = (list: Guarded[], k: number) => (list.length === 0 ? [] : countsIn(list, bodies[k]!, present[k]!, scale));
  // Each sentence's limits, read once: for the guideline's count, and again below for a sentence that states its own.
  const limits: ReturnType<typeof count>[] = [];
  const limitsIn = (k: number) => (limits[k] ??= count(lists.limit, k));
  let limit = -1;
  roled.forEach(({ role }, k) => {
    if (limitRoles && !limitRoles.has(role)) return;
    for (const c of limitsIn(k)) limit = Math.max(limit, c.n);
  });
  if (limit < 0) return null;
  const found = (k: number, c: { start: number; end: number }) => ({ sentence: roled[k]!.span, span: wholeWords(text, { start: roled[k]!.span.start + c.start, end: roled[k]!.span.start + c.end }) });
  let done = 0;
  for (const [k, { role }] of roled.entries()) {
    if (role === 'boilerplate') continue;
    const quantities = role === 'case' || role === 'conclusion' ? count(lists.quantity, k) : [];
    // The count asked for, in a sentence about the case; in any other only beside a limit of its own ("a trial of 3 to 6 visits, and the request for 12 is not supported"): a conclusion that restates the item compares nothing.
    if (role === 'case' || limitsIn(k).length > 0) quantities.push(...count(lists.requested, k));
    const over = quantities.find((c) => c.n > limit);
    if (over) return found(k, over);
    if (role === 'case') for (const c of count(lists.done, k)) done = Math.max(done, c.n);
  }
  // "Six visits were attended; eight more are requested": the counts done and those asked for, together.
  if (done === 0) return null;
  for (const [k, { role }] of roled.entries()) {
    if (role !== 'case') continue;
    const over = count(lists.additional, k).find((c) => done + c.n > limit);
    if (over) return found(k, over);
  }
  return null;
}

// ---------------------------------------------------------------------------
// A condition the guideline rejects the treatment for, found in this patient

const PRONOUN = /^(?:it|they|this|these|such)$/i;

interface Token {
  key: string;
  start: number;
  end: number;
}

/** A word's key in a condition: its Porter stem, cut to seven letters ("radicular" and "radiculopathy" alike; "should" is not "shoulder"). */
const conditionStem = (word: string): string => stem(word.toLowerCase()).slice(0, 7);

/** The words of `s` as keys (`conditionStem`), or `=word` for a wording of one of the `same` lists ("stand-alone treatment": "=isolated"). */
function tokens(s: string): Token[] {
  const { same } = lexicon().exclusions;
  const out: Token[] = [];
  for (const { re, key } of same) for (const h of hits(re, s)) out.push({ key, start: h.start, end: h.end });
  const inSame = (at: number) => out.some((t) => at >= t.start && at < t.end);
  const words: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m !== null; m = WORD.exec(s)) if (!inSame(m.index)) words.push({ key: conditionStem(m[0]), start: m.index, end: m.index + m[0].length });
  return [...out, ...words].sort((a, b) => a.start - b.start);
}

/** A word that modifies a noun by its ending ("cervical", "lumbar", "hepatic", "nervous", "degenerative"). */
const MODIFIER = /(?:al|ar|ic|ous|ive)$/i;

/**
 * A condition as the alternatives its list gives ("the spine, hip or
 * shoulder"), each the keys of its content words; a lone modifier before a
 * last member of more words shares that member's last word ("renal or
 * hepatic impairment": renal impairment, hepatic impairment).
 */
function conditionKeys(cond: string): string[][] {
  const { stop } = lexicon().exclusions;
  const subjectStop = lexicon().stop;
  const parts = cond
    .split(/,|;|\/|\bor\b|\band\b/i)
    .map((part) =>
      tokens(part).flatMap((t) => {
        const word = part.slice(t.start, t.end).toLowerCase();
        return t.key.startsWith('=') || (word.length >= 3 && !stop.has(word) && !subjectStop.has(word)) ? [{ key: t.key, word }] : [];
      }),
    )
    .filter((words) => words.length > 0);
  const last = parts[parts.length - 1];
  const head = parts.length > 1 && last!.length > 1 ? last!.at(-1)!.key : null;
  return parts.map((words, k) => {
    const keys = words.map((w) => w.key);
    return [...new Set(head !== null && k < parts.length - 1 && words.length === 1 && MODIFIER.test(words[0]!.word) ? [...keys, head] : keys)];
  });
}

/** A rejection's subject is the item: a pronoun ("it is not recommended for ..."), or a noun phrase (its last three words, after any "the ODG holds that") with a word of the item's. */
function rejectsItem(subject: string, itemText: string): boolean {
  if (PRONOUN.test(subject)) return true;
  return namesItem(subject.split(/\s+/).slice(-3).join(' '), itemText);
}

/** The conditions the rationale's sentences reject the requested treatment for, by the sentence that states each. */
function rejectedConditions(text: string, roled: readonly RoledSentence[], literals: Occurrences, itemText: string): { sentence: Span; keys: string[][]; surgery: boolean }[] {
  const ex = lexicon().exclusions;
  const out: { sentence: Span; keys: string[][]; surgery: boolean }[] = [];
  for (const { span, role } of roled) {
    const present = literals.within(span);
    const body = text.slice(span.start, span.end);
    // A rejection is the guideline's; a contraindication may be stated of the case too.
    const lists = [...(role === 'guideline' ? ex.rejections.map((g) => [g, true] as const) : []), ...ex.contraindications.map((g) => [g, false] as const)];
    for (const [g, ofItem] of lists) {
      if (!mayMatch(g, present)) continue;
      const re = g.narrow.in(body, present);
      if (re === null) continue;
      re.lastIndex = 0;
      for (let m = re.exec(body); m !== null; m = re.exec(body)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const cond = m.groups?.['cond'];
        // The condition's words and the rest of their clause ("... unless a neuropathy is suspected").
        if (cond === undefined || test(ex.skip, m[0] + body.slice(m.index + m[0].length).split(/[,;.:]/)[0])) continue;
        // The treatment rejected is the item's: a pronoun ("it is not recommended for ..."), or the item's words; a contraindication's sentence names the item, or its use ("for their use in the hip").
        const ours = ofItem ? rejectsItem(m.groups?.['subject'] ?? subjectBefore(body, m.index), itemText) : /\b(?:its|their)\b/i.test(m[0]) || namesItem(body, itemText);
        if (!ours) continue;
        const keys = conditionKeys(cond);
        if (keys.length > 0) out.push({ sentence: span, keys, surgery: kindsOf(cond).has('surgery') });
      }
    }
  }
  return out;
}

/**
 * The first case or conclusion sentence that states, of this patient, a
 * condition another sentence says the guideline rejects the treatment for:
 * every content word of one of the condition's alternatives within the
 * window, not under an absence trigger ("there is no radiculopathy" states
 * the opposite) nor a condition ("if radiculopathy is present").
 */
function exclusionApplied(text: string, roled: readonly RoledSentence[], literals: Occurrences, itemText: string, otherItems: readonly OtherItem[]): { sentence: Span; span: Span } | null {
  const rejected = rejectedConditions(text, roled, literals, itemText);
  if (rejected.length === 0) return null;
  const c = lexicon();
  for (const { span, role } of roled) {
    if (role !== 'case' && role !== 'conclusion') continue;
    const conditions = rejected.filter((r) => r.sentence !== span).flatMap((r) => r.keys);
    if (conditions.length === 0) continue;
    for (const clause of clauses(text, span)) {
      const body = text.slice(clause.start, clause.end);
      const words = tokens(body);
      for (const keys of conditions) {
        const found = windowOf(words, keys, c.exclusions.window);
        if (!found) continue;
        const present = literals.within(clause);
        if (test(c.exclusions.caseSkip, body)) continue;
        if (mayMatch(c.hypothetical, present) && hits(c.hypothetical.re, body.slice(0, found.start)).length > 0) continue;
        if (absenceOf(body, triggersOf(body, present), found.start, found.end, false)) continue;
        return { sentence: span, span: wholeWords(text, { start: clause.start + found.start, end: clause.start + found.end }) };
      }
    }
  }
  // The request may name the condition itself ("... for lateral epicondylitis"), and another request of the letter an operation the item goes with ("arthroscopy with partial meniscectomy"), not a diagnosis: the rejection's sentence is the span.
  const own = tokens(itemText);
  const partners = otherItems.map((o) => tokens(o.itemText));
  for (const r of rejected) {
    for (const keys of r.keys) {
      const named = windowOf(own, keys, c.exclusions.window) !== null || (r.surgery && partners.some((words) => windowOf(words, keys, c.exclusions.window)));
      if (named) return { sentence: r.sentence, span: wholeWords(text, trimmed(text, r.sentence)) };
    }
  }
  return null;
}

/** The first run of at most `window` words that holds every key. */
function windowOf(words: readonly Token[], keys: readonly string[], window: number): { start: number; end: number } | null {
  for (let i = 0; i < words.length; i++) {
    if (!keys.includes(words[i]!.key)) continue;
    const seen = new Set<string>();
    for (let j = i; j < words.length && j < i + window; j++) {
      if (keys.includes(words[j]!.key)) seen.add(words[j]!.key);
      if (seen.size === keys.length) return { start: words[i]!.start, end: words[j]!.end };
    }
  }
  return null;
}

/** What each cue found, clause by clause (for the evaluation and tests). */
export interface Trace {
  sentence: Span;
  role: SentenceRole;
  found: { code: ReasonCode; cue: string; span: Span }[];
}

/**
 * The suppressions a cue carries across its sentence (`suppresses_across`):
 * "far more than the stay requires, and no reason for the number is given"
 * asks for the overrun's justification (R2), which the overrun's cue
 * suppresses in the next clause too; a missing body part stays a ground.
 */
function withinSentence(text: string, found: Found[]): Found[] {
  const { cueById } = lexicon();
  const across = found.flatMap((f) => {
    const cue = cueById.get(f.cue);
    return cue?.suppressesAcross ? [{ re: cue.suppressesAcross, codes: cue.spec.suppresses ?? [] }] : [];
  });
  if (across.length === 0) return found;
  // The words a finding starts, to the end of its clause ("no reason for" ... "the quantity").
  const words = (f: Found) => text.slice(f.span.start, Math.max(f.span.end, f.span.start + 80)).split(/[.;,]/)[0]!;
  return found.filter((f) => !across.some((a) => a.codes.includes(f.code) && test(a.re, words(f))));
}

/** A rationale read sentence by sentence: what each clause's cues found, the counts' verdict, and a rejected condition found in the case. */
function readRationale(
  text: string,
  rationale: Span,
  itemText: string,
  otherItems: readonly OtherItem[],
): { sentences: (RoledSentence & { found: Found[] })[]; over: { sentence: Span; span: Span } | null; excluded: { sentence: Span; span: Span } | null } {
  const cues = cuesFor(itemText);
  const byRole = new Map<SentenceRole, Cue[]>();
  const cuesOf = (role: SentenceRole): Cue[] => byRole.get(role) ?? byRole.set(role, cues.filter((cue) => cue.roles.has(role))).get(role)!;
  const literals = literalsOf(text, rationale);
  const roled = roledSentences(text, rationale, literals);
  const sentences = roled.map(({ span, role }) => {
    // The cues of the sentence's role that its literals allow: a clause holds no literal its sentence does not, so no other cue can match in its clauses.
    const present = literals.within(span);
    const live = cuesOf(role).filter((cue) => possible(cue.literals, present));
    return { span, role, found: live.length === 0 ? [] : withinSentence(text, clauses(text, span).flatMap((clause) => readClause(text, span, clause, itemText, otherItems, live, literals.within(clause)))) };
  });
  return { sentences, over: countOverLimit(text, roled, literals), excluded: exclusionApplied(text, roled, literals, itemText, otherItems) };
}

export function traceReasons(text: string, rationale: Span, itemText: string, otherItems: readonly OtherItem[] = []): Trace[] {
  const { sentences, over, excluded } = readRationale(text, rationale, itemText, otherItems);
  const { lexicon: lex, exclusions } = lexicon();
  return sentences.map(({ span, role, found }) => ({
    sentence: span,
    role,
    found: [
      ...found.map((f) => ({ code: f.code, cue: f.cue, span: f.span })),
      ...(over?.sentence === span ? [{ code: lex.counts.code, cue: 'counts', span: over.span }] : []),
      ...(excluded?.sentence === span ? [{ code: exclusions.code, cue: 'exclusions', span: excluded.span }] : []),
    ],
  }));
}

const allowed = (code: ReasonCode, outcome: ItemOutcome): boolean => outcome === null || REASON_SIDE[code] === 'either' || REASON_SIDE[code] === outcome;

/**
 * The reasons of one item: `rationale` is the span of its rationale in `text`;
 * `outcome` the item's outcome (null if unread); `otherItems` the other items
 * of the letter (their item text and outcome) for depends_on_denied_request.
 * Codes come in the contract's order, each once, with the span of its first
 * specific cue (a generic one where it has no other).
 */
export function extractReasons(
  text: string,
  rationale: Span,
  outcome: ItemOutcome,
  itemText: string,
  otherItems: readonly { itemText: string; outcome: ItemOutcome }[],
): Reason[] {
  if (rationale.end <= rationale.start || !/\S/.test(text.slice(rationale.start, rationale.end))) return [];
  const c = lexicon();
  const best = new Map<ReasonCode, { span: Span; generic: boolean }>();
  const { sentences, over, excluded } = readRationale(text, rationale, itemText, otherItems);
  let soleGround = false;
  // In an overturned item, a ground against the request that its sentence accepts is the one the reviewer accepted.
  const accepted = (code: ReasonCode, sentence: Span): ReasonCode => {
    if (outcome !== 'overturned') return code;
    const rule = c.overturnedAs.find((r) => r.from === code && test(r.sentence, text.slice(sentence.start, sentence.end)));
    return rule?.to ?? code;
  };
  for (const f of sentences.flatMap((sentence) => sentence.found.map((found) => ({ ...found, code: accepted(found.code, sentence.span) })))) {
    if (!allowed(f.code, outcome)) continue;
    soleGround ||= c.cueById.get(f.cue)?.spec.sole_ground === true;
    const known = best.get(f.code);
    if (!known || (known.generic && !f.generic)) best.set(f.code, { span: f.span, generic: f.generic });
  }
  const overCode = over ? accepted(c.lexicon.counts.code, over.sentence) : c.lexicon.counts.code;
  if (over && allowed(overCode, outcome) && !best.has(overCode)) best.set(overCode, { span: over.span, generic: false });
  if (excluded && allowed(c.exclusions.code, outcome) && !best.has(c.exclusions.code)) best.set(c.exclusions.code, { span: excluded.span, generic: false });
  const fallback = outcome === null ? null : c.lexicon.fallback[outcome];
  // R19: an overturned continuation with a benefit gets the criteria too where a case sentence states the need that remains (a flare, symptoms that persist).
  const stillNeeded = () => sentences.some((s) => (s.role === 'case' || s.role === 'conclusion') && test(c.remainingNeed, text.slice(s.span.start, s.span.end)));
  if (fallback && (best.size === 0 || (outcome === 'overturned' && !soleGround && !best.has('criteria_met') && (!best.has('functional_benefit_documented') || stillNeeded())))) {
    // No ground was read: the conclusion stands for the outcome's usual one
    // (an overturned item's findings meet the criteria unless only a benefit, or a ground that decides alone, is named).
    const sents = rationaleSentences(text, rationale);
    const last = sents[sents.length - 1] ?? rationale;
    best.set(fallback, { span: wholeWords(text, trimmed(text, last)), generic: true });
  }
  return REASON_CODES.filter((code) => best.has(code)).map((code) => ({ code, span: best.get(code)!.span }));
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
