/**
 * `professional-review`: "MEDICAL PROFESSIONAL REVIEW", a labelled header,
 * "ISSUE AT DISPUTE:" with the disputed items as questions ("1. Is the request
 * for X medically necessary?", decided in the rationale), as "X: Upheld" lines
 * or as "X is (not) medically necessary" sentences, numbered or not,
 * "CASE SUMMARY:", "DOCUMENTS REVIEWED FOR DETERMINATION:", "MEDICAL TREATMENT
 * GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:" (per item: "1.
 * X: <citations>. <why>"), "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE
 * IS/WAS NOT MEDICALLY NECESSARY:" (per item, ending "The requested X is (not)
 * medically necessary.") and "MEDICAL REVIEWER QUALIFICATIONS:". Only the
 * reviewer's guidelines are stated.
 */
import { proseParagraph } from '../extract/citations.js';
import { readIssueItems } from '../extract/decisions.js';
import type { FoundItem } from '../extract/items.js';
import { NECESSITY, necessityOutcome } from '../extract/outcome.js';
import { blocks, numberedDecisions } from '../extract/prose-items.js';
import { squash, trimSpan } from '../lines.js';
import { sectionNamed } from '../sections.js';
import type { Found, GuidelineParagraph, Outcome, Span } from '../types.js';
import type { Layout } from './layout.js';

const NUMBERED = /(?:^|\n)[ \t]*(\d{1,2})[.)][ \t]+/g;
/** A rationale's decision sentence: "The requested X is (not) medically necessary". */
const DECISION_SENTENCE = new RegExp(`The\\s+requested\\s+[^]{1,400}?${NECESSITY}`, 'gi');
/** The ways the disputed issues are worded: questions (decided in the rationale), "X: Upheld" lines, "X is (not) medically necessary" sentences. */
const QUESTION_LEAD = String.raw`(?:^|\n)[ \t]*(\d{1,2})[.)][ \t]+Is\s+the\s+request\s+for\s+`;
const SENTENCE_LEAD = String.raw`(?:^|\n)[ \t]*(?:(\d{1,2})[.)][ \t]+)?`;

/** Item blocks of a section, in order: from each "N." at a line start to the next (numbers as printed, skips and repeats kept). */
function numberedBlocks(text: string, section: Span): Span[] {
  const region = text.slice(section.start, section.end);
  const starts: { at: number; content: number }[] = [];
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(region); m !== null; m = NUMBERED.exec(region)) starts.push({ at: section.start + m.index, content: section.start + m.index + m[0].length });
  const spans = blocks(starts.map((s) => s.at), section.end);
  return starts.map((s, i) => ({ start: s.content, end: spans[i]!.end }));
}

/** An "X: Upheld" line's item with its number ("1. X") taken off the request and kept as the printed number. */
function numbered(text: string, item: FoundItem): FoundItem {
  const label = /^(\d{1,2})[.)][ \t]+/.exec(text.slice(item.request.start, item.request.end));
  return label ? { ...item, printedNo: Number(label[1]), request: { start: item.request.start + label[0].length, end: item.request.end } } : item;
}

/** The last decision sentence of a rationale, if any. */
function decisionIn(text: string, why: Span): Found<Outcome> | null {
  let decided: Found<Outcome> | null = null;
  const re = DECISION_SENTENCE;
  re.lastIndex = 0;
  const body = text.slice(why.start, why.end);
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    decided = necessityOutcome(text, why.start + m.index + m[0].search(/\s*(?:is|are)\s*(?:not\s*)?medically\s*necessary$/i), Boolean(m[1]));
  }
  return decided;
}

/** "1. X: <citations>. <why>": the citations run to the first sentence that explains. */
function citedFor(text: string, cited: Span): GuidelineParagraph {
  const body = text.slice(cited.start, cited.end);
  const colon = body.indexOf(':');
  const from = colon >= 0 ? colon + 1 : 0;
  const stop = /\.\s+(?=(?:The|This|These|It|Both|Neither|Because|Since|Here|In|For|As|ODG|MTUS)\b)/.exec(body.slice(from));
  const content = trimSpan(text, { start: cited.start + from, end: cited.start + from + (stop ? stop.index + 1 : body.length - from) });
  return proseParagraph(text, 'reviewer', cited, content);
}

export const professionalReview: Layout = {
  name: 'professional-review',
  headings: [
    { section: 'header', titles: ['MEDICAL PROFESSIONAL REVIEW'] },
    { section: 'disputed', titles: ['ISSUE AT DISPUTE:', 'ISSUES AT DISPUTE:'] },
    { section: 'summary', titles: ['CASE SUMMARY:'] },
    { section: 'documents', titles: ['DOCUMENTS REVIEWED FOR DETERMINATION:'] },
    { section: 'guidelines', titles: ['MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:'] },
    { section: 'rationale', titles: ['RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:'] },
    { section: 'qualifications', titles: ['MEDICAL REVIEWER QUALIFICATIONS:'] },
  ],
  decisive: ['header', 'disputed'],
  credentials: { section: 'qualifications', style: 'prose' },
  summary: 'summary',
  items: (text, sections) => {
    const disputed = sectionNamed(sections, 'disputed');
    if (!disputed) return [];
    const rationale = sectionNamed(sections, 'rationale');
    const guidelines = sectionNamed(sections, 'guidelines');
    const rationales = rationale ? numberedBlocks(text, rationale.body) : [];
    const citations = guidelines ? numberedBlocks(text, guidelines.body) : [];
    const questions = numberedDecisions(text, disputed.body, QUESTION_LEAD, String.raw`\s*(\b)?medically\s*necessary`, String.raw`\s*\?`);
    const stated = questions.length > 0 ? [] : readIssueItems(text, disputed.body).map((item) => numbered(text, item));
    const found = questions.length > 0 ? questions : stated.length > 0 ? stated : numberedDecisions(text, disputed.body, SENTENCE_LEAD);
    return found.map((item, k): FoundItem => {
      const why = rationales[k];
      const cited = citations[k];
      const outcome = questions.length > 0 ? (why ? decisionIn(text, why) : null) : item.outcome;
      return {
        ...item,
        outcome,
        outcomeAt: outcome?.span ?? why ?? item.request,
        block: null,
        found: {
          guidelines: cited ? [citedFor(text, cited)] : [],
          rationale: why ? { value: squash(text.slice(why.start, why.end)), span: trimSpan(text, why) } : null,
        },
      };
    });
  },
  checks: {
    itemMarks: { section: 'disputed', pattern: /^[ \t]*\d{1,2}[.)][ \t]+/gm },
  },
};
