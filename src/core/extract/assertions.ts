/**
 * Assertion status of clinical mentions, in the manner of ConText (Harkema et
 * al. 2009): trigger terms (lexicons/context.json) mark what follows them in
 * the sentence, up to a terminator, a clause mark or a window of words, as
 * negated, hypothetical (requested, planned, referred, authorised) or
 * historical (received); post-triggers mark what precedes them;
 * pseudo-triggers ("not medically necessary", "no improvement", "denied the
 * request") are not triggers. An `ongoing` trigger ("continue", "refill",
 * "discontinue") says the treatment after it was already being received,
 * whatever plan the sentence states.
 *
 * negatedPhrases reads what a sentence states as absent: each negation
 * trigger's scope (past the verb and adverbs that follow the trigger, up to a
 * verb, a relative or purpose clause, or a finding said to be present),
 * split into its conjuncts ("denies A, B or C of the legs" gives A, B and C;
 * a conjunction inside a term such as "bowel or bladder" does not split; the
 * list ends at an item said to be present or one that names nothing; after
 * "without" a list goes on only when "or" joins it),
 * each trimmed to its core (articles, hedges such as "evidence of", a
 * trailing place, time or examination, a clause opened by a participle or
 * "to" dropped) and kept only when the words
 * before its first preposition name a clinical target
 * (lexicons/clinical-targets.json: findings, symptoms, signs, tests,
 * treatments; compared by Porter stem, so word variants match). An
 * administrative absence ("no studies were submitted"), a judgement of a
 * request ("no indication for an MRI"), a negation about a relative (ConText's
 * experiencer: "denies a family history of ...", "her mother has no ...") or a
 * guideline ("the MTUS does not address ..."), a clinician's or a review's
 * decision about care ("the physician declined to prescribe ...", "did not
 * order an MRI"), and a substance a test was negative for ("urine toxicology
 * negative for opiates") state nothing absent.
 */
import { escapeRegExp, loadLexicon } from '../lexicon.js';
import { stem } from '../nlp.js';
import { sentences } from '../sentences.js';
import { TermMatcher } from '../terms.js';
import type { Span } from '../types.js';
import { BODY_REGION_WORDS, PRIOR_TREATMENT_WORDS } from '../vocabulary.js';
import { findDrugs } from './drugs.js';

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
  ongoing: { pre: string[] };
  terminators: string[];
  negation_terminators: string[];
  to_verbs: string[];
  administrative: string[];
  scope_adverbs: string[];
  scope_verbs: string[];
  base_verbs: string[];
  states: string[];
  present_modifiers: string[];
  present_findings: string[];
  inability: string[];
  /** In the main clause after a sentence-opening "Without X": an outcome the care would prevent, so the care is not stated absent. */
  conditional_outcomes: string[];
  other_subjects: string[];
  /** ConText's experiencer: terms that make what follows them (pre) or precedes them (post) in a negation's scope someone else's. */
  experiencer: TriggerSet;
  /** Clinicians and reviewers: a negation whose subject is one of them is a decision about care. */
  actors: string[];
  decision_verbs: string[];
  care_verbs: string[];
  /** A negated verb of finishing (`verbs`) with a course of care (`objects`) as its object: the care was begun. */
  partial_care: { verbs: string[]; objects: string[] };
  /** After "is not a", a class of care the subject is said not to be. */
  care_classes: string[];
  /** After "but": a clause that takes back the care named before it ("... was prescribed, but she never filled it"). */
  withdrawn: string[];
}

const lexicon = loadLexicon<ContextLexicon>('context.json');

/** The clause after "but" that takes back the care before it ("it", "them", "every visit"): a space in the lexicon is white space, " ?" none or some. */
const WITHDRAWN = new RegExp(String.raw`^\s+(?:${lexicon.withdrawn.map((p) => p.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|')})`, 'i');

type Kind = 'negated' | 'historical' | 'hypothetical';
type TriggerKey = `${Kind}:${'pre' | 'post'}` | 'ongoing:pre' | 'terminator' | 'pseudo';

const KINDS: readonly Kind[] = ['negated', 'hypothetical', 'historical'];

const TRIGGERS = new TermMatcher<TriggerKey>([
  ...KINDS.flatMap((k) => (['pre', 'post'] as const).map((d) => [`${k}:${d}` as TriggerKey, lexicon[k][d]] as const)),
  ['ongoing:pre', lexicon.ongoing.pre],
  ['terminator', lexicon.terminators],
]);
/** Pseudo-triggers on their own: one that overlaps a trigger ("was not" in "was not medically necessary") cancels it. */
const PSEUDO = new TermMatcher<Kind>(KINDS.map((k) => [k, lexicon[k].pseudo] as const));

/** How far (in words) each kind of trigger reaches: negation is local; a history or plan covers its list; `ongoing` the treatment just after it. */
const WINDOW: Record<Kind | 'ongoing', number> = { negated: lexicon.window, hypothetical: 40, historical: 60, ongoing: 3 };

export interface Trigger {
  key: TriggerKey;
  start: number;
  end: number;
}

/** Marks that end a clause: no trigger reaches across them. */
const CLAUSE_MARK = /[;:()"“”[\]—–]/;
const CLAUSE_MARKS = new RegExp(CLAUSE_MARK.source, 'g');

/** Spans of quoted first-person text in a sentence (a patient's words, a test's answers): their triggers are not the summary's. */
function quoted(text: string, s: Span): Span[] {
  const out: Span[] = [];
  const re = /["“]([^"“”]*)["”]/g;
  const sentence = text.slice(s.start, s.end);
  for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
    // A patient's own words (a test's answers: "I have no ...") are not the record's findings; a quoted note is.
    if (/\b(?:I|my|me|I'm|I've)\b/.test(m[1]!)) out.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
  }
  return out;
}

/** Denial verbs: in a sentence about the review ("utilization review denied the MRI") they are the review's action, not the patient's denial. */
const DENIAL_VERB = /^(?:denied|denies|deny|denying)$/i;
/** Refusal verbs, which a review may be the subject of ("the carrier refused the request"). */
const REFUSAL_VERB = /^(?:declined|declines|refused|refuses|denied|denies)$/i;
/** A pattern for any term of a list, spaces free. */
const anyOf = (terms: readonly string[]): string => terms.map((t) => escapeRegExp(t).replace(/ /g, '\\s+')).join('|');
/** Auxiliaries, adverbs and verbs of deciding between a subject and its negation ("has (since) not", "did not", "chose not to"). */
const SUBJECT_TO_TRIGGER = `(?:\\s*,?\\s+who)?\\s+(?:(?:has|have|had|did|does|do|would|will|could|can|then|also|again|since|yet|${anyOf(lexicon.decision_verbs)}|[a-z]+ly)\\s+)*$`;
/** A clinician or a review as the subject just before a negation ("the treating physician did not", "utilization review (had) declined", "Dr. Lee chose not"). */
const ACTOR_SUBJECT = new RegExp(`\\b(?:${anyOf(lexicon.actors)})${SUBJECT_TO_TRIGGER}`, 'i');
const DOCTOR_SUBJECT = new RegExp(`\\bDr\\.?\\s+[A-Z][A-Za-z'’-]+${SUBJECT_TO_TRIGGER}`);
/** A clinician or a review as the agent after a passive refusal ("surgery was declined by the surgeon"). */
const ACTOR_AGENT = new RegExp(`^\\s+by\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${anyOf(lexicon.actors)}|Dr\\b)`, 'i');
const DECISION_VERB = new RegExp(`\\b(?:${anyOf(lexicon.decision_verbs)})\\s+$`, 'i');
/** Verbs of giving care ("order", "prescribe", "refer"), by stem. */
const CARE_VERB_STEMS = new Set(lexicon.care_verbs.map(stem));
/** An auxiliary, and perhaps an adverb, just before a denial verb: the passive "was (previously) denied". */
const PASSIVE = /\b(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$/i;
const ABOUT_REVIEW = /\butili[sz]ation\s+review\b|\bUR\b|\bclaims\s+administrator\b|\bcarrier\b|\binsurer\b|\badjuster\b|\b(?:prior|previous|original)\s+(?:review|determination|decision)\b|\bcertif/i;

/**
 * The last text's triggers by sentence span (sentences() gives the same
 * span objects for a letter's summary): assertStatuses and negatedPhrases
 * both read every sentence's triggers.
 */
let triggersText = '';
let triggersOf = new Map<Span, Trigger[]>();

/** The triggers of one sentence: pseudo-triggers and quoted text removed, a bare "negative" read as a pre- or a post-trigger by what follows it. */
export function triggersIn(text: string, sentence: Span): Trigger[] {
  if (text !== triggersText) {
    triggersText = text;
    triggersOf = new Map();
  }
  const known = triggersOf.get(sentence);
  if (known) return known;
  const hits = TRIGGERS.scan(text, sentence);
  const pseudo = hits.length ? PSEUDO.scan(text, sentence) : [];
  const quotes = hits.length && /["“]/.test(text.slice(sentence.start, sentence.end)) ? quoted(text, sentence) : [];
  const review = hits.some((h) => DENIAL_VERB.test(h.term)) && ABOUT_REVIEW.test(text.slice(sentence.start, sentence.end));
  const triggers: Trigger[] = [];
  // One trigger per place: a bare word that is both a pre- and a post-trigger ("negative") is settled below.
  let last: Trigger | null = null;
  for (const h of hits) {
    const start = h.index;
    const end = h.index + h.length;
    // A pseudo-trigger cancels the triggers of its own kind that it overlaps ("denied a request" is no denial, but the request is still one).
    if (pseudo.some((p) => p.index < end && start < p.index + p.length && (h.key.startsWith(p.key) || (p.key === 'historical' && h.key === 'ongoing:pre')))) continue;
    if (quotes.some((q) => start >= q.start && end <= q.end)) continue;
    // "was (previously) denied physical therapy": a passive denial is someone else's decision, not the patient's.
    if (DENIAL_VERB.test(h.term) && (review || (/^denied$/i.test(h.term) && PASSIVE.test(text.slice(Math.max(sentence.start, start - 30), start))))) continue;
    if (/^without$/i.test(h.term)) {
      if (comparative(text, sentence, start, end)) continue;
      // "Without injections, her symptoms would progress": the care is a condition, not care stated absent.
      if (conditional(text, sentence, start, end)) {
        last = { key: 'hypothetical:pre', start, end };
        triggers.push(last);
        continue;
      }
    }
    // "No." before a number is an abbreviation ("Tylenol No. 3").
    if (/^no$/i.test(h.term) && /^\.?\s*#?\d/.test(text.slice(end, end + 4))) continue;
    if (last && last.start === start && h.key === 'negated:post' && last.key === 'negated:pre') {
      // "negative Neer's test" (pre) or "Tinel's negative at the elbow" (post): a clinical word after it makes it a pre-trigger.
      // "Vomiting denied." (post) against "He denied that the pain radiated" (pre): after its subject, "denied" is a post-trigger only where its clause ends.
      if (!opensScope(text, end, sentence.end) && (!/^denied$/i.test(h.term) || /^\s*(?:[,;.)]|$)/.test(text.slice(end, sentence.end)))) last.key = 'negated:post';
      continue;
    }
    // Other words that are triggers of two keys ("referral": a plan before what it names or after it) keep both; the same key twice, one.
    if (last && last.start === start && last.key === h.key) continue;
    // "X-rays were negative for fracture": what follows "for" is what is absent, not the test before it.
    // "There was negative straight leg raising": a clinical word after "was negative" is what is absent.
    const key: TriggerKey = h.key === 'negated:post' && /negative$/i.test(h.term) && (/^\s+for\b/i.test(text.slice(end, end + 5)) || (/\s/.test(h.term) && opensScope(text, end, sentence.end, true))) ? 'negated:pre' : h.key;
    last = { key, start, end };
    triggers.push(last);
  }
  triggersOf.set(sentence, triggers);
  return triggers;
}

/** Whose negation it is: a clause about a guideline ("the MTUS does not address ...") says nothing of the patient. */
const OTHER_SUBJECT = new RegExp(`\\b(?:${anyOf(lexicon.other_subjects)})\\b`, 'i');
/** A relative as the subject of the negated verb ("her mother (also) has no", "family history is negative for"), the verb's words naming no one else ("her husband reports she has no ..."); or as a label before a colon ("Family history: negative for ..."). */
const RELATIVE_SUBJECT = new RegExp(`\\b(?:${anyOf(lexicon.experiencer.pre)})((?:\\s+[\\w'’-]+){0,4})\\s*$`, 'i');
const RELATIVE_LABEL = new RegExp(`\\b(?:${anyOf(lexicon.experiencer.pre)})\\s*:[^,;:()]*$`, 'i');
const PATIENT_WORD = /\b(?:he|she|they|patient|applicant|worker|employee|claimant)\b/i;
/** Experiencer terms inside a negation's scope: before what they speak of ("denies a family history of ..."), after it ("no history of cancer in the family"), or neither ("personal or family history"). */
const EXPERIENCER = new TermMatcher<'pre' | 'post' | 'pseudo'>([
  ['pre', lexicon.experiencer.pre],
  ['post', lexicon.experiencer.post],
  ['pseudo', lexicon.experiencer.pseudo],
]);
/** Where a clause starts, for the subject of a negation: a clause mark, a comma, or a word that opens a clause. */
const CLAUSE_OPENER = /[,;:()]|\b(?:as|that|because|since|and|but|while|when|where|which|who|if)\b/gi;

/**
 * How far before a trigger its clause's subject, a rating or an inability is
 * looked for: a clause is shorter, and a bound keeps a sentence of many
 * triggers (adversarial input) linear.
 */
const LOOK_BACK = 200;

/** The sentence's text before `at`, at most LOOK_BACK characters of it. */
const textBefore = (text: string, sentence: Span, at: number): string => text.slice(Math.max(sentence.start, at - LOOK_BACK), at);

/**
 * Whether the clause before trigger `t` has a subject other than the patient,
 * or is a clinician's or a review's decision about care: one who declines or
 * refuses ("utilization review declined the MRI", "the physician declined to
 * prescribe opioids"), decides not to ("chose not to order"), or does not
 * give care ("did not order an MRI"; but "did not find swelling" is a finding).
 */
function aboutOther(text: string, sentence: Span, t: Trigger): boolean {
  const before = textBefore(text, sentence, t.start);
  const near = before.slice(-80);
  if (ACTOR_SUBJECT.test(near) || DOCTOR_SUBJECT.test(near)) {
    if (REFUSAL_VERB.test(text.slice(t.start, t.end)) || DECISION_VERB.test(near)) return true;
    const next = /^(?:\s+(?:to|yet|ever|previously|since|also))*\s+([a-z]+)/i.exec(text.slice(t.end, sentence.end))?.[1];
    if (next !== undefined && CARE_VERB_STEMS.has(stem(next.toLowerCase()))) return true;
  }
  const clause = before.split(CLAUSE_OPENER).pop() ?? before;
  if (OTHER_SUBJECT.test(clause) || RELATIVE_LABEL.test(before)) return true;
  // "She can lift her daughter without pain": a "without" speaks of the clause's subject, not of the relative before it.
  const between = RELATIVE_SUBJECT.exec(clause)?.[1];
  return between !== undefined && !PATIENT_WORD.test(between) && !/^without$/i.test(text.slice(t.start, t.end));
}

/** A negation's scope up to an experiencer term in it: what follows "family history" is a relative's; a scope with a post-term ("... in the family", "... in her mother") is none of the patient's. */
function ownScope(text: string, scope: Word[]): Word[] {
  if (scope.length === 0) return scope;
  // The longest term wins at each word, so a pseudo-term hides the term inside it ("personal or family history").
  const hit = EXPERIENCER.scan(text, { start: scope[0]!.start, end: scope[scope.length - 1]!.end }).find((h) => h.key !== 'pseudo');
  if (!hit) return scope;
  // A relative after "in" ("no history of diabetes in either parent") speaks of what precedes it, as a post-term does.
  const after = hit.key === 'post' || /\b(?:in|among)\s+(?:(?:the|his|her|their|either|any|a|both|of)\s+)*$/i.test(text.slice(scope[0]!.start, hit.index));
  return after ? [] : scope.filter((w) => w.end <= hit.index);
}

/** An inability a few words before ("unable to sleep without"): what follows "without" is needed, so received. */
const INABILITY = new RegExp(`\\b(?:${anyOf(lexicon.inability)})\\b(?:\\s+[\\w'-]+){0,4}\\s*$`, 'i');

/** The main clause after a sentence-opening "Without X": an outcome that would follow, or an inability ("Without injections, her pain would worsen", "Without it she cannot work"). */
const CONDITIONAL_CLAUSE = new RegExp(`^[^,;:.]{1,80}?(?:,\\s*|\\s+)(?:[\\w'-]+\\s+){0,6}?(?:${anyOf([...lexicon.conditional_outcomes, ...lexicon.inability])})\\b`, 'i');

/** The word a "without" that ends at `end` speaks of, past articles and "use of" ("without the use of his brace": "brace"). */
const objectAfter = (text: string, end: number, sentenceEnd: number): string | undefined =>
  /^\s+(?:(?:the|a|an|his|her|their|any)\s+)*(?:use\s+of\s+(?:(?:the|his|her|their)\s+)?)?([A-Za-z][\w-]*)/.exec(text.slice(end, sentenceEnd))?.[1];
const namesFinding = (word: string): boolean => FINDING_STEMS.has(stem(word.toLowerCase()));

/**
 * Whether a "without" compares rather than negates: after a rating ("8/10
 * without Norco", but not "6/10 without radiation", a symptom absent), with
 * the same thing said "with" in the sentence ("walks farther with the brace
 * than without the brace"), or after an inability ("unable to sleep without
 * Ambien"): the care is received.
 */
function comparative(text: string, sentence: Span, start: number, end: number): boolean {
  const before = textBefore(text, sentence, start);
  if (INABILITY.test(before)) return true;
  const object = objectAfter(text, end, sentence.end);
  if (/\d+\s*\/\s*10\s*$/.test(before)) return object === undefined || !namesFinding(object);
  return object !== undefined && new RegExp(`\\bwith\\s+(?:(?:the|a|an|his|her|their)\\s+)?${escapeRegExp(object)}\\b`, 'i').test(text.slice(Math.max(sentence.start, start - LOOK_BACK), Math.min(sentence.end, end + LOOK_BACK)));
}

/**
 * Whether a sentence-opening "without" states a condition: the main clause
 * says what would follow ("Without injections, her symptoms would progress")
 * or what the worker cannot do, so the care is neither absent nor received;
 * a finding stays absent ("Without radiation, the pain may be discogenic").
 */
function conditional(text: string, sentence: Span, start: number, end: number): boolean {
  if (!/^\W*$/.test(textBefore(text, sentence, start)) || !CONDITIONAL_CLAUSE.test(text.slice(end, sentence.end))) return false;
  const object = objectAfter(text, end, sentence.end);
  return object !== undefined && !namesFinding(object);
}

/** Whether the word after "negative" is what it speaks of ("negative Neer's test"), not a place, a time or a verb ("Tinel's negative at the elbow"). */
function opensScope(text: string, end: number, sentenceEnd: number, afterVerb = false): boolean {
  const next = /^\s*([A-Za-z][\w'’-]*)/.exec(text.slice(end, sentenceEnd))?.[1]?.toLowerCase();
  if (next === undefined || NEGATION_STOP.has(next) || LOCATION_PREPOSITIONS.has(next) || TRAILING.has(next)) return false;
  // After "was negative" a clause goes on ("was negative both seated and supine", "was negative, and ..."): only a clinical word opens a scope.
  return !afterVerb || !(TERMINATOR_WORDS.has(next) || CONJUNCTION.test(next) || PLACE_FILLER.test(next) || PLACE_WORDS.has(next) || /ly$/.test(next));
}

function wordsBetween(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * What a sentence's triggers say about a mention: a negation in reach wins,
 * then an `ongoing` one (already received), then a hypothetical one (a plan
 * or request), then a historical one.
 */
function statusIn(text: string, sentence: Span, mention: Span): AssertionStatus {
  const ctx = contextOf(text, sentence);
  if (ctx.triggers.length === 0) return 'affirmed';
  const { terminators, marks } = ctx;
  /**
   * A terminator or a clause mark between: a parenthesis passed over whole
   * ("X (8 sessions) was requested") is an aside, not a boundary; for a list
   * (`list`: a history or a plan), a colon or semicolon separates its items
   * ("Treatments included: diagnostics; physical therapy; ...").
   */
  const blocked = (from: number, to: number, list = false): boolean => {
    if (!marks.some((m) => m >= from && m < to) && !terminators.some((t) => t.start >= from && t.end <= to)) return false;
    // A mention just inside a parenthesis ("nerve conduction studies (EMG-NCS)") shares the status of what it abbreviates.
    const between = text.slice(from, to).replace(/\(\s*$/, ' ');
    let aside = between.includes('(') ? between.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length)) : between;
    if (list) aside = aside.replace(/[;:]/g, ' ');
    return CLAUSE_MARK.test(aside) || terminators.some((t) => t.start >= from && t.end <= to && aside.charCodeAt(t.start - from) !== 32);
  };
  const before = (t: Trigger, window: number) => t.end <= mention.start && wordsBetween(text, t.end, mention.start) <= window;
  const pre = (key: TriggerKey, window: number) => ctx.byKey.get(key)?.some((t) => t.start === mention.start || (before(t, window) && !blocked(t.end, mention.start, key !== 'negated:pre'))) ?? false;
  // A post-trigger reaches back over a few words, not over a comma ("medication, consultation": the consultation is requested, not the medication).
  const post = (key: TriggerKey) => ctx.byKey.get(key)?.some((t) => t.start >= mention.end && wordsBetween(text, mention.end, t.start) <= 4 && !blocked(mention.end, t.start) && !(/,/.test(text.slice(mention.end, t.start)) && !/\s/.test(text.slice(t.start, t.end)))) ?? false;
  if (pre('negated:pre', WINDOW.negated) || post('negated:post')) return 'negated';
  // "A TENS unit was prescribed, but the vendor never delivered it": the care named before "but" was not received (the first "but" after it, with nothing that ends the clause before it).
  const but = terminators.find((t) => t.start >= mention.end && /^but$/i.test(text.slice(t.start, t.end)));
  if (but && !blocked(mention.end, but.start) && WITHDRAWN.test(text.slice(but.end, sentence.end))) return 'negated';
  // "continue X", "discontinuation of X": only the treatment right after it, not the rest of a list.
  if (ctx.byKey.get('ongoing:pre')?.some((t) => before(t, WINDOW.ongoing) && !/,|\band\b/.test(text.slice(t.end, mention.start)) && !blocked(t.end, mention.start))) return 'historical';
  const hypotheticalPost = ctx.byKey.get('hypothetical:post') ?? [];
  if (
    pre('hypothetical:pre', WINDOW.hypothetical) ||
    post('hypothetical:post') ||
    hypotheticalPost.some((t) => {
      const words = text.slice(t.start, t.end);
      // "The following test was requested: an MRI": a request stated before its object reaches it too.
      if (t.end <= mention.start && /^(?:was|were|is|are)\s/i.test(words)) {
        const colon = /^\s*:/.exec(text.slice(t.end, mention.start))?.[0].length ?? 0;
        return wordsBetween(text, t.end, mention.start) <= 12 && !blocked(t.end + colon, mention.start, true);
      }
      // "X ... was the original request": the subject of the clause, however long.
      return t.start >= mention.end && /^(?:was|were|is|are)\s+the\b/i.test(words) && !blocked(mention.end, t.start);
    })
  ) {
    return 'hypothetical';
  }
  if (pre('historical:pre', WINDOW.historical) || post('historical:post')) return 'historical';
  return 'affirmed';
}

interface SentenceContext {
  triggers: Trigger[];
  byKey: Map<TriggerKey, Trigger[]>;
  terminators: Trigger[];
  /** Offsets of the clause marks (CLAUSE_MARK) in the sentence. */
  marks: number[];
}
let contextText = '';
let contexts = new Map<Span, SentenceContext>();

/** A sentence's triggers by key, terminators and clause marks, made once (assertStatuses asks for each mention). */
function contextOf(text: string, sentence: Span): SentenceContext {
  if (text !== contextText) {
    contextText = text;
    contexts = new Map();
  }
  let ctx = contexts.get(sentence);
  if (ctx) return ctx;
  const triggers = triggersIn(text, sentence);
  const byKey = new Map<TriggerKey, Trigger[]>();
  for (const t of triggers) {
    const list = byKey.get(t.key);
    if (list) list.push(t);
    else byKey.set(t.key, [t]);
  }
  const marks: number[] = [];
  CLAUSE_MARKS.lastIndex = sentence.start;
  for (let m = CLAUSE_MARKS.exec(text); m !== null && m.index < sentence.end; m = CLAUSE_MARKS.exec(text)) marks.push(m.index);
  ctx = { triggers, byKey, terminators: byKey.get('terminator') ?? [], marks };
  contexts.set(sentence, ctx);
  return ctx;
}

/** Assertion status for each mention span of `text` (spans in text offsets, inside `region`). */
export function assertStatuses(text: string, region: Span, mentions: readonly Span[]): AssertionStatus[] {
  const sents = sentences(text, region);
  return mentions.map((m) => {
    const sentence = sentenceOf(sents, m.start);
    return sentence ? statusIn(text, sentence, m) : 'affirmed';
  });
}

/** The sentence holding offset `at` (binary search: sentences are in order). */
export function sentenceOf(sents: readonly Span[], at: number): Span | null {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sents[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Whether every negation that reaches `mention` is a test's result ("negative hip x-ray", "x-rays were negative"): the test was done. */
export function negatedByResult(text: string, sentence: Span, mention: Span): boolean {
  const near = triggersIn(text, sentence).filter((t) => t.key.startsWith('negated') && (t.end <= mention.start ? wordsBetween(text, t.end, mention.start) <= WINDOW.negated : t.start >= mention.end && wordsBetween(text, mention.end, t.start) <= 4));
  return near.length > 0 && near.every((t) => /negative|unremarkable|normal/i.test(text.slice(t.start, t.end)));
}

/** Whether `mention` has a historical or ongoing trigger whose words match `words` right before it ("prior chiropractic", "discontinue tramadol"), at most `gap` words away. */
export function triggeredBefore(text: string, sentence: Span, mention: Span, words: RegExp, gap: number): boolean {
  return triggersIn(text, sentence).some((t) => (t.key === 'historical:pre' || t.key === 'ongoing:pre') && words.test(text.slice(t.start, t.end)) && (t.start === mention.start || (t.end <= mention.start && wordsBetween(text, t.end, mention.start) <= gap && !CLAUSE_MARK.test(text.slice(t.end, mention.start)))));
}

// ------------------------------------------------------------ negated phrases

interface TargetLexicon {
  words: Record<string, string[]>;
  phrases: string[];
  suffixes: string[];
  not_targets: string[];
  /** Not-target nouns that, after a target word, are part of its name ("TENS trial"). */
  naming_heads: string[];
  /** Words that share a target's Porter stem but name nothing clinical ("medical" and "medication": "medic"). */
  stem_collisions: string[];
  drop_leading: string[];
  strip_before: string[];
  locations: string[];
  location_prepositions: string[];
  always_drop_prepositions: string[];
  trailing: string[];
  strip_hedges: string[];
  psychiatric_words: string[];
  psychiatric_context: string[];
  times: string[];
  need_words: string[];
  test_objects: string[];
  /** Adjectives by the finding they name ("swollen": "swelling"): a repeat of a finding listed. */
  adjective_forms: Record<string, string>;
  /** Kinds of prior treatment that are work status ("modified duty", "work restrictions"): no clinical absence. */
  work_status_treatments: string[];
  with_heads: string[];
  /** Substances and drug classes a test finds or not ("opiates", "THC"): what a "negative for" names is then a result, not an absence. */
  substances: string[];
}

const targets = loadLexicon<TargetLexicon>('clinical-targets.json');
const TARGET_STEMS = new Set(Object.values(targets.words).flat().map(stem));
const STEM_COLLISIONS = new Set(targets.stem_collisions);
/** Stems of the symptoms and signs: what a rating's "without" negates rather than compares ("6/10 without radiation"). */
const FINDING_STEMS = new Set([...targets.words.symptoms!, ...targets.words.signs!].map(stem));
/** Findings and conditions: what a "denied" after it negates, named by its last word ("vomiting denied", "fever was denied"); a test, a drug or care "denied" is a review's decision. */
const CONDITION_STEMS = new Set([...FINDING_STEMS, ...targets.words.conditions!.map(stem)]);
const namesCondition = (words: Word[]): boolean => words.length > 0 && CONDITION_STEMS.has(stem(words[words.length - 1]!.lower));
const NOT_TARGETS = new Set(targets.not_targets);
/** A word of the not-target list, as written or as its singular (the list names its verb forms itself: Porter would conflate "indicators" with "indication"). */
const isNotTarget = (lower: string): boolean => NOT_TARGETS.has(lower) || (lower.endsWith('s') && NOT_TARGETS.has(lower.slice(0, -1)));
const SUFFIX = new RegExp(`(?:${targets.suffixes.join('|')})$`);
/** Target phrases, treatments (prior-treatments.json) and places, matched as terms. */
const TERMS = new TermMatcher<string>([
  ['target', targets.phrases],
  ...Object.entries(PRIOR_TREATMENT_WORDS)
    .filter(([kind]) => !targets.work_status_treatments.includes(kind))
    .map(([kind, words]) => [`treatment:${kind}`, words] as const),
]);
/** A capitalised name ("Neer", "McMurray's"), perhaps possessive. */
const NAME = /^(?:Mc|Mac)?[A-Z][a-z]+(?:'s|s'|’s|s’)?$/;
/** An eponymous test or sign named by its possessive ("Tinel's", "Hawkins'", "McMurray's"). */
const EPONYM = /^(?:Mc|Mac)?[A-Z][a-z]+(?:'s|s'|’s|s’)$/;
/** Whether a word alone names a target: a target word (by stem), an eponymous test (Neer's, Hawkins'), a clinical ending. */
function isTargetWord(word: string, lower = word.toLowerCase()): boolean {
  if (STEM_COLLISIONS.has(lower)) return false;
  return TARGET_STEMS.has(stem(lower)) || TARGET_STEMS.has(lower) || EPONYM.test(word) || (lower.length > 5 && (SUFFIX.test(lower) || (lower.endsWith('s') && SUFFIX.test(lower.slice(0, -1)))));
}
const TARGET_PHRASES = new Set(targets.phrases);
/** Places and times: the lexicon's, and the body-region terms that name a place rather than a finding ("neck", not "neck pain", "headache" or "shortness of breath"). */
const PLACE_TERMS = [...targets.locations, ...targets.times, ...Object.values(BODY_REGION_WORDS).flat().map((t) => t.replace(/\*$/, '')).filter((t) => !TARGET_PHRASES.has(t) && !t.split(/[\s/-]+/).some((w) => isTargetWord(w)))];
const PLACES = new TermMatcher<string>([['place', PLACE_TERMS]]);
/** Places of one word, looked up directly. */
const PLACE_WORDS = new Set(PLACE_TERMS.filter((t) => !/\s/.test(t)));
/** Words of places of several words ("line" in "joint line"): a not-target word that is one may be part of a place. */
const PLACE_PHRASE_WORDS = new Set(PLACE_TERMS.filter((t) => /\s/.test(t)).flatMap((t) => t.split(/\s+/)));
/** Psychiatric findings ("plan", "intent") that count only in a sentence about harm to self or others. */
const PSYCHIATRIC_WORDS = new Set(targets.psychiatric_words);
const PSYCHIATRIC_CONTEXT = new RegExp(targets.psychiatric_context.map(escapeRegExp).join('|'), 'i');
/** Not-target nouns that name care after a target word ("TENS trial"). */
const NAMING_HEADS = new Set(targets.naming_heads);
/** Nouns of need ("indication", "rationale"): "no indication for an MRI" judges the request, it states no MRI absent. */
const NEED_WORDS = new Set(targets.need_words);
/** An object that names an examination or a test: "on the x-ray", "on neurological examination" say where a finding was looked for. */
const TEST_OBJECTS = new Set(targets.test_objects);
/** Symptoms a "with" complement stays with ("pain with motion"); after any other word "with" ends the phrase. */
const WITH_HEADS = new Set(targets.with_heads);
const SUBSTANCE_STEMS = new Set(targets.substances.map((w) => stem(w.toLowerCase())));
/** Whether a phrase's head names a substance or a drug ("illicit substances", "opiates", "Norco"). */
function namesSubstance(words: Word[]): boolean {
  const head = words[words.length - 1]!;
  return SUBSTANCE_STEMS.has(stem(head.lower)) || findDrugs(head.w).length > 0;
}
const DROP_LEADING = new TermMatcher<string>([['drop', targets.drop_leading]]);
/** Words just before a conjunction inside a term ("bowel" in "bowel or bladder", "signs" in "signs or symptoms of"): only a scope with one needs its terms' conjunctions found. */
const JOINING_WORDS = new Set(
  [...targets.phrases, ...targets.drop_leading].flatMap((t) => {
    const words = t.toLowerCase().split(/\s+|(?=\/)|(?<=\/)/);
    return words.flatMap((w, i) => (i > 0 && /^(?:and|or|nor|\/)$/.test(w) ? [words[i - 1]!] : []));
  }),
);
const STRIP_BEFORE = new Set(targets.strip_before);
const STRIP_HEDGES = new Set(targets.strip_hedges);
const LOCATION_PREPOSITIONS = new Set(targets.location_prepositions);
const ALWAYS_DROP = new Set(targets.always_drop_prepositions);
const TRAILING = new Set(targets.trailing.filter((t) => !t.includes(' ')));
const TRAILING_PHRASES = targets.trailing.filter((t) => t.includes(' '));
const NEGATION_STOP = new Set(lexicon.negation_terminators.filter((t) => !t.includes(' ')));
const NEGATION_STOP_PAIRS = new Set(lexicon.negation_terminators.filter((t) => t.includes(' ')));
const TERMINATOR_WORDS = new Set(lexicon.terminators.filter((t) => !t.includes(' ')));
const TERMINATOR_PAIRS = new Set(lexicon.terminators.filter((t) => t.split(' ').length === 2));
const TO_VERBS = new Set(lexicon.to_verbs);
/** Participles and phrases that make a negation an administrative absence ("no imaging studies were submitted", "no MRI for review"). */
const ADMINISTRATIVE = new Set(lexicon.administrative);
/** Adverbs passed over right after a trigger ("is not currently taking"). */
const SCOPE_ADVERBS = new Set(lexicon.scope_adverbs);
/** Words a negation's object does not start with: auxiliaries and verbs between the trigger and what is absent ("had not started physical therapy"). */
const LEADING_VERBS = new Set(lexicon.scope_verbs);
/** Modifiers of a finding that is present ("decreased", "mild", "positive"): after "and" or a comma in a negation's scope they open what is present. */
const PRESENT_MODIFIERS = new Set(lexicon.present_modifiers);
/** Present findings, and those modifiers: after "and" they open what is present ("without spasm and tenderness ..."); after a comma they may be one more thing absent. */
const ABNORMAL = new Set([...lexicon.present_modifiers, ...lexicon.present_findings]);
/** Articles, passed over when reading what a list item opens with ("and a positive grind test"). */
const ARTICLE = /^(?:a|an|the)$/;
/** The plural head several eponyms share ("Spurling's and Hoffmann's signs"). */
const PLURAL_TEST = /^(?:signs|tests|maneuvers)$/;
/** A plural noun ("kinks"), not a possessive or a word ending in -ss or -us. */
const PLURAL = /^[a-z][a-z'’-]+[^su'’]s$/;
/** Words that open a negation, live or pseudo: a scope ends at one. */
const NEGATION_WORD = /^(?:no|not|without|never)$/;
/** A measured value ("2", "5/5", "4.5"): a finding with one is present. */
const MEASURE = /^\d+(?:[./]\d+)*$/;
/** Verbs in their base form after "not": "did not complete", "does not use". */
const BASE_VERBS = new Set(lexicon.base_verbs);
/** The subject of a clause after "no indication the": skipped to reach what is said to be absent. */
const SUBJECT = /^(?:the|patient|patient's|applicant|applicant's|injured|worker|worker's|employee|claimant|he|she|they|his|her|their)$/;
/** Adjectives of a normal or present state: a conjunct with one ends the list of what is absent ("no cough, sputum clear, ..."). */
const STATES = new Set(lexicon.states);
const isState = (word: string): boolean => STATES.has(word.toLowerCase());
/** States that say a finding was found ("were noted", "was present"): after a list of what is absent they speak of the whole list. */
const EXISTING = /^(?:noted|present|seen)$/;
/** Auxiliaries before a participle ("were submitted", "have been provided"). */
const AUXILIARY = /^(?:was|were|is|are|been|be|being|has|have|had)$/;
/** Modal verbs, which open a clause as an auxiliary does ("a splint would not help"). */
const MODAL = /^(?:can|could|will|would|shall|should|may|might|must)$/;
/** Words that open a noun phrase as the subject of a clause of its own ("the brace", "his MRI"). */
const DETERMINER = /^(?:the|a|an|his|her|their|this|that|these|those)$/;
/** Modifiers a post-trigger's subject may run back through ("valgus and varus stress testing", "cervical and right knee x-rays"). */
const MODIFIER = /^(?:anterior|posterior|medial|lateral|abduction|adduction|flexion|extension|rotation|varus|valgus|internal|external|upper|lower|right|left|bilateral|active|passive)$/i;

interface Word {
  w: string;
  lower: string;
  start: number;
  end: number;
  /** Set by `annotate`, once per scope: names a target (alone, or as part of a target phrase, treatment or drug); a not-target word outside any treatment; a place. */
  target?: boolean;
  notTarget?: boolean;
  place?: boolean;
  /** A conjunction inside a term ("bowel or bladder"): no list separator. */
  joined?: boolean;
}

/** A word: a date written with slashes ("05/02/2016") is one, a slash elsewhere ("EMG/NCV") is a separator. */
const WORD = /\d+(?:\/\d+)+|[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*(?:['’](?![A-Za-z0-9]))?|[,;:()"“”[\]/—–]/g;

/** The words of `text[from, to)`; with `limit`, at most that many, and none past a clause mark (a scope ends there). */
function wordsOf(text: string, from: number, to: number, limit = Infinity): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to && out.length < limit; m = WORD.exec(text)) {
    if (m.index + m[0].length > to) break;
    out.push({ w: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    if (limit !== Infinity && m[0].length === 1 && m[0] !== ',' && m[0] !== '/' && CLAUSE_MARK.test(m[0])) break;
  }
  return out;
}

const isPunct = (w: Word) => w.w === ',' || (w.w.length === 1 && CLAUSE_MARK.test(w.w));
const CONJUNCTION = /^(?:and|or|nor|\/)$/;
/** Words that say nothing against a place: articles, conjunctions, numbers, vertebral levels ("T8", "L4-5"). */
const PLACE_FILLER = /^(?:the|a|an|his|her|their|this|that|these|those|both|either|all|each|any|every|of|and|or|\/|\d+\w*|\d+(?:[/-]\d+)+|[ctls]\d{1,2}(?:-[ctls]?\d{1,2})?)$/i;

/**
 * Sets each word's flags from one scan of the scope (target phrases and
 * treatments, drugs, places), so the many questions asked of its pieces
 * cost a look at their words.
 */
function annotate(text: string, words: Word[], psychiatric: boolean): void {
  const content = words.filter((w) => !isPunct(w));
  if (content.length === 0) return;
  const span = { start: content[0]!.start, end: content[content.length - 1]!.end };
  const covered = (hits: { index: number; length: number }[], w: Word) => hits.some((h) => h.index <= w.start && w.end <= h.index + h.length);
  const terms = TERMS.scan(text, span);
  const lists = content.some((w, i) => CONJUNCTION.test(w.lower) && i > 0 && JOINING_WORDS.has(content[i - 1]!.lower)) ? [...terms, ...DROP_LEADING.scan(text, span)] : [];
  for (const w of content) {
    w.target = isTargetWord(w.w, w.lower) || covered(terms, w) || (psychiatric && PSYCHIATRIC_WORDS.has(w.lower));
    // "bowel or bladder", "signs or symptoms of": a conjunction inside a term joins, it does not list.
    w.joined = CONJUNCTION.test(w.lower) && covered(lists, w);
  }
  // A drug's name counts where nothing else does ("no longer taking Norco"), and as a whole item of a list ("no aspirin or steroid"); a place matters only after a preposition.
  const alone = !content.some((w) => w.target);
  if (alone || content.some((w) => w.w === ',' || CONJUNCTION.test(w.lower))) {
    const drugs = findDrugs(text.slice(span.start, span.end)).map((d) => ({ index: span.start + d.span.start, length: d.span.end - d.span.start }));
    /** Whether a drug found is a whole item of the list: only an article between it and a comma, a conjunction or the scope's end, on each side. */
    const listed = (h: { index: number; length: number }) => {
      const at = words.findIndex((w) => w.start >= h.index);
      const after = words.findIndex((w) => w.start >= h.index + h.length);
      let before = at - 1;
      while (before >= 0 && ARTICLE.test(words[before]!.lower)) before--;
      const bounds = (w: Word | undefined) => w === undefined || w.w === ',' || CONJUNCTION.test(w.lower);
      return bounds(before >= 0 ? words[before] : undefined) && bounds(after >= 0 ? words[after] : undefined);
    };
    const counted = alone ? drugs : drugs.filter(listed);
    for (const w of content) w.target ||= covered(counted, w);
  }
  // Outside talk of harm, "plan" and "intent" name a plan of care ("an updated treatment plan"), not a finding.
  const notTargets = content.filter((w) => isNotTarget(w.lower) || (!psychiatric && PSYCHIATRIC_WORDS.has(w.lower)));
  const places = notTargets.some((w) => PLACE_PHRASE_WORDS.has(w.lower)) || content.some((w) => LOCATION_PREPOSITIONS.has(w.lower) || w.lower === 'for') ? PLACES.scan(text, span) : [];
  for (const w of content) {
    w.place = PLACE_FILLER.test(w.lower) || covered(places, w);
    w.notTarget = false;
  }
  // A not-target word inside a term ("work hardening program", "trigger points") or a place of several words ("joint line") is part of that term.
  const placePhrases = places.filter((h) => /\s/.test(text.slice(h.index, h.index + h.length)));
  for (const w of notTargets) w.notTarget = !covered(terms, w) && !covered(placePhrases, w);
  // "a TENS trial", "a medication trial": after a target word, a naming head is part of its name, as "trial of gabapentin" is.
  content.forEach((w, i) => {
    if (w.notTarget && i > 0 && NAMING_HEADS.has(w.lower) && content[i - 1]!.target) w.notTarget = false;
  });
}

/** Whether a run of (annotated) words names a clinical target. */
const isTarget = (_text: string, words: Word[]): boolean => words.some((w) => w.target === true);

/** A piece with a word that evaluates care or names a document ("objective findings", "MRI report", "return to work attempts") is no target, unless that word is part of a treatment named ("work hardening program"). */
const isEvaluative = (_text: string, words: Word[]): boolean => words.some((w, i) => w.notTarget === true && !withComplement(words, i));

/** Whether word `i` is in the complement of a symptom's "with" ("pain with walking"): an activity there says when the symptom comes, it judges nothing. */
const withComplement = (words: Word[], i: number): boolean => words.some((w, j) => j > 0 && j < i && w.lower === 'with' && WITH_HEADS.has(words[j - 1]!.lower));

/** Whether every word of a run is a place (laterality, a body part, "area", "extremities"). */
function isPlace(text: string, words: Word[]): boolean {
  const content = words.filter((w) => !isPunct(w));
  if (content.every((w) => w.place !== undefined)) return content.every((w) => w.place);
  // Not annotated yet (the look back from a post-trigger): scan these words alone.
  const rest = content.filter((w) => !PLACE_FILLER.test(w.lower));
  if (rest.length === 0) return true;
  const hits = PLACES.scan(text, { start: rest[0]!.start, end: rest[rest.length - 1]!.end });
  return rest.every((w) => hits.some((h) => h.index <= w.start && w.end <= h.index + h.length));
}

/** Where a participle that modifies no target after it opens a clause of its own ("swelling affecting the knee", "findings suggesting radiculopathy"; a compound such as "drug-related" is an adjective; a gerund after "of" is its object: "thoughts of harming himself"; a participle in the object of "with" or of a place's preposition modifies that object: "pain with resisted flexion", "pain with prolonged walking"), or -1. */
function participleAt(words: Word[]): number {
  return words.findIndex((w, i) => {
    if (i === 0 || !/^[a-z]+(?:ing|ed)$/.test(w.lower) || w.target || w.place) return false;
    if (/ing$/.test(w.lower) && words[i - 1]!.lower === 'of') return false;
    const head = words.findLastIndex((x, j) => j < i && x.target);
    if (words.slice(head + 1, i).some((x) => x.lower === 'with' || LOCATION_PREPOSITIONS.has(x.lower))) return false;
    return words[i - 1]!.target || !words[i + 1]?.target;
  });
}

/** A piece trimmed to its core: leading articles and "evidence of" dropped, a prefix before "of"/"with" that names nothing dropped, trailing places and words dropped. */
function trim(text: string, piece: Word[]): Word[] {
  let words = piece.filter((w) => !isPunct(w) || w.w === ',');
  for (let changed = true; changed && words.length; ) {
    changed = false;
    while (words.length && words[0]!.w === ',') words = words.slice(1);
    const lead = DROP_LEADING.scan(text, { start: words[0]!.start, end: words[words.length - 1]!.end })[0];
    if (lead && lead.index === words[0]!.start) {
      const end = lead.index + lead.length;
      words = words.filter((w) => w.start >= end);
      changed = true;
      continue;
    }
    // "indicators of ulnar neuropathy", "objective signs of radiculopathy": the part before names nothing but a hedge; "indication for an MRI" judges a need, and stays (no target).
    const at = words.findIndex((w, i) => {
      if (i === 0 || !STRIP_BEFORE.has(w.lower) || (w.lower === 'for' && NEED_WORDS.has(words[i - 1]!.lower))) return false;
      const before = words.slice(0, i).filter((x) => !STRIP_HEDGES.has(x.lower));
      return !isTarget(text, before) && !isEvaluative(text, before) && isTarget(text, words.slice(i + 1));
    });
    if (at > 0) {
      words = words.slice(at + 1);
      changed = true;
    }
  }
  const participle = participleAt(words);
  if (participle > 0) words = words.slice(0, participle);
  // A purpose clause ("a drug screen to assess compliance") says why, not what is absent.
  const purpose = words.findIndex((w, i) => i > 0 && w.lower === 'to' && TO_VERBS.has(words[i + 1]?.lower ?? ''));
  if (purpose > 0) words = words.slice(0, purpose);
  // So does the care a test is for ("a psychological evaluation for the stimulator", "clearance for the surgery").
  const forCare = words.findIndex((w, i) => i > 0 && w.lower === 'for' && namesTest(words.slice(0, i)) && words.slice(i + 1).some((x) => TREATMENT_STEMS.has(stem(x.lower))));
  if (forCare > 0) words = words.slice(0, forCare);
  // "with" ends the phrase unless a symptom comes before it ("pain with motion").
  const withAt = words.findIndex((w, i) => w.lower === 'with' && !(i > 0 && WITH_HEADS.has(words[i - 1]!.lower)));
  if (withAt >= 0) words = words.slice(0, withAt);
  // Trailing places ("in the lower extremities", "of the foot and toes", "upon flexion") and words ("bilaterally", "yet").
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    while (words.length > 1 && (TRAILING.has(words[words.length - 1]!.lower) || words[words.length - 1]!.w === ',' || CONJUNCTION.test(words[words.length - 1]!.lower) || LOCATION_PREPOSITIONS.has(words[words.length - 1]!.lower) || /^(?:for|with)$/.test(words[words.length - 1]!.lower))) {
      words = words.slice(0, -1);
      changed = true;
    }
    // Right to left: a preposition whose object (up to the next preposition) is a place drops all after it.
    for (let i = words.length - 1; i > 0; i--) {
      const p = words[i]!.lower;
      if (!LOCATION_PREPOSITIONS.has(p) && p !== 'for') continue;
      let to = i + 1;
      while (to < words.length && !LOCATION_PREPOSITIONS.has(words[to]!.lower) && words[to]!.lower !== 'for') to++;
      const object = words.slice(i + 1, to);
      const examined = object.length > 0 && TEST_OBJECTS.has(object[object.length - 1]!.lower) && p !== 'of' && p !== 'for';
      // A place is named by its last word ("the left ring finger", "the lateral joint line"): the words before it only say which.
      const place = object.length > 0 && (isPlace(text, object) || (!isTarget(text, object) && isPlace(text, object.slice(-1))));
      if (ALWAYS_DROP.has(p) || place || examined || TRAILING_PHRASES.includes(words.slice(i).map((w) => w.lower).join(' '))) {
        words = words.slice(0, i);
        changed = true;
      }
    }
  }
  return words;
}

export interface NegatedPhrase {
  value: string;
  span: Span;
}

/** "has not completed the initial course of therapy", "did not finish a program": care begun, not absent (after a negation and an adverb, up to three words before the course). */
const PARTIAL_CARE = new RegExp(`^\\s+(?:(?:${anyOf(lexicon.scope_adverbs)})\\s+)?(?:${anyOf(lexicon.partial_care.verbs)})\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${anyOf(lexicon.partial_care.objects)})\\b`, 'i');

/** "A gym membership is not a medical treatment": a copula's "not a ... treatment" classes its subject; "there is not a ..." and "it is not a ..." are left to the scope. */
const COPULA_BEFORE = /\b(?:is|are|was|were)\s+$/i;
const EXISTENTIAL_BEFORE = /\b(?:there|it)\s+(?:is|are|was|were)\s+$/i;
const CARE_CLASS = new RegExp(`^\\s+(?:considered\\s+)?(?:a|an)\\s+(?:[\\w'’-]+\\s+){0,2}?(?:${anyOf(lexicon.care_classes)})\\b`, 'i');

/** The words a pre-trigger's scope covers: from the trigger to a clause mark, a terminator, another negation, 25 words without a list separator, or 80 in all. */
function scopeAfter(text: string, t: Trigger, sentence: Span, preTriggerStarts: ReadonlySet<number>): Word[] {
  const all = wordsOf(text, t.end, sentence.end, 80);
  const clausal = /\b(?:that|the)$/i.test(text.slice(t.start, t.end));
  let i = 0;
  if (clausal) {
    // "no indication that the worker had been given any muscle relaxant": past the clause's subject and verb.
    const aux = all.slice(0, 5).findIndex((w) => /^(?:was|were|is|are|has|had|have)$/i.test(w.lower));
    if (aux >= 0) i = aux + 1;
    else {
      while (i < all.length && SUBJECT.test(all[i]!.lower)) i++;
      // "no indication the patient failed ...", "no documentation that oral medications failed": a verb that judges care makes the whole clause no negation.
      if (all.slice(i, i + 6).some((w) => /ed$/.test(w.lower) && isNotTarget(w.lower))) return [];
      if (i < all.length && /ed$/.test(all[i]!.lower)) i++;
    }
  }
  // After a verb's negation ("did not complete therapy", "is not currently taking opioids", "no longer uses a cane"), the verb and its adverbs are no part of what is absent.
  const verbal = /\b(?:not|never|no\s+longer)$|n[’']t$/i.test(text.slice(t.start, t.end));
  // "could not heel-toe walk": after "could not" a verb comes, and one that is no verb of care or of having names what the patient cannot do, an inability and no absence.
  if (/\b(?:can|could)\s+not$/i.test(text.slice(Math.max(sentence.start, t.start - 12), t.end)) && i < all.length && !isPunct(all[i]!) && !LEADING_VERBS.has(all[i]!.lower) && !BASE_VERBS.has(all[i]!.lower) && !SCOPE_ADVERBS.has(all[i]!.lower)) return [];
  if (verbal && PARTIAL_CARE.test(text.slice(t.end, sentence.end))) return [];
  const copular = /^(?:(?:is|are|was|were)\s+)?not$/i.exec(text.slice(t.start, t.end));
  if (copular && CARE_CLASS.test(text.slice(t.end, sentence.end))) {
    const before = text.slice(Math.max(sentence.start, t.start - 20), t.end - 3);
    if (COPULA_BEFORE.test(before) && !EXISTENTIAL_BEFORE.test(before)) return [];
  }
  // After "do not", "did not", "doesn't" comes a verb ("does not radiate", "did not mention"), whatever it is.
  if (/\b(?:do|does|did)\s+not$|n[’']t$/i.test(text.slice(Math.max(sentence.start, t.start - 6), t.end)) && i < all.length && !isPunct(all[i]!) && !LEADING_VERBS.has(all[i]!.lower) && (BASE_VERBS.has(all[i]!.lower) || !isNotTarget(all[i]!.lower))) i++;
  // A word that judges ("not interested in surgery") stays, and makes the phrase no target.
  while (i < all.length && (SCOPE_ADVERBS.has(all[i]!.lower) || LEADING_VERBS.has(all[i]!.lower) || (verbal && !isNotTarget(all[i]!.lower) && (BASE_VERBS.has(all[i]!.lower) || /(?:ed|ing)$/.test(all[i]!.lower))))) i++;
  // "Radiculopathy was not corroborated by imaging": after a passive the agent follows, not what is absent; a symptom or sign after it is ("pain not accompanied by numbness").
  if (verbal && i > 0 && /ed$/.test(all[i - 1]!.lower) && all[i]?.lower === 'by') {
    const agent = all.slice(i + 1).find((w) => !ARTICLE.test(w.lower));
    if (agent === undefined || !namesFinding(agent.lower)) return [];
    i++;
  }
  const out: Word[] = [];
  // Words since the last list separator: a list of findings may be long, one finding is not.
  let run = 0;
  for (; i < all.length && run < 25; i++) {
    const w = all[i]!;
    run = w.w === ',' || CONJUNCTION.test(w.lower) ? 0 : run + 1;
    if (w.w !== ',' && isPunct(w)) break;
    // Another negation, a trigger or a pseudo-trigger ("with and without medication"), opens a scope of its own.
    if (w.start !== t.start && (preTriggerStarts.has(w.start) || (out.length > 0 && NEGATION_WORD.test(w.lower)))) break;
    const next = all[i + 1];
    // A participle before a target modifies it ("no radiating pain"); elsewhere it ends what is absent ("no pain radiating to the legs").
    const modifier = /(?:ing|ed)$/.test(w.lower) && next !== undefined && isTargetWord(next.w, next.lower);
    // "No diagnostic studies were submitted", "no treatment plan provided": an administrative absence, not a clinical one.
    if (out.length > 0 && !modifier && administrativeAt(all, i)) return [];
    // A stop word inside a target phrase ("manipulation under anesthesia") is the phrase's.
    const inPhrase = () => TERMS.scan(text, { start: out[0]!.start, end: Math.min(sentence.end, w.end + 40) }).some((h) => h.key === 'target' && h.index < w.start && h.index + h.length > w.end);
    if (!modifier && (TERMINATOR_WORDS.has(w.lower) || (out.length > 0 && NEGATION_STOP.has(w.lower) && !inPhrase()))) {
      // "without spasm, and range of motion was decreased": a last conjunct said to be in a state or to measure something is the subject of a new clause; so is one after a comma that opens with a determiner ("given no instability, the brace was denied").
      const cut = out.findLastIndex((x) => x.w === ',' || CONJUNCTION.test(x.lower));
      const subject = cut >= 0 && out[cut]!.w === ',' && DETERMINER.test(out[cut + 1]?.lower ?? '') && (AUXILIARY.test(w.lower) || MODAL.test(w.lower));
      const inState = AUXILIARY.test(w.lower) && next !== undefined && (isState(next.lower) || ABNORMAL.has(next.lower) || MEASURE.test(next.w)) && !EXISTING.test(next.lower);
      if (cut >= 0 && (subject || inState)) return out.slice(0, cut);
      break;
    }
    // "no red flags such as cauda equina symptoms or progressive weakness": the examples are absent too, each an item after the category.
    if (next && out.length > 0 && w.lower === 'such' && next.lower === 'as') {
      out.push({ w: ',', lower: ',', start: w.start, end: w.start + 1 });
      i++;
      run = 0;
      continue;
    }
    if (next && out.length > 0 && NEGATION_STOP_PAIRS.has(`${w.lower} ${next.lower}`)) break;
    if (w.lower === 'to' && next && TO_VERBS.has(next.lower)) break;
    if (next && TERMINATOR_PAIRS.has(`${w.lower} ${next.lower}`)) break;
    if (w.lower === 'in' && next?.lower === 'order') break;
    out.push(w);
  }
  return out;
}

/** Whether the words from `i` are an administrative participle or phrase, after at most two auxiliaries ("were submitted", "have been provided", "for review"). */
function administrativeAt(words: Word[], i: number): boolean {
  for (let k = i; k < Math.min(words.length, i + 3); k++) {
    if (ADMINISTRATIVE.has(words[k]!.lower) || ADMINISTRATIVE.has(`${words[k]!.lower} ${words[k + 1]?.lower}`)) return true;
    if (!AUXILIARY.test(words[k]!.lower)) return false;
  }
  return false;
}

/** A test or sign named: an eponym ("Tinel's"), or a test word ("test", "sign", "maneuver", "raise"). */
const isTestLike = (words: Word[]): boolean => words.some((w) => NAME.test(w.w) && words.length <= 3) || words.some((w) => /^(?:tests?|signs?|maneuvers?|raise|raising|testing)$/i.test(w.lower));

/** Stems of the treatment words ("surgery", "stimulator"): the care a test may be for. */
const TREATMENT_STEMS = new Set([...targets.words.treatments!, 'trial', 'procedure', 'fusion', 'arthroplasty', 'implantation'].map(stem));
/** Stems of the test words ("mri", "raise"): what a bare "negative" may be the result of. */
const TEST_STEMS = new Set(targets.words.tests!.map(stem));
/** Whether a phrase holds a test word ("MRI", "drawer") or a target phrase ("empty can", "talar tilt"). */
function holdsTestTerm(words: Word[]): boolean {
  const phrase = words.map((w) => w.lower).join(' ');
  return words.some((w) => TEST_STEMS.has(stem(w.lower))) || targets.phrases.some((p) => phrase.includes(p));
}
/** Whether a phrase names a test or sign: a test word, a target phrase, an eponym or a test-like word ("sign", "maneuver"). */
const namesTest = (words: Word[]): boolean => isTestLike(words) || holdsTestTerm(words);

/**
 * The words before a post-trigger that it speaks of: back to a clause mark or
 * a terminator, through "and" only to a modifier or a place ("valgus and
 * varus stress testing", "cervical spine and right knee x-rays"), and
 * through a list only of tests ("Neer's, Hawkins' and Speed's tests were
 * negative", "the anterior drawer and talar tilt were negative"), not to
 * another thing named ("Naproxen and ... x-rays").
 */
function scopeBefore(text: string, t: Trigger, sentence: Span): Word[] {
  const all = wordsOf(text, sentence.start, t.start);
  // "Spurling's: negative".
  if (all.length && all[all.length - 1]!.w === ':') all.pop();
  let i = all.length;
  const after = () => all.slice(i).filter((w) => !CONJUNCTION.test(w.lower) && w.w !== ',');
  // A trigger that speaks of several ("were all absent", "both negative"), or a plural verb after a singular noun ("swelling and tenderness were absent"), takes the whole list of findings before it.
  const trigger = text.slice(t.start, t.end);
  const last = all[all.length - 1];
  const ofList = /\b(?:all|both|each)\b/i.test(trigger) || (/^(?:were|are)\b/i.test(trigger) && last !== undefined && !PLURAL.test(last.lower));
  const finding = (words: Word[]) => words.some((x) => isTargetWord(x.w));
  /** Whether the separator nearest the trigger is "and" or "or": the words before it are a coordinated list ("orthopnea, dyspnea and edema negative"), not clauses set side by side. */
  let coordinated: boolean | null = null;
  while (i > 0) {
    const w = all[i - 1]!;
    if (w.w === ',' || CONJUNCTION.test(w.lower)) {
      coordinated ??= w.w !== ',';
      const before = all[i - 2];
      if (!before) break;
      // The word or conjunct before the separator: a modifier or place continues the subject; a test continues a list of tests.
      let from = i - 2;
      while (from > 0 && !isPunct(all[from - 1]!) && !CONJUNCTION.test(all[from - 1]!.lower) && !NEGATION_STOP.has(all[from - 1]!.lower) && !TERMINATOR_WORDS.has(all[from - 1]!.lower)) from--;
      const left = all.slice(from, i - 1);
      // "at the elbow and wrist": a conjunction between places joins them.
      const modifier = w.w !== ',' && (left.every((x) => MODIFIER.test(x.lower) || isPlace(text, [x])) || isPlace(text, all.slice(i)));
      const tests = (isTestLike(left) && isTestLike(after())) || (holdsTestTerm(left) && holdsTestTerm(after()));
      // Items of a list (a few words each), not clauses or findings said present ("there was no clonus, and Babinski was negative"; "stiff and Tinel's negative"; "numbness ran down the leg, and the reflex was absent").
      const clause = left.some((x) => NEGATION_WORD.test(x.lower) || AUXILIARY.test(x.lower) || MODAL.test(x.lower)) || left.some((x) => ABNORMAL.has(x.lower) || isState(x.w)) || left.filter((x) => !isPunct(x)).length > 4;
      const findings = (ofList || coordinated === true) && !clause && finding(left) && finding(after());
      if (!modifier && !tests && !findings) break;
      i--;
      continue;
    }
    if (isPunct(w) || NEGATION_STOP.has(w.lower) || TERMINATOR_WORDS.has(w.lower) || (/^(?:on|at|in|for|by|as)$/.test(w.lower) && i === all.length)) break;
    i--;
  }
  // A place said first ("on both sides straight leg raise was negative", "along the lateral joint line tenderness was not elicited") is where, not what.
  let from = i;
  if (from < all.length && LEADING_PLACE_PREPOSITIONS.test(all[from]!.lower)) {
    let k = from + 1;
    while (k < all.length - 1 && (ARTICLE.test(all[k]!.lower) || SIDE_WORDS.test(all[k]!.lower) || isPlace(text, [all[k]!]) || PLACE_PHRASE_WORDS.has(all[k]!.lower))) k++;
    if (k > from + 1 && k < all.length) from = k;
  }
  return all.slice(from);
}

/** The ellipsis that carries a negation over to another subject ("..., as was the straight leg raise"). */
const AS_WAS = /,\s*as\s+(?:was|were|is|are)\s+/gi;

/** The sentence's triggers, with an "as was" right after a negation's post-trigger read as a negation of what follows it ("facet loading was negative, as was the straight leg raise"). */
function withCarriedNegations(text: string, sentence: Span, triggers: readonly Trigger[]): readonly Trigger[] {
  const carried: Trigger[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(AS_WAS)) {
    const at = sentence.start + m.index;
    if (triggers.some((x) => x.key === 'negated:post' && /^[\s,]*$/.test(text.slice(x.end, at)))) carried.push({ key: 'negated:pre', start: at, end: at + m[0].trimEnd().length });
  }
  return carried.length === 0 ? triggers : [...triggers, ...carried].sort((a, b) => a.start - b.start);
}

/** Prepositions that open a place said before a post-trigger's subject. */
const LEADING_PLACE_PREPOSITIONS = /^(?:on|along|at|over|in|across)$/;
/** Words of a side ("on both sides", "on the left"). */
const SIDE_WORDS = /^(?:both|either|each|sides?|left|right|bilateral(?:ly)?)$/;

/** Whether a piece ends in a preposition whose object is a place ("on varus", "of the foot"). */
function endsInPlace(text: string, words: Word[]): boolean {
  const at = words.findLastIndex((w) => LOCATION_PREPOSITIONS.has(w.lower));
  return at > 0 && at < words.length - 1 && isPlace(text, words.slice(at + 1));
}

/** One eponym ("Spurling's"). */
const isEponym = (words: Word[]): boolean => words.length === 1 && EPONYM.test(words[0]!.w);

/** An acronym of a test ("FABER", "FADIR"): capitals only, at least three. */
const ACRONYM = /^[A-Z]{3,}$/;

/** A test's name with no head of its own, which a plural head after it can share: an eponym, an acronym, a test phrase not ending in "test" or "sign" ("straight leg raise"), or modifiers ("anterior"). */
function sharesAHead(words: Word[]): boolean {
  if (isEponym(words) || (words.length <= 2 && words.every((w) => ACRONYM.test(w.w)))) return true;
  if (words.every((w) => MODIFIER.test(w.lower))) return true;
  return words.length <= 4 && holdsTestTerm(words) && !/^(?:tests?|signs?|maneuvers?)$/.test(words[words.length - 1]!.lower);
}

/** Whether piece `k` is a test's name that, with the names after it, shares the plural head of a later piece ("Spurling's and Hoffmann's signs", "Neer's, Hawkins' and Speed's tests", "FABER and FADIR tests", "straight leg raise and slump tests"). */
function sharesTestHead(pieces: Word[][], k: number): boolean {
  let j = k;
  while (j < pieces.length && sharesAHead(pieces[j]!)) j++;
  if (j === k || j >= pieces.length) return false;
  // The head's words before a place ("FADIR tests on the left").
  const head = headOf(pieces[j]!);
  return head.length >= 2 && head.length <= 4 && PLURAL_TEST.test(head[head.length - 1]!.lower) && !pieces.slice(k, j).every((p) => p.every((w) => MODIFIER.test(w.lower)));
}

/** Splits a scope into the phrases it states absent, merging a conjunct that names nothing into the one it modifies. */
function conjuncts(text: string, scope: Word[]): Word[][] {
  // Each piece with the separator before it: ',' for a comma (or ", and"), 'and' for a bare "and", 'or' for "or", "nor" or "/"; and the conjunction before it, after a comma too.
  const pieces: { words: Word[]; sep: string; conj: string }[] = [];
  let current: Word[] = [];
  let sep = '';
  let conj = '';
  for (const w of scope) {
    const comma = w.w === ',' || w.w === ';';
    if (!comma && (!CONJUNCTION.test(w.lower) || w.joined)) {
      current.push(w);
      continue;
    }
    const word = comma ? '' : w.lower === 'and' ? 'and' : 'or';
    if (current.length) {
      pieces.push({ words: current, sep, conj });
      current = [];
      sep = comma ? ',' : word;
      conj = word;
    } else if (comma) sep = ',';
    else conj = word;
  }
  if (current.length) pieces.push({ words: current, sep, conj });
  const pieceWords = pieces.map((q) => q.words);
  const out: Word[][] = [];
  let pending: Word[] | null = null;
  let pushedAt = -1;
  /** Where in `out` the first item listed after a comma with a place or a condition ("medial joint line tenderness", "crepitus with motion") is, or -1. */
  let firstLocated = -1;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    const first = p.words.find((w) => !ARTICLE.test(w.lower)) ?? p.words[0]!;
    const present =
      // A state said after its noun ("sputum clear"), or a list item that opens with one ("..., full range of motion", "and a normal gait").
      isState(p.words[p.words.length - 1]!.w) ||
      (k > 0 && p.sep !== 'or' && isState(first.w)) ||
      // A present modifier said after its noun ("gait antalgic", "strength decreased").
      (k > 0 && PRESENT_MODIFIERS.has(p.words[p.words.length - 1]!.lower)) ||
      // "without effusion and restricted range of motion", "no effusion and a positive grind test": an abnormal finding joined by "and" is present, not absent ("not swollen or tender" is absent).
      (k > 0 && ((p.sep === 'and' && ABNORMAL.has(first.lower)) || (p.sep === ',' && PRESENT_MODIFIERS.has(first.lower)))) ||
      // "no midline tenderness, with paraspinal spasm": what comes "with" is present.
      (k > 0 && p.words[0]!.lower === 'with') ||
      // A later conjunct with a measure ("reflexes 2+") or a clause of its own ("MRI showing a protrusion") states what is present.
      (k > 0 && p.sep !== 'or' && (p.words.some((w) => MEASURE.test(w.w)) || participleAt(p.words) > 0));
    // "no swelling or deformity, tenderness over the epicondyle, ...": a list closed by "or" and followed by commas with no "or" of their own goes on with the examination's list.
    const closed = k > 1 && p.sep === ',' && !p.conj && pieces[k - 1]!.conj === 'or' && !pieces.slice(k + 1).some((q) => q.conj === 'or');
    if (present || closed) {
      // An item said present after a comma or "and" ends an examination's list that the negation only opened ("no effusion, patellofemoral crepitus, a positive grind test"): where no "and" or "or" closed a list before it, a finding listed by commas with its place is that list's too, and so is what follows it.
      if (p.sep !== 'or' && firstLocated >= 0 && pieces.slice(1, k).every((q) => !q.conj)) out.length = firstLocated;
      break;
    }
    // "instability on varus or valgus stress testing": a conjunct that opens with a place continues the place the piece before ends in.
    if (k > 0 && p.sep !== ',' && pushedAt === k - 1 && isPlace(text, p.words) && endsInPlace(text, pieces[k - 1]!.words)) {
      out[out.length - 1] = [...out[out.length - 1]!, ...p.words];
      pushedAt = k;
      continue;
    }
    if (sharesTestHead(pieceWords, k)) {
      pending = pending ? [...pending, ...p.words] : p.words;
      continue;
    }
    const target = isTarget(text, p.words) && !isEvaluative(text, trim(text, p.words));
    const joinedNext = pieces[k + 1] !== undefined && pieces[k + 1]!.sep !== ',';
    if (!target) {
      // A modifier joined by "and"/"or" to what follows ("hip and lumbar x-ray"), but not a plural noun the vocabulary does not know ("kinks or deformities") or a thing that is no target ("a signed agreement or ..."): those are items of their own.
      const modifier = !PLURAL.test(p.words[p.words.length - 1]!.lower) && !isEvaluative(text, p.words);
      if (joinedNext && modifier) pending = pending ? [...pending, ...p.words] : p.words;
      // A bare word after "or" completes the one just before ("means or victim").
      else if (!joinedNext && p.sep === 'or' && pushedAt === k - 1 && !pending && p.words.length === 1) out[out.length - 1] = [...out[out.length - 1]!, ...p.words];
      // A conjunct that names nothing after the list has begun ends it, and one that judges care opens a list of what it judges ("no documentation of the efficacy of ..."): what follows is no longer what is absent.
      else if (out.length > 0 || p.words.some((w) => w.notTarget && !STRIP_HEDGES.has(w.lower))) break;
      else pending = null;
      continue;
    }
    if (k > 0 && p.sep === ',' && firstLocated < 0 && p.words.some((w, i) => (!w.target && PLACE_WORDS.has(w.lower)) || (i > 0 && w.lower === 'with'))) firstLocated = out.length;
    out.push(pending ? [...pending, ...p.words] : p.words);
    pushedAt = k;
    pending = null;
  }
  return out;
}

/** The words before a phrase's first preposition ("coverage" in "insurance coverage for the medication"): what the phrase names. */
function headOf(words: Word[]): Word[] {
  const at = words.findIndex((w, i) => i > 0 && (LOCATION_PREPOSITIONS.has(w.lower) || w.lower === 'for'));
  return at > 0 ? words.slice(0, at) : words;
}

/**
 * Phrases a sentence states as absent: the conjuncts of each negation
 * trigger's scope ("no swelling, deformities or atrophy"), or the subject
 * before a post-trigger ("Valgus and varus stress testing was
 * negative"), each trimmed to its core and kept when it names a clinical
 * target and is not an evaluation of care or a document.
 */
export function negatedPhrases(text: string, region: Span): NegatedPhrase[] {
  const out: NegatedPhrase[] = [];
  for (const sentence of sentences(text, region)) {
    const triggers = withCarriedNegations(text, sentence, triggersIn(text, sentence));
    let harmTalk: boolean | undefined;
    // Where another negation starts, a scope ends: their starts, looked up by offset (a sentence can hold many).
    const preStarts = new Set(triggers.filter((x) => x.key === 'negated:pre').map((x) => x.start));
    for (const t of triggers) {
      let scope: Word[];
      if (t.key === 'negated:pre') scope = aboutOther(text, sentence, t) ? [] : ownScope(text, scopeAfter(text, t, sentence, preStarts));
      // "Surgery was declined by the surgeon": the clinician's decision.
      else if (t.key === 'negated:post') scope = REFUSAL_VERB.test(text.slice(t.start, t.end).split(/\s+/).pop()!) && ACTOR_AGENT.test(text.slice(t.end, sentence.end)) ? [] : ownScope(text, scopeBefore(text, t, sentence));
      else continue;
      if (scope.length === 0) continue;
      // "Plan" and "intent" are findings only where the sentence speaks of harm to self or others.
      annotate(text, scope, scope.some((w) => PSYCHIATRIC_WORDS.has(w.lower)) && (harmTalk ??= PSYCHIATRIC_CONTEXT.test(text.slice(sentence.start, sentence.end))));
      // "contusion without fracture, post-traumatic headache and lumbar strain": a list after "without" is absent only when "or" joins it ("without swelling, erythema or warmth"); otherwise what follows its first separator goes on with what the sentence says.
      if (/^without\b/i.test(text.slice(t.start, t.end)) && !scope.some((w) => /^(?:or|nor)$/.test(w.lower) && !w.joined)) {
        const separator = scope.findIndex((w) => (w.w === ',' || CONJUNCTION.test(w.lower)) && !w.joined);
        if (separator >= 0) scope = scope.slice(0, separator);
      }
      // A "no" that is itself an item of a list ("tenderness, no deformity, and crepitus at the joint"): what follows ", and" is that list's last item.
      if (/^no$/i.test(text.slice(t.start, t.end)) && /,\s*$/.test(textBefore(text, sentence, t.start)) && !scope.some((w) => /^(?:or|nor)$/.test(w.lower) && !w.joined)) {
        const last = scope.findIndex((w, i) => w.w === ',' && scope[i + 1]?.lower === 'and');
        if (last >= 0) scope = scope.slice(0, last);
      }
      const groups = conjuncts(text, scope);
      // A bare "negative" is a test's result ("negative Neer's test"); before anything else it judges ("negative thoughts", "a negative mood").
      const negative = t.key === 'negated:pre' && /negative$/i.test(text.slice(t.start, t.end));
      const result = negative && !/^\s*for\b/i.test(text.slice(t.end, t.end + 5));
      // "Urine toxicology was negative for opiates": a substance a test did not find is the result of a test done, not a finding, sign or care absent.
      const negativeFor = (negative && !result) || (t.key === 'negated:pre' && /negative\s+for$/i.test(text.slice(t.start, t.end)));
      const denied = t.key === 'negated:post' && /^(?:(?:was|were|is|are)\s+)?denied$/i.test(text.slice(t.start, t.end));
      for (const group of groups) {
        const words = trim(text, group);
        if (words.length === 0 || words.length > 8) continue;
        const head = headOf(words);
        if (!isTarget(text, head) || isEvaluative(text, words) || (result && !namesTest(words)) || (negativeFor && namesSubstance(head)) || (denied && (!namesCondition(head) || namesSubstance(head)))) continue;
        const span = { start: words[0]!.start, end: words[words.length - 1]!.end };
        out.push({ value: text.slice(span.start, span.end).replace(/\s+/g, ' ').toLowerCase(), span });
      }
    }
  }
  return out;
}

/** Adjectives by the finding they name ("swollen": "swelling"). */
const ADJECTIVE_FORMS = new Map(Object.entries(targets.adjective_forms));

/** The stem key of a phrase, for dropping a repeat that differs only in its word forms ("fractures" after "fracture", "swollen" after "swelling"). */
export function phraseKey(value: string): string {
  return value
    .split(/[^a-z0-9']+/)
    .filter(Boolean)
    .map((w) => stem(ADJECTIVE_FORMS.get(w) ?? w))
    .join(' ');
}
