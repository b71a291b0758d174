// What a round's phases are given (phases/kind.ts RoundRun): the round's turns in their seeded
// order, stages that run units concurrently and commit their changes in unit order through one
// book of every change kind, and the agents' steps, each after a step point.
import { hashKey } from '../../random/rng';
import { changeBook, type ChangeApply } from '../flow/stateChange';
import { runStage, type StageOptions } from '../flow/stage';
import { Pacer, type Step } from '../flow/step';
import { Tape } from '../flow/tape';
import type { Agent } from '../society/agent';
import type { PhaseStep, RoundRun } from '../phases/kind';
import type { StepPoint } from '../phases/stepPoint';
import { PHASES } from '../phases/table';
import { letGo, newTurn, type Turn } from '../phases/turn';
import { MODEL_CHANGES } from './modelChanges';
import { addTime, type RoundOptions } from './roundOptions';
import type { World } from './world';

/** Every change kind's apply: the kernel's model bookkeeping and each phase plug-in's. */
const commitChange: ChangeApply<World> = changeBook<World>(MODEL_CHANGES, ...PHASES.map((p) => p.changes));

/** Agents in this round's turn order: sorted by a hash of (seed, round, id), so insertions don't reshuffle. */
export function turnOrder(world: World, round: number): Agent[] {
  return [...world.agents.values()]
    .map((a) => ({ a, h: hashKey(world.seed, 'order', round, a.id) }))
    .sort((x, y) => x.h - y.h || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map((x) => x.a);
}

/** What the kernel's round runner lends a round: its options, gate, progress counter and step points. */
export interface RoundHost {
  world: World;
  opts: RoundOptions;
  gated: boolean;
  finished: { units: number };
  point(p: StepPoint, signal?: AbortSignal): void | Promise<void>;
}

/** Round `r`'s run: every agent's turn in the round's order, its stages and step points. */
export function roundRun(host: RoundHost, r: number, signal?: AbortSignal): RoundRun {
  const w = host.world;
  const times = host.opts.phaseTimes;
  const turns = turnOrder(w, r).map((a) => newTurn(a, new Tape(), signal));
  const stage: StageOptions = {
    width: host.gated ? 1 : (host.opts.concurrency ?? width(w)),
    emit: (e) => w.emit(e),
    commit: times
      ? (c) => {
          const t = performance.now();
          commitChange(w, c);
          addTime(times, 'commit', t);
        }
      : (c) => commitChange(w, c),
    reversed: host.opts.reversedUnits === true,
    yieldEvery: host.opts.yieldEvery ?? 64,
    counter: host.finished,
    // No signal: a stage's units see the stop at their next step point, and settle together.
    pacer: new Pacer(),
  };
  // An agent's steps `list[from…]`, as plain calls while nothing has to wait (flow/step.ts).
  const steps = (t: Turn, tape: Tape, i: number, list: readonly PhaseStep[], declared?: string, from = 0): Step => {
    t.tape = tape;
    for (let p = from; p < list.length; p++) {
      const s = list[p];
      const at = { kind: 'phase', round: r, agent: t.agent.id, phase: s.name, turn: i } as const;
      const held = host.point(declared ? { ...at, step: declared } : at, signal);
      const running = held ? held.then(() => s.run(w, t)) : s.run(w, t);
      if (running) return running.then(() => steps(t, tape, i, list, declared, p + 1));
    }
  };
  return {
    round: r,
    turns,
    signal,
    last: false,
    slots: [],
    stage: (units, work) => runStage(units, work, stage),
    steps: (t, tape, i, list, declared) => steps(t, tape, i, list, declared),
    point: (p) => host.point(p, signal),
  };
}

/** Nothing reads the round's turns now: the checkpoint after the round need not hold them too. */
export function letRoundGo(run: RoundRun): void {
  for (const t of run.turns) letGo(t);
  run.slots.length = 0;
}

/**
 * Default stage width. With only the offline model (which answers at once): Σ concurrency of
 * the models in use. With a model that waits: every unit at once — a unit waiting for an answer
 * holds no call slot, and each model's own `concurrency` still bounds its calls, so queuing
 * every agent's next call keeps the slots full to the end of the stage instead of idling while
 * the last agents' chains run (200 agents × 5 rounds at concurrency 64: wall/bound 1.29 → 1.11).
 */
function width(world: World): number {
  const names = new Set<string>();
  for (const a of world.agents.values()) names.add(a.model);
  if (world.settings.coaching.enabled) names.add(world.coachModel());
  let sum = 0;
  for (const n of names) {
    if (!world.answersByRule(n)) return Number.MAX_SAFE_INTEGER;
    sum += Math.max(1, world.config(n).concurrency || 1);
  }
  return Math.max(1, sum);
}
