/** Sentence spans, which every prose extractor reads by. */
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/core/sentences.js';

const split = (s: string) => sentences(s, { start: 0, end: s.length }).map((x) => s.slice(x.start, x.end).trim());

describe('sentences', () => {
  it('ends a sentence at a mark before a capital or a digit', () => {
    expect(split('She fell. 2 weeks later she returned. Pain persists!')).toEqual(['She fell.', '2 weeks later she returned.', 'Pain persists!']);
  });

  it('does not end one after a title or a month abbreviated before its day', () => {
    expect(split('Dr. Lee saw her on Jan. 5, 2015. She was seen again in Sept. The brace helped.')).toEqual(['Dr. Lee saw her on Jan. 5, 2015.', 'She was seen again in Sept.', 'The brace helped.']);
  });
});
