import type { HeadingSpec } from '../headings.js';
import type { DateField, Found, Item, Message, Section, SectionName, TemplateName } from '../types.js';

/**
 * A letter layout, as a plugin: its headings, which of them decide the
 * layout, where each field family lives, and its item reader. Field
 * extractors that do not depend on the layout run on the sections it names.
 */
export interface Layout {
  name: Exclude<TemplateName, 'unknown'>;
  headings: readonly HeadingSpec[];
  /** At least one of these must be found for the letter to be of this layout. */
  decisive: readonly SectionName[];
  /** Where the reviewer's credentials are, and how they are written. */
  credentials: { section: SectionName; style: 'labels' | 'prose' };
  /** The clinical case summary. */
  summary: SectionName;
  decisions: (text: string, sections: readonly Section[], messages: Message[]) => Item[];
  /** Dates the layout states in prose rather than in its header (2013 notices). */
  proseDates?: (text: string, sections: readonly Section[]) => Partial<Record<DateField, Found<string>>>;
}
