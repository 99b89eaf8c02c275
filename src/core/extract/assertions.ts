/**
 * Assertion status of clinical mentions, in the manner of ConText (Harkema et
 * al. 2009): trigger terms (lexicons/context.json) mark what follows them in
 * the sentence, up to a terminator or a window of words, as negated,
 * hypothetical or historical; post-triggers mark what precedes them; pseudo-
 * triggers ("not medically necessary", "no improvement") are not triggers.
 */
import { loadLexicon } from '../lexicon.js';
import { sentences } from '../sentences.js';
import { TermMatcher } from '../terms.js';
import type { Span } from '../types.js';

export type AssertionStatus = 'negated' | 'hypothetical' | 'historical' | 'affirmed';

interface TriggerSet {
  pre: string[];
  post: string[];
  pseudo: string[];
}
interface ContextLexicon {
  window: number;
  negated: TriggerSet;
  historical: TriggerSet;
  hypothetical: TriggerSet;
  terminators: string[];
}

const lexicon = loadLexicon<ContextLexicon>('context.json');

type Kind = 'negated' | 'historical' | 'hypothetical';
type TriggerKey = `${Kind}:${'pre' | 'post' | 'pseudo'}` | 'terminator';

const KINDS: readonly Kind[] = ['negated', 'hypothetical', 'historical'];

const TRIGGERS = new TermMatcher<TriggerKey>([
  ...KINDS.flatMap((k) => (['pre', 'post', 'pseudo'] as const).map((d) => [`${k}:${d}` as TriggerKey, lexicon[k][d]] as const)),
  ['terminator', lexicon.terminators],
]);

/** How far (in words) each kind of trigger reaches: negation is local; a history or plan covers its list. */
const WINDOW: Record<Kind, number> = { negated: lexicon.window, hypothetical: 40, historical: 60 };

interface Trigger {
  key: TriggerKey;
  start: number;
  end: number;
}

/**
 * The last text's triggers by sentence span (sentences() gives the same span
 * objects for a letter's summary): assertStatuses and negatedPhrases both
 * read every sentence's triggers.
 */
let triggersText = '';
let triggersOf = new Map<Span, Trigger[]>();

/** The triggers of one sentence, pseudo-triggers removed along with the triggers they contain. */
function triggersIn(text: string, sentence: Span): Trigger[] {
  if (text !== triggersText) {
    triggersText = text;
    triggersOf = new Map();
  }
  const known = triggersOf.get(sentence);
  if (known) return known;
  const hits = TRIGGERS.scan(text, sentence).map((h) => ({ key: h.key, start: h.index, end: h.index + h.length }));
  const pseudo = hits.filter((h) => h.key.endsWith(':pseudo'));
  const triggers = hits.filter((h) => !h.key.endsWith(':pseudo') && !pseudo.some((p) => h.start >= p.start && h.end <= p.end));
  triggersOf.set(sentence, triggers);
  return triggers;
}

function wordsBetween(text: string, from: number, to: number): number {
  const gap = text.slice(from, to).trim();
  return gap ? gap.split(/\s+/).length : 0;
}

/**
 * What a sentence's triggers say about a mention: a negation in reach wins,
 * then a hypothetical one (a plan or request), then a historical one.
 */
function statusIn(text: string, triggers: Trigger[], mention: Span): AssertionStatus {
  const terminators = triggers.filter((t) => t.key === 'terminator');
  const blocked = (from: number, to: number) => terminators.some((t) => t.start >= from && t.end <= to);
  /** Distance in words from the trigger to the mention, or null when out of reach. */
  const reach = (t: Trigger, kind: Kind): number | null => {
    if (t.key === `${kind}:pre`) {
      if (t.start === mention.start) return 0; // "prior surgery": the trigger opens the mention
      if (t.end > mention.start) return null;
      const d = wordsBetween(text, t.end, mention.start);
      return d <= WINDOW[kind] && !blocked(t.end, mention.start) ? d : null;
    }
    if (t.key === `${kind}:post` && t.start >= mention.end) {
      const d = wordsBetween(text, mention.end, t.start);
      return d <= 4 && !blocked(mention.end, t.start) ? d : null;
    }
    return null;
  };
  for (const kind of KINDS) if (triggers.some((t) => reach(t, kind) !== null)) return kind;
  return 'affirmed';
}

/** Assertion status for each mention span of `text` (spans in text offsets, inside `region`). */
export function assertStatuses(text: string, region: Span, mentions: readonly Span[]): AssertionStatus[] {
  const sents = sentences(text, region);
  const cache = new Map<number, Trigger[]>();
  return mentions.map((m) => {
    const index = sents.findIndex((s) => m.start >= s.start && m.start < s.end);
    if (index === -1) return 'affirmed';
    let triggers = cache.get(index);
    if (!triggers) {
      triggers = triggersIn(text, sents[index]!);
      cache.set(index, triggers);
    }
    return statusIn(text, triggers, m);
  });
}

export interface NegatedPhrase {
  value: string;
  span: Span;
}

/**
 * Phrases a sentence states as absent: the words after a negation trigger up
 * to a preposition, conjunction or punctuation (at most four), or before a
 * post-trigger ("Neer's test was negative").
 */
export function negatedPhrases(text: string, region: Span): NegatedPhrase[] {
  const out: NegatedPhrase[] = [];
  for (const sentence of sentences(text, region)) {
    const triggers = triggersIn(text, sentence);
    for (const t of triggers) {
      if (t.key === 'negated:pre') {
        const rest = text.slice(t.end, sentence.end);
        const m = /^\s+((?:(?!(?:of|in|on|at|to|with|for|from|and|or|but|was|were|is|are|as|the|a|an|any|by|noted|seen|found|reported|documented|present)\b)[A-Za-z][\w'/-]*\s*){1,4})/i.exec(rest);
        if (!m) continue;
        const phrase = m[1]!.trim();
        if (/^(?:longer|significant|further|other|more|new|change|acute|evidence|signs?|history|documentation|objective|clear|recent)$/i.test(phrase)) continue;
        const start = t.end + m[0].indexOf(m[1]!);
        out.push({ value: phrase.replace(/\s+/g, ' ').toLowerCase(), span: { start, end: start + phrase.length } });
      } else if (t.key === 'negated:post') {
        // The subject just before the trigger: its last few words, from the clause start.
        const before = text.slice(sentence.start, t.start).trimEnd();
        const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
        const words = [...before.slice(clauseStart).matchAll(/\S+/g)].slice(-4);
        while (words.length > 0 && /^(?:the|a|an|and|his|her|their|with|of)$/i.test(words[0]![0])) words.shift();
        if (words.length === 0 || !/^[A-Za-z]/.test(words[0]![0])) continue;
        const start = sentence.start + clauseStart + words[0]!.index!;
        const last = words[words.length - 1]!;
        const end = sentence.start + clauseStart + last.index! + last[0].length;
        out.push({ value: text.slice(start, end).replace(/\s+/g, ' ').toLowerCase(), span: { start, end } });
      }
    }
  }
  return out;
}
