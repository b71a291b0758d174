// The mechanics a scenario declares for its world (issue 34): named quantities of the world and of
// every agent (`state:`), and the actions agents may take (`actions:`), whose preconditions and
// effects are CEL expressions (expressions.ts). A scenario without them is the friend-making loop
// alone, exactly as before.
import type { SourceLocation } from './position';
import type { VerbFields } from './verbs';
import type { Matching } from './matching';

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
  /** What one unit is worth in US dollars (> 0): the stake on a money scale (llm/offline/stakes.ts). */
  worth_usd?: number;
  /**
   * A categorical quantity (a place, a vote): value k means labels[k]. It holds whole numbers
   * 0 … labels.length − 1 (the build sets `integer`, `min` and `max` so); expressions and the
   * offline model read the numbers, the editor's views the names.
   */
  labels?: string[];
  source?: SourceLocation;
}

export type ArgType = 'number' | 'agent' | 'post' | 'place';

/** Something the model chooses when it takes an action: a number in bounds, another agent, or a post it read. */
export interface ActionArg {
  name: string;
  type: ArgType;
  /** For posts: the feed it is chosen from (default: the scenario's only feed). */
  feed?: string;
  description?: string;
  min?: number;
  max?: number;
  /** For numbers: bounds written as expressions over the agent's state (`max: "me.received"`), evaluated when options are offered; `min`/`max` then hold none. */
  minExpression?: string;
  maxExpression?: string;
  integer?: boolean;
  /** For agents and posts: a CEL condition on the candidate (expressions.ts `candidate` scope); only those meeting it are offered. */
  where?: string;
}

/** An argument as a decision shows it, its bounds already numbers: what a request and the play panel carry. */
export type ShownArg = Pick<ActionArg, 'name' | 'type' | 'description' | 'min' | 'max' | 'integer'>;

/** One assignment an action makes: `target` is `world.<q>`, `me.<q>` or `<agent arg>.<q>`. */
export interface Effect {
  target: string;
  expression: string;
}

/** A declared action; its platform verbs (`post:`, `like:`, …) are the fields of verbs.ts's table. */
export interface Action extends VerbFields {
  name: string;
  description: string;
  args: ActionArg[];
  /** A CEL condition; an agent may take the action only while it holds (default: always). */
  when?: string;
  /** Computed together from the state before the action, then applied in the order written. */
  effects: Effect[];
  /** What the agent remembers having done; `{args.<a>}`, `{world.<q>}` and `{me.<q>}` are filled in after the action. */
  remember?: string;
  /** The actor goes to a place (an id, or `args.<a>` of a place argument) for the rest of the part of the day, or the day. */
  move?: Move;
  source?: SourceLocation;
}

/** An action's `move:`: where to (a place id or `args.<a>`) and for how long. */
export interface Move {
  to: string;
  for: 'part' | 'day';
}

/** What a feed ranks posts by, each signal on 0..1 for the reader, weighted and summed. */
export interface FeedRank {
  /** 1 for this round's posts, 1/(1 + age in rounds) for older ones. */
  recency: number;
  /** The post's likes, relative to the most-liked post on the feed. */
  likes: number;
  /** Its replies, relative to the most-replied post. */
  replies: number;
  /** The reader's tie strength to the author. */
  ties: number;
  /** 1 when the reader follows the author. */
  follows: number;
}

/** A platform's feed: posts agents write, ranked for each reader, the top `shows` read before acting. */
export interface Feed {
  name: string;
  description?: string;
  rank: FeedRank;
  shows: number;
  /** Posts older than this many rounds drop off the feed. */
  keep: number;
  source?: SourceLocation;
}

/** A round's built-in phases: the friend-making loop's stages, in the default round's order (engine/phases/table.ts PHASES). */
export const BUILTIN_PHASES = ['meet', 'evaluate', 'learn'] as const;
export type BuiltinPhase = (typeof BUILTIN_PHASES)[number];

/** One phase of a declared round: a built-in stage, or agents taking some of the declared actions. */
export type RoundPhase =
  | { kind: 'builtin'; name: BuiltinPhase; when?: string; source?: SourceLocation }
  | {
      kind: 'act';
      name: string;
      description?: string;
      /** The actions on offer in this phase (by name; with `byGroup`, every group's together). */
      actions: string[];
      /** Each population group's own actions, when the phase gives them by group (`actions: { g: [...] }`). */
      byGroup?: Record<string, string[]>;
      /** simultaneous: everyone chooses on the same state, then the choices apply in turn order; sequential: each chooses and acts in turn, seeing the earlier ones. */
      order: 'simultaneous' | 'sequential';
      /** Groups whose members act (default: everyone). */
      who?: string[];
      /** A CEL condition on `world`, `n` and `round`: the phase runs in rounds where it holds. */
      when?: string;
      /** Feeds the agents read before choosing (default: every feed). */
      reads?: string[];
      source?: SourceLocation;
    };

/** A phase in which agents take some of the declared actions. */
export type ActPhase = Extract<RoundPhase, { kind: 'act' }>;

/**
 * A phase's `actions` as written — a list, lists by group (`{ group: [...] }`), or nothing (every
 * declared action) — as the phase's fields. The scenario's phases and a condition that sets
 * `round.<phase>.actions` both go through it, so neither can leave `byGroup` stale.
 */
export function phaseActionFields(given: unknown, all: readonly string[]): Pick<ActPhase, 'actions' | 'byGroup'> {
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    const byGroup = given as Record<string, string[]>;
    return { actions: [...new Set(Object.values(byGroup).flat())], byGroup };
  }
  return { actions: Array.isArray(given) ? (given as string[]) : [...all] };
}

/** The actions a member of `group` has on offer in `phase`: its group's own when given by group. */
export function phaseActionsFor(phase: ActPhase, group: string | undefined): string[] {
  if (!phase.byGroup) return phase.actions;
  return Object.hasOwn(phase.byGroup, group ?? '') ? phase.byGroup[group ?? ''] : [];
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

/** A fact, a piece of news or a rumour that agents can pass on in conversation (`knowledge:`). */
export interface KnowledgeItem {
  id: string;
  text: string;
  kind: 'fact' | 'news' | 'rumour';
  truth?: boolean;
  /** The persona it comes from: they know it at the start. */
  source?: string;
  /** Persona ids and group names who know it at the start besides the source. */
  known_by: string[];
  about: string[];
  /** How worth telling it is, 0..1 (the kind's default when not written). */
  appeal: number;
  source_location?: SourceLocation;
}

/** How worth telling each kind is when an item does not say (`appeal`). */
export const DEFAULT_APPEAL: Record<KnowledgeItem['kind'], number> = { fact: 0.4, news: 0.6, rumour: 0.7 };

export interface Mechanics {
  world: Quantity[];
  agents: Quantity[];
  actions: Action[];
  feeds?: Feed[];
  knowledge?: KnowledgeItem[];
  generations?: Generations;
  /** The scenario declares places (`places:`): expressions read an agent's `.place`. */
  places?: true;
  /** Who plays with whom (`matching:`): expressions read `partner` and `matched`. */
  matching?: Matching;
}

/** Names an agent-typed action argument may not take: they are the expression namespaces. */
export const RESERVED_NAMES = ['world', 'me', 'args', 'n', 'round', 'traits', 'partner', 'matched'] as const;
