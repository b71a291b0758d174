// `world.encounters.among: match` meets only one's match group: without `matching:` nobody has
// one, and the run would hold no conversation at all without a word (SOC152) — where the
// scenario says it, and where an experiment condition's `set:` does.
import type { CheckContext } from './checkContext';
import { isObj, list } from './checkKit';
import type { PathSegment } from '../syntax/parse';

const MESSAGE =
  '`encounters.among: match` lets agents meet only their match group, but the scenario has no `matching:`: nobody would meet anyone. Add `matching:` (a design and a size), or meet `everyone`';

export function encountersCheck(ctx: CheckContext): void {
  const { v, at, out } = ctx;
  if (isObj(v.matching)) return;
  const say = (path: PathSegment[]): void => {
    out.push({ code: 'SOC152', severity: 'error', message: MESSAGE, file: at.file.file, range: at.valueRange(path) });
  };
  const world = isObj(v.world) ? v.world : {};
  if (isObj(world.encounters) && world.encounters.among === 'match') say(['world', 'encounters', 'among']);
  const experiment = isObj(v.experiment) ? v.experiment : {};
  list(experiment.conditions).forEach((c, i) => {
    const set = isObj(c) && isObj(c.set) ? c.set : undefined;
    if (set?.['world.encounters.among'] === 'match') {
      say(['experiment', 'conditions', i, 'set', 'world.encounters.among']);
    }
  });
}
