// Checkpoints: the complete engine state at the end of a round, as plain JSON. Together with the
// trace prefix up to that round they let a run resume and produce the same trace as an
// uninterrupted run (all randomness is derived from keys, so no generator state is saved).
import type { RunSettings, TraceHeader, UsageTotals } from '../trace/events';
import type { AgentJSON } from './agent';
import type { TieTriple } from './ties';

export const CHECKPOINT_FORMAT = 'society-checkpoint';
export const CHECKPOINT_VERSION = 1;

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
  /** Length of the trace file that belongs to this state (set by whoever writes the trace). */
  trace?: { bytes: number; lines: number };
}

export function parseCheckpoint(text: string): Checkpoint {
  const c = JSON.parse(text) as Checkpoint;
  if (c?.format !== CHECKPOINT_FORMAT) throw new Error('not a society checkpoint');
  if (c.version > CHECKPOINT_VERSION) throw new Error(`checkpoint version ${c.version} is newer than this engine supports (${CHECKPOINT_VERSION})`);
  return c;
}
