/**
 * The guideline paragraphs of an item ("Claims Administrator guideline:",
 * "MAXIMUS guideline:") parsed into citations, and the decision rationale.
 *
 * A paragraph holds stock sentences ("did not cite any medical evidence",
 * "based their decision on recommendation(s) outside of the MTUS") and one or
 * more "Decision based on MTUS <guideline> <year>, Section(s): ..." or
 * "Decision based on Non-MTUS Citation <free text>" segments. MTUS segments
 * name guideline parts from the lexicon; non-MTUS text is ODG, ACOEM (outside
 * the MTUS) or another source.
 */
import { damagedLabel, labelDamaged } from '../labels.js';
import { loadLexicon, phrasePattern } from '../lexicon.js';
import { squash, trimSpan } from '../lines.js';
import type { Citation, Found, GuidelineParagraph, Message, Party, SourceFamily, Span } from '../types.js';

interface GuidelinesLexicon {
  mtus: Record<string, string[]>;
  odg: Record<string, string[]>;
  families: Record<'ODG' | 'ACOEM', string[]>;
}

const lexicon = loadLexicon<GuidelinesLexicon>('guidelines.json');

/** An alternation of aliases, longest first, each mapped back to its canonical name. */
function aliasMatcher(entries: Record<string, string[]>): { pattern: RegExp; canonical: (hit: string) => string } {
  const aliases = Object.entries(entries).flatMap(([canonical, names]) => names.map((name) => ({ canonical, name })));
  aliases.sort((a, b) => b.name.length - a.name.length);
  const compiled = aliases.map((a) => ({ ...a, re: new RegExp(`^${phrasePattern(a.name)}$`, 'i') }));
  /** Each hit's canonical name, found once: the aliases' patterns are tried one by one (a few hundred), and letters name the same few titles. */
  const known = new Map<string, string>();
  return {
    pattern: new RegExp(`\\b(?:${aliases.map((a) => phrasePattern(a.name)).join('|')})\\b`, 'gi'),
    canonical: (hit) => {
      let name = known.get(hit);
      if (name === undefined) {
        name = compiled.find((a) => a.re.test(hit))?.canonical ?? hit;
        // A bound on what is kept, whatever the letters (a hit is an alias as printed: few distinct ones).
        if (known.size >= 10_000) known.clear();
        known.set(hit, name);
      }
      return name;
    },
  };
}

const MTUS_TITLES = aliasMatcher(lexicon.mtus);
const ODG_CHAPTERS = aliasMatcher(lexicon.odg);
/** The titles' pattern for a first match (the shared global one keeps a position). */
const MTUS_TITLE = new RegExp(MTUS_TITLES.pattern.source, 'i');
/** An ODG chapter at the start of a text. */
const ODG_CHAPTER_FIRST = new RegExp(`^\\s*${ODG_CHAPTERS.pattern.source}`, 'i');
/** A further chapter named right after one ("Shoulder Chapter, Hand Chapter, ..."). */
const ODG_FURTHER_CHAPTER = new RegExp(`^\\s*[,;/&-]?\\s*(?:and\\s+)?(?:${ODG_CHAPTERS.pattern.source})(?=\\s*(?:[,;:/(-]|chapters?\\b|sections?\\b|$|\\.$))`, 'i');
const ODG = new RegExp(lexicon.families.ODG.map(phrasePattern).join('|'), 'i');
const ACOEM = new RegExp(lexicon.families.ACOEM.map(phrasePattern).join('|'), 'i');
const ODG_G = new RegExp(ODG.source, 'gi');
const ACOEM_G = new RegExp(ACOEM.source, 'gi');

/**
 * The labels that open an item's guideline paragraphs and rationale, per
 * layout. `prose`: the paragraph is a sentence naming what the party relied
 * on ("The Claims Administrator based its decision on the ..."), read from the
 * label's start; otherwise the label is followed by "Decision based on ..."
 * segments.
 */
export interface GuidelineLabels {
  prose: boolean;
  /** `name`: a short label as printed, for finding it damaged (src/core/labels.ts); prose openings have none. */
  labels: readonly { party: Party | 'rationale'; pattern: RegExp; name?: string }[];
}

export const LABELED_2015: GuidelineLabels = {
  prose: false,
  labels: [
    { party: 'claims_administrator', pattern: /Claims\s*Administrator\s*guidelines?\s*:/i, name: 'Claims Administrator guideline' },
    { party: 'reviewer', pattern: /MAXIMUS\s*guidelines?\s*:/i, name: 'MAXIMUS guideline' },
    { party: 'rationale', pattern: /Decision\s*rationale\s*:/i, name: 'Decision rationale' },
  ],
};

export const PROSE_2014: GuidelineLabels = {
  prose: true,
  labels: [
    { party: 'claims_administrator', pattern: /The\s+Claims\s+Administrator\s+(?:based\s+(?:its|their)\s+decision|did\s+not\s+cite)/i },
    { party: 'reviewer', pattern: /The\s+Expert\s+Reviewer\s+(?:based\s+(?:his\/her|his|her|their|its)\s+decision|did\s+not\s+cite|found\s+the\s+Claims\s+Administrator)/i },
    { party: 'rationale', pattern: /The\s+Expert\s+Reviewer'?s\s+decision\s+rationale\s*:/i },
  ],
};

export const PROSE_2013: GuidelineLabels = {
  prose: true,
  labels: [
    { party: 'claims_administrator', pattern: /Medical\s+Treatment\s+Guidelines?\s*\(?s?\)?\s+(?:that\s+)?the\s+Claims\s+Administrator\s+relied\s+upon\s*:/i },
    { party: 'reviewer', pattern: /Medical\s+Treatment\s+Guidelines?\s*\(?s?\)?\s+(?:that\s+)?the\s+Expert\s+Reviewer\s+relied\s+upon\s*:/i },
    { party: 'rationale', pattern: /Rationale\s+for\s+the\s+Decision\s*:/i },
  ],
};

const ADOPTS = /\bguidelines?\b[^.]{0,60}\bClaims\s+Administrator\b[^.]{0,40}\b(?:relevant|appropriate)|\bClaims\s+Administrator'?s?\s+guidelines?\b[^.]{0,40}\b(?:relevant|appropriate)|\b(?:agrees?|adopts?|adopted)\b[^.]{0,30}\bClaims\s+Administrator'?s?\s+guidelines?/i;
const NO_EVIDENCE = /did\s+not\s+cite\s+any\s+(?:medical\s+)?evidence/i;
const OUTSIDE_MTUS = /outside\s+(?:of\s+)?the\s+MTUS/i;
const SEGMENT = /Decision\s+based\s+on\s+/gi;
const NON_MTUS = /^Non\s*-?\s*MTUS(?:\s*Citations?)?\s*:?\s*/i;
const OTHER_GUIDELINES = /\s*\band\s+Other\s+Medical\s+Treatment\s+Guidelines?\b\s*/gi;

export interface ItemBody {
  guidelines: GuidelineParagraph[];
  rationale: Found<string> | null;
}

/** Reads the guideline paragraphs and the rationale from an item's body. */
export function extractGuidelines(text: string, body: Span, messages: Message[], style: GuidelineLabels = LABELED_2015): ItemBody {
  const region = text.slice(body.start, body.end);
  const labels = style.labels.flatMap(({ party, pattern }) => {
    const m = pattern.exec(region);
    if (!m) return [];
    const contentStart = style.prose && party !== 'rationale' && !/relied\s+upon\s*:$/i.test(m[0]) ? m.index : m.index + m[0].length;
    return [{ party, start: body.start + m.index, contentStart: body.start + contentStart }];
  });
  // A short label not printed exactly is looked for by its likeness ("Decision rationle:").
  for (const { party, name } of style.labels) {
    if (!name || labels.some((l) => l.party === party)) continue;
    const at = damagedLabel(text, body, [name], labels.map((l) => ({ start: l.start, end: l.contentStart })));
    if (!at) continue;
    labels.push({ party, start: at.start, contentStart: at.end });
    messages.push(labelDamaged(name, at));
  }
  labels.sort((a, b) => a.start - b.start);

  const result: ItemBody = { guidelines: [], rationale: null };
  labels.forEach((label, i) => {
    const end = labels[i + 1]?.start ?? body.end;
    const content = trimSpan(text, { start: label.contentStart, end });
    if (label.party === 'rationale') {
      result.rationale = { value: squash(text.slice(content.start, content.end)), span: content };
    } else {
      const paragraph = style.prose ? proseParagraph(text, label.party, { start: label.start, end }, content) : parseParagraph(text, label.party, { start: label.start, end }, content, messages);
      result.guidelines.push(paragraph);
    }
  });
  // "The Expert Reviewer found the Claims Administrator's guideline relevant and appropriate": the same sources.
  const ca = result.guidelines.find((g) => g.citedBy === 'claims_administrator');
  const rv = result.guidelines.find((g) => g.citedBy === 'reviewer');
  if (ca && rv && ADOPTS.test(text.slice(rv.span.start, rv.span.end))) {
    rv.citations = ca.citations.map((c) => ({ ...c, citedBy: 'reviewer' }));
    rv.families = [...ca.families];
  }
  for (const party of ['claims_administrator', 'reviewer'] as const) {
    if (!result.guidelines.some((g) => g.citedBy === party)) {
      messages.push({ ruleId: 'item-missing-guideline', reason: `no ${party === 'reviewer' ? 'MAXIMUS' : 'Claims Administrator'} guideline paragraph`, severity: 'warning', span: body });
    }
  }
  return result;
}

function parseParagraph(text: string, citedBy: Party, span: Span, content: Span, messages: Message[]): GuidelineParagraph {
  const raw = text.slice(content.start, content.end);
  const paragraph: GuidelineParagraph = {
    citedBy,
    span: trimSpan(text, span),
    noEvidence: NO_EVIDENCE.test(raw),
    outsideMtus: OUTSIDE_MTUS.test(raw),
    citations: [],
    families: [],
  };
  for (const segment of segments(text, content)) {
    const segText = text.slice(segment.start, segment.end);
    const non = NON_MTUS.exec(segText);
    if (non) {
      paragraph.citations.push(...nonMtus(text, citedBy, { start: segment.start + non[0].length, end: segment.end }));
    } else if (/^MTUS\b/i.test(segText)) {
      paragraph.citations.push(...mtus(text, citedBy, { start: segment.start + 4, end: segment.end }, segment));
    } else if (!paragraph.noEvidence && !paragraph.outsideMtus) {
      // A citation with no "Decision based on" lead (older letters): classify the text itself.
      paragraph.citations.push(...(ODG.test(segText) || ACOEM.test(segText) ? nonMtus(text, citedBy, segment) : mtus(text, citedBy, segment, segment)));
    }
  }
  if (!paragraph.noEvidence) paragraph.families = [...new Set(paragraph.citations.map((c) => c.family))].sort();
  if (!paragraph.noEvidence && paragraph.citations.length === 0) {
    messages.push({ ruleId: 'citation-unparsed', reason: 'a guideline paragraph with no citation that could be read', severity: 'warning', span: paragraph.span });
  }
  return paragraph;
}

/** The "Decision based on ..." segments of a paragraph; text before the first is a segment only when it is not a stock sentence. */
function segments(text: string, content: Span): Span[] {
  const region = text.slice(content.start, content.end);
  const leads: { start: number; end: number }[] = [];
  SEGMENT.lastIndex = 0;
  for (let m = SEGMENT.exec(region); m !== null; m = SEGMENT.exec(region)) leads.push({ start: m.index, end: m.index + m[0].length });
  if (leads.length === 0) {
    const stock = NO_EVIDENCE.test(region) || OUTSIDE_MTUS.test(region);
    return stock ? [] : [trimSpan(text, content)];
  }
  return leads.map((lead, i) => trimSpan(text, { start: content.start + lead.end, end: content.start + (leads[i + 1]?.start ?? region.length) }));
}

function cleanList(s: string): string {
  const t = squash(s).replace(/^[\s,;:]+/, '');
  return t.slice(0, withoutListTail(t, true));
}

function pagesIn(s: string): string {
  const m = /\b(?:Page\s*\(s\)\s*:?|pages?|pgs?\.?|p\.)\s*(\d+(?:\s*[-,]\s*\d+)*)/i.exec(s);
  return m ? m[1]!.replace(/\s+/g, '') : '';
}

/**
 * Length of `s` without the list separators at its end (", and", ";"),
 * which belong to no citation; with `period`, a final "." goes too.
 * (A loop, not a regular expression: linear on any input.)
 */
function withoutListTail(s: string, period: boolean): number {
  const separator = period ? /[\s,;.]/ : /[\s,;]/;
  let end = s.length;
  for (let pass = 0; pass < 2; pass++) {
    while (end > 0 && separator.test(s[end - 1]!)) end--;
    if (end >= 3 && s.slice(end - 3, end).toLowerCase() === 'and' && (end === 3 || !/[a-z0-9]/i.test(s[end - 4]!))) end -= 3;
    else break;
  }
  while (end > 0 && separator.test(s[end - 1]!)) end--;
  return end;
}

function citation(text: string, citedBy: Party, family: SourceFamily, span: Span, fields: Partial<Pick<Citation, 'guideline' | 'edition' | 'chapter' | 'sections' | 'pages'>>): Citation {
  const raw = text.slice(span.start, span.end);
  const end = span.start + withoutListTail(raw, false);
  const rawSpan = { start: span.start, end: Math.max(span.start, end) };
  return {
    citedBy,
    family,
    guideline: fields.guideline ?? '',
    edition: fields.edition ?? '',
    chapter: fields.chapter ?? '',
    sections: fields.sections ?? '',
    pages: fields.pages ?? '',
    raw: { value: squash(text.slice(rawSpan.start, rawSpan.end)), span: rawSpan },
  };
}

/**
 * MTUS citations: each guideline title (at the start, or after a comma or
 * "and", with an optional "Chapter N" before it) begins one citation; its
 * year, sections and pages follow it.
 */
function mtus(text: string, citedBy: Party, span: Span, whole: Span): Citation[] {
  const region = text.slice(span.start, span.end);
  const titles: { start: number; end: number; canonical: string; chapter: string }[] = [];
  const re = MTUS_TITLES.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(region); m !== null; m = re.exec(region)) {
    const before = region.slice(0, m.index);
    const lead = /(?:Chapter\s*(\d+)\s*)?$/i.exec(before)!;
    const preceding = before.slice(0, before.length - lead[0].length);
    const atStart = /^[\s,]*(?:ACOEM\s*)?$/i.test(preceding);
    const afterList = /(?:,|;|\band)\s*$/i.test(preceding);
    if (atStart || afterList) {
      titles.push({ start: atStart && titles.length === 0 ? 0 : lead.index, end: m.index + m[0].length, canonical: MTUS_TITLES.canonical(m[0]), chapter: lead[1] ?? '' });
    }
  }
  if (titles.length === 0) {
    const edition = /\b((?:19|20)\d{2})\b/.exec(region);
    return [citation(text, citedBy, 'MTUS', whole, { guideline: cleanList(edition ? region.slice(0, edition.index) : region), edition: edition?.[1] ?? '', pages: pagesIn(region) })];
  }
  return titles.map((t, i) => {
    const to = titles[i + 1]?.start ?? region.length;
    const rest = region.slice(t.end, to);
    const edition = /^\s*,?\s*((?:19|20)\d{2})\b/.exec(rest);
    const afterEdition = edition ? rest.slice(edition[0].length) : rest;
    const label = /Sections?\s*(?:\(s\))?\s*:/i.exec(afterEdition);
    const sections = (label ? afterEdition.slice(label.index + label[0].length) : afterEdition.replace(/^\s*Guidelines?\b/i, ''))
      .replace(/\b(?:Page\s*\(s\)\s*:?|pages?|pgs?\.?)\s*\d+(?:\s*[-,]\s*\d+)*/gi, '');
    return citation(text, citedBy, 'MTUS', trimSpan(text, { start: span.start + t.start, end: span.start + to }), {
      guideline: t.canonical,
      edition: edition?.[1] ?? '',
      chapter: t.chapter,
      sections: cleanList(sections),
      pages: pagesIn(rest),
    });
  });
}

/** Non-MTUS citations: ODG, ACOEM outside the MTUS, or another source. */
function nonMtus(text: string, citedBy: Party, span: Span): Citation[] {
  const region = text.slice(span.start, span.end);
  const parts: Span[] = [];
  let last = 0;
  OTHER_GUIDELINES.lastIndex = 0;
  for (let m = OTHER_GUIDELINES.exec(region); m !== null; m = OTHER_GUIDELINES.exec(region)) {
    parts.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  parts.push({ start: last, end: region.length });

  const out: Citation[] = [];
  for (const part of parts) {
    const partText = region.slice(part.start, part.end);
    if (!/\w/.test(partText)) continue;
    // Where both ODG and ACOEM are named, each mention starts its own citation.
    const mentions = [...mentionsOf(ODG_G, partText, 'ODG'), ...mentionsOf(ACOEM_G, partText, 'ACOEM')].sort((a, b) => a.index - b.index);
    const firsts = mentions.filter((m, i) => i === 0 || mentions[i - 1]!.family !== m.family);
    if (firsts.length === 0) {
      const odgChapter = ODG_CHAPTER_FIRST.exec(partText);
      const family: SourceFamily = odgChapter ? 'ODG' : 'Other';
      out.push(sourceCitation(text, citedBy, family, { start: span.start + part.start, end: span.start + part.end }));
      continue;
    }
    firsts.forEach((m, i) => {
      const from = i === 0 ? part.start : part.start + m.index;
      const to = firsts[i + 1] ? part.start + firsts[i + 1]!.index : part.end;
      out.push(sourceCitation(text, citedBy, m.family, { start: span.start + from, end: span.start + to }));
    });
  }
  return out;
}

function mentionsOf(re: RegExp, s: string, family: 'ODG' | 'ACOEM'): { index: number; family: 'ODG' | 'ACOEM' }[] {
  re.lastIndex = 0;
  const out: { index: number; family: 'ODG' | 'ACOEM' }[] = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push({ index: m.index, family });
  return out;
}

function sourceCitation(text: string, citedBy: Party, family: SourceFamily, span: Span): Citation {
  const trimmed = trimSpan(text, span);
  const raw = squash(text.slice(trimmed.start, trimmed.end));
  const edition = /\b(\d+(?:st|nd|rd|th))\s+(?:ed\b|edition)/i.exec(raw)?.[1] ?? /\((?:19|20)\d{2}\)/.exec(raw)?.[0].slice(1, -1) ?? '';
  const chapterNo = /\bChapter\s+(\d+)/i.exec(raw)?.[1] ?? '';
  if (family === 'ODG') {
    const odg = odgParts(raw);
    return citation(text, citedBy, family, trimmed, { guideline: odg.chapter ? `Official Disability Guidelines: ${odg.chapter}` : 'Official Disability Guidelines', chapter: odg.chapter, edition: edition || odg.edition, sections: odg.sections, pages: pagesIn(raw) });
  }
  if (family === 'ACOEM') {
    return citation(text, citedBy, family, trimmed, { guideline: 'ACOEM Occupational Medicine Practice Guidelines', chapter: chapterNo, edition, pages: pagesIn(raw) });
  }
  const title = raw.split(/(?<=[a-z]{2})[.?](?:\s|$)|,\s/)[0] ?? raw;
  return citation(text, citedBy, family, trimmed, { guideline: title.replace(/[\s.]+$/, ''), edition, chapter: chapterNo, pages: pagesIn(raw) });
}

/** What follows an ODG chapter's name and is no part of its topic: the chapter's qualifiers. */
const ODG_CHAPTER_QUALIFIERS = /^(?:\s*(?:\((?:acute\s*(?:&|and)\s*chronic|chronic|online\s+version|updated[^)]*|odg)\)|(?:[-,]\s*)?(?:lumbar|thoracic)\s*(?:&|and)\s*(?:lumbar|thoracic)\b|(?:&|and)\s*(?:lumbar|thoracic)\b|(?:&|and)\s+(?:neck|upper\s+back)\b|chapters?|sections?|procedure\s+summary|online\s+version|\(\s*(?:lumbar|thoracic)\s*(?:&|and)\s*(?:lumbar|thoracic)\s*,\s*acute\s*(?:&|and)\s*chronic\s*\)))+/i;
/** A year printed as the guideline's edition ("ODG, 2016, ...", "Official Disability Guidelines 2015"), not a date's year. */
const ODG_YEAR = /(?:Official\s+Disability\s+Guidelines|ODG)(?:\s*\(ODG\))?\s*,?\s*(?:\(\s*)?((?:19|20)\d{2})(?!\s*[/-])\b|\b((?:19|20)\d{2})\s+(?:edition|ed\.)|\b(\d+(?:st|nd|rd|th))\s+(?:ed\b|edition)/i;

/**
 * An ODG citation's chapter (lexicons/guidelines.json), its topic (the
 * `sections`: what follows the chapter and its qualifiers, "Knee & Leg,
 * Continuous passive motion" gives "Continuous passive motion"; or, when the
 * chapter comes last, what precedes it, "ODG MRI Elbow" gives "MRI"), and the
 * year printed as its edition.
 */
function odgParts(raw: string): { chapter: string; sections: string; edition: string } {
  const year = ODG_YEAR.exec(raw);
  const edition = year ? (year[1] ?? year[2] ?? year[3] ?? '') : '';
  const first = ODG.exec(raw);
  // The chapter may come before the guideline's name ("Shoulder (Acute & Chronic), Physical Therapy, ODG Preface").
  ODG_CHAPTER_FIRST.lastIndex = 0;
  const from = first && !ODG_CHAPTER_FIRST.test(raw) ? first.index + first[0].length : 0;
  const rest = raw.slice(from).replace(/^\s*\(ODG\)/i, '');
  const offset = raw.length - rest.length;
  ODG_CHAPTERS.pattern.lastIndex = 0;
  const chapter = ODG_CHAPTERS.pattern.exec(rest);
  if (!chapter) return { chapter: '', sections: topicOf(rest.replace(/^\s*,?\s*(?:(?:19|20)\d{2}\s*,?)?/, '')), edition };
  const name = ODG_CHAPTERS.canonical(chapter[0]);
  let after = raw.slice(offset + chapter.index + chapter[0].length);
  // Past the chapter's qualifiers and any further chapters named with it ("Shoulder Chapter, Hand Chapter, Physical therapy").
  for (let previous = ''; previous !== after; ) {
    previous = after;
    after = after.replace(ODG_CHAPTER_QUALIFIERS, '');
    const more = ODG_FURTHER_CHAPTER.exec(after);
    if (more) after = after.slice(more[0].length);
  }
  // A topic in brackets right after the chapter ("Low Back (Shock wave therapy)").
  const bracketed = /^\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*\.?\s*$/.exec(after);
  let topic = bracketed ? bracketed[1]! : after;
  // Else, with nothing after the chapter, what comes between the guideline's name and it ("ODG MRI Elbow", "ODG Physical therapy/Preface").
  if (!/[A-Za-z]/.test(topic)) topic = rest.slice(0, chapter.index).replace(/^\s*,?\s*(?:(?:19|20)\d{2}\s*,?)?/, '');
  return { chapter: name, sections: topicOf(topic), edition };
}

/** A topic's text: leading separators, a trailing "Topic", "guidelines" words and the next ODG citation dropped. */
function topicOf(s: string): string {
  let t = s.replace(/^[\s,:;/–—-]+/, '').replace(/^(?:\d{1,2}\/\d{1,2}\/\d{2,4}\s*)/, '');
  const next = /[;,]?\s*\b(?:ODG|Official\s+Disability\s+Guidelines)\b/i.exec(t);
  if (next) t = t.slice(0, next.index);
  t = t.replace(/[\s/]+Topic\s*\.?\s*$/i, '').replace(/[/\s]+$/, '');
  return cleanList(t).replace(/^[/\s]+|[/\s]+$/g, '');
}

// ------------------------------------------------------------ prose citations

const MTUS_MENTION_G = new RegExp(`\\bMTUS\\b|Medical\\s+Treatment\\s+Utilization\\s+Schedule|${MTUS_TITLES.pattern.source.slice(2, -2)}`, 'gi');
/** ACOEM chapters of the 2004 edition were adopted into the MTUS; the 3rd edition is outside it. */
const ACOEM_IN_MTUS = /part\s+of\s+the\s+(?:MTUS|Medical\s+Treatment\s+Utilization\s+Schedule)|2nd\s+Edition|\(2004\)|\bMTUS\b[^.;]{0,80}\bACOEM\b/i;
const NOT_MTUS = /not\s+part\s+of\s+the\s+MTUS|non-?\s?MTUS|outside\s+(?:of\s+)?the\s+MTUS|MTUS\s+(?:does\s+not|doesn't|did\s+not)\s+(?:address|cover)|MTUS\s+is\s+silent/i;
const PROSE_LEAD = /^(?:The\s+(?:Claims\s+Administrator|Expert\s+Reviewer)\s+based\s+(?:its|their|his\/her|his|her)\s+decision\s+on\s+)?(?:the\s+)?/i;
/** Words that mark a cited work that is none of the guideline families. */
const SOURCE_WORDS = /\b(?:Guidelines?|Advisory|Policy|Determination|NCD|Journal|et\s+al|UpToDate|FDA|label|textbook|Handbook|Manual|Review|Statement|Criteria|Association|Society|College|Academy|Institute|Medicare|edition|ed\.)\b/i;

/**
 * A guideline paragraph written as prose ("... based its decision on the
 * Chronic Pain Medical Treatment Guidelines (2009), Opioids, pages 74-96, part
 * of the MTUS, and on the Official Disability Guidelines (ODG), Pain Chapter,
 * a non-MTUS source"): split into works at semicolons and at ", and (on) the",
 * each classed by what it names.
 */
export function proseParagraph(text: string, citedBy: Party, span: Span, content: Span): GuidelineParagraph {
  const raw = text.slice(content.start, content.end);
  const paragraph: GuidelineParagraph = { citedBy, span: trimSpan(text, span), noEvidence: NO_EVIDENCE.test(raw), outsideMtus: OUTSIDE_MTUS.test(raw), citations: [], families: [] };
  if (paragraph.noEvidence) return paragraph;
  const lead = PROSE_LEAD.exec(raw)![0].length;
  const units: Span[] = [];
  // Works are separated by semicolons, ", and (on) the" and "and on the"; a bare ", and" may be inside a title ("Forearm, Wrist, and Hand").
  const separator = /;\s*|,\s+and\s+(?:on\s+)?the\s+(?=[A-Z(])|\s+and\s+on\s+(?:the\s+)?(?=[A-Z(])/g;
  let last = lead;
  for (let m = separator.exec(raw); m !== null; m = separator.exec(raw)) {
    if (m.index < lead) continue;
    units.push({ start: content.start + last, end: content.start + m.index });
    last = m.index + m[0].length;
  }
  units.push({ start: content.start + last, end: content.end });
  for (const unit of units) paragraph.citations.push(...proseUnit(text, citedBy, unit));
  paragraph.families = [...new Set(paragraph.citations.map((c) => c.family))].sort();
  return paragraph;
}

/** A qualifier that names the MTUS without citing it ("part of the MTUS", "a non-MTUS source"). */
const MTUS_QUALIFIER = /(?:part\s+of\s+the|non-?|outside\s+(?:of\s+)?the|not\s+part\s+of\s+the|not\s+in\s+the)\s*$/i;

/**
 * One cited work or a run of them: each family named starts a citation, except
 * an ACOEM chapter named inside an MTUS citation ("MTUS Knee Complaints
 * (ACOEM Chapter 13)"), which is the MTUS's, and a mere mention of the MTUS in
 * a qualifier.
 */
function proseUnit(text: string, citedBy: Party, unit: Span): Citation[] {
  const u = text.slice(unit.start, unit.end);
  const mentions: { at: number; family: SourceFamily }[] = [];
  for (const [re, family] of [[ODG_G, 'ODG'], [ACOEM_G, 'ACOEM'], [MTUS_MENTION_G, 'MTUS']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(u); m !== null; m = re.exec(u)) {
      if (family === 'MTUS' && MTUS_QUALIFIER.test(u.slice(Math.max(0, m.index - 30), m.index))) continue;
      mentions.push({ at: m.index, family });
    }
  }
  mentions.sort((a, b) => a.at - b.at);
  const starts: { at: number; family: SourceFamily }[] = [];
  for (const m of mentions) {
    const previous = starts[starts.length - 1];
    if (previous?.family === m.family) continue;
    // An ACOEM chapter named with its MTUS title, either way round, is one MTUS citation.
    if (previous && m.at - previous.at < 80 && ((previous.family === 'MTUS' && m.family === 'ACOEM') || (previous.family === 'ACOEM' && m.family === 'MTUS'))) continue;
    starts.push(m);
  }
  if (starts.length === 0) {
    return SOURCE_WORDS.test(u) && /[A-Z]/.test(u) ? [sourceCitation(text, citedBy, 'Other', unit)] : [];
  }
  const out: Citation[] = [];
  starts.forEach((m, i) => {
    const span = trimSpan(text, { start: unit.start + (i === 0 ? 0 : m.at), end: unit.start + (starts[i + 1]?.at ?? u.length) });
    const sub = text.slice(span.start, span.end);
    const pages = pagesIn(sub);
    const edition = /\b(\d+(?:st|nd|rd|th))\s+(?:ed\b|edition)/i.exec(sub)?.[1] ?? /\(((?:19|20)\d{2})\)/.exec(sub)?.[1] ?? '';
    if (m.family === 'ODG') out.push(sourceCitation(text, citedBy, 'ODG', span));
    else if (m.family === 'ACOEM') {
      const adopted = (ACOEM_IN_MTUS.test(sub) || guidelineIn(sub) !== '') && !/3rd\s+Edition|non-?\s?MTUS|not\s+part\s+of\s+the\s+MTUS/i.test(sub);
      const family: SourceFamily = adopted ? 'MTUS' : 'ACOEM';
      out.push(citation(text, citedBy, family, span, { guideline: family === 'MTUS' ? guidelineIn(sub) || 'ACOEM Practice Guidelines' : 'ACOEM Occupational Medicine Practice Guidelines', edition, pages }));
    } else if (!NOT_MTUS.test(sub)) {
      out.push(citation(text, citedBy, 'MTUS', span, { guideline: guidelineIn(sub), edition, pages, sections: sectionsAfterTitle(sub) }));
    }
  });
  return out;
}

function guidelineIn(s: string): string {
  const m = MTUS_TITLE.exec(s);
  return m ? MTUS_TITLES.canonical(m[0]) : '';
}

/** Prose sections: what follows the title and its year, before pages and qualifiers. */
function sectionsAfterTitle(s: string): string {
  const m = MTUS_TITLE.exec(s);
  if (!m) return '';
  const rest = s
    .slice(m.index + m[0].length)
    .replace(/^\s*Guidelines?\b/i, '')
    .replace(/^\s*,?\s*\(?(?:19|20)\d{2}\)?/, '')
    .replace(/,?\s*(?:which\s+(?:is|are)\s+)?part\s+of\s+the\s+.*$/is, '')
    .replace(/\b(?:Page\s*\(s\)\s*:?|pages?|pgs?\.?)\s*\d+(?:\s*[-,]\s*\d+)*/gi, '');
  return cleanList(rest);
}
