/**
 * Input discovery: files, folders (searched recursively) and glob patterns,
 * through fast-glob. Paths come back sorted, each with the path researchers
 * see in the dataset: relative to the input root, `/`-separated.
 */
import fg from 'fast-glob';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the input root, `/`-separated: the dataset's `source_file`. */
  sourceFile: string;
}

export const LETTER_EXTENSIONS = ['txt', 'pdf'] as const;

/** The folder a glob pattern searches from: its leading segments without magic. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (fg.isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

function commonDir(dirs: string[]): string {
  let common = dirs[0]!.split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

export async function discover(inputs: readonly string[]): Promise<InputFile[]> {
  /** Absolute path -> the root it was found under and its path below that root (`/`-separated). */
  const found = new Map<string, { root: string; below: string }>();
  const roots: string[] = [];
  const extensions = `{${LETTER_EXTENSIONS.join(',')}}`;
  const options = { onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: false, suppressErrors: true, dot: false } as const;
  const add = (path: string, root: string) => found.set(path, { root, below: relative(root, path).split(sep).join('/') });
  for (const input of inputs) {
    const abs = resolve(input);
    let kind: 'file' | 'dir' | 'glob' = 'glob';
    try {
      const st = statSync(abs);
      kind = st.isDirectory() ? 'dir' : 'file';
    } catch {
      kind = fg.isDynamicPattern(input) ? 'glob' : 'file';
    }
    if (kind === 'file') {
      roots.push(dirname(abs));
      add(abs, dirname(abs));
    } else if (kind === 'dir') {
      // Paths come back relative to the folder: no per-file path arithmetic (a folder can hold a million letters).
      roots.push(abs);
      const prefix = abs.endsWith(sep) ? abs : abs + sep;
      for (const below of await fg(`**/*.${extensions}`, { ...options, cwd: abs })) found.set(sep === '/' ? prefix + below : join(abs, below), { root: abs, below });
    } else {
      const root = resolve(globBase(input));
      roots.push(root);
      for (const m of await fg(input.split(sep).join('/'), { ...options, absolute: true })) add(resolve(m), root);
    }
  }
  if (found.size === 0) return [];
  const base = roots.length === 1 ? roots[0]! : commonDir(roots);
  const prefixes = new Map<string, string>();
  const prefixOf = (root: string) => {
    let p = prefixes.get(root);
    if (p === undefined) {
      p = relative(base, root).split(sep).join('/');
      prefixes.set(root, p ? `${p}/` : '');
    }
    return prefixes.get(root)!;
  };
  return [...found]
    .map(([path, { root, below }]) => ({ path, sourceFile: prefixOf(root) + below }))
    .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
}
