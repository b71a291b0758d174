// The engine's mutable world: agents, ties, live settings, models, and the two ways state changes
// are made visible — emitting trace events and writing memories. Every phase goes through here.
import type { ModelConfig, Scenario } from '../format/model';
import type { MemoryCues, MemoryKind, MemoryRecord, Phase, RunSettings, TraceEvent, Usage, UsageTotals } from '../trace/events';
import type { AgentModel, DecisionRequest, DecisionResponse } from '../llm/types';
import { OfflineModel } from '../llm/offline';
import { appendMemory } from './memory';
import { TieTable } from './ties';
import type { Agent } from './agent';

export type Listener = (event: TraceEvent) => void;

/** Builds a model for a config; the default only knows the offline model. */
export type ModelFactory = (cfg: ModelConfig, seed: number) => AgentModel;

export const offlineOnlyFactory: ModelFactory = (cfg, seed) => {
  if (cfg.provider !== 'offline') throw new Error(`model '${cfg.name}': provider '${cfg.provider}' is not available here (only the offline rule-based model is built in)`);
  return new OfflineModel(cfg.name, seed);
};

export function emptyUsage(): UsageTotals { return { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 }; }

export class World {
  readonly agents = new Map<string, Agent>();
  ties = new TieTable();
  round = 0;
  /** Per-round counters for round_end stats. */
  roundStats = { encounters: 0, messages: 0, rewardSum: 0, rewardCount: 0, usage: emptyUsage() };
  totalUsage = emptyUsage();
  private readonly listeners: Listener[] = [];
  private readonly modelCache = new Map<string, AgentModel>();
  private fallback?: OfflineModel;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    public settings: RunSettings,
    private readonly factory: ModelFactory,
  ) {}

  on(l: Listener): () => void {
    this.listeners.push(l);
    return () => { const i = this.listeners.indexOf(l); if (i >= 0) this.listeners.splice(i, 1); };
  }

  emit(e: TraceEvent): void { for (const l of this.listeners) l(e); }

  /** Active agents in insertion order. */
  active(): Agent[] { return [...this.agents.values()]; }

  remember(agent: Agent, kind: MemoryKind, text: string, importance: number, cues?: MemoryCues): MemoryRecord {
    const memory: MemoryRecord = { id: agent.nextMemoryId++, round: this.round, kind, text, importance: Math.max(1, Math.min(10, Math.round(importance))) };
    if (cues) memory.cues = cues;
    appendMemory(agent.memories, memory);
    if (kind !== 'reflection') agent.sinceReflection += memory.importance;
    this.emit({ type: 'memory', round: this.round, agent: agent.id, memory });
    return memory;
  }

  model(name: string): AgentModel {
    let m = this.modelCache.get(name);
    if (!m) {
      const cfg = this.scenario.models[name] ?? this.scenario.models.default;
      if (!cfg) throw new Error(`no model named '${name}' and no default model`);
      m = this.factory(cfg, this.seed);
      this.modelCache.set(name, m);
    }
    return m;
  }

  /**
   * One model decision with the config's failure policy: 'skip' returns undefined (the step is
   * skipped), 'offline' answers with the offline rule-based model. Both are recorded as errors.
   */
  async decide<R extends DecisionRequest>(modelName: string, req: R, phase: Phase, agent: string, signal?: AbortSignal): Promise<DecisionResponse<R> | undefined> {
    const model = this.model(modelName);
    try {
      const res = await model.decide(req, signal);
      this.account(res.usage);
      return res;
    } catch (err) {
      if (signal?.aborted) throw err;
      const cfg = this.scenario.models[modelName] ?? this.scenario.models.default;
      const message = err instanceof Error ? err.message : String(err);
      if (cfg?.on_error === 'offline') {
        this.emit({ type: 'error', round: this.round, agent, phase, message, handling: 'offline' });
        this.fallback ??= new OfflineModel('offline-fallback', this.seed);
        return this.fallback.decideNow(req);
      }
      this.emit({ type: 'error', round: this.round, agent, phase, message, handling: 'skipped' });
      return undefined;
    }
  }

  private account(u: Usage): void {
    for (const t of [this.roundStats.usage, this.totalUsage]) {
      t.calls++; t.input_tokens += u.input_tokens; t.output_tokens += u.output_tokens; t.cost_usd += u.cost_usd;
    }
  }
}

/** The usage to attach to an event: omitted when nothing was spent (offline model). */
export function usageField(u: Usage): { usage?: Usage } {
  return u.input_tokens || u.output_tokens || u.cost_usd || u.cached ? { usage: u } : {};
}
