// Checkpoints: the complete engine state at the end of a round, as plain JSON. Together with the
// trace prefix up to that round they let a run resume and produce the same trace as an
// uninterrupted run (all randomness is derived from keys, so no generator state is saved).
// Written to a file, a checkpoint leaves out the agents' memory streams: every memory is a
// `memory` event of that trace prefix, and folding them in again gives the same streams
// (replay/traceMemories.ts). Memories are ~90% of the engine state, so a checkpoint file is a
// twelfth of the size and costs a fifth of the time; resuming reads the memory lines of the trace.
import type { WorldStateJSON } from '../society/worldState';
import type { RunSettings, TraceHeader, UsageTotals } from '../../trace/events';
import type { AgentJSON } from '../society/agent';
import { jsonPieces, StreamedList } from '../../trace/jsonPieces';
import { writeFileSafely, writeFileSafelyAsync } from '../../files/safeWrite';
import type { TieTriple } from '../society/ties';
import type { UsageBookDraft, UsageBookJSON } from '../society/usageBook';
import type { RewardTallyJSON } from '../society/rewardTally';

export const CHECKPOINT_FORMAT = 'society-checkpoint';
/** 2: memory streams may live in the trace (`memories_in_trace`); version 1 files (memories inline) still restore. */
export const CHECKPOINT_VERSION = 2;

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  header: TraceHeader;
  /** Last completed round. */
  completed: number;
  /** Whether run_end was already emitted. */
  ended: boolean;
  settings: RunSettings;
  agents: AgentJSON[];
  ties: TieTriple[];
  usage: UsageTotals;
  /** Usage per agent, phase and model (absent in checkpoints written before it existed). */
  usage_book?: UsageBookJSON;
  /** Length of the trace file that belongs to this state (set by whoever writes the trace). */
  trace?: { bytes: number; lines: number };
  /**
   * The agents' memory streams are left out (each agent says how many it has, `memory_count`): they
   * are the `memory` events of the trace's first `trace.bytes` bytes. Absent: memories are inline.
   */
  memories_in_trace?: true;
  /** Reward sums so far, so a resumed run's closing means cover the whole run (set by `society run`; absent in older checkpoints). */
  reward_tally?: RewardTallyJSON;
  /**
   * The model config every agent was given (`society run --model`), null when each agent has its
   * own; a resumed run adds agents with it. Absent in checkpoints written before it was recorded.
   */
  model?: string | null;
  /**
   * A branch's digest of all its edits when it was made (trace/branchRecord.ts editsDigest): a
   * resume refuses a branch.json whose edits no longer give it. Absent for runs that are no branch.
   */
  branch_edits?: string;
  /** The declared state's values (scenarios with `state:`/`actions:`). */
  world_state?: WorldStateJSON;
  /** Moves that hold past the round they were made in (scenarios with `places:`): agent → place, last round. */
  held_moves?: Record<string, { place: string; until: number }>;
}

/** The checkpoint's model override: a name, null for none, undefined when the checkpoint predates the field. */
export function checkpointModel(cp: Checkpoint): string | null | undefined {
  return cp.model === undefined ? undefined : typeof cp.model === 'string' ? cp.model : null;
}

/** A checkpoint from its JSON text; throws an Error saying in a sentence what is wrong with it. */
export function parseCheckpoint(text: string): Checkpoint {
  let c: Checkpoint;
  try {
    c = JSON.parse(text) as Checkpoint;
  } catch (err) {
    throw new Error(
      text.trim()
        ? `not valid JSON (${err instanceof Error ? err.message : String(err)}): cut short, or not a checkpoint`
        : 'it is empty',
      { cause: err },
    );
  }
  if (c?.format !== CHECKPOINT_FORMAT) throw new Error('not a society checkpoint');
  if (c.version > CHECKPOINT_VERSION) {
    throw new Error(`checkpoint version ${c.version} is newer than this engine supports (${CHECKPOINT_VERSION})`);
  }
  const problem = shapeProblem(c);
  if (problem) throw new Error(`damaged: ${problem}`);
  return c;
}

/** What a checkpoint lacks that restoring needs (the parts a hand edit or a torn copy breaks). */
function shapeProblem(c: Checkpoint): string | undefined {
  const object = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!object(c.header) || !Number.isInteger(c.header.seed) || !Number.isInteger(c.header.rounds)) {
    return 'its header is missing or incomplete';
  }
  if (!Number.isInteger(c.completed) || c.completed < 0 || c.completed > c.header.rounds) {
    return `round ${JSON.stringify(c.completed)} is not a round of the run (0–${c.header.rounds})`;
  }
  if (!object(c.settings)) return 'its settings are missing';
  if (!Array.isArray(c.agents) || !c.agents.every((a) => object(a) && object(a.persona))) {
    return 'its agents are missing or incomplete';
  }
  if (!Array.isArray(c.ties)) return 'its ties are missing';
  if (!object(c.usage)) return 'its usage totals are missing';
  if (
    c.trace !== undefined &&
    !(Number.isInteger(c.trace.bytes) && c.trace.bytes > 0 && Number.isInteger(c.trace.lines))
  ) {
    return 'its trace length is not a byte count';
  }
  if (c.memories_in_trace) {
    if (c.trace === undefined) return 'its memories are in a trace whose length it does not record';
    const bad = c.agents.find((a) => !(Number.isInteger(a.memory_count) && a.memory_count! >= 0));
    if (bad) return `agent '${bad.persona.id}' has no memory count`;
  } else {
    const bad = c.agents.find((a) => !Array.isArray(a.memories));
    if (bad) return `agent '${bad.persona.id}' has no memories`;
  }
  return undefined;
}

/**
 * Rounds between checkpoints when the user does not say: every round up to 200 agents, then one
 * round more per 200 agents. A checkpoint holds every agent's state (about 1.5 KB per agent
 * without the memories, which are in the trace; ~15 KB with them, as version 1 wrote), so this
 * keeps checkpointing to a few ms per round at any size. `society run` also
 * checkpoints when Ctrl-C stops it, so only a crash loses up to this many rounds.
 */
export function checkpointInterval(agents: number): number {
  return Math.max(1, Math.ceil(agents / 200));
}

/**
 * Whether `afterRound(round, final)` should write a checkpoint: every `every` rounds, and at the
 * end (the final checkpoint, run ended, stands in for the last round's).
 */
export function checkpointDue(round: number, final: boolean, every: number, rounds: number): boolean {
  return final || (round % every === 0 && round < rounds);
}

/**
 * A checkpoint on its way to a file: its agents and ties may be lists made as they are written
 * (Simulation.checkpointDraft), so the state is never copied whole; restoring reads a Checkpoint.
 */
export type CheckpointDraft = Omit<Checkpoint, 'agents' | 'ties' | 'usage_book'> & {
  agents: AgentJSON[] | StreamedList<AgentJSON>;
  ties: TieTriple[] | StreamedList<TieTriple>;
  usage_book?: UsageBookJSON | UsageBookDraft;
};

/**
 * The checkpoint as written to a file: when it records its trace length, without the memory
 * streams (`memories_in_trace`, each agent's `memory_count` instead); otherwise as it is.
 */
export function fileForm(cp: CheckpointDraft): CheckpointDraft {
  if (cp.trace === undefined || cp.memories_in_trace) return cp;
  const agents =
    cp.agents instanceof AgentDrafts
      ? cp.agents.withoutMemories
      : cp.agents.map((a) => withMemoryCount(a, a.memories?.length ?? 0));
  return { ...cp, agents, memories_in_trace: true };
}

/**
 * A draft's agents, made as they are written, with the same agents as a file keeps them when the
 * memories are in the trace (withMemoryCount of the agent without its records): fileForm takes
 * those, so a checkpoint never builds memory records only to count them.
 */
export class AgentDrafts extends StreamedList<AgentJSON> {
  constructor(
    items: () => Iterable<AgentJSON>,
    readonly withoutMemories: StreamedList<AgentJSON>,
  ) {
    super(items);
  }
}

/**
 * An agent's JSON with `count` as its `memory_count` where its memory stream was (same key order
 * otherwise): the records themselves, if any, are left out.
 */
export function withMemoryCount(a: AgentJSON, count: number): AgentJSON {
  const { persona, model, memories: _left, ...rest } = a;
  return { persona, model, memory_count: count, ...rest };
}

/**
 * JSON.stringify(fileForm(cp)) in pieces, one agent and one tie at a time (at 10,000 agents after
 * 10 rounds: 14 MB without the memories, 166 MB with them).
 */
export function checkpointPieces(cp: CheckpointDraft, pieceChars = 1 << 20): Generator<string> {
  return jsonPieces(fileForm(cp), ['agents', 'ties'], pieceChars);
}

/** Write a checkpoint to `file` atomically (a temporary file, then rename), piece by piece. */
export function writeCheckpoint(file: string, cp: CheckpointDraft): void {
  writeFileSafely(file, checkpointPieces(cp));
}

/**
 * The same, written asynchronously: the event loop gets a turn between pieces, so a host that
 * runs the simulation (the VS Code extension host) stays responsive while it is written.
 */
export async function writeCheckpointAsync(file: string, cp: CheckpointDraft): Promise<void> {
  await writeFileSafelyAsync(file, checkpointPieces(cp));
}
