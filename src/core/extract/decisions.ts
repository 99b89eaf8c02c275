/**
 * The disputed items of an `issues-2015` letter. Each item is a header
 * paragraph ending in ": Upheld" or ": Overturned" (possibly wrapped, and
 * possibly straight after the previous rationale with no blank line), then the
 * two guideline paragraphs and the decision rationale.
 */
import { linesOf, squash, trimSpan, type Line } from '../lines.js';
import type { Found, Item, Message, Outcome, Span } from '../types.js';
import { extractGuidelines } from './citations.js';

/** A line that ends an item header with its outcome. */
const OUTCOME_AT_END = /:\s*(Upheld|Overturned)\s*\.?$/i;
/** The outcome word alone on a line, after a line ending in ":". */
const OUTCOME_ALONE = /^\s*(Upheld|Overturned)\s*\.?$/i;

const BLOCK_LABEL = /^\s*(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:/i;
const INTRO = /set\s+forth\s+below\s*:?\s*$/i;
const SENTENCE_END = /[.!?]["')\]]*$/;

/**
 * Wordings of a partial authorisation, where the outcome applies to the
 * remaining portion. A space in these stands for any white space (lines wrap).
 */
const PARTIAL_WORDINGS = [
  String.raw`^(?<original>.+?) was the original request\.\s*(?<authorized>.+?) was authorized by the Claims Administrator\.?\s*The remaining IMR eligible portion of the original request,?\s*(?<item>.+?)(?: is)?\s*$`,
  String.raw`^(?<original>.+?) was the original request\.\s*The Claims Administrator authorized (?<authorized>.+?),? leaving the original request IMR eligible\.\s*The original request,?\s*(?<item>.+?)(?: is)?\s*$`,
].map((wording) => new RegExp(wording.replace(/ /g, '\\s+'), 'isd'));

/** Words that show a header line only continues a partial-authorisation wording begun on an earlier line. */
const PARTIAL_CONTINUATION = /was authorized by the Claims Administrator|The remaining IMR eligible|leaving the original request|The original request,/i;

/** Longer item headers than this are not read as partial authorisations (keeps the patterns' cost bounded). */
const MAX_HEADER = 2000;

interface OutcomeMark {
  /** Index of the line that starts the header's last line (the line holding the outcome, or the one before "Upheld" alone). */
  lastHeaderLine: number;
  /** Index of the line that holds the outcome word. */
  outcomeLine: number;
  outcome: Found<Outcome>;
}

function findOutcomes(lines: Line[]): OutcomeMark[] {
  const marks: OutcomeMark[] = [];
  lines.forEach((line, i) => {
    const end = OUTCOME_AT_END.exec(line.text);
    if (end && !BLOCK_LABEL.test(line.text)) {
      const word = end[1]!;
      const at = line.start + end.index + end[0].indexOf(word);
      marks.push({ lastHeaderLine: i, outcomeLine: i, outcome: { value: word.toLowerCase() as Outcome, span: { start: at, end: at + word.length } } });
      return;
    }
    const alone = OUTCOME_ALONE.exec(line.text);
    if (alone && i > 0) {
      let prev = i - 1;
      while (prev > 0 && lines[prev]!.text.trim() === '') prev--;
      if (/:\s*$/.test(lines[prev]!.text) && !BLOCK_LABEL.test(lines[prev]!.text)) {
        const word = alone[1]!;
        const at = line.start + alone.index + alone[0].indexOf(word);
        marks.push({ lastHeaderLine: prev, outcomeLine: i, outcome: { value: word.toLowerCase() as Outcome, span: { start: at, end: at + word.length } } });
      }
    }
  });
  return marks;
}

/**
 * Walks back from the header's last line to its first: up to a blank line, a
 * block label, the introductory line, or a line that ends a sentence (the end
 * of the previous rationale), except inside a partial-authorisation wording.
 */
function headerStart(lines: Line[], last: number, floor: number): number {
  let first = last;
  while (first - 1 > floor) {
    const prev = lines[first - 1]!.text;
    if (BLOCK_LABEL.test(prev) || INTRO.test(prev)) break;
    const sofar = lines
      .slice(first, last + 1)
      .map((l) => l.text)
      .join(' ')
      .trim();
    const continuesPartial = !/was the original request/i.test(sofar) && PARTIAL_CONTINUATION.test(sofar);
    if (prev.trim() === '') {
      // A page break can fall inside a header: cross blank lines only when what follows is a sentence's continuation.
      if (!continuesPartial && !/^[a-z]/.test(sofar)) break;
      let skip = first - 1;
      while (skip - 1 > floor && lines[skip]!.text.trim() === '') skip--;
      if (lines[skip]!.text.trim() === '' || BLOCK_LABEL.test(lines[skip]!.text) || INTRO.test(lines[skip]!.text)) break;
      first = skip;
      continue;
    }
    if (SENTENCE_END.test(prev.trim()) && !continuesPartial) break;
    first--;
  }
  return first;
}

function found(text: string, span: Span): Found<string> {
  return { value: squash(text.slice(span.start, span.end)), span };
}

/** Splits a header into the item text and, for a partial authorisation, the original request and the authorised part. */
function parseHeader(text: string, span: Span): Pick<Item, 'itemText' | 'originalRequest' | 'authorizedPortion'> {
  const raw = text.slice(span.start, span.end);
  if (raw.length <= MAX_HEADER) {
    for (const wording of PARTIAL_WORDINGS) {
      const groups = wording.exec(raw)?.indices?.groups;
      if (!groups) continue;
      const at = (name: 'original' | 'authorized' | 'item'): Found<string> => {
        const [s, e] = groups[name]!;
        return found(text, trimSpan(text, { start: span.start + s, end: span.start + e }));
      };
      return { itemText: at('item'), originalRequest: at('original'), authorizedPortion: at('authorized') };
    }
  }
  return { itemText: found(text, trimSpan(text, span)), originalRequest: null, authorizedPortion: null };
}

/**
 * In a letter whose items carry guideline paragraphs, a real item header is
 * followed by one (within a few lines); an outcome-like line inside a
 * rationale ("... the decision is: Upheld") is not.
 */
function isItemHeader(lines: Line[], mark: OutcomeMark): boolean {
  for (let i = mark.outcomeLine + 1, seen = 0; i < lines.length && seen < 3; i++) {
    const t = lines[i]!.text;
    if (t.trim() === '') continue;
    if (BLOCK_LABEL.test(t)) return true;
    seen++;
  }
  return false;
}

export function extractDecisions(text: string, issues: Span, messages: Message[]): Item[] {
  const lines = linesOf(text, issues);
  const all = findOutcomes(lines);
  const labelled = all.filter((m) => isItemHeader(lines, m));
  const marks = labelled.length > 0 ? labelled : all;
  const items: Item[] = [];
  const starts: number[] = [];
  let floor = 0;
  for (const mark of marks) {
    const first = headerStart(lines, mark.lastHeaderLine, floor);
    starts.push(first);
    floor = mark.outcomeLine;
  }
  marks.forEach((mark, k) => {
    const first = starts[k]!;
    const headerLine = lines[first]!;
    // The header runs to the colon before the outcome.
    const colon = text.lastIndexOf(':', mark.outcome.span.start);
    const headerSpan = trimSpan(text, { start: headerLine.start, end: Math.max(headerLine.start, colon) });
    const blockEnd = k + 1 < marks.length ? lines[starts[k + 1]!]!.start : issues.end;
    const bodySpan = { start: lines[mark.outcomeLine]!.end, end: blockEnd };
    const parsed = parseHeader(text, headerSpan);
    if (!parsed.itemText.value) {
      messages.push({ ruleId: 'item-empty-header', reason: 'an outcome with no request text before it', severity: 'warning', span: mark.outcome.span });
    }
    const { guidelines, rationale } = extractGuidelines(text, bodySpan, messages);
    items.push({
      itemNo: k + 1,
      span: trimSpan(text, { start: headerLine.start, end: blockEnd }),
      header: found(text, headerSpan),
      ...parsed,
      outcome: mark.outcome,
      guidelines,
      rationale,
    });
  });
  return items;
}
