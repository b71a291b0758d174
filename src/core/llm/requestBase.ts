// What every decision request carries: the deciding persona as a model sees it, its retrieved
// memories, the round and the world's setting.
import type { Persona } from '../format';
import type { MemoryCues, MemoryKind } from '../trace/events';

/** The persona as shown to a model: no seed memories, relationships or source locations. */
export type PersonaBrief = Pick<
  Persona,
  | 'id'
  | 'name'
  | 'age'
  | 'gender'
  | 'occupation'
  | 'location'
  | 'bio'
  | 'style'
  | 'group'
  | 'traits'
  | 'interests'
  | 'motivations'
>;

export function personaBrief(p: Persona): PersonaBrief {
  const { id, name, age, gender, occupation, location, bio, style, group, traits, interests, motivations } = p;
  return { id, name, age, gender, occupation, location, bio, style, group, traits, interests, motivations };
}

/** A memory retrieved for the decision, with its retrieval score. */
export interface RetrievedMemory {
  id: number;
  round: number;
  kind: MemoryKind;
  text: string;
  importance: number;
  score: number;
  cues?: MemoryCues;
}

export interface RequestBase {
  /** Stable identity of this decision (e.g. "speak:3:maya:0:2"): seeds the offline model, keys caches. */
  key: string;
  round: number;
  /** The world's setting text. */
  setting: string;
  /** The deciding agent (for `advise`: the agent being coached). */
  persona: PersonaBrief;
  /** Top-k memories retrieved for this situation, best first. */
  memories: RetrievedMemory[];
}
