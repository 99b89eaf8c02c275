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
import { blocks, numberedDecisions, proseItem } from '../extract/prose-items.js';
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
  decisions: (text, sections, messages) => {
    const issues = sectionNamed(sections, 'issues');
    if (!issues) return [];
    const decided = numberedDecisions(text, issues.body, String.raw`(?:^|\n)[ \t]*(\d{1,2})[.)][ \t]+`);
    const starts = decided.map((d) => text.lastIndexOf('\n', d.text.start) + 1);
    return blocks(starts, issues.body.end).map((block, i) => proseItem(text, decided[i]!, { start: decided[i]!.text.end, end: block.end }, PROSE_2014, messages));
  },
};
