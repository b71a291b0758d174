// Population distributions that cannot give what a trait or motivation takes (SOC055).
import type { Diagnostic } from '../model/diagnostics';
import type { PathSegment } from '../syntax/parse';
import type { Locator } from '../syntax/locate';
import { type Obj, isObj, list, mk } from './checkKit';
import type { CheckContext } from './checkContext';

/** Population distributions (SOC055). */
export function populationCheck(ctx: CheckContext): void {
  const { v, at, out } = ctx;
  // Population distributions.
  list(v.population).forEach((g, i) => {
    if (!isObj(g)) return;
    for (const field of ['traits', 'motivations'] as const) {
      if (!isObj(g[field])) continue;
      for (const [name, spec] of Object.entries(g[field] as Obj)) {
        checkDistribution(spec, at, ['population', i, field, name], out);
      }
    }
  });
}

function checkDistribution(spec: unknown, at: Locator, path: PathSegment[], out: Diagnostic[]): void {
  if (!isObj(spec)) return;
  const families = ['normal', 'uniform', 'beta'].filter((k) => k in spec);
  const range = at.valueRange(path);
  if (families.length !== 1) {
    out.push(
      mk(
        'SOC055',
        'error',
        families.length === 0
          ? 'A distribution needs one of `normal`, `uniform` or `beta`'
          : `A distribution has exactly one of normal, uniform, beta (found ${families.join(', ')})`,
        at.file.file,
        range,
      ),
    );
    return;
  }
  const bounds: [unknown, unknown][] = [[spec.min, spec.max]];
  if (isObj(spec.uniform)) bounds.push([spec.uniform.min, spec.uniform.max]);
  for (const [lo, hi] of bounds) {
    if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
      out.push(mk('SOC055', 'error', `Distribution bounds are reversed: min ${lo} > max ${hi}`, at.file.file, range));
    }
  }
  const side = sideOutsideUnit(spec);
  if (side !== undefined) {
    out.push(
      mk(
        'SOC055',
        'warning',
        `Every sample of this distribution lies ${side === 0 ? 'below 0' : 'above 1'}: traits and motivations are clipped to 0..1, so every agent of the group gets ${side}`,
        at.file.file,
        range,
      ),
    );
  }
}

/** 0 or 1 when a distribution's samples, after its own `min`/`max` clip, all fall below 0 or above 1 (a normal's: beyond 3 sd), else undefined. */
function sideOutsideUnit(spec: Obj): 0 | 1 | undefined {
  const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  let lo = -Infinity,
    hi = Infinity;
  if (isObj(spec.uniform)) {
    lo = num(spec.uniform.min) ?? lo;
    hi = num(spec.uniform.max) ?? hi;
  }
  if (isObj(spec.normal)) {
    const mean = num(spec.normal.mean),
      sd = num(spec.normal.sd);
    if (mean !== undefined && sd !== undefined && sd >= 0) {
      lo = mean - 3 * sd;
      hi = mean + 3 * sd;
    }
  }
  if (isObj(spec.beta)) {
    lo = 0;
    hi = 1;
  }
  const cmin = num(spec.min) ?? -Infinity,
    cmax = num(spec.max) ?? Infinity;
  const clip = (x: number): number => Math.min(cmax, Math.max(cmin, x));
  if (cmin > cmax) return undefined; // reported as reversed bounds
  [lo, hi] = [clip(lo), clip(hi)];
  return hi < 0 ? 0 : lo > 1 ? 1 : undefined;
}
