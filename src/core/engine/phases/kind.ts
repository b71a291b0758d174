// A phase plug-in: everything one kind of round phase is — its runner, the agent steps it is made
// of, the trace events it writes, the deferred changes it commits with their apply, the state it
// keeps. The kernel (kernel/rounds.ts) orders the plan's phases, gives each a RoundRun, and knows
// nothing else of them; phases/table.ts lists the kinds.
import type { RoundPhase } from '../../format';
import type { Phase, TraceEvent } from '../../trace/events';
import type { ChangeKinds } from '../flow/stateChange';
import type { Step } from '../flow/step';
import type { Tape } from '../flow/tape';
import type { PhaseContext } from './context';
import type { SlotHolder } from './slot';
import type { StepPoint } from './stepPoint';
import type { Turn } from './turn';

/** One step of an agent's turn: a point the debugger can stop before, and a function breakpoint. */
export interface PhaseStep {
  readonly name: Phase;
  run(world: PhaseContext, t: Turn): Step;
}

/** What the kernel gives a phase for one round. Its slots are the round's state of each plug-in. */
export interface RoundRun extends SlotHolder {
  readonly round: number;
  /** Every agent's turn, in the round's turn order. */
  readonly turns: readonly Turn[];
  readonly signal?: AbortSignal;
  /** Whether the phase now running is the round's last (its turns may let go as they finish). */
  last: boolean;
  /** Runs independent units as one stage: concurrently, published and committed in unit order. */
  stage<U>(units: readonly U[], work: (unit: U, tape: Tape, index: number) => Step): Promise<void>;
  /**
   * An agent's `steps`, each after a step point, as plain calls while nothing has to wait.
   * `declared` names the action phase a `world` step belongs to (the debugger shows it).
   */
  steps(t: Turn, tape: Tape, turn: number, steps: readonly PhaseStep[], declared?: string): Step;
  /** A step point of the phase's own (the debugger may hold the run there). */
  point(p: StepPoint): void | Promise<void>;
}

export interface PhaseKind<P extends RoundPhase = RoundPhase> {
  /** A built-in phase's name in `round:` (meet, evaluate, learn), or `act` for declared action phases. */
  readonly kind: string;
  /** The agent steps it runs, in order: the debugger's phases and function breakpoints. */
  readonly steps: readonly PhaseStep[];
  /** The trace events its units write (test/unit/architecture/phases.test.ts holds it to them). */
  readonly events: readonly TraceEvent['type'][];
  /** Its deferred state changes, each with the apply the stage commits it with. */
  readonly changes: ChangeKinds<PhaseContext>;
  /** At the round's start, before the first phase, when the plan has this kind (meet's encounter index). */
  beginRound?(world: PhaseContext, r: RoundRun): void;
  /** Runs one planned phase of this kind for the round. */
  run(world: PhaseContext, r: RoundRun, phase: P): Promise<void>;
  /** After the plan's last phase of this kind, ran or not: what it kept for the round may go. */
  doneForRound?(r: RoundRun): void;
  /**
   * Once every planned phase has run, whether or not the plan has this kind: the world's own close
   * of the round (act: the declared updates, the module's `endRound`, the `state` event).
   */
  closeRound?(world: PhaseContext, signal?: AbortSignal): Promise<void>;
}
