// The points between steps where the kernel passes control to its gate (the debugger): each may
// hold the run, and `current` tells the debugger where it stands.
import type { Phase } from '../../trace/events';

export type StepPoint =
  | { kind: 'round_start'; round: number }
  | { kind: 'rooms'; round: number }
  | {
      kind: 'phase';
      round: number;
      agent: string;
      phase: Phase;
      /** Position in this round's turn order. */ turn: number;
      /** The declared action phase running (`round:`), for a `world` step of a phase not named `world`. */
      step?: string;
    }
  | {
      /** Right after an agent's chosen action took effect (the debugger's Action taken stops here). */
      kind: 'action';
      round: number;
      agent: string;
      /** The action taken. */
      action: string;
      turn: number;
      /** The declared action phase it belongs to (`round:`), when not the default `world`. */
      step?: string;
    }
  | { kind: 'round_end'; round: number };
