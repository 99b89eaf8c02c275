/**
 * `issues-2015`: the layout of every published letter from 2015 on. Headings
 * "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
 * "IMR ISSUES, DECISIONS AND RATIONALES"; items end ": Upheld/Overturned".
 */
import { extractDecisions } from '../extract/decisions.js';
import type { Layout } from './layout.js';

export const issues2015: Layout = {
  name: 'issues-2015',
  headings: [
    { section: 'determination', pattern: /^[ \t]*HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE[ \t]*$/im },
    { section: 'summary', pattern: /^[ \t]*CLINICAL\s+CASE\s+SUMMARY[ \t]*$/im },
    { section: 'issues', pattern: /^[ \t]*IMR\s+ISSUES,?\s+DECISIONS,?\s+AND\s+RATIONALES[ \t]*$/im },
  ],
  /** The items heading is decisive; the other two headings support it. */
  detect: (found) => (found.includes('issues') ? 2 + found.length : 0),
  decisions: extractDecisions,
};
