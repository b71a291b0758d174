// Beliefs with uncertainty (issue 85, item 3): an agent does not know what its peers will put in;
// its expectation is a distribution, and the round's close is weighed over it. Where the close is
// linear in the others' amounts (a pot shared out) the mean says all and nothing changes. Where it
// steps or kinks — a threshold the group's pot must reach, a refund when it falls short, a cap — a
// point belief makes the close a certainty (the pot is reached, or it is not), so giving has no
// value as insurance against others falling short and a refund none as a guarantee (Isaac, Schmidtz
// & Walker 1989; Cadsby & Maynes 1999; Croson & Marks 2000 find both matter to people). Here the
// close is the mean over SPREAD_POINTS equally likely strata of the belief (each at its median: the
// normal's quantiles at (k − ½)/K). K is even, so no point sits at the mean: a group expected to
// reach a threshold exactly is as likely short as not, where a point there would count it reached.
// Three points (Gauss–Hermite) were tried first and read a step between them as a slope: one's own
// amount was never pivotal (docs/model.md).
import type { Agent } from '../../society/agent';
import { valued, type WorldState } from '../../society/worldState';
import { Foresight, type Moves } from './foresight';
import { normalQuantile } from '../../../stats/distributions';
import { nameRecord } from '../../../text/nameRecord';

type Values = Record<string, number>;

/** What the decision looks ahead with: what an option's changes bring back, and the close without it. */
export interface Foreseeing {
  of(moves: Moves): Values | undefined;
  expectedClose(): Values;
  /** Over a spread belief, a close that steps: amounts are worth weighing at sixths (a step between thirds reads as a slope). */
  readonly fine?: boolean;
  /** Over the belief's spread: the mean brought back, and per own quantity the loss the spread adds (SpreadForesight). */
  weigh?(moves: Moves): { mean: Values; downside: Values } | undefined;
}

/** How many equally likely points of the belief the close is weighed at where it bends (even: none at the mean). */
export const SPREAD_POINTS = 8;

/** The points, in SDs of the belief from its mean: the medians of K equal-probability strata of the normal. */
export const SPREAD_Z: readonly number[] = Array.from({ length: SPREAD_POINTS }, (_, k) =>
  normalQuantile((k + 0.5) / SPREAD_POINTS),
);

/**
 * Where an update bends so that the mean of the others' amounts misleads: a step (a comparison, a
 * threshold a total must reach, or rounding) or a kink (min/max/abs: a cap, a floor). A comparison
 * with zero guards a division (a share of nothing) and is no step. Smooth curves (a share of a
 * pool, a product) are read at the mean: their error is of the second order, and weighing them
 * over the belief costs each decision SPREAD_POINTS closes (a 40-player common pool: 1.38× CPU).
 */
const STEP = /<|>|==|!=|\b(floor|ceil|round|int|sign)\s*\(/;
const KINK = /\b(min|max|abs)\s*\(/;
const ZERO_TEST = /(<=|>=|==|!=|<|>)\s*0(\.0+)?(?![\d.])|(?<![\w.])0(\.0+)?\s*(<=|>=|==|!=|<|>)/g;

/** How the close the agents weigh responds to the others' amounts: where it bends, and whether it steps. */
export interface CloseShape {
  bends: boolean;
  steps: boolean;
}

const shapeCache = new WeakMap<object, CloseShape>();

/**
 * The shape of the close: of each valued agent quantity's update and each world update it reads
 * (through others, to any depth). Read from the expressions once per scenario.
 */
export function closeShape(state: WorldState): CloseShape {
  const compiled = state.compiled;
  let c = shapeCache.get(compiled);
  if (!c) {
    const world = new Map(compiled.worldUpdates.map((u) => [u.quantity.name, u.expression]));
    const todo = compiled.agentUpdates.filter((u) => valued(u.quantity)).map((u) => u.expression);
    const seen = new Set<string>();
    c = { bends: false, steps: false };
    while (todo.length && !c.steps) {
      const e = todo.pop()!;
      c.steps ||= STEP.test(e.replace(ZERO_TEST, ' '));
      c.bends ||= c.steps || KINK.test(e);
      for (const m of e.matchAll(/\bworld\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const read = world.get(m[1]);
        if (read !== undefined && !seen.has(m[1])) {
          seen.add(m[1]);
          todo.push(read);
        }
      }
    }
    shapeCache.set(compiled, c);
  }
  return c;
}

/** The close weighed over the belief's points, equally: each a point foresight of its own. */
class SpreadForesight implements Foreseeing {
  constructor(
    private readonly points: readonly Foresight[],
    private readonly self: string,
    /** The close steps: amounts are weighed at sixths, not thirds (a step between two is read as a slope). */
    readonly fine: boolean,
  ) {}

  of(moves: Moves): Values | undefined {
    return this.weigh(moves)?.mean;
  }

  /**
   * The mean of what the option brings back over the belief's points, and per own quantity (`me.q`)
   * the loss its spread adds: the option's whole outcome o (its change at once and what it brings
   * back, against not taking it) falls below nothing on some points, and E[max(0, −o)] − max(0,
   * −E[o]) is how much more is lost on average than at the mean outcome (0 where the outcome is the
   * same at every point: a certain cost is weighed as it always was).
   */
  weigh(moves: Moves): { mean: Values; downside: Values } | undefined {
    const each = this.points.map((f) => f.of(moves));
    // Nothing read by any update (the same at every point), or an update that failed: as a point would say.
    if (each.some((v) => v === undefined)) return each[0] && { mean: each[0], downside: nameRecord() };
    const all = each as Values[];
    const m = mean(all);
    const downside: Values = nameRecord();
    const now = moves.agents.get(this.self);
    const own = new Set(all.flatMap((v) => Object.keys(v).filter((k) => k.startsWith('me.'))));
    for (const k of own) {
      const at = now?.[k.slice(3)] ?? 0;
      let lost = 0;
      for (const v of all) lost += Math.max(0, -(at + (v[k] ?? 0))) / all.length;
      const more = lost - Math.max(0, -(at + (m[k] ?? 0)));
      if (more > 1e-12) downside[k] = more;
    }
    return { mean: m, downside };
  }

  expectedClose(): Values {
    return mean(this.points.map((f) => f.expectedClose()));
  }
}

function mean(values: readonly Values[]): Values {
  const out: Values = nameRecord();
  for (const v of values) for (const [k, x] of Object.entries(v)) out[k] = (out[k] ?? 0) + x / values.length;
  for (const [k, x] of Object.entries(out)) if (Math.abs(x) <= 1e-12) delete out[k];
  return out;
}

/**
 * The agent's foresight of the round's close with what it expects its peers to do: over the
 * belief's spread where the close bends with their amounts (`spread` gives the peers' moves
 * `z` SDs away, expectedMoves.ts), else at the expectation alone.
 */
export function foresightOver(
  state: WorldState,
  agent: Agent,
  seen: readonly string[],
  n: number,
  round: number,
  expected: Moves | undefined,
  spread: (z: number) => Moves | undefined,
): Foreseeing {
  const at = (moves: Moves | undefined) => new Foresight(state, agent, seen, n, round, moves);
  const shape = closeShape(state);
  if (!expected || !shape.bends) return at(expected);
  return new SpreadForesight(
    SPREAD_Z.map((z) => at(spread(z))),
    agent.id,
    shape.steps,
  );
}
