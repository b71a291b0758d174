// What the kernel's host (the Simulation) gives the round runner and shares with it: the gate and
// progress, the run's options, and where the time goes.
import type { WorldEdit } from '../../trace/edits';
import type { StepPoint } from '../phases/stepPoint';

/** What the kernel shares with its host (the Simulation): the gate, where it stands, how far it got. */
export interface RunControl {
  /** Called before every step; may return a promise to hold the simulation there (debugger). */
  gate?: (p: StepPoint) => void | Promise<void>;
  /** Called after each round_end, once the events are emitted (flush, checkpoint). */
  afterRound?: (round: number, final: boolean) => void | Promise<void>;
  /** The step about to run or running. */
  current?: StepPoint;
  /** Last completed round (−1 before setup). */
  completed: number;
}

export interface RoundOptions {
  /** Model config name every agent uses (`--model`). */
  model?: string;
  yieldEvery?: number;
  reversedUnits?: boolean;
  concurrency?: number;
  /** Edits by round (a branch's, kernel/edits.ts): applied right after that round's `round_start`. */
  edits?: ReadonlyMap<number, readonly WorldEdit[]>;
  /** Where the time goes (SimulationOptions.phaseTimes): filled when given, nothing else changes. */
  phaseTimes?: PhaseTimes;
}

/**
 * Wall ms by planned phase name (its units and its stages' commits), with the commits alone under
 * `commit` too, and the kernel's own work between phases under `kernel` (the benchmark's profile).
 */
export type PhaseTimes = Map<string, number>;

/** Adds the time since `since` to `key`; returns now. */
export function addTime(times: PhaseTimes, key: string, since: number): number {
  const now = performance.now();
  times.set(key, (times.get(key) ?? 0) + now - since);
  return now;
}
