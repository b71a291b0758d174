// One writer per output folder. Two `society run`s (or experiments) into the same folder wrote
// over each other's trace and checkpoint: one died on a vanished temporary file, the other exited
// 0 with a trace holding the first one's header and torn lines. A lock file made with O_EXCL holds
// the writer's pid; a lock whose process is gone (a crash, SIGKILL) is stale and taken over.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const LOCK_FILE = '.society-lock';

export interface FolderLock { release(): void }

/** Who holds the folder, when it is not us. */
export interface LockHolder { pid: number; host: string; since: string }

/**
 * Takes `dir`'s lock, or says who holds it. The lock is released by `release()` and, failing
 * that, when this process exits.
 */
export function lockFolder(dir: string): FolderLock | { heldBy: LockHolder } {
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let held = true;
      const release = (): void => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        try { if (readHolder(file)?.pid === me.pid) fs.unlinkSync(file); } catch { /* gone already */ }
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && alive(holder)) return { heldBy: holder };
      // Stale (its process is gone) or unreadable (torn by a crash while written): take it over.
      try { fs.unlinkSync(file); } catch { /* someone else took it over first: try again */ }
    }
  }
  const holder = readHolder(file);
  return { heldBy: holder ?? { pid: 0, host: '?', since: '?' } };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    return typeof h?.pid === 'number' ? h : undefined;
  } catch { return undefined; }
}

/** Whether the holder still runs. On another host we cannot tell: assume it does. */
function alive(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return true;
  if (h.pid === process.pid) return true;
  try { process.kill(h.pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
}
