// A fresh `society run` keeps what its --out folder holds, finished or not, unless told to --overwrite.
import { shown } from '../options';
import { heldRun } from '../outFolder';
import { unfinishedRun } from '../../core/engine';

export /** A fresh run keeps what --out holds, finished or not, unless told to --overwrite: says so and gives true. */
function folderHoldsRun(out: string, checkpointPath: string): boolean {
  const unfinished = unfinishedRun(checkpointPath);
  if (unfinished) {
    console.error(
      `society run: ${shown(out)} holds an unfinished run (${unfinished}); continue it with --resume, start it over with --overwrite, or choose another --out`,
    );
    return true;
  }
  const held = heldRun(out);
  if (held) {
    console.error(`society run: ${shown(out)} holds ${held}; replace it with --overwrite, or choose another --out`);
    return true;
  }
  return false;
}
