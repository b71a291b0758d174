// Model names of personas, the coach and population groups (SOC040).
import { isObj, list } from './checkKit';
import type { CheckContext } from './checkContext';

/** Model names of personas, the coach and population groups (SOC040). */
export function modelNamesCheck(ctx: CheckContext): void {
  const { v, at, personas, modelCheck } = ctx;
  for (const p of personas) if (isObj(p.raw)) modelCheck(p.raw.model, p.site.at, [...p.site.path, 'model']);
  if (isObj(v.coaching)) modelCheck(v.coaching.model, at, ['coaching', 'model']);
  list(v.population).forEach((g, i) => {
    if (isObj(g)) modelCheck(g.model, at, ['population', i, 'model']);
  });
}
