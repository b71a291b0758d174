// Timed events: after the last round (SOC052), and what their `set` names and gives.
import { isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';
import { checkFixedDuringRun, checkParameterPaths } from './parameterPaths';

/** Events after the last round; unknown parameter paths and fixed parameters in events (SOC052, SOC054, SOC057). */
export function eventsCheck(ctx: CheckContext): void {
  const { v, at, file, out, refCheck, modelCheck, rounds } = ctx;
  // Events after the last round; unknown parameter paths in events and experiment conditions.
  list(v.events).forEach((e, i) => {
    if (!isObj(e)) return;
    if (typeof e.at === 'number' && e.at > rounds) {
      out.push(
        mk(
          'SOC052',
          'warning',
          `Event at round ${e.at} never fires: the scenario runs ${rounds} rounds`,
          file,
          at.valueRange(['events', i, 'at']),
        ),
      );
    }
    if (isObj(e.set)) {
      checkParameterPaths(e.set, at, ['events', i, 'set'], out, v, { refCheck, modelCheck });
      checkFixedDuringRun(e.set, at, ['events', i, 'set'], out);
    }
  });
}
