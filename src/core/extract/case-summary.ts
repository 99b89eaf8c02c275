/**
 * The clinical case summary's fields: occupation, mechanism of injury, body
 * regions, diagnoses, prior treatments, what the summary states as absent,
 * and the utilization-review action with its date. Every value carries the
 * span it was read from; treatments and diagnoses carry an assertion status.
 *
 * compromise runs only on the short phrase after an occupation cue
 * ("working as a ..."), to cut it at the end of its noun phrase.
 */
import { compromise } from '../nlp.js';
import { loadLexicon } from '../lexicon.js';
import { squash } from '../lines.js';
import { sentences } from '../sentences.js';
import { TermMatcher } from '../terms.js';
import type { Found, Span } from '../types.js';
import { assertStatuses, negatedPhrases, type AssertionStatus } from './assertions.js';
import { findDrugs } from './drugs.js';
import { BODY_REGION_TERMS } from './item-details.js';
import { urReports } from './utilization-review.js';
import { BODY_REGIONS, MECHANISM_WORDS, PRIOR_TREATMENT_WORDS, PRIOR_TREATMENTS, type UrAction } from '../vocabulary.js';

const PRIOR_TERMS = new TermMatcher(Object.entries(PRIOR_TREATMENT_WORDS));

const MECHANISM_TERMS = new TermMatcher(Object.entries(MECHANISM_WORDS));

const diagnosisLexicon = loadLexicon<{ heads: string[]; continuations: string[] }>('diagnoses.json');
const HEAD_WORDS = new Set(diagnosisLexicon.heads);
/** A diagnosis head noun: listed, or a clinical suffix (-algia, -itis, -osis, -opathy, -ectomy, -otomy, -plasty). */
const isHead = (word: string): boolean => HEAD_WORDS.has(word) || /(?:algia|itis|osis|opathy|ectomy|otomy|plasty)$/.test(word);
/** Words that open a diagnosis of their own, even without a head noun. */
const OPENER = /^(?:status\s+post|s\/p|rule\s+out|r\/o|possible|probable|history\s+of)\b/i;
const CONTINUATIONS = new Set(diagnosisLexicon.continuations);


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

// ---------------------------------------------------------------- occupation

/** Words that end a job title: pronouns, prepositions, conjunctions, auxiliaries, clause openers. */
const OCCUPATION_STOP = /^(?:he|she|they|his|her|their|who|which|that|when|while|where|whom|at|in|on|for|with|from|since|until|by|of|to|and|or|but|was|were|is|are|has|had|have|since|during|after|before|until|because)$/i;

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
  return words;
}

/** Cues after which a job title follows: strong ones ("works as a"), and weak ones whose title must end in a known job noun. */
const STRONG_CUE = /\b(?:work(?:ed|ing|s)?|employed|hired|job)\s+as\s+(?:an?\s+|the\s+)?|\boccupation\s*(?:as\s+an?|was|is|:)\s*(?:an?\s+)?|\busual\s+and\s+customary\s+(?:job|occupation)\s+(?:as\s+an?\s+)?/gi;
const WEAK_CUE = /\b\d{1,3}[\s-]*years?[\s-]*old\s+(?:fe)?male\s+(?=[A-Za-z])|\b(?:He|She)\s+(?:is|was)\s+an?\s+(?=[A-Za-z])/g;
const NOT_OCCUPATION = /^(?:injured\s+worker|injured\s+employee|worker|employee|patient|claimant|applicant|individual|person|result|part|well|now|who)$/i;
const JOB_HEADS = new Set(loadLexicon<{ heads: string[] }>('occupations.json').heads);
const isJob = (word: string) => JOB_HEADS.has(word.toLowerCase().replace(/s$/, '')) || JOB_HEADS.has(word.toLowerCase());

/** The words of a title after a cue: up to a word that cannot be in one; the longest prefix ending in a job noun, else compromise's noun phrase. */
function title(clause: string, strong: boolean): string[] {
  let words = clause.split(/\s+/).filter(Boolean);
  const stop = words.findIndex((w) => OCCUPATION_STOP.test(w));
  if (stop >= 0) words = words.slice(0, stop);
  words = words.slice(0, 6);
  let head = -1;
  for (let i = words.length - 1; i >= 0; i--) if (isJob(words[i]!.replace(/[^\w-]/g, ''))) { head = i; break; }
  if (head >= 0) return words.slice(0, head + 1);
  if (!strong) return [];
  return words.length > 2 || words.some((w) => /\w(?:ing|ed)$/i.test(w)) ? nounPhrase(words.join(' ')) : words;
}

function occupation(text: string, region: Span): Found<string> | null {
  const body = text.slice(region.start, region.end);
  const cues = [...body.matchAll(STRONG_CUE)].map((m) => ({ m, strong: true })).concat([...body.matchAll(WEAK_CUE)].map((m) => ({ m, strong: false }))).sort((a, b) => a.m.index! - b.m.index!);
  for (const { m, strong } of cues) {
    const from = m.index! + m[0].length;
    const clause = /^[^.,;:()\n]{1,60}/.exec(body.slice(from).replace(/\n/g, ' '))?.[0] ?? '';
    // A title's words without the punctuation around them ("driver," -> "driver").
    const words = title(clause, strong).map((w) => w.replace(/^[^\w]+|[^\w]+$/g, '')).filter(Boolean);
    const phrase = words.join(' ').replace(/[^\w\s/&'-]/g, '').trim();
    if (!phrase || NOT_OCCUPATION.test(phrase)) continue;
    const at = body.indexOf(words[0]!, from);
    const last = words[words.length - 1]!;
    const end = body.indexOf(last, at + (words.length > 1 ? words[0]!.length : 0)) + last.length;
    if (at < 0 || end <= at) continue;
    return { value: squash(body.slice(at, end)).toLowerCase().replace(/[^\w\s/&'-]+$/, ''), span: { start: region.start + at, end: region.start + end } };
  }
  return null;
}

// ----------------------------------------------------------------- mechanism

const INJURY_SENTENCE = /\bmechanism\b|\binjur|\bdate\s+of\s+injury|\bDOI\b|\bhurt\b|\boccurred\b|\bsustained\b/i;
const MECHANISM_CUES: RegExp[] = [
  /\bmechanism\s+of\s+(?:the\s+)?injury\s+(?:is|was)\s+(?:(?:detailed|described|noted|reported|documented|listed|stated)\s+as\s+|unclear\b|unknown\b)?(?:(?:the\s+)?(?:patient|injured\s+worker|claimant|applicant)\s+)?/i,
  /\b(?:secondary\s+to|due\s+to|as\s+a\s+result\s+of|resulting\s+from|caused\s+by)\s+(?:an?\s+|the\s+|his\s+|her\s+)?/i,
  /\b(?:while|when|after)\s+(?:(?:he|she|they|the\s+(?:injured\s+)?worker|the\s+patient|the\s+claimant|the\s+applicant)\s+)?(?:(?:was|were)\s+)?/i,
];
const MECHANISM_END = /[.,;:()\n]|\b(?:and\s+(?:he|she|was|has|had|developed|sustained|felt|injured)|which|resulting|who|with\s+(?:complaints|pain)|on\s+\d)\b/i;

function mechanism(text: string, region: Span): { found: Found<string>; type: string } | null {
  for (const s of sentences(text, region)) {
    const sentence = text.slice(s.start, s.end);
    if (!INJURY_SENTENCE.test(sentence)) continue;
    for (const cue of MECHANISM_CUES) {
      const m = cue.exec(sentence);
      if (!m) continue;
      const from = m.index + m[0].length;
      const rest = sentence.slice(from);
      const stop = MECHANISM_END.exec(rest);
      const lead = rest.length - rest.trimStart().length;
      const phrase = rest.slice(lead, stop ? stop.index : rest.length).trimEnd();
      const words = [...phrase.matchAll(/\S+/g)];
      if (words.length === 0 || words.length > 12 || (words.length < 2 && /^(?:work|his|her|the)$/i.test(phrase))) continue;
      const typeHit = MECHANISM_TERMS.scan(phrase)[0];
      if (/^(?:unclear|unknown)$/i.test(m[0].trim().split(/\s+/).pop() ?? '')) return null;
      if (!typeHit && cue === MECHANISM_CUES[1]) continue;
      const keptWords = words.slice(0, 8);
      const lastWord = keptWords[keptWords.length - 1]!;
      const start = s.start + from + lead;
      const end = start + lastWord.index! + lastWord[0].length;
      const kept = squash(text.slice(start, end));
      return { found: { value: kept.toLowerCase(), span: { start, end } }, type: typeHit ? firstType(phrase) : 'other' };
    }
  }
  return null;
}

/** The first mechanism type, in the lexicon's order, that a phrase names. */
function firstType(phrase: string): string {
  const keys = new Set(MECHANISM_TERMS.scan(phrase).map((h) => h.key));
  return Object.keys(MECHANISM_WORDS).find((t) => keys.has(t)) ?? 'other';
}

// --------------------------------------------------------------- diagnoses

const DIAGNOSIS_CUE = new RegExp(
  [
    String.raw`\bdiagnos(?:es|is|ed)(?:,?\s+and-or\s+impressions,?)?(?:\s+(?:have|has|had|was|were|is|are))?(?:\s+(?:been|being))?(?:\s+(?:noted|documented|listed|recorded|given|reported))?(?:\s+(?:to|as))?\s*(?:included|includes|include|including|consisting\s+of|of|as\s+having|as|with|having|are|were|was|is|:)`,
    String.raw`\b(?:being|been|was|is|were|currently)\s+treated\s+for(?:\s+(?:the\s+)?diagnos[ie]s\s+of)?`,
    String.raw`\bundergoing\s+treatments?\s+for(?:\s+(?:the\s+)?diagnos[ie]s\s+of)?`,
  ].join('|') + String.raw`\s*:?\s*`,
  'gi',
);

/** Splits a run-on diagnosis list ("lumbar radiculopathy piriformis syndrome") after each head noun that ends a diagnosis. */
function splitOnHeads(words: { w: string; start: number; end: number }[]): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let begin = 0;
  // Each word's letters, lower-cased, made once (each is asked about as a word and as the next one).
  const letters = words.map((word) => word.w.toLowerCase().replace(/[^a-z/]/g, ''));
  for (let i = 0; i < words.length; i++) {
    const w = letters[i]!;
    const next = letters[i + 1];
    if (isHead(w) && next !== undefined && !isHead(next) && !CONTINUATIONS.has(next)) {
      parts.push({ start: words[begin]!.start, end: words[i]!.end });
      begin = i + 1;
    }
  }
  if (begin < words.length) parts.push({ start: words[begin]!.start, end: words[words.length - 1]!.end });
  return parts;
}

/** Every cue has one of these words: a cheaper test passes over the many sentences with neither. */
const DIAGNOSIS_WORDS = /diagnos|treat/i;

function diagnoses(text: string, region: Span): Found<string>[] {
  const out: Found<string>[] = [];
  const seen = new Set<string>();
  for (const s of sentences(text, region)) {
    const sentence = text.slice(s.start, s.end);
    if (!DIAGNOSIS_WORDS.test(sentence)) continue;
    DIAGNOSIS_CUE.lastIndex = 0;
    const m = DIAGNOSIS_CUE.exec(sentence);
    if (!m) continue;
    const from = m.index + m[0].length;
    const listEnd = /\.\s*$|\.(?=\s)|\s+(?:and\s+)?(?:who|which|that)\s|\.\s*$/.exec(sentence.slice(from));
    const list = sentence.slice(from, listEnd ? from + listEnd.index : sentence.length);
    // Items are separated by commas, semicolons, "as well as", and by "and" after a complete diagnosis.
    const items: { start: number; end: number }[] = [];
    let last = 0;
    const sep = /\s*(?:;|,|\bas\s+well\s+as\b)\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/gi;
    for (let sm = sep.exec(list); sm !== null; sm = sep.exec(list)) {
      if (/^\s+(?:and|or)\s+$/i.test(sm[0])) {
        // "and" separates two diagnoses when a complete one ends before it or a new one starts after it.
        const left = list.slice(last, sm.index).trim().split(/\s+/).pop()?.toLowerCase().replace(/[^a-z/]/g, '') ?? '';
        const right = list.slice(sm.index + sm[0].length).trim().split(/\s+/)[0]?.toLowerCase().replace(/[^a-z/]/g, '') ?? '';
        if (!isHead(left) && !isHead(right)) continue;
      }
      items.push({ start: last, end: sm.index });
      last = sm.index + sm[0].length;
    }
    items.push({ start: last, end: list.length });
    // A piece with no head noun ("fascia", "left hand", "initial encounter") belongs to the diagnosis before it.
    const parts: { start: number; end: number }[] = [];
    for (const item of items) {
      const words = [...list.slice(item.start, item.end).matchAll(/\S+/g)].map((w) => ({ w: w[0], start: item.start + w.index!, end: item.start + w.index! + w[0].length }));
      for (const part of splitOnHeads(words)) {
        const piece = list.slice(part.start, part.end);
        const hasHead = piece.toLowerCase().split(/[^a-z/]+/).some((w) => isHead(w));
        if (!hasHead && !OPENER.test(piece) && parts.length > 0) parts[parts.length - 1]!.end = part.end;
        else parts.push({ ...part });
      }
    }
    {
      for (const part of parts) {
        let a = part.start;
        const lead = /^(?:the|a|an|diagnos[ie]s\s+of|history\s+of)\s+/i.exec(list.slice(a, part.end));
        if (lead) a += lead[0].length;
        const b = a + list.slice(a, part.end).replace(/[\s.,;:]+$/, '').length;
        if (b <= a) continue;
        const value = squash(list.slice(a, b)).toLowerCase();
        if (value.split(' ').length > 14 || seen.has(value)) continue;
        seen.add(value);
        out.push({ value, span: { start: s.start + from + a, end: s.start + from + b } });
      }
    }
  }
  return out;
}

// ------------------------------------------------------- regions, treatments

/** Sentences about the disputed requests and what utilization review did with them: not the history of care. */
const UR_SENTENCE = /\butili[sz]ation\s+review\b|\bUR\b|\brequest(?:ed|s)?\b|\b(?:was|were|been)\s+(?:denied|non-?\s?certified|modified|partially\s+certified)\b|\bdenied\s+due\b|\bprevious\s+denial\b|\bprior\s+determination\b/i;
const COMPLAINT_SENTENCE = /\binjur|\bpain\b|\bcomplain|\bdiagnos|\bsprain|\bstrain|\btreated\s+for|\bsymptom|\bcontusion|\bfracture|\bache/i;

/** Examination and imaging findings: a region seen only there is not an injured one. */
const FINDING_SENTENCE = /\b(?:exam(?:ination)?|objective(?:\s+findings)?|x-?rays?|MRI|CT\s+scan|imaging|radiograph\w*|studies|reflex(?:es)?|palpation)\b/i;
const STRONG_COMPLAINT = /\bcomplain|\bdiagnos|\binjur(?:ed|y|ies)\b/i;
/** Pain that radiates from a region names no new one after this. */
const RADIATION = /\b(?:radiat\w*|down\s+(?:the|to|into)|into\s+the|extending\s+(?:to|into))\b/i;

/** The sentences of `region` about the disputed requests (UR_SENTENCE), found once for the regions and the treatments. */
function urSentences(text: string, region: Span): Set<Span> {
  return new Set(sentences(text, region).filter((s) => UR_SENTENCE.test(text.slice(s.start, s.end))));
}

function bodyRegions(text: string, region: Span, aboutUr: Set<Span>): Found<string>[] {
  const found: Found<string>[] = [];
  for (const s of sentences(text, region)) {
    const sentence = text.slice(s.start, s.end);
    if (!COMPLAINT_SENTENCE.test(sentence) || aboutUr.has(s)) continue;
    if (FINDING_SENTENCE.test(sentence) && !STRONG_COMPLAINT.test(sentence)) continue;
    const radiation = RADIATION.exec(sentence)?.index ?? sentence.length;
    for (const h of BODY_REGION_TERMS.scan(text, { start: s.start, end: s.start + radiation })) {
      if (!found.some((f) => f.value === h.key)) found.push({ value: h.key, span: { start: h.index, end: h.index + h.length } });
    }
  }
  return BODY_REGIONS.flatMap((r) => found.filter((f) => f.value === r));
}

const DRUG_KIND: Record<string, string> = { Opioids: 'opioids', NSAID: 'nsaids', 'Muscle Relaxant': 'muscle relaxants', 'Topical Analgesics': 'topical medications', 'Topical Compounds': 'topical medications' };
/** A named class replaces the generic word for it ("Norco" gives opioids, not medications). */
const GENERIC_OF: Record<string, string[]> = {
  medications: ['opioids', 'nsaids', 'muscle relaxants', 'topical medications'],
  injections: ['epidural steroid injection', 'facet injection/radiofrequency ablation', 'trigger point injection'],
};

function treatmentMentions(text: string, region: Span, aboutUr: Set<Span>): { kind: string; span: Span }[] {
  const out: { kind: string; span: Span }[] = [];
  for (const s of sentences(text, region)) {
    const sentence = text.slice(s.start, s.end);
    if (aboutUr.has(s)) continue;
    for (const h of PRIOR_TERMS.scan(text, s)) out.push({ kind: h.key, span: { start: h.index, end: h.index + h.length } });
    for (const d of findDrugs(sentence)) {
      out.push({ kind: DRUG_KIND[d.entry.class] ?? 'medications', span: { start: s.start + d.span.start, end: s.start + d.span.end } });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

// ------------------------------------------------------------------- all

export function extractCaseSummary(text: string, summary: Span): CaseSummary {
  const region = narrative(text, summary);
  const mech = mechanism(text, region);
  const diags = diagnoses(text, region);
  const aboutUr = urSentences(text, region);
  const treatments = treatmentMentions(text, region, aboutUr);
  const statuses = assertStatuses(text, region, [...treatments.map((t) => t.span), ...diags.map((d) => d.span)]);
  const mentions: Mention[] = [
    ...treatments.map((t, i) => ({ kind: 'treatment' as const, value: t.kind, status: statuses[i]!, span: t.span })),
    ...diags.map((d, i) => ({ kind: 'diagnosis' as const, value: d.value, status: statuses[treatments.length + i]!, span: d.span })),
  ];

  const prior = new Map<string, Found<string>>();
  for (const m of mentions) {
    if (m.kind === 'treatment' && (m.status === 'historical' || m.status === 'affirmed') && !prior.has(m.value)) prior.set(m.value, { value: m.value, span: m.span });
  }
  for (const [generic, specific] of Object.entries(GENERIC_OF)) if (specific.some((k) => prior.has(k))) prior.delete(generic);

  const ur = urReports(text, region)[0];
  return {
    occupation: occupation(text, region),
    mechanism: mech?.found ?? null,
    mechanismType: mech?.type ?? null,
    bodyRegions: bodyRegions(text, region, aboutUr),
    diagnoses: diags.filter((d, i) => statuses[treatments.length + i] !== 'negated'),
    priorTreatments: PRIOR_TREATMENTS.flatMap((k) => (prior.has(k) ? [prior.get(k)!] : [])),
    negated: dedupe(negatedPhrases(text, region).map((n) => ({ value: n.value, span: n.span }))),
    urAction: ur?.action ?? null,
    urActionDate: ur?.date ?? null,
    mentions,
  };
}

function dedupe(list: Found<string>[]): Found<string>[] {
  const seen = new Set<string>();
  return list.filter((f) => (seen.has(f.value) ? false : (seen.add(f.value), true)));
}

