/**
 * Reading a file piece by piece (lines, CSV records) in chunks, so a file of
 * any size is never one string; a character split between chunks is kept whole.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Reads a file in chunks and yields its pieces split by a function of the text read so far. */
export class ChunkReader {
  private readonly fd: number;
  private buffer = '';
  /** Where the unread part of the buffer starts. */
  private pos = 0;
  private done = false;
  private readonly chunk = Buffer.alloc(1 << 16);
  /** Keeps a character split between two chunks whole. */
  private readonly decoder = new StringDecoder('utf8');

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next piece: `end(buffer, from)` gives the index just past it, or -1 to read more. */
  next(end: (buffer: string, from: number) => number): string | null {
    for (;;) {
      const at = end(this.buffer, this.pos);
      if (at >= 0) {
        const piece = this.buffer.slice(this.pos, at);
        this.pos = at;
        return piece;
      }
      if (this.done) {
        const rest = this.buffer.slice(this.pos);
        this.buffer = '';
        this.pos = 0;
        return rest || null;
      }
      const n = readSync(this.fd, this.chunk, 0, this.chunk.length, null);
      if (n === 0) this.close();
      else {
        this.buffer = this.buffer.slice(this.pos) + this.decoder.write(this.chunk.subarray(0, n));
        this.pos = 0;
      }
    }
  }

  /** Stops reading (done at the end of the file; call it when stopping earlier). */
  close(): void {
    if (this.done) return;
    this.done = true;
    closeSync(this.fd);
  }
}

/** For `next`: the end of the first line (just past its newline), or -1. */
export const lineEnd = (s: string, from: number): number => {
  const i = s.indexOf('\n', from);
  return i < 0 ? -1 : i + 1;
};
