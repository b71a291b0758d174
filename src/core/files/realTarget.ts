// Where a path really leads, for comparing an output with a command's inputs: links resolved as far
// as the path exists, the rest appended. `fork --out` through a link to the parent once passed a
// plain path comparison and replaced the parent's trace (issue 58: 4).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function realTarget(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realTarget(parent), path.basename(abs));
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
