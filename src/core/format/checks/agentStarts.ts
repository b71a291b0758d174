// Where an agent quantity can start, read from the scenario as the run starts it: the quantity's
// `initial` for agents that set nothing, a persona's `state:` value, a population group's number
// or distribution (population.ts draws it, clipped only by its own `min`/`max`), each clamped to
// the quantity's bounds when the agent joins. Undefined when that cannot be known before a run
// (census members, a value that is not a number or a distribution).
import type { Quantity } from '../model/mechanics';
import { type Obj, isObj } from './checkKit';
import { maxOf, minOf } from '../../stats/extremes';

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The lowest and highest start of a quantity over every agent, and whether all start alike. */
export interface StartRange {
  lo: number;
  hi: number;
  /** Every agent starts at the same value (then lo === hi): its sd and Gini start at 0. */
  alike: boolean;
}

/** The range a group's distribution draws from: `min`/`max` clip it, else its own support. */
function drawn(d: Obj): [number, number] | undefined {
  const clip = (lo: number, hi: number): [number, number] => [
    num(d.min) ? Math.max(lo, d.min) : lo,
    num(d.max) ? Math.min(hi, d.max) : hi,
  ];
  if (isObj(d.uniform) && num(d.uniform.min) && num(d.uniform.max)) {
    return clip(Math.min(d.uniform.min, d.uniform.max), Math.max(d.uniform.min, d.uniform.max));
  }
  if (isObj(d.beta)) return clip(0, 1);
  if (isObj(d.normal)) return clip(-Infinity, Infinity);
  return undefined;
}

export function agentStartRange(v: Obj, personas: readonly { raw: unknown }[], q: Quantity): StartRange | undefined {
  const starts: [number, number][] = [];
  let unknown = false;
  const add = (state: unknown): void => {
    const x = isObj(state) && Object.hasOwn(state, q.name) ? state[q.name] : undefined;
    if (x === undefined) starts.push([q.initial, q.initial]);
    else if (num(x)) starts.push([x, x]);
    else if (isObj(x) && drawn(x)) starts.push(drawn(x) as [number, number]);
    else unknown = true;
  };
  for (const p of personas) add(isObj(p.raw) ? p.raw.state : undefined);
  for (const g of Array.isArray(v.population) ? v.population : []) {
    if (!isObj(g) || g.count === 0) continue;
    if (g.census !== undefined) unknown = true; // census columns may set state per member
    add(g.state);
  }
  if (unknown || !num(q.initial)) return undefined;
  if (!starts.length) starts.push([q.initial, q.initial]);
  const min = q.min ?? (q.labels ? 0 : -Infinity);
  const max = q.max ?? (q.labels ? q.labels.length - 1 : Infinity);
  const clamp = (x: number): number => Math.min(max, Math.max(min, x));
  const lo = minOf(starts.map(([a]) => clamp(a)));
  const hi = maxOf(starts.map(([, b]) => clamp(b)));
  return { lo, hi, alike: lo === hi };
}
