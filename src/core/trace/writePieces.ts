// Writing a large text to a file in pieces (jsonPieces, a report page), never joined into one string.
import * as fs from 'node:fs';

/** Write text pieces one after another to `file` (truncated), never joining them. */
export function writePiecesSync(file: string, pieces: Iterable<string>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const piece of pieces) {
      const buf = Buffer.from(piece, 'utf8');
      // writeSync may write less than asked: go on until the whole piece is out.
      for (let at = 0; at < buf.length;) at += fs.writeSync(fd, buf, at);
    }
  } finally {
    fs.closeSync(fd);
  }
}
