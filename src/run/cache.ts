/**
 * The incremental cache: one file per processed input, keyed by the input's
 * path, its content hash and the extractor version, holding what the input
 * rendered to. A changed letter, a renamed file or a new extractor (code or
 * lexicons) misses; an unchanged one is only hashed and copied to the output.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../version.js';
import type { Rendered } from './render.js';

export interface CacheConfig {
  dir: string;
  /** Hash of the extractor: its code, its lexicons, its version, the CSV options. */
  version: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, ends: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ends));
    else if (name.endsWith(ends)) out.push(path);
  }
  return out;
}

/** The extractor version: any change to the built code or the lexicons gives a new one. */
export function extractorVersion(rawCsv: boolean): string {
  const h = createHash('sha256').update(`${TOOL_VERSION}\0${rawCsv}\0`);
  const code = join(ROOT, 'dist');
  for (const file of [...filesUnder(code, '.js'), ...filesUnder(join(ROOT, 'lexicons'), '.json')]) h.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file));
  return h.digest('hex').slice(0, 16);
}

function pathOf(config: CacheConfig, sourceFile: string, sha256: string): string {
  const key = createHash('sha256').update(`${config.version}\0${sourceFile}\0${sha256}`).digest('hex');
  return join(config.dir, key.slice(0, 2), `${key.slice(2)}.json`);
}

export function cacheGet(config: CacheConfig, sourceFile: string, sha256: string): Rendered | null {
  try {
    return JSON.parse(readFileSync(pathOf(config, sourceFile, sha256), 'utf8')) as Rendered;
  } catch {
    return null;
  }
}

/** Writes an entry atomically (temporary file, then rename), so concurrent workers never read half of one. */
export function cachePut(config: CacheConfig, sourceFile: string, sha256: string, rendered: Rendered): void {
  const path = pathOf(config, sourceFile, sha256);
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(rendered));
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}
