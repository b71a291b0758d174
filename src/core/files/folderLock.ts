// One writer per output folder. Two `society run`s (or experiments) into the same folder wrote
// over each other's trace and checkpoint: one died on a vanished temporary file, the other exited
// 0 with a trace holding the first one's header and torn lines. A lock file holds the writer's pid;
// a lock whose process is gone (a crash, SIGKILL) is stale and taken over.
// The lock appears whole: it is written to a file of its own and hard-linked into place (link
// fails if the lock exists), so no one reads it empty and takes it for a torn one. A stale lock is
// removed by one process at a time (holding `.society-lock.takeover`), and only if it still reads
// as the stale one: two processes taking over the same stale lock cannot remove each other's new
// one (comparing inodes is not enough: the file system hands a freed inode out again at once).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const LOCK_FILE = '.society-lock';

export interface FolderLock {
  release(): void;
}

/** Who holds the folder, when it is not us. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/**
 * Takes `dir`'s lock, or says who holds it. The lock is released by `release()` and, failing
 * that, when this process exits.
 */
export function lockFolder(dir: string): FolderLock | { heldBy: LockHolder } {
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  // Each pass either takes the lock, finds a live holder, or removes a stale lock (or waits for
  // whoever is removing it): a few passes settle any race; a second's worth bounds the wait.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (create(file, JSON.stringify(me))) {
      let held = true;
      const release = (): void => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        try {
          if (readHolder(file)?.holder?.pid === me.pid) fs.unlinkSync(file);
        } catch {
          /* gone already */
        }
      };
      process.on('exit', release);
      return { release };
    }
    const read = readHolder(file);
    if (read?.holder && alive(read.holder)) return { heldBy: read.holder };
    // Stale (its process is gone) or unreadable (a crash left it torn): take it over.
    if (read && !takeOver(file, read.text)) sleep(10);
  }
  return { heldBy: readHolder(file)?.holder ?? { pid: 0, host: '?', since: '?' } };
}

/**
 * Removes the lock if it still reads `stale`, as the one process holding the takeover guard;
 * false when another process holds the guard (a guard older than a few seconds was left by a
 * crash and is cleared).
 */
function takeOver(file: string, stale: string): boolean {
  const guard = `${file}.takeover`;
  if (!create(guard, String(process.pid))) {
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 5_000) fs.unlinkSync(guard);
    } catch {
      /* gone meanwhile */
    }
    return false;
  }
  try {
    if (readHolder(file)?.text === stale) fs.unlinkSync(file);
  } catch {
    /* gone meanwhile */
  } finally {
    try {
      fs.unlinkSync(guard);
    } catch {
      /* already gone */
    }
  }
  return true;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Creates `file` holding `text`, all at once; false when it exists. */
function create(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, text, { flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
    // A file system without hard links: exclusive create (a reader may then see it briefly empty).
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

/** The lock's text and holder (undefined when unreadable); undefined when there is no lock. */
function readHolder(file: string): { holder?: LockHolder; text: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    return { holder: typeof h?.pid === 'number' ? h : undefined, text };
  } catch {
    return { text };
  }
}

/** Whether the holder still runs. On another host we cannot tell: assume it does. */
function alive(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return true;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
