// One run, assembled in one place for every host (the CLI, the editor, the debugger, experiments):
// the simulation with its models (run/runModels.ts), fresh or restored from a checkpoint; its
// trace, begun or continued; the tallies
// a run's summary needs (rewards, faults, round figures); and after each round a flush, the host's
// pause, and a checkpoint when one is due. Hosts keep only their own interface code: options,
// messages, signals, progress.
import type { Scenario } from '../format';
import type { RoundStats, TraceEvent, TraceHeader } from '../trace/events';
import { TraceWriter } from '../trace/writer';
import { OffThreadTraceWriter } from '../trace/offThreadWriter';
import type { TraceOutput } from '../trace/traceOutput';
import { engineThreads, traceOffThread } from './engineThreads';
import { FaultTally } from '../trace/faultTally';
import {
  checkpointDue,
  checkpointInterval,
  writeCheckpoint,
  writeCheckpointAsync,
  checkpointModel,
  type Checkpoint,
} from '../engine';
import { RewardTally } from '../engine';
import { eventLoopTurn } from '../engine';
import { RunFailure } from '../engine';
import { Simulation, type RestoreOptions, type RunResult, type SimulationOptions } from '../engine';
import type { ModelRegistry } from '../llm/registry';
import { runModels, type ModelWiring, type RunModels } from './runModels';

export interface RunTrace {
  /** Where the trace goes. */
  path: string;
  /** Run before the file is opened (a host clearing an old run only once it knows the trace can be written). */
  beforeOpen?: () => void;
  /** Keep the trace's per-round index beside it (trace/roundIndex.ts); default true. */
  index?: boolean;
  /**
   * The engine's threads (engineThreads.ts): 2 or more write the trace on a thread of its own.
   * Default: $SOCIETY_ENGINE_THREADS, else 1.
   */
  threads?: number;
}

export interface CheckpointPlan {
  /** Where checkpoints are written. */
  path: string;
  /** Rounds between checkpoints; default by the society's size (checkpointInterval). */
  every?: number;
  /** Write piece by piece without blocking (the extension host); default: at once (a CLI). */
  async?: boolean;
}

/** What a run's simulation is made from. */
export interface RunPlan {
  /** Start from this checkpoint (its trace is continued where the checkpoint says it ends). */
  resume?: { checkpoint: Checkpoint; memories?: RestoreOptions['memories'] };
  /** Simulation options (seed and rounds are the checkpoint's on resume); its models are the harness's. */
  simulation?: Omit<SimulationOptions, keyof ModelWiring>;
  /** What the host knows of the models (keys, cache, listeners); default: keys from the environment. */
  models?: RunModels;
}

/** A run's simulation and its models, nothing written yet: `RunHarness.attach` opens its trace. */
export interface PreparedSimulation {
  readonly sim: Simulation;
  readonly models: ModelRegistry;
  /** The checkpoint the simulation was restored from. */
  readonly resumed?: Checkpoint;
}

/** How a prepared run is driven: its trace, checkpoints, listeners and the host's pauses. */
export interface RunHarnessOptions {
  trace?: RunTrace;
  checkpoints?: CheckpointPlan;
  /** Listeners attached after the trace writer and tallies, in order. */
  listeners?: ((e: TraceEvent) => void)[];
  /** Awaited after each round but the last (`round`, just ended), once the trace is flushed (a view catching up). */
  pace?: (round: number) => Promise<void>;
  /** Called after each round once it is flushed and checkpointed (progress, a worker's report). */
  onRoundEnd?: (round: number, of: number) => void;
  /**
   * Asked after each round: checkpoint now even if none is due (a Ctrl-C finishing the round),
   * and stop after it. Answers false by default.
   */
  stopAfterRound?: () => boolean;
}

/** A run as a host drives it. */
export class RunHarness {
  readonly sim: Simulation;
  /** The run's models: spend, embedding usage, labels for the host to report. */
  readonly models: ModelRegistry;
  readonly writer?: TraceOutput;
  readonly rewards: RewardTally;
  readonly faults = new FaultTally();
  /** Round figures after round 0, for experiments' outcomes. */
  readonly rounds: { round: number; stats: RoundStats }[] = [];
  /** The round of the newest checkpoint (the resumed one's until a new one is written). */
  checkpointed?: number;
  /** Set when a round ended with stopAfterRound() true: the run stopped there, checkpointed. */
  stoppedAtRoundEnd = false;
  private readonly stopper = new AbortController();

  private constructor(
    { sim, models, resumed: cp }: PreparedSimulation,
    writer: TraceOutput | undefined,
    options: RunHarnessOptions,
  ) {
    this.sim = sim;
    this.models = models;
    this.writer = writer;
    this.rewards = new RewardTally(cp?.reward_tally);
    this.checkpointed = cp?.completed;
    if (writer) sim.on(writer.listener);
    sim.on(this.rewards.listener);
    sim.on(this.faults.listener);
    sim.on((e) => {
      if (e.type === 'round_end' && e.round > 0) this.rounds.push({ round: e.round, stats: e.stats });
    });
    for (const l of options.listeners ?? []) sim.on(l);
    let every = options.checkpoints?.every;
    sim.afterRound = async (round, final) => {
      await writer?.flush();
      // Every round's end is a turn of the event loop for what waits on it (Ctrl-C, a pause or
      // stop from the editor): a file trace's writes, synchronous now, no longer give one.
      await eventLoopTurn();
      if (!final) await options.pace?.(round);
      const stop = !final && (options.stopAfterRound?.() ?? false);
      const plan = options.checkpoints;
      if (plan && writer) {
        every ??= checkpointInterval(sim.world.agents.size); // set up (round 0) or restored: everyone is placed
        if (stop || checkpointDue(round, final, every, sim.rounds)) {
          await this.checkpoint(plan, writer);
          this.checkpointed = round;
        }
      }
      options.onRoundEnd?.(round, sim.rounds);
      if (stop) {
        this.stoppedAtRoundEnd = true;
        this.stopper.abort();
      }
    };
  }

  /**
   * Opens a run: `prepare`, then `attach`. A trace that cannot be opened throws with the file
   * system's error.
   */
  static open(scenario: Scenario, options: RunPlan & RunHarnessOptions): RunHarness {
    return RunHarness.attach(RunHarness.prepare(scenario, options), options);
  }

  /**
   * Builds the run's models from the scenario with the run's seed and rounds (the checkpoint's on
   * resume), then restores or creates the simulation over them. Any step may throw (a missing key
   * with `buildFirst`, a changed scenario, an unknown model); nothing is written.
   */
  static prepare(scenario: Scenario, plan: RunPlan): PreparedSimulation {
    const cp = plan.resume?.checkpoint;
    const given = plan.simulation ?? {};
    // On resume every agent keeps the checkpoint's model (Simulation.restore holds to it).
    const recorded = cp ? checkpointModel(cp) : undefined;
    const { registry, wiring } = runModels(
      scenario,
      {
        seed: cp?.header.seed ?? given.seed,
        rounds: cp?.header.rounds ?? given.rounds,
        model: recorded !== undefined ? (recorded ?? undefined) : given.model,
      },
      plan.models,
    );
    const sim = cp
      ? Simulation.restore(scenario, cp, { ...given, ...wiring, memories: plan.resume?.memories })
      : Simulation.create(scenario, { ...given, ...wiring });
    return { sim, models: registry, resumed: cp };
  }

  /**
   * Opens the trace of a prepared run (the editor shows its header and asks about its cost before
   * it writes anything), continuing a resumed one or writing a fresh header.
   */
  static attach(run: PreparedSimulation, options: RunHarnessOptions): RunHarness {
    const cp = run.resumed;
    const sim = run.sim;
    let writer: TraceOutput | undefined;
    const trace = options.trace;
    if (trace) {
      trace.beforeOpen?.();
      const opts = { index: trace.index ?? true };
      const file = cp
        ? TraceWriter.appendToFile(trace.path, cp.trace!, undefined, opts)
        : TraceWriter.toFile(trace.path, undefined, opts);
      if (!cp) file.header(sim.header);
      // Opened (or failed) here, then handed to its own thread when the engine has threads to spare.
      writer = traceOffThread(engineThreads(trace.threads)) ? new OffThreadTraceWriter(file) : file;
    }
    return new RunHarness(run, writer, options);
  }

  get header(): TraceHeader {
    return this.sim.header;
  }

  /**
   * Runs to the end, until `signal` aborts, or until a round end the host asked to stop at. The
   * trace is closed either way; a stopped run's trace is cut back to its last whole round. A run
   * that throws (a replay cache miss) leaves the trace valid up to its last round, and rethrows.
   */
  async run(signal?: AbortSignal): Promise<RunResult> {
    const both = signal ? AbortSignal.any([signal, this.stopper.signal]) : this.stopper.signal;
    let result: RunResult;
    try {
      result = await this.sim.run(both);
    } catch (err) {
      this.writer?.discard();
      // Why the run stopped, after its last whole round (engine/flow/runFailure.ts).
      if (err instanceof RunFailure) this.writer?.epilogue(err.event);
      await this.writer?.close();
      throw err;
    }
    if (result.status === 'aborted') this.writer?.discard();
    await this.writer?.close();
    return result;
  }

  /** Flushes and closes the trace (a debugged run, driven step by step, ends here). */
  async close(): Promise<void> {
    if (!this.writer) return;
    await this.writer.flush();
    await this.writer.close();
  }

  private async checkpoint(plan: CheckpointPlan, writer: TraceOutput): Promise<void> {
    const snap = this.sim.checkpointDraft();
    snap.trace = { bytes: writer.bytes, lines: writer.lines };
    snap.reward_tally = this.rewards.toJSON();
    if (plan.async) await writeCheckpointAsync(plan.path, snap);
    else writeCheckpoint(plan.path, snap);
  }
}
