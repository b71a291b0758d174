// A researcher's edits to a run's world at the start of a round: what a branch (`society fork`,
// "Branch Here…") changes before it runs on. Recorded in the trace as one `intervention` event of
// kind `edit`, followed by the events of their effects that readers already fold (a `memory`, a
// `tie` with cause `edit`, a `state`), so replay and resume need nothing new but the edits that
// have no event of their own (a memory forgotten, a trait, a persona's text, a setting).
import type { TraitName } from '../format';

/** Persona text a prompt shows: what the researcher may rewrite (the "prompt" of an agent). */
export const PERSONA_TEXT_FIELDS = ['bio', 'style', 'occupation', 'location'] as const;
export type PersonaTextField = (typeof PERSONA_TEXT_FIELDS)[number];

export type WorldEdit =
  /** A memory the agent now has (kind observation), as if it had just noticed it. */
  | { edit: 'remember'; agent: string; text: string; importance: number }
  /** A memory taken out of the agent's stream, by its id (`#12` in the memory inspector). */
  | { edit: 'forget'; agent: string; memory: number }
  /** A declared quantity set: the world's (no agent) or an agent's. */
  | { edit: 'quantity'; agent?: string; quantity: string; value: number }
  /** A Big Five trait, 0..1. */
  | { edit: 'trait'; agent: string; trait: TraitName; value: number }
  /** Persona text prompts show. */
  | { edit: 'persona'; agent: string; field: PersonaTextField; value: string }
  /** A directed tie's strength, 0..1 (0 removes it). */
  | { edit: 'tie'; from: string; to: string; strength: number }
  /** A run setting, as a timed `set` event changes it (`coaching.enabled`, `world.setting`, …). */
  | { edit: 'setting'; path: string; value: unknown }
  /** News every agent observes (a timed `broadcast`). */
  | { edit: 'broadcast'; text: string };

export type WorldEditKind = WorldEdit['edit'];

/** One line for a person: `maya forgets memory #12`, `coaching.enabled = false`. */
export function describeEdit(e: WorldEdit): string {
  switch (e.edit) {
    case 'remember':
      return `${e.agent} remembers "${e.text}" (importance ${e.importance})`;
    case 'forget':
      return `${e.agent} forgets memory #${e.memory}`;
    case 'quantity':
      return `${e.agent ?? 'world'}.${e.quantity} = ${e.value}`;
    case 'trait':
      return `${e.agent}'s ${e.trait} = ${e.value}`;
    case 'persona':
      return `${e.agent}'s ${e.field} = "${e.value}"`;
    case 'tie':
      return `tie ${e.from} → ${e.to} = ${e.strength}`;
    case 'setting':
      return `${e.path} = ${JSON.stringify(e.value)}`;
    case 'broadcast':
      return `news for everyone: "${e.text}"`;
  }
}
