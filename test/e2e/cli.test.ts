/**
 * The built command line (dist/, compiled by `npm test` and `npm install`)
 * over the bundled corpus: the six files, determinism, accounting, exit codes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
const corpus = join(root, 'corpus');
const work = mkdtempSync(join(tmpdir(), 'imr-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const FILES = ['cases.csv', 'cases.jsonl', 'citations.csv', 'codebook.md', 'datapackage.json', 'decisions.csv', 'errors.csv', 'manifest.json'];

/** The manifest without the fields that describe the run rather than the data (timings). */
function manifestData(dir: string) {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  delete m.timings_ms;
  return m;
}

describe('imr extract', () => {
  it('documents every command and option in --help', () => {
    const out = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    for (const word of ['extract', '--out', '--raw-csv', '--quiet', '--help', '--version']) expect(out).toContain(word);
  });

  it('writes the six files of the contract and the codebook, the same bytes on every run', () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    expect(run('extract', corpus, '--out', a, '-q').status).toBe(0);
    expect(run('extract', corpus, '--out', b, '-q').status).toBe(0);
    expect(readdirSync(a).filter((f) => !f.startsWith('.')).sort()).toEqual(FILES);
    for (const f of FILES.filter((f) => f !== 'manifest.json')) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(manifestData(a)).toEqual(manifestData(b));
  });

  it('accounts for every input exactly once, as a case or an error', () => {
    const out = join(work, 'a');
    const inputs = fg.sync('**/*.txt', { cwd: corpus }).sort();
    const sources = (file: string, column: number) =>
      readFileSync(join(out, file), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[column]!);
    const seen = [...sources('cases.csv', 1), ...sources('errors.csv', 0)].sort();
    expect(seen).toEqual(inputs);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.inputs).toBe(inputs.length);
    expect(manifest.cases + manifest.errors).toBe(inputs.length);
    expect(manifest.files.map((f: { source_file: string }) => f.source_file)).toEqual(inputs);
  });

  it('replaces the previous dataset and leaves no staging folder behind', () => {
    const out = join(work, 'replace');
    expect(run('extract', corpus, '--out', out, '-q').status).toBe(0);
    const before = readFileSync(join(out, 'cases.csv'), 'utf8');
    expect(run('extract', join(corpus, 'issues-2015'), '--out', out, '-q').status).toBe(0);
    const after = readFileSync(join(out, 'cases.csv'), 'utf8');
    expect(after).not.toBe(before);
    expect(after).not.toContain('notice-2013/');
    expect(readdirSync(join(out, '.imr')).filter((f) => f.startsWith('run-'))).toEqual([]);
  });

  it('refuses a non-empty folder that holds no imr dataset, unless --force, and leaves its files alone', () => {
    const out = join(work, 'foreign');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = run('extract', join(corpus, 'issues-2015'), '--out', out, '-q');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(out, 'cases.csv'))).toBe(false);
    expect(run('extract', join(corpus, 'issues-2015'), '--out', out, '-q', '--force').status).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'cases.csv'))).toBe(true);
  });

  it('writes nothing outside the output folder', () => {
    const parent = join(work, 'parent');
    mkdirSync(parent);
    const out = join(parent, 'dataset');
    expect(run('extract', join(corpus, 'issues-2015'), '--out', out, '-q', '--incremental').status).toBe(0);
    expect(readdirSync(parent)).toEqual(['dataset']);
  });

  it('exits 1 when no input gives a case, and says why', () => {
    const dir = join(work, 'only-bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run('extract', dir, '--out', join(work, 'bad-out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('errors.csv');
    expect(readFileSync(join(work, 'bad-out', 'errors.csv'), 'utf8')).toContain('empty.txt,empty_file');
  });

  it('exits 2 on a usage error, with the message and one line pointing to --help, not the help itself', () => {
    const expectUsage = (r: ReturnType<typeof run>, message: string | RegExp, help: string) => {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const [first, second, ...rest] = r.stderr.split('\n');
      expect(first).toMatch(message);
      expect(second).toBe(`Try '${help} --help'.`);
      expect(rest).toEqual(['']);
    };
    expectUsage(run('frobnicate'), 'imr: unknown command "frobnicate"', 'imr');
    expectUsage(run('report'), 'imr: report needs exactly one dataset folder', 'imr report');
    expectUsage(run('extract'), 'imr: extract needs at least one file, folder or glob', 'imr extract');
    expectUsage(run('extract', join(work, 'no-such-folder')), /^imr: no such file or folder: .*no-such-folder$/, 'imr extract');
    expectUsage(run('extract', corpus, '--no-such-option'), /^imr: Unknown option '--no-such-option'/, 'imr extract');
    expectUsage(run('merge', '--out'), /^imr: Option '-o, --out <value>' argument missing/, 'imr merge');
  });
});
