// The files a command is about to write into a folder that already holds files of those names.
// Ours (listed in the folder's .society-files.json) are replaced; a user's are not, without a word:
// `report` and `experiment merge --out` once replaced a user's report.html or summary.csv and
// listed it as ours, so a later `run --overwrite` deleted it. `--overwrite` replaces them. A
// command that starts over (`experiment`, as `run`) keeps even its own earlier files without it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ioReason } from '../core/files/ioReason';
import { writableTarget } from '../core/files/safeWrite';
import { shown } from './options';
import { ourFiles, removeFile } from './outFolder';
import { forgetWritten, MANIFEST_FILE, recordWritten } from './manifest';

/**
 * Those of `names` that are in `dir` as files (or links): a folder of that name is never replaced,
 * and writing there says so.
 */
export function presentFiles(dir: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    try {
      return !fs.lstatSync(path.join(dir, name)).isDirectory();
    } catch {
      return false;
    }
  });
}

/** "a, b and c" */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whether `command` may write `names` into `dir`: every one of them that is there must be ours,
 * unless `overwrite`. When not, says which are not and how to go on, and gives false (exit 1).
 */
export function mayReplace(command: string, dir: string, names: readonly string[], overwrite: boolean): boolean {
  if (!safeTargets(command, dir, names)) return false;
  if (overwrite) return true;
  const ours = ourFiles(dir);
  const theirs = presentFiles(dir, names).filter((name) => !ours(name));
  if (theirs.length === 0) return true;
  console.error(
    `society ${command}: ${shown(dir)} already holds ${listed(theirs)}, which Society Studio did not write (${theirs.length === 1 ? 'it is' : 'they are'} not signed as its own in ${MANIFEST_FILE} by this machine); move ${theirs.length === 1 ? 'it' : 'them'} away, choose another --out, or replace ${theirs.length === 1 ? 'it' : 'them'} with --overwrite`,
  );
  return false;
}

/**
 * Whether every one of `names` in `dir` is a name the one writer may write (core/files/safeWrite.ts):
 * a link, a folder, a FIFO or a device there is refused, with --overwrite too. Says which and why.
 */
export function safeTargets(command: string, dir: string, names: readonly string[]): boolean {
  for (const name of names) {
    try {
      writableTarget(path.join(dir, name));
    } catch (err) {
      console.error(`society ${command}: cannot write ${shown(path.join(dir, name))}: ${ioReason(err)}`);
      return false;
    }
  }
  return true;
}

/** After writing `names` into `dir` (or trying to): those there now are listed as ours. */
export function recordPresent(dir: string, names: readonly string[]): void {
  const present = presentFiles(dir, names);
  if (present.length) recordWritten(dir, present);
}

/**
 * Whether a command that starts over may write `names` into `dir`, as `society run` may: without
 * `overwrite`, none of them may be there, ours (`what` they hold: "an experiment") or a user's.
 * When not, says which and how to go on, and gives false (exit 1).
 */
export function mayStartOver(
  command: string,
  dir: string,
  names: readonly string[],
  overwrite: boolean,
  what: string,
): boolean {
  if (!safeTargets(command, dir, names)) return false;
  if (overwrite) return true;
  const ours = ourFiles(dir);
  const earlier = presentFiles(dir, names).filter(ours);
  if (earlier.length === 0) return mayReplace(command, dir, names, false);
  console.error(
    `society ${command}: ${shown(dir)} holds ${what} (${listed(earlier)}); replace it with --overwrite, or choose another --out`,
  );
  return false;
}

/** Removes those of `names` in `dir` that are ours (an earlier run's files this one did not write again). */
export function removeOurs(dir: string, names: readonly string[]): void {
  const ours = ourFiles(dir);
  const stale = presentFiles(dir, names).filter(ours);
  for (const name of stale) removeFile(path.join(dir, name));
  forgetWritten(dir, stale);
}
