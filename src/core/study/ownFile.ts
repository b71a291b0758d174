// A study's file written as a whole or not at all: a temporary file beside it, renamed over the
// name, so a reader never sees half a write-up; a name that is a link, or not a regular file, is
// refused rather than written through (a shared folder's `study.md -> ~/.bashrc`).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeOwnFile(dir: string, name: string, text: string): void {
  const target = path.join(dir, name);
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    throw new Error(
      `${target} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}: not written through; move it away`,
    );
  }
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text, { flag: 'wx' });
  fs.renameSync(tmp, target);
}
