/**
 * `rationale-2014` (about 2014-2015): "MAXIMUS FEDERAL SERVICES, INC." /
 * "Independent Medical Review", a labelled header, sections HOW THE IMR FINAL
 * DETERMINATION WAS MADE (credentials as prose), DOCUMENTS REVIEWED, CLINICAL
 * CASE SUMMARY and IMR DECISION(S) AND RATIONALE(S) with numbered items
 * "1. X is (not) medically necessary and appropriate." followed by "The Claims
 * Administrator based its decision on ...", "The Expert Reviewer based
 * his/her decision on ..." and "The Expert Reviewer's decision rationale:".
 */
import { PROSE_2014 } from '../extract/citations.js';
import { blocks, numberedDecisions } from '../extract/prose-items.js';
import { sectionNamed } from '../sections.js';
import type { Layout } from './layout.js';

export const rationale2014: Layout = {
  name: 'rationale-2014',
  headings: [
    { section: 'determination', titles: ['HOW THE IMR FINAL DETERMINATION WAS MADE'] },
    { section: 'documents', titles: ['DOCUMENTS REVIEWED'] },
    { section: 'summary', titles: ['CLINICAL CASE SUMMARY'] },
    { section: 'issues', titles: ['IMR DECISION(S) AND RATIONALE(S)', 'IMR DECISIONS AND RATIONALES', 'IMR DECISION AND RATIONALE'] },
  ],
  decisive: ['issues'],
  credentials: { section: 'determination', style: 'prose' },
  summary: 'summary',
  items: (text, sections) => {
    const issues = sectionNamed(sections, 'issues');
    if (!issues) return [];
    const decided = numberedDecisions(text, issues.body, String.raw`(?:^|\n)[ \t]*(\d{1,2})[.)][ \t]+`);
    const starts = decided.map((d) => text.lastIndexOf('\n', d.request.start) + 1);
    return blocks(starts, issues.body.end).map((block, i) => ({ ...decided[i]!, block: { start: decided[i]!.outcomeAt.end, end: block.end }, labels: PROSE_2014 }));
  },
  checks: {
    outcomePhrases: { section: 'issues', pattern: /^[ \t]*\d{1,2}[.)][ \t]+[^\n]{1,600}?(?:\n[^\n]{1,200}?)??(?:is|are)\s*(?:not\s*)?medically\s*necessary/gim },
    itemMarks: { section: 'issues', pattern: /The\s+Expert\s+Reviewer'?s\s+decision\s+rationale\s*:/gi },
  },
};
