// Two runs of one scenario compared: where their traces part, the final outcomes and every series
// over rounds side by side with B − A, and the ties one ends with and the other does not. From two
// trace files (`society compare`, the editor) or two traces in memory (tests, a run just made).
import type { TraceEvent, TraceHeader } from '../../trace/events';
import type { DeclaredOutcomes } from '../metrics/runTally';
import { applying, eitherWorld } from '../metrics/table/applies';
import type { WorldFacts } from '../metrics/table/metric';
import { branchRelation, type BranchRelation } from './branchInfo';
import { fileLines, firstDivergence, type Divergence } from './divergence';
import { checkHeaders } from './headerCheck';
import { digestEvents, type RunDigest } from './runDigest';
import { outcomesSideBySide, seriesSideBySide, type Paired, type SeriesSideBySide } from './sideBySide';
import { tieDifference, type TieDifference } from './tieDifference';
import { digestTraceFile } from './traceDigest';

/** One run as the comparison names it. */
export interface ComparedRun {
  /** Where it came from (a path as the user gave it, or a name). */
  label: string;
  seed: number;
  hash: string;
  /** The last whole round. */
  rounds: number;
  complete: boolean;
  /** The tie threshold; absent where neither run's world forms ties. */
  threshold?: number;
}

export interface RunComparison {
  kind: 'runs';
  scenario: string;
  a: ComparedRun;
  b: ComparedRun;
  /** How the runs were set up differently, and what either lacks (an unfinished run). */
  notes: string[];
  /** Settings paths whose values differ. */
  settings: string[];
  divergence: Divergence;
  branch?: BranchRelation;
  /** What either run's world provides: the outcomes, series and ties shown are those that apply. */
  world: WorldFacts;
  outcomes: Record<string, Paired>;
  series: SeriesSideBySide;
  /** Absent where neither run's world forms ties. */
  ties?: TieDifference;
}

function compared(label: string, d: RunDigest, world: WorldFacts): ComparedRun {
  return {
    label,
    seed: d.header.seed,
    hash: d.header.scenario.hash,
    rounds: d.lastRound,
    complete: d.complete,
    ...(world.ties ? { threshold: d.threshold } : {}),
  };
}

/** The comparison of two digested runs whose divergence is known. Throws NotComparable for two scenarios. */
export function compareDigests(
  a: { label: string; digest: RunDigest },
  b: { label: string; digest: RunDigest },
  divergence: Divergence,
  branch?: BranchRelation,
): RunComparison {
  const header = checkHeaders(a.digest.header, b.digest.header);
  const notes = [...header.notes];
  const world = eitherWorld(a.digest.world, b.digest.world);
  for (const [side, d] of [
    ['A', a.digest],
    ['B', b.digest],
  ] as const) {
    if (!d.complete) notes.push(`${side} ends at round ${d.lastRound} without run_end (an unfinished run)`);
  }
  if (world.ties && a.digest.threshold !== b.digest.threshold) {
    notes.push(
      `the tie thresholds differ (${a.digest.threshold} and ${b.digest.threshold}): each run's ties are those at its own`,
    );
  }
  return {
    kind: 'runs',
    scenario: header.scenario,
    a: compared(a.label, a.digest, world),
    b: compared(b.label, b.digest, world),
    notes,
    settings: header.settings,
    divergence,
    ...(branch ? { branch } : {}),
    world,
    outcomes: applying(outcomesSideBySide(a.digest.outcomes, b.digest.outcomes), world),
    series: appliedSeries(seriesSideBySide(a.digest.series, b.digest.series), world),
    ...(world.ties ? { ties: tieDifference(a.digest, b.digest) } : {}),
  };
}

const appliedSeries = (s: SeriesSideBySide, world: WorldFacts): SeriesSideBySide => ({
  rounds: s.rounds,
  metrics: applying(s.metrics, world),
});

export interface TraceInMemory {
  label?: string;
  header: TraceHeader;
  events: readonly TraceEvent[];
  /** What the scenario declares (its state series and outcomes); without it, the network's and rewards'. */
  declared?: DeclaredOutcomes;
}

const linesOf = (t: TraceInMemory): string[] => [t.header, ...t.events].map((x) => JSON.stringify(x));

/** Two traces held in memory compared (their lines as the trace writer writes them). */
export async function compareRuns(a: TraceInMemory, b: TraceInMemory): Promise<RunComparison> {
  return compareDigests(
    { label: a.label ?? 'A', digest: digestEvents(a.header, a.events, a.declared) },
    { label: b.label ?? 'B', digest: digestEvents(b.header, b.events, b.declared) },
    await firstDivergence(linesOf(a), linesOf(b)),
  );
}

export interface TraceFileSide {
  file: string;
  /** How to name it (default: the file). */
  label?: string;
  declared?: DeclaredOutcomes;
}

/** Two trace files compared; a branch.json beside either says how they are related. */
export async function compareTraceFiles(a: TraceFileSide, b: TraceFileSide): Promise<RunComparison> {
  const [da, db] = await Promise.all([digestTraceFile(a.file, a.declared), digestTraceFile(b.file, b.declared)]);
  // Checked before reading the traces a second time for where they part.
  checkHeaders(da.header, db.header);
  const divergence = await firstDivergence(fileLines(a.file), fileLines(b.file));
  return compareDigests(
    { label: a.label ?? a.file, digest: da },
    { label: b.label ?? b.file, digest: db },
    divergence,
    branchRelation(a.file, b.file),
  );
}
