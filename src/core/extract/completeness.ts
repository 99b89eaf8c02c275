/**
 * After reading: the letter checked against what was read, so that no item
 * it shows is lost in silence. Every outcome statement of the decisions part
 * must belong to an item read; the printed item numbers must run without a
 * gap; the marks that open each item, where the letter has them, must be as many as the items; every item
 * must have its outcome. A layout says where to look and what to look for
 * (`Layout.checks`); a letter of no known layout cannot be checked, and is
 * never called complete.
 */
import { damagedLabels } from '../labels.js';
import type { ItemChecks } from '../layouts/layout.js';
import { sectionNamed } from '../sections.js';
import type { Item, Message, Section, Span } from '../types.js';

function matches(text: string, span: Span, pattern: RegExp): Span[] {
  const region = text.slice(span.start, span.end);
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(region); m !== null; m = pattern.exec(region)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Checks `items` against the letter; adds the warnings to `messages`. */
export function checkItems(text: string, sections: readonly Section[], checks: ItemChecks | null, items: readonly Item[], messages: Message[]): void {
  if (!checks) {
    messages.push({ ruleId: 'items-unchecked', reason: 'a letter of no known layout: whether every item was read cannot be checked', severity: 'warning' });
    return;
  }
  if (checks.outcomePhrases) {
    const part = sectionNamed(sections, checks.outcomePhrases.section);
    for (const phrase of part ? matches(text, part.span, checks.outcomePhrases.pattern) : []) {
      if (!items.some((i) => overlaps(i.outcomeAt, phrase))) {
        messages.push({ ruleId: 'outcome-outside-items', reason: 'an outcome the letter states that belongs to no item read', severity: 'warning', span: phrase });
      }
    }
  }
  const printed = items.map((i) => i.printedNo).filter((n): n is number => n !== null);
  let expected = 1;
  for (const [k, n] of printed.entries()) {
    if (n > expected) messages.push({ ruleId: 'item-number-gap', reason: `item ${k + 1} is numbered ${n}, after ${expected - 1}: an item may be missing`, severity: 'warning', span: items[k]!.header.span });
    else if (n < expected) messages.push({ ruleId: 'item-number-repeated', reason: `item ${k + 1} is numbered ${n} again (or out of order); it is read as an item of its own`, severity: 'warning', span: items[k]!.header.span });
    expected = Math.max(expected, n + 1);
  }
  if (checks.itemMarks) {
    const part = sectionNamed(sections, checks.itemMarks.section);
    const exact = part ? matches(text, part.span, checks.itemMarks.pattern) : [];
    // Marks damaged past an exact match are looked for only where the count disagrees.
    const marks = exact.length + (part && checks.itemMarks.name && exact.length > 0 && exact.length !== items.length ? damagedLabels(text, part.span, [checks.itemMarks.name], exact).length : 0);
    // A letter with none of these marks does not mark its items that way: only a count that disagrees says something.
    if (part && marks > 0 && marks !== items.length) {
      messages.push({ ruleId: 'item-marks-mismatch', reason: `the letter marks ${marks} item(s) but ${items.length} were read`, severity: 'warning', span: part.span });
    }
  }
}
