// What a unit of a stage changes in the world, held back until the stage commits (engine/flow/tape.ts),
// as data rather than a closure: every field is plain JSON (agents by id), so a unit's changes
// could come back from a worker thread and be committed in unit order as these are. One function
// per kind applies it; the kinds are the engine's only deferred changes.
import type { Phase, Usage, EvaluationReasons } from '../../trace/events';
import type { TranscriptLine } from '../../llm/types';
import { rememberTalk } from '../phases/conversation';
import { commitRating, countMeeting } from '../phases/evaluation';
import type { World } from '../kernel/world';

export type StateChange =
  /** Each member remembers a conversation and counts it towards its rewards. */
  | { kind: 'conversation'; members: string[]; transcript: TranscriptLine[]; room?: { name: string; topic?: string } }
  /** A rating moves the rater's tie, becomes its memory and the ratee's feedback. */
  | {
      kind: 'rating';
      rater: string;
      ratee: string;
      rating: number;
      reasons: EvaluationReasons;
      /** What the rater said of the conversation. */
      said: string;
      /** The first topic the ratee brought up. */
      topic?: string;
    }
  /** The members of a rated conversation count one more meeting with each other. */
  | { kind: 'met'; members: string[] }
  /** An agent's reward total, for the round's statistics. */
  | { kind: 'reward'; total: number }
  /** A model call's usage, booked to the agent and phase. */
  | { kind: 'usage'; agent: string; phase: Phase; usage: Usage }
  /** A model call that failed, with what it spent. */
  | { kind: 'failed_call'; model: string; agent: string; phase: Phase; spent?: Usage };

export function applyChange(world: World, c: StateChange): void {
  switch (c.kind) {
    case 'conversation':
      return rememberTalk(world, c);
    case 'rating':
      return commitRating(world, c);
    case 'met':
      return countMeeting(world, c.members);
    case 'reward':
      world.roundStats.rewardSum += c.total;
      world.roundStats.rewardCount++;
      return;
    case 'usage':
      return world.book(c.agent, c.phase, c.usage);
    case 'failed_call':
      world.usage.fail(c.model);
      if (c.spent) world.book(c.agent, c.phase, c.spent);
      return;
  }
}
