/**
 * `npm run render`: the dev PDFs as every text extractor researchers use
 * renders them, one folder per renderer, for `npm run eval -- --renderers`.
 *
 *   npm run render [-- --out DIR] [--only a,b] [--force]
 *
 * Renderings go to `DIR/<renderer>/<case>.txt` (default: the system's temp
 * folder, never the project: the letters are not ours to copy). A renderer
 * whose tool is missing is skipped with the package that provides it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { LETTERS, hasShared } from './shared.js';

const run = promisify(execFile);

export const RENDERINGS = join(tmpdir(), 'imr-renderings');

/** Python one-liners for the Python extractors (Debian's packages, run by Debian's python3). */
const PYPDF = `import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
if r.is_encrypted: r.decrypt('')
sys.stdout.write('\\n'.join(p.extract_text() for p in r.pages))`;

interface Renderer {
  name: string;
  /** What to install when the tool is missing. */
  install: string;
  available: () => Promise<boolean>;
  /** The text of one PDF. */
  render: (pdf: string) => Promise<string>;
}

const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const works = (cmd: string, args: string[]) => async () => run(cmd, args).then(() => true, () => false);
const stdout = async (cmd: string, args: string[]) => (await run(cmd, args, { maxBuffer: 64 << 20, encoding: 'utf8' })).stdout;

function poppler(name: string, flags: string[]): Renderer {
  return { name, install: 'apt-get install poppler-utils', available: works('pdftotext', ['-v']), render: (pdf) => stdout('pdftotext', ['-q', '-enc', 'UTF-8', ...flags, pdf, '-']) };
}

/** pdf.js text as its users commonly join it: each item's string, a line break where the item ends a line, pages apart. */
async function pdfjsText(pdf: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n\n');
}

let pdfium: Promise<import('@hyzyla/pdfium').PDFiumLibrary> | null = null;
async function pdfiumText(pdf: string): Promise<string> {
  const { PDFiumLibrary } = await import('@hyzyla/pdfium');
  const library = await (pdfium ??= PDFiumLibrary.init());
  const doc = await library.loadDocument(new Uint8Array(readFileSync(pdf)), '');
  try {
    return [...doc.pages()].map((p) => p.getText()).join('\f');
  } finally {
    doc.destroy();
  }
}

export const RENDERERS: Renderer[] = [
  poppler('poppler', []),
  poppler('poppler-layout', ['-layout']),
  poppler('poppler-raw', ['-raw']),
  { name: 'mupdf', install: 'apt-get install mupdf-tools', available: works('mutool', ['-v']), render: (pdf) => stdout('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf]) },
  { name: 'pdfminer', install: 'apt-get install python3-pdfminer', available: works('pdf2txt', ['--version']), render: (pdf) => stdout('pdf2txt', [pdf]) },
  { name: 'pypdf3', install: 'apt-get install python3-pypdf (and python3-cryptography, for the AES-encrypted letters)', available: works(python, ['-c', 'import pypdf, cryptography']), render: (pdf) => stdout(python, ['-c', PYPDF, pdf]) },
  { name: 'pdfium', install: 'npm install (the dev dependency @hyzyla/pdfium)', available: async () => import('@hyzyla/pdfium').then(() => true, () => false), render: pdfiumText },
  { name: 'pdfjs', install: 'npm install (pdfjs-dist)', available: async () => true, render: pdfjsText },
];

/** Renders every dev PDF with each available renderer; returns the folders made (or found complete). */
export async function renderAll(out: string, only: string[] | null, force: boolean): Promise<{ name: string; dir: string }[]> {
  const pdfDir = join(LETTERS, 'dev', 'pdf');
  const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort();
  const made: { name: string; dir: string }[] = [];
  for (const r of RENDERERS) {
    if (only && !only.includes(r.name)) continue;
    if (!(await r.available())) {
      console.error(`render: ${r.name} skipped: its tool is missing (${r.install})`);
      continue;
    }
    const dir = join(out, r.name);
    mkdirSync(dir, { recursive: true });
    const todo = pdfs.filter((f) => force || !existsSync(join(dir, f.replace(/\.pdf$/, '.txt'))));
    const limit = pLimit(2);
    await Promise.all(todo.map((f) => limit(async () => writeFileSync(join(dir, f.replace(/\.pdf$/, '.txt')), await r.render(join(pdfDir, f))))));
    console.error(`render: ${r.name}: ${todo.length} rendered, ${pdfs.length - todo.length} already there (${dir})`);
    made.push({ name: r.name, dir });
  }
  return made;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!hasShared()) {
    console.error(`render: ${LETTERS} not found; the dev PDFs live in ../shared beside the project (or set IMR_SHARED).`);
    process.exit(2);
  }
  const { values } = parseArgs({ options: { out: { type: 'string', default: RENDERINGS }, only: { type: 'string' }, force: { type: 'boolean', default: false } } });
  await renderAll(values.out!, values.only ? values.only.split(',') : null, values.force!);
}
