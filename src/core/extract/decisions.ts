/**
 * The disputed items of an `issues-2015` letter. Each item is a header
 * paragraph ending in ": Upheld" or ": Overturned" (possibly wrapped, and
 * possibly straight after the previous rationale with no blank line), then the
 * two guideline paragraphs and the decision rationale.
 */
import { linesOf, trimSpan, type Line } from '../lines.js';
import type { Span } from '../types.js';
import { LABELED_2015 } from './citations.js';
import type { FoundItem } from './items.js';
import { readOutcomeWord, type OutcomeReading } from './outcome.js';

/** A line that may end an item header with its outcome: the word(s) after its last colon. */
const OUTCOME_AT_END = /:[ \t]*([A-Za-z0-9][A-Za-z0-9 ]{2,16}?)[ \t]*\.?$/;
/** The outcome word alone on a line, after a line ending in ":". */
const OUTCOME_ALONE = /^[ \t]*([A-Za-z0-9][A-Za-z0-9 ]{2,16}?)[ \t]*\.?$/;

const BLOCK_LABEL = /^\s*(?:Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:/i;
/** The label that opens an item's block: one per item. */
export const FIRST_BLOCK_LABEL = /^\s*Claims\s+Administrator\s+guideline\s*:/i;
const INTRO = /set\s+forth\s+below\s*:?\s*$/i;
const SENTENCE_END = /[.!?]["')\]]*$/;

/** Words that show a header line only continues a partial-authorisation wording begun on an earlier line. */
const PARTIAL_CONTINUATION = /was authorized by the Claims Administrator|The remaining IMR eligible|leaving the original request|The original request,/i;

interface OutcomeMark {
  /** Index of the line that starts the header's last line (the line holding the outcome, or the one before "Upheld" alone). */
  lastHeaderLine: number;
  /** Index of the line that holds the outcome word. */
  outcomeLine: number;
  reading: OutcomeReading;
}

/** Where the word that `m` (of OUTCOME_AT_END or OUTCOME_ALONE) found on `line` is, as a span of the line. */
function wordAt(m: RegExpExecArray): Span {
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

/** Whether the next line with text opens an item's block ("Claims Administrator guideline:"). */
function opensBlockNext(lines: Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) if (lines[k]!.text.trim() !== '') return FIRST_BLOCK_LABEL.test(lines[k]!.text);
  return false;
}

/**
 * The outcome word on a header's last line. Where no outcome word can be made
 * out, the line is a header all the same when the item's block follows it
 * (the item is kept, its outcome unread and flagged).
 */
function outcomeAtEnd(lines: Line[], i: number, m: RegExpExecArray): OutcomeReading | null {
  const line = lines[i]!;
  const word = wordAt(m);
  const read = readOutcomeWord(line.text, word, line.start);
  if (read || !opensBlockNext(lines, i)) return read;
  return { outcome: null, recovered: false, span: { start: line.start + word.start, end: line.start + word.end } };
}

function findOutcomes(lines: Line[]): OutcomeMark[] {
  const marks: OutcomeMark[] = [];
  lines.forEach((line, i) => {
    if (BLOCK_LABEL.test(line.text)) return;
    const end = OUTCOME_AT_END.exec(line.text);
    const atEnd = end && outcomeAtEnd(lines, i, end);
    if (atEnd) {
      marks.push({ lastHeaderLine: i, outcomeLine: i, reading: atEnd });
      return;
    }
    const alone = OUTCOME_ALONE.exec(line.text);
    if (alone && i > 0) {
      let prev = i - 1;
      while (prev > 0 && lines[prev]!.text.trim() === '') prev--;
      if (/:\s*$/.test(lines[prev]!.text) && !BLOCK_LABEL.test(lines[prev]!.text)) {
        const r = readOutcomeWord(line.text, wordAt(alone), line.start);
        if (r) marks.push({ lastHeaderLine: prev, outcomeLine: i, reading: r });
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

/**
 * A header that starts inside the previous item's prose (renderers that run a
 * paragraph and the next line together): it starts after the last sentence
 * end of that prose, when what it cuts off is a sentence or more; a partial
 * authorisation keeps its own sentences.
 */
function dropLeadingProse(text: string, span: Span): Span {
  const raw = text.slice(span.start, span.end);
  const partial = raw.search(/\bwas\s+the\s+original\s+request\b/i);
  const region = partial >= 0 ? raw.slice(0, partial) : raw;
  let cut = -1;
  for (const m of region.matchAll(/[.!?]["')\]]*\s+(?=[A-Z0-9"(])/g)) cut = m.index + m[0].length;
  return cut >= 80 ? trimSpan(text, { start: span.start + cut, end: span.end }) : span;
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

/**
 * The items of an issues-2015 decisions part (`issues`): each header paragraph
 * that ends in its outcome word. Where items carry guideline paragraphs, a
 * header is known by the block label that follows it, so a damaged outcome
 * word that cannot be read still makes an item (flagged); elsewhere only
 * readable outcome words do.
 */
export function readIssueItems(text: string, issues: Span): FoundItem[] {
  const lines = linesOf(text, issues);
  const all = findOutcomes(lines);
  const labelled = all.filter((m) => isItemHeader(lines, m));
  const marks = labelled.length > 0 ? labelled : all.filter((m) => m.reading.outcome);
  const starts: number[] = [];
  let floor = 0;
  for (const mark of marks) {
    starts.push(headerStart(lines, mark.lastHeaderLine, floor));
    floor = mark.outcomeLine;
  }
  // Each header runs to the colon before its outcome; the prose it cuts off belongs to the item before.
  const requests = marks.map((mark, k) => {
    const headerLine = lines[starts[k]!]!;
    const colon = text.lastIndexOf(':', mark.reading.span.start);
    return dropLeadingProse(text, trimSpan(text, { start: headerLine.start, end: Math.max(headerLine.start, colon) }));
  });
  return marks.map((mark, k) => {
    const request = requests[k]!;
    const blockEnd = k + 1 < marks.length ? requests[k + 1]!.start : issues.end;
    return {
      printedNo: null,
      request,
      outcome: mark.reading.outcome,
      outcomeAt: mark.reading.span,
      recovered: mark.reading.recovered,
      block: { start: lines[mark.outcomeLine]!.end, end: blockEnd },
      labels: LABELED_2015,
    };
  });
}
