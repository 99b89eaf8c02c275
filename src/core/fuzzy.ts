/**
 * Vocabulary look-up that forgives typos: exact match on a folded key first,
 * then the best Jaro-Winkler similarity (natural) above a threshold.
 */
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/** Lowercase, `&` as `and`, punctuation and spacing dropped. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '');
}

export class Vocabulary {
  private readonly byKey = new Map<string, string>();

  /** `entries` maps each canonical name to its other spellings. */
  constructor(entries: Record<string, readonly string[]>, private readonly threshold = 0.93) {
    for (const [canonical, aliases] of Object.entries(entries)) {
      for (const name of [canonical, ...aliases]) this.byKey.set(fold(name), canonical);
    }
  }

  /** The canonical name for `term`, and whether it took a fuzzy match to find it. */
  lookup(term: string): { canonical: string; fuzzy: boolean } | null {
    const key = fold(term);
    if (!key) return null;
    const exact = this.byKey.get(key);
    if (exact) return { canonical: exact, fuzzy: false };
    let best: string | null = null;
    let bestScore = this.threshold;
    for (const [candidate, canonical] of this.byKey) {
      if (Math.abs(candidate.length - key.length) > 3) continue;
      const score = JaroWinklerDistance(key, candidate);
      if (score >= bestScore) {
        bestScore = score;
        best = canonical;
      }
    }
    return best ? { canonical: best, fuzzy: true } : null;
  }
}
