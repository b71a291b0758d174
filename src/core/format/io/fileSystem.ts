// The file access the format layer needs, so the same code runs on disk (CLI, tests) and over
// VS Code's workspace (with unsaved editor buffers layered on top).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { notRegular, readSocietyFile, type FileRole } from './fileLimits';

export interface SocietyFileSystem {
  /**
   * What is wrong with a local model file (missing, not GGUF, a damaged or cut-off header; for
   * `chat`, no chat template), or undefined when it is sound. Given by `society check`, which
   * reads model headers (llm/local/modelFile.ts); without it a model file is only confined.
   */
  modelFileProblem?(file: string, chat: boolean): string | undefined;
  /**
   * The text of a file, or undefined when it does not exist or cannot be read. `role`: a data
   * file a scenario names (dataFile.ts) is refused in those words when too large.
   */
  readFile(file: string, role?: FileRole): Promise<string | undefined>;
  /** Every file below a folder (recursively, absolute paths), skipping node_modules and dot-folders. */
  listFiles(dir: string): Promise<string[]>;
  /**
   * What the last `listFiles(dir)` met below `dir` that is neither a regular file nor a folder (a
   * FIFO, a socket, a device), with what it is in words: never read, but an include's glob that
   * matches one says so. Absent: none are known.
   */
  notFilesIn?(dir: string): NotAFile[];
  /** Whether a path is a file, a folder, or absent. */
  kind(p: string): Promise<'file' | 'directory' | undefined>;
  /**
   * Why an include may not read this path (say, the editor's untrusted workspace and a path
   * outside its folder), or undefined when it may. Absent: everything may be read.
   */
  refusal?(p: string): Promise<string | undefined>;
  /** Why the last `readFile` of this path gave nothing though the path exists ("is a named pipe (FIFO)"). */
  whyUnreadable?(file: string): string | undefined;
  /**
   * The path with its symbolic links resolved (a path that does not exist: its deepest existing
   * parent's, resolved, and the rest as written). Absent: paths are taken as written.
   */
  realPath?(p: string): Promise<string>;
  /**
   * What a path is, in words, when it exists and is no regular file ("a character device"), found
   * without opening it; undefined for a regular file or nothing. Absent: not known.
   */
  notAFile?(p: string): Promise<string | undefined>;
}

/** A path a folder listing met that is not a regular file, and what it is ("a named pipe (FIFO)"). */
export interface NotAFile {
  file: string;
  what: string;
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

/** A folder listing past its bound: `check /` on a whole disk once walked it for 40 s (issue 70). */
export class TooManyEntries extends Error {}

export class NodeFileSystem implements SocietyFileSystem {
  private readonly refusals = new Map<string, string>();
  private readonly notFiles = new Map<string, NotAFile[]>();

  /** `maxEntries`: entries one listing may visit (files and folders), past which it stops with TooManyEntries. */
  constructor(private readonly bounds: { maxEntries?: number } = {}) {}

  /** Only regular files within the size limit are read (fileLimits.ts): a FIFO or a device never blocks. */
  async readFile(file: string, role?: FileRole): Promise<string | undefined> {
    const read = await readSocietyFile(file, undefined, role);
    if ('text' in read) {
      this.refusals.delete(file);
      return read.text;
    }
    if ('refused' in read) this.refusals.set(file, read.refused);
    else this.refusals.delete(file);
    return undefined;
  }

  whyUnreadable(file: string): string | undefined {
    return this.refusals.get(file);
  }

  async realPath(p: string): Promise<string> {
    try {
      return await fs.realpath(p);
    } catch {
      const parent = path.dirname(p);
      return parent === p ? p : path.join(await this.realPath(parent), path.basename(p));
    }
  }

  async notAFile(p: string): Promise<string | undefined> {
    const st = await fs.stat(p).catch(() => undefined);
    return st && notRegular(st);
  }

  async kind(p: string): Promise<'file' | 'directory' | undefined> {
    try {
      const st = await fs.stat(p);
      return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  notFilesIn(dir: string): NotAFile[] {
    return this.notFiles.get(dir) ?? [];
  }

  async listFiles(dir: string): Promise<string[]> {
    const out: string[] = [];
    const others: NotAFile[] = [];
    const max = this.bounds.maxEntries ?? Infinity;
    let seen = 0;
    const walk = async (d: string, depth: number): Promise<void> => {
      if (depth > 32) return;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      seen += entries.length;
      if (seen > max) {
        throw new TooManyEntries(`more than ${max} files and folders under ${dir}: name a smaller folder`);
      }
      for (const e of entries) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) {
          if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(full, depth + 1);
        } else if (e.isFile()) {
          out.push(full);
        } else if (!e.isSymbolicLink()) {
          // Listings do not follow links; anything else that is no file is never read, but named.
          others.push({ file: full, what: notRegular(e) ?? 'not a regular file' });
        }
      }
    };
    await walk(dir, 0);
    this.notFiles.set(dir, others);
    return out.sort();
  }
}

/** Files layered over another file system: open editor buffers win over disk. */
export class OverlayFileSystem implements SocietyFileSystem {
  private readonly overlay = new Map<string, string>();
  constructor(private readonly base: SocietyFileSystem) {}

  set(file: string, text: string | undefined): void {
    if (text === undefined) this.overlay.delete(file);
    else this.overlay.set(file, text);
  }

  async readFile(file: string, role?: FileRole): Promise<string | undefined> {
    return this.overlay.get(file) ?? this.base.readFile(file, role);
  }

  /** An editor buffer is where it says it is; anything else as the base resolves it. */
  async realPath(p: string): Promise<string> {
    if (this.overlay.has(p)) {
      return path.join((await this.base.realPath?.(path.dirname(p))) ?? path.dirname(p), path.basename(p));
    }
    return (await this.base.realPath?.(p)) ?? p;
  }

  whyUnreadable(file: string): string | undefined {
    return this.overlay.has(file) ? undefined : this.base.whyUnreadable?.(file);
  }

  async notAFile(p: string): Promise<string | undefined> {
    return this.overlay.has(p) ? undefined : this.base.notAFile?.(p);
  }

  notFilesIn(dir: string): NotAFile[] {
    return (this.base.notFilesIn?.(dir) ?? []).filter((n) => !this.overlay.has(n.file));
  }

  async kind(p: string): Promise<'file' | 'directory' | undefined> {
    return this.overlay.has(p) ? 'file' : this.base.kind(p);
  }

  async listFiles(dir: string): Promise<string[]> {
    const files = new Set(await this.base.listFiles(dir));
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const f of this.overlay.keys()) if (f.startsWith(prefix)) files.add(f);
    return [...files].sort();
  }
}
