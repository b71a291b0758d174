// Follows a trace file that is still being written (a run in progress, or `society run` in a
// terminal): returns the complete lines appended since the last read. Only whole lines are
// consumed, so a read in the middle of a write never splits a line or a UTF-8 character. A read
// takes at most `maxBytes` (more only to finish a line longer than that), so a large file is
// read in pieces instead of into one buffer and one string (V8 caps strings at ~512 MB).
import * as fs from 'node:fs';

/** Bytes read at once by default. */
export const TAIL_CHUNK = 16 << 20;

export interface TailRead {
  lines: string[];
  /** The file shrank since the last read (rewritten): the lines start over from its beginning. */
  reset: boolean;
  /** More whole lines may be waiting (the read stopped at `maxBytes`). */
  more?: boolean;
}

export class TraceTail {
  private offset = 0;

  constructor(readonly file: string) {}

  /** Bytes consumed so far (whole lines). */
  get position(): number {
    return this.offset;
  }

  /**
   * Every whole line in the file now, read piece by piece and handed to `onLine` until `done()`
   * says to stop (the rest of that piece is dropped). `onReset` runs first when the file was
   * rewritten. Returns the number of lines read.
   */
  drain(onLine: (line: string) => void, done: () => boolean, onReset: () => void): number {
    let count = 0;
    for (let more = true; more && !done();) {
      const piece = this.read();
      if (piece.reset) {
        onReset();
        count = 0;
      }
      for (const line of piece.lines) {
        onLine(line);
        if (done()) break;
      }
      count += piece.lines.length;
      more = !!piece.more;
    }
    return count;
  }

  /** Lines completed since the previous call; `reset` when the file shrank (rewritten: start over). */
  read(maxBytes = TAIL_CHUNK): TailRead {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return { lines: [], reset: false };
    }
    let reset = false;
    if (size < this.offset) {
      this.offset = 0;
      reset = true;
    }
    if (size === this.offset) return { lines: [], reset };
    const fd = fs.openSync(this.file, 'r');
    try {
      // Grow the piece until it holds a whole line (or the rest of the file).
      for (let want = Math.max(1, maxBytes); ; want *= 2) {
        const len = Math.min(size - this.offset, want);
        const buf = Buffer.allocUnsafe(len);
        const n = fs.readSync(fd, buf, 0, len, this.offset);
        const end = buf.subarray(0, n).lastIndexOf(0x0a);
        if (end < 0 && n === want && this.offset + n < size) continue;
        if (end < 0) return { lines: [], reset };
        this.offset += end + 1;
        const lines = buf
          .subarray(0, end)
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== '');
        return this.offset < size ? { lines, reset, more: true } : { lines, reset };
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}
