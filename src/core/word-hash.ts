/**
 * Word hashes for the lexicon look-ups on the hot path (term matching, drug
 * names): a word's hash without making its substring, and a bit set of the
 * hashes a lexicon's words have, so that most words of a letter, which are
 * in no lexicon, are passed over with one bit test instead of a map look-up.
 */

/** One step of a word's hash, kept to 30 bits so it stays a small integer (no boxed number, fast as a Map key). */
export const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) & 0x3fffffff;

/** The hash of the characters of `s[from, to)`. */
export function hashOf(s: string, from = 0, to = s.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/** A bit per value of a hash's low 16 bits: `has` may say yes for a word not added, never no for one that was. */
export class HashBits {
  private readonly bits = new Uint32Array(65536 / 32);

  add(hash: number): void {
    this.bits[(hash & 0xffff) >> 5]! |= 1 << (hash & 31);
  }

  has(hash: number): boolean {
    return (this.bits[(hash & 0xffff) >> 5]! & (1 << (hash & 31))) !== 0;
  }
}
