// What an explanation is made of: moves of a value (a tie's strength, an agent's quantity), each
// with the trace event behind it, and the events around them that say why. Every item points at
// its trace line (1-based, as an editor counts) so a view can jump there. Plain JSON: it crosses
// to the webview and into `--json`.

/** Where an item is in the trace. */
export interface TraceRef {
  /** The event's line in the trace file, 1-based (the header is line 1). */
  line: number;
  round: number;
}

/** An event that explains a move: a conversation, a rating, a reward, a memory… */
export interface Because extends TraceRef {
  kind: 'encounter' | 'room' | 'message' | 'evaluation' | 'action' | 'reward' | 'advice' | 'memory' | 'learned';
  /** The agent it belongs to (the speaker, the rater, the one rewarded, the memory's owner). */
  agent?: string;
  /** A memory's id in its owner's stream (the memory inspector's key). */
  memory?: number;
  text: string;
}

/** One change of the value, from `previous` to `value`. */
export interface Move extends TraceRef {
  /** What moved it: a tie event's cause, the decay rule, an agent leaving; a quantity's action or round-end state. */
  cause: string;
  previous: number;
  value: number;
  /** value − previous: the moves' deltas add up to the final value. */
  delta: number;
  /** What happened, in a line. */
  text: string;
  /** For a tie: which direction moved ("from→to"). */
  tie?: string;
  /** The event behind it (the evaluation, the action), when the trace has one. */
  because?: Because;
}

/** The moves of one round, with what else happened between the agents that round. */
export interface ExplainedRound {
  round: number;
  moves: Move[];
  context: Because[];
}

export interface Explanation {
  /** What is explained: "maya_chen→sam" (or "maya_chen↔sam"), "maya_chen.wealth", "world.fish". */
  subject: string;
  /** The last round taken into account. */
  round: number;
  /** Final value of each explained series ("from→to" for ties, the subject for quantities). */
  values: Record<string, number>;
  rounds: ExplainedRound[];
  /** Persona names by agent id, for readers. */
  names: Record<string, string>;
}

/** The events of a trace and where each is: `lines[i]` is events[i]'s line (default i + 2: a clean trace). */
export interface LocatedEvents<E> {
  events: readonly E[];
  lines?: readonly number[];
}

export const lineOf = (t: LocatedEvents<unknown>, i: number): number => t.lines?.[i] ?? i + 2;
