/**
 * Bad input is normal input: each kind gets its own errors.csv row (or is a
 * case, with the debris survived), none stops the run or costs another
 * file's data, and every input is accounted for.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.js';
import { unpack } from '../../src/run/packed.js';
import { runBatch } from '../../src/run/worker.js';
import { CORPUS } from '../../scripts/golden.js';

const work = mkdtempSync(join(tmpdir(), 'imr-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const letter = readFileSync(join(CORPUS, 'issues-2015', 'poppler-two-items.txt'), 'utf8');
const errorsOf = (out: string) =>
  new Map(readFileSync(join(out, 'errors.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => [l.split(',')[0]!, l.split(',')[1]!] as const));
const casesOf = (out: string) => readFileSync(join(out, 'cases.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[1]!);

describe('bad input', () => {
  it('gives each bad input its own row and keeps every good letter', async () => {
    const dir = join(work, 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.txt'), letter);
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    writeFileSync(join(dir, 'd-few-nul-bytes.txt'), letter.replace('CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY\u0000'));
    writeFileSync(join(dir, 'e-huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    writeFileSync(join(dir, 'f-megabyte-line.txt'), letter.replace('CLINICAL CASE SUMMARY', `CLINICAL CASE SUMMARY\n${'word '.repeat(210_000)}`));
    writeFileSync(join(dir, 'g-repeated-headings.txt'), letter + '\nIMR ISSUES, DECISIONS AND RATIONALES\nCLINICAL CASE SUMMARY\n'.repeat(5000));
    writeFileSync(join(dir, 'h-invalid-utf8.txt'), Buffer.concat([Buffer.from(letter.slice(0, 400)), Buffer.from([0xe9, 0x92, 0xff]), Buffer.from(letter.slice(400))]));
    writeFileSync(join(dir, 'i-not-a-letter.txt'), 'Shopping list\n\nmilk, eggs, bread\n');
    mkdirSync(join(dir, 'j-directory.txt'));
    writeFileSync(join(dir, 'j-directory.txt', 'inside.txt'), letter);
    symlinkSync(dir, join(dir, 'k-loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'l-dangling.txt'));

    const out = join(work, 'out');
    const s = await runExtract({ inputs: [dir], out, rawCsv: false, jobs: 2, batchSize: 3 });
    const errors = errorsOf(out);
    expect(errors.get('b-empty.txt')).toBe('empty_file');
    expect(errors.get('c-binary.txt')).toBe('binary_file');
    expect(errors.get('e-huge.txt')).toBe('file_too_large');
    expect(errors.get('i-not-a-letter.txt')).toBe('not_an_imr_letter');
    const cases = casesOf(out);
    for (const f of ['a-good.txt', 'd-few-nul-bytes.txt', 'f-megabyte-line.txt', 'g-repeated-headings.txt', 'h-invalid-utf8.txt', 'j-directory.txt/inside.txt']) expect(cases, f).toContain(f);
    // The symlinks are not followed (no loop, no second copy of the folder).
    expect([...errors.keys(), ...cases].filter((f) => f.startsWith('k-loop'))).toEqual([]);
    expect(s.cases + s.errors).toBe(s.inputs);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.find((f: { source_file: string }) => f.source_file === 'h-invalid-utf8.txt').encoding).toBe('windows-1252');
  });

  it('records a file that vanished (or cannot be read) before its turn as unreadable', async () => {
    const codes = async (path: string, sourceFile: string) => unpack(await runBatch({ files: [{ path, sourceFile }], rawCsv: false, cache: null, keepText: null, maxBytes: 1e7, redact: false })).tally.errorCodes;
    expect(await codes(join(work, 'gone.txt'), 'gone.txt')).toEqual({ unreadable: 1 });
    expect(await codes(work, 'a-folder.txt')).toEqual({ unreadable: 1 });
  });

  it('stops a letter that takes longer than the time budget as a timeout, and finishes the run', async () => {
    const dir = join(work, 'slow');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.txt'), letter);
    // Linear, about 2.5 s of work, but within a worker's heap (six million lines were not: the worker could run out of memory before the budget ran out); a good letter's first run, JIT and all, takes a tenth of the budget of 1 s, so a loaded machine (both cores busy with other test files) leaves it room.
    writeFileSync(join(dir, 'b-slow.txt'), letter.replace('CLINICAL CASE SUMMARY', `CLINICAL CASE SUMMARY\n${'x\n'.repeat(3_000_000)}`));
    writeFileSync(join(dir, 'c-good.txt'), letter);
    const out = join(work, 'slow-out');
    const s = await runExtract({ inputs: [dir], out, rawCsv: false, jobs: 1, timeBudget: 1, maxBytes: 1e9 });
    expect(errorsOf(out).get('b-slow.txt')).toBe('timeout');
    expect(casesOf(out)).toEqual(['a-good.txt', 'c-good.txt']);
    expect(s.inputs).toBe(3);
  });
});
