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
import { shownLetterText } from '../support/explain-page.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainFile, explainHtml } from '../../src/explain/index.js';
import { TABLES, writeReport, type WrittenReport } from '../../src/report/index.js';
import { policyDates } from '../../src/report/policy.js';
import { runExtract } from '../../src/run/extract.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';
import { direct, readCsv } from './direct.js';
import { hostileLetter, LETTER, pageText, ROOT } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`NOTE: ${CHROMIUM} is absent, so the browser tests are skipped (apt-get install -y chromium).`);

const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/**
 * Browser-side check (a string: the test's TypeScript has no DOM library):
 * chart labels whose text overflows their box, and text of the trend
 * pictures that falls outside the picture.
 */
const CLIPPED = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('.bar-row .lbl, .bar-row .val')) {
    if (el.scrollWidth > el.clientWidth + 1) out.push('label: ' + el.textContent);
  }
  for (const svg of document.querySelectorAll('svg.trend')) {
    const box = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      const b = t.getBBox();
      if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5) out.push('trend text: ' + t.textContent);
    }
  }
  return out;
})()`;

// Clicks in a headless browser can race a busy machine (the suite runs test files in parallel): one retry.
describe.skipIf(!present)('pages in headless Chromium', { retry: 1 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'imr-browser-'));
  let browser: Browser;
  let written: WrittenReport;
  let dataset: string;
  let letters: string;
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
    await runExtract({ inputs: [dev ? join(LETTERS, 'dev', 'text-poppler') : join(ROOT, 'corpus')], out: dataset, rawCsv: false });
    letters = dev ? join(LETTERS, 'dev', 'text-poppler') : join(ROOT, 'corpus');
    written = await writeReport(dataset, join(work, 'report', 'report.html'), {}, { letters: { dir: letters, perGroup: 20 } });
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

  it('the report at 1400 px: headline, every category with its rate, every section, labels whole, no errors', async () => {
    const page = await open(written.html, 1400, 1300);
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
    // Every section is there, with its chart or matrix; a bar has its whisker.
    expect(await page.locator('section[id^="t-"]').count()).toBe(TABLES.filter((t) => t.view !== 'none').length);
    expect(await page.locator('svg.trend').count()).toBe(2);
    expect(await page.locator('#t-decision_year svg.trend g.policy').count()).toBeGreaterThan(0);
    expect(await page.locator('ol.policy li').count()).toBe(policyDates().length);
    expect(await page.locator('table.matrix').count()).toBe(2);
    expect(await page.locator('#t-treatment_category .bar-row:not(.axis)').first().locator('line.ci').count()).toBe(3);
    expect(await page.locator('#t-timeliness .bars.days').count()).toBe(3);
    // No label is cut: chart labels wrap inside their box, and the trend's text stays inside its picture.
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('the report at phone width: nothing wider than the screen but the boxes that scroll, labels whole', async () => {
    const page = await open(written.html, 390, 844);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // A table or picture wider than the screen scrolls inside its own box.
    const loose = await page.evaluate(`[...document.querySelectorAll('table, svg.trend, .bars')]
      .filter((el) => el.getBoundingClientRect().right > 390.5 && !el.closest('.scroll'))
      .map((el) => el.outerHTML.slice(0, 80))`);
    expect(loose).toEqual([]);
    expect(await page.evaluate(CLIPPED)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('from a group to its letters and from a case id to its explain page', async () => {
    // Navigation requests other files: a page without the request check.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(written.html).href);
    const row = page.locator('table[data-table="treatment_category"] tbody tr').first();
    const category = (await row.getAttribute('data-key'))!;
    await row.locator('a', { hasText: 'letters' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(category);
    const members = readCsv(join(written.cases, 'treatment_category', `${decodeURIComponent(page.url().split('/').pop()!.replace(/\.html$/, ''))}.csv`));
    const linked = page.locator('tbody tr td:first-child a');
    expect(await linked.count()).toBe(Math.min(20, members.length));
    const caseId = (await linked.first().textContent())!;
    expect(members.some((m) => m.case_id === caseId)).toBe(true);
    await linked.first().click();
    await page.waitForLoadState();
    expect(page.url()).toContain('/report.explain/');
    expect(await page.locator('header h1').textContent()).toContain(caseId);
    expect(await page.locator('#values tbody tr').count()).toBeGreaterThan(5);
    await page.close();
  });

  it('the explain page: the letter text, highlights linked to the value list both ways, no errors', async () => {
    const letter = hasShared() ? join(LETTERS, 'dev', 'text-poppler', 'CM16-0213037.txt') : LETTER;
    const input = await explainFile(letter);
    const file = join(work, 'explain.html');
    writeFileSync(file, explainHtml(input));
    const page = await open(file, 1400, 900);
    // The text as rendered (section labels aside) is the letter's.
    // (Browser-side code as strings: the test's TypeScript has no DOM library.)
    const shown = await shownLetterText(page);
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
    // The page marks the row on the hashchange event, a task after the hash itself changes.
    await page.waitForSelector(`#f${innermost}.active`);
    expect(await page.locator(`#f${innermost}`).getAttribute('class')).toContain('active');
    await page.screenshot({ path: join(ARTIFACTS, 'explain-item-selected.png') });
    // Choose the decision date's row: its text lights up.
    const date = values.find((s) => s.path === 'dates.decision_date') ?? values[0]!;
    await page.locator(`#f${date.id} a`).click();
    await page.waitForFunction(`location.hash === '#v${date.id}'`);
    await page.waitForSelector(`.s.active[data-v~="${date.id}"]`);
    const lit = page.locator(`.s.active[data-v~="${date.id}"]`);
    expect(await lit.count()).toBeGreaterThan(0);
    expect((await lit.allTextContents()).join('')).toBe(input.text!.slice(date.start, date.end).replace(/\r\n?/g, '\n'));
    await page.evaluate(`document.getElementById('letter').scrollTo(0, 0)`);
    await page.screenshot({ path: join(ARTIFACTS, 'explain.png') });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('hostile letter text stays text in the browser', async () => {
    const input = await explainFile(hostileLetter(work));
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
