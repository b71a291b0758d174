// The one reader of a file a command-line option names (`--edits`, `--answers`, `--observed`):
// a path as the shell gives it (relative to the working directory, or absolute; the person typing
// it may read it anyway), but only a regular file within the size limit (fileLimits.ts), so a
// FIFO is refused at once rather than waited on and /dev/zero is never read.
import { readDataFileSync } from '../core/format';

/** The file's text; throws an error ioReason (core/files/ioReason.ts) says in words. */
export function readOptionFile(file: string): string {
  const read = readDataFileSync(file);
  if ('text' in read) return read.text;
  if ('missing' in read) throw Object.assign(new Error(`no such file`), { code: 'ENOENT' });
  throw new Error(read.refused);
}
