/**
 * `imr explain` on PDFs: a PDF goes through the same reading as `imr extract`
 * (src/io/pdf.ts), and the page shows the values its text rendering shows. A
 * PDF set here from a corpus letter always runs; a dev PDF against its poppler
 * text needs ../shared and skips with a note where it is absent. PDFs that
 * give no text, and files that do not exist, get an error on standard error
 * and no page. The page is looked at in headless Chromium, at desktop and
 * phone widths, where /usr/bin/chromium is present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { chromium } from 'playwright-core';
import { shownLetterText } from '../support/explain-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainFile, explainHtml, type ExplainInput } from '../../src/explain/index.js';
import { pdfToText } from '../../src/io/pdf.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { pageText, ROOT } from '../report/fixtures.js';

const cli = join(ROOT, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'imr-explain-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: work });

/** A corpus letter, one PDF page per page of its text and at most 56 lines a page, each line drawn where a text line sits. */
async function letterPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 9;
  const lines = text.replace(/\n$/, '').split('\n');
  const width = Math.max(...lines.map((l) => font.widthOfTextAtSize(l.replace(/\f/g, ''), size))) + 144;
  let page = doc.addPage([width, 792]);
  let y = 740;
  for (const line of lines) {
    if (line.startsWith('\f') || y < 60) {
      page = doc.addPage([width, 792]);
      y = 740;
    }
    const shown = line.replace(/\f/g, '');
    if (shown.trim()) page.drawText(shown, { x: 72, y, size, font });
    y -= 12;
  }
  return doc.save();
}

async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  doc.addPage([612, 792]).drawImage(png, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

/** A record's values: the record without its offsets and without the file name. */
function values(record: unknown): unknown {
  if (Array.isArray(record)) return record.map(values);
  if (record && typeof record === 'object') {
    return Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'start' && k !== 'end' && k !== 'source_file').map(([k, v]) => [k, values(v)]));
  }
  return record;
}

/** What the page lists: each span's kind, field and value, in order. */
const listed = (input: ExplainInput) => input.spans.map((s) => `${s.kind} ${s.path} = ${s.value}`);

/** The PDF's explanation holds the same values and the same list as its text's, and its page holds the PDF's text. */
async function expectSameAsText(pdf: ExplainInput, text: ExplainInput) {
  expect(pdf.error).toBeNull();
  expect(pdf.encoding).toBe('pdf');
  expect(pdf.record).not.toBeNull();
  expect(values(pdf.record)).toEqual(values(text.record));
  expect(listed(pdf)).toEqual(listed(text));
  for (const s of pdf.spans) expect(s.valid, s.path).toBe(true);
  expect(pdf.text!.slice(pdf.record!.case_number!.start, pdf.record!.case_number!.end)).toBe(pdf.record!.case_number!.value);
  const html = explainHtml(pdf);
  expect(pageText(html)).toBe(pdf.text);
  expect(html).toContain('the text read from the PDF');
}

const LETTER = join(ROOT, 'corpus', 'issues-2015', 'poppler-six-items-wrapped-headers.txt');

describe('imr explain on a PDF', () => {
  const pdfFile = join(work, 'six-items.pdf');
  beforeAll(async () => writeFileSync(pdfFile, await letterPdf(readFileSync(LETTER, 'utf8'))));

  it('shows the values of the letter the PDF was made from, at offsets into the text read from the PDF', async () => {
    const pdf = await explainFile(pdfFile);
    const converted = await pdfToText(readFileSync(pdfFile));
    expect(converted.ok && pdf.text).toBe(converted.ok ? converted.text : null);
    expect(pdf.record!.n_items).toBe(6);
    await expectSameAsText(pdf, await explainFile(LETTER));
  });

  it('the command writes the page and exits 0', () => {
    const out = join(work, 'pages', 'six-items.html');
    const r = run('explain', pdfFile, '--out', out);
    expect(r.stderr).toMatch(/^wrote .*six-items\.html: \d+ spans\n$/);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('CM17-9000623');
  });

  it('a PDF that gives no text: its error code on standard error, exit 1, no page', async () => {
    writeFileSync(join(work, 'scan.pdf'), await imageOnlyPdf());
    writeFileSync(join(work, 'damaged.pdf'), '%PDF-1.4\nthe body of this file is not a PDF\n%%EOF\n');
    const pdf = readFileSync(pdfFile);
    writeFileSync(join(work, 'cut-short.pdf'), pdf.subarray(0, pdf.length >> 1));
    for (const [file, code] of [['scan.pdf', 'pdf_no_text'], ['damaged.pdf', 'pdf_damaged'], ['cut-short.pdf', 'pdf_damaged']] as const) {
      for (const json of [[], ['--json']]) {
        const r = run('explain', file, ...json);
        expect(r.status, file).toBe(1);
        expect(r.stderr).toContain(`${file}: ${code}: `);
        expect(r.stdout).toBe('');
      }
      expect(existsSync(join(work, file.replace(/\.pdf$/, '.explain.html'))), file).toBe(false);
    }
  });

  it('a file that does not exist: a usage error on standard error, exit 2, no page', () => {
    const r = run('explain', 'no-such-letter.pdf');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("imr: no such file: no-such-letter.pdf\nTry 'imr explain --help'.\n");
    expect(existsSync(join(work, 'no-such-letter.explain.html'))).toBe(false);
  });
});

const shared = hasShared();
if (!shared) console.warn(`NOTE: ${LETTERS} is absent, so imr explain on a dev PDF against its poppler text is skipped.`);

// Not held out from tuning (scripts/heldout.ts): four pages, six items, both outcomes.
const DEV_CASE = 'CM16-0246487';

describe.skipIf(!shared)('imr explain on a dev PDF', () => {
  it(`${DEV_CASE}: the same values as on its poppler text`, async () => {
    const pdf = await explainFile(join(LETTERS, 'dev', 'pdf', `${DEV_CASE}.pdf`));
    await expectSameAsText(pdf, await explainFile(join(LETTERS, 'dev', 'text-poppler', `${DEV_CASE}.txt`)));
  });
});

const CHROMIUM = '/usr/bin/chromium';
const browsable = existsSync(CHROMIUM);
if (!browsable) console.warn(`NOTE: ${CHROMIUM} is absent, so the explain page of a PDF is not looked at in a browser (apt-get install -y chromium).`);

describe.skipIf(!browsable)('the explain page of a PDF in headless Chromium', { retry: 1 }, () => {
  it('shows the PDF text and the value list at desktop and phone widths, with no errors and nothing cut off', async () => {
    const letter = shared ? join(LETTERS, 'dev', 'pdf', `${DEV_CASE}.pdf`) : join(work, 'six-items.pdf');
    if (!shared) writeFileSync(letter, await letterPdf(readFileSync(LETTER, 'utf8')));
    const input = await explainFile(letter);
    const file = join(work, 'explain-pdf.html');
    writeFileSync(file, explainHtml(input));
    const artifacts = join(ROOT, 'test', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const problems: string[] = [];
    try {
      for (const [name, width, height] of [['explain-pdf', 1400, 900], ['explain-pdf-phone', 390, 844]] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${name}: console: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
        await page.goto(pathToFileURL(file).href);
        const shown = await shownLetterText(page);
        expect(shown).toBe(input.text!.replace(/\r\n?/g, '\n'));
        expect(await page.locator('header .meta').first().textContent()).toContain('the text read from the PDF');
        // Nothing wider than the window: no side scrolling of the page itself.
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
        const caseNumber = input.spans.find((s) => s.path === 'case_number')!;
        await page.locator(`#f${caseNumber.id} a`).click();
        await page.waitForFunction(`location.hash === '#v${caseNumber.id}'`);
        expect((await page.locator(`.s.active[data-v~="${caseNumber.id}"]`).allTextContents()).join('')).toBe(caseNumber.value);
        await page.screenshot({ path: join(artifacts, `${name}.png`) });
        await page.close();
      }
    } finally {
      await browser.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
