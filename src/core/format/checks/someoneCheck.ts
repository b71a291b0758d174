// A scenario with nobody to simulate (SOC053).
import { isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';

/** Nobody to simulate (SOC053). */
export function someoneCheck(ctx: CheckContext): void {
  const { v, at, file, out, personas, unsure } = ctx;
  // Nobody to simulate.
  // A negative count (a schema error of its own) adds nobody, and must not cancel out anyone else.
  const populationCount = list(v.population).reduce<number>(
    (n, g) => n + (isObj(g) && typeof g.count === 'number' && g.count > 0 ? g.count : 0),
    0,
  );
  if (!unsure && personas.filter((p) => p.addedAt === undefined).length + populationCount === 0) {
    out.push(
      mk(
        'SOC053',
        'warning',
        'This scenario has no personas: add `personas:` (inline or `- include: personas/*.society`) or a `population:`',
        file,
        v.personas !== undefined ? at.keyRange(['personas']) : at.parentKeyRange([]),
      ),
    );
  }
}
