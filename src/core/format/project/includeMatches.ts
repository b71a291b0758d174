// What an include names: the files its path or glob matches inside the workspace folder, or the
// diagnostic that says why it names none (absolute, outside, out through a link, refused, no match).
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../model/diagnostics';
import type { Range } from '../model/model';
import { linkLeavesRoot } from '../io/dataFile';
import { includeMatcher } from '../io/includeGlob';
import type { SocietyFileSystem } from '../io/fileSystem';
import { unreadablePattern, isInside } from './fileProblems';

/** Where includes are read: the workspace's files and the folder they may not leave. */
export interface IncludeRoot {
  readonly fs: SocietyFileSystem;
  readonly root: string;
}

/**
 * The files an include of `from` names, or the diagnostic that says why it names none. What the
 * glob matches that is no file (a FIFO, a socket, a device) is skipped with a warning in `warnings`.
 */
export async function includeMatches(
  ws: IncludeRoot,
  glob: string,
  from: string,
  range: Range,
  warnings: Diagnostic[],
): Promise<string[] | Diagnostic> {
  const baseDir = path.dirname(from);
  const matcher = includeMatcher(glob);
  if (!matcher) return unreadablePattern(glob, from, range);
  const scan = picomatch.scan(glob);
  const staticBase = path.resolve(baseDir, scan.base || '.');
  const outside = outsideWorkspace(ws, glob, baseDir, staticBase, from, range);
  if (outside) return outside;
  // The file system may refuse to read outside a boundary (the editor in an untrusted
  // workspace). Checking the glob's folder and a literal path is enough: listings do not follow
  // symlinks, so a glob's matches are real files below its folder.
  const literal = path.resolve(baseDir, glob);
  const refused = await ws.fs.refusal?.(scan.isGlob ? staticBase : literal);
  if (refused) {
    return {
      code: 'SOC034',
      severity: 'warning',
      message: `Include '${glob}' was not loaded: ${refused}`,
      file: from,
      range,
    };
  }
  // Where the literal path or the glob's folder leads, links resolved, stays inside too: in a
  // workspace that refuses nothing (the CLI, a trusted editor) as in one that refuses.
  const leaves = await leavesThroughLink(ws, glob, scan.isGlob ? staticBase : literal, from, range);
  if (leaves) return leaves;
  const literalText = scan.isGlob ? undefined : await ws.fs.readFile(literal);
  const literalRefused = scan.isGlob || literalText !== undefined ? undefined : ws.fs.whyUnreadable?.(literal);
  if (literalRefused) {
    return {
      code: 'SOC004',
      severity: 'error',
      message: `Include '${glob}': ${path.relative(ws.root, literal) || literal} ${literalRefused}`,
      file: from,
      range,
    };
  }
  const candidates = scan.isGlob ? await ws.fs.listFiles(staticBase) : literalText !== undefined ? [literal] : [];
  const matched = (f: string): boolean =>
    matcher(path.relative(baseDir, f).split(path.sep).join('/')) && isInside(ws.root, f);
  // A scenario's own glob matching itself is not a cycle; naming itself outright is.
  const matches = candidates.filter((f) => !(f === from && scan.isGlob) && matched(f));
  if (scan.isGlob) {
    for (const n of ws.fs.notFilesIn?.(staticBase) ?? []) {
      if (!matched(n.file)) continue;
      warnings.push({
        code: 'SOC035',
        severity: 'warning',
        message: `Include '${glob}' matches ${path.relative(ws.root, n.file) || n.file}, which is ${n.what}, not a file: it is not read`,
        file: from,
        range,
      });
    }
  }
  if (matches.length === 0) {
    return {
      code: 'SOC030',
      severity: 'error',
      message: `Include '${glob}' matches no file`,
      file: from,
      range,
    };
  }
  return matches;
}

/**
 * An include whose path (`target`: the literal file, or the glob's folder) leads out of the
 * workspace through a symbolic link: never read. What it leads to that is no file (/dev/zero)
 * is said too, so the sentence names both things wrong.
 */
async function leavesThroughLink(
  ws: IncludeRoot,
  glob: string,
  target: string,
  from: string,
  range: Range,
): Promise<Diagnostic | undefined> {
  const link = await linkLeavesRoot(ws.fs, target, ws.root);
  if (!link) return undefined;
  const what = target === path.resolve(path.dirname(from), glob) ? await ws.fs.notAFile?.(link.real) : undefined;
  if (what && what !== 'a folder') {
    const shown = path.relative(ws.root, target) || target;
    return {
      code: 'SOC004',
      severity: 'error',
      message: `Include '${glob}': ${shown} is ${what}, and ${link.why}; only files inside it can be included`,
      file: from,
      range,
    };
  }
  return {
    code: 'SOC032',
    severity: 'error',
    message: `Include '${glob}' ${link.why}; only files inside it can be included`,
    file: from,
    range,
  };
}

/** Why an include may not be read: an absolute path, or a folder outside the workspace. */
function outsideWorkspace(
  ws: IncludeRoot,
  glob: string,
  baseDir: string,
  staticBase: string,
  from: string,
  range: Range,
): Diagnostic | undefined {
  if (path.isAbsolute(glob)) {
    // Includes are relative so a project reads the same wherever it is checked out.
    const rel = path.relative(baseDir, glob).split(path.sep).join('/');
    const hint = isInside(ws.root, staticBase) ? ` (here: '${rel}')` : '';
    return {
      code: 'SOC032',
      severity: 'error',
      message: `Include '${glob}' is an absolute path: write it relative to this file${hint}`,
      file: from,
      range,
    };
  }
  if (!isInside(ws.root, staticBase)) {
    return {
      code: 'SOC032',
      severity: 'error',
      message: `Include '${glob}' leaves the workspace folder (${ws.root}); only files inside it can be included`,
      file: from,
      range,
    };
  }
  return undefined;
}
