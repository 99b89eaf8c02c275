/**
 * Letters that look like IMR determinations but match no known layout: the
 * items are read by their outcome words wherever they stand, in three forms
 * tried in turn: a table row ("Cervical epidural steroid injection   Upheld"),
 * a paragraph per item that ends in its outcome ("Item one: X. ... The
 * decision is Overturned.", "X. ... Outcome: Upheld."), or a line ending
 * ": Upheld" as in the 2015 layout. The reviewer's sources are read from the
 * sentences of the item's paragraph that say what the reviewer used. The case
 * narrative is the paragraph that introduces the worker (`unknownNarrative`).
 */
import { proseParagraph } from '../extract/citations.js';
import { readIssueItems } from '../extract/decisions.js';
import type { FoundItem } from '../extract/items.js';
import { readOutcomeWord } from '../extract/outcome.js';
import { squash, trimSpan } from '../lines.js';
import { sentences } from '../sentences.js';
import type { Span } from '../types.js';

const TABLE_ROW = /^([^\n]{3,150}?)[ \t]{2,}(Upheld|Overturned)[ \t]*$/gim;
const EXPLAINS = /\b(?:Upheld|Overturned)\s+(?:means|would\s+mean|indicates)\b/i;
const SOURCE_SENTENCE = /\b(?:used|relied|based|guidance|guidelines?\s+(?:used|applied|cited))\b/i;
const ITEM_LABEL = /^(?:Item\s+(?:\w+|\d+)|Service\s+\d+|Request\s+\d+|\d+[.)])\s*[:.-]?\s*/i;

function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t]*\n/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (/\S/.test(text.slice(last, m.index))) out.push(trimSpan(text, { start: last, end: m.index }));
    last = m.index + m[0].length;
  }
  if (/\S/.test(text.slice(last))) out.push(trimSpan(text, { start: last, end: text.length }));
  return out;
}

function item(text: string, itemText: Span, word: Span, block: Span | null): FoundItem {
  const read = readOutcomeWord(text, word)!;
  const cited = block ? sentences(text, block).filter((s) => SOURCE_SENTENCE.test(text.slice(s.start, s.end))) : [];
  const guidelines = cited.length ? [proseParagraph(text, 'reviewer', { start: cited[0]!.start, end: cited[cited.length - 1]!.end }, { start: cited[0]!.start, end: cited[cited.length - 1]!.end })] : [];
  return {
    printedNo: null,
    request: itemText,
    outcome: read.outcome,
    outcomeAt: read.span,
    recovered: read.recovered,
    block,
    found: { guidelines, rationale: block ? { value: squash(text.slice(block.start, block.end)), span: block } : null },
  };
}

/** The sentence that introduces the worker ("a 46 year old male", "a 64-year-old"): it opens the case narrative. */
const INTRODUCTION = /\b\d\d?\d?[- ]years?[- ]old\b/i;
/** A line of capitals only ("BACKGROUND OF THE INJURED WORKER"): a heading. */
const HEADING_LINE = /^[^a-z\n]*[A-Z]{3}[^a-z\n]*$/;
/** What opens a paragraph of another kind after the narrative: an item's label, or an outcome word in it. */
const OTHER_PARAGRAPH = /\b(?:Upheld|Overturned)\b/i;

/**
 * The case narrative of a letter of no known layout: the paragraph that
 * introduces the worker, without a heading line over it, and the paragraphs
 * after it up to a heading, an item or an outcome. Null when no paragraph
 * introduces the worker: then the whole text is read.
 */
export function unknownNarrative(text: string): Span | null {
  const paras = paragraphs(text);
  const i = paras.findIndex((p) => INTRODUCTION.test(text.slice(p.start, p.end)));
  if (i < 0) return null;
  let start = paras[i]!.start;
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd > 0 && lineEnd < paras[i]!.end && HEADING_LINE.test(text.slice(start, lineEnd))) start = lineEnd + 1;
  let end = paras[i]!.end;
  for (const p of paras.slice(i + 1)) {
    const body = text.slice(p.start, p.end);
    if (HEADING_LINE.test(body.split('\n', 1)[0]!) || ITEM_LABEL.test(body) || OTHER_PARAGRAPH.test(body)) break;
    end = p.end;
  }
  return { start, end };
}

export function unknownItems(text: string): FoundItem[] {
  const paras = paragraphs(text);
  // A table of services and outcomes; each service's own paragraph, if any, holds its sources.
  const rows = [...text.matchAll(TABLE_ROW)].filter((m) => !/^\s*(?:Service|Item|Request)s?\b.*\bOutcome\b/i.test(m[0]));
  if (rows.length > 0) {
    // Each paragraph's lines as compared with a service's name, made once for all the rows.
    const paraLines: (string[] | undefined)[] = [];
    const linesOfPara = (k: number) => (paraLines[k] ??= text.slice(paras[k]!.start, paras[k]!.end).split('\n').map((l) => squash(l).toLowerCase()));
    return rows.map((m) => {
      const textSpan = trimSpan(text, { start: m.index!, end: m.index! + m[1]!.length });
      const name = squash(m[1]!).toLowerCase();
      // The service's own paragraph: one that has a line starting with its name.
      const block = paras.find((p, k) => !(p.start <= textSpan.start && textSpan.start < p.end) && linesOfPara(k).some((l) => l.startsWith(name))) ?? null;
      const at = m.index! + m[0].lastIndexOf(m[2]!);
      return item(text, textSpan, { start: at, end: at + m[2]!.length }, block);
    });
  }
  // A paragraph per item, its outcome word last.
  const items: FoundItem[] = [];
  for (const p of paras) {
    const body = text.slice(p.start, p.end);
    if (EXPLAINS.test(body)) continue;
    const words = [...body.matchAll(/\b(Upheld|Overturned)\b/gi)];
    const last = words[words.length - 1];
    if (!last || body.length - last.index! > 40) continue;
    const first = sentences(text, p)[0]!;
    const label = ITEM_LABEL.exec(text.slice(first.start, first.end));
    const start = first.start + (label ? label[0].length : 0);
    const end = first.end - (/[.:]\s*$/.exec(text.slice(first.start, first.end))?.[0].length ?? 0);
    items.push(item(text, trimSpan(text, { start, end }), { start: p.start + last.index!, end: p.start + last.index! + last[1]!.length }, p));
  }
  if (items.length > 0) return items;
  // Lines ending ": Upheld", as in the 2015 layout.
  return readIssueItems(text, { start: 0, end: text.length });
}
