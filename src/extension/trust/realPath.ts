// A path with its symlinks resolved, so a link inside the folder pointing elsewhere is judged by
// where it leads. A path that does not exist yet is judged by its deepest existing parent.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export async function realPath(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(await realPath(parent), path.basename(p));
  }
}
