// Places in what agents are told and remember (issue 44 point 7): the setting of a conversation
// or a choice of partner says where the agent is and when, and a conversation's memory starts
// with the place ("At Hobbs Cafe, talked with …"). Scenarios without places read as before.
import { timeLabel } from '../../../format';
import type { PhaseContext } from '../context';

/** The world's setting, with where `agent` is and the part of the day when the scenario has places. */
export function settingAt(world: PhaseContext, agent: string): string {
  const setting = world.settings.world.setting;
  const places = world.places;
  if (!places) return setting;
  const id = places.placeOf(agent);
  const place = places.set.places.find((p) => p.id === id);
  const here = place
    ? `You are at ${place.label}${place.description ? ` (${place.description})` : ''}`
    : 'You are away';
  return `${setting}${setting ? ' ' : ''}${here}; it is ${timeLabel(world.round, places.set.day)}.`;
}

/** A memory's opening with the place it happened at: "At Hobbs Cafe, talked with …". */
export function placePrefix(world: PhaseContext, agent: string, text: string): string {
  const label = world.places?.label(world.places.placeOf(agent));
  return label ? `At ${label}, ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
