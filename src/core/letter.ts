import { normalize } from './normalize.js';
import type { Letter, Message, Span } from './types.js';

/** Wraps decoded source text as a Letter: normalised text plus its offset map. */
export function createLetter(sourceFile: string, source: string): Letter {
  const { text, map } = normalize(source);
  return { sourceFile, source, text, map, messages: [] };
}

export function warn(letter: Letter, ruleId: string, reason: string, span?: Span): void {
  const message: Message = { ruleId, reason, severity: 'warning' };
  if (span) message.span = span;
  letter.messages.push(message);
}
