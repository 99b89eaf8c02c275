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
 * would be, in one string: the leftmost match of any, and at one place the
 * first expression's. Each expression's next match is kept while the search
 * stays between where it was looked for and where it starts. The matches come in the same order as the alternation's, without
 * compiling an expression for each set of patterns a text leaves (the reasons
 * engine compiled hundreds of those in every worker as it started, and more
 * for most new letters).
 */
export class AnyOfSearch implements Searcher {
  lastIndex = 0;
  /** Each expression's first match from `from[k]` (null: none; undefined: not looked for). */
  private readonly next: (RegExpExecArray | null | undefined)[];
  private readonly from: number[];

  constructor(private readonly expressions: readonly RegExp[]) {
    this.next = new Array<RegExpExecArray | null | undefined>(expressions.length).fill(undefined);
    this.from = new Array<number>(expressions.length).fill(0);
  }

  exec(s: string): RegExpExecArray | null {
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
