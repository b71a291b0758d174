// Checkpoints of a simulation between rounds: the whole state as one object, or as a draft whose
// agents and ties are made one at a time as the file is written (persist/checkpoint.ts).
import type { TraceHeader } from '../../trace/events';
import { StreamedList } from '../../trace/jsonPieces';
import { agentToJSON } from '../society/agent';
import {
  AgentDrafts,
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  withMemoryCount,
  type CheckpointDraft,
} from '../persist/checkpoint';
import type { World } from './world';

/** Where the run stands, as the checkpoint records it. */
export interface RunProgress {
  header: TraceHeader;
  completed: number;
  ended: boolean;
  /** The `--model` override (null: every agent its own). */
  model: string | null;
  /** A branch's digest of its edits (absent for a run that is no branch). */
  branchEdits?: string;
}

/** The state after the last completed round, whole. */
export function wholeCheckpoint(world: World, at: RunProgress): CheckpointDraft {
  return checkpointWith(
    world,
    at,
    [...world.agents.values()].map((a) => agentToJSON(a, world)),
    world.ties.toJSON(),
    world.usage.toJSON(),
  );
}

/** The same checkpoint for a file, read from the live state as it is written. */
export function checkpointDraft(world: World, at: RunProgress): CheckpointDraft {
  const agents = world.agents,
    ties = world.ties;
  return checkpointWith(
    world,
    at,
    new AgentDrafts(
      function* () {
        for (const a of agents.values()) yield agentToJSON(a, world);
      },
      new StreamedList(() => agents.values()).map((a) =>
        withMemoryCount(agentToJSON(a, world, false), a.memories.length),
      ),
    ),
    new StreamedList(() => ties.entries()),
    world.usage.toDraft(),
  );
}

function checkpointWith(
  world: World,
  at: RunProgress,
  agents: CheckpointDraft['agents'],
  ties: CheckpointDraft['ties'],
  usageBook: CheckpointDraft['usage_book'],
): CheckpointDraft {
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    header: at.header,
    completed: at.completed,
    ended: at.ended,
    settings: structuredClone(world.settings),
    agents,
    ties,
    usage: { ...world.totalUsage },
    usage_book: usageBook,
    model: at.model,
    ...(at.branchEdits !== undefined ? { branch_edits: at.branchEdits } : {}),
    ...(world.state ? { world_state: world.state.toJSON() } : {}),
    ...(world.places ? { held_moves: Object.fromEntries([...world.places.held].map(([a, m]) => [a, { ...m }])) } : {}),
  };
}
