// A run of a scenario: its world, made or restored (kernel/openWorld.ts), driven round by round
// by the kernel (kernel/rounds.ts) through the phase plug-ins, with the seams its hosts use — a
// gate for the debugger, an afterRound for flushing and checkpoints, interviews between steps.
import { type Scenario, settingsFromScenario } from '../../format';
import type { MemoryRecord, TraceHeader } from '../../trace/events';
import type { Agent } from '../society/agent';
import { MemoryStream } from '../memory/memoryStream';
import { buildHeader } from '../society/header';
import type { Checkpoint, CheckpointDraft } from '../persist/checkpoint';
import { loadSocietyModule, ModuleNotAllowed, modulePath } from '../phases/act/societyModule';
import type { StepPoint } from '../phases/stepPoint';
import { interview } from './interview';
import { checkModel, checkScenario, newWorld, restoredModel, restoredWorld, type WorldModels } from './openWorld';
import { Rounds } from './rounds';
import type { PhaseTimes, RunControl } from './roundOptions';
import { checkpointDraft, wholeCheckpoint, type RunProgress } from './snapshot';
import type { Listener, World } from './world';
import type { WorldEdit } from '../../trace/edits';

export type { StepPoint };

export interface SimulationOptions extends WorldModels {
  /** The scenario's `module:` may be loaded and run (a trusted workspace; `--allow-module`). */
  allowModule?: boolean;
  /** Longest one call of a module's hook may run, in ms (default HOOK_TIME_LIMIT_MS, engine/flow/timedCall.ts). */
  moduleTimeLimitMs?: number;
  /** Overrides scenario.seed. */
  seed?: number;
  /** Overrides scenario.world.rounds. */
  rounds?: number;
  /** Scenario file, recorded in the header. */
  file?: string;
  /** Model config name every agent uses (`society run --model`). */
  model?: string;
  /** Units of work (an agent's stage, a room) between yields to the event loop (default 64). */
  yieldEvery?: number;
  /**
   * Run every stage's units last to first; the trace must not change (test/unit/engine/unitOrder.test.ts):
   * units that read only the state at their stage's start are what worker threads need.
   */
  reversedUnits?: boolean;
  /**
   * Agents in flight at once within a stage. Default: every agent when a model that waits (an
   * LLM) is in use, else the sum of the `concurrency` of the models the agents and the coach use.
   * 1 runs them one by one (as with a gate); the trace is the same.
   */
  concurrency?: number;
  /**
   * The coaching guard's seam (test/unit/engine/coachingOnlyThroughMemory.test.ts): the coach still
   * advises and its `advice` events are written, but no agent stores the advice as a memory. The
   * model's rule is that coaching acts only through memory, so coached runs then equal uncoached ones.
   */
  withholdAdviceMemories?: boolean;
  /**
   * False: agents do not learn from consequences (engine/society/experience.ts) — the offline model
   * weighs only what an action changes at once, as before issue 45. The seam of the benchmark's
   * A/B and of the tests that show what learning changes.
   */
  learning?: boolean;
  /**
   * A branch's edits, by the round at whose start they apply (kernel/edits.ts): the run is its
   * parent's up to that round's `round_start`, and the edits' events come next.
   */
  edits?: ReadonlyMap<number, readonly WorldEdit[]>;
  /** A branch's digest of all its edits (trace/branchRecord.ts editsDigest): each checkpoint keeps it. */
  branchEdits?: string;
  /** Filled with the wall ms of each phase, the commits and the kernel (bench/engineChild.ts's profile). */
  phaseTimes?: PhaseTimes;
}

export interface RunResult {
  status: 'completed' | 'aborted';
  completed: number;
}

export interface RestoreOptions extends Omit<SimulationOptions, 'seed' | 'rounds'> {
  /** Memory streams by agent id, for a checkpoint that keeps them in its trace. */
  memories?: ReadonlyMap<string, MemoryRecord[]>;
}

export class Simulation implements RunControl, RunProgress {
  /** Last completed round (−1 before setup). */
  completed = -1;
  ended = false;
  /** Called before every step; may return a promise to hold the simulation there (debugger). */
  gate?: (p: StepPoint) => void | Promise<void>;
  /** Called after each round_end and after run_end, once the events are emitted (flush, checkpoint). */
  afterRound?: (round: number, final: boolean) => void | Promise<void>;
  /** The step about to run or running. */
  current?: StepPoint;
  /** The `--model` every agent uses, as the checkpoint records it (null: each persona's own). */
  readonly model: string | null;
  /** A branch's digest of its edits, as its checkpoints record it. */
  readonly branchEdits?: string;
  private broken = false;
  /** The agents' memory streams were let go (forgetMemories). */
  private forgotten = false;
  private readonly rounds_: Rounds;

  private constructor(
    readonly world: World,
    readonly header: TraceHeader,
    private readonly opts: SimulationOptions,
  ) {
    world.forcedModel = opts.model;
    this.model = opts.model ?? null;
    if (opts.branchEdits !== undefined) this.branchEdits = opts.branchEdits;
    if (opts.moduleTimeLimitMs !== undefined) world.moduleTimeLimitMs = opts.moduleTimeLimitMs;
    world.withholdAdviceMemories = opts.withholdAdviceMemories === true;
    world.learning = opts.learning !== false;
    this.rounds_ = new Rounds(world, this, opts);
    // Refused before any trace is opened: a host that has not allowed code gets nothing half-made.
    if (world.scenario.module && !opts.allowModule) {
      throw new ModuleNotAllowed(
        `${world.scenario.name} names a module (${world.scenario.module}): its code runs with your rights, so it is ` +
          'loaded only in a trusted workspace, or with --allow-module on the command line',
      );
    }
  }

  static create(scenario: Scenario, opts: SimulationOptions = {}): Simulation {
    const seed = opts.seed ?? scenario.seed;
    const rounds = opts.rounds ?? scenario.world.rounds;
    checkModel(scenario, opts.model);
    const header = buildHeader(scenario, { seed, rounds, file: opts.file });
    const settings = settingsFromScenario(scenario);
    settings.world.rounds = rounds;
    return new Simulation(newWorld(scenario, seed, settings, opts), header, opts);
  }

  /**
   * Continue from a checkpoint; the scenario must be the one the run started with. The model
   * override (`--model`) is the checkpoint's: `opts.model` may only repeat it (checkpoints written
   * before it was recorded take `opts.model` as given). A checkpoint file keeps the memory streams
   * in the trace (`memories_in_trace`): pass them as `opts.memories` (replay/traceMemories.ts
   * memoriesFromTrace over the checkpoint's trace prefix); they are taken over, not copied.
   */
  static restore(scenario: Scenario, cp: Checkpoint, opts: RestoreOptions = {}): Simulation {
    checkScenario(scenario, cp);
    opts = { ...opts, model: restoredModel(cp, opts.model) };
    checkModel(scenario, opts.model);
    const sim = new Simulation(restoredWorld(scenario, cp, opts, opts.memories), cp.header, opts);
    sim.completed = cp.completed;
    sim.ended = cp.ended;
    return sim;
  }

  get rounds(): number {
    return this.header.rounds;
  }
  get seed(): number {
    return this.header.seed;
  }
  on(l: Listener): () => void {
    return this.world.on(l);
  }
  agent(id: string): Agent | undefined {
    return this.world.agents.get(id);
  }

  /** Run to the end (or until aborted). Safe to call again after completion (does nothing). */
  async run(signal?: AbortSignal): Promise<RunResult> {
    if (this.broken) throw new Error('this simulation was interrupted mid-round; restore it from a checkpoint');
    if (this.forgotten) throw new Error("this simulation's memories were let go; restore it from a checkpoint");
    try {
      // The scenario's module: loaded once before the first round it runs, only when the host
      // allows code to run (a trusted workspace, `--allow-module`), never by validation.
      const name = this.world.scenario.module;
      if (name && !this.world.module) {
        this.world.module = await loadSocietyModule(modulePath(this.world.scenario.source?.file, name));
      }
      if (this.completed < 0) await this.rounds_.setup(signal);
      while (this.completed < this.rounds) await this.rounds_.round(this.completed + 1, signal);
      if (!this.ended) {
        this.world.emit({
          type: 'run_end',
          round: this.rounds,
          rounds: this.rounds,
          usage: { ...this.world.totalUsage },
        });
        this.ended = true;
        await this.afterRound?.(this.rounds, true);
      }
      return { status: 'completed', completed: this.completed };
    } catch (err) {
      this.broken = true;
      if (signal?.aborted) return { status: 'aborted', completed: this.completed };
      throw err;
    }
  }

  /** Ask an agent a question between steps (kernel/interview.ts). */
  interview(agentId: string, question: string, signal?: AbortSignal, options?: { record?: boolean }) {
    return interview(this.world, agentId, question, signal, options);
  }

  /**
   * Lets go of every agent's memory stream, for a host that wrote the run's last checkpoint and
   * keeps only the network and the totals (`society run`'s closing summary): at a million agents
   * the streams are ≈ 2.4 GB, which the summary's graphs can then reuse. The simulation cannot
   * run on afterwards, and its memories are in the trace.
   */
  forgetMemories(): void {
    this.forgotten = true;
    // One empty stream for all, frozen: a million new ones would be allocated at the run's peak,
    // and a write after this point fails loudly instead of landing in every agent's stream.
    const none = new MemoryStream();
    Object.freeze(none);
    for (const a of this.world.agents.values()) a.memories = none;
  }

  /** The state after the last completed round. Only valid between rounds (e.g. in afterRound). */
  snapshot(): Checkpoint {
    return wholeCheckpoint(this.world, this) as Checkpoint;
  }

  /**
   * The same checkpoint for a file: its agents and ties are made one at a time as it is written
   * (persist/checkpoint.ts writeCheckpoint), never held whole. It reads the live state, so write it
   * before the simulation steps on.
   */
  checkpointDraft(): CheckpointDraft {
    return checkpointDraft(this.world, this);
  }
}
