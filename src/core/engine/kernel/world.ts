// The engine's mutable world: agents, ties, live settings, models, and the two ways state changes
// are made visible — emitting trace events and writing memories. Every phase goes through here.
import { modelNamed, type ModelConfig, type Scenario, isInstant } from '../../format';
import type {
  MemoryCues,
  MemoryKind,
  MemoryRecord,
  Phase,
  RunSettings,
  TraceEvent,
  Usage,
  UsageTotals,
} from '../../trace/events';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../../llm/types';
import type { RelevanceScorer } from '../../llm/embeddings';
import { DecisionSkipped, ModelCallError } from '../../llm/errors';
import { OfflineModel } from '../../llm/offline/index';
import { MEMORY_CAP } from '../memory/memory';
import type { CallLog } from '../../llm/callLog';
import { Semaphore } from '../flow/semaphore';
import type { Tape } from '../flow/tape';
import { TieTable } from '../society/ties';
import { AgentIndex, PairNumbers } from '../society/pairTable';
import { UsageBook, addUsage, emptyTotals, usageField } from '../society/usageBook';
import type { Agent } from '../society/agent';

export type Listener = (event: TraceEvent) => void;

/** Builds a model for a config; the default only knows the offline model. */
export type ModelFactory = (cfg: ModelConfig, seed: number) => AgentModel;

export const offlineOnlyFactory: ModelFactory = (cfg, seed) => {
  if (!isInstant(cfg)) {
    throw new Error(
      `model '${cfg.name}': provider '${cfg.provider}' is not available here (only the offline rule-based model is built in)`,
    );
  }
  return new OfflineModel(cfg.name, seed);
};

export const emptyUsage = emptyTotals;

import type { SocietyModule } from '../phases/act/moduleHooks';
import type { Asked, Decided, DecisionSite, PhaseContext, RoundCounters } from '../phases/context';
import { countEvent } from './roundCounters';
import { isOfflineJudge } from '../../format';
import { HOOK_TIME_LIMIT_MS } from '../flow/timedCall';
import { bookLater, type FailedCallChange, type ReaskChange } from './modelChanges';
import { endsRun, reaskedIn, recoveredEvent } from './faultEvents';
import type { CallRecord } from '../../llm/callRecord';
import type { WorldState } from '../society/worldState';
import type { PlaceBook } from '../society/places';

export class World implements PhaseContext {
  readonly agents = new Map<string, Agent>();
  /** Bumped whenever an agent joins or leaves, so what is worked out over the agents knows when to redo it. */
  membership = 0;
  /** Agents as integers for the pair tables below (ties, meetings, ratings). */
  readonly agentIndex = new AgentIndex();
  ties = new TieTable(this.agentIndex);
  /** Conversations each agent had with each partner. */
  readonly meetings = new PairNumbers('int', this.agentIndex);
  /** The last rating each partner gave an agent (holder: the one rated). */
  readonly ratings = new PairNumbers('float', this.agentIndex);
  round = 0;
  /** `--model`: every agent's model and the coach's (undefined: each persona's own, the scenario's coach). */
  forcedModel?: string;
  /** Advice is written to the trace but not remembered (SimulationOptions.withholdAdviceMemories). */
  withholdAdviceMemories = false;
  /** Agents learn from consequences (SimulationOptions.learning). */
  learning = true;
  /** Per-round counters for round_end stats. */
  roundStats: RoundCounters = { encounters: 0, messages: 0, rewardSum: 0, rewardCount: 0, usage: emptyTotals() };
  usage = new UsageBook();
  /** The declared state's values, for scenarios with `state:` or `actions:` (engine/phases/act/). */
  state?: WorldState;
  /** Where everyone is, for scenarios that declare `places:` (engine/society/places.ts). */
  places?: PlaceBook;
  /** The scenario's module of mechanics in code, once loaded (engine/phases/act/societyModule.ts). */
  module?: SocietyModule;
  /** Longest one call of a module's hook may run (engine/flow/timedCall.ts). */
  moduleTimeLimitMs = HOOK_TIME_LIMIT_MS;
  private readonly listeners: Listener[] = [];
  private readonly modelCache = new Map<string, AgentModel>();
  private readonly slots = new Map<string, Semaphore>();
  private fallback?: OfflineModel;
  /** The built-in rule-based judges (`offline`, `offline:<name>`), which no model config declares. */
  private readonly ruleJudges = new Map<string, AgentModel>();

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    public settings: RunSettings,
    private readonly factory: ModelFactory,
    /** The provider layer's call records, for faults recovered by retries. */
    private readonly calls?: CallLog,
    /** Endpoint-embeddings relevance per model name (undefined: the engine's lexical relevance). */
    private readonly relevance?: (modelName: string) => RelevanceScorer | undefined,
  ) {}

  /** The relevance scorer for agents on `modelName`, or undefined for the lexical path. */
  relevanceOf(modelName: string): RelevanceScorer | undefined {
    return this.relevance?.(modelName);
  }

  answersByRule(modelName: string): boolean {
    return isInstant(this.config(modelName));
  }

  /** Usage of the whole run so far. */
  get totalUsage(): UsageTotals {
    return this.usage.total;
  }

  on(l: Listener): () => void {
    this.listeners.push(l);
    return () => {
      const i = this.listeners.indexOf(l);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  emit(e: TraceEvent): void {
    countEvent(this.roundStats, e);
    for (const l of this.listeners) l(e);
  }

  /** Active agents in insertion order. */
  active(): Agent[] {
    return [...this.agents.values()];
  }

  /** A tie moved by `delta` (clamped to 0..1) by an action's `ties:` or the module: a `tie` event. */
  moveTie(from: string, to: string, delta: number, cause: 'action' | 'module'): void {
    const previous = this.ties.get(from, to);
    const strength = Math.min(1, Math.max(0, previous + delta));
    if (strength === previous || from === to) return;
    this.ties.set(from, to, strength, this.round);
    this.emit({
      type: 'tie',
      round: this.round,
      from,
      to,
      previous,
      strength,
      exists: strength >= this.settings.ties.threshold,
      cause,
    });
  }

  /** Write a memory now; its event goes to `tape` when given (published with the unit), else out at once. */
  remember(
    agent: Agent,
    kind: MemoryKind,
    text: string,
    importance: number,
    cues?: MemoryCues,
    tape?: Tape,
  ): MemoryRecord {
    const id = agent.nextMemoryId++,
      round = this.round,
      imp = Math.max(1, Math.min(10, Math.round(importance)));
    // One literal per shape: a property added afterwards would cost every record an extra backing store.
    const memory: MemoryRecord = cues
      ? { id, round, kind, text, importance: imp, cues }
      : { id, round, kind, text, importance: imp };
    agent.memories.append(memory, MEMORY_CAP);
    if (kind !== 'reflection') agent.sinceReflection += memory.importance;
    const e: TraceEvent = { type: 'memory', round: this.round, agent: agent.id, memory };
    if (tape) tape.say(e);
    else this.emit(e);
    return memory;
  }

  /** The coach's model config name: the forced model, else `coaching.model` (which a timed `set` may change), else default. */
  coachModel(): string {
    return this.forcedModel ?? this.settings.coaching.model ?? 'default';
  }

  model(name: string): AgentModel {
    let m = this.modelCache.get(name);
    if (!m) {
      m = this.factory(this.config(name), this.seed);
      this.modelCache.set(name, m);
    }
    return m;
  }

  config(name: string): ModelConfig {
    const cfg = modelNamed(this.scenario.models, name) ?? modelNamed(this.scenario.models, 'default');
    if (!cfg) throw new Error(`no model named '${name}' and no default model`);
    return cfg;
  }

  /** Decisions in flight per model config are bounded by its `concurrency`. */
  private slot(name: string): Semaphore {
    let s = this.slots.get(name);
    if (!s) {
      s = new Semaphore(Math.max(1, this.config(name).concurrency || 1));
      this.slots.set(name, s);
    }
    return s;
  }

  /**
   * `call` in one of the model's slots: the instruments' calls (surveys, judges, through `ask`)
   * share its `concurrency` with the phases' decisions rather than each bringing a bound of its own.
   */
  private async inSlot<T>(modelName: string, call: () => Promise<T>): Promise<T> {
    const slot = this.slot(modelName);
    const wait = slot.acquire();
    if (wait) await wait;
    try {
      return await call();
    } finally {
      slot.release();
    }
  }

  /**
   * One model decision with the config's `on_error` policy. A failed decision is never lost
   * silently: it becomes an `error` event and is either skipped (returns undefined; the caller
   * carries on without it) or answered by the offline rule-based model ('fallback'). Aborts and
   * replay cache misses are not decisions that failed but runs that cannot go on: they propagate.
   * Usage is booked when the unit commits, so totals add up in canonical order.
   */
  decide<R extends DecisionRequest>(modelName: string, req: R, at: DecisionSite, signal?: AbortSignal): Decided<R> {
    const model = this.model(modelName);
    // A model that answers at once (the offline one): no slot, no promise (most of a large offline run),
    // unless this decision is asked of a person playing the agent (llm/human/).
    if (model.decideNow && !model.asks?.(req)) {
      signal?.throwIfAborted();
      let res: DecisionResponse<R>;
      try {
        res = model.decideNow(req);
      } catch (err) {
        return this.failed(modelName, req, at, err);
      }
      bookLater(at.tape, at.agent, at.phase, res.usage);
      return res;
    }
    return this.decideLater(model, modelName, req, at, signal);
  }

  private async decideLater<R extends DecisionRequest>(
    model: AgentModel,
    modelName: string,
    req: R,
    at: DecisionSite,
    signal?: AbortSignal,
  ): Promise<DecisionResponse<R> | undefined> {
    const slot = this.slot(modelName);
    const wait = slot.acquire(at.rest);
    if (wait) await wait;
    let res: DecisionResponse<R>;
    try {
      res = await model.decide(req, signal);
    } catch (err) {
      // A replay cache miss, an endpoint never reached, the cost limit reached: the run cannot go on (faultEvents.ts endsRun).
      if (signal?.aborted || endsRun(err)) throw err;
      return this.failed(modelName, req, at, err, this.calls?.take(req.key));
    } finally {
      slot.release();
    }
    this.recovered(req, at);
    bookLater(at.tape, at.agent, at.phase, res.usage);
    return res;
  }

  /** Where a decision's error event happened: its round, agent, phase, kind and encounter. */
  private errorSite(req: DecisionRequest, at: DecisionSite) {
    return {
      type: 'error' as const,
      round: this.round,
      agent: at.agent,
      phase: at.declared ?? at.phase,
      kind: req.kind,
      ...(at.encounter ? { encounter: at.encounter } : {}),
    };
  }

  private recovered(req: DecisionRequest, at: DecisionSite): void {
    const record = this.calls?.take(req.key);
    const e = recoveredEvent(this.errorSite(req, at), record);
    if (!e) return;
    at.tape.say(e);
    if (e.reasked) at.tape.later<ReaskChange>({ kind: 'reasked', model: record!.model });
  }

  private failed<R extends DecisionRequest>(
    modelName: string,
    req: R,
    at: DecisionSite,
    err: unknown,
    record?: CallRecord,
  ): DecisionResponse<R> | undefined {
    const cfg = this.config(modelName);
    const spent = err instanceof ModelCallError ? err.usage : undefined;
    // A decision skipped on purpose (a participant's timeout policy) is skipped whatever `on_error` says.
    const skipped = err instanceof DecisionSkipped;
    const fallback = cfg.on_error === 'offline' && !skipped;
    const reasked = reaskedIn(record);
    at.tape.say({
      ...this.errorSite(req, at),
      message: err instanceof Error ? err.message : String(err),
      handling: fallback ? 'fallback' : 'skipped',
      ...(err instanceof ModelCallError || skipped ? { reason: err.reason } : {}),
      ...(spent ? usageField(spent) : {}),
      ...(reasked ? { reasked } : {}),
    });
    if (skipped) return undefined;
    if (reasked) at.tape.later<ReaskChange>({ kind: 'reasked', model: cfg.name });
    at.tape.later<FailedCallChange>({
      kind: 'failed_call',
      model: cfg.name,
      agent: at.agent,
      phase: at.phase,
      ...(spent ? { spent } : {}),
    });
    if (!fallback) return undefined;
    this.fallback ??= new OfflineModel('offline-fallback', this.seed);
    return this.fallback.decideNow(req);
  }

  async ask<R extends DecisionRequest>(modelName: string, req: R, signal?: AbortSignal): Promise<Asked<R>> {
    const rule = isOfflineJudge(modelName);
    const asked = { kind: req.kind, key: req.key };
    try {
      const model = rule ? this.ruleJudge(modelName) : this.model(modelName);
      if (model.decideNow && !model.asks?.(req)) {
        signal?.throwIfAborted();
        return { res: model.decideNow(req), asked };
      }
      const res = await this.inSlot(modelName, () => model.decide(req, signal));
      return { res, asked, ...this.callOf(req.key) };
    } catch (err) {
      // An instrument's question meets what stops a run as a phase's decision does.
      if (signal?.aborted || endsRun(err)) throw err;
      const spent = err instanceof ModelCallError ? err.usage : undefined;
      return {
        error: err instanceof Error ? err.message : String(err),
        failed: rule ? modelName : this.config(modelName).name,
        ...(spent ? { spent } : {}),
        ...(err instanceof ModelCallError ? { reason: err.reason } : {}),
        asked,
        ...this.callOf(req.key),
      };
    }
  }

  private callOf(key: string): { call?: CallRecord } {
    const call = this.calls?.take(key);
    return call ? { call } : {};
  }

  bookAsked(agent: string, phase: Phase, asked: Asked<DecisionRequest>, encounter?: string): void {
    const site = {
      type: 'error' as const,
      round: this.round,
      agent,
      phase,
      kind: asked.asked.kind,
      ...(encounter ? { encounter } : {}),
    };
    const reasked = reaskedIn(asked.call);
    if ('failed' in asked) {
      // As a decision's failure: an `error` event (its answers are missing from the instrument's own event).
      this.emit({
        ...site,
        message: asked.error,
        handling: 'skipped',
        ...(asked.reason !== undefined ? { reason: asked.reason } : {}),
        ...(asked.spent ? usageField(asked.spent) : {}),
        ...(reasked ? { reasked } : {}),
      });
      this.usage.fail(asked.failed);
    } else {
      const e = recoveredEvent(site, asked.call);
      if (e) this.emit(e);
    }
    if (reasked && asked.call) this.usage.reask(asked.call.model);
    const spent = 'res' in asked ? asked.res.usage : asked.spent;
    if (spent) this.book(agent, phase, spent);
  }

  private ruleJudge(name: string): AgentModel {
    let m = this.ruleJudges.get(name);
    if (!m) this.ruleJudges.set(name, (m = new OfflineModel(name, this.seed)));
    return m;
  }

  /** Books `calls` model calls' usage to the agent, its phase and the round (a committed change). */
  book(agent: string, phase: Phase, u: Usage, calls = 1): void {
    this.usage.record(agent, phase, u, calls);
    addUsage(this.roundStats.usage, u, calls);
  }
}
