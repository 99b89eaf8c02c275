/**
 * The report and the explain page in headless Chromium (Debian's `chromium`,
 * driven by playwright-core): no console errors, no request leaves the page,
 * the content is there, and the links between highlights and the value list
 * work. Screenshots go to test/artifacts/ (git-ignored). Skips, with a note,
 * where /usr/bin/chromium is absent (`apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainFile, explainHtml } from '../../src/explain/index.js';
import { writeReport, type WrittenReport } from '../../src/report/index.js';
import { runExtract } from '../../src/run/extract.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { direct, readCsv } from './direct.js';
import { hostileLetter, LETTER, pageText, ROOT } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`NOTE: ${CHROMIUM} is absent, so the browser tests are skipped (apt-get install -y chromium).`);

const ARTIFACTS = join(ROOT, 'test', 'artifacts');

// Clicks in a headless browser can race a busy machine (the suite runs test files in parallel): one retry.
describe.skipIf(!present)('pages in headless Chromium', { retry: 1 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'imr-browser-'));
  let browser: Browser;
  let written: WrittenReport;
  let dataset: string;
  const problems: string[] = [];

  /** A page that records console errors, page errors, dialogs and any request that is not the file itself. */
  async function open(file: string, width = 1280, height = 900): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${file}: console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${file}: page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`${file}: dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url().split('#')[0] !== url) problems.push(`${file}: request ${r.url()}`);
    });
    await page.goto(url);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The dev letters when ../shared is there, else the bundled corpus.
    const dev = hasShared();
    dataset = join(work, 'dataset');
    await runExtract({ inputs: dev ? [join(LETTERS, 'dev', 'text-poppler')] : [join(ROOT, 'corpus')], out: dataset, rawCsv: false });
    written = await writeReport(dataset, join(work, 'report', 'report.html'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // launch() starts Chromium with a new, empty, temporary user-data-dir.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('the report: headline, every category with its rate, charts, no errors', async () => {
    const page = await open(written.html, 1100, 1300);
    expect(await page.title()).toBe('IMR overturn rates');
    const decisions = readCsv(join(dataset, 'decisions.csv'));
    const overturned = decisions.filter((d) => d.outcome === 'overturned').length;
    const card = page.locator('#overall');
    expect(await card.getAttribute('data-n')).toBe(String(decisions.length));
    expect(await card.getAttribute('data-k')).toBe(String(overturned));
    expect(await card.locator('.big').textContent()).toBe(`${((100 * overturned) / decisions.length).toFixed(2)}%`);
    const want = direct(dataset).tables.treatment_category!;
    const rows = page.locator('table[data-table="treatment_category"] tbody tr');
    expect(await rows.count()).toBe(want.size);
    for (const [category, c] of want) {
      const row = page.locator(`table[data-table="treatment_category"] tr[data-key="${category}"]`);
      expect(await row.getAttribute('data-n')).toBe(String(c.n));
      expect(await row.getAttribute('data-k')).toBe(String(c.k));
      expect(await row.locator('td').nth(3).textContent()).toBe(`${((100 * c.k) / c.n).toFixed(2)}%`);
    }
    // A chart per table (all but the overall one), each bar with its whisker.
    expect(await page.locator('svg.chart').count()).toBe(written.report.tables.filter((t) => t.spec.id !== 'overall' && t.rows.length).length);
    expect(await page.locator('svg.chart g.row').first().locator('line.ci').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the explain page: the letter text, highlights linked to the value list both ways, no errors', async () => {
    const letter = hasShared() ? join(LETTERS, 'dev', 'text-poppler', 'CM16-0213037.txt') : LETTER;
    const input = explainFile(letter);
    const file = join(work, 'explain.html');
    writeFileSync(file, explainHtml(input));
    const page = await open(file, 1400, 900);
    // The text as rendered (section labels aside) is the letter's.
    // (Browser-side code as strings: the test's TypeScript has no DOM library.)
    const shown = await page.evaluate(`(() => {
      const copy = document.getElementById('letter').cloneNode(true);
      copy.querySelectorAll('.sec-h').forEach((h) => h.remove());
      return copy.textContent;
    })()`);
    expect(shown).toBe(input.text!.replace(/\r\n?/g, '\n'));
    const values = input.spans.filter((s) => s.kind === 'value');
    expect(await page.locator('#values tbody tr').count()).toBe(input.spans.filter((s) => s.kind !== 'section' && s.kind !== 'warning').length);
    // Click the first item's text in the letter: its row lights up.
    const itemText = values.find((s) => s.path === 'items[0].item_text')!;
    const segment = page.locator(`.s[data-v~="${itemText.id}"]`).first();
    // A click selects the innermost value under the pointer (the first of data-v, shortest first).
    const innermost = (await segment.getAttribute('data-v'))!.split(' ')[0]!;
    const spanOf = (id: string) => input.spans.find((s) => String(s.id) === id)!;
    expect(spanOf(innermost).end - spanOf(innermost).start).toBeLessThanOrEqual(itemText.end - itemText.start);
    await segment.click();
    await page.waitForFunction(`location.hash === '#f${innermost}'`);
    expect(await page.locator(`#f${innermost}`).getAttribute('class')).toContain('active');
    await page.screenshot({ path: join(ARTIFACTS, 'explain-item-selected.png') });
    // Choose the decision date's row: its text lights up.
    const date = values.find((s) => s.path === 'dates.decision_date') ?? values[0]!;
    await page.locator(`#f${date.id} a`).click();
    await page.waitForFunction(`location.hash === '#v${date.id}'`);
    const lit = page.locator(`.s.active[data-v~="${date.id}"]`);
    expect(await lit.count()).toBeGreaterThan(0);
    expect((await lit.allTextContents()).join('')).toBe(input.text!.slice(date.start, date.end).replace(/\r\n?/g, '\n'));
    await page.evaluate(`document.getElementById('letter').scrollTo(0, 0)`);
    await page.screenshot({ path: join(ARTIFACTS, 'explain.png') });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('hostile letter text stays text in the browser', async () => {
    const input = explainFile(hostileLetter(work));
    const file = join(work, 'hostile.html');
    writeFileSync(file, explainHtml(input));
    const page = await open(file);
    expect(await page.locator('#letter img, #letter script').count()).toBe(0);
    expect(await page.locator('#letter').textContent()).toContain('<script>alert("x")</script>');
    expect(pageText(readFileSync(file, 'utf8'))).toBe(input.text);
    await page.close();
    expect(problems).toEqual([]);
  });
});
