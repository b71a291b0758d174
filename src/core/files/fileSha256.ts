// sha256 of a file, read a megabyte at a time: a trace may be larger than memory allows, and a
// branch names its parent by this hash (trace/branchRecord.ts) which compare checks again.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';

/** Hex sha256 of `file`'s bytes; throws when the file cannot be read. */
export function fileSha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
