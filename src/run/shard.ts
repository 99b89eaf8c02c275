/**
 * Sharding: `--shard i/N` keeps the inputs whose path hashes to shard i of N
 * (1-based), so N independent jobs (a Slurm or Kubernetes array) split any
 * input set the same way, whatever order they list it in.
 */
import { fnv1a } from '../core/fnv1a.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard takes i/N with 1 <= i <= N (got "${spec}")`);
  return { index, count };
}

export function inShard(sourceFile: string, shard: Shard): boolean {
  return fnv1a(sourceFile) % shard.count === shard.index - 1;
}
