// The output folders a command made, taken away again when it ends with nothing written in them:
// a failed `society report missing.jsonl --out DIR` (and `run --resume` with nothing to resume, a
// missing API key…) left an empty DIR that was not there before. Only folders this command made
// go, and only while they hold nothing but empty folders (an experiment's `traces/` made before
// its first run failed): never a file, and never a folder that was there before.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class MadeFolders {
  /** `made`: outermost first, as core/files/makeFolders.ts gives them. */
  constructor(private readonly made: readonly string[]) {}

  /** Removes the folders made that are still empty, innermost first; a folder with anything in it stays, and so do its parents. */
  removeEmpty(): void {
    for (const dir of [...this.made].reverse()) if (!removeIfEmpty(dir)) return;
  }
}

/** Removes `dir` if it holds nothing but empty folders (looked at first: nothing goes from a folder that stays); false if it stays. */
function removeIfEmpty(dir: string): boolean {
  try {
    if (!onlyFolders(dir)) return false;
    removeFolders(dir);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function onlyFolders(dir: string): boolean {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .every((e) => e.isDirectory() && onlyFolders(path.join(dir, e.name)));
}

/** Innermost first; rmdir refuses a folder that is not empty, so whatever appeared meanwhile is kept. */
function removeFolders(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) removeFolders(path.join(dir, e.name));
  }
  fs.rmdirSync(dir);
}
