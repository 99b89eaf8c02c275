/**
 * `issues-2015`: the layout of every published letter from 2015 on. Headings
 * "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
 * "IMR ISSUES, DECISIONS AND RATIONALES"; items end ": Upheld/Overturned".
 */
import { readIssueItems } from '../extract/decisions.js';
import { sectionNamed } from '../sections.js';
import type { Layout } from './layout.js';

export const issues2015: Layout = {
  name: 'issues-2015',
  headings: [
    { section: 'determination', titles: ['HOW THE IMR FINAL DETERMINATION WAS MADE'] },
    { section: 'summary', titles: ['CLINICAL CASE SUMMARY'] },
    { section: 'issues', titles: ['IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES AND DECISIONS AND RATIONALES'] },
  ],
  decisive: ['issues'],
  credentials: { section: 'determination', style: 'labels' },
  summary: 'summary',
  items: (text, sections) => {
    const issues = sectionNamed(sections, 'issues');
    return issues ? readIssueItems(text, issues.body) : [];
  },
  checks: {
    // The outcome word ends its header's line, or stands alone on the next one.
    outcomePhrases: { section: 'issues', pattern: /:[ \t]*(?:\n[ \t]*)?(?:Upheld|Overturned)[ \t]*\.?[ \t]*$/gim },
    itemMarks: { section: 'issues', pattern: /Claims\s+Administrator\s+guideline\s*:/gi, name: 'Claims Administrator guideline' },
  },
};
