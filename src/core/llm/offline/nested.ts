// Choose the action, then its arguments (docs/model.md, "How many ways an action can be taken").
// A softmax over every (action, arguments) pair makes an action chosen more often the more values
// its arguments can take: with twenty places to go, "go" beats "stay" by sheer number. People do
// not choose that way, and a choice rule should not either (the duplicated-alternative problem of
// Debreu 1960; nested logit, McFadden 1978). So:
//
//   1. ways of taking an action that are worth the same are one alternative (a level);
//   2. an action is worth the log-mean-exp of its levels, U_a = max + ln(mean_l e^{β(u_l − max)})/β
//      — between their mean and their best, and the same however many levels there are alike;
//   3. the action is drawn by a softmax over U_a, then a level of it by a softmax over u_l, then
//      one way of that level uniformly.
//
// With one way per action this is the softmax it replaces.
import type { Rng } from '../../random/rng';
import type { Candidate } from './continuum';

/** Utilities this close are one level (they differ only by floating-point rounding). */
const SAME = 1e-9;

interface Level {
  u: number;
  ways: Candidate[];
}

function levelsOf(ways: readonly Candidate[]): Level[] {
  const byU = new Map<number, Level>();
  for (const c of ways) {
    const k = Math.round(c.u / SAME);
    const l = byU.get(k);
    if (l) l.ways.push(c);
    else byU.set(k, { u: c.u, ways: [c] });
  }
  return [...byU.values()];
}

function softmaxPick(us: readonly number[], beta: number, rng: Rng): number {
  let max = -Infinity;
  for (const x of us) if (x > max) max = x;
  return Math.max(
    0,
    rng.weightedOf(us.length, (i) => Math.exp(beta * (us[i] - max))),
  );
}

/** An action's worth from its levels: the log-mean-exp at `beta`. */
export function actionWorth(levels: readonly { u: number }[], beta: number): number {
  let max = -Infinity;
  for (const l of levels) if (l.u > max) max = l.u;
  let s = 0;
  for (const l of levels) s += Math.exp(beta * (l.u - max));
  return max + Math.log(s / levels.length) / beta;
}

export function chooseNested(ways: readonly Candidate[], beta: number, rng: Rng): Candidate {
  const byAction = new Map<string, Candidate[]>();
  for (const c of ways) {
    const list = byAction.get(c.option.action);
    if (list) list.push(c);
    else byAction.set(c.option.action, [c]);
  }
  const actions = [...byAction.values()].map(levelsOf);
  const a =
    actions[
      softmaxPick(
        actions.map((ls) => actionWorth(ls, beta)),
        beta,
        rng,
      )
    ];
  const level =
    a[
      a.length === 1
        ? 0
        : softmaxPick(
            a.map((l) => l.u),
            beta,
            rng,
          )
    ];
  return level.ways.length === 1 ? level.ways[0] : level.ways[rng.int(level.ways.length)];
}

/**
 * The chance of each way under chooseNested's rule: the action's softmax over U_a, times the
 * level's softmax within the action, shared evenly among the level's ways. No draw.
 */
export function wayChances(ways: readonly Candidate[], beta: number): number[] {
  const byAction = new Map<string, Level[]>();
  const levelOf = new Map<Candidate, Level>();
  const names = new Set(ways.map((c) => c.option.action));
  for (const action of names) {
    const levels = levelsOf(ways.filter((c) => c.option.action === action));
    byAction.set(action, levels);
    for (const l of levels) for (const c of l.ways) levelOf.set(c, l);
  }
  const worth = new Map([...byAction].map(([action, levels]) => [action, actionWorth(levels, beta)]));
  const softmax = (xs: readonly number[], x: number): number => {
    let max = -Infinity;
    for (const y of xs) if (y > max) max = y;
    let s = 0;
    for (const y of xs) s += Math.exp(beta * (y - max));
    return Math.exp(beta * (x - max)) / s;
  };
  const worths = [...worth.values()];
  return ways.map((c) => {
    const levels = byAction.get(c.option.action)!;
    const l = levelOf.get(c)!;
    const pAction = softmax(worths, worth.get(c.option.action)!);
    const pLevel = softmax(
      levels.map((x) => x.u),
      l.u,
    );
    return (pAction * pLevel) / l.ways.length;
  });
}
