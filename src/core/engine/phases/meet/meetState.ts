// What `meet` keeps: for the round, the encounter index candidates are drawn from and the rooms'
// conversations (rated by `evaluate`); for each turn, the candidates, the chosen partners and the
// conversations the agent started (rated by `evaluate` too).
import type { Candidate } from '../../../llm/types';
import type { Usage } from '../../../trace/events';
import type { EncounterIndex } from '../../society/encounters';
import { slot } from '../slot';
import type { PhaseContext } from '../context';
import type { Turn } from '../turn';
import type { Conversation } from './talk';

export interface MeetTurn {
  /** The round's encounter index, until the round's last `meet` is over. */
  index: EncounterIndex | undefined;
  candidates: Candidate[];
  partners: Candidate[];
  /** Usage of the choice of each partner (same order). */
  choices: Usage[];
  conversations: Conversation[];
}

export const MEET_TURN = slot<MeetTurn>(() => ({
  index: undefined,
  candidates: [],
  partners: [],
  choices: [],
  conversations: [],
}));

export interface MeetRound {
  /** Made at the round's start (the ties as they stood then), let go after its last `meet`. */
  index: EncounterIndex | undefined;
  /** With `places:`: one index per place over those there (partners are drawn from one's own place). */
  byPlace?: Map<string, EncounterIndex>;
  /** The rooms' conversations of this round's `meet`. */
  talks: Conversation[];
}

export const MEET_ROUND = slot<MeetRound>(() => ({ index: undefined, talks: [] }));

/** The index `agent` draws partners from: its place's, or everyone's; undefined when it is away. */
export function indexOf(world: PhaseContext, round: MeetRound, agent: string): EncounterIndex | undefined {
  if (!world.places) return round.index;
  const place = world.places.placeOf(agent);
  return place === undefined ? undefined : round.byPlace?.get(place);
}

/** Whether the agent is away (a scenario with places, and it is at none): it meets no one. */
export function away(world: PhaseContext, agent: string): boolean {
  return !!world.places && world.places.placeOf(agent) === undefined;
}

export function encounterIndex(t: Turn, m: MeetTurn): EncounterIndex {
  if (!m.index) throw new Error(`${t.agent.id}: the round's encounter index is used after its last meet`);
  return m.index;
}
