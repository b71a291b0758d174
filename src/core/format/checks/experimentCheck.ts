// The experiment: repeated seeds and condition names, condition names that share a trace file
// (SOC056), what conditions set, what claims name; and calibration.
import { checkClaims } from './claimCheck';
import { checkCalibration } from './calibrationCheck';
import { stemClashes } from './conditionFiles';
import { type Obj, isObj, list, shortName, mk } from './checkKit';
import type { CheckContext } from './checkContext';
import { checkParameterPaths } from './parameterPaths';
import { pushAll } from '../../text/pushAll';

/** Repeated seeds and condition names, parameter paths of conditions, and what claims name (SOC078). */
export function experimentCheck(ctx: CheckContext): void {
  const { v, at, file, out, refCheck, modelCheck } = ctx;
  if (isObj(v.experiment)) {
    // As `--seeds` refuses: one seed run twice is one sample counted twice (CIs too narrow, one trace file).
    const seeds = new Set<unknown>();
    list(v.experiment.seeds).forEach((seed, i) => {
      if (typeof seed !== 'number') return;
      if (seeds.has(seed)) {
        out.push(
          mk(
            'SOC056',
            'error',
            `experiment.seeds lists ${seed} twice: repeated seeds are not independent runs`,
            file,
            at.valueRange(['experiment', 'seeds', i]),
          ),
        );
      }
      seeds.add(seed);
    });
    const names = new Set<string>();
    list(v.experiment.conditions).forEach((c, i) => {
      if (!isObj(c)) return;
      if (typeof c.name === 'string') {
        if (names.has(c.name)) {
          out.push(
            mk(
              'SOC056',
              'error',
              `Condition name '${c.name}' is used twice`,
              file,
              at.valueRange(['experiment', 'conditions', i, 'name']),
            ),
          );
        }
        names.add(c.name);
      }
      if (isObj(c.set)) {
        checkParameterPaths(c.set, at, ['experiment', 'conditions', i, 'set'], out, v, { refCheck, modelCheck });
      }
    });
    checkConditionFiles(ctx);
    pushAll(out, checkClaims(v, at, ctx.unsure, ctx.personas));
  }
  if (isObj(v.calibration)) {
    pushAll(
      out,
      checkCalibration(v, at, ctx.unsure, (set, path) =>
        checkParameterPaths(set, at, path, out, v, { refCheck, modelCheck }),
      ),
    );
  }
}

/**
 * Two condition names that give one trace file name (`record +1`, `record -1`): the runs of one
 * would overwrite the other's (SOC056; the runner refuses them too, conditionFiles.ts). The same
 * name twice is reported above.
 */
function checkConditionFiles(ctx: CheckContext): void {
  const { v, at, file, out } = ctx;
  const named = list((v.experiment as Obj).conditions)
    .map((c, i) => ({ c, i }))
    .filter((x): x is { c: Obj & { name: string }; i: number } => isObj(x.c) && typeof x.c.name === 'string');
  for (const [a, b, stem] of stemClashes(named.map((x) => x.c.name))) {
    const [first, later] = [named[a], named[b]];
    if (first.c.name === later.c.name) continue;
    const firstRange = at.valueRange(['experiment', 'conditions', first.i, 'name']);
    const where = `${shortName(file)}:${firstRange.start.line + 1}:${firstRange.start.character + 1}`;
    out.push({
      ...mk(
        'SOC056',
        'error',
        `Conditions '${first.c.name}' (${where}) and '${later.c.name}' would write their runs to one file, traces/${stem}-seed<n>.jsonl: rename one so their names differ in letters or digits`,
        file,
        at.valueRange(['experiment', 'conditions', later.i, 'name']),
      ),
      related: [{ file, range: firstRange, message: `condition '${first.c.name}'` }],
    });
  }
}
