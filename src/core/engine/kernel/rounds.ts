// The kernel: setup (round 0), then each round fires timed events, runs the round's plan through
// the phase plug-ins (phases/table.ts), closes the world's round, decays unused ties and reports
// stats. Within a stage the agents are independent, so their model calls are in flight together
// (bounded by the models' `concurrency`); events are published in canonical order (rooms, then
// agents in the round's seeded turn order), so the trace is the same however calls interleave.
// With a gate (a debugger) agents run one by one and the gate can hold the run before any step.
import type { UsageTotals } from '../../trace/events';
import { hashKey } from '../../random/rng';
import { isInstant } from '../../format';
import { changeBook, type ChangeApply } from '../flow/stateChange';
import { runStage, type StageOptions } from '../flow/stage';
import { Pacer, type Step } from '../flow/step';
import { Tape } from '../flow/tape';
import type { Agent } from '../society/agent';
import { allPersonas } from '../society/population';
import { roundPlan, type PlannedPhase } from '../society/roundPlan';
import { TIE_FLOOR } from '../society/ties';
import { phaseRuns } from '../phases/act/guard';
import { closeWorldRound, moduleEndRound } from '../phases/act/roundClose';
import type { PhaseKind, PhaseStep, RoundRun } from '../phases/kind';
import type { StepPoint } from '../phases/stepPoint';
import { PHASES, phaseKind } from '../phases/table';
import { letGo, newTurn, type Turn } from '../phases/turn';
import { nextGeneration } from './generations';
import { addAgent, linkRelationships } from './membership';
import { MODEL_CHANGES } from './modelChanges';
import { fireEvents } from './timed-events';
import { applyEdits } from './edits';
import { Judges } from './judging';
import { administerSurveys } from './surveys';
import type { WorldEdit } from '../../trace/edits';
import { emptyUsage, type World } from './world';

/** What the kernel shares with its host (the Simulation): the gate, where it stands, how far it got. */
export interface RunControl {
  /** Called before every step; may return a promise to hold the simulation there (debugger). */
  gate?: (p: StepPoint) => void | Promise<void>;
  /** Called after each round_end, once the events are emitted (flush, checkpoint). */
  afterRound?: (round: number, final: boolean) => void | Promise<void>;
  /** The step about to run or running. */
  current?: StepPoint;
  /** Last completed round (−1 before setup). */
  completed: number;
}

export interface RoundOptions {
  /** Model config name every agent uses (`--model`). */
  model?: string;
  yieldEvery?: number;
  reversedUnits?: boolean;
  concurrency?: number;
  /** Edits by round (a branch's, kernel/edits.ts): applied right after that round's `round_start`. */
  edits?: ReadonlyMap<number, readonly WorldEdit[]>;
  /** Where the time goes (SimulationOptions.phaseTimes): filled when given, nothing else changes. */
  phaseTimes?: PhaseTimes;
}

/**
 * Wall ms by planned phase name (its units and its stages' commits), with the commits alone under
 * `commit` too, and the kernel's own work between phases under `kernel` (the benchmark's profile).
 */
export type PhaseTimes = Map<string, number>;

function addTime(times: PhaseTimes, key: string, since: number): number {
  const now = performance.now();
  times.set(key, (times.get(key) ?? 0) + now - since);
  return now;
}

/** Every change kind's apply: the kernel's model bookkeeping and each phase plug-in's. */
const commitChange: ChangeApply<World> = changeBook<World>(MODEL_CHANGES, ...PHASES.map((p) => p.changes));

/** Agents in this round's turn order: sorted by a hash of (seed, round, id), so insertions don't reshuffle. */
export function turnOrder(world: World, round: number): Agent[] {
  return [...world.agents.values()]
    .map((a) => ({ a, h: hashKey(world.seed, 'order', round, a.id) }))
    .sort((x, y) => x.h - y.h || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
    .map((x) => x.a);
}

export class Rounds {
  private readonly finished = { units: 0 };
  /** The phases of every round (society/roundPlan.ts), each with its plug-in. */
  private readonly plan: readonly { phase: PlannedPhase; kind: PhaseKind; lastOfKind: boolean }[];
  /** The rubric judges (`judges:`), listening to each round to score it at its end. */
  private readonly judges?: Judges;

  constructor(
    private readonly world: World,
    private readonly control: RunControl,
    private readonly opts: RoundOptions,
  ) {
    const planned = roundPlan(world.scenario);
    const kinds = planned.map(phaseKind);
    this.plan = planned.map((phase, k) => ({ phase, kind: kinds[k], lastOfKind: kinds.lastIndexOf(kinds[k]) === k }));
    if (world.scenario.judges?.length) this.judges = new Judges(world);
  }

  /** Passes a step point; a promise only when a gate is set (the debugger may hold the run here). */
  point(p: StepPoint, signal?: AbortSignal): void | Promise<void> {
    signal?.throwIfAborted();
    this.control.current = p;
    const gate = this.control.gate;
    if (!gate) return;
    return (async () => {
      await gate(p);
      signal?.throwIfAborted();
    })();
  }

  async setup(signal?: AbortSignal): Promise<void> {
    const w = this.world;
    w.round = 0;
    this.resetStats();
    await this.point({ kind: 'round_start', round: 0 }, signal);
    const personas = allPersonas(w.scenario.personas, w.scenario.population, w.seed);
    w.emit({ type: 'round_start', round: 0, agents: personas.length });
    const names = new Map(personas.map((p) => [p.id, p.name]));
    for (const p of personas) addAgent(w, p, 'initial', this.opts.model, names);
    linkRelationships(w, personas);
    if (w.state) {
      for (const p of personas) w.state.of(p.id);
      // As every round's end: a scenario with actions or feeds but no quantity has no state to show.
      if (w.state.hasQuantities) w.emit(w.state.stateEvent(0));
    }
    await administerSurveys(w, 0, signal);
    await this.point({ kind: 'round_end', round: 0 }, signal);
    this.endRound(0);
    await this.control.afterRound?.(0, false);
  }

  async round(r: number, signal?: AbortSignal): Promise<void> {
    const w = this.world;
    const times = this.opts.phaseTimes;
    let t0 = times ? performance.now() : 0;
    w.round = r;
    this.resetStats();
    await this.point({ kind: 'round_start', round: r }, signal);
    w.emit({ type: 'round_start', round: r, agents: w.agents.size });
    const edits = this.opts.edits?.get(r);
    if (edits) applyEdits(w, edits);
    fireEvents(w, w.scenario.events, this.opts.model);
    // Where everyone is this part of the day, before any phase draws partners or reads `.place`.
    if (w.places) w.emit(w.places.placeRound(r, [...w.agents.values()]));
    // Who plays with whom this round (`matching:`), before any phase reads `partner`.
    const matches = w.state?.matches;
    if (matches) {
      w.emit(
        matches.draw(
          r,
          [...w.agents.values()].map((a) => ({ id: a.id, group: a.persona.group })),
        ),
      );
    }
    const turns = turnOrder(w, r).map((a) => newTurn(a, new Tape(), signal));
    const run = this.roundRun(r, turns, signal);
    for (const { kind, lastOfKind } of this.plan) if (lastOfKind) kind.beginRound?.(w, run);
    for (let k = 0; k < this.plan.length; k++) {
      const { phase, kind, lastOfKind } = this.plan[k];
      run.last = k === this.plan.length - 1;
      if (times) t0 = addTime(times, 'kernel', t0);
      if (!phase.runs || phaseRuns(w, phase)) await kind.run(w, run, phase);
      if (lastOfKind) kind.doneForRound?.(run);
      if (times) t0 = addTime(times, phase.name, t0);
    }
    // Nothing reads the turns now: the checkpoint in afterRound need not hold them too.
    for (const t of turns) letGo(t);
    run.slots.length = 0;
    if (w.state) {
      await closeWorldRound(w, signal);
      // The round's last word on the state is out; then one generation makes way for the next.
      nextGeneration(w);
    } else moduleEndRound(w);
    await administerSurveys(w, r, signal);

    await this.point({ kind: 'round_end', round: r }, signal);
    const cfg = w.settings.ties;
    const dissolved = w.ties.decay(r, cfg.decay, cfg.threshold, TIE_FLOOR);
    w.emit({ type: 'tie_decay', round: r, rate: cfg.decay, floor: TIE_FLOOR, dissolved });
    await this.judges?.judgeRound(r, signal);
    this.endRound(r);
    if (times) addTime(times, 'kernel', t0);
    await this.control.afterRound?.(r, false);
  }

  /** What the round's phases are given: its turns, its stages, the step points. */
  private roundRun(r: number, turns: readonly Turn[], signal?: AbortSignal): RoundRun {
    const w = this.world;
    const times = this.opts.phaseTimes;
    const stage: StageOptions = {
      width: this.control.gate ? 1 : (this.opts.concurrency ?? this.width()),
      emit: (e) => w.emit(e),
      commit: times
        ? (c) => {
            const t = performance.now();
            commitChange(w, c);
            addTime(times, 'commit', t);
          }
        : (c) => commitChange(w, c),
      reversed: this.opts.reversedUnits === true,
      yieldEvery: this.opts.yieldEvery ?? 64,
      counter: this.finished,
      // No signal: a stage's units see the stop at their next step point, and settle together.
      pacer: new Pacer(),
    };
    // An agent's steps `list[from…]`, as plain calls while nothing has to wait (flow/step.ts).
    const steps = (t: Turn, tape: Tape, i: number, list: readonly PhaseStep[], declared?: string, from = 0): Step => {
      t.tape = tape;
      for (let p = from; p < list.length; p++) {
        const s = list[p];
        const at = { kind: 'phase', round: r, agent: t.agent.id, phase: s.name, turn: i } as const;
        const held = this.point(declared ? { ...at, step: declared } : at, signal);
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
      point: (p) => this.point(p, signal),
    };
  }

  /**
   * Default stage width. With only the offline model (which answers at once): Σ concurrency of
   * the models in use. With a model that waits: every unit at once — a unit waiting for an answer
   * holds no call slot, and each model's own `concurrency` still bounds its calls, so queuing
   * every agent's next call keeps the slots full to the end of the stage instead of idling while
   * the last agents' chains run (200 agents × 5 rounds at concurrency 64: wall/bound 1.29 → 1.11).
   */
  private width(): number {
    const names = new Set<string>();
    for (const a of this.world.agents.values()) names.add(a.model);
    if (this.world.settings.coaching.enabled) names.add(this.world.coachModel());
    let sum = 0;
    for (const n of names) {
      if (!isInstant(this.world.config(n))) return Number.MAX_SAFE_INTEGER;
      sum += Math.max(1, this.world.config(n).concurrency || 1);
    }
    return Math.max(1, sum);
  }

  private resetStats(): void {
    this.world.roundStats = { encounters: 0, messages: 0, rewardSum: 0, rewardCount: 0, usage: emptyUsage() };
  }

  private endRound(r: number): void {
    const w = this.world,
      s = w.roundStats;
    const usage: UsageTotals = { ...s.usage };
    w.emit({
      type: 'round_end',
      round: r,
      stats: {
        agents: w.agents.size,
        encounters: s.encounters,
        messages: s.messages,
        ties: w.ties.countExisting(w.settings.ties.threshold),
        mean_reward: s.rewardCount ? s.rewardSum / s.rewardCount : 0,
        usage,
      },
    });
    this.control.completed = r;
  }
}
