// Inequity aversion over the declared payoffs (Fehr & Schmidt 1999): besides what it gets, an
// agent minds how its payoff compares with those of the others its choice concerns — envy when
// they end up ahead of it (α):
//
//   F(option) = − α/|R| Σ_j max(x_j − x_me, 0)
//
// over each valued agent quantity, in that quantity's unit (act.ts), x the values the round is
// expected to close with: what the updates and the others' expected moves bring (expected_close),
// with the option's changes and what they bring back (foreseen). R, the others compared with, are those any
// option on offer changes, so every option is judged against the same people: the partner who
// would be paid, the group a contribution reaches. This is what makes a responder turn down a
// small share of a pie (rejecting leaves both with nothing, accepting leaves it far behind) and a
// trustee return part of what it was sent.
//
// α differs between people: Fehr & Schmidt's (1999, Table III) distribution, drawn per agent —
// 0 for 30%, 0.5 for 30%, 1 for 30%, 4 for 10% — weighed by FAIRNESS. Their guilt (β, minding
// being ahead) is left to the concern term of act.ts, which already weighs what others get: β on
// top of it counted the same motive twice (dictators gave 0.39 of the pie against people's 0.28).
import type { ActOption, ActRequest } from '../types';

/**
 * How much of Fehr & Schmidt's α an agent's envy carries beside the other terms of act.ts. Set
 * once against the shipped validation library (docs/model.md): at their full α the library's
 * share inside the human bands falls from 86% to 57%, as the other terms were set without envy.
 */
export const FAIRNESS = 0.25;

const ENVY: readonly [number, number][] = [
  [0.3, 0],
  [0.6, 0.5],
  [0.9, 1],
  [1, 4],
];

/**
 * The kinds of envy people hold and their shares, as draws `aversion` reads (a draw inside each
 * step): what another's envy is believed to be when it is not known (anticipate.ts).
 */
export function envyKinds(): { draw: number; share: number; alpha: number }[] {
  let from = 0;
  return ENVY.map(([to, alpha]) => {
    const kind = { draw: (from + to) / 2, share: to - from, alpha };
    from = to;
    return kind;
  });
}

/** A draw (0..1) read through a discrete distribution given as [cumulative share, value] steps. */
function quantile(steps: readonly [number, number][], u: number): number {
  for (const [share, value] of steps) if (u < share) return value;
  return steps[steps.length - 1][1];
}

/** The agent's α (envy), from its draw; none without one. */
export function aversion(req: ActRequest): { envy: number } {
  return { envy: req.fairness ? quantile(ENVY, req.fairness.envy) : 0 };
}

/** The others compared with, and the valued quantities compared: those any option changes. */
export interface Comparison {
  ids: string[];
  names: string[];
}

export function comparisonOf(req: ActRequest): Comparison {
  const ids = new Set<string>(),
    names = new Set<string>();
  const shown = new Map(req.others.map((o) => [o.id, o]));
  for (const o of req.options) {
    for (const target of [...Object.keys(o.changes), ...Object.keys(o.foreseen ?? {})]) {
      const dot = target.indexOf('.');
      const owner = target.slice(0, dot),
        name = target.slice(dot + 1);
      if (owner === 'world') continue;
      names.add(name);
      if (owner !== 'me' && shown.get(owner)?.state[name] !== undefined) ids.add(owner);
    }
  }
  return { ids: [...ids], names: [...names] };
}

/** F(option): the envy it leaves the agent with, in each quantity's unit. */
export function inequity(
  req: ActRequest,
  option: ActOption,
  comparison: Comparison,
  unitOf: (name: string) => number,
): number {
  const { envy } = aversion(req);
  if (!envy || !comparison.ids.length) return 0;
  const own = new Map(req.own.map((q) => [q.name, q.value]));
  const shown = new Map(req.others.map((o) => [o.id, o]));
  const after = (owner: string, name: string, value: number): number =>
    value +
    (req.expected_close?.[`${owner}.${name}`] ?? 0) +
    (option.changes[`${owner}.${name}`] ?? 0) +
    (option.foreseen?.[`${owner}.${name}`] ?? 0);
  let f = 0;
  for (const name of comparison.names) {
    const mine = own.get(name);
    if (mine === undefined) continue;
    const me = after('me', name, mine);
    let behind = 0,
      n = 0;
    for (const id of comparison.ids) {
      const theirs = shown.get(id)?.state[name];
      if (theirs === undefined) continue;
      const x = after(id, name, theirs);
      behind += Math.max(0, x - me);
      n++;
    }
    if (n) f -= (FAIRNESS * envy * behind) / n / unitOf(name);
  }
  return f;
}
