/**
 * Copy audit: finds text of the real letters (../shared/letters) copied into
 * this repository.
 *
 * The letters in ../shared are public records but not the project's: no
 * tracked file may hold a run of words that is specific to one of them (its
 * clinical story, its reviewer's sentences about the case, names, dates, jobs,
 * mechanisms, drug regimens). Wording that many letters share (the MAXIMUS
 * boilerplate, stock decision sentences, guideline names and citations) is the
 * documented format and may stay.
 *
 * Words are runs of letters and digits, lower-cased; everything else only
 * separates them. Every letter text (both dev renderings and the seed) is cut
 * into word 7-grams, and each 7-gram is counted once per distinct letter (the
 * two renderings of a letter are one letter). A 7-gram of a tracked file that
 * also occurs in a letter is letter-specific unless one of these holds:
 *
 *   boilerplate  it occurs in BOILERPLATE_LETTERS (4) or more letters;
 *   documented   it occurs in ../shared/FORMATS.md or ../shared/DATASET-CONTRACT.md
 *                (the documented format; docs/DATASET-CONTRACT.md must equal the latter);
 *   citation     it lies inside a letter's citation lines ("Claims Administrator
 *                guideline:" / "MAXIMUS guideline:" up to "Decision rationale:"),
 *                i.e. it is a standard guideline citation;
 *   number slot  it holds at most two numbers, and with every number replaced by
 *                one placeholder it occurs in 4 or more letters (template wording
 *                around an age, a count or a dose: "the injured worker is a 51
 *                year old"); a date has three numbers, so dates never pass this way;
 *   template slot  it holds at most two numbers and one of its three 5-grams occurs
 *                in TEMPLATE_LETTERS (8) or more letters: it is stock wording with one
 *                or two words of a closed list beside it ("… certification(s)/specialty:
 *                family practice", "… set forth below: physical therapy");
 *   accepted     its hash is listed for this file in scripts/copy-audit-accepted.json,
 *                where each group of 7-grams was read and judged not specific to a
 *                letter (guideline wording that reviewers quote, common clinical and
 *                request wording); the file holds hashes only, never the words, and
 *                a hash is accepted only in the files its group names.
 *
 * Every tracked text file (git ls-files) is scanned except the annotators'
 * recorded values (test/annotations/*.json) and package-lock.json. Markdown
 * notes are also checked for quoted phrases of 3 or more words found in a
 * single letter (and not in the shared documents): such a quote in a paragraph
 * that names a case number is a copy too (the test fails on it); elsewhere it
 * is listed for a reader's eye (--quotes).
 *
 *   npx tsx scripts/copy-audit.ts                # hits; exit 1 if any
 *   npx tsx scripts/copy-audit.ts --quotes       # also every single-letter quote in notes
 *   npx tsx scripts/copy-audit.ts --raw          # only the 4-letter threshold, no other rule
 *   npx tsx scripts/copy-audit.ts --hashes FILE  # hashes of the 7-grams hit in FILE (to accept after reading them)
 *
 * The report prints at most the 7 matched words of a hit, never more.
 * test/e2e/no-letter-text.test.ts runs the same check.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LETTERS, SHARED } from './shared.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Words in a run. */
export const N = 7;
/** A 7-gram in this many distinct letters or more is template wording. */
export const BOILERPLATE_LETTERS = 4;
/** A 5-gram in this many letters or more is stock wording (the template-slot rule). */
export const TEMPLATE_LETTERS = 8;
/** 7-grams judged not letter-specific, by hash. */
export const ACCEPTED_FILE = join(ROOT, 'scripts', 'copy-audit-accepted.json');

/** Letter text folders under ../shared/letters, each holding one .txt per letter. */
const LETTER_DIRS = ['dev/text-poppler', 'dev/text-pypdf', 'seed'];
/** The shared documents whose wording is the documented format. */
const DOCUMENTED = ['FORMATS.md', 'DATASET-CONTRACT.md'];

/** Files never scanned: the annotators' recorded values, and the lockfile. */
export const SKIPPED = [/^test\/annotations\/[^/]+\.json$/, /^package-lock\.json$/];

/** A case number of the letters, or the seed's name. */
export const CASE_NUMBER = /\bCM1\d-\d{7}\b|\bseed-000\b/;

export interface Token {
  word: string;
  line: number;
}

/** Lower-cased words (runs of letters and digits) with their line numbers. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    out.push({ word: m[0].toLowerCase(), line });
  }
  return out;
}

export const words = (text: string): string[] => tokens(text).map((t) => t.word);

const isNumber = (w: string): boolean => /\d/.test(w);
const masked = (ws: readonly string[]): string => ws.map((w) => (isNumber(w) ? '#' : w)).join(' ');

/** Short hash of a 7-gram (its words joined by single spaces). */
export const gramHash = (gram: string): string => createHash('sha256').update(gram).digest('hex').slice(0, 12);

export interface LetterIndex {
  /** 7-gram → number of distinct letters holding it. */
  counts: Map<string, number>;
  /** Number-masked 7-gram → number of letters. */
  maskedCounts: Map<string, number>;
  /** 5-gram → number of letters. */
  fiveCounts: Map<string, number>;
  /** 7-gram → one letter holding it (for the report). */
  example: Map<string, string>;
  /** 7-grams inside the letters' citation lines. */
  citations: Set<string>;
  /** 7-grams of the documented format (FORMATS.md, DATASET-CONTRACT.md). */
  documented: Set<string>;
  /** File → hashes of its 7-grams judged not letter-specific. */
  accepted: Map<string, Set<string>>;
  /** The documented format's words, space-joined and space-padded (quotes found there may stay). */
  documentedText: string;
  /** Letter id → its renderings' words, space-joined and space-padded (for phrase look-ups). */
  texts: Map<string, string[]>;
  letters: number;
}

/** The letters' texts by letter id (case number, or the seed's file name). */
export function letterTexts(letters = LETTERS): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const dir of LETTER_DIRS) {
    const folder = join(letters, dir);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder).sort()) {
      if (!f.endsWith('.txt')) continue;
      const id = basename(f, '.txt');
      const list = byId.get(id) ?? [];
      list.push(readFileSync(join(folder, f), 'utf8'));
      byId.set(id, list);
    }
  }
  return byId;
}

function count(map: Map<string, number>, seen: Set<string>): void {
  for (const g of seen) map.set(g, (map.get(g) ?? 0) + 1);
}

/** 7-grams inside the citation lines of one letter's words. */
function citationGrams(ws: readonly string[], into: Set<string>): void {
  let start = -1;
  for (let i = 1; i < ws.length; i++) {
    if (start < 0 && ws[i] === 'guideline' && (ws[i - 1] === 'administrator' || ws[i - 1] === 'maximus')) start = i - 1;
    else if (start >= 0 && ws[i] === 'rationale' && ws[i - 1] === 'decision') {
      for (let j = start; j + N <= i + 1; j++) into.add(ws.slice(j, j + N).join(' '));
      start = -1;
    }
  }
}

export interface AcceptedGroup {
  /** What the 7-grams are, and why they may stay. */
  why: string;
  files: string[];
  hashes: string[];
}

export function loadAccepted(file = ACCEPTED_FILE): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  if (!existsSync(file)) return byFile;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { groups: AcceptedGroup[] };
  for (const g of data.groups) {
    for (const f of g.files) {
      const set = byFile.get(f) ?? new Set<string>();
      for (const h of g.hashes) set.add(h);
      byFile.set(f, set);
    }
  }
  return byFile;
}

export function buildIndex(letters = LETTERS, shared = SHARED, acceptedFile = ACCEPTED_FILE): LetterIndex {
  const counts = new Map<string, number>();
  const maskedCounts = new Map<string, number>();
  const fiveCounts = new Map<string, number>();
  const example = new Map<string, string>();
  const citations = new Set<string>();
  const texts = new Map<string, string[]>();
  const raw = letterTexts(letters);
  for (const [id, renderings] of raw) {
    const seven = new Set<string>();
    const sevenMasked = new Set<string>();
    const five = new Set<string>();
    const joined: string[] = [];
    for (const text of renderings) {
      const ws = words(text);
      joined.push(` ${ws.join(' ')} `);
      for (let i = 0; i + N <= ws.length; i++) {
        const slice = ws.slice(i, i + N);
        seven.add(slice.join(' '));
        sevenMasked.add(masked(slice));
      }
      for (let i = 0; i + 5 <= ws.length; i++) five.add(ws.slice(i, i + 5).join(' '));
      citationGrams(ws, citations);
    }
    texts.set(id, joined);
    count(counts, seven);
    count(maskedCounts, sevenMasked);
    count(fiveCounts, five);
    for (const g of seven) if (!example.has(g)) example.set(g, id);
  }
  const documented = new Set<string>();
  let documentedText = ' ';
  for (const doc of DOCUMENTED) {
    const file = join(shared, doc);
    if (!existsSync(file)) continue;
    const ws = words(readFileSync(file, 'utf8'));
    documentedText += `${ws.join(' ')} `;
    for (let i = 0; i + N <= ws.length; i++) documented.add(ws.slice(i, i + N).join(' '));
  }
  const accepted = loadAccepted(acceptedFile);
  return { counts, maskedCounts, fiveCounts, example, citations, documented, accepted, documentedText, texts, letters: raw.size };
}

export type Verdict = 'absent' | 'boilerplate' | 'documented' | 'citation' | 'number slot' | 'template slot' | 'accepted' | 'copy';

/** Why a 7-gram (its 7 words) of a file may stay, or 'copy'. With `raw`, only the letter-count threshold applies. */
export function verdict(index: LetterIndex, ws: readonly string[], raw = false, file = ''): Verdict {
  const gram = ws.join(' ');
  const c = index.counts.get(gram) ?? 0;
  if (c === 0) return 'absent';
  if (c >= BOILERPLATE_LETTERS) return 'boilerplate';
  if (raw) return 'copy';
  if (index.documented.has(gram)) return 'documented';
  if (index.citations.has(gram)) return 'citation';
  const numbers = ws.filter(isNumber).length;
  if (numbers <= 2) {
    if ((index.maskedCounts.get(masked(ws)) ?? 0) >= BOILERPLATE_LETTERS) return 'number slot';
    for (let k = 0; k + 5 <= ws.length; k++) {
      if ((index.fiveCounts.get(ws.slice(k, k + 5).join(' ')) ?? 0) >= TEMPLATE_LETTERS) return 'template slot';
    }
  }
  if (index.accepted.get(file)?.has(gramHash(gram))) return 'accepted';
  return 'copy';
}

export interface Hit {
  file: string;
  /** Line of the run's first word. */
  line: number;
  /** The first 7 matched words (never more). */
  gram: string;
  /** Words in the run of overlapping letter-specific 7-grams. */
  length: number;
  /** Fewest distinct letters holding a 7-gram of the run. */
  letters: number;
  /** A letter holding the first 7-gram. */
  letter: string;
  /** Every letter-specific 7-gram of the run (for --hashes; not printed). */
  grams: string[];
}

/** Runs of letter-specific 7-grams in one text. */
export function scanText(index: LetterIndex, file: string, text: string, raw = false): Hit[] {
  const ts = tokens(text);
  const hits: Hit[] = [];
  let run: Hit | undefined;
  let runEnd = -1;
  for (let i = 0; i + N <= ts.length; i++) {
    const ws = ts.slice(i, i + N).map((t) => t.word);
    if (verdict(index, ws, raw, file) !== 'copy') continue;
    const gram = ws.join(' ');
    const c = index.counts.get(gram)!;
    if (run && i <= runEnd) {
      run.length += i + N - 1 - runEnd;
      run.letters = Math.min(run.letters, c);
      run.grams.push(gram);
    } else {
      run = { file, line: ts[i]!.line, gram, length: N, letters: c, letter: index.example.get(gram)!, grams: [gram] };
      hits.push(run);
    }
    runEnd = i + N - 1;
  }
  return hits;
}

export interface QuoteHit {
  file: string;
  line: number;
  /** The quoted phrase's words (at most 7). */
  phrase: string;
  /** The one letter holding it. */
  letter: string;
  /** Whether the quote's paragraph names a case number. */
  nearCase: boolean;
}

/** Letters whose text holds a phrase (words joined by single spaces). */
export function lettersWith(index: LetterIndex, phrase: string, stopAt = Infinity): string[] {
  const needle = ` ${phrase} `;
  const out: string[] = [];
  for (const [id, texts] of index.texts) {
    if (texts.some((t) => t.includes(needle))) out.push(id);
    if (out.length >= stopAt) break;
  }
  return out;
}

/**
 * Quoted phrases ("…", “…” or `…`) of 3 or more words in a Markdown note that
 * occur in exactly one letter, whole or (for longer quotes) as a run of 4 or
 * more of their words. A quote cut by an ellipsis is checked piece by piece.
 */
export function scanQuotes(index: LetterIndex, file: string, text: string): QuoteHit[] {
  const out: QuoteHit[] = [];
  for (const m of text.matchAll(/"([^"\n]{4,400}?)"|“([^”\n]{4,400}?)”|`([^`\n]{4,400}?)`/g)) {
    const quote = m[1] ?? m[2] ?? m[3] ?? '';
    const line = text.slice(0, m.index).split('\n').length;
    const nearCase = CASE_NUMBER.test(paragraphAt(text, m.index));
    for (const piece of quote.split(/…|\.\.\./)) {
      const ws = words(piece);
      if (ws.length < 3 || index.documentedText.includes(` ${ws.join(' ')} `)) continue;
      const found = singleLetterRun(index, ws);
      if (found) out.push({ file, line, phrase: found.phrase, letter: found.letter, nearCase });
    }
  }
  return out;
}

/** The paragraph (between blank lines) around an offset. */
function paragraphAt(text: string, at: number): string {
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  let end = text.length;
  for (const b of text.matchAll(blank)) {
    if (b.index + b[0].length <= at) start = b.index + b[0].length;
    else if (b.index >= at) {
      end = b.index;
      break;
    }
  }
  return text.slice(start, end);
}

/** The quote itself, or its longest run of 4+ words, if it occurs in exactly one letter. */
function singleLetterRun(index: LetterIndex, ws: string[]): { phrase: string; letter: string } | undefined {
  const whole = lettersWith(index, ws.join(' '), 2);
  if (whole.length === 1) return { phrase: ws.slice(0, N).join(' '), letter: whole[0]! };
  if (whole.length > 1) return undefined;
  for (let len = Math.min(ws.length - 1, N); len >= 4; len--) {
    for (let i = 0; i + len <= ws.length; i++) {
      const sub = ws.slice(i, i + len).join(' ');
      const found = lettersWith(index, sub, 2);
      if (found.length === 1) return { phrase: sub, letter: found[0]! };
    }
  }
  return undefined;
}

/** Tracked files to scan: every tracked file less SKIPPED (binary files are left out when read). */
export function trackedFiles(root = ROOT): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\0').filter((f) => f && !SKIPPED.some((re) => re.test(f)) && existsSync(join(root, f)));
}

/** The file's text, or undefined for a binary file (a NUL byte in its first 8 KB). */
export function readText(path: string): string | undefined {
  const buf = readFileSync(path);
  if (buf.subarray(0, 8192).includes(0)) return undefined;
  return buf.toString('utf8');
}

export interface Audit {
  hits: Hit[];
  quotes: QuoteHit[];
  files: number;
}

export function audit(index: LetterIndex, root = ROOT, raw = false): Audit {
  const hits: Hit[] = [];
  const quotes: QuoteHit[] = [];
  const files = trackedFiles(root);
  for (const f of files) {
    const text = readText(join(root, f));
    if (text === undefined) continue;
    hits.push(...scanText(index, f, text, raw));
    if (f.endsWith('.md')) quotes.push(...scanQuotes(index, f, text));
  }
  return { hits, quotes, files: files.length };
}

function main(): number {
  const args = process.argv.slice(2);
  if (!existsSync(join(LETTERS, 'dev'))) {
    console.error(`${LETTERS} is absent: nothing to compare with.`);
    return 2;
  }
  const index = buildIndex();
  const raw = args.includes('--raw');
  const { hits, quotes, files } = audit(index, ROOT, raw);
  const hashesOf = args.includes('--hashes') ? args[args.indexOf('--hashes') + 1] : undefined;
  if (hashesOf) {
    const grams = new Set(hits.filter((h) => h.file === hashesOf).flatMap((h) => h.grams));
    console.log(JSON.stringify([...grams].map(gramHash).sort()));
    return 0;
  }
  console.log(
    `${index.letters} letters, ${index.counts.size} distinct 7-grams; ${files} tracked files; ` +
      (raw ? `only the ${BOILERPLATE_LETTERS}-letter threshold.` : `accepted 7-grams listed for ${index.accepted.size} files.`),
  );
  const byFile = new Map<string, number>();
  for (const h of hits) {
    byFile.set(h.file, (byFile.get(h.file) ?? 0) + 1);
    console.log(`${h.file}:${h.line}\t${h.letters} letter(s), e.g. ${h.letter}\t${h.length} words\t${h.gram}`);
  }
  const caseQuotes = quotes.filter((q) => q.nearCase);
  for (const q of args.includes('--quotes') ? quotes : caseQuotes) {
    console.log(`QUOTE ${q.file}:${q.line}\t${q.letter}${q.nearCase ? '\tbeside a case number' : ''}\t"${q.phrase}"`);
  }
  if (byFile.size) console.log('\nruns by file:');
  for (const [f, n] of [...byFile].sort()) console.log(`  ${n}\t${f}`);
  console.log(
    `${hits.length} letter-specific runs; ${caseQuotes.length} single-letter quotes beside a case number; ` +
      `${quotes.length} single-letter quotes in notes in all (--quotes lists them).`,
  );
  return hits.length || caseQuotes.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
