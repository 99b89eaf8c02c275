/**
 * No tracked file holds text of the real letters in ../shared: the check of
 * scripts/copy-audit.ts (word 7-grams found in fewer than 4 letters, less
 * the documented format, citations, template slots and the 7-grams judged
 * and accepted in scripts/copy-audit-accepted.json), and no quote of a single
 * letter beside a case number in the Markdown notes. Needs ../shared; skips
 * with a note where it is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, buildIndex, N, scanText, trackedFiles, words, type Audit, type LetterIndex } from '../../scripts/copy-audit.js';
import { LETTERS, hasShared } from '../../scripts/shared.js';

const present = hasShared();
if (!present) console.warn(`NOTE: ${LETTERS} is absent, so the check for letter text copied into the repository is skipped.`);

describe.skipIf(!present)('no letter text in the repository', () => {
  let index: LetterIndex;
  let result: Audit;
  beforeAll(() => {
    index = buildIndex();
    result = audit(index);
  });

  it('indexes every dev letter and the seed', () => {
    expect(index.letters).toBeGreaterThanOrEqual(129);
  });

  it('no tracked file holds a 7-gram specific to a letter', () => {
    const { hits, files } = result;
    expect(files).toBeGreaterThan(100);
    // At most the 7 matched words are shown.
    expect(hits.map((h) => `${h.file}:${h.line} (${h.letters} letter(s), ${h.length} words): ${h.gram}`)).toEqual([]);
  });

  it('no note quotes a single letter beside a case number', () => {
    const { quotes } = result;
    expect(quotes.filter((q) => q.nearCase).map((q) => `${q.file}:${q.line} ${q.letter}: "${q.phrase}"`)).toEqual([]);
  });

  it('every file named by an accepted group is tracked', () => {
    const tracked = new Set(trackedFiles());
    expect([...index.accepted.keys()].filter((f) => !tracked.has(f))).toEqual([]);
  });

  it('finds a sentence of a letter planted in a file, and lets the boilerplate pass', () => {
    // A run of a letter's case summary that no other letter has, read at run time (never stored here).
    const [id, texts] = [...index.texts].find(([k]) => k.startsWith('CM'))!;
    const ws = words(texts[0]!.slice(texts[0]!.indexOf(' clinical case summary ')));
    let planted: string | undefined;
    for (let i = 20; i + 12 <= ws.length && !planted; i++) {
      const run = ws.slice(i, i + 12);
      const grams = Array.from({ length: run.length - N + 1 }, (_, k) => run.slice(k, k + N).join(' '));
      if (grams.every((g) => index.counts.get(g) === 1 && !/\d/.test(g))) planted = run.join(' ');
    }
    expect(planted, `no letter-specific run found in ${id}`).toBeDefined();
    const note = `# Notes\n\nThe summary said: ${planted!.toUpperCase()}.\n`;
    const hits = scanText(index, 'docs/planted.md', note);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ line: 3, letters: 1, length: 12 });
    expect(hits[0]!.gram.split(' ')).toHaveLength(N);

    const boilerplate =
      'The Final Determination was based on decisions for the disputed items/services set forth below. ' +
      'The injured worker is a 44 year old female who sustained an industrial injury. ' +
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009.';
    expect(scanText(index, 'docs/planted.md', boilerplate)).toEqual([]);
  });
});
