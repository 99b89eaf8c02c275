/**
 * `professional-review`: "MEDICAL PROFESSIONAL REVIEW", a labelled header,
 * "ISSUE AT DISPUTE:" with "1. Is the request for X medically necessary?",
 * "CASE SUMMARY:", "DOCUMENTS REVIEWED FOR DETERMINATION:", "MEDICAL TREATMENT
 * GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:" (per item: "1.
 * X: <citations>. <why>"), "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE
 * IS/WAS NOT MEDICALLY NECESSARY:" (per item, ending "The requested X is (not)
 * medically necessary.") and "MEDICAL REVIEWER QUALIFICATIONS:". Only the
 * reviewer's guidelines are stated.
 */
import { proseParagraph } from '../extract/citations.js';
import { blocks, NECESSITY, numberedDecisions, type Decided } from '../extract/prose-items.js';
import { squash, trimSpan } from '../lines.js';
import { sectionNamed } from '../sections.js';
import type { Item, Span } from '../types.js';
import type { Layout } from './layout.js';

const NUMBERED = /(?:^|\n)[ \t]*(\d{1,2})\.[ \t]+/g;
/** A rationale's decision sentence: "The requested X is (not) medically necessary". */
const DECISION_SENTENCE = new RegExp(`The\\s+requested\\s+[^]{1,400}?${NECESSITY}`, 'gi');

/** Item blocks of a section: from each "N." at a line start to the next. */
function numberedBlocks(text: string, section: Span): Map<number, Span> {
  const region = text.slice(section.start, section.end);
  const starts: { no: number; at: number; content: number }[] = [];
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(region); m !== null; m = NUMBERED.exec(region)) {
    const no = Number(m[1]);
    if (no === starts.length + 1) starts.push({ no, at: section.start + m.index, content: section.start + m.index + m[0].length });
  }
  const spans = blocks(starts.map((s) => s.at), section.end);
  return new Map(starts.map((s, i) => [s.no, { start: s.content, end: spans[i]!.end }]));
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
  decisions: (text, sections, messages) => {
    const disputed = sectionNamed(sections, 'disputed');
    if (!disputed) return [];
    const asked = numberedDecisions(text, disputed.body, String.raw`(?:^|\n)[ \t]*(\d{1,2})\.[ \t]+Is\s+the\s+request\s+for\s+`, String.raw`\s*(\b)?medically\s*necessary`, String.raw`\s*\?`);
    const rationale = sectionNamed(sections, 'rationale');
    const guidelines = sectionNamed(sections, 'guidelines');
    const rationales = rationale ? numberedBlocks(text, rationale.body) : new Map<number, Span>();
    const citations = guidelines ? numberedBlocks(text, guidelines.body) : new Map<number, Span>();
    return asked.flatMap((question): Item[] => {
      const itemText = { value: squash(text.slice(question.text.start, question.text.end)), span: question.text };
      const why = rationales.get(question.no);
      // The decision is the last "The requested X is (not) medically necessary" of the item's rationale.
      let decided: Decided['outcome'] | null = null;
      if (why) {
        const re = DECISION_SENTENCE;
        re.lastIndex = 0;
        const body = text.slice(why.start, why.end);
        for (let m = re.exec(body); m !== null; m = re.exec(body)) {
          // The deciding words end the match ("... is not medically necessary").
          const at = why.start + m.index + m[0].search(/(?:not\s*)?medically\s*necessary$/i);
          decided = { value: m[1] ? 'upheld' : 'overturned', span: { start: at, end: why.start + m.index + m[0].length } };
        }
      }
      if (!decided) {
        // An outcome is never guessed: an item without its decision sentence is left out, with a warning.
        messages.push({ ruleId: 'item-no-outcome', reason: `no decision sentence for item ${question.no}; left out of decisions`, severity: 'warning', span: question.text });
        return [];
      }
      const cited = citations.get(question.no);
      // "1. X: <citations>. <why>": the citations run to the first sentence that explains.
      let paragraph = null;
      if (cited) {
        const body = text.slice(cited.start, cited.end);
        const colon = body.indexOf(':');
        const from = colon >= 0 ? colon + 1 : 0;
        const stop = /\.\s+(?=(?:The|This|These|It|Both|Neither|Because|Since|Here|In|For|As|ODG|MTUS)\b)/.exec(body.slice(from));
        const content = trimSpan(text, { start: cited.start + from, end: cited.start + from + (stop ? stop.index + 1 : body.length - from) });
        paragraph = proseParagraph(text, 'reviewer', cited, content);
      }
      return [{
        itemNo: question.no,
        span: trimSpan(text, question.text),
        header: itemText,
        itemText,
        originalRequest: null,
        authorizedPortion: null,
        outcome: decided,
        guidelines: paragraph ? [paragraph] : [],
        rationale: why ? { value: squash(text.slice(why.start, why.end)), span: trimSpan(text, why) } : null,
      }];
    });
  },
};
