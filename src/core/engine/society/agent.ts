// An agent's mutable state inside the engine, and its plain-JSON form for checkpoints.
import type { DriverWeights, Persona } from '../../format';
import type { MemoryRecord } from '../../trace/events';
import { personaBrief, type PersonaBrief } from '../../llm/types';
import { emptyWindow, type RewardWindow } from './rewards';
import { withoutSources } from './personaSources';
import type { PairNumbers } from './pairTable';
import { MemoryStream } from '../memory/memoryStream';

export interface Agent {
  id: string;
  persona: Persona;
  brief: PersonaBrief;
  /** The persona's interests (a scan finds one among a handful faster than a Set an agent, ≈ 150 B, is worth). */
  interests: readonly string[];
  /** `interests` as sorted interned ids, filled on first use (encounters.ts interestIdsOf). */
  interestIds?: Int32Array;
  /** Model config name deciding for this agent. */
  model: string;
  /** Held as columns (memoryStream.ts); `records()` gives them as objects. */
  memories: MemoryStream;
  nextMemoryId: number;
  /** Importance written since the last reflection (reflections themselves excluded). */
  sinceReflection: number;
  /** Id of the newest memory covered by the last reflection (-1 = none yet). */
  reflectedUpTo: number;
  /**
   * `sinceReflection` when the agent last reflected and found nothing to write (0 = it did not):
   * the next attempt waits for another `reflect_at` of importance (turn.ts reflectionDue).
   */
  reflectionDeferred: number;
  /** What happened since this agent's previous reward phase. */
  window: RewardWindow;
  lastRewards?: { raw: DriverWeights; total: number };
}

/**
 * What agents keep per other agent, held by the world in pair tables rather than per agent
 * (pairTable.ts): conversations had with each partner (holder: the agent), and the last rating each
 * partner gave an agent (holder: the one rated, who sees its feedback).
 */
export interface AgentPairs {
  readonly meetings: PairNumbers;
  readonly ratings: PairNumbers;
}

export function createAgent(persona: Persona, model: string): Agent {
  // Every field is present from the start, the optional ones as undefined: fields added later would
  // give agents several shapes, and reads of other agents' fields (in every candidate proposal) slow
  // down with each shape they meet.
  return {
    id: persona.id,
    persona,
    brief: personaBrief(persona),
    interests: persona.interests,
    interestIds: undefined,
    model,
    memories: new MemoryStream(),
    nextMemoryId: 0,
    sinceReflection: 0,
    reflectedUpTo: -1,
    reflectionDeferred: 0,
    window: emptyWindow(),
    lastRewards: undefined,
  };
}

export interface AgentJSON {
  persona: Persona;
  model: string;
  /** The memory stream; left out of checkpoint files, which keep memories in the trace (checkpoint.ts fileForm). */
  memories?: MemoryRecord[];
  /** Length of the memory stream left out. */
  memory_count?: number;
  nextMemoryId: number;
  sinceReflection: number;
  reflectedUpTo: number;
  /** Absent in checkpoints written before it existed (and when 0). */
  reflectionDeferred?: number;
  window: RewardWindow;
  lastRewards?: { raw: DriverWeights; total: number };
  met: [string, number][];
  ratedBy: [string, number][];
}

/** The agent's state for a checkpoint; the persona without its source locations (personaSources.ts). */
export function agentToJSON(a: Agent, pairs: AgentPairs, withMemories = true): AgentJSON {
  return {
    persona: withoutSources(a.persona),
    model: a.model,
    memories: withMemories ? a.memories.records() : undefined,
    nextMemoryId: a.nextMemoryId,
    sinceReflection: a.sinceReflection,
    reflectedUpTo: a.reflectedUpTo,
    ...(a.reflectionDeferred ? { reflectionDeferred: a.reflectionDeferred } : {}),
    window: a.window,
    lastRewards: a.lastRewards,
    met: pairs.meetings.entriesOf(a.id),
    ratedBy: pairs.ratings.entriesOf(a.id),
  };
}

/**
 * The agent a checkpoint describes, its meetings and ratings put in `pairs`; `j.memories` must be
 * there (restored from the trace if the file left it out).
 */
export function agentFromJSON(j: AgentJSON, pairs: AgentPairs): Agent {
  if (!j.memories) {
    throw new Error(`agent '${j.persona.id}': its memories are not in the checkpoint (read them from the trace)`);
  }
  const a = createAgent(j.persona, j.model);
  a.memories = MemoryStream.of(j.memories);
  a.nextMemoryId = j.nextMemoryId;
  a.sinceReflection = j.sinceReflection;
  a.reflectedUpTo = j.reflectedUpTo;
  a.reflectionDeferred = j.reflectionDeferred ?? 0;
  a.window = j.window;
  a.lastRewards = j.lastRewards;
  for (const [other, n] of j.met) pairs.meetings.set(a.id, other, n);
  for (const [other, r] of j.ratedBy) pairs.ratings.set(a.id, other, r);
  return a;
}
