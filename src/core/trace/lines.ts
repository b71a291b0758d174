// Reads a text file line by line, synchronously, in pieces: never the whole file in one buffer or
// one string (V8 caps a string at ~512 MB; a 10,000-agent trace is ~450 MB). A piece is cut at its
// last newline byte, so no line or UTF-8 character is split.
import * as fs from 'node:fs';

const PIECE = 16 << 20;

/** Calls `onLine` with every line of `file` (without its newline), in order. */
export function forEachLineSync(file: string, onLine: (line: string) => void, piece = PIECE): void {
  const fd = fs.openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(piece);
    let held = 0; // bytes of an unfinished line kept at the start of `buf`
    for (;;) {
      if (held === buf.length) { const bigger = Buffer.allocUnsafe(buf.length * 2); buf.copy(bigger, 0, 0, held); buf = bigger; }
      const n = fs.readSync(fd, buf, held, buf.length - held, null);
      const end = held + n;
      if (n === 0) {
        if (held) onLine(buf.toString('utf8', 0, held));
        return;
      }
      const last = buf.lastIndexOf(0x0a, end - 1);
      if (last < 0) { held = end; continue; }
      const text = buf.toString('utf8', 0, last);
      for (const line of text.split('\n')) onLine(line);
      held = end - last - 1;
      buf.copy(buf, 0, last + 1, end);
    }
  } finally {
    fs.closeSync(fd);
  }
}
