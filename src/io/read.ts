/**
 * Reading an input: one open, one fstat, the reads, one close. A file that
 * cannot be read, or is too large, is a result of its own (an error row).
 *
 * A worker reads tens of thousands of letters (see QuietOpener) into one reused buffer
 * (`ReadBuffer`): a fresh buffer per letter costs a memory allocation and
 * page faults inside every read, which measured more than the read itself.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileResult } from '../run/process-file.js';
import type { InputFile } from './discover.js';

/**
 * Opens files for reading without updating their access time (O_NOATIME, on
 * Linux), as archivers do: otherwise the first read of a file since it was
 * written, or since a day ago, writes its inode, and for the incremental
 * cache's packs that cost more than reading them (a re-run took 5.1 s instead
 * of 3.8 s). Where the system refuses (a file another user owns: EPERM), this
 * opener opens files plainly from then on.
 */
export class QuietOpener {
  private flags: number | null = constants.O_NOATIME ? constants.O_RDONLY | constants.O_NOATIME : null;

  open(path: string): number {
    if (this.flags !== null) {
      try {
        return openSync(path, this.flags);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
        this.flags = null;
      }
    }
    return openSync(path, 'r');
  }
}

/** A buffer that grows to the largest file read into it; what it returns is valid until its next read. */
export class ReadBuffer {
  private buffer = Buffer.allocUnsafe(1 << 16);

  /** A view of `size` bytes to read into. */
  take(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}

/**
 * Reads a file; a file that cannot be read, or is larger than `maxBytes`, is
 * a result too (`unreadable`, `file_too_large`). With `into`, the bytes are a
 * view of that buffer, overwritten by the next read: copy what must outlive it.
 */
export function readInput(input: InputFile, maxBytes = Infinity, into?: ReadBuffer, opener?: QuietOpener): { bytes: Buffer } | { result: FileResult } {
  let fd: number | null = null;
  try {
    // One open, one fstat, reads: the size check costs no extra system call.
    fd = opener ? opener.open(input.path) : openSync(input.path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      return { result: { sourceFile: input.sourceFile, sha256: '', bytes: size, encoding: '', outcome: { ok: false, code: 'file_too_large', message: `${size} bytes, more than the limit of ${maxBytes} (--max-bytes)` } } };
    }
    return { bytes: readAll(fd, size, into) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { result: { sourceFile: input.sourceFile, sha256: '', bytes: 0, encoding: '', outcome: { ok: false, code: 'unreadable', message: `could not be read: ${reason}` } } };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The file's `size` bytes (as fstat gave it, like readFileSync); what reports no size is read to its end. */
function readAll(fd: number, size: number, into?: ReadBuffer): Buffer {
  if (size > 0) {
    const buffer = into ? into.take(size) : Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, buffer, length, size - length, null);
      if (n === 0) return buffer.subarray(0, length);
      length += n;
    }
    return buffer;
  }
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
  }
}
