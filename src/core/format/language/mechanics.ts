// The mechanics a scenario declares for its world (issue 34): named quantities of the world and of
// every agent (`state:`), and the actions agents may take (`actions:`), whose preconditions and
// effects are CEL expressions (expressions.ts). A scenario without them is the friend-making loop
// alone, exactly as before.
import type { SourceLocation } from './model';

/** A named number of the world (one value) or of every agent (one value each). */
export interface Quantity {
  name: string;
  description?: string;
  /** The value at the start of the run. */
  initial: number;
  min?: number;
  max?: number;
  /** Rounded to a whole number after every change. */
  integer?: boolean;
  /**
   * Next round's value from this round's closing state (regrowth, decay, interest): a CEL
   * expression evaluated at the end of every round. World quantities see `world` and `n` (the
   * number of agents); agent quantities see `me` too.
   */
  update?: string;
  /** Other agents do not see an agent quantity marked hidden; the agent itself always does. */
  hidden?: boolean;
  /** False for a tally kept only to measure: the offline model does not weigh changes to it. */
  valued?: boolean;
  source?: SourceLocation;
}

export type ArgType = 'number' | 'agent';

/** Something the model chooses when it takes an action: a number in bounds, or another agent. */
export interface ActionArg {
  name: string;
  type: ArgType;
  description?: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** One assignment an action makes: `target` is `world.<q>`, `me.<q>` or `<agent arg>.<q>`. */
export interface Effect {
  target: string;
  expression: string;
}

export interface Action {
  name: string;
  description: string;
  args: ActionArg[];
  /** A CEL condition; an agent may take the action only while it holds (default: always). */
  when?: string;
  /** Computed together from the state before the action, then applied in the order written. */
  effects: Effect[];
  /** What the agent remembers having done; `{args.<a>}`, `{world.<q>}` and `{me.<q>}` are filled in after the action. */
  remember?: string;
  source?: SourceLocation;
}

/** Agents replaced between generations: the least fit leave, children of the fittest join. */
export interface Generations {
  every: number;
  replace: number;
  /** An agent quantity: the ranking. */
  fitness: string;
  mutation: number;
  /** The parent's latest advice and reflection memories the child starts with. */
  inherit: number;
}

export interface Mechanics {
  world: Quantity[];
  agents: Quantity[];
  actions: Action[];
  generations?: Generations;
}

/** Names an agent-typed action argument may not take: they are the expression namespaces. */
export const RESERVED_NAMES = ['world', 'me', 'args', 'n', 'round', 'traits'] as const;
