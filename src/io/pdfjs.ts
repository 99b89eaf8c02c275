/**
 * PDF bytes → text, with Mozilla's pdf.js (`pdfjs-dist`, legacy build for Node):
 * the engine for PDFs that PDFium (./pdfium.ts) cannot open (see ./pdf.ts).
 *
 * pdf.js gives each page's text as items (runs of glyphs) with a position; the
 * lines are rebuilt from those positions, so a two-column header reads as
 * label/value pairs ("Date Assigned: MM/DD/YYYY Date of Injury: MM/DD/YYYY").
 * Pages are separated by a form feed, as poppler's `pdftotext` does. Never
 * throws: every failure is a `PdfResult` with a stable code. See docs/pdf.md.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

import { damaged, encrypted, joinPages, type PdfResult } from './pdf-result.js';

/** Options passed to pdf.js: no font loading, no eval, no system fonts, no messages. */
export const PDF_OPTIONS = {
  useSystemFonts: false,
  isEvalSupported: false,
  disableFontFace: true,
  verbosity: 0,
  // Text extraction never draws: no OffscreenCanvas, no image decoding in WebAssembly, no fetches.
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  useWasm: false,
  useWorkerFetch: false,
  stopAtErrors: false,
  // With `cMapUrl` (set when pdf.js is loaded: the package's own cmaps/ folder, read from disk, no
  // network) for CID fonts that name a predefined CMap. No `standardFontDataUrl`: the letters' fonts
  // (Times New Roman, Arial) are not embedded, and with it pdf.js parses a substitute font file for
  // each of them in every document, which doubles the time for the same text.
  cMapPacked: true,
} as const;

interface Loaded {
  pdfjs: PdfJs;
  options: typeof PDF_OPTIONS & { cMapUrl: string };
}

let loading: Promise<Loaded> | null = null;

/**
 * Loads pdf.js once, on the first PDF (text-only runs never pay its 0.3 s start-up).
 * Its worker code is imported here too, so pdf.js runs it in this thread (its
 * "fake worker"; in Node it never starts a worker thread) without resolving a
 * worker URL. The legacy build installs core-js polyfills globally when loaded;
 * it keeps the ones that add what Node 20 lacks (Promise.withResolvers, …) but
 * three *replace* built-ins for spec corner cases neither pdf.js nor this
 * project uses (JSON.rawJSON, JSON.parse source access, push beyond 2^53) and
 * make JSON.stringify several times slower: the built-ins are put back.
 */
function loadPdfJs(): Promise<Loaded> {
  loading ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      await import(workerModule); // sets globalThis.pdfjsWorker, which pdf.js then uses in-thread
      const cMapUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
      return { pdfjs, options: { ...PDF_OPTIONS, cMapUrl } };
    } finally {
      Array.prototype.push = natives.push;
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
    }
  })();
  return loading;
}

/*
 * Layout constants, in multiples of the font size (the text's height on the page).
 * Measured on the 128 dev letters: the runs of one line are within 0.02 em of one
 * baseline (a header value sits 0.01 em below its label); lines of a paragraph are
 * 1.15 em apart (1.18 in the header), a heading 1.7 em above its text, paragraphs
 * 2.3 em (where both text renderings have a blank line); word gaps are 0.24 em or
 * more (pdf.js marks each with a white-space item there).
 */
/** Items whose baselines differ by at most this share a line. */
const SAME_LINE = 0.5;
/** A horizontal gap wider than this between two items is a word break. */
const WORD_GAP = 0.12;
/** Baselines further apart than this have a blank line between them (a paragraph break). */
const PARAGRAPH_GAP = 2;
/** A table cell's wrapped lines are at most this far below its first line. */
const CELL_DEPTH = 4;

/** Extracts the text of a PDF's pages in reading order, lines rebuilt from text items' positions. */
export async function pdfjsText(bytes: Uint8Array): Promise<PdfResult> {
  let loaded: Loaded;
  try {
    loaded = await loadPdfJs();
  } catch (error) {
    loading = null;
    return damaged(`pdf.js could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  // pdf.js transfers (detaches) the buffer it is given and refuses Node Buffers: give it its own copy.
  const { pdfjs, options } = loaded;
  const task = pdfjs.getDocument({ ...options, data: new Uint8Array(bytes) });
  let pages: number | undefined;
  try {
    const doc = await task.promise;
    pages = doc.numPages;
    const texts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) texts.push(await pageText(pdfjs, doc, p));
    return joinPages(texts);
  } catch (error) {
    return failure(error, pages);
  } finally {
    // Frees the document, its pages and the (in-thread) worker; errors here change nothing.
    await task.destroy().catch(() => undefined);
  }
}

function failure(error: unknown, pages: number | undefined): PdfResult {
  const { name, message } = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : { name: '', message: error };
  const reason = String(message);
  if (name === 'PasswordException') return encrypted('encrypted with a password (the empty password does not open it)', pages);
  // pdf.js's words for an encryption it cannot undo ("unsupported encryption algorithm", "Unknown crypto method").
  if (/crypt/i.test(reason)) return encrypted(`encrypted in a way pdf.js cannot decrypt: ${reason}`, pages);
  return damaged(`pdf.js could not read it: ${reason}`, pages);
}

/** One run of text on a page, in top-down page coordinates (y grows downward, as on screen). */
export interface Run {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width along the baseline. */
  w: number;
  /** Font size on the page. */
  h: number;
  /** White space only: a word break, not text. */
  space: boolean;
}

async function pageText(pdfjs: PdfJs, doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page: PDFPageProxy = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: Run[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      // Page space → viewport space: undoes /Rotate and the crop box offset, flips y.
      const m = pdfjs.Util.transform(viewport.transform, item.transform as number[]) as number[];
      const h = Math.hypot(m[2]!, m[3]!) || item.height || 1;
      runs.push({ str: item.str, x: m[4]!, y: m[5]!, w: item.width, h, space: !/\S/.test(item.str) });
    }
    return layoutLines(runs);
  } finally {
    page.cleanup();
  }
}

/**
 * Rebuilds a page's lines from its runs (in content-stream order): wrapped table
 * cells folded into their first line, runs grouped by baseline, lines top to
 * bottom, runs left to right, a space where the gap is a word break, a blank
 * line where the vertical gap is a paragraph break.
 */
export function layoutLines(streamRuns: readonly Run[]): string {
  const runs = foldWrappedCells(streamRuns);
  // Top to bottom; stream order breaks ties (Array.prototype.sort is stable).
  const byY = [...runs].sort((a, b) => a.y - b.y);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let lineY = 0;
  let lineH = 0;
  for (const run of byY) {
    if (line.length > 0 && run.y - lineY <= SAME_LINE * Math.min(lineH, run.h)) {
      line.push(run);
      continue;
    }
    if (line.length > 0) lines.push(line);
    line = [run];
    lineY = run.y;
    lineH = run.h;
  }
  if (line.length > 0) lines.push(line);

  const out: string[] = [];
  let previous: { y: number; h: number } | null = null;
  for (const l of lines) {
    const text = joinLine(l);
    if (text === '') continue;
    const first = l[0]!;
    const h = Math.max(...l.map((r) => r.h));
    if (previous && first.y - previous.y > PARAGRAPH_GAP * Math.max(h, previous.h)) out.push('');
    out.push(text);
    previous = { y: first.y, h };
  }
  return out.join('\n');
}

/** A line's runs left to right, with one space at each word break. */
function joinLine(line: Run[]): string {
  const runs = [...line].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  let pendingSpace = false;
  for (const run of runs) {
    if (run.space) {
      pendingSpace = text !== '';
      continue;
    }
    if (text !== '' && (pendingSpace || run.x - end > WORD_GAP * run.h) && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
    text += run.str;
    end = run.x + run.w;
    pendingSpace = false;
  }
  return text.replace(/\s+$/, '').replace(/^\s+/, '');
}

/**
 * A table cell whose text wraps (the letters' "Application" / "Received:"
 * label) is written cell by cell: its first line, its continuation lines below,
 * then the next cell back up on the first line to the right. Grouping by
 * baseline alone would tear the label apart ("Application 11/03/2016" over
 * "Received:"); read as a table, the cell is one piece. So when the content
 * stream goes down from a run and comes back up to that run's line, to the right
 * of everything it wrote below, the runs written below are appended to that run.
 * Ordinary paragraphs never come back up, so they are left alone.
 */
function foldWrappedCells(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < runs.length) {
    const anchor = runs[i]!;
    const fold = anchor.space ? null : wrappedCell(runs, i, out);
    if (!fold) {
      out.push(anchor);
      i++;
      continue;
    }
    out.push({ ...anchor, str: `${anchor.str.replace(/\s+$/, '')} ${fold.text}` });
    i = fold.next;
  }
  return out;
}

/** The continuation of the cell ending with `runs[i]`, if the stream wraps it: its text and the index after it. */
function wrappedCell(runs: readonly Run[], i: number, before: readonly Run[]): { text: string; next: number } | null {
  const anchor = runs[i]!;
  const tol = SAME_LINE * anchor.h;
  let j = i + 1;
  let left = Infinity;
  let right = -Infinity;
  const below: Run[] = [];
  for (; j < runs.length; j++) {
    const r = runs[j]!;
    const dy = r.y - anchor.y;
    if (dy <= tol || dy > CELL_DEPTH * anchor.h) break;
    below.push(r);
    if (!r.space) {
      left = Math.min(left, r.x);
      right = Math.max(right, r.x + r.w);
    }
  }
  const back = runs[j];
  if (!back || below.length === 0 || right === -Infinity) return null;
  // Back on the anchor's line, to the right of the continuation, which starts no further left than the cell.
  if (Math.abs(back.y - anchor.y) > tol || back.x < right - tol || left < cellLeft(before, anchor) - tol) return null;
  return { text: layoutLines(below).replace(/\n+/g, ' '), next: j };
}

/** Left edge of the cell `anchor` ends: back along its line in stream order while runs are a word gap apart. */
function cellLeft(before: readonly Run[], anchor: Run): number {
  let left = anchor.x;
  for (let k = before.length - 1; k >= 0; k--) {
    const r = before[k]!;
    if (Math.abs(r.y - anchor.y) > SAME_LINE * anchor.h || r.x > left) break;
    if (r.space) continue;
    if (left - (r.x + r.w) > 2 * anchor.h) break;
    left = r.x;
  }
  return left;
}
