import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyOfSearch, type Searcher } from '../../src/core/search.js';

/** Every match of a search over `s`, as the reasons engine reads them (an empty match steps one place on). */
function matches(re: Searcher, s: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const alternation = (patterns: string[]) => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'gi');
const each = (patterns: string[]) => new AnyOfSearch(patterns.map((p) => new RegExp(`(?:${p})`, 'gi')));

describe('AnyOfSearch', () => {
  it('finds the leftmost match of any expression', () => {
    expect(matches(each(['knee brace', 'brace']), 'a brace and a knee brace')).toEqual([
      [2, 'brace'],
      [14, 'knee brace'],
    ]);
  });

  it('at one place, takes the first expression that matches there, as an alternation does', () => {
    expect(matches(each(['therapy', 'physical therapy', 'physical']), 'physical therapy')).toEqual([[0, 'physical therapy']]);
    expect(matches(each(['physical', 'physical therapy']), 'physical therapy')).toEqual([[0, 'physical']]);
  });

  it('gives the match and named groups of the expression that matched', () => {
    const m = each(['no (?<what>trial) of', 'not (?<who>recommended)']).exec('it is not recommended');
    expect([m?.index, m?.[0], m?.groups?.['who']]).toEqual([6, 'not recommended', 'recommended']);
  });

  it('starts afresh on another string', () => {
    const search = each(['b', 'a']);
    expect(matches(search, 'xxab')).toEqual([
      [2, 'a'],
      [3, 'b'],
    ]);
    expect(matches(search, 'ab')).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });

  it('takes only global expressions that are not sticky', () => {
    expect(() => new AnyOfSearch([/a/g, /b/y])).toThrow(/global, non-sticky/);
    expect(() => new AnyOfSearch([/a/])).toThrow(/global, non-sticky/);
  });

  it('starts again from the beginning when lastIndex is set back', () => {
    const search = each(['b', 'a']);
    expect(matches(search, 'abab').map(([i]) => i)).toEqual([0, 1, 2, 3]);
    expect(matches(search, 'abab').map(([i]) => i)).toEqual([0, 1, 2, 3]);
  });

  it('gives the same matches as the alternation, for any patterns and text', () => {
    const piece = fc.constantFrom('a', 'b', 'ab', 'a+', 'b?', 'a(?=b)', '(?<=a)b', 'ba*', '\\bab', 'a b', 'b\\b', '(?:a|ab)b', '');
    const pattern = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[ab ]{0,24}$/), (patterns, s) => {
        expect(matches(each(patterns), s)).toEqual(matches(alternation(patterns), s));
      }),
      { numRuns: 3000 },
    );
  });
});
