// The kernel: setup (round 0), then each round opens (edits, timed events, places, matches), runs
// the round's plan through the phase plug-ins (phases/table.ts), closes the world's round through
// their `closeRound`, runs the end-of-round hooks (roundEnd.ts) and the instruments
// (instruments/table.ts), and reports stats. Within a stage the agents are independent, so their
// model calls are in flight together (bounded by the models' `concurrency`); events are published
// in canonical order (rooms, then agents in the round's seeded turn order), so the trace is the
// same however calls interleave. With a gate (a debugger) agents run one by one and the gate can
// hold the run before any step.
import { roundPlan, type PlannedPhase } from '../society/roundPlan';
import type { PhaseKind } from '../phases/kind';
import type { StepPoint } from '../phases/stepPoint';
import { closeRound, phaseKind, runPlanned } from '../phases/table';
import { startInstruments } from '../instruments/table';
import { addTime, type RoundOptions, type RunControl } from './roundOptions';
import { letRoundGo, roundRun, type RoundHost } from './roundRun';
import { endOfRound } from './roundEnd';
import { openRound } from './roundOpen';
import { populate } from './setup';
import { emptyUsage, type World } from './world';

export class Rounds {
  private readonly finished = { units: 0 };
  /** The phases of every round (society/roundPlan.ts), each with its plug-in. */
  private readonly plan: readonly { phase: PlannedPhase; kind: PhaseKind; lastOfKind: boolean }[];
  /** The instruments the scenario declares (surveys, judges), listening to the run. */
  private readonly instruments: ReturnType<typeof startInstruments>;

  constructor(
    private readonly world: World,
    private readonly control: RunControl,
    private readonly opts: RoundOptions,
  ) {
    const planned = roundPlan(world.scenario);
    const kinds = planned.map(phaseKind);
    this.plan = planned.map((phase, k) => ({ phase, kind: kinds[k], lastOfKind: kinds.lastIndexOf(kinds[k]) === k }));
    this.instruments = startInstruments(world);
    for (const i of this.instruments) if (i.observe) world.on((e) => i.observe!(e));
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
    populate(w, this.opts.model);
    for (const i of this.instruments) await i.closed?.(0, signal);
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
    openRound(w, r, this.opts.edits?.get(r), this.opts.model);
    const run = roundRun(this.host(), r, signal);
    for (const { kind, lastOfKind } of this.plan) if (lastOfKind) kind.beginRound?.(w, run);
    for (let k = 0; k < this.plan.length; k++) {
      const { phase, kind, lastOfKind } = this.plan[k];
      run.last = k === this.plan.length - 1;
      if (times) t0 = addTime(times, 'kernel', t0);
      await runPlanned(w, run, kind, phase);
      if (lastOfKind) kind.doneForRound?.(run);
      if (times) t0 = addTime(times, phase.name, t0);
    }
    letRoundGo(run);
    await closeRound(w, signal);
    endOfRound(w, r, 'closed');
    for (const i of this.instruments) await i.closed?.(r, signal);
    await this.point({ kind: 'round_end', round: r }, signal);
    endOfRound(w, r, 'ended');
    for (const i of this.instruments) await i.ended?.(r, signal);
    this.endRound(r);
    if (times) addTime(times, 'kernel', t0);
    await this.control.afterRound?.(r, false);
  }

  /** What a round's run borrows of the runner. */
  private host(): RoundHost {
    return {
      world: this.world,
      opts: this.opts,
      gated: this.control.gate !== undefined,
      finished: this.finished,
      point: (p, signal) => this.point(p, signal),
    };
  }

  private resetStats(): void {
    this.world.roundStats = { encounters: 0, messages: 0, rewardSum: 0, rewardCount: 0, usage: emptyUsage() };
  }

  private endRound(r: number): void {
    const w = this.world,
      s = w.roundStats;
    const usage = { ...s.usage };
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
