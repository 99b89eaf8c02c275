/**
 * Segmentation: a layout names its headings; each section runs from its
 * heading to the next heading. Text before the first heading belongs to the
 * header, and so does a heading that only names the letter (e.g. "Notice of
 * Independent Medical Review Determination"), which is marked `header`.
 */
import type { FoundHeading } from './headings.js';
import type { Section, SectionName } from './types.js';

export function segment(text: string, headings: readonly FoundHeading[]): Section[] {
  const sections: Section[] = [];
  const body = headings.filter((h) => h.section !== 'header');
  const headerEnd = body[0] ? body[0].span.start : text.length;
  if (/\S/.test(text.slice(0, headerEnd))) {
    sections.push({ name: 'header', span: { start: 0, end: headerEnd }, body: { start: 0, end: headerEnd } });
  }
  body.forEach((h, i) => {
    const end = body[i + 1]?.span.start ?? text.length;
    sections.push({ name: h.section, span: { start: h.span.start, end }, body: { start: Math.min(h.span.end, end), end } });
  });
  return sections;
}

export function sectionNamed(sections: readonly Section[], name: SectionName): Section | undefined {
  return sections.find((s) => s.name === name);
}
