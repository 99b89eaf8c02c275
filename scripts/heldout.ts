/**
 * The held-out third of the dev letters: a letter is held out when the first
 * four bytes of the SHA-256 of its case number, read as a big-endian unsigned
 * integer, leave 1 when divided by 3 (42 of the 128). Rules are tuned on the
 * others; `npm run eval` prints both scores.
 */
import { createHash } from 'node:crypto';

export function isHeldOut(caseId: string): boolean {
  return createHash('sha256').update(caseId).digest().readUInt32BE(0) % 3 === 1;
}

/**
 * The two halves of the corpus letters' answer keys (test/corpus-key): a letter
 * is in the `read` half when the first byte of the SHA-256 of its case number is
 * even. Rules may be designed from the read half; the unread half is scored only.
 */
export const corpusHalf = (caseId: string): 'read' | 'unread' => (createHash('sha256').update(caseId).digest()[0]! % 2 === 0 ? 'read' : 'unread');
