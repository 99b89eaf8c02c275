/**
 * `notice-2013`: "Notice of Independent Medical Review Determination", a
 * numbered list "1) MAXIMUS Federal Services, Inc. has determined the request
 * for X is (not) medically necessary and appropriate." (printed twice), the
 * heading INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE with a paragraph
 * giving the assignment, application and UR denial dates, "Medical
 * Qualifications of the Expert Reviewer:" in prose, "Case Summary:", and per
 * item "1) Regarding the request for X:" with the guidelines each party
 * relied upon and "Rationale for the Decision:".
 */
import { PROSE_2013 } from '../extract/citations.js';
import { blocks, numberedDecisions } from '../extract/prose-items.js';
import { noticeDates } from '../extract/narrative-dates.js';
import { sectionNamed } from '../sections.js';
import type { Span } from '../types.js';
import type { Layout } from './layout.js';

const LIST_LEAD = String.raw`(?:^|\n)[ \t]*(\d{1,2})\)[ \t]+MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+determined\s+(?:that\s+)?the\s+request\s+for\s+`;
const BLOCK_LEAD = /(?:^|\n)[ \t]*(\d{1,2})\)[ \t]+Regarding\s+the\s+request\s+for\b/gi;

export const notice2013: Layout = {
  name: 'notice-2013',
  headings: [
    { section: 'header', titles: ['Notice of Independent Medical Review Determination'] },
    { section: 'determination', titles: ['INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'] },
    { section: 'qualifications', titles: ['Medical Qualifications of the Expert Reviewer:', 'Medical Qualifications of the Expert Reviewer'] },
    { section: 'summary', titles: ['Case Summary:', 'Case Summary'] },
    { section: 'documents', titles: ['Documents Reviewed:', 'Documents Reviewed'] },
    { section: 'issues', pattern: /^[ \t]*1\)[ \t]+Regarding\s+the\s+request\s+for\b/i },
  ],
  decisive: ['header', 'determination'],
  credentials: { section: 'qualifications', style: 'prose' },
  summary: 'summary',
  items: (text, sections) => {
    // The first list gives each item's wording and outcome; the item blocks follow in the same order.
    const decided = numberedDecisions(text, { start: 0, end: text.length }, LIST_LEAD);
    const issues = sectionNamed(sections, 'issues');
    const starts: number[] = [];
    if (issues) {
      const region = text.slice(issues.span.start, issues.span.end);
      BLOCK_LEAD.lastIndex = 0;
      for (let m = BLOCK_LEAD.exec(region); m !== null; m = BLOCK_LEAD.exec(region)) starts.push(issues.span.start + m.index);
    }
    const spans: Span[] = blocks(starts, issues?.span.end ?? text.length);
    return decided.map((d, k) => ({ ...d, block: spans[k] ?? null, labels: PROSE_2013 }));
  },
  checks: {
    outcomePhrases: { section: 'header', pattern: /^[ \t]*\d{1,2}\)[ \t]+[^]{1,200}?has\s+determined\s+[^]{1,600}?(?:is|are)\s*(?:not\s*)?medically\s*necessary/gim },
    itemMarks: { section: 'issues', pattern: /^[ \t]*\d{1,2}\)[ \t]+Regarding\s+the\s+request\s+for\b/gim },
  },
  proseDates: (text, sections, messages) => {
    const determination = sectionNamed(sections, 'determination');
    return determination ? noticeDates(text, determination.body, messages) : {};
  },
};
