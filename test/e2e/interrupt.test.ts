/**
 * Interruptions: a run killed with SIGKILL midway leaves the previous dataset
 * byte for byte; one stopped with SIGINT publishes a partial dataset marked
 * incomplete, and an --incremental re-run finishes it into the same bytes as
 * an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT } from '../../scripts/golden.js';

const cli = join(ROOT, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'imr-int-'));
const letters = join(work, 'letters');
const DATA = ['cases.csv', 'decisions.csv', 'citations.csv', 'cases.jsonl', 'errors.csv'];
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Enough distinct letters that a run lasts a few seconds. */
beforeAll(() => {
  const sources = fg.sync('**/*.txt', { cwd: CORPUS, ignore: ['errors/**'] }).map((f) => readFileSync(join(CORPUS, f), 'latin1'));
  for (let k = 0; k < 3000; k++) {
    const dir = join(letters, String(k % 30));
    if (k < 30) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `l${k}.txt`), sources[k % sources.length]!.replace(/CM(\d\d)-\d{7}/g, `CM$1-${String(7000000 + k)}`), 'latin1');
  }
});

function start(...args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code, signal) => done(code ?? (signal ? -1 : null))));
  return { child, exit, stderr: () => stderr };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The cache's pack files (one per batch with new renderings). */
const packs = (out: string): string[] => {
  const dir = join(out, '.imr', 'cache', 'packs');
  return existsSync(dir) ? readdirSync(dir) : [];
};

const snapshot = (dir: string) => Object.fromEntries(DATA.concat('manifest.json').map((f) => [f, readFileSync(join(dir, f))]));

describe('interruptions', () => {
  it('SIGKILL midway leaves the previous dataset byte for byte', async () => {
    const out = join(work, 'killed');
    const first = start('extract', CORPUS, '--out', out, '-q');
    expect(await first.exit).toBe(0);
    const before = snapshot(out);
    const run = start('extract', letters, '--out', out, '-q', '--jobs', '1');
    // Killed once the run has written rows into its staging folder.
    await until(() => {
      const runs = existsSync(join(out, '.imr')) ? readdirSync(join(out, '.imr')).filter((d) => d.startsWith('run-')) : [];
      return runs.some((d) => existsSync(join(out, '.imr', d, 'cases.csv')) && statSync(join(out, '.imr', d, 'cases.csv')).size > 20_000);
    }, 'the run to write rows');
    run.child.kill('SIGKILL');
    await run.exit;
    const after = snapshot(out);
    for (const f of Object.keys(before)) expect(after[f]!.equals(before[f]!), f).toBe(true);
    // The next run clears the dead run's staging folder.
    const next = start('extract', CORPUS, '--out', out, '-q');
    expect(await next.exit).toBe(0);
    expect(readdirSync(join(out, '.imr')).filter((d) => d.startsWith('run-'))).toEqual([]);
  });

  it('SIGINT publishes a partial dataset marked incomplete; --incremental then finishes it to the uninterrupted bytes', async () => {
    const plain = join(work, 'plain');
    expect(await start('extract', letters, '--out', plain, '-q').exit).toBe(0);

    const out = join(work, 'interrupted');
    const run = start('extract', letters, '--out', out, '-q', '--incremental', '--jobs', '1');
    await until(() => packs(out).length >= 3, 'the cache to fill');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toContain('interrupted');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
    expect(manifest.inputs).toBeLessThan(manifest.discovered);
    expect(manifest.inputs).toBeGreaterThan(0);

    const done = packs(out);

    expect(await start('extract', letters, '--out', out, '-q', '--incremental').exit).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).complete).toBe(true);
    for (const f of DATA) expect(readFileSync(join(out, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
    // The interrupted run's work was used, not redone: its packs are still the cache's.
    expect(packs(out)).toEqual(expect.arrayContaining(done));
    // Three runs over 3,000 letters: longer than the default limit on a loaded two-core machine.
  }, 180_000);

  it('an --incremental run killed midway keeps its finished work for the next run', async () => {
    const plain = join(work, 'plain');
    const out = join(work, 'killed');
    const run = start('extract', letters, '--out', out, '-q', '--incremental', '--jobs', '1');
    await until(() => packs(out).length >= 3, 'the cache to fill');
    run.child.kill('SIGKILL');
    await run.exit;
    // What its journal says it finished (a pack written just before the kill may not be in it yet).
    const cache = join(out, '.imr', 'cache');
    const journal = readdirSync(cache).find((f) => f.startsWith('journal-'))!;
    const done = [...new Set(readFileSync(join(cache, journal), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l)[2] as string))];
    expect(done.length).toBeGreaterThan(0);
    expect(await start('extract', letters, '--out', out, '-q', '--incremental').exit).toBe(0);
    for (const f of DATA) expect(readFileSync(join(out, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
    expect(packs(out)).toEqual(expect.arrayContaining(done));
  });
});
