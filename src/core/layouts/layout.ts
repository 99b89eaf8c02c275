import type { FoundItem } from '../extract/items.js';
import type { HeadingSpec } from '../headings.js';
import type { DateField, Found, Message, Section, SectionName, TemplateName } from '../types.js';

/** Where the checks of ../extract/completeness.ts look, and what they look for. */
export interface ItemChecks {
  /** Each match is an outcome statement that must belong to an item read (global, multiline). */
  outcomePhrases?: { section: SectionName; pattern: RegExp };
  /** Each match marks one item of the letter (global, multiline); with `name`, so does each mark found by its likeness to it (src/core/labels.ts). */
  itemMarks?: { section: SectionName; pattern: RegExp; name?: string };
}

/**
 * A letter layout, as a plugin: its headings, which of them decide the
 * layout, where each field family lives, its item reader and what its items
 * are checked against. Field extractors that do not depend on the layout run
 * on the sections it names.
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
  /** The disputed items, as found (the item contract: ../extract/items.ts builds them). */
  items: (text: string, sections: readonly Section[]) => FoundItem[];
  checks: ItemChecks;
  /** Dates the layout states in prose rather than in its header (2013 notices); what it cannot read is said in `messages`. */
  proseDates?: (text: string, sections: readonly Section[], messages: Message[]) => Partial<Record<DateField, Found<string>>>;
}
