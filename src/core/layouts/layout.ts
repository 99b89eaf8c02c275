import type { HeadingRule } from '../sections.js';
import type { Item, Message, SectionName, Span, TemplateName } from '../types.js';

/**
 * A letter layout, as a plugin: its headings, how strongly a set of found
 * headings says "this layout", and its item reader. Field extractors that do
 * not depend on the layout run on the sections the layout finds.
 */
export interface Layout {
  name: Exclude<TemplateName, 'unknown'>;
  headings: readonly HeadingRule[];
  /** A score for the headings found in a letter; 0 means "not this layout". */
  detect: (found: readonly SectionName[]) => number;
  decisions: (text: string, issues: Span, messages: Message[]) => Item[];
}
