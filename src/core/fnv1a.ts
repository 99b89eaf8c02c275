export const FNV_OFFSET = 0x811c9dc5;

/** One step of FNV-1a: the hash so far with one more UTF-16 code unit. */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193) >>> 0;

/** FNV-1a, 32 bits, of a string's UTF-16 code units: stable across machines and Node versions (shards, report samples). */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}
