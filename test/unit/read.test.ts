/**
 * Reading inputs: into one reused buffer, and without touching access times
 * where the system allows it (O_NOATIME, Linux).
 */
import { closeSync, constants, mkdtempSync, readSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QuietOpener, ReadBuffer, readInput } from '../../src/io/read.js';

const work = mkdtempSync(join(tmpdir(), 'imr-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reading inputs', () => {
  it('reads each file whole into the reused buffer, growing it for a large one', () => {
    const into = new ReadBuffer();
    const small = join(work, 'small.txt');
    const large = join(work, 'large.txt');
    writeFileSync(small, 'Case Number: CM16-0000001\n');
    writeFileSync(large, 'x'.repeat(200_000));
    const a = readInput({ path: small, sourceFile: 'small.txt' }, Infinity, into, new QuietOpener());
    expect('bytes' in a && a.bytes.toString()).toBe('Case Number: CM16-0000001\n');
    const b = readInput({ path: large, sourceFile: 'large.txt' }, Infinity, into, new QuietOpener());
    expect('bytes' in b && b.bytes.length).toBe(200_000);
    const c = readInput({ path: large, sourceFile: 'large.txt' }, 1000, into);
    expect('result' in c && c.result.outcome).toMatchObject({ ok: false, code: 'file_too_large' });
  });

  it.skipIf(!constants.O_NOATIME)('leaves a file\'s access time as it was', () => {
    const path = join(work, 'old.txt');
    writeFileSync(path, 'letter');
    // An access time before the modification time: a plain read would update it (relatime).
    utimesSync(path, new Date('2020-01-01T00:00:00Z'), new Date());
    const before = statSync(path).atimeMs;
    const fd = new QuietOpener().open(path);
    readSync(fd, Buffer.alloc(16), 0, 16, 0);
    closeSync(fd);
    expect(statSync(path).atimeMs).toBe(before);
  });
});
