import { normalize } from './normalize.js';
import type { Letter } from './types.js';

/** Wraps decoded source text as a Letter: normalised text plus its offset map. */
export function createLetter(sourceFile: string, source: string): Letter {
  const { text, map } = normalize(source);
  return { sourceFile, source, text, map, messages: [] };
}
