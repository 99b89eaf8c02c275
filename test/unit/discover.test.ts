/**
 * Discovery: a folder is walked without fast-glob, so its rules are checked
 * against fast-glob's own answer for the same folder, on a tree with the
 * awkward cases: upper-case extensions, dot files and folders, symbolic links
 * to files and folders (and a loop), a folder named like a letter, other files.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.js';

const root = mkdtempSync(join(tmpdir(), 'imr-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tree = join(root, 'letters');
for (const dir of ['2014/a', '2014/b', '2015', '.hidden', 'folder.txt', 'deep/er/est']) mkdirSync(join(tree, dir), { recursive: true });
for (const file of ['2014/a/one.txt', '2014/a/TWO.TXT', '2014/b/three.pdf', '2014/b/four.PDF', '2015/five.txt', '2015/notes.md', '2015/.dot.txt', '.hidden/six.txt', 'folder.txt/seven.txt', 'deep/er/est/eight.txt', 'nine.txt', 'ten.txt.bak']) {
  writeFileSync(join(tree, file), 'x');
}
symlinkSync(join(tree, '2015'), join(tree, 'link-to-folder'));
symlinkSync(join(tree, 'nine.txt'), join(tree, 'link-to-file.txt'));
symlinkSync(tree, join(tree, '2014', 'loop'));

describe('discover', () => {
  it('finds in a folder what fast-glob finds, sorted, relative to the folder', async () => {
    const expected = fg.sync('**/*.{txt,pdf}', { cwd: tree, onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: false, dot: false }).sort();
    const found = await discover([tree]);
    expect(found.map((f) => f.sourceFile)).toEqual(expected);
    expect(expected).toEqual(['2014/a/TWO.TXT', '2014/a/one.txt', '2014/b/four.PDF', '2014/b/three.pdf', '2015/five.txt', 'deep/er/est/eight.txt', 'folder.txt/seven.txt', 'nine.txt']);
    expect(found[0]!.path).toBe(join(tree, '2014', 'a', 'TWO.TXT'));
  });

  it('takes files, folders and glob patterns together, relative to their common folder', async () => {
    const found = await discover([join(tree, '2015'), join(tree, '2014', 'a', 'one.txt'), `${tree}/deep/**/*.txt`]);
    expect(found.map((f) => f.sourceFile)).toEqual(['2014/a/one.txt', '2015/five.txt', 'deep/er/est/eight.txt']);
  });

  it('finds nothing in an empty folder or a folder of other files', async () => {
    mkdirSync(join(root, 'empty'));
    expect(await discover([join(root, 'empty')])).toEqual([]);
    expect(await discover([join(tree, '.hidden', '..', '2015', 'notes.md')])).toHaveLength(1);
  });
});

describe('discover, overlapping inputs', () => {
  it('takes a file reached through two inputs once', async () => {
    const found = await discover([join(tree, '2015'), join(tree, '2015', 'five.txt'), `${tree}/2015/*.txt`]);
    expect(found.map((f) => f.sourceFile)).toEqual(['five.txt']);
  });
});
