// The phase plug-ins (issue 43): one entry per kind of round phase. The kernel runs a round's plan
// through this table and nothing else; the format's built-in phase names, the trace's step names
// and the debugger's function breakpoints are held to it by test/unit/architecture/phases.test.ts.
import type { RoundPhase } from '../../format/language/mechanics';
import { ACT } from './act/act';
import { EVALUATE } from './evaluate/evaluate';
import type { PhaseKind } from './kind';
import { LEARN } from './learn/learn';
import { MEET } from './meet/meet';

export const PHASES: readonly PhaseKind[] = [MEET, EVALUATE, LEARN, ACT as PhaseKind];

const BY_KIND = new Map(PHASES.map((p) => [p.kind, p]));

/** The plug-in that runs a planned phase: a built-in by its name, a declared action phase by `act`. */
export function phaseKind(phase: RoundPhase): PhaseKind {
  const kind = BY_KIND.get(phase.kind === 'act' ? 'act' : phase.name);
  if (!kind) throw new Error(`no phase plug-in runs '${phase.name}'`);
  return kind;
}

/** Every step of a turn, in the order a round with every kind runs them: the debugger's phases. */
export const STEP_NAMES: readonly string[] = PHASES.flatMap((p) => p.steps.map((s) => s.name));
