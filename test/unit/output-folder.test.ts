/**
 * Publishing a dataset: the staged files replace the published ones, a
 * published file the new dataset has none of goes with the old dataset, and a
 * publication killed between its renames (an old file moved aside, the new
 * one not yet in) is rolled forward by the next run, from the journal.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareOutput, publish, stagingFolder, WORK_DIR } from '../../src/sinks/output-folder.js';

const work = mkdtempSync(join(tmpdir(), 'imr-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = ['cases.csv', 'decisions.csv', 'citations.csv', 'cases.jsonl', 'errors.csv', 'manifest.json'];
const stage = (out: string, label: string) => {
  const staging = stagingFolder(out);
  for (const f of FILES) writeFileSync(join(staging, f), f === 'manifest.json' ? `{\n  "tool": "imr-extract", "label": "${label}"\n}\n` : `${label} ${f}\n`);
  return staging;
};
const published = (out: string) => Object.fromEntries(FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
const PARQUET = ['cases.parquet', 'decisions.parquet', 'citations.parquet'];
/** Stages the optional entries too: the Parquet files and a text/ folder. */
const stageWithOptional = (out: string, label: string) => {
  const staging = stage(out, label);
  for (const f of PARQUET) writeFileSync(join(staging, f), `${label} ${f}\n`);
  mkdirSync(join(staging, 'text'));
  writeFileSync(join(staging, 'text', 'letter.pdf.txt'), label);
  return staging;
};
const runFolders = (out: string) => readdirSync(join(out, WORK_DIR)).filter((d) => d.startsWith('run-'));

describe('publishing', () => {
  it('gives every staging its own folder, however quickly they follow each other', () => {
    const out = join(work, 'many-stagings');
    prepareOutput(out, false);
    const folders = Array.from({ length: 50 }, () => stagingFolder(out));
    expect(new Set(folders).size).toBe(50);
  });

  it('replaces every published file with the staged one', async () => {
    const out = join(work, 'plain');
    prepareOutput(out, false);
    publish(stage(out, 'first'), out);
    prepareOutput(out, false);
    publish(stage(out, 'second'), out);
    expect(Object.values(published(out)).every((text) => text.includes('second'))).toBe(true);
    // The previous dataset is removed in the background; it is gone soon after.
    for (let i = 0; i < 100 && runFolders(out).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(runFolders(out)).toEqual([]);
  });

  it('removes the published entries the new dataset has none of (the Parquet files, text/)', () => {
    const out = join(work, 'optional');
    prepareOutput(out, false);
    publish(stageWithOptional(out, 'first'), out);
    expect(PARQUET.every((f) => existsSync(join(out, f)))).toBe(true);
    prepareOutput(out, false);
    publish(stage(out, 'second'), out);
    expect(Object.values(published(out)).every((text) => text.includes('second'))).toBe(true);
    expect(PARQUET.filter((f) => existsSync(join(out, f)))).toEqual([]);
    expect(existsSync(join(out, 'text'))).toBe(false);
  });

  it("removes the reports of the replaced dataset (pages, table CSVs, their marked folders), and nothing else the user put there", () => {
    const out = join(work, 'reports');
    prepareOutput(out, false);
    publish(stage(out, 'first'), out);
    // Two reports of the first dataset, as imr report writes them, and the user's own files.
    for (const page of ['report', 'opioids-2017']) {
      writeFileSync(join(out, `${page}.html`), 'page');
      for (const table of ['overall', 'decision_year', 'reasons_by_outcome', 'reviewer_sources']) writeFileSync(join(out, `${page}.${table}.csv`), 'table');
      for (const folder of ['cases', 'explain']) {
        mkdirSync(join(out, `${page}.${folder}`));
        writeFileSync(join(out, `${page}.${folder}`, '.imr-report'), '');
      }
    }
    mkdirSync(join(out, 'report.notes'));
    const mine = ['notes.html', 'notes.summary.csv', 'report.notes', 'report.v1.backup.csv', 'report.mine.csv'];
    for (const f of mine.filter((f) => f.includes('.csv') || f.endsWith('.html'))) writeFileSync(join(out, f), 'mine');
    prepareOutput(out, false);
    publish(stage(out, 'second'), out);
    const left = readdirSync(out).filter((n) => n !== WORK_DIR).sort();
    expect(left).toEqual([...FILES, ...mine].sort());
    expect(published(out)['cases.csv']).toContain('second');
  });

  it('rolls forward a publication killed before it removed an entry the new dataset has none of', () => {
    const out = join(work, 'killed-optional');
    prepareOutput(out, false);
    publish(stageWithOptional(out, 'old'), out);
    prepareOutput(out, false);
    const staging = stage(out, 'new');
    // Killed after the journal (which lists what was staged) and one switched file.
    writeFileSync(join(out, WORK_DIR, 'publish.json'), JSON.stringify({ staging, entries: FILES }));
    mkdirSync(join(staging, '.replaced'));
    renameSync(join(out, 'cases.csv'), join(staging, '.replaced', 'cases.csv'));
    renameSync(join(staging, 'cases.csv'), join(out, 'cases.csv'));

    prepareOutput(out, false);
    expect(Object.values(published(out)).every((text) => text.includes('new'))).toBe(true);
    expect(PARQUET.filter((f) => existsSync(join(out, f)))).toEqual([]);
    expect(existsSync(join(out, 'text'))).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('rolls forward a publication killed between moving an old file aside and moving the new one in', () => {
    const out = join(work, 'killed');
    prepareOutput(out, false);
    publish(stage(out, 'old'), out);
    prepareOutput(out, false);
    const staging = stage(out, 'new');
    // What publish had done when it was killed: the journal, two files switched, the third's old one moved aside.
    writeFileSync(join(out, WORK_DIR, 'publish.json'), JSON.stringify({ staging }));
    mkdirSync(join(staging, '.replaced'));
    for (const f of ['cases.csv', 'decisions.csv']) {
      renameSync(join(out, f), join(staging, '.replaced', f));
      renameSync(join(staging, f), join(out, f));
    }
    renameSync(join(out, 'citations.csv'), join(staging, '.replaced', 'citations.csv'));
    expect(existsSync(join(out, 'citations.csv'))).toBe(false);

    prepareOutput(out, false);
    expect(Object.values(published(out)).every((text) => text.includes('new'))).toBe(true);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(join(out, WORK_DIR, 'publish.json'))).toBe(false);
  });
});
