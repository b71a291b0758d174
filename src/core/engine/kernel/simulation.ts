// The scheduler. A run is setup (round 0) then rounds 1..R; each round fires timed events, gives
// every agent one turn in three stages (turn.ts STAGES: perceive…act for all agents and the group
// rooms; the evaluation barrier; reward, coach, reflect), decays unused ties and reports stats.
// Within a stage the agents are independent, so their model calls are in flight together (bounded
// by the models' `concurrency`); events are published in canonical order (rooms, then agents in
// the round's seeded turn order), so the trace is the same however calls interleave. With a gate
// (a debugger) agents run one by one and the gate can hold the run before any phase.
import { modelNamed, type Scenario } from '../../format/language/model';
import type { RelevanceScorer } from '../../llm/embeddings';
import type { RetrievedMemory } from '../../llm/types';
import type { MemoryRecord, Phase, TraceHeader, UsageTotals } from '../../trace/events';
import { agentFromJSON, agentToJSON, type Agent, type AgentJSON } from '../society/agent';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  checkpointModel,
  type Checkpoint,
  type CheckpointDraft,
} from '../persist/checkpoint';
import { StreamedList } from '../../trace/jsonPieces';
import { EncounterIndex } from '../society/encounters';
import { buildHeader, scenarioHash } from '../society/header';
import { addAgent, linkRelationships } from './membership';
import { allPersonas } from '../society/population';
import { hashKey } from '../../random/rng';
import { holdRoom, type RoomSpec } from '../phases/rooms';
import type { Conversation } from '../phases/conversation';
import { recall, recallAmong } from '../phases/recall';
import { interleave, interviewQueries, mentions, namedPeople } from '../memory/interviewQuery';
import { evaluateConversation } from '../phases/evaluation';
import { runStage, type StageOptions } from '../flow/stage';
import { after, Pacer, type Step } from '../flow/step';
import { Tape } from '../flow/tape';
import { applyChange } from '../flow/stateChange';
import { UsageBook } from '../society/usageBook';
import type { CallLog } from '../../llm/callLog';
import { settingsFromScenario } from '../../format/language/settings';
import { TIE_FLOOR, TieTable } from '../society/ties';
import { fireEvents } from './timed-events';
import { letGo, newTurn, PHASE_STEPS, STAGES, type Turn } from '../phases/turn';
import { compileMechanics } from '../society/compiledMechanics';
import { WorldState } from '../society/worldState';
import { closeWorldRound, moduleEndRound, phaseRuns, resolveActions } from '../phases/worldPhase';
import { nextGeneration } from './generations';
import { loadSocietyModule, ModuleNotAllowed, modulePath } from './societyModule';
import { roundPlan, WORLD_PHASE, type PlannedPhase } from '../society/roundPlan';
import type { ActPhase } from '../../format/language/mechanics';
import { emptyUsage, offlineOnlyFactory, usageField, World, type Listener, type ModelFactory } from './world';
import { isInstant } from '../../format/language/providers';

export type StepPoint =
  | { kind: 'round_start'; round: number }
  | { kind: 'rooms'; round: number }
  | {
      kind: 'phase';
      round: number;
      agent: string;
      phase: Phase;
      /** Position in this round's turn order. */ turn: number;
      /** The declared action phase running (`round:`), for a `world` step of a phase not named `world`. */
      step?: string;
    }
  | {
      /** Right after an agent's chosen action took effect (the debugger's Action taken stops here). */
      kind: 'action';
      round: number;
      agent: string;
      /** The action taken. */
      action: string;
      turn: number;
      /** The declared action phase it belongs to (`round:`), when not the default `world`. */
      step?: string;
    }
  | { kind: 'round_end'; round: number };

/** What a round's phases share: its turns, the stage settings and what `meet` leaves for `evaluate`. */
interface RoundContext {
  r: number;
  turns: Turn[];
  /** The encounter index of the round's start, let go after the round's last `meet`. */
  index: EncounterIndex | undefined;
  /** Whether the phase now running is the round's last (its turns can let go of what they hold as they finish). */
  last: boolean;
  stage: StageOptions;
  phases: (t: Turn, tape: Tape, i: number, list: readonly Phase[], from?: number) => Step;
  signal?: AbortSignal;
  /** The rooms' conversations of this round's `meet`. */
  talks: Conversation[];
}

export interface SimulationOptions {
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
  /** Builds non-offline models (LLM providers). Defaults to offline only. */
  modelFactory?: ModelFactory;
  /**
   * Memory relevance for agents on a model (the registry's `memoryRelevance`): endpoint embeddings
   * where the model config asks for them; undefined keeps the engine's lexical relevance.
   */
  relevance?: (modelName: string) => RelevanceScorer | undefined;
  /** The provider layer's call records (registry `onCall: calls.listener`): recovered faults reach the trace. */
  calls?: CallLog;
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
}

export interface RunResult {
  status: 'completed' | 'aborted';
  completed: number;
}

export interface RestoreOptions extends Omit<SimulationOptions, 'seed' | 'rounds'> {
  /** Memory streams by agent id, for a checkpoint that keeps them in its trace. */
  memories?: ReadonlyMap<string, MemoryRecord[]>;
}

/** A checkpoint agent with its memory stream from the trace, which must hold as many memories as the checkpoint counts. */
function withTraceMemories(a: AgentJSON, memories: ReadonlyMap<string, MemoryRecord[]> | undefined): AgentJSON {
  const id = a.persona.id;
  if (!memories) {
    throw new Error("the checkpoint keeps the agents' memories in its trace: read them from it (memoriesFromTrace)");
  }
  const stream = memories.get(id) ?? [];
  const newest = stream.length ? stream[stream.length - 1].id : -1;
  if (stream.length !== a.memory_count || newest >= a.nextMemoryId) {
    throw new Error(
      `the trace holds ${stream.length} memories of agent '${id}' (the newest #${newest}) where the checkpoint counts ${a.memory_count} (the next #${a.nextMemoryId}): the trace is not the checkpoint's`,
    );
  }
  const { memory_count: _count, ...rest } = structuredClone(a);
  return { ...rest, memories: stream };
}

export class Simulation {
  /** Last completed round (−1 before setup). */
  completed = -1;
  ended = false;
  /** Called before every step; may return a promise to hold the simulation there (debugger). */
  gate?: (p: StepPoint) => void | Promise<void>;
  /** Called after each round_end and after run_end, once the events are emitted (flush, checkpoint). */
  afterRound?: (round: number, final: boolean) => void | Promise<void>;
  /** The step about to run or running. */
  current?: StepPoint;
  private broken = false;
  /** The agents' memory streams were let go (forgetMemories). */
  private forgotten = false;
  private readonly finished = { units: 0 };
  /** The phases of every round (engine/society/roundPlan.ts). */
  private readonly plan: readonly PlannedPhase[];
  /** The plan's last `meet` (-1: none), after which a round's encounter index is let go. */
  private readonly lastMeet: number;

  private constructor(
    readonly world: World,
    readonly header: TraceHeader,
    private readonly opts: SimulationOptions,
  ) {
    world.forcedModel = opts.model;
    if (opts.moduleTimeLimitMs !== undefined) world.moduleTimeLimitMs = opts.moduleTimeLimitMs;
    world.withholdAdviceMemories = opts.withholdAdviceMemories === true;
    this.plan = roundPlan(world.scenario);
    this.lastMeet = this.plan.map((p) => p.kind === 'builtin' && p.name === 'meet').lastIndexOf(true);
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
    if (opts.model && !modelNamed(scenario.models, opts.model)) {
      throw new Error(`unknown model '${opts.model}' (scenario models: ${Object.keys(scenario.models).join(', ')})`);
    }
    const header = buildHeader(scenario, { seed, rounds, file: opts.file });
    const settings = settingsFromScenario(scenario);
    settings.world.rounds = rounds;
    const world = new World(
      scenario,
      seed,
      settings,
      opts.modelFactory ?? offlineOnlyFactory,
      opts.calls,
      opts.relevance,
    );
    if (scenario.mechanics) world.state = new WorldState(compileMechanics(scenario.mechanics));
    return new Simulation(world, header, opts);
  }

  /**
   * Continue from a checkpoint; the scenario must be the one the run started with. The model
   * override (`--model`) is the checkpoint's: `opts.model` may only repeat it (checkpoints written
   * before it was recorded take `opts.model` as given). A checkpoint file keeps the memory streams
   * in the trace (`memories_in_trace`): pass them as `opts.memories` (replay/traceMemories.ts
   * memoriesFromTrace over the checkpoint's trace prefix); they are taken over, not copied.
   */
  static restore(scenario: Scenario, cp: Checkpoint, opts: RestoreOptions = {}): Simulation {
    const hash = scenarioHash(scenario);
    if (hash !== cp.header.scenario.hash) {
      throw new Error('the scenario changed since the checkpoint was written (content hash differs)');
    }
    const recorded = checkpointModel(cp);
    if (recorded !== undefined) {
      if (opts.model !== undefined && opts.model !== (recorded ?? undefined)) {
        throw new Error(
          `the run ${recorded === null ? 'gave every agent its own model' : `used --model ${recorded}`}; it cannot go on with model '${opts.model}'`,
        );
      }
      opts = { ...opts, model: recorded ?? undefined };
    }
    if (opts.model && !modelNamed(scenario.models, opts.model)) {
      throw new Error(`unknown model '${opts.model}' (scenario models: ${Object.keys(scenario.models).join(', ')})`);
    }
    const world = new World(
      scenario,
      cp.header.seed,
      structuredClone(cp.settings),
      opts.modelFactory ?? offlineOnlyFactory,
      opts.calls,
      opts.relevance,
    );
    for (const a of cp.agents) {
      world.agents.set(
        a.persona.id,
        agentFromJSON(cp.memories_in_trace ? withTraceMemories(a, opts.memories) : structuredClone(a)),
      );
    }
    world.ties = TieTable.fromJSON(cp.ties);
    if (scenario.mechanics) {
      const compiled = compileMechanics(scenario.mechanics);
      world.state = cp.world_state ? WorldState.fromJSON(compiled, cp.world_state) : new WorldState(compiled);
    }
    world.usage = cp.usage_book
      ? UsageBook.fromJSON(cp.usage_book)
      : UsageBook.fromJSON({ total: { ...cp.usage }, by_agent: {}, by_phase: {}, by_model: {}, failed: {} });
    world.round = cp.completed;
    const sim = new Simulation(world, cp.header, opts);
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
      await this.loadModule();
      if (this.completed < 0) await this.setup(signal);
      while (this.completed < this.rounds) await this.round(this.completed + 1, signal);
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
      if (signal?.aborted) {
        this.broken = true;
        return { status: 'aborted', completed: this.completed };
      }
      this.broken = true;
      throw err;
    }
  }

  /** Passes a step point; a promise only when a gate is set (the debugger may hold the run here). */
  private point(p: StepPoint, signal?: AbortSignal): void | Promise<void> {
    signal?.throwIfAborted();
    this.current = p;
    if (!this.gate) return;
    return (async () => {
      await this.gate!(p);
      signal?.throwIfAborted();
    })();
  }

  private resetStats(): void {
    this.world.roundStats = { encounters: 0, messages: 0, rewardSum: 0, rewardCount: 0, usage: emptyUsage() };
  }

  private async setup(signal?: AbortSignal): Promise<void> {
    const w = this.world;
    w.round = 0;
    this.resetStats();
    await this.point({ kind: 'round_start', round: 0 }, signal);
    const personas = allPersonas(w.scenario.personas, w.scenario.population, this.seed);
    w.emit({ type: 'round_start', round: 0, agents: personas.length });
    const names = new Map(personas.map((p) => [p.id, p.name]));
    for (const p of personas) addAgent(w, p, 'initial', this.opts.model, names);
    linkRelationships(w, personas);
    if (w.state) {
      for (const p of personas) w.state.of(p.id);
      // As every round's end (worldPhase.ts): a scenario with actions or feeds but no quantity has no state to show.
      if (w.state.hasQuantities) w.emit(w.state.stateEvent(0));
    }
    await this.point({ kind: 'round_end', round: 0 }, signal);
    this.endRound(0);
    await this.afterRound?.(0, false);
  }

  /** Agents in this round's turn order: sorted by a hash of (seed, round, id), so insertions don't reshuffle. */
  turnOrder(round: number): Agent[] {
    return [...this.world.agents.values()]
      .map((a) => ({ a, h: hashKey(this.seed, 'order', round, a.id) }))
      .sort((x, y) => x.h - y.h || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0))
      .map((x) => x.a);
  }

  private async round(r: number, signal?: AbortSignal): Promise<void> {
    const w = this.world;
    w.round = r;
    this.resetStats();
    await this.point({ kind: 'round_start', round: r }, signal);
    w.emit({ type: 'round_start', round: r, agents: w.agents.size });
    fireEvents(w, w.scenario.events, this.opts.model);
    const index = new EncounterIndex(w.agents, w.ties, w.settings.ties.threshold);
    const turns = this.turnOrder(r).map((a) => newTurn(a, index, signal));
    const stage: StageOptions = {
      width: this.gate ? 1 : (this.opts.concurrency ?? this.width()),
      emit: (e) => w.emit(e),
      commit: (c) => applyChange(w, c),
      reversed: this.opts.reversedUnits === true,
      yieldEvery: this.opts.yieldEvery ?? 64,
      counter: this.finished,
      // No signal: a stage's units see the stop at their next step point, and settle together.
      pacer: new Pacer(),
    };
    // An agent's phases `list[from…]`, as plain calls while nothing has to wait (engine/flow/step.ts).
    const phases = (t: Turn, tape: Tape, i: number, list: readonly Phase[], from = 0): Step => {
      t.tape = tape;
      for (let p = from; p < list.length; p++) {
        const phase = list[p];
        const step = phase === 'world' && t.phase && t.phase.name !== WORLD_PHASE ? t.phase.name : undefined;
        const held = this.point(
          { kind: 'phase', round: r, agent: t.agent.id, phase, turn: i, ...(step ? { step } : {}) },
          signal,
        );
        const running = held ? held.then(() => PHASE_STEPS[phase](w, t)) : PHASE_STEPS[phase](w, t);
        if (running) return running.then(() => phases(t, tape, i, list, p + 1));
      }
    };

    const ctx: RoundContext = { r, turns, index, last: false, stage, phases, signal, talks: [] };
    for (let k = 0; k < this.plan.length; k++) {
      const phase = this.plan[k];
      ctx.last = k === this.plan.length - 1;
      if (!phase.runs || phaseRuns(w, phase)) {
        if (phase.kind === 'act') await this.actPhase(ctx, phase);
        else await this[phase.name](ctx);
      }
      // Candidates are drawn in `meet` only: the index (≈ 200 B an agent) need not outlive it.
      if (k === this.lastMeet) {
        ctx.index = undefined;
        for (const t of turns) t.index = undefined;
      }
    }
    // Nothing reads the turns now: the checkpoint in afterRound need not hold them too.
    for (const t of turns) letGo(t);
    ctx.talks = [];
    if (w.state) {
      await closeWorldRound(w, signal);
      // The round's last word on the state is out; then one generation makes way for the next.
      nextGeneration(w);
    } else moduleEndRound(w);

    await this.point({ kind: 'round_end', round: r }, signal);
    const cfg = w.settings.ties;
    const dissolved = w.ties.decay(r, cfg.decay, cfg.threshold, TIE_FLOOR);
    w.emit({ type: 'tie_decay', round: r, rate: cfg.decay, floor: TIE_FLOOR, dissolved });
    this.endRound(r);
    await this.afterRound?.(r, false);
  }

  /** Built-in phase `meet`: the rooms' conversations and every agent's perceive → act, against the state at its start. */
  private async meet(c: RoundContext): Promise<void> {
    const w = this.world;
    const rooms: RoomSpec[] = w.settings.world.rooms;
    const roomTalks: (Conversation | undefined)[] = [];
    if (rooms.length) await this.point({ kind: 'rooms', round: c.r }, c.signal);
    type Unit = { room: RoomSpec; k: number } | { turn: Turn; i: number };
    const first: Unit[] = [...rooms.map((room, k) => ({ room, k })), ...c.turns.map((turn, i) => ({ turn, i }))];
    await runStage(
      first,
      (u, tape) => {
        if ('room' in u) {
          if (!c.index) throw new Error(`round ${c.r}: rooms met after the round's last meet`);
          return holdRoom(w, u.room, c.index, tape, c.signal).then((conv) => {
            roomTalks[u.k] = conv;
          });
        }
        return c.phases(u.turn, tape, u.i, STAGES[0]);
      },
      c.stage,
    );
    c.talks = roomTalks.filter((conv): conv is Conversation => !!conv);
  }

  /** Built-in phase `evaluate`, the barrier: every conversation is rated; ties move in canonical order. */
  private async evaluate(c: RoundContext): Promise<void> {
    const w = this.world;
    const second: ({ conv: Conversation } | { turn: Turn; i: number })[] = [
      ...c.talks.map((conv) => ({ conv })),
      ...c.turns.map((turn, i) => ({ turn, i })),
    ];
    await runStage(
      second,
      (u, tape) =>
        'conv' in u ? evaluateConversation(w, u.conv, tape, c.signal) : c.phases(u.turn, tape, u.i, STAGES[1]),
      c.stage,
    );
  }

  /**
   * Built-in phase `learn`: rewards, coaching and reflection, each agent on its own state.
   * (Conversations are let go first: at 10,000 agents a round's transcripts are worth freeing early.)
   */
  private async learn(c: RoundContext): Promise<void> {
    for (const t of c.turns) {
      t.conversations = [];
      t.candidates = [];
    }
    // The round's last phase: each turn lets go of what it holds as soon as it is done.
    const learn = c.last
      ? (t: Turn, tape: Tape, i: number): Step => after(c.phases(t, tape, i, STAGES[2]), () => letGo(t))
      : (t: Turn, tape: Tape, i: number): Step => c.phases(t, tape, i, STAGES[2]);
    await runStage(c.turns, learn, c.stage);
  }

  /**
   * An action phase (engine/phases/worldPhase.ts). Simultaneous: everyone chooses, then the choices
   * take effect in turn order. Sequential: each agent in turn chooses and acts at once, so the
   * next sees what it did.
   */
  private async actPhase(c: RoundContext, phase: ActPhase): Promise<void> {
    const w = this.world;
    if (!w.state) return;
    // Each acting agent with its place in the round's turn order (the debugger's `turn`).
    const acting = c.turns
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => !phase.who || phase.who.includes(t.agent.persona.group ?? ''));
    for (const { t } of acting) t.phase = phase;
    const choose = (u: { t: Turn; i: number }, tape: Tape): Step => c.phases(u.t, tape, u.i, STAGES[3]);
    // A step point right after each action takes effect: the debugger stops there with the state
    // as that action left it (not at the next agent's phase, or the end of the round).
    const place = new Map(acting.map(({ t, i }) => [t, i]));
    const step = phase.name !== WORLD_PHASE ? { step: phase.name } : {};
    const taken = (t: Turn, action: string): void | Promise<void> =>
      this.point({ kind: 'action', round: c.r, agent: t.agent.id, action, turn: place.get(t)!, ...step }, c.signal);
    if (phase.order === 'sequential') {
      for (const u of acting) {
        await runStage([u], choose, c.stage);
        await resolveActions(w, [u.t], phase, c.signal, taken);
      }
    } else {
      await runStage(acting, choose, c.stage);
      await resolveActions(
        w,
        acting.map((u) => u.t),
        phase,
        c.signal,
        taken,
      );
    }
    w.state.conduct.close();
  }

  /**
   * The scenario's module (`module:`), loaded once before the first round it runs: only when the
   * host allows code to run (a trusted workspace, `--allow-module`), never by validation.
   */
  private async loadModule(): Promise<void> {
    const name = this.world.scenario.module;
    if (!name || this.world.module) return;
    this.world.module = await loadSocietyModule(modulePath(this.world.scenario.source?.file, name));
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
    this.completed = r;
  }

  /**
   * Ask an agent a question (between steps); answered in character from its retrieved memories.
   * With `record`, the interview goes into the trace as an `intervention` event where it happened.
   * On the lexical path the memories are retrieved for the question plus the cue words of what it
   * asks about (how the agent feels, what it needs, whom it likes, its plans), one retrieval per
   * kind of memory that answers it, interleaved (engine/memory/interviewQuery.ts); an embeddings model
   * gets the question as asked. The memories naming each person the question names are retrieved
   * among themselves too. Retrieval changes no state, so an interview leaves the rest of the
   * run (and its trace) as it would have been.
   */
  async interview(
    agentId: string,
    question: string,
    signal?: AbortSignal,
    options: { record?: boolean } = {},
  ): Promise<string | undefined> {
    const a = this.world.agents.get(agentId);
    if (!a) throw new Error(`no agent '${agentId}'`);
    const situations = this.world.relevanceOf(a.model) ? [[question]] : interviewQueries(question);
    const found: RetrievedMemory[][] = [];
    found.push(await recall(this.world, a, situations[0], { signal }));
    const people = namedPeople(
      question,
      [...this.world.agents.values()].map((x) => ({ id: x.id, name: x.persona.name })),
      a.id,
    );
    for (const p of people) found.push(recallAmong(this.world, a, [question], mentions(p)));
    for (const s of situations.slice(1)) found.push(await recall(this.world, a, s, { signal }));
    const res = await this.world.model(a.model).decide(
      {
        kind: 'interview',
        key: `interview:${this.world.round}:${a.id}:${question}`,
        round: this.world.round,
        setting: this.world.settings.world.setting,
        persona: a.brief,
        memories: interleave(found, this.world.settings.memory.top_k),
        question,
        ...(people.length ? { people: people.map((p) => p.name) } : {}),
      },
      signal,
    );
    if (options.record) {
      this.world.emit({
        type: 'intervention',
        round: this.world.round,
        kind: 'interview',
        agent: a.id,
        question,
        answer: res.answer,
        ...usageField(res.usage),
      });
    }
    return res.answer;
  }

  /**
   * Lets go of every agent's memory stream, for a host that wrote the run's last checkpoint and
   * keeps only the network and the totals (`society run`'s closing summary): at a million agents
   * the streams are ≈ 2.4 GB, which the summary's graphs can then reuse. The simulation cannot
   * run on afterwards, and its memories are in the trace.
   */
  forgetMemories(): void {
    this.forgotten = true;
    for (const a of this.world.agents.values()) a.memories = [];
  }

  /** The state after the last completed round. Only valid between rounds (e.g. in afterRound). */
  snapshot(): Checkpoint {
    return this.checkpointWith(
      [...this.world.agents.values()].map(agentToJSON),
      this.world.ties.toJSON(),
      this.world.usage.toJSON(),
    ) as Checkpoint;
  }

  /**
   * The same checkpoint for a file: its agents and ties are made one at a time as it is written
   * (checkpoint.ts writeCheckpoint), never held whole. It reads the live state, so write it before
   * the simulation steps on.
   */
  checkpointDraft(): CheckpointDraft {
    const agents = this.world.agents,
      ties = this.world.ties;
    return this.checkpointWith(
      new StreamedList(() => agents.values()).map(agentToJSON),
      new StreamedList(() => ties.entries()),
      this.world.usage.toDraft(),
    );
  }

  private checkpointWith(
    agents: CheckpointDraft['agents'],
    ties: CheckpointDraft['ties'],
    usageBook: CheckpointDraft['usage_book'],
  ): CheckpointDraft {
    return {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      header: this.header,
      completed: this.completed,
      ended: this.ended,
      settings: structuredClone(this.world.settings),
      agents,
      ties,
      usage: { ...this.world.totalUsage },
      usage_book: usageBook,
      model: this.opts.model ?? null,
      ...(this.world.state ? { world_state: this.world.state.toJSON() } : {}),
    };
  }
}
