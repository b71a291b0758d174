// The one reader of the data files a .society file names (census tables, calibration's observed
// CSV) and the one judge of a path a scenario writes (its module too). A path is confined as
// includes are: relative to the file that names it, inside the workspace folder — and, unlike a
// folder listing, reading follows symbolic links, so where the path leads (symlinks resolved)
// must be inside it too. Only a regular file within the size limit is read (fileLimits.ts): a FIFO
// or a device is refused without blocking. The schema marks these fields `"x-kind": "path"`.
import * as path from 'node:path';
import type { SocietyFileSystem } from './fileSystem';
import { isInside } from '../../files/confined';

export type DataRead = { file: string; text: string } | { file: string; why: string };

/** Where a path written in `from` leads, or why it may not be used (a sentence after the path). */
export async function confinedPath(
  fs: SocietyFileSystem,
  written: string,
  from: string,
  root: string,
): Promise<{ file: string } | { file: string; why: string }> {
  const file = path.resolve(path.dirname(from), written);
  if (path.isAbsolute(written)) return { file, why: 'is an absolute path: write it relative to this file' };
  if (!isInside(root, file)) {
    return { file, why: `leaves the workspace folder (${root}); only files inside it can be read` };
  }
  const refused = await fs.refusal?.(file);
  if (refused) return { file, why: `was not read: ${refused}` };
  const link = await linkLeavesRoot(fs, file, root);
  return link ? { file, why: link.why } : { file };
}

/**
 * Where `file` leads when its symbolic links take it out of `root` (as both resolve), with the
 * sentence that says so; undefined when it stays inside, or the file system resolves no links.
 */
export async function linkLeavesRoot(
  fs: SocietyFileSystem,
  file: string,
  root: string,
): Promise<{ real: string; why: string } | undefined> {
  if (!fs.realPath) return undefined;
  const [real, realRoot] = await Promise.all([fs.realPath(file), fs.realPath(root)]);
  if (isInside(realRoot, real)) return undefined;
  return { real, why: `leads outside the workspace folder (${root}) through a symbolic link, to ${real}` };
}

/** The text of a data file a scenario names, or why it is not read (missing, outside, not a regular file, too large). */
export async function readDataFile(
  fs: SocietyFileSystem,
  written: string,
  from: string,
  root: string,
): Promise<DataRead> {
  const where = await confinedPath(fs, written, from, root);
  if ('why' in where) return where;
  const { file } = where;
  const text = await fs.readFile(file, 'data');
  if (text !== undefined) return { file, text };
  return {
    file,
    why: fs.whyUnreadable?.(file) ?? `not found (no file ${path.basename(file)} in ${path.dirname(file)})`,
  };
}

export { isInside };
