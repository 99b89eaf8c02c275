/**
 * The PDFs' texts, kept by content hash in the cache folder (`text/<engine
 * version>/<hh>/<sha256>.txt`): a new extractor re-reads a PDF's text from
 * here instead of parsing the PDF again. Only the PDF engine's own code and
 * packages key it (`pdfTextVersion`), not the extractor's, so the texts
 * survive every extractor change. Losing a text only costs speed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEXTS = 'text';

const require = createRequire(import.meta.url);
const IO = fileURLToPath(new URL('../io/', import.meta.url));

/** A hash of what turns a PDF into text: the PDF modules' built code (with the WinAnsi table they share with text decoding) and the engines' package versions. */
export function pdfTextVersion(): string {
  const h = createHash('sha256');
  for (const name of readdirSync(IO).filter((n) => /^(?:pdf.*|windows-1252)\.js$/.test(n)).sort()) h.update(name).update('\0').update(readFileSync(join(IO, name)));
  for (const pkg of ['@hyzyla/pdfium', 'pdfjs-dist']) h.update(`${pkg}@${packageVersion(pkg)}\0`);
  return h.digest('hex').slice(0, 16);
}

/** A package's version, from the package.json above its entry point (not every package exports its package.json). */
function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    } catch {
      // no package.json at this level
    }
  }
  return '';
}

const pathOf = (dir: string, sha256: string) => join(dir, sha256.slice(0, 2), `${sha256}.txt`);

/** The kept text of the PDF with this content hash, if any. */
export function keptText(dir: string, sha256: string): string | null {
  try {
    return readFileSync(pathOf(dir, sha256), 'utf8');
  } catch {
    return null;
  }
}

/** Keeps a PDF's text (written aside and renamed into place: a killed run leaves no half text). */
export function keepText(dir: string, sha256: string, text: string): void {
  const path = pathOf(dir, sha256);
  try {
    mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, text);
    renameSync(aside, path);
  } catch {
    // Not kept: the PDF is parsed again next time.
  }
}

/** Removes the texts other engine versions kept (`root`: the cache's text folder). */
export function dropOtherVersions(root: string, version: string): void {
  try {
    for (const name of readdirSync(root)) if (name !== version) rmSync(join(root, name), { recursive: true, force: true });
  } catch {
    // No text folder yet.
  }
}
