// What a .society file may be before anything reads it: a regular file (a FIFO would block a read
// forever, a device such as /dev/zero never ends), of a size a researcher's file has (a 50 MB file
// of 194,338 personas took 22.8 s and 1.55 GB to check), and text (UTF-8, no control characters).
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';

/** Past this a file is refused (SOC004): split it into included files, or raise it. */
export const DEFAULT_MAX_FILE_MB = 8;

/** The size limit in bytes: SOCIETY_MAX_FILE_MB in the environment overrides the default. */
export function maxFileBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.SOCIETY_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_FILE_MB) * 1024 * 1024;
}

/** What a path (its Stats, or a folder listing's Dirent) is, in words, when it is not a regular file; undefined for a regular file. */
export function notRegular(
  st: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>,
): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What is read: a .society file, or a data file one names (a CSV) or a command-line option does. */
export type FileRole = 'society' | 'data';

/** Why a file of `size` bytes is refused, or undefined. */
export function tooLarge(size: number, max = maxFileBytes(), role: FileRole = 'society'): string | undefined {
  if (size <= max) return undefined;
  const limit = `${(size / 1024 / 1024).toFixed(1)} MB, over the ${(max / 1024 / 1024).toFixed(0)} MB limit`;
  return role === 'society'
    ? `${limit} for a .society file (split it into included files, or raise SOCIETY_MAX_FILE_MB)`
    : `${limit} for a data file (raise SOCIETY_MAX_FILE_MB)`;
}

export type FileRead = { text: string } | { refused: string } | { missing: true };

/**
 * Reads a .society file without ever blocking on it: opened non-blocking (a FIFO with no writer
 * opens at once), checked on the open descriptor (no race with a swapped path), read only when it
 * is a regular file within the size limit.
 */
export async function readSocietyFile(
  file: string,
  max = maxFileBytes(),
  role: FileRole = 'society',
): Promise<FileRead> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return openFailed(err);
  }
  try {
    const st = await handle.stat();
    const odd = notRegular(st) ?? tooLarge(st.size, max, role);
    if (odd) return { refused: `is ${odd}` };
    // Read to the limit and no further: a file that grows, or says it is empty (/proc), stays bounded.
    const chunks: Buffer[] = [];
    let n = 0;
    while (n <= max) {
      const b = Buffer.alloc(chunkSize(st.size, n, max));
      const { bytesRead } = await handle.read(b, 0, b.length, null);
      if (!bytesRead) break;
      chunks.push(b.subarray(0, bytesRead));
      n += bytesRead;
    }
    return boundedText(Buffer.concat(chunks, n), n, max, role);
  } catch (err) {
    return readFailed(err);
  } finally {
    await handle.close();
  }
}

/**
 * readSocietyFile for a command's own input (`--edits`, `--answers`, `--observed`): the same
 * non-blocking open and checks on the open descriptor, synchronously, as a data file.
 */
export function readDataFileSync(file: string, max = maxFileBytes()): FileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return openFailed(err);
  }
  try {
    const st = fstatSync(fd);
    const odd = notRegular(st) ?? tooLarge(st.size, max, 'data');
    if (odd) return { refused: `is ${odd}` };
    const chunks: Buffer[] = [];
    let n = 0;
    while (n <= max) {
      const b = Buffer.alloc(chunkSize(st.size, n, max));
      const got = readSync(fd, b, 0, b.length, null);
      if (!got) break;
      chunks.push(b.subarray(0, got));
      n += got;
    }
    return boundedText(Buffer.concat(chunks, n), n, max, 'data');
  } catch (err) {
    return readFailed(err);
  } finally {
    closeSync(fd);
  }
}

/** What a file that could not be opened is: missing (no such file or folder) or refused, with the code. */
function openFailed(err: unknown): FileRead {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR'
    ? { missing: true }
    : { refused: `cannot be opened (${code ?? 'error'})` };
}

/** A file opened but not read to its end. */
const readFailed = (err: unknown): FileRead => ({
  refused: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
});

/** The next read: the rest of what the file says it holds and one byte more (to see its end), at least 64 KiB, never past the limit. */
const chunkSize = (size: number, n: number, max: number): number =>
  Math.min(Math.max(size - n + 1, 65536), max + 1 - n);

function boundedText(buf: Buffer, n: number, max: number, role: FileRole): FileRead {
  return n > max ? { refused: `is ${tooLarge(n, max, role)}` } : { text: buf.toString('utf8', 0, n) };
}

/** Control characters a value may not hold: C0 but tab, line feed and carriage return; DEL. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

export type TextProblem =
  { kind: 'binary' | 'utf16' | 'not-utf8'; message: string } | { kind: 'control'; at: number[] };

/**
 * Whether decoded text is text a person wrote: not UTF-16 (its BOM read as UTF-8 is two U+FFFD, and
 * its ASCII has a NUL after every letter), not binary (a NUL byte), not mis-encoded (replacement
 * characters from invalid UTF-8); otherwise the offsets of control characters (at most `limit`).
 */
export function textProblem(text: string, limit = 10): TextProblem | undefined {
  const head = text.slice(0, 8192);
  if (head.startsWith('\ufffd\ufffd') && /\u0000/.test(head)) {
    return { kind: 'utf16', message: 'not UTF-8 text (UTF-16 byte order mark found): save the file as UTF-8' };
  }
  if (text.includes('\u0000')) return { kind: 'binary', message: 'a binary file, not text (it holds NUL bytes)' };
  const bad = head.split('\ufffd').length - 1;
  if (bad > 8 && bad * 50 > head.length) {
    return { kind: 'not-utf8', message: 'not UTF-8 text (invalid byte sequences): save the file as UTF-8' };
  }
  const at: number[] = [];
  for (const m of text.matchAll(CONTROL)) {
    at.push(m.index);
    if (at.length >= limit) break;
  }
  return at.length ? { kind: 'control', at } : undefined;
}
