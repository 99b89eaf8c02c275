/**
 * The item contract: every layout's reader finds, for each disputed item, the
 * words of its request, its outcome (read by ./outcome.ts) and the block that
 * holds its guideline paragraphs and rationale, and hands them to
 * `buildItem`, which makes the one `Item` shape the rest of the pipeline
 * reads. What the readers find is also what `checkItems` checks.
 */
import { squash, trimSpan } from '../lines.js';
import type { Found, GuidelineParagraph, Item, Message, Outcome, Span } from '../types.js';
import { extractGuidelines, type GuidelineLabels } from './citations.js';

/** What a layout's reader found of one item. */
export interface FoundItem {
  /** The number printed before the item, if the layout numbers its items. */
  printedNo: number | null;
  /** The request's words (a partial authorisation's whole wording included). */
  request: Span;
  /** null: the item is there but its outcome could not be read. */
  outcome: Found<Outcome> | null;
  /** Where the outcome stands (the word or clause, read or not). */
  outcomeAt: Span;
  /** The outcome word was damaged and read by its likeness to an outcome word. */
  recovered?: boolean;
  /** The block after the request: guideline paragraphs and rationale, read with `labels`. */
  block: Span | null;
  labels?: GuidelineLabels;
  /** Guideline paragraphs and rationale the layout found elsewhere (professional review, unknown layouts). */
  found?: { guidelines: GuidelineParagraph[]; rationale: Found<string> | null };
}

/**
 * Wordings of a partial authorisation, where the outcome applies to the
 * remaining portion. A space in these stands for any white space (lines wrap).
 */
const PARTIAL_WORDINGS = [
  String.raw`^(?<original>.+?) was the original request\.\s*(?<authorized>.+?) was authorized by the Claims Administrator\.?\s*The remaining IMR eligible portion of the original request,?\s*(?<item>.+?)(?: is| are)?\s*$`,
  String.raw`^(?<original>.+?) was the original request\.\s*The Claims Administrator authorized (?<authorized>.+?),? leaving the original request IMR eligible\.\s*The original request,?\s*(?<item>.+?)(?: is| are)?\s*$`,
].map((wording) => new RegExp(wording.replace(/ /g, '\\s+'), 'isd'));

/** What a partial authorisation's request shows when its wording is damaged: several sentences, an original request, an authorised part. */
const PARTIAL_SHAPE = /[.!?]\s+[A-Z]|\boriginal\s+request\b|\bauthori[sz]ed\b/i;

/** Longer requests than this are not read as partial authorisations (keeps the patterns' cost bounded). */
const MAX_REQUEST = 2000;

function found(text: string, span: Span): Found<string> {
  return { value: squash(text.slice(span.start, span.end)), span };
}

/** Splits a request into the item text and, for a partial authorisation, the original request and the authorised part. */
function parseRequest(text: string, span: Span): Pick<Item, 'itemText' | 'originalRequest' | 'authorizedPortion'> {
  const raw = text.slice(span.start, span.end);
  if (raw.length <= MAX_REQUEST) {
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

/** Builds the items of a letter, numbered by their position in it. */
export function buildItems(text: string, items: readonly FoundItem[], messages: Message[]): Item[] {
  return items.map((f, k) => {
    const request = trimSpan(text, f.request);
    const parsed = parseRequest(text, request);
    if (!parsed.itemText.value) messages.push({ ruleId: 'item-empty-request', reason: `item ${k + 1}: an outcome with no request before it`, severity: 'warning', span: f.outcomeAt });
    if (!parsed.originalRequest && PARTIAL_SHAPE.test(parsed.itemText.value)) messages.push({ ruleId: 'item-request-unparsed', reason: `item ${k + 1}: a request worded like a partial authorisation that no known wording fits (a damaged word?); item_text holds all of it`, severity: 'warning', span: parsed.itemText.span });
    if (f.recovered) messages.push({ ruleId: 'outcome-recovered', reason: `item ${k + 1}: a damaged outcome word, read as "${f.outcome?.value}"`, severity: 'warning', span: f.outcomeAt });
    if (!f.outcome) messages.push({ ruleId: 'item-no-outcome', reason: `item ${k + 1}: its outcome could not be read`, severity: 'warning', span: f.outcomeAt });
    const body = f.found ?? (f.block && f.labels ? extractGuidelines(text, f.block, messages, f.labels) : { guidelines: [], rationale: null });
    if (!body.rationale) messages.push({ ruleId: 'item-no-rationale', reason: `item ${k + 1}: no rationale found (its label or its block missing or damaged past reading): rationale and reasons are empty`, severity: 'warning', span: f.block ?? f.outcomeAt });
    const ends = [request, ...(f.block ? [f.block] : [])];
    return {
      itemNo: k + 1,
      printedNo: f.printedNo,
      span: trimSpan(text, { start: Math.min(...ends.map((s) => s.start)), end: Math.max(...ends.map((s) => s.end)) }),
      header: found(text, request),
      ...parsed,
      outcome: f.outcome,
      outcomeAt: f.outcomeAt,
      guidelines: body.guidelines,
      rationale: body.rationale,
    };
  });
}
