// The one test of "inside this folder" every surface that takes a path from someone else passes
// (the assistant tools' arguments, the MCP server's resources): real paths compared, links
// resolved, so an absolute path, `..` or a link inside the folder pointing out is judged by where
// it leads. Tools once took paths as given: society_sql read a .jsonl outside the working folder
// and society_run wrote into ../outside (issue 70).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realTarget } from './realTarget';

/** What a path that is no regular file is, in words (found by stat, never opened). */
function whatItIs(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'a file';
}

/** A path refused: outside the folder, absent, or not a file or folder. The message says which. */
export class ConfinementError extends Error {}

/** Whether `p` is `root` or below it (both real paths). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * `given` (relative to `root`, or absolute) as a real path inside `root`. 'read': it must exist
 * and be a regular file or a folder (a FIFO would block whoever reads it). 'write': it need not
 * exist yet, its nearest existing parent is what is judged, and what is there must be a folder.
 */
export function confinedPath(root: string, given: string, mode: 'read' | 'write'): string {
  const realRoot = fs.realpathSync(root);
  const abs = path.resolve(root, given);
  const real = realTarget(abs);
  if (!isInside(realRoot, real)) {
    throw new ConfinementError(
      `${given} is outside the working folder ${root}${real !== abs ? ` (it leads to ${real})` : ''}`,
    );
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(real);
  } catch {
    st = undefined;
  }
  if (!st) {
    if (mode === 'read') throw new ConfinementError(`no such file or folder: ${given}`);
    return real;
  }
  if (mode === 'write' && !st.isDirectory()) {
    throw new ConfinementError(`${given} is ${whatItIs(st)}, not a folder`);
  }
  if (mode === 'read' && !st.isFile() && !st.isDirectory()) {
    throw new ConfinementError(`${given} is ${whatItIs(st)}, not a regular file or folder`);
  }
  return real;
}
