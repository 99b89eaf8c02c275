/**
 * Segmentation: a layout names its headings; the sections run from one heading
 * to the next. Text before the first heading is the header.
 */
import type { Section, SectionName, Span } from './types.js';

export interface HeadingRule {
  section: SectionName;
  /** Matches the heading line (without the newline). Must not use the `g` flag. */
  pattern: RegExp;
}

export interface FoundHeading {
  section: SectionName;
  span: Span;
}

/** The first occurrence of each heading, in text order. */
export function findHeadings(text: string, rules: readonly HeadingRule[]): FoundHeading[] {
  const found: FoundHeading[] = [];
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    if (m) found.push({ section: rule.section, span: { start: m.index, end: m.index + m[0].length } });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

export function segment(text: string, headings: readonly FoundHeading[]): Section[] {
  const sections: Section[] = [];
  const first = headings[0];
  const headerEnd = first ? first.span.start : text.length;
  if (/\S/.test(text.slice(0, headerEnd))) {
    sections.push({ name: 'header', span: { start: 0, end: headerEnd }, body: { start: 0, end: headerEnd } });
  }
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.span.start ?? text.length;
    sections.push({ name: h.section, span: { start: h.span.start, end }, body: { start: Math.min(h.span.end, end), end } });
  });
  return sections;
}

export function sectionNamed(sections: readonly Section[], name: SectionName): Section | undefined {
  return sections.find((s) => s.name === name);
}
