/**
 * Searching several expressions as one alternation would be searched, without
 * compiling the alternation.
 */

/** Something searched with `exec` from `lastIndex`, as a global RegExp is. */
export interface Searcher {
  lastIndex: number;
  exec(s: string): RegExpExecArray | null;
}

/**
 * Several global expressions searched as their alternation `(?:a)|(?:b)|...`
 * would be: the leftmost match of any, and at one place the first
 * expression's. Each expression's next match is kept while the search stays
 * in one string, between where it was looked for and where it starts. A
 * search over the patterns a text leaves needs no expression of its own for
 * that set of patterns, which would be compiled in every worker.
 */
export class AnyOfSearch implements Searcher {
  lastIndex = 0;
  /** Each expression's first match from `from[k]` in `text` (null: none; undefined: not looked for). */
  private readonly next: (RegExpExecArray | null | undefined)[];
  private readonly from: number[];
  private text: string | null = null;

  constructor(private readonly expressions: readonly RegExp[]) {
    for (const re of expressions) if (!re.global || re.sticky) throw new Error(`AnyOfSearch needs global, non-sticky expressions: /${re.source}/${re.flags}`);
    this.next = new Array<RegExpExecArray | null | undefined>(expressions.length).fill(undefined);
    this.from = new Array<number>(expressions.length).fill(0);
  }

  exec(s: string): RegExpExecArray | null {
    if (s !== this.text) {
      this.next.fill(undefined);
      this.text = s;
    }
    const from = this.lastIndex;
    let best: RegExpExecArray | null = null;
    for (let k = 0; k < this.expressions.length; k++) {
      let m = this.next[k];
      if (m === undefined || from < this.from[k]! || (m !== null && m.index < from)) {
        const re = this.expressions[k]!;
        re.lastIndex = from;
        m = re.exec(s);
        this.next[k] = m;
        this.from[k] = from;
      }
      if (m !== null && (best === null || m.index < best.index)) best = m;
    }
    this.lastIndex = best === null ? 0 : best.index + best[0].length;
    return best;
  }
}
