// The `act` decision: an agent takes one of the scenario's declared actions, seeing the declared
// state, the feeds it reads and every way to act worked out by the engine.
import type { ShownArg, VerbFields } from '../format';
import type { RequestBase } from './requestBase';
import type { ActionEvent } from '../trace/events';

/**
 * One way to take a declared action (format/model/mechanics.ts) with its arguments filled in,
 * and what it would change, worked out by the engine from the action's effects on the current
 * state: `changes` maps `world.<q>`, `me.<q>` and `<agent id>.<q>` to the change in that quantity.
 */
/** A post on a feed as a reader sees it (engine/society/feeds.ts). */
export interface SeenPost {
  id: string;
  feed: string;
  author: string;
  name: string;
  text: string;
  round: number;
  likes: number;
  replies: number;
  /** The post it replies to. */
  reply_to?: string;
  /** The reader's tie strength to the author. */
  tie: number;
  /** The reader follows the author. */
  followed: boolean;
}

export interface ActOption {
  action: string;
  args: Record<string, number | string>;
  changes: Record<string, number>;
  /**
   * An action that moves the agent (`move:`): the place it goes to (id and label), the share of the
   * parts of the day the move lasts whose plan says elsewhere (0: the plan says go there), and its
   * mean tie to those there minus to those where it is.
   */
  move?: { to: string; label: string; off_plan: number; ties: number };
  /**
   * What taking this option brought the agent (and, by its openness, the others who took it) in
   * the rounds after, beyond what it changed at once, against its usual: per own valued quantity,
   * in the quantity's units, the recency-weighted mean surprise (engine/society/experience.ts).
   * Absent before any experience of it.
   */
  experience?: Record<string, number>;
  /**
   * What its changes to the world bring back at the round's close through the declared updates,
   * per `me.q` and `<agent id>.q` (valued quantities; engine/phases/act/foresight.ts). Absent when nothing.
   */
  foreseen?: Record<string, number>;
  /**
   * Where the close steps or kinks with what the others do and the agent's belief about them is
   * spread (engine/phases/act/beliefSpread.ts): per own valued quantity `me.q`, the loss the spread
   * adds, E[max(0, −o)] − max(0, −E[o]) over the belief, o the option's change at once and what it
   * brings back. Absent when none.
   */
  downside?: Record<string, number>;
  /**
   * What a partner who chooses in a later phase of the round would do after this option, as the
   * offline rule reckons it (engine/phases/act/lookahead.ts): each response's chance and what it
   * changes, per `me.q` and `<agent id>.q` (valued quantities). Offline deciders only.
   */
  responses?: { p: number; changes: Record<string, number> }[];
}

/** A declared quantity as the deciding agent sees it. */
export interface SeenQuantity {
  name: string;
  value: number;
  description?: string;
  min?: number;
  max?: number;
  /** What one unit is worth in US dollars, where the world declares it (`worth_usd`). */
  worth?: number;
}

export interface ActRequest extends RequestBase {
  kind: 'act';
  /** The world's quantities and the agent's own, now. */
  world: SeenQuantity[];
  own: SeenQuantity[];
  /** The agents it may act on (agent-typed arguments), with their visible quantities and its tie to them. */
  others: {
    id: string;
    name: string;
    tie: number;
    state: Record<string, number>;
    /**
     * What their last action did to everyone else, −1..1 (engine/society/conduct.ts): negative when it
     * took from the world or from others, positive when it gave; relative to the round's largest.
     */
    conduct?: number;
    /**
     * Their conduct is of this round (an earlier phase of it): a kindness or a slight not answered
     * yet, unlike last round's, which the agent met with its own move of that round.
     */
    conduct_now?: true;
    /** How much others' actions took from them last round, 0..1 (relative to the round's most): sanctions seen. */
    pressure?: number;
    /** In this agent's match group (with `matching:`): whom its beliefs about the others are about. */
    matched?: true;
    /** The action they took last round, if any. */
    last?: string;
    /** Per action they took last round, its number arguments (what they gave, took, offered): conditional cooperators match them. */
    last_args?: Record<string, Record<string, number>>;
    /**
     * How far ahead of this agent they are in what agents want more of (the valued agent
     * quantities), −1..1 relative to the widest gap among those shown: imitation follows success.
     */
    ahead?: number;
    /**
     * Rounds since this agent last talked with them (0: this round), as it remembers it, within
     * the last dozen rounds (engine/phases/act/talkedWith.ts). Offline deciders, in worlds with an amount to agree on.
     */
    talked?: number;
    /**
     * Their latest division (engine/society/division.ts), shown only to an agent it was not divided
     * among (a third party): what they handed over, what an equal split hands over, and the breach 0..1;
     * or (`effort`) their latest contribution to a common effort the agent took no part in, against
     * the mean of the others who contributed (`fair`).
     */
    division?: { amount: number; fair: number; breach: number; effort?: true };
  }[];
  /** How much others' actions took from this agent last round, 0..1 (relative to the round's most). */
  pressure?: number;
  /** The agent's own draw of the run, uniform 0..1: how its concern for others differs from its trait's (offline model). */
  disposition?: number;
  /** The agent's own draw of the run, uniform 0..1: how much it minds being behind the others (envy; offline model). */
  fairness?: { envy: number; norm?: number };
  /**
   * What the round's close is expected to bring each valued quantity without this agent's choice
   * (`me.q`, `<id>.q`): the declared updates, with what the others are expected to do this phase.
   */
  expected_close?: Record<string, number>;
  /**
   * The turns the others still have after this decision (rounds left, and one for a later act phase
   * of this round): while any remain, what an agent gives others can come back.
   */
  later_turns?: number;
  /**
   * What talk agrees on (engine/phases/act/agreement.ts): for each action whose one argument is a
   * number, the amount that, taken by every member of the agent's group, leaves the group best off
   * by the round's close; and (no `arg`) the action among those without arguments that does.
   * Offline deciders who talked with anyone lately; absent where nothing stands out.
   */
  group_best?: { action: string; arg?: string; amount?: number }[];
  /** The actions it may take now (their `when` holds), as declared. */
  actions: ({
    name: string;
    description: string;
    args: (ShownArg & {
      feed?: string;
      /** Its `where`, as written: the condition a candidate meets. */
      where?: string;
      /** With a `where`: the ids that meet it now, the only ones it may name. */
      among?: string[];
    })[];
    effects: { target: string; expression: string }[];
    /** With its platform verbs (format/model/verbs.ts): posting writes `text`. */
    /** Where taking it moves the agent (`move:`): a place id or `args.<a>`, for the part of the day or the day. */
    move?: { to: string; for: 'part' | 'day' };
  } & VerbFields)[];
  /** The posts it read on the feeds, best ranked first: post arguments choose among them. */
  posts?: SeenPost[];
  /** Scenarios with places: where the agent is (a label; 'away') and when ("day 2, afternoon"). */
  place?: string;
  time?: string;
  /** The places a place argument may name (id → label). */
  places?: { id: string; label: string }[];
  /**
   * The scenario's seeded posts (timed events that post) this agent knows of, most recent first:
   * their text is in a post it reads or a memory it recalled. Only in scenarios that seed posts.
   */
  news?: string[];

  /** Ways to take them, with their consequences (a sample of argument values for each action). */
  options: ActOption[];
  /** The number of agents: a world quantity is shared among them. */
  n: number;
}
export interface ActResponse {
  action: string;
  args: Record<string, number | string>;
  reason: string;
  /**
   * The offline model: the consequence its reason names (a key of the option's changes: `me.q`,
   * `<id>.q`, `world.q`), which the engine words before `reason` from the change as applied.
   */
  about?: string;
  /** The offline model: the rules that moved the choice (ActionEvent.pushes). */
  pushes?: ActionEvent['pushes'];
  /** The post's text, for an action that posts. */
  text?: string;
}
