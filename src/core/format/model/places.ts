// Places and daily plans (issue 44 point 7): where agents can be (`places:`), the parts of a day
// (`day:`: each round is one part, cycling) and where each agent goes in each part (`plan:` at
// the scenario, a population group and a persona; the most specific wins). Pure: the build reads
// them here and the engine asks here which part of which day a round is and where a plan says to go.
import type { Persona, Place, PlaceSet, PopulationGroup } from './model';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The one part of a day a scenario with places but no `day:` has. */
export const WHOLE_DAY = 'day';

/** The scenario's places as the language holds them; undefined when it declares none. */
export function buildPlaces(v: Obj): PlaceSet | undefined {
  if (!isObj(v.places) || !Object.keys(v.places).length) return undefined;
  const places: Place[] = Object.entries(v.places).map(([id, raw]) => {
    const p = isObj(raw) ? raw : {};
    return {
      id,
      label: typeof p.label === 'string' ? p.label : id,
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(typeof p.capacity === 'number' ? { capacity: p.capacity } : {}),
      ...(typeof p.overflow === 'string' ? { overflow: p.overflow } : {}),
    };
  });
  const day = Array.isArray(v.day) && v.day.length ? v.day.map(String) : [WHOLE_DAY];
  return { places, day, plan: isObj(v.plan) ? stringsOf(v.plan) : {} };
}

function stringsOf(o: Obj): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
}

/** Round r's day (from 1) and part of it: round 1 is the first part of day 1. */
export function timeOfRound(round: number, day: readonly string[]): { day: number; part: string; index: number } {
  const k = Math.max(0, round - 1);
  const index = k % day.length;
  return { day: Math.floor(k / day.length) + 1, part: day[index], index };
}

/** The last round of the day round r is in. */
export function lastRoundOfDay(round: number, day: readonly string[]): number {
  return timeOfRound(round, day).day * day.length;
}

/**
 * Where a persona's plan puts it in `part`: its own plan, its group's, the scenario's, else the
 * first declared place. A place the scenario does not declare (checked as SOC091) is skipped.
 */
export function plannedPlace(
  set: PlaceSet,
  persona: Pick<Persona, 'plan' | 'group'>,
  groups: ReadonlyMap<string, Pick<PopulationGroup, 'plan'>>,
  part: string,
): string {
  const known = (id: string | undefined): id is string => !!id && set.places.some((p) => p.id === id);
  const group = persona.group ? groups.get(persona.group) : undefined;
  for (const id of [persona.plan?.[part], group?.plan?.[part], set.plan[part]]) if (known(id)) return id;
  return set.places[0].id;
}

/** "day 2, afternoon" (just "day 2" when a day has one part). */
export function timeLabel(round: number, day: readonly string[]): string {
  const t = timeOfRound(round, day);
  return day.length > 1 ? `day ${t.day}, ${t.part}` : `day ${t.day}`;
}
