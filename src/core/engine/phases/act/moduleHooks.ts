// What a scenario's module (`module:`, phases/act/societyModule.ts) exports and is given: the
// types alone, low enough that the phase context can name the loaded module without importing
// the adapter that is built over the context.
import type { ActionEvent } from '../../../trace/events';

/** One agent as a module sees it: who it is; its quantities through `quantity`. */
export interface ModuleAgent {
  readonly id: string;
  readonly name: string;
  readonly group?: string;
  readonly traits: Readonly<Record<string, number>>;
}

/** A conversation as a module sees it: who talked, and every message with what it passed on. */
export interface ModuleConversation {
  readonly round: number;
  readonly members: readonly string[];
  readonly room?: string;
  readonly messages: readonly {
    readonly from: string;
    readonly act: string;
    readonly text: string;
    readonly topic?: string;
    readonly tells?: readonly string[];
    readonly doubts?: readonly string[];
  }[];
}

/** What a module's hooks are given. Everything it changes goes through here. */
export interface ModuleWorld {
  /** The round now running. */
  readonly round: number;
  /** The agents now in the society, in a stable order (by id). */
  readonly agents: readonly ModuleAgent[];
  /** A world quantity's value. */
  world(quantity: string): number;
  /** Sets a world quantity (clamped to its bounds, rounded when `integer`). */
  setWorld(quantity: string, value: number): void;
  /** An agent quantity's value. */
  quantity(agent: string, quantity: string): number;
  /** Sets an agent quantity (clamped to its bounds, rounded when `integer`). */
  setQuantity(agent: string, quantity: string, value: number): void;
  /** The tie strength from one agent to another, 0..1. */
  tie(from: string, to: string): number;
  /** Moves a tie by `delta` (clamped to 0..1): a `tie` event with cause `module`. */
  moveTie(from: string, to: string, delta: number): void;
  /** Gives an agent an observation memory (importance 1..10, default 4). */
  remember(agent: string, text: string, importance?: number): void;
  /** A number in [0, 1) from a stream seeded by the run, the round and the hook. */
  random(): number;
  /** Whether an agent knows a knowledge item (`knowledge:`; false when none is declared). */
  knows(agent: string, item: string): boolean;
}

/** The hooks a module may export (each optional). */
export interface SocietyModule {
  /** After each declared action takes effect, with its trace event. */
  afterAction?(world: ModuleWorld, action: Readonly<ActionEvent>): void;
  /** At the end of every round, after the declared updates and before the round's `state` event. */
  endRound?(world: ModuleWorld): void;
  /** After each conversation of `meet` is committed (its members remember it and learn what was told). */
  afterConversation?(world: ModuleWorld, conversation: Readonly<ModuleConversation>): void;
}
