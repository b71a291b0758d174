// The one way the studio writes a file (issue 87). Writers once opened a name and wrote: a cloned
// run folder holding `report.html -> ~/.bashrc` turned `society report` into an overwrite of any
// file the user could write. Here a whole file is written to a fresh temporary file in the same
// folder (created exclusively, never through a link) and renamed over the name, which replaces a
// name, never what a link points to; and the name itself is refused first when it is a link, a
// folder, a FIFO or a device, or when a folder between the output folder and it is a link. A file
// written as a stream (a trace) is opened with O_NOFOLLOW and checked again by fstat once open.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A name the studio will not write: what is there, and what to do, in words. `path` names it. */
export class UnsafeTargetError extends Error {
  readonly code = 'EUNSAFE';
  readonly path: string;
  /** Why, without the name (ioReason gives this where the name is said already). */
  readonly reason: string;
  constructor(target: string, reason: string) {
    super(`${named(target)}: ${reason}`);
    this.path = target;
    this.reason = reason;
  }
}

/** A path as said in a message: relative to the working folder when inside it (no machine paths). */
function named(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Bytes, a text, or text pieces written one after another (never joined: a report page is ~90 MB). */
export type FileContent = string | Uint8Array | Iterable<string>;

export interface WriteOptions {
  /** The output folder: every folder between it and the file must be a real folder, not a link. */
  within?: string;
}

function what(st: fs.Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * What is at `file` now: undefined when nothing, its lstat when a regular file (or, for a stream
 * that allows it, a character device such as /dev/null). Anything else throws UnsafeTargetError;
 * so does a link among the folders below `within`.
 */
export function writableTarget(file: string, options: WriteOptions = {}, stream = false): fs.Stats | undefined {
  if (options.within !== undefined) checkFoldersBetween(options.within, path.dirname(file));
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw Object.assign(err as Error, { path: file });
  }
  // A character device (/dev/null, /dev/full) takes a stream's bytes and is no file to replace;
  // a shared folder cannot carry one (git cannot), and renaming over it would replace the device.
  if (st.isFile() || (stream && st.isCharacterDevice())) {
    // Renaming replaces a file we may not write: keep refusing it, as a plain write did.
    fs.accessSync(file, fs.constants.W_OK);
    return st;
  }
  const link = st.isSymbolicLink() ? ` to ${safeReadlink(file)}` : '';
  throw new UnsafeTargetError(
    file,
    `it is ${what(st)}${link}, and Society Studio writes only regular files, never through a link: move it away or choose another output folder`,
  );
}

function safeReadlink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return '?';
  }
}

/** Each folder from `root` (excluded) down to `dir` must be a folder, not a link out of `root`. */
function checkFoldersBetween(root: string, dir: string): void {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  if (rel === '') return;
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new UnsafeTargetError(dir, `it is outside the output folder ${root}`);
  }
  let at = path.resolve(root);
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    const st = fs.lstatSync(at, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) {
      throw new UnsafeTargetError(
        at,
        `it is ${st.isFile() ? 'a file' : what(st)} where a folder of the output belongs`,
      );
    }
  }
}

/** Created new, never through a link (O_EXCL fails on any name that is there, a link included). */
const EXCLUSIVE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
}

/** A temporary file beside `file`, made by this call. */
function openTemporary(file: string): { tmp: string; fd: number } {
  const tmp = temporaryName(file);
  return { tmp, fd: fs.openSync(tmp, EXCLUSIVE, 0o666) };
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** `content` into `fd`; text pieces through one buffer refilled for each. */
function writeContent(fd: number, content: FileContent): void {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    return;
  }
  let buf = Buffer.allocUnsafeSlow(0);
  for (const piece of content) {
    const worst = piece.length * 3;
    if (buf.length < worst) buf = Buffer.allocUnsafeSlow(Math.max(worst, buf.length * 2));
    writeAll(fd, buf.subarray(0, buf.write(piece, 0, 'utf8')));
  }
}

/** Renames `tmp` over `file` once `file` is still a name we may replace; `tmp` goes on failure. */
function moveOver(tmp: string, file: string, options: WriteOptions): void {
  try {
    writableTarget(file, options);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw Object.assign(err as Error, { path: (err as NodeJS.ErrnoException).path ?? file });
  }
}

/** Writes `content` to `file` whole: a temporary file beside it, renamed over the name. */
export function writeFileSafely(file: string, content: FileContent, options: WriteOptions = {}): void {
  writableTarget(file, options);
  const { tmp, fd } = openTemporary(file);
  try {
    writeContent(fd, content);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw Object.assign(err as Error, { path: file });
  }
  fs.closeSync(fd);
  moveOver(tmp, file, options);
}

/** The same, a piece at a time with a turn of the event loop between pieces (the extension host's checkpoints). */
export async function writeFileSafelyAsync(
  file: string,
  pieces: Iterable<string>,
  options: WriteOptions = {},
): Promise<void> {
  writableTarget(file, options);
  const tmp = temporaryName(file);
  const handle = await fs.promises.open(tmp, EXCLUSIVE, 0o666);
  try {
    let buf = Buffer.allocUnsafeSlow(0);
    for (const piece of pieces) {
      const worst = piece.length * 3;
      if (buf.length < worst) buf = Buffer.allocUnsafeSlow(Math.max(worst, buf.length * 2));
      const bytes = buf.subarray(0, buf.write(piece, 0, 'utf8'));
      for (let at = 0; at < bytes.length;) at += (await handle.write(bytes, at)).bytesWritten;
    }
  } catch (err) {
    await handle.close();
    fs.rmSync(tmp, { force: true });
    throw Object.assign(err as Error, { path: file });
  }
  await handle.close();
  moveOver(tmp, file, options);
}

/** Copies `from` to `to` as writeFileSafely writes. */
export function copyFileSafely(from: string, to: string, options: WriteOptions = {}): void {
  writableTarget(to, options);
  const { tmp, fd } = openTemporary(to);
  fs.closeSync(fd);
  try {
    fs.copyFileSync(from, tmp);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  moveOver(tmp, to, options);
}

/** Renames a file this process made (a run's `.part` trace) over `to`, as writeFileSafely does. */
export function moveIntoPlace(from: string, to: string, options: WriteOptions = {}): void {
  writableTarget(to, options);
  fs.renameSync(from, to);
}

/**
 * A file opened for writing as a stream (a trace, an answer record): 'append' keeps what is
 * there, 'replace' empties it. Never through a link (O_NOFOLLOW), never a FIFO (O_NONBLOCK, then
 * fstat), and the file opened is the one looked at.
 */
export function openForWriting(file: string, mode: 'append' | 'replace', options: WriteOptions = {}): number {
  const before = writableTarget(file, options, true);
  const { O_WRONLY, O_CREAT, O_APPEND, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
  let fd: number;
  try {
    fd = fs.openSync(
      file,
      O_WRONLY | O_CREAT | (O_NOFOLLOW ?? 0) | (O_NONBLOCK ?? 0) | (mode === 'append' ? O_APPEND : 0),
      0o666,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP' || (err as NodeJS.ErrnoException).code === 'ENXIO') {
      writableTarget(file, options); // a link or a FIFO put there meanwhile: say what it is
    }
    throw Object.assign(err as Error, { path: file });
  }
  const st = fs.fstatSync(fd);
  if (!(st.isFile() || st.isCharacterDevice()) || (before && (st.ino !== before.ino || st.dev !== before.dev))) {
    fs.closeSync(fd);
    throw new UnsafeTargetError(file, 'it changed while it was being opened (not a regular file any more): try again');
  }
  if (mode === 'replace' && st.isFile()) fs.ftruncateSync(fd, 0);
  return fd;
}

/** Appends `text` to `file` (made if absent), opened as openForWriting opens it. */
export function appendSafely(file: string, text: string, options: WriteOptions = {}): void {
  const fd = openForWriting(file, 'append', options);
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `root`/`name` as a folder of the output, made if absent: a link there (out of the folder, in a
 * shared one) or anything else in its place is refused, as a file's name is.
 */
export function outputSubfolder(root: string, name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(root, { recursive: true });
  try {
    fs.mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw Object.assign(err as Error, { path: dir });
  }
  checkFoldersBetween(root, dir);
  return dir;
}
