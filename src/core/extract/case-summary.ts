/**
 * The clinical case summary's fields: occupation, mechanism of injury, body
 * regions, diagnoses, prior treatments, what the summary states as absent,
 * and the utilization-review action with its date. Every value carries the
 * span it was read from (whole words); treatments and diagnoses carry an
 * assertion status (assertions.ts), which decides whether a treatment was
 * received (a prior treatment) or only requested, planned, refused or not
 * done.
 *
 * compromise runs only on the short phrase after an occupation cue
 * ("working as a ..."), to cut it at the end of its noun phrase, and on the
 * two words where a mechanism of more than eight words is cut, so that the
 * cut does not end inside a noun phrase.
 */
import { compromise } from '../nlp.js';
import { sentences } from '../sentences.js';
import { loadLexicon } from '../lexicon.js';
import { squash } from '../lines.js';
import { TermMatcher } from '../terms.js';
import type { Found, Span } from '../types.js';
import { assertStatuses, negatedByResult, negatedPhrases, phraseKey, sentenceOf, triggeredBefore, triggersIn, type AssertionStatus } from './assertions.js';
import { findDrugs, topicalAt } from './drugs.js';
import { BODY_REGION_TERMS } from './item-details.js';
import { reportsDecision, statedReview, urReports } from './utilization-review.js';
import { BODY_REGIONS, MECHANISM_WORDS, PRIOR_TREATMENT_WORDS, PRIOR_TREATMENTS, type UrAction } from '../vocabulary.js';

interface PriorLexicon {
  kinds: Record<string, string[]>;
  /** Words that name no treatment on their own ("treatment and diagnostic testing to date" heads a list). */
  not_treatments: string[];
  /** Terms that count only in a sentence that tells the history of care ("rest" in "treatment has included rest", not in "symptoms lessened by rest"). */
  in_history_only: string[];
  /** Misspellings and variant names, by kind, found by Jaro-Winkler similarity in lists of care received. */
  fuzzy: Record<string, string[]>;
  /** Kinds a more specific kind replaces where they are named only by their general (`bare`) words. */
  generic_kinds: Record<string, { replaced_by: string[]; bare?: string[] }>;
}
const priorLexicon = loadLexicon<PriorLexicon>('prior-treatments.json');
const PRIOR_TERMS = new TermMatcher<string>([...Object.entries(PRIOR_TREATMENT_WORDS), ['none', priorLexicon.not_treatments]]);
const HISTORY_ONLY = new Set(priorLexicon.in_history_only.map((t) => t.toLowerCase()));

const mechanismLexicon = loadLexicon<{ not_events: string[]; other_events: string[]; assault_agents: string[] }>('mechanisms.json');
const MECHANISM_MATCHER = new TermMatcher<string>([...Object.entries(MECHANISM_WORDS), ['none', mechanismLexicon.not_events]]);
/** The mechanism terms in a text, by type: places that only hold an event's word ("loading dock") are none. */
const MECHANISM_TERMS = { scan: (text: string, span?: Span) => MECHANISM_MATCHER.scan(text, span).filter((h) => h.key !== 'none') };
/** Types of an injurious event (the event that caused the injury wins over the activity it interrupted), then activities, weakest last. */
const EVENT_TYPES = new Set(['motor vehicle', 'assault', 'fall', 'struck by/against', 'twisting/turning']);

const diagnosisLexicon = loadLexicon<{ heads: string[]; continuations: string[]; trailing: string[] }>('diagnoses.json');
const HEAD_WORDS = new Set(diagnosisLexicon.heads);
/** A diagnosis head noun: listed, or a clinical suffix (-algia, -itis, -osis, -opathy, -ectomy, -otomy, -plasty). */
const isHead = (word: string): boolean => HEAD_WORDS.has(word) || /(?:algia|dynia|itis|osis|opathy|ectomy|otomy|plasty|cardia|emia|plegia)$/.test(word);
/** A procedure's name at the end of a "status post" item ("s/p left knee arthroscopy"), not a word it goes on from ("open reduction and internal fixation"). */
const PROCEDURE_END = /\b(?:\w+scopy|\w+ectomy|\w+plasty|\w+otomy|\w+desis|release|fusion|repair|replacement|decompression|reconstruction|amputation)$/i;
/** Words that open a diagnosis of their own, even without a head noun. */
const OPENER = /^(?:status\s+post|s\/p|rule\s+out|r\/o|possible|probable|history\s+of|suspect(?:ed)?)\b/i;
const CONTINUATIONS = new Set(diagnosisLexicon.continuations);
/** Qualifiers that follow a diagnosis after a comma and belong to it ("..., subsequent encounter", "..., unspecified"). */
const TRAILING_QUALIFIER = new RegExp(`^(?:${diagnosisLexicon.trailing.join('|')})\\b`, 'i');
/** A qualifier that ends a coded diagnosis ("..., not otherwise specified and insomnia": the "and" opens a new one). */
const NOS = /^(?:(?:subsequent|initial)\s+encounter|sequelae?|unspecified|not\s+otherwise\s+specified|nos)$/i;

export interface Mention {
  kind: 'treatment' | 'diagnosis';
  value: string;
  status: AssertionStatus;
  span: Span;
}

export interface CaseSummary {
  occupation: Found<string> | null;
  mechanism: Found<string> | null;
  mechanismType: string | null;
  bodyRegions: Found<string>[];
  diagnoses: Found<string>[];
  priorTreatments: Found<string>[];
  negated: Found<string>[];
  urAction: Found<UrAction> | null;
  urActionDate: Found<string> | null;
  mentions: Mention[];
}

/** The summary's narrative: its body less the fixed opening about how it was written ("... based on a review of the case file, including all medical records:"). */
export function narrative(text: string, summary: Span): Span {
  const head = text.slice(summary.start, Math.min(summary.end, summary.start + 400));
  const opening = /^[^]*?(?:case\s+summary\s+based\s+on|based\s+on\s+a\s+review\s+of\s+the\s+case\s+file)[^:.]*[:.]/i.exec(head);
  return opening ? { start: summary.start + opening[0].length, end: summary.end } : summary;
}

/** The words of `text[from, to)` with their offsets. */
function wordsIn(text: string, from: number, to: number): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  const re = /[A-Za-z0-9]+(?:['’./&-][A-Za-z0-9]+)*/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index + m[0].length <= to; m = re.exec(text)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

// ---------------------------------------------------------------- occupation

/** Words that end a job title: pronouns, prepositions, conjunctions, auxiliaries, clause openers. */
const OCCUPATION_STOP = /^(?:he|she|they|his|her|their|who|which|that|when|while|where|whom|at|in|on|for|with|from|since|until|by|of|to|and|or|but|was|were|is|are|has|had|have|during|after|before|because)$/i;

/** compromise: the leading noun phrase of a phrase, without pronouns, verbs or what follows a preposition. */
function nounPhrase(phrase: string): string[] {
  const terms = compromise()(phrase).terms().json() as { text: string; terms: { tags: string[] }[] }[];
  const words: string[] = [];
  for (const t of terms) {
    const tags = t.terms[0]?.tags ?? [];
    if (tags.includes('Pronoun') || tags.includes('Preposition') || tags.includes('Conjunction') || tags.includes('Determiner') || (tags.includes('Verb') && !tags.includes('Noun'))) break;
    if (!tags.includes('Noun') && !tags.includes('Adjective')) break;
    words.push(t.text);
    if (words.length === 5) break;
  }
  // A title ends in a noun.
  while (words.length && !(terms[words.length - 1]?.terms[0]?.tags ?? []).includes('Noun')) words.pop();
  return words;
}

/** Cues after which a job title follows: strong ones ("works as a"), and weak ones whose title must end in a known job noun. */
const STRONG_CUE = /\b(?:work(?:ed|ing|s)?|employed|hired|job|position)\s+(?:(?:by|with|at|for)\s+[^,.;:()]{1,60}?\s+)?as\s+(?:an?\s+|the\s+)?|\boccupation\s*(?:(?:is|was)\s+)?(?:listed|given|reported|documented|noted|described|identified|recorded)\s+as\s+(?:an?\s+)?|\boccupation\s*(?:as\s+an?|was|is|:)\s*(?:an?\s+)?|\busual\s+and\s+customary\s+(?:job|occupation|work)\s+as\s+(?:an?\s+)?/gi;
/** A title set off before "by trade" ("a 39-year-old male, a welder by trade"): the words between the article and the cue. */
const TRADE_CUE = /,\s+(?:an?\s+)?([A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})\s+by\s+(?:trade|occupation|profession)\b/g;
/** Someone else's job ("her husband, who works as ...") or a former one ("had worked as a roofer ... before his current employment"). */
const RELATIVE_BEFORE = new RegExp(`\\b(?:${loadLexicon<{ experiencer: { pre: string[] } }>('context.json').experiencer.pre.join('|')}),?\\s+(?:who\\s+)?$`, 'i');
const FORMER_BEFORE = /\b(?:formerly|previously|former|once|used\s+to|retired)\s+(?:\w+\s+)?$/i;
const FORMER_AFTER = /^[^.;]*\bbefore\s+(?:his|her|their|the)\s+(?:current|present)\s+(?:employment|job|position|work)\b|^[^.;]{0,40}?\bin\s+(?:his|her|their)\s+(?:teens|twenties|thirties|forties|youth)\b/i;
/** Where a title may follow the age and sex, "He was a", or the worker named with an apposition ("The applicant, a custodian, ..."). (`\d\d?\d?` rather than `\d{1,3}`: V8 searches faster for a pattern that starts with single digits.) */
const WEAK_CUE = /\b\d\d?\d?[\s-]*(?:years?[\s-]*old|y\/o|yo)\s+(?:(?:fe)?male\s+)?(?=[A-Za-z])|\b(?:He|She)\s+(?:is|was|has\s+been)\s+an?\s+(?=[A-Za-z])|\bwho\s+(?:is|was)\s+an?\s+(?=[A-Za-z])|\b(?:injured\s+worker|applicant|claimant|patient|employee),\s+an?\s+(?=[A-Za-z])/g;
/** Words before a job title that describe the worker: sex, handedness, build, origin, language, marital status. */
const WORKER_DESCRIPTOR = /^(?:(?:fe)?male|man|woman|(?:right|left)(?:-(?:hand(?:ed)?|handed)(?:-dominant)?|-dominant)?|ambidextrous|dominant|obese|overweight|caucasian|hispanic|latin[ao]|african-american|asian|white|black|\w+-speaking|married|single|divorced|widowed)$/i;
/** What a cue may be followed by that is no job: the patient, work in general, duties, a workplace. */
const NOT_OCCUPATION = /^(?:injured\s+worker|injured\s+employee|worker|employee|patient|claimant|applicant|individual|person|result|part|well|now|who|duties|duty|job(?:\s+duties)?|work|tasks?|position|employment|activities|capacity|hours|shifts?|basis|regular(?:\s+\w+)?|usual(?:\s+\w+)?|full|part-time|full-time|modified(?:\s+\w+)?|light(?:\s+\w+)?)$/i;
const JOB_HEADS = new Set(loadLexicon<{ heads: string[] }>('occupations.json').heads);
const isJob = (word: string) => JOB_HEADS.has(word.toLowerCase().replace(/s$/, '')) || JOB_HEADS.has(word.toLowerCase());

/** The words of a title after a cue: up to a word that cannot be in one; the longest prefix ending in a job noun, else (strong cues) compromise's noun phrase. */
function title(words: string[], strong: boolean): number {
  const stop = words.findIndex((w) => OCCUPATION_STOP.test(w));
  const n = Math.min(stop >= 0 ? stop : words.length, 6);
  for (let i = n - 1; i >= 0; i--) if (isJob(words[i]!)) return i + 1;
  if (!strong || n === 0) return 0;
  const phrase = words.slice(0, n);
  if (phrase.length <= 2 && !phrase.some((w) => /\w(?:ing|ed)$/i.test(w))) return phrase.length;
  return nounPhrase(phrase.join(' ')).length;
}

function occupation(text: string, region: Span): Found<string> | null {
  const body = text.slice(region.start, region.end);
  const strongCues = [...body.matchAll(STRONG_CUE)];
  const cues = strongCues.map((m) => ({ m, strong: true })).concat([...body.matchAll(WEAK_CUE)].map((m) => ({ m, strong: false }))).sort((a, b) => a.m.index! - b.m.index!);
  const trade = [...body.matchAll(TRADE_CUE)].map((m) => ({ start: m.index! + m[0].indexOf(m[1]!), end: m.index! + m[0].indexOf(m[1]!) + m[1]!.length }));
  for (const { m, strong } of cues) {
    const before = body.slice(Math.max(0, m.index! - 40), m.index!);
    if (RELATIVE_BEFORE.test(before) || FORMER_BEFORE.test(before) || FORMER_AFTER.test(body.slice(m.index!))) continue;
    const from = region.start + m.index! + m[0].length;
    const clause = /^[^.,;:()]{1,60}/.exec(text.slice(from, region.end))?.[0] ?? '';
    // A strong cue inside the clause ("a 45-year-old male employed as a ...") is read on its own.
    if (!strong && strongCues.some((c) => c.index! + region.start >= from && c.index! + region.start < from + clause.length)) continue;
    const all = wordsIn(text, from, from + clause.length);
    // Words that describe the worker, not the job ("right-hand-dominant male carpenter", "obese female cashier").
    const skip = strong ? 0 : all.findIndex((w) => !WORKER_DESCRIPTOR.test(w.w));
    const words = skip > 0 ? all.slice(skip) : all;
    const n = title(words.map((w) => w.w), strong);
    if (n === 0) continue;
    const span = { start: words[0]!.start, end: words[n - 1]!.end };
    const value = squash(text.slice(span.start, span.end)).toLowerCase();
    if (NOT_OCCUPATION.test(value)) continue;
    return { value, span };
  }
  for (const t of trade) {
    const words = wordsIn(text, region.start + t.start, region.start + t.end);
    if (words.length === 0 || !isJob(words[words.length - 1]!.w) && words.length > 3) continue;
    const span = { start: words[0]!.start, end: words[words.length - 1]!.end };
    const value = squash(text.slice(span.start, span.end)).toLowerCase();
    if (!NOT_OCCUPATION.test(value)) return { value, span };
  }
  return null;
}

// ----------------------------------------------------------------- mechanism

/** "The mechanism of injury is unclear / was not described": no mechanism, whatever else the summary says. */
const MECHANISM_UNKNOWN = /\bmechanism\s+of\s+(?:the\s+)?injury\b[^.;]{0,40}?\b(?:unclear|unknown|not\s+(?:\w+\s+)?(?:described|documented|specified|stated|known|clear|provided|noted|given|reported|available|mentioned|discussed)|undocumented|unspecified|undetermined)\b|\bno\s+(?:specific\s+|clear\s+)?mechanism\s+of\s+injury\b/i;
/** Cues that introduce the mechanism itself: what follows is one, with or without a type word. */
const STRONG_MECHANISM = /\bmechanism\s+of\s+(?:the\s+)?injury\s*(?:(?:is|was|has\s+been)\s+(?:(?:detailed|described|noted|reported|documented|listed|stated|given|explained|characterized|identified)\s+as\s+|that\s+)?|occurred\s+|:\s*|-\s*)|\b(?:injur(?:ed|y|ies)|hurt|strained|sprained)\s+(?:(?:occurred|occurring|happened|happening)\s+|(?:his|her|their|the)\s+(?:[a-z-]+\s+){1,3}?)?(?:on\s+\d\d?[/-]\d\d?[/-]\d\d(?:\d\d)?,?\s+)?(?:when|while|as)\s+|\bmechanism\s*(?:(?:is|was)\s+(?:described|given|listed|reported|noted|documented)\s+as\s+|:\s*)/i;
/** Cues after which a phrase is a mechanism only when it names one ("injury ... due to a fall", "after falling", "secondary to a fall"). */
const WEAK_MECHANISM = /\b(?:when|while|after|following|due\s+to|secondary\s+to|as\s+a\s+result\s+of|(?:was\s+)?the\s+result\s+of|resulting\s+from|caused\s+by|status\s+post|s\/p|post|involved\s+in|injur(?:ed|y|ies)\s+(?:on\s+[\w/,-]+(?:\s+\d{4})?,?\s+)?in(?=\s+(?:an?|the)\s)|attribut(?:es|ed|ing)\s+(?:[\w'-]+,?\s+){0,8}?to|aris(?:ing|es)\s+from|arose\s+from|(?:pain|injur(?:y|ies)|trauma|loss|tinnitus|symptoms|complaints|claim|syndrome|condition)(?:\s+(?!(?:attribut\w*|due|secondary|caused|aris\w*|arose)\b)[\w'-]+){0,5}?\s+from)\s+/gi;
/** A sentence about how the injury happened (not the "injured worker", who is in every sentence): the injury or claim named, its onset felt ("felt a pop"), symptoms developed, attributed or said due to a cause. */
const INJURY_EVENT = /\b(?:injur(?:y|ies)\b|claim\b|injured\b(?!\s+(?:worker|employee|party))|hurt\b|occurred\b|sustained\b|incurr|diagnos|treated\s+for|emergency\b|felt\s+(?:an?\s+)?(?:(?:sudden|sharp|immediate)\s+)?(?:pop|snap|tear|pull|pain)\b|(?:developed|attributes|attributed)\b|(?:pain|loss|tinnitus|symptoms|depression|anxiety)\b[^.;]{0,40}?\b(?:due\s+to|secondary\s+to|caused\s+by|as\s+a\s+result\s+of)\b)/i;
/** Words a mechanism phrase does not keep at its start: the subject, auxiliaries, framing. */
const MECHANISM_LEAD = /^(?:(?:the|an?|his|her|their)\s+)?(?:(?:patient|injured\s+worker|worker|employee|claimant|applicant|he|she|they|it)\s+)?(?:(?:reportedly|allegedly|apparently|was|were|had\s+been|has\s+been|been|being|got|became)\s+)*(?:(?:involved|engaged)\s+in\s+)?(?:(?:occurring|when|while|that|as)\s+)*(?:(?:the|an?)\s+)?(?:(?:patient|injured\s+worker|worker|he|she|they)\s+)?(?:(?:was|were|being)\s+)*(?:(?:involved|engaged)\s+in\s+)?(?:(?:the|an?)\s+(?=\w))?/i;
/** Where a mechanism phrase ends: a clause mark, or a clause about what followed ("and felt a pop", "resulting in"). */
const MECHANISM_END = /[.;:()]|,\s+(?!(?:and\s+|then\s+)?(?:fell|falling|struck|striking|twisted|twisting|slipped|slipping|tripped|tripping|hitting|hit)\b)|\s+(?:and\s+(?:he|she|they|was|has|had|developed|sustained|felt|injured|heard|noted|complained|reported|experienced|began|started)|which\s+(?:resulted|caused|led)|resulting\s+in|causing|with\s+(?:complaints|pain|immediate|subsequent)|who|with\s+a\s+date)\b|\s+(?:on|dated|through|thru|until)\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)|\s+at\s+work\b/i;
/** An age stated ("a 27-year-old woman"). */
const AGE_STATED = /\b\d\d?[\s-]*years?[\s-]*old\b/i;
/** The cues that need no injury word in their sentence ("after falling"). */
const DIRECT_CUE = /\b(?:after|following|post|s\/p|involved\s+in)\b/i;
/** A phrase that is a sensation, a symptom or a treatment is no mechanism ("sudden onset of pain", "use of the medication"). */
const NOT_MECHANISM = /\b(?:pain|onset|numbness|tingling|discomfort|symptoms?|felt|feeling|popping|medications?|treatment|therapy|injections?|surgery|unclear|unknown|not\s+(?:stated|described))\b/i;
/** An everyday activity alone is no injury ("sitting", "walking"). */
const EVERYDAY = /^(?:sitting|standing|walking|sleeping|driving|typing|eating|working|resting|reading|talking|lying)$/i;
/** Work named with its place or role only ("working at a restaurant", "working as a caregiver") is the setting, not an event. */
const WORK_SETTING = /^working\s+(?:at|as|for|in)\s+(?:an?\s+|the\s+|his\s+|her\s+)?[\w\s'-]{1,40}$/i;

interface MechanismHit {
  found: Found<string>;
  type: string;
  /** Whether a term of the lexicon named it (an `other` event named, not a phrase of no known kind). */
  named: boolean;
}

/** Words that open a trailing clause of circumstance or purpose, dropped from a phrase of more than eight words ("... while stopped at an intersection", "... to reach a tool", "... onto her right side"). */
const TRAILING_CLAUSE = /^(?:while|when|as|after|before|during|to|onto|into|landing|resulting|causing)$/i;
/** Nouns that name an injurious event ("accident", "altercation"). */
const EVENT_NOUN = /^(?:accident|collision|crash|altercation|assault|fall|mva|mvc|incident|rollover)$/i;
/** Whether `next` goes on with the noun phrase that `last` is in ("a rolling | ladder", "a parked delivery | truck"): a noun, by compromise's part-of-speech tags ("a violent student | on the bus" ends before it). */
function completesNounPhrase(last: string, next: string): boolean {
  const terms = (compromise()(`${last} ${next}`).terms().json() as { terms: { tags: string[] }[] }[]).map((t) => t.terms[0]?.tags ?? []);
  const tags = terms[terms.length - 1];
  return terms.length >= 2 && tags !== undefined && tags.includes('Noun') && !tags.includes('Pronoun');
}
/** Words that open a noun phrase. */
const DETERMINER = /^(?:a|an|the|his|her|their|its|one)$/i;
/** What a phrase cut short at its eighth word does not end with either: a participle and its particle that led into the noun phrase cut off ("stepping off"). */
const CUT_TAIL = /^\w+ing (?:off|up|down|out|onto|into|from)$/i;
/** Words a phrase does not end with. */
const DANGLING = /^(?:a|an|the|his|her|their|of|on|onto|into|in|at|to|from|with|while|when|as|and|or|by|for|over)$/i;

/** The phrase after a cue, from `from` to where it ends in its sentence: its kept words (at most 8) and its type. */
function mechanismPhrase(text: string, from: number, sentenceEnd: number, strong: boolean): MechanismHit | null {
  const rest = text.slice(from, sentenceEnd);
  const stop = MECHANISM_END.exec(rest);
  const clause = rest.slice(0, stop ? stop.index : rest.length);
  const lead = MECHANISM_LEAD.exec(clause)?.[0].length ?? 0;
  let words = wordsIn(text, from + lead, from + clause.length);
  if (words.length === 0 || words.length > 16) return null;
  const span = { start: words[0]!.start, end: words[words.length - 1]!.end };
  const hits = MECHANISM_TERMS.scan(text, span);
  if (hits.length === 0) {
    const phrase = text.slice(span.start, span.end);
    if (!strong || NOT_MECHANISM.test(phrase) || EVERYDAY.test(phrase.trim()) || WORK_SETTING.test(phrase.trim()) || /^(?:work|his|her|the|a)$/i.test(phrase.trim())) return null;
  } else if (NOT_MECHANISM.test(text.slice(span.start, hits[0]!.index)) && !strong) return null;
  // A long phrase that begins with an activity and ends with the event keeps the event ("working on his knees ... and twisted the right knee").
  const firstEvent = hits.find((h) => EVENT_TYPES.has(h.key));
  if (words.length > 8 && firstEvent) {
    const and = words.findLastIndex((w) => w.w.toLowerCase() === 'and' && w.end <= firstEvent.index);
    if (and >= 0) words = words.slice(and + 1);
  }
  // "a motor vehicle accident while driving for work": a clause of circumstance after an event named by its noun, naming none itself, is no part of it ("twisted while mopping", "twisted his knee while turning" keep theirs).
  const circumstance = words.findIndex((w, k) => k > 0 && /^(?:while|when)$/i.test(w.w) && EVENT_NOUN.test(words[k - 1]!.w));
  if (circumstance > 0) {
    const cut = words[circumstance]!.start;
    if (hits.some((h) => EVENT_TYPES.has(h.key) && h.index < cut) && !hits.some((h) => h.index > cut && h.index < words[words.length - 1]!.end)) words = words.slice(0, circumstance);
  }
  // Over eight words: trailing clauses dropped, last first, then the words past the eighth and any that leave the phrase hanging.
  for (let k = words.length - 1; words.length > 8 && k >= 3; k--) if (TRAILING_CLAUSE.test(words[k]!.w)) words = words.slice(0, k);
  // The eighth word may fall inside a noun phrase ("stepping off a rolling | ladder"): the phrase then ends before that noun phrase's determiner, and before the words that led to it.
  if (words.length > 8 && !/[,;:]/.test(text.slice(words[7]!.end, words[8]!.start)) && completesNounPhrase(words[7]!.w, words[8]!.w)) {
    const det = words.findLastIndex((w, k) => k >= 3 && k < 8 && DETERMINER.test(w.w));
    words = words.slice(0, det > 0 ? det : 8);
    while (words.length > 3 && DANGLING.test(words[words.length - 1]!.w)) words = words.slice(0, -1);
    if (words.length > 4 && CUT_TAIL.test(words.slice(-2).map((w) => w.w).join(' '))) words = words.slice(0, -2);
  }
  words = words.slice(0, 8);
  while (words.length > 1 && DANGLING.test(words[words.length - 1]!.w)) words = words.slice(0, -1);
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  const type = mechanismType(text, span.start, hits);
  // A blow, a push or a wrenching by a person the worker deals with ("struck by a patient", "a student hit her", "an inmate shoved him") is an assault.
  const assault = ASSAULT_TYPES.has(type) && ASSAULT_BY.test(text.slice(Math.max(0, start - 40), Math.min(sentenceEnd, end + 40)));
  return { found: { value: squash(text.slice(start, end)).toLowerCase(), span: { start, end } }, type: assault ? 'assault' : type, named: hits.length > 0 };
}

const ASSAULT_TYPES = new Set(['struck by/against', 'twisting/turning', 'lifting']);
const AGENTS = mechanismLexicon.assault_agents.map((a) => a.replace(/[-\s]+/g, '[\\s-]+')).join('|');
/** A person who attacks: the doer after "by", or the subject of a blow. */
const ASSAULT_BY = new RegExp(`\\bby\\s+(?:an?\\s+|the\\s+|one\\s+of\\s+(?:the|his|her|their)\\s+)?(?:[a-z-]+\\s+)?(?:${AGENTS})s?\\b(?!['’])|\\b(?:${AGENTS})s?\\s+(?:[a-z]+\\s+)?(?:hit|struck|punched|pushed|shoved|grabbed|kicked|bit|threw|slapped|attacked|elbowed|tackled|head-butted|twisted)\\b`, 'i');

/** A person, or a foot or shoe, before "fell" or "slipped": the worker fell; a thing before it ("a motorcycle fell on his leg", "a crate slipped onto his foot") struck the worker. */
const FALLER = /\b(?:he|she|they|i|worker|employee|patient|applicant|claimant|and|then|subsequently|had|reportedly|also|foot|feet|leg|legs|shoe|shoes|boot|boots|footing)\s*$/i;

const WITNESSED = /^witness/i;
/** The terms of the `other` type that name an event of their own, not an activity or a setting (`other_events` in mechanisms.json). */
const OTHER_EVENT = new Set(mechanismLexicon.other_events.map((t) => t.toLowerCase()));
/** The type of a mechanism: what was witnessed is no event of the worker's; else the first injurious event named; else repetitive or cumulative trauma; else lifting; else other. */
function mechanismType(text: string, from: number, found: { key: string; term: string; index: number }[]): string {
  const hits = found.map((h) => (h.key === 'fall' && /^(?:fell|slipped)\b/i.test(h.term) && !FALLER.test(text.slice(Math.max(from, h.index - 30), h.index)) && h.index > from ? { ...h, key: 'struck by/against' } : h));
  // "witnessing a coworker's fall": the events named are what the worker saw.
  if (hits[0] && WITNESSED.test(hits[0].term)) return hits[0].key;
  const event = hits.find((h) => EVENT_TYPES.has(h.key));
  if (event) return event.key;
  if (hits.some((h) => h.key === 'repetitive/cumulative trauma')) return 'repetitive/cumulative trauma';
  return hits[0]?.key ?? 'other';
}

function mechanism(text: string, region: Span): MechanismHit | null {
  const body = text.slice(region.start, region.end);
  if (MECHANISM_UNKNOWN.test(body)) return null;
  const list = sentences(text, region);
  // A cue that names the mechanism, anywhere in the summary.
  for (const s of list) {
    const m = STRONG_MECHANISM.exec(text.slice(s.start, s.end));
    if (!m) continue;
    const hit = mechanismPhrase(text, s.start + m.index + m[0].length, s.end, true);
    if (hit && !settingOnly(text, hit, s)) return hit;
  }
  // Else the first phrase after a weaker cue that names a mechanism type, in a sentence about the injury or its diagnosis.
  for (const [i, s] of list.entries()) {
    const sentence = text.slice(s.start, s.end);
    const about = INJURY_EVENT.test(sentence);
    // The sentence that introduces the worker tells the event after "when" ("A 27-year-old woman was setting up tables when a stack of chairs toppled ..."); after "while" comes the task.
    const introduces = i === 0 && AGE_STATED.test(sentence);
    WEAK_MECHANISM.lastIndex = 0;
    // Only sentences about the injury, or with a cue that needs none, are read.
    for (let m = about || introduces || DIRECT_CUE.test(sentence) ? WEAK_MECHANISM.exec(sentence) : null; m !== null; m = WEAK_MECHANISM.exec(sentence)) {
      const from = s.start + m.index + m[0].length;
      // "after falling", "after a fall": the event named right after the cue needs no injury word in the sentence.
      const direct = /^(?:after|following|post|status\s+post|s\/p|involved)/i.test(m[0]) && MECHANISM_TERMS.scan(text, { start: from, end: Math.min(s.end, from + 24) }).some((h) => EVENT_TYPES.has(h.key) || h.key === 'other');
      if (!about && !direct && !(introduces && /^when\b/i.test(m[0]))) continue;
      const hit = mechanismPhrase(text, from, s.end, false);
      if (hit && settingOnly(text, hit, s)) continue;
      if (hit && (hit.type !== 'other' || hit.named)) return hit;
    }
    // "She rolled her right ankle ...": a sentence opening with the event, right after the injury is stated.
    if (i > 0 && INJURY_EVENT.test(text.slice(list[i - 1]!.start, list[i - 1]!.end))) {
      const opening = /^\s*(?:He|She|They|The\s+(?:patient|injured\s+worker|applicant|claimant))\s+/.exec(sentence);
      if (opening) {
        const first = MECHANISM_TERMS.scan(text, { start: s.start + opening[0].length, end: Math.min(s.end, s.start + opening[0].length + 20) })[0];
        if (first && first.index === s.start + opening[0].length && EVENT_TYPES.has(first.key)) {
          const hit = mechanismPhrase(text, first.index, s.end, false);
          if (hit) return hit;
        }
      }
    }
  }
  // Else, where the worker and the injury are introduced, an event told as what the worker did or what happened ("... a cook who slipped on a wet floor", "injured his back lifting a box", "a shelf collapsed and a pot struck his shoulder").
  for (const [i, s] of list.entries()) {
    const sentence = text.slice(s.start, s.end);
    if (i > 3 && !INJURY_EVENT.test(sentence)) continue;
    for (const h of MECHANISM_TERMS.scan(text, s)) {
      const before = text.slice(Math.max(s.start, h.index - 60), h.index);
      // "... with a continuous trauma injury", "filed a CT claim": cumulative trauma named is the mechanism itself.
      if (CUMULATIVE_NAMED.test(h.term) && /\b(?:an?|with|filed|alleging|alleges|alleged|claimed|claiming|claims|of|for)\s+$/i.test(before)) return termAsMechanism(text, h, 'repetitive/cumulative trauma');
      // "an occupational lifting injury": the event's kind named before "injury".
      if (h.key !== 'other' && /^\s+injur(?:y|ies)\b/i.test(text.slice(h.index + h.length, h.index + h.length + 12)) && !NOT_EVENT_BEFORE.test(before)) return termAsMechanism(text, h, h.key);
      if (!TOLD_EVENT.test(before) || NOT_EVENT_BEFORE.test(before)) continue;
      // "was carrying a bag ... when he slipped on ice and fell": the activity yields to the event it was interrupted by.
      if (!EVENT_TYPES.has(h.key) && MECHANISM_TERMS.scan(text, { start: h.index + h.length, end: s.end }).some((e) => EVENT_TYPES.has(e.key))) continue;
      // "a forklift ran over her foot": a thing as the subject starts the phrase.
      const thing = THING_SUBJECT.exec(before) ?? /(another\s+)$/i.exec(before);
      const hit = mechanismPhrase(text, thing ? h.index - thing[1]!.length : h.index, s.end, false);
      if (hit && settingOnly(text, hit, s)) continue;
      // An event of no other type is told only by a term of its own ("was stuck with a needle", "bitten by a dog"), not by an activity.
      if (hit && (hit.type !== 'other' || OTHER_EVENT.has(h.term.toLowerCase().replace(/\s+/g, ' ')))) return hit;
    }
  }
  return null;
}

/** Cumulative trauma named as such: the phrase is the mechanism. */
const CUMULATIVE_NAMED = /^(?:continuous|cumulative)\s+trauma$|^ct\s+claim$/i;
/** A thing as the subject of an event, just before its verb ("a forklift ran over"): its noun, with what follows it. */
const THING_SUBJECT = /(?:\b(?:a|an|the)\s+|\b(?=another\s))((?:another\s+)?(?!(?:patient|worker|employee|claimant|applicant|injured)\b)(?:(?!(?:who|which|that|and|or|was|were|is|are|had|has|then|also)\b)[a-z-]+\s+){1,2}(?:of\s+(?:[a-z-]+\s+){1,2})?)$/i;

/** "While pushing a cart, she tripped and fell": a task set by a clause of its own, where the sentence goes on, after a comma, to an injurious event. */
function settingOnly(text: string, hit: MechanismHit, s: Span): boolean {
  if (EVENT_TYPES.has(hit.type)) return false;
  const rest = text.slice(hit.found.span.end, s.end);
  return /^\s*,/.test(rest) && MECHANISM_TERMS.scan(text, { start: hit.found.span.end, end: s.end }).some((h) => EVENT_TYPES.has(h.key));
}

/** A mechanism term that is the whole phrase ("cumulative trauma", "lifting" in "a lifting injury"). */
const termAsMechanism = (text: string, h: { index: number; length: number }, type: string): MechanismHit => ({
  found: { value: squash(text.slice(h.index, h.index + h.length)).toLowerCase(), span: { start: h.index, end: h.index + h.length } },
  type,
  named: true,
});

/** What an event told as the worker's comes after: a relative or a conjunction ("who slipped", "and twisted"), an auxiliary ("was struck"), "injured his back" before a gerund, a thing as subject ("a stockpot struck"), "from" after an onset ("pain from repetitive typing"). */
const TOLD_EVENT = /\b(?:woman|man|worker|employee|patient|claimant|applicant|individual|female|male)(?:,\s+[^,.;]{1,50},)?\s+$|(?:\bwho|\band|;|\bwas|\bwere|\bhe|\bshe|\bthey|\bgot|\bwhile|\bwhen|\bdeveloped\b[^.;]{0,60}\bfrom)\s+(?:(?:was|were|been|reportedly|apparently|had|then|also)\s+)*$|\b(?:injured|hurt|strained|sprained|twisted)\s+(?:his|her|their|the)\s+(?:[a-z-]+\s+){0,3}(?:on\s+[\w/,-]+(?:\s+\d{4})?,?\s+)?$|\b(?:a|an|the|another)\s+(?:[a-z-]+\s+){1,2}(?:of\s+(?:[a-z-]+\s+){1,2})?$|\b(?:sustained|suffered|received|filed)\s+(?:an?\s+|the\s+)?$|^\s*On\s+[\w/,-]+(?:\s+\d{4})?,?\s+(?:another\s+|an?\s+|the\s+)?$/i;
/** What makes a term no event: the pain it brings on or the work it stops ("pain with lifting", "unable to lift", "no lifting over 10 pounds"). */
const NOT_EVENT_BEFORE = /(?:pain|worse|aggravated|increased|difficulty|unable|avoid|limited|limit|restrict\w*|no|any|precautions|tolerance|tolerate|capacity|ability|able)\s+(?:with\s+|by\s+|on\s+|to\s+|for\s+|in\s+)?(?:\w+\s+)?$|\b(?:worse|worsens|worsened|aggravated|exacerbated|increases?|increased|provoked|brought\s+on)\s+(?:with|by|when|on|during)\s+(?:(?:prolonged|repetitive|repeated|any)\s+)?(?:[\w-]+(?:\s+[\w-]+)?(?:,\s+|\s+(?:and|or)\s+)){1,5}$/i;

// --------------------------------------------------------------- diagnoses

const DIAGNOSIS_CUE = new RegExp(
  '(?:' +
  [
    // Before the general cue, which would stop at their first words.
    String.raw`\bdiagnos(?:es|is)\s+(?:(?:are|were|is|was)\s+as\s+follows|(?:consist|consists|consisted)\s+of|(?:were|was|are|is)\s+(?:noted|documented|listed|reported)\s+to\s+be)`,
    String.raw`\bdiagnos(?:es|is|ed)(?:,?\s+and-or\s+impressions,?)?(?:\s+(?:that|which))?(?:\s+(?:have|has|had|was|were|is|are))?(?:\s+(?:been|being))?(?:\s+(?:noted|documented|listed|recorded|given|reported|stated))?(?:\s+(?:to|as))?\s*(?:included|includes|include|including|consisting\s+of|of|as\s+having|as|with|having|are|were|was|is|:|(?<=(?:noted|documented|listed|recorded|stated))(?=\s))`,
    String.raw`\b(?:being|been|was|is|were|currently)\s+treated\s+for(?:\s+(?:the\s+)?diagnos[ie]s\s+of)?`,
    String.raw`\bundergoing\s+treatments?\s+for(?:\s+(?:the\s+)?diagnos[ie]s\s+of)?`,
    String.raw`\bdiagnosed\s+(?:him|her|them|the\s+(?:patient|injured\s+worker|worker|claimant|applicant|employee))\s+with`,
  ].join('|') +
    String.raw`)\s*:?\s*`,
  'gi',
);

/** A value's end moved past the bracket that closes one it opened ("lumbar strain (left)", "knee sprain (S83.91XA)"). */
function closeBracket(text: string, start: number, end: number): number {
  const value = text.slice(start, end);
  return (value.match(/\(/g)?.length ?? 0) > (value.match(/\)/g)?.length ?? 0) && text[end] === ')' ? end + 1 : end;
}

const letters = (w: string) => w.toLowerCase().replace(/[^a-z/]/g, '');

/** Splits a run-on diagnosis list ("lumbar radiculopathy piriformis syndrome") after each head noun that ends a diagnosis, and before a word that opens one ("... and status post ..."). */
function splitOnHeads(list: string, words: { w: string; start: number; end: number }[]): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let begin = 0;
  const lower = words.map((word) => letters(word.w));
  for (let i = 0; i < words.length; i++) {
    if (i > begin && OPENER.test(list.slice(words[i]!.start, words[i]!.end + 12)) && !/^(?:of)$/.test(lower[i - 1]!)) {
      parts.push({ start: words[begin]!.start, end: words[i - 1]!.end });
      begin = i;
    }
    const w = lower[i]!;
    const next = lower[i + 1];
    if (isHead(w) && next !== undefined && !isHead(next) && !CONTINUATIONS.has(next) && !/^(?:and|or|\/)$/.test(next)) {
      parts.push({ start: words[begin]!.start, end: words[i]!.end });
      begin = i + 1;
    }
  }
  if (begin < words.length) parts.push({ start: words[begin]!.start, end: words[words.length - 1]!.end });
  return parts;
}

/** A head's kin: the same clinical ending ("tendinitis", "bursitis"), or a pair named together ("sprain", "strain"). */
function family(head: string): string {
  const ending = /(itis|ness|osis|algia|opathy|ectomy|plasty)$/.exec(head);
  if (ending) return ending[1]!;
  if (/^(?:sprains?|strains?|sprain\/strain|strain\/sprain)$/.test(head)) return 'sprain';
  return head.replace(/s$/, '');
}

const hasHead = (piece: string) =>
  piece
    .toLowerCase()
    .split(/[^a-z/]+/)
    .some((w) => isHead(w));
const wordCount = (piece: string) => piece.trim().split(/\s+/).filter(Boolean).length;

/** What separates a list's items: commas, semicolons, "as well as", and "and" or "or" (tested further); in a list of semicolons (two or more), no comma. */
const LIST_ITEMS = /\s*(?:;|,|\bas\s+well\s+as\b)\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?!\/)/gi;
const SEMICOLON_ITEMS = /\s*;\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?!\/)/gi;
/** Every cue has one of these words: a cheaper test passes over the many sentences with neither. */
const DIAGNOSIS_WORDS = /diagnos|treat/i;
/** A mechanism that follows a diagnosis is no part of it ("spinal contusion secondary to a fall", "low back pain post MVA"). */
const MECHANISM_TAIL = /\s*,?\s*\b(?:secondary\s+to|due\s+to|status\s+post|s\/p|post|after|from|following)\s+(?:being\s+)?[^,;]*$/i;
/** A diagnosis without the mechanism that follows it, where the tail names one ("status post a slip and fall", not "status post rotator cuff repair"). */
function withoutMechanism(piece: string): string {
  const tail = MECHANISM_TAIL.exec(piece);
  return tail && MECHANISM_TERMS.scan(tail[0]).length > 0 ? piece.slice(0, tail.index) : piece;
}

/** The marker of item `n` of a numbered list: "1)", "(1)", "1.". */
const itemMarker = (n: number): RegExp => new RegExp(`(?:^|\\s|(?<=[\\s:]))(?:\\(${n}\\)|${n}\\)|${n}\\.)\\s+`, 'y');

/**
 * A numbered list of diagnoses from `from` ("Diagnoses: 1) X. 2) Y, subsequent encounter; 3) Z"):
 * each item is one diagnosis, up to the next number's marker, the last up to its sentence's end.
 * Null where no "1" opens the list.
 */
function numberedDiagnoses(text: string, from: number, end: number): { items: Span[]; end: number } | null {
  const items: Span[] = [];
  let at = from;
  for (let n = 1; n < 40; n++) {
    const marker = itemMarker(n);
    marker.lastIndex = at;
    const m = marker.exec(text);
    if (!m || m.index + m[0].length > end || !/^\s*$/.test(text.slice(at, m.index))) break;
    const start = m.index + m[0].length;
    const next = new RegExp(`\\s(?:\\(${n + 1}\\)|${n + 1}\\)|${n + 1}\\.)\\s+`).exec(text.slice(start, Math.min(end, start + 300)));
    const close = next ? start + next.index : start + (/\.(?=\s+[A-Z]|\s*$)/.exec(text.slice(start, Math.min(end, start + 300)))?.index ?? Math.min(end, start + 300) - start);
    items.push({ start, end: close });
    at = close;
    if (!next) break;
  }
  return items.length >= 2 ? { items, end: at } : null;
}

function diagnoses(text: string, region: Span): Found<string>[] {
  const out: Found<string>[] = [];
  const seen = new Set<string>();
  let listedTo = -1;
  for (const s of sentences(text, region)) {
    if (s.start < listedTo) continue;
    const sentence = text.slice(s.start, s.end);
    if (!DIAGNOSIS_WORDS.test(sentence)) continue;
    DIAGNOSIS_CUE.lastIndex = 0;
    const m = DIAGNOSIS_CUE.exec(sentence);
    if (!m) continue;
    // "a history of a diagnosis of ...": a past condition mentioned, not the diagnoses.
    if (/\bhistory\s+of\s+an?\s*$/i.test(sentence.slice(0, m.index))) continue;
    const from = m.index + m[0].length;
    const numbered = numberedDiagnoses(text, s.start + from, region.end);
    if (numbered) {
      for (const item of numbered.items) {
        const piece = text.slice(item.start, item.end);
        const lead = /^(?:the|a|an)\s+/i.exec(piece)?.[0].length ?? 0;
        const a = item.start + lead;
        // "... 3) X and 4) Y": the conjunction before the next number; "X status post a fall": the mechanism (as in a list of commas).
        const b = item.start + withoutMechanism(piece.replace(/(?:[\s.,;:]|\s(?:and|or)\b)+$/i, '')).replace(/[\s.,;:]+$/, '').length;
        const value = squash(text.slice(a, b)).toLowerCase();
        if (b <= a || !/[a-z]/.test(value) || value.split(' ').length > 16 || seen.has(value)) continue;
        seen.add(value);
        out.push({ value, span: { start: a, end: b } });
      }
      listedTo = numbered.end;
      continue;
    }
    const listEnd = /\.(?=\s|$)|\s+(?:and\s+)?(?:who|which|that)\s|\s+(?:On|According|The)\s+(?=[A-Z0-9])|,?\s+and\s+(?:(?:he|she|they|then)\s+)?(?:was|were|is|has|had|underwent|received|started|began|referred)\b/.exec(sentence.slice(from));
    const list = sentence.slice(from, listEnd ? from + listEnd.index : sentence.length);
    // Items are separated by commas, semicolons, "as well as", and by "and" between two whole diagnoses.
    const items: { start: number; end: number; sep: string }[] = [];
    let last = 0;
    let sep = '';
    // A list whose items are set off by semicolons (two or more) keeps the commas inside each ("major depressive disorder, single episode, moderate; generalized anxiety disorder; insomnia").
    const separator = list.indexOf(';') !== list.lastIndexOf(';') ? SEMICOLON_ITEMS : LIST_ITEMS;
    separator.lastIndex = 0;
    for (let sm = separator.exec(list); sm !== null; sm = separator.exec(list)) {
      if (/^\s+(?:and|or)\s+$/i.test(sm[0])) {
        // "and" joins two whole diagnoses when each side has a head noun and neither is a bare head ("sprain and strain", "tendinitis and bursitis" are one).
        const left = list.slice(last, sm.index);
        const rest = list.slice(sm.index + sm[0].length);
        // The right side up to the next separator; when that names no condition, past the next "and" ("right and left knee joint strain", "fleeting homicidal and suicidal thoughts"), unless the left lists sites ("contusion of the chest wall and ribs ...").
        const nextSep = /[,;]|\s+(?:and|or)\s+/.exec(rest);
        let right = rest.slice(0, nextSep?.index ?? rest.length);
        if (!hasHead(right) && !/\b(?:of|to|in|at|involving)\b/i.test(left)) right = rest.slice(0, /[,;]/.exec(rest)?.index ?? rest.length);
        const rightFirst = letters(right.trim().split(/\s+/)[0] ?? '');
        // Kindred conditions that share their words stay one ("sprain and strain", "tendinitis and bursitis", "numbness and weakness of both arms"); unrelated ones are split ("depression and insomnia").
        const leftHead = left.toLowerCase().split(/[^a-z/]+/).filter(isHead).pop() ?? '';
        const shared = (wordCount(right) === 1 || (wordCount(left) === 1 && isHead(rightFirst))) && family(leftHead) === family(right.toLowerCase().split(/[^a-z/]+/).find(isHead) ?? '');
        const qualified = NOS.test(left.trim()) && hasHead(right);
        // "s/p left knee arthroscopy and lumbar strain": an item opened by "status post" ends at "and" before a diagnosis.
        const afterProcedure = OPENER.test(left.trim()) && PROCEDURE_END.test(left.trim()) && hasHead(right);
        if (!OPENER.test(right.trim()) && !qualified && !afterProcedure && !(hasHead(left) && hasHead(right) && !shared)) continue;
      }
      items.push({ start: last, end: sm.index, sep });
      sep = sm[0].includes(';') ? ';' : sm[0].includes(',') ? ',' : 'and';
      last = sm.index + sm[0].length;
    }
    items.push({ start: last, end: list.length, sep });
    // A piece with no head noun belongs to a diagnosis: to the one before it when that one lists its sites ("contusion of A, B and C", "sprain in left elbow, wrist, and hand") or the piece qualifies it ("..., subsequent encounter"); else to the one after it ("lumbar, hip, and neck strain").
    const parts: { start: number; end: number; head: boolean; open: boolean }[] = [];
    let pending: { start: number; end: number; ownItem?: boolean } | null = null;
    for (const item of items) {
      const words = wordsIn(list, item.start, item.end);
      let headInItem = false;
      for (const part of splitOnHeads(list, words)) {
        const piece = list.slice(part.start, part.end);
        const head = hasHead(piece) || OPENER.test(piece);
        const previous = parts[parts.length - 1];
        if (!head && headInItem && previous && !pending) {
          // A site after a head in the same item ("chondromalacia right knee", "... weakness bilateral upper extremities") is that diagnosis's.
          previous.end = part.end;
          continue;
        }
        headInItem ||= head;
        if (head) {
          parts.push({ start: pending ? pending.start : part.start, end: part.end, head, open: /\b(?:of|in|to|at|involving)\b/i.test(piece) });
          pending = null;
        } else if (previous && item.sep !== ';' && (previous.open || TRAILING_QUALIFIER.test(piece.trim()) || /^\(/.test(piece.trim()))) {
          previous.end = part.end;
        } else if (previous && item.sep !== ';' && !pending && /[;]/.test(list.slice(part.end, (items[items.indexOf(item) + 1]?.start ?? list.length)))) {
          // A piece with no head just before a semicolon closes the diagnosis before it ("..., most likely related to the neck;").
          previous.end = part.end;
        } else if (pending) pending.end = part.end;
        else pending = { ...part, ownItem: item.sep === ';' };
      }
    }
    if (pending) {
      // Left over at the end: an item set off by a semicolon is a diagnosis of its own ("...; and migraine"); otherwise it qualifies the last diagnosis, or (a list with no head noun at all: "right mild frozen shoulder") is one.
      const previous = parts[parts.length - 1];
      if (previous && !pending.ownItem) previous.end = pending.end;
      else parts.push({ start: pending.start, end: pending.end, head: false, open: false });
    }
    for (const part of parts) {
      let a = part.start;
      let piece = list.slice(a, part.end);
      const lead = /^(?:the|a|an|diagnos[ie]s\s+of)\s+/i.exec(piece);
      if (lead) a += lead[0].length;
      piece = list.slice(a, part.end);
      // A mechanism that follows the diagnosis, and a date of a procedure named after it, are dropped.
      piece = withoutMechanism(piece);
      piece = piece.replace(/\s+and\s+\w+(?:\s+\w+)?\s+on\s+\d[\d/-]*\s*$/i, '');
      const b = closeBracket(list, a, a + piece.replace(/[\s.,;:]+$/, '').length);
      if (b <= a) continue;
      // Only whole words: the value ends with a letter, digit or closing bracket.
      const value = squash(list.slice(a, b)).toLowerCase();
      if (!/[a-z]/.test(value) || value.split(' ').length > 16 || seen.has(value)) continue;
      seen.add(value);
      out.push({ value, span: { start: s.start + from + a, end: s.start + from + b } });
    }
  }
  return out;
}

// ------------------------------------------------------- regions, treatments

// The word lists below are written `\b(?:a|b)`, not `\ba|\bb`: V8 searches the first form up to twice as fast.

/** Sentences with a complaint, an injury or a diagnosis (the injured worker alone is none of them). */
const COMPLAINT_SENTENCE = /\b(?:injur(?:y|ies)\b|injured\b(?!\s+(?:worker|employee|party))|hurt\b|twist(?:ed|ing)\b|crush(?:ed|ing)\b|lacerat|depress(?:ion|ive|ed)\b|anxiety\b|insomnia\b|stress\b|pain\b|discomfort\b|felt\b|complain|diagnos(?:is|es|ed)\b|sprain|strain|treated\s+for|treatment\s+for|symptom|contusion|fracture|ache|numbness|nausea|dizz|syncop|palpitation|headache|sore(?:ness)?\b|swallow)/i;
/** Examination and imaging findings: a region seen only there is not an injured one. */
const FINDING_SENTENCE = /\b(?:exam(?:ination)?|objective(?:\s+findings)?|x-?rays?|MRI|CT\s+scan|imaging|radiograph\w*|studies|reflex(?:es)?|palpation|range\s+of\s+motion)\b/i;
const STRONG_COMPLAINT = /\b(?:complain|diagnos(?:is|es|ed)\b|injur(?:ed|y|ies)\b(?!\s+(?:worker|employee))|treated\s+for|treatment\s+for\b)/i;
/** A clause that states something normal ("Bowel and bladder function were normal"): the regions it names are not injured ones. */
const STATED_NORMAL = /(?<=^|[,;:]\s*|\band\s+(?=there\b|(?:his|her|the)\b))[^,;:]*?\b(?:was|were|is|are|remain(?:s|ed)?)\s+(?:(?:both|all|entirely|completely|essentially|grossly|otherwise)\s+)?(?:normal|intact|unremarkable|within\s+normal\s+limits)\b/gi;
/** The words STATED_NORMAL needs: its lookbehind is tried at every position, so it runs only on a sentence that has one (about a sixth of the cost). */
const NORMAL_WORD = /\b(?:normal|intact|unremarkable)\b/i;
/** Pain that radiates from a region names no new one after this. */
const RADIATION = /\b(?:radiat\w*|radicular|down\s+(?:the|to|into|both|his|her)|into\s+the|extending\s+(?:to|into)|shooting\s+(?:to|into|down)|(?:travel|spread)(?:s|ed|ing|led|ling)?\s+(?:past|beyond|to|into|down))\b/i;
/** Sentences about the disputed requests and what utilization review did with them: not the history of care or the complaints. */
const UR_SENTENCE = /\b(?:utili[sz]ation\s+review\b|UR\b|claims\s+administrator\b|request(?:ed|s)?\b|(?:was|were|been)\s+(?:previously\s+)?(?:denied|non-?\s?certified|modified|partially\s+certified)\b|denied\s+due\b|previous\s+denial\b|prior\s+(?:denial|determination|review)\b|treatment\s+plan\b|plan\s+of\s+care\b)/i;

function bodyRegions(text: string, sents: Span[], aboutUr: boolean[], history: boolean[], diagnosed: readonly Span[], denied: readonly Span[]): Found<string>[] {
  const found: Found<string>[] = [];
  const add = (h: { key: string; index: number; length: number }) => {
    // A region named only in what the summary states absent ("She denies neck pain") is no injured one.
    if (denied.some((d) => h.index >= d.start && h.index < d.end)) return;
    if (h.key !== 'none' && !found.some((f) => f.value === h.key)) found.push({ value: h.key, span: { start: h.index, end: h.index + h.length } });
  };
  sents.forEach((s, i) => {
    const sentence = text.slice(s.start, s.end);
    if (!COMPLAINT_SENTENCE.test(sentence)) return;
    // A request's or plan's regions are not the injured ones, unless the sentence also states a diagnosis or complaint.
    if (aboutUr[i] && !STRONG_COMPLAINT.test(sentence)) return;
    if (FINDING_SENTENCE.test(sentence) && !STRONG_COMPLAINT.test(sentence)) return;
    // A list of care received ("physical therapy for the thoracic spine", "pain medications, antianxiety medications") names no injured region.
    if (history[i] && !STRONG_COMPLAINT.test(sentence)) return;
    const radiation = RADIATION.exec(sentence)?.index ?? sentence.length;
    const normal = NORMAL_WORD.test(sentence) ? [...sentence.matchAll(STATED_NORMAL)].map((m) => ({ start: s.start + m.index!, end: s.start + m.index! + m[0].length })) : [];
    for (const h of BODY_REGION_TERMS.scan(text, { start: s.start, end: s.start + radiation })) if (!normal.some((n) => h.index >= n.start && h.index < n.end)) add(h);
  });
  // A diagnosis's own words name an injured region, wherever it is listed ("Diagnoses: 1. Lumbar disc protrusion. 2. ...").
  for (const d of diagnosed) for (const h of BODY_REGION_TERMS.scan(text, d)) add(h);
  return BODY_REGIONS.flatMap((r) => found.filter((f) => f.value === r));
}

const DRUG_KIND: Record<string, string> = { Opioids: 'opioids', NSAID: 'nsaids', 'Muscle Relaxant': 'muscle relaxants', 'Topical Analgesics': 'topical medications', 'Topical Compounds': 'topical medications' };
/** The mention goes on the name of a specific kind just before it ("transforaminal epidural" then "steroid injection"): one name. */
const continues = (text: string, before: TreatmentMention | undefined, t: TreatmentMention, kinds: readonly string[]): boolean =>
  before !== undefined && kinds.includes(before.kind) && before.span.end <= t.span.start && /^\s*$/.test(text.slice(before.span.end, t.span.start));

/** A named class replaces the general word for it ("Norco" gives opioids, not medications), unless that kind is also named by words of its own. */
const GENERIC_KINDS = new Map(Object.entries(priorLexicon.generic_kinds).map(([kind, g]) => [kind, { replacedBy: g.replaced_by, bare: g.bare ? new Set(g.bare.map((w) => w.toLowerCase())) : null }]));
/** A sentence that tells the history of care ("Treatment to date has included ...", "medications include ..."). */
const HISTORY_NOUN = /\b(?:treatments?|therapies|care|medications?|diagnostics?|testing|studies)\b/i;
const HISTORY_LIST = /\b(?:to\s+date|included?|includes|including|consisted|rendered|received|listed)\b/i;
const HISTORY_VERB = /\b(?:(?:has|had|have)\s+(?:had|received|undergone|tried|completed)\b|(?:prior|past)\s+treatment|previously\s+received|was\s+(?:given|prescribed|treated|fitted|started)|were\s+(?:given|prescribed|tried|applied)|(?:is|was|are|were|been)\s+(?:using|wearing|taking)\b|(?:wore|wears)\b(?!\s+(?:off|out|down|away))|(?:used|uses)\s+(?:a|an|his|her|their)\b)/i;
/** A sentence that tells the history of care: a list of care with its verb ("Treatment to date has included ..."), or care said to be received. */
const isHistory = (sentence: string): boolean => (HISTORY_LIST.test(sentence) && HISTORY_NOUN.test(sentence)) || HISTORY_VERB.test(sentence);
/** A sentence that lists medications. */
const MEDICATION_LIST = /\bmedications?\b|\bregimen\b|\bprescribed\b|\btaking\b/i;
/** A device named as the worker's own ("rests on his cane") is one in use. */
const OWN = /\b(?:his|her|their)\s+(?:\w+\s+)?$/i;
/** A drug named inside an injection ("injected with lidocaine/dexamethasone") is the injection's, not a medication taken. */
const INJECTED = /\binject(?:ed|ion|ions)\s+(?:\w+\s+){0,3}$/i;
/** A drug named before an injection ("cortisone injections", "a Toradol shot") names what was injected. */
const INJECTION_AFTER = /^\s+(?:injections?|shots?|blocks?|infusions?)\b/i;

const EARLIER_WORDS = /\b(?:prior|previous|previously|past|discontinu|stop|refill|continu)/i;
/** Triggers that name care as received before: "prior", "previous", "discontinue". */
const EARLIER = /^(?:prior|previous|previously|past|discontinu\w*|stop\w*|refill\w*|continu\w*)/i;
/** After a mention: the summary says it does not know ("were not specified", "are not indicated in the note"). */
const UNSTATED = /^[\s,]*(?:\w+\s+){0,2}?(?:was|were|are|is)\s+not\s+(?:\w+\s+)?(?:indicated|specified|documented|listed|provided|available|included|described|noted|legible)\b/i;
/** Tests whose negation by a result ("negative", "unremarkable") says they were done. */
const RESULT_KINDS = new Set(['diagnostic imaging', 'electrodiagnostic testing']);
/** Work status: a prior treatment only when a list of care names it. */
const LIST_ONLY = /\boff\s+(?:of\s+)?work\b|\btemporar(?:y|ily)\s+total(?:ly)?\s+disab|\bTTD\b/i;
const TREATMENT_LIST = /\b(?:treatments?|care|therapies)\b[^.]{0,60}\b(?:to\s+date|included?|includes|including|rendered|consisted\s+of|have\s+included|has\s+included)\b[^.]*$/i;

interface TreatmentMention {
  kind: string;
  span: Span;
  sentence: number;
  /** Found as a drug's name (its class's kind, or medications for any other drug). */
  drug?: true;
}

function treatmentMentions(text: string, sents: Span[], decisions: boolean[], histories: boolean[]): TreatmentMention[] {
  const out: TreatmentMention[] = [];
  sents.forEach((s, i) => {
    const sentence = text.slice(s.start, s.end);
    // A sentence reporting a review's decision names care received only as earlier care ("prior chiropractic"): without such a word, nothing to read.
    if (decisions[i] && !EARLIER_WORDS.test(sentence)) return;
    const history = histories[i]!;
    for (const h of PRIOR_TERMS.scan(text, s)) {
      if (h.key === 'none') continue;
      if (!history && HISTORY_ONLY.has(h.term.toLowerCase()) && !OWN.test(text.slice(Math.max(s.start, h.index - 20), h.index))) continue;
      out.push({ kind: h.key, span: { start: h.index, end: h.index + h.length }, sentence: i });
    }
    // A list of medications taken: misspelt names are looked for there too (natural's Jaro-Winkler).
    for (const d of findDrugs(sentence, history && MEDICATION_LIST.test(sentence))) {
      if (INJECTED.test(sentence.slice(Math.max(0, d.span.start - 40), d.span.start)) || INJECTION_AFTER.test(sentence.slice(d.span.end, d.span.end + 24))) continue;
      const drugClass = d.entry.topical_class && topicalAt(sentence, d.span) ? d.entry.topical_class : d.entry.class;
      out.push({ kind: DRUG_KIND[drugClass] ?? 'medications', span: { start: s.start + d.span.start, end: s.start + d.span.end }, sentence: i, drug: true });
    }
  });
  return out.sort((a, b) => a.span.start - b.span.start);
}

// ------------------------------------------------------------------- all

export function extractCaseSummary(text: string, summary: Span): CaseSummary {
  const region = narrative(text, summary);
  const sents = sentences(text, region);
  const aboutUr = sents.map((s) => UR_SENTENCE.test(text.slice(s.start, s.end)));
  const decisions = sents.map((s) => reportsDecision(text, s));
  const mech = mechanism(text, region);
  const diags = diagnoses(text, region);
  const histories = sents.map((s) => isHistory(text.slice(s.start, s.end)));
  const treatments = treatmentMentions(text, sents, decisions, histories);
  const statuses = assertStatuses(text, region, [...treatments.map((t) => t.span), ...diags.map((d) => d.span)]);
  const mentions: Mention[] = [
    ...treatments.map((t, i) => ({ kind: 'treatment' as const, value: t.kind, status: statuses[i]!, span: t.span })),
    ...diags.map((d, i) => ({ kind: 'diagnosis' as const, value: d.value, status: statuses[treatments.length + i]!, span: d.span })),
  ];

  const prior = new Map<string, Found<string>>();
  /** General kinds named at least once by more than their general words. */
  const namedOwn = new Set<string>();
  treatments.forEach((t, i) => {
    const status = statuses[i]!;
    if (status !== 'historical' && status !== 'affirmed' && status !== 'negated') return;
    // In a sentence that reports a review's decision, only care named as earlier ("prior chiropractic interventions", "discontinue tramadol") was received.
    if (decisions[t.sentence] && !triggeredBefore(text, sents[t.sentence]!, t.span, EARLIER, 1)) return;
    // Care the summary says is not stated ("Medications were not specified") is not known to have been received.
    if (UNSTATED.test(text.slice(t.span.end, Math.min(sents[t.sentence]!.end, t.span.end + 40)))) return;
    // A test with a negative result was done ("negative hip x-ray"); other care stated absent was not received.
    if (status === 'negated' && !(RESULT_KINDS.has(t.kind) && negatedByResult(text, sents[t.sentence]!, t.span))) return;
    // Work status (off work, temporary disability) counts only inside a list of care received.
    if (LIST_ONLY.test(text.slice(t.span.start, t.span.end)) && !TREATMENT_LIST.test(text.slice(sents[t.sentence]!.start, t.span.start))) return;
    if (!prior.has(t.kind)) prior.set(t.kind, { value: t.kind, span: t.span });
    const generic = GENERIC_KINDS.get(t.kind);
    if (generic?.bare && !t.drug && !generic.bare.has(squash(text.slice(t.span.start, t.span.end)).toLowerCase()) && !continues(text, treatments[i - 1], t, generic.replacedBy)) namedOwn.add(t.kind);
  });
  for (const [kind, g] of GENERIC_KINDS) if (!namedOwn.has(kind) && g.replacedBy.some((k) => prior.has(k))) prior.delete(kind);

  const ur = statedReview(text, region);
  const diagStatuses = statuses.slice(treatments.length);
  const within = (at: Span, spans: readonly Span[]) => spans.some((d) => at.start >= d.start && at.end <= d.end);
  // "lumbar disc displacement without myelopathy, chronic pain": a negation inside a diagnosis's own name qualifies it, and reaches no diagnosis after it.
  const ownNegation = (d: Span, k: number) => {
    const sentence = sentenceOf(sents, d.start);
    const others = diags.filter((_, j) => j !== k).map((x) => x.span);
    const reaching = sentence ? triggersIn(text, sentence).filter((t) => t.key.startsWith('negated') && t.end <= d.start) : [];
    return reaching.length > 0 && reaching.every((t) => within(t, others));
  };
  const diagnosed = diags.filter((d, k) => diagStatuses[k] !== 'negated' || ownNegation(d.span, k));
  const negated = dedupe(negatedPhrases(text, region).map((n) => ({ value: n.value, span: n.span })));
  return {
    occupation: occupation(text, region),
    mechanism: mech?.found ?? null,
    mechanismType: mech?.type ?? null,
    bodyRegions: bodyRegions(text, sents, aboutUr, histories, diagnosed.map((d) => d.span), negated.map((n) => n.span)),
    diagnoses: diagnosed,
    priorTreatments: PRIOR_TREATMENTS.flatMap((k) => (prior.has(k) ? [prior.get(k)!] : [])),
    negated,
    urAction: ur?.action ?? null,
    urActionDate: ur?.date ?? null,
    mentions,
  };
}

/** Without repeats, also of the same words in another form ("subluxation" after "subluxations", "tender" after "tenderness"). */
function dedupe(list: Found<string>[]): Found<string>[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = phraseKey(f.value);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

