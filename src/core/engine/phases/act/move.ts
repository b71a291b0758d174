// An action's `move:` (issue 44 point 7): where it takes the actor, what the offline model weighs
// of that (an option's `move`), and the move itself once the action takes effect (a `move` event).
import { type Action, plannedPlace, timeLabel, timeOfRound } from '../../../format';
import type { ActOption, ActRequest } from '../../../llm/types';
import type { CompiledAction } from '../../society/compiledMechanics';
import type { Agent } from '../../society/agent';
import type { PhaseContext } from '../context';

/** The place an action's `move:` names with these arguments (an id, or a place argument's value). */
export function destination(spec: Action, args: Record<string, number | string>): string | undefined {
  const to = spec.move?.to;
  if (to === undefined) return undefined;
  return to.startsWith('args.') ? String(args[to.slice(5)] ?? '') : to;
}

/**
 * Mean tie of `agent` to those at `place` now (0 with no one there): its own ties are walked, not
 * the place's people, so a crowded place costs no more than an empty one.
 */
function tieTo(world: PhaseContext, agent: string, place: string | undefined): number {
  const places = world.places;
  if (place === undefined || !places) return 0;
  const others = places.count(place) - (places.placeOf(agent) === place ? 1 : 0);
  if (others <= 0) return 0;
  let sum = 0;
  world.ties.forEachOut(agent, (id, strength) => {
    if (id !== agent && places.placeOf(id) === place) sum += strength;
  });
  return sum / others;
}

/** What an option's move means to the one deciding: where to, how far its plan says otherwise, and the ties there against here. */
export function moveOption(
  world: PhaseContext,
  agent: Agent,
  spec: Action,
  args: Record<string, number | string>,
): ActOption['move'] {
  const places = world.places;
  const to = destination(spec, args);
  if (!places || to === undefined) return undefined;
  const here = places.placeOf(agent.id);
  const day = places.set.day;
  const now = timeOfRound(world.round, day).index;
  // The parts the move lasts: this one, or this one and the day's later ones.
  const parts = spec.move!.for === 'day' ? day.slice(now) : [day[now]];
  const groups = new Map(world.scenario.population.map((g) => [g.group, g]));
  const off = parts.filter((p) => plannedPlace(places.set, agent.persona, groups, p) !== to).length;
  return {
    to,
    label: places.label(to) ?? to,
    off_plan: off / parts.length,
    ties: here === to ? 0 : tieTo(world, agent.id, to) - tieTo(world, agent.id, here),
  };
}

/** Moves the actor as its action says; the `move` event, or undefined when the action moves no one. */
export function applyMove(
  world: PhaseContext,
  agent: Agent,
  spec: Action,
  args: Record<string, number | string>,
): string | undefined {
  const places = world.places;
  const to = destination(spec, args);
  if (!places || to === undefined || !spec.move || !places.set.places.some((p) => p.id === to)) return undefined;
  const e = places.move(agent.id, to, spec.move.for, world.round, spec.name);
  if (!e) return undefined;
  world.emit(e);
  const label = places.label(e.to);
  if (e.wanted !== undefined) {
    return label ? `${places.label(e.wanted)} was full, so I went to ${label}.` : `${places.label(e.wanted)} was full.`;
  }
  return `I went to ${label}.`;
}

/** What a choice may name of places, and what a move means to `agent` (scenarios with places). */
export function placeChoices(
  world: PhaseContext,
  agent: Agent,
): { places?: string[]; moveOf?: (c: CompiledAction, args: Record<string, number | string>) => ActOption['move'] } {
  const places = world.places;
  if (!places) return {};
  return {
    places: places.set.places.map((p) => p.id),
    moveOf: (c, args) => moveOption(world, agent, c.spec, args),
  };
}

/** Where and when the agent is, as an act request says it (scenarios with places). */
export function placeInRequest(world: PhaseContext, agent: Agent): Pick<ActRequest, 'place' | 'time' | 'places'> {
  const places = world.places;
  if (!places) return {};
  return {
    place: places.label(places.placeOf(agent.id)) ?? 'away',
    time: timeLabel(world.round, places.set.day),
    places: places.set.places.map((p) => ({ id: p.id, label: p.label })),
  };
}
