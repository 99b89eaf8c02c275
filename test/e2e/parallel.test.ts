/**
 * The same bytes whatever the concurrency: one thread, worker threads, and a
 * 3-shard run merged; an incremental re-run gives the same dataset from the
 * cache, a different extractor version does not reuse it, and a changed
 * letter is processed again.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CacheIndex, extractorVersion } from '../../src/run/cache.js';
import { runExtract } from '../../src/run/extract.js';
import { mergeOutputs } from '../../src/run/merge.js';
import { discover } from '../../src/io/discover.js';
import { sha256 } from '../../src/io/decode.js';
import { CORPUS } from '../../scripts/golden.js';

const work = mkdtempSync(join(tmpdir(), 'imr-par-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DATA = ['cases.csv', 'decisions.csv', 'citations.csv', 'cases.jsonl', 'errors.csv', 'codebook.md', 'datapackage.json'];

/** The manifest less what describes the run (options, timings). */
const manifest = (dir: string) => {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  delete m.options;
  delete m.timings_ms;
  return m;
};

function expectSame(a: string, b: string) {
  for (const f of DATA) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  expect(manifest(a)).toEqual(manifest(b));
}

describe('concurrency, shards and the cache', () => {
  const plain = join(work, 'plain');
  it('runs the corpus in one thread', async () => {
    const s = await runExtract({ inputs: [CORPUS], out: plain, rawCsv: false, jobs: 1 });
    expect(s.cases).toBeGreaterThan(30);
  });

  it('gives the same bytes with 2 worker threads (small batches, so both threads work)', async () => {
    const out = join(work, 'two');
    await runExtract({ inputs: [CORPUS], out, rawCsv: false, jobs: 2, batchSize: 4 });
    expectSame(plain, out);
  });

  it('gives the same bytes from 3 shards merged', async () => {
    const shards = [1, 2, 3].map((index) => join(work, `shard-${index}`));
    let total = 0;
    for (const [i, dir] of shards.entries()) {
      const s = await runExtract({ inputs: [CORPUS], out: dir, rawCsv: false, jobs: 1, shard: { index: i + 1, count: 3 } });
      expect(s.inputs).toBeGreaterThan(0);
      total += s.inputs;
    }
    const merged = join(work, 'merged');
    const m = mergeOutputs(shards, merged);
    expect(m.inputs).toBe(total);
    expectSame(plain, merged);
  });

  it('re-runs from the cache to the same bytes, and keys the cache by extractor version and content', async () => {
    const cacheDir = join(work, 'cache');
    const out = join(work, 'incremental');
    await runExtract({ inputs: [CORPUS], out, rawCsv: false, jobs: 2, batchSize: 4, cacheDir });
    const packs = readdirSync(join(cacheDir, 'packs'));
    expect(packs.length).toBeGreaterThan(1);
    await runExtract({ inputs: [CORPUS], out, rawCsv: false, jobs: 1, cacheDir });
    expectSame(plain, out);
    // Everything came from the cache: no new pack, none dropped.
    expect(readdirSync(join(cacheDir, 'packs'))).toEqual(packs);

    const [first] = await discover([CORPUS]);
    const lookup = (version: string) => {
      const index = new CacheIndex({ dir: cacheDir, version, textVersion: 'test' });
      const ref = index.lookup(first!.sourceFile);
      index.abandon();
      return ref;
    };
    expect(lookup(extractorVersion(false, false))?.sha256).toBe(sha256(readFileSync(first!.path)));
    expect(lookup('another-extractor')).toBeNull();
    expect(new Set([extractorVersion(false, false), extractorVersion(true, false), extractorVersion(false, true)]).size).toBe(3);
  });

  it('processes again a letter whose content changed, and only that one', async () => {
    const letters = join(work, 'changing');
    cpSync(CORPUS, letters, { recursive: true });
    const cacheDir = join(work, 'changing-cache');
    const out = join(work, 'changing-out');
    await runExtract({ inputs: [letters], out, rawCsv: false, jobs: 1, cacheDir });
    const packs = readdirSync(join(cacheDir, 'packs'));
    const letter = (await discover([letters])).find((f) => /CM\d\d-\d{7}/.test(readFileSync(f.path, 'latin1')))!;
    const before = readFileSync(letter.path, 'latin1');
    const after = before.replace(/CM(\d\d)-\d{7}/g, 'CM$1-0000001');
    expect(after).not.toBe(before);
    writeFileSync(letter.path, after, 'latin1');
    await runExtract({ inputs: [letters], out, rawCsv: false, jobs: 1, cacheDir });
    const fresh = join(work, 'changing-fresh');
    await runExtract({ inputs: [letters], out: fresh, rawCsv: false, jobs: 1 });
    expectSame(fresh, out);
    // One new pack (holding the changed letter); the first run's pack is still used by the others.
    const now = readdirSync(join(cacheDir, 'packs'));
    expect(now).toEqual(expect.arrayContaining(packs));
    expect(now.length).toBe(packs.length + 1);
  });

  it('processes again the letters whose cache pack is damaged or gone, to the same bytes', async () => {
    const cacheDir = join(work, 'damaged-cache');
    const out = join(work, 'damaged-out');
    await runExtract({ inputs: [CORPUS], out, rawCsv: false, jobs: 2, batchSize: 5, cacheDir });
    const packs = readdirSync(join(cacheDir, 'packs')).sort();
    expect(packs.length).toBeGreaterThan(3);
    const path = (name: string) => join(cacheDir, 'packs', name);
    truncateSync(path(packs[0]!), Math.floor(readFileSync(path(packs[0]!)).length / 2));
    writeFileSync(path(packs[1]!), readFileSync(path(packs[1]!)).subarray(0, 40));
    rmSync(path(packs[2]!));
    await runExtract({ inputs: [CORPUS], out, rawCsv: false, jobs: 2, batchSize: 5, cacheDir });
    expectSame(plain, out);
    // The damaged packs are replaced by new ones; the others are still used.
    const now = readdirSync(join(cacheDir, 'packs'));
    expect(now).toEqual(expect.arrayContaining(packs.slice(3)));
    expect(now).not.toContain(packs[0]);
  });
});
