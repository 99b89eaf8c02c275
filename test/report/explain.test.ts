/**
 * `imr explain`: every span of the record is found and drawn, the page holds
 * the letter's text exactly (escaped), and hostile letter text stays text.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/command.js';
import { explain as explainCommand } from '../../src/commands/explain.js';
import type { CaseRecord } from '../../src/core/record.js';
import { explainFile, explainHtml, explainJson } from '../../src/explain/index.js';
import { processFile } from '../../src/run/process-file.js';
import { hostileLetter, LETTER, pageText } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imr-explain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every {value, start, end} object of a record, by walking it. */
function locatedValues(record: unknown): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('value' in o && typeof o.start === 'number' && typeof o.end === 'number') n++;
      Object.values(o).forEach(walk);
    }
  };
  walk(record);
  return n;
}

describe('explain', async () => {
  const input = await explainFile(LETTER);
  const record = input.record as CaseRecord;

  it('extracts the letter as imr extract does', () => {
    const direct = processFile({ path: LETTER, sourceFile: 'poppler-six-items-wrapped-headers.txt' });
    expect(direct.outcome.ok).toBe(true);
    expect(record).toEqual(direct.outcome.ok ? direct.outcome.record : null);
    expect(input.error).toBeNull();
  });

  it('finds every located value, item, section and positioned warning, all within the text', () => {
    const spans = input.spans;
    expect(spans.filter((s) => s.kind === 'value' || s.kind === 'mention')).toHaveLength(locatedValues(record));
    expect(spans.filter((s) => s.kind === 'item').map((s) => s.value.split(':')[0])).toEqual(record.items.map((i) => `item ${i.item_no}`));
    expect(spans.filter((s) => s.kind === 'section').map((s) => s.value)).toEqual(record.sections.map((s) => s.name));
    expect(spans.filter((s) => s.kind === 'warning')).toHaveLength(record.warnings.filter((w) => w.start !== null).length);
    const citations = record.items.reduce((n, i) => n + i.citations.length, 0);
    expect(spans.filter((s) => /^items\[\d+\]\.citations\[\d+\]\.raw$/.test(s.path))).toHaveLength(citations);
    for (const s of spans) expect(s.valid, s.path).toBe(true);
    expect(new Set(spans.map((s) => s.id)).size).toBe(spans.length);
  });

  it('draws every value and lists it, and the page holds the letter text exactly', () => {
    const html = explainHtml(input);
    for (const s of input.spans) {
      if (s.kind !== 'section') expect(html).toMatch(new RegExp(`data-v="[^"]*\\b${s.id}\\b`));
      expect(html).toContain(`id="f${s.id}"`);
    }
    expect(pageText(html)).toBe(input.text);
  });

  it('keeps hostile letter text as text (and CRLF offsets intact)', async () => {
    const file = hostileLetter(work);
    const hostile = await explainFile(file);
    expect(hostile.error).toBeNull();
    expect(hostile.text).toContain('\r\n');
    const html = explainHtml(hostile);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toContain('<!--');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(pageText(html)).toBe(hostile.text);
    // Offsets index the decoded text, CRs included.
    for (const s of hostile.spans.filter((x) => x.kind === 'value')) expect(s.end).toBeLessThanOrEqual(hostile.text!.length);
    const dates = hostile.record!.dates.decision_date!;
    expect(hostile.text!.slice(dates.start, dates.end)).toMatch(/\d/);
  });

  it('--json gives the record and each span with the text at its offsets', () => {
    const json = JSON.parse(explainJson(input)) as { record: CaseRecord; spans: { start: number; end: number; text: string; path: string }[]; offsets: string };
    expect(json.record).toEqual(record);
    expect(json.offsets).toMatch(/UTF-16/);
    for (const s of json.spans) expect(s.text).toBe(input.text!.slice(s.start, s.end));
    const caseNumber = json.spans.find((s) => s.path === 'case_number')!;
    expect(caseNumber.text).toBe(record.case_number!.value);
  });

  it('shows why a letter gave no case, and the command exits 1 for it', async () => {
    const file = join(root, 'corpus', 'errors', 'not-imr-news.txt');
    const bad = await explainFile(file);
    expect(bad.record).toBeNull();
    expect(bad.error?.code).toBe('not_an_imr_letter');
    const html = explainHtml(bad);
    expect(html).toContain('not_an_imr_letter');
    expect(pageText(html)).toBe(bad.text);
    const { result, stderr } = await quietly(() => explainCommand.run([file], { out: join(work, 'bad.html') }));
    expect(result).toBe(1);
    expect(stderr).toContain('not_an_imr_letter');
    expect(readFileSync(join(work, 'bad.html'), 'utf8')).toContain('not_an_imr_letter');
    expect((await quietly(() => explainCommand.run([LETTER], { out: join(work, 'ok.json'), json: true }))).result).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'ok.json'), 'utf8')).record.case_id).toBe(record.case_id);
  });

  it('writes no page for a file that gives no text, and says why on standard error', async () => {
    const binary = join(root, 'corpus', 'errors', 'binary.txt');
    const input = await explainFile(binary);
    expect(input.text).toBeNull();
    expect(input.error?.code).toBe('binary_file');
    const out = join(work, 'bin.html');
    const { result, stderr } = await quietly(() => explainCommand.run([binary], { out }));
    expect(result).toBe(1);
    expect(stderr).toMatch(/binary\.txt: binary_file: .*nothing written/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that does not exist, or a folder, as a usage error, writing nothing', async () => {
    const out = join(work, 'missing.html');
    await expect(explainCommand.run([join(work, 'no-such-letter.txt')], { out })).rejects.toThrow(/no such file: .*no-such-letter\.txt/);
    await expect(explainCommand.run([work], { out })).rejects.toThrow(/is a folder/);
    await expect(explainCommand.run([], { out })).rejects.toBeInstanceOf(UsageError);
    expect(existsSync(out)).toBe(false);
  });
});

/** Runs `f` with standard error captured. */
async function quietly<T>(f: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const write = process.stderr.write;
  let stderr = '';
  process.stderr.write = (chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  };
  try {
    return { result: await f(), stderr };
  } finally {
    process.stderr.write = write;
  }
}
