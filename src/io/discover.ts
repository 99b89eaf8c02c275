/**
 * Input discovery: files, folders (searched recursively) and glob patterns,
 * through fast-glob. Paths come back sorted, each with the path researchers
 * see in the dataset: relative to the input root, `/`-separated.
 */
import fg from 'fast-glob';
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

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
  const found = new Map<string, string>(); // absolute path -> root
  const roots: string[] = [];
  const extensions = `{${LETTER_EXTENSIONS.join(',')}}`;
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
      found.set(abs, dirname(abs));
      continue;
    }
    const root = kind === 'dir' ? abs : resolve(globBase(input));
    const pattern = kind === 'dir' ? `${fg.convertPathToPattern(abs)}/**/*.${extensions}` : input.split(sep).join('/');
    roots.push(root);
    const matches = await fg(pattern, {
      absolute: true,
      onlyFiles: true,
      caseSensitiveMatch: false,
      followSymbolicLinks: false,
      suppressErrors: true,
      dot: false,
    });
    for (const m of matches) found.set(resolve(m), root);
  }
  if (found.size === 0) return [];
  const base = roots.length === 1 ? roots[0]! : commonDir(roots);
  return [...found.keys()]
    .map((path) => ({ path, sourceFile: relative(base, path).split(sep).join('/') }))
    .sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0));
}
