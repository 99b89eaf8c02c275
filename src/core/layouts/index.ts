/** The registered layouts, tried in order; the highest detection score wins. */
import { findHeadings, type FoundHeading } from '../sections.js';
import { issues2015 } from './issues-2015.js';
import type { Layout } from './layout.js';

export type { Layout } from './layout.js';

export const LAYOUTS: readonly Layout[] = [issues2015];

export function detectLayout(text: string): { layout: Layout; headings: FoundHeading[] } | null {
  let best: { layout: Layout; headings: FoundHeading[]; score: number } | null = null;
  for (const layout of LAYOUTS) {
    const headings = findHeadings(text, layout.headings);
    const score = layout.detect(headings.map((h) => h.section));
    if (score > 0 && (!best || score > best.score)) best = { layout, headings, score };
  }
  return best && { layout: best.layout, headings: best.headings };
}
