// What a phase may do to the world: the narrow surface every phase plug-in is written against
// (issue 43). The kernel's World implements it; phases import this interface, never the world,
// so the world's bookkeeping (listeners, the model cache, usage books) stays the kernel's own.
import type { Scenario } from '../../format';
import type { DecisionKind, DecisionRequest, DecisionResponse } from '../../llm/types';
import type { CallRecord } from '../../llm/callRecord';
import type { RelevanceScorer } from '../../llm/embeddings';
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
import type { Tape } from '../flow/tape';
import type { Agent } from '../society/agent';
import type { TieTable } from '../society/ties';
import type { PairNumbers } from '../society/pairTable';
import type { WorldState } from '../society/worldState';
import type { PlaceBook } from '../society/places';
import type { SocietyModule } from './act/moduleHooks';

/** Where a decision is made: its phase, the deciding agent, the tape of its unit of work. */
export interface DecisionSite {
  phase: Phase;
  /** The declared action phase (`round:`) the decision belongs to: its error events name it, not `world`. */
  declared?: string;
  agent: string;
  tape: Tape;
  /** The conversation a speak or evaluate decision belongs to. */
  encounter?: string;
  /**
   * Model calls of this stage that must wait for this one, in sequence (a conversation's later
   * turns, say). Queued calls with more to come are served first (engine/flow/semaphore.ts).
   */
  rest?: number;
}

/** A decision's answer: at once (a model that decides synchronously), later, or none (it failed and was skipped). */
export type Decided<R extends DecisionRequest> =
  DecisionResponse<R> | undefined | Promise<DecisionResponse<R> | undefined>;

/**
 * What an instrument's question (a survey's, a judge's) got: the answer, or why there is none, the
 * model config that failed and what the failed call spent.
 */
export type Asked<R extends DecisionRequest> = (
  { res: DecisionResponse<R> } | { error: string; failed: string; spent?: Usage; reason?: string }
) & {
  /** The question's kind and key, for its `error` event. */
  asked: { kind: DecisionKind; key: string };
  /** What the provider layer reported of it (faults got past, a re-ask, repairs); none offline. */
  call?: CallRecord;
};

/**
 * Per-round counters for the round_end statistics. Encounters and messages are counted off the
 * published events (kernel/roundCounters.ts), rewards and usage at the stages' commits: no unit
 * writes them.
 */
export interface RoundCounters {
  encounters: number;
  messages: number;
  rewardSum: number;
  rewardCount: number;
  usage: UsageTotals;
}

export interface PhaseContext {
  readonly scenario: Scenario;
  readonly seed: number;
  /** The round now running (0: setup). */
  readonly round: number;
  /** The live settings (a timed `set` may change them). */
  readonly settings: RunSettings;
  readonly agents: ReadonlyMap<string, Agent>;
  readonly ties: TieTable;
  /** Conversations each agent had with each partner. */
  readonly meetings: PairNumbers;
  /** The last rating each partner gave an agent (holder: the one rated). */
  readonly ratings: PairNumbers;
  /** The declared state's values, for scenarios with `state:` or `actions:`. */
  readonly state?: WorldState;
  /** Where everyone is, for scenarios that declare `places:`. */
  readonly places?: PlaceBook;
  readonly roundStats: RoundCounters;
  /** The scenario's module of mechanics in code, once loaded. */
  readonly module?: SocietyModule;
  /** Longest one call of a module's hook may run (engine/flow/timedCall.ts). */
  readonly moduleTimeLimitMs: number;
  /** Advice is written to the trace but not remembered (SimulationOptions.withholdAdviceMemories). */
  readonly withholdAdviceMemories: boolean;
  /** Agents learn from consequences (SimulationOptions.learning). */
  readonly learning: boolean;
  /** Publishes an event now (a phase's unit writes to its tape instead). */
  emit(e: TraceEvent): void;
  /** Writes a memory now; its event goes to `tape` when given (published with the unit), else out at once. */
  remember(
    agent: Agent,
    kind: MemoryKind,
    text: string,
    importance: number,
    cues?: MemoryCues,
    tape?: Tape,
  ): MemoryRecord;
  /** A tie moved by `delta` (clamped to 0..1) by an action's `ties:` or the module: a `tie` event. */
  moveTie(from: string, to: string, delta: number, cause: 'action' | 'module'): void;
  /** One model decision with the config's `on_error` policy (a failure is an error event, never lost). */
  decide<R extends DecisionRequest>(modelName: string, req: R, at: DecisionSite, signal?: AbortSignal): Decided<R>;
  /**
   * One question an instrument asks, with the instruments' error policy: a failure (after the
   * provider's retries) comes back to be recorded in the instrument's own event, never as an
   * `error` event or a fallback answer; an abort propagates. In the model's slots, so its
   * `concurrency` bounds it with the phases' decisions; `offline` and `offline:<name>` are the
   * built-in rule-based judges.
   */
  ask<R extends DecisionRequest>(modelName: string, req: R, signal?: AbortSignal): Promise<Asked<R>>;
  /**
   * Books what an asked question spent to `agent` and `phase`, and a failure to its model, in the
   * caller's order; a failure, a re-ask or a fault got past is an `error` event, as a decision's.
   */
  bookAsked(agent: string, phase: Phase, asked: Asked<DecisionRequest>, encounter?: string): void;
  /** The coach's model config name. */
  coachModel(): string;
  /** The relevance scorer for agents on `modelName`, or undefined for the lexical path. */
  relevanceOf(modelName: string): RelevanceScorer | undefined;
  /** The model config answers by rule at once (the offline model): it reads no memories to choose an action. */
  answersByRule(modelName: string): boolean;
}
