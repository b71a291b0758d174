// One agent's turn in a round: who acts, the tape of the stage now running it, and the state each
// phase plug-in keeps for it in its own slot (phases/slot.ts) — the kernel knows none of them.
import type { RetrievedMemory } from '../../llm/types';
import type { Tape } from '../flow/tape';
import type { Agent } from '../society/agent';
import { newSlots, type SlotHolder } from './slot';

export interface Turn extends SlotHolder {
  readonly agent: Agent;
  /** The tape of the stage now running this turn. */
  tape: Tape;
  readonly signal?: AbortSignal;
  /**
   * The memories on the agent's mind this round: its retrieval for the situation `meet` showed it
   * (empty without one), which later decisions — the coach, reflection, an action — are made with.
   */
  recalled: RetrievedMemory[];
  /** It has retrieved this round (even nothing): an action phase without `meet` before it retrieves itself. */
  retrieved?: boolean;
}

export function newTurn(agent: Agent, tape: Tape, signal?: AbortSignal): Turn {
  // `retrieved` from the start: set later, it would give every turn a property array (≈ 40 B).
  return { agent, tape, signal, recalled: [], slots: newSlots(), retrieved: false };
}

/**
 * What a turn no longer needs once the round's last phase that reads turns is over for it (≈ 1.2
 * KB an agent, 1.2 GB of a million-agent round, otherwise kept until the round ends and through
 * its checkpoint).
 */
export function letGo(t: Turn): void {
  t.recalled = [];
  t.slots.length = 0;
}
