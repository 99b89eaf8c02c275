/**
 * The registered layouts. Each is tried on a letter's headings (exact first,
 * then, if no layout is found, forgiving damaged headings); the layout with a
 * decisive heading and the most headings found wins, and its headings the
 * exact pass did not find are then looked for damaged.
 */
import { findHeadings, HeadingIndex, type FoundHeading } from '../headings.js';
import { issues2015 } from './issues-2015.js';
import type { Layout } from './layout.js';
import { notice2013 } from './notice-2013.js';
import { professionalReview } from './professional-review.js';
import { rationale2014 } from './rationale-2014.js';

export type { Layout } from './layout.js';

export const LAYOUTS: readonly Layout[] = [issues2015, rationale2014, notice2013, professionalReview];

export interface Detected {
  layout: Layout;
  headings: FoundHeading[];
}

function best(index: HeadingIndex, fuzzy: boolean): Detected | null {
  let winner: (Detected & { score: number }) | null = null;
  for (const layout of LAYOUTS) {
    const headings = findHeadings(index, layout.headings, fuzzy);
    if (!headings.some((h) => layout.decisive.includes(h.section))) continue;
    const score = headings.length / layout.headings.length;
    if (!winner || score > winner.score) winner = { layout, headings, score };
  }
  return winner && { layout: winner.layout, headings: winner.headings };
}

export function detectLayout(text: string): Detected | null {
  const index = new HeadingIndex(text);
  const exact = best(index, false);
  if (!exact) return best(index, true);
  // A layout found by its exact headings still looks for its other headings damaged ("CLINICAL CASE SUMARY"), or their sections would be lost.
  return exact.headings.length < exact.layout.headings.length ? { layout: exact.layout, headings: findHeadings(index, exact.layout.headings, true) } : exact;
}
