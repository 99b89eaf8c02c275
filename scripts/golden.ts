/**
 * Golden expectations for the bundled corpus: what each corpus file becomes
 * (a case record or an error), one JSON file per input under test/golden/.
 * `npm run golden:update` rewrites them from the current extractor; review
 * the diff before committing it.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { discover } from '../src/io/discover.js';
import { processFile, type FileResult } from '../src/run/process-file.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = join(ROOT, 'corpus');
export const GOLDEN = join(ROOT, 'test', 'golden');

export interface Golden {
  source_file: string;
  encoding: string;
  case?: unknown;
  error?: { code: string; message: string };
}

export function golden(result: FileResult): Golden {
  const base = { source_file: result.sourceFile, encoding: result.encoding };
  return result.outcome.ok ? { ...base, case: result.outcome.record } : { ...base, error: { code: result.outcome.code, message: result.outcome.message } };
}

export const goldenPath = (sourceFile: string): string => join(GOLDEN, sourceFile.replace(/\.[^./]+$/, '') + '.json');

export async function corpusResults(): Promise<FileResult[]> {
  return (await discover([CORPUS])).map(processFile);
}
