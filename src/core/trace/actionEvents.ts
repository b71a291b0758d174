// An agent's declared action taking effect, and the platform verbs it records.
import type { VerbKey } from '../format';
import type { EventBase } from './eventBase';
import type { Decider, Usage } from './usage';

/**
 * An agent took one of the scenario's declared actions (`actions:`), in the world phase. `changes`
 * holds what it changed, as applied (bounds included): `world.<q>`, `<agent id>.<q>` → [before, after].
 */
export interface ActionEvent extends EventBase {
  type: 'action';
  agent: string;
  action: string;
  args: Record<string, number | string>;
  changes: Record<string, [number, number]>;
  reason?: string;
  /**
   * Offline deciders: each rule that moved the choice and its signed size, largest first, in the
   * utility the choice weighs (docs/model.md, "Every push named"; llm/offline/pushRules.ts names them).
   */
  pushes?: { rule: string; size: number }[];
  /** The declared phase it was taken in (scenarios that declare `round:`). */
  phase?: string;
  /** The post it wrote (an action that `post:`s), with the model's text. */
  post?: { id: string; feed: string; text: string; reply_to?: string };
  /** The post it liked. */
  liked?: string;
  /** The agent it started following. */
  followed?: string;
  /** The agent the platform verbs were about: the one followed, or the author of the post replied to or liked. */
  toward?: string;
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}

/**
 * The field of the action event that records each platform verb (format/model/verbs.ts): none
 * for `reply_to` (its post's `reply_to` says it) and `ties` (a tie move is a `tie` event).
 */
export const VERB_RECORDS = {
  post: 'post',
  reply_to: undefined,
  like: 'liked',
  follow: 'followed',
  ties: undefined,
} as const satisfies Record<VerbKey, keyof ActionEvent | undefined>;

/** Whether an action event records a platform verb taking effect (a post written, a like, a follow). */
export function recordsVerb(e: ActionEvent): boolean {
  return Object.values(VERB_RECORDS).some((field) => field !== undefined && !!e[field]);
}
