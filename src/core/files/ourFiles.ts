// Which files in a folder this machine's Society Studio wrote, so a command may replace them
// without --overwrite and remove its own stale ones. A list in the folder (.society-files.json)
// names them, but a list alone is what a shared folder carries: a cloned run folder listing
// `report.html` made a user's file there ours to replace (issue 87). So each name is signed: an
// HMAC, with a key kept in the user's own cache folder, of the folder's real path, the name and
// the file's device and inode as written. A list from elsewhere, a file put there since, or a
// file of that name in a copy of the folder does not verify, and is the user's.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { societyCache } from './cacheFolder';
import { writeFileSafely } from './safeWrite';

export const MANIFEST_FILE = '.society-files.json';
const KEY_FILE = 'files.key';

interface Listed {
  files: string[];
  signatures: Record<string, string>;
}

/** Keys read, by cache folder. */
const keys = new Map<string, Buffer>();

/**
 * The signing key: made once per user (0600, created whole: written aside and linked into place).
 * A cache folder we cannot write leaves a key of this process alone: only what it wrote is ours.
 */
function signingKey(): Buffer {
  const dir = societyCache();
  let key = keys.get(dir);
  if (key) return key;
  const file = path.join(dir, KEY_FILE);
  const read = (): Buffer | undefined => {
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile() || st.size !== 64) return undefined;
      const hex = fs.readFileSync(file, 'utf8');
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
    } catch {
      return undefined;
    }
  };
  key = read();
  if (key) {
    keys.set(dir, key);
    return key;
  }
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    try {
      fs.linkSync(tmp, file); // fails when another process made it first: theirs is read below
    } catch {
      /* made meanwhile */
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  } catch {
    /* no cache folder for us */
  }
  key = read() ?? crypto.randomBytes(32);
  keys.set(dir, key);
  return key;
}

function signature(realDir: string, name: string, st: fs.Stats): string {
  return crypto
    .createHmac('sha256', signingKey())
    .update(JSON.stringify([realDir, name, String(st.dev), String(st.ino)]))
    .digest('hex');
}

function realDirOf(dir: string): string | undefined {
  try {
    return fs.realpathSync(dir);
  } catch {
    return undefined;
  }
}

/** A plain file name: no folder part, nothing an object key could be misread as. */
function plainName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && !/[/\\]/.test(name) && name !== '.' && name !== '..';
}

/** The folder's list as read (names and signatures); empty when there is none or it is not ours to read. */
function readList(dir: string): Listed {
  const empty: Listed = { files: [], signatures: Object.create(null) as Record<string, string> };
  const file = path.join(dir, MANIFEST_FILE);
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 1 << 20) return empty;
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { files?: unknown; signatures?: unknown };
    const files = Array.isArray(parsed.files) ? parsed.files.filter(plainName) : [];
    const signatures = Object.create(null) as Record<string, string>;
    if (parsed.signatures && typeof parsed.signatures === 'object') {
      for (const [n, s] of Object.entries(parsed.signatures)) {
        if (plainName(n) && typeof s === 'string') signatures[n] = s;
      }
    }
    return { files, signatures };
  } catch {
    return empty;
  }
}

/** Whether a name in `dir` is a file we wrote there (its signature verifies against what is there now). */
export function ourFilesIn(dir: string): (name: string) => boolean {
  const list = readList(dir);
  const realDir = realDirOf(dir);
  return (name) => {
    const sig = list.signatures[name];
    if (!realDir || !sig || !list.files.includes(name)) return false;
    const st = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!st?.isFile()) return false;
    const want = Buffer.from(signature(realDir, name, st), 'hex');
    const have = Buffer.from(sig, 'hex');
    return have.length === want.length && crypto.timingSafeEqual(have, want);
  };
}

function save(dir: string, list: Listed): void {
  const files = [...new Set(list.files)].sort();
  const signatures = Object.fromEntries(files.filter((f) => list.signatures[f]).map((f) => [f, list.signatures[f]]));
  writeFileSafely(
    path.join(dir, MANIFEST_FILE),
    JSON.stringify(
      {
        note: 'files Society Studio wrote here, signed by the machine that wrote them; only those whose signature verifies are replaced without --overwrite',
        files,
        signatures,
      },
      null,
      2,
    ) + '\n',
  );
}

/** Signs `names` (regular files in `dir` now) as ours; a name that is not a regular file there is left off. */
export function markOurs(dir: string, names: readonly string[]): void {
  const realDir = realDirOf(dir);
  if (!realDir) return;
  const list = readList(dir);
  const ours = ourFilesIn(dir);
  // Names the list carries that no longer verify are dropped: the list says only what is true.
  list.files = list.files.filter(ours);
  for (const name of names) {
    if (!plainName(name)) continue;
    const st = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    list.files.push(name);
    list.signatures[name] = signature(realDir, name, st);
  }
  save(dir, list);
}

/** Takes `names` off the list (they were removed). */
export function unmarkOurs(dir: string, names: readonly string[]): void {
  const list = readList(dir);
  if (list.files.length === 0) return;
  list.files = list.files.filter((f) => !names.includes(f));
  save(dir, list);
}
