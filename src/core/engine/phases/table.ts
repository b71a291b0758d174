// The phase plug-ins (issue 43): one entry per kind of round phase. The kernel runs a round's plan
// through this table and nothing else; the format's built-in phase names, the trace's step names
// and the debugger's function breakpoints are held to it by test/unit/architecture/phases.test.ts.
import type { BuiltinPhase, RoundPhase } from '../../format';
import type { PlannedPhase } from '../society/roundPlan';
import { ACT } from './act/act';
import { phaseRuns } from './act/guard';
import type { PhaseContext } from './context';
import { EVALUATE } from './evaluate/evaluate';
import type { PhaseKind, RoundRun } from './kind';
import { LEARN } from './learn/learn';
import { MEET } from './meet/meet';

/** A plug-in for each built-in phase of the format and for declared action phases: a built-in added
 * to format/model/mechanics.ts BUILTIN_PHASES without one here is a compile error. */
const BY_KIND: Readonly<Record<BuiltinPhase | 'act', PhaseKind>> = {
  meet: MEET,
  evaluate: EVALUATE,
  learn: LEARN,
  act: ACT as PhaseKind,
};

export const PHASES: readonly PhaseKind[] = Object.values(BY_KIND);

/** The plug-in that runs a planned phase: a built-in by its name, a declared action phase by `act`. */
export function phaseKind(phase: RoundPhase): PhaseKind {
  return BY_KIND[phase.kind === 'act' ? 'act' : phase.name];
}

/** Every step of a turn, in the order a round with every kind runs them: the debugger's phases. */
export const STEP_NAMES: readonly string[] = PHASES.flatMap((p) => p.steps.map((s) => s.name));

/** Runs a planned phase with its plug-in, unless its `when` says not this round (a failing one is an error event). */
export async function runPlanned(
  world: PhaseContext,
  r: RoundRun,
  kind: PhaseKind,
  phase: PlannedPhase,
): Promise<void> {
  if (!phase.runs || phaseRuns(world, phase)) await kind.run(world, r, phase);
}

/** The world's close of the round: each plug-in's `closeRound`, in the table's order. */
export async function closeRound(world: PhaseContext, signal?: AbortSignal): Promise<void> {
  for (const p of PHASES) await p.closeRound?.(world, signal);
}
