// Follows a trace file that is still being written (a run in progress, or `society run` in a
// terminal): returns the complete lines appended since the last read. Only whole lines are
// consumed, so a read in the middle of a write never splits a line or a UTF-8 character.
import * as fs from 'node:fs';

export class TraceTail {
  private offset = 0;

  constructor(readonly file: string) {}

  /** Lines completed since the previous call; `reset` when the file shrank (rewritten: start over). */
  read(): { lines: string[]; reset: boolean } {
    let size: number;
    try { size = fs.statSync(this.file).size; } catch { return { lines: [], reset: false }; }
    let reset = false;
    if (size < this.offset) { this.offset = 0; reset = true; }
    if (size === this.offset) return { lines: [], reset };
    const fd = fs.openSync(this.file, 'r');
    try {
      const buf = Buffer.alloc(size - this.offset);
      const n = fs.readSync(fd, buf, 0, buf.length, this.offset);
      const end = buf.subarray(0, n).lastIndexOf(0x0a);
      if (end < 0) return { lines: [], reset };
      this.offset += end + 1;
      return { lines: buf.subarray(0, end).toString('utf8').split('\n').filter((l) => l.trim() !== ''), reset };
    } finally {
      fs.closeSync(fd);
    }
  }
}
