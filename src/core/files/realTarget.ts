// Where a path really leads, for comparing an output with a command's inputs and for confining a
// path to a folder (confined.ts): links resolved as far as the path exists, the rest appended.
// `fork --out` through a link to the parent once passed a plain path comparison and replaced the
// parent's trace (issue 58: 4). A link whose target does not exist yet leads there too: writing
// through it creates the target (issue 70).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Links followed at most (as the system's own ELOOP limit): a loop ends here. */
const MAX_LINKS = 40;

export function realTarget(p: string, links = 0): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    const dir = realTarget(parent, links);
    const here = path.join(dir, path.basename(abs));
    let target: string | undefined;
    try {
      target = fs.readlinkSync(here);
    } catch {
      return here; // absent (not a link): the rest as written
    }
    return links >= MAX_LINKS ? here : realTarget(path.resolve(dir, target), links + 1);
  }
}

/** Whether writing `outputs` could change one of `inputs` (the same file or folder, by real path). */
export function writesOverInput(outputs: readonly string[], inputs: readonly string[]): string | undefined {
  const real = new Map(inputs.map((i) => [realTarget(i), i]));
  for (const o of outputs) {
    const hit = real.get(realTarget(o));
    if (hit !== undefined) return hit;
  }
  return undefined;
}
