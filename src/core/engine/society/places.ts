// Where every agent is (issue 44 point 7). At each round's start an agent goes where a move that
// still holds says, else where its plan says for this part of the day (format/model/places.ts);
// then each full place keeps as many as it holds, chosen in a seeded order from the run's own
// `place` stream (no other stream is drawn from, so scenarios without places keep their traces),
// and the rest go along the overflow chain, or are away. A move (an action's `move:`) takes effect
// at once, for the rest of the part of the day or of the day.
import {
  type PlaceSet,
  type Place,
  type PopulationGroup,
  type Persona,
  lastRoundOfDay,
  plannedPlace,
  timeOfRound,
} from '../../format';
import type { MoveEvent, PlacesEvent } from '../../trace/events';
import { stream } from '../../random/rng';
import { nameRecord } from '../../text/nameRecord';

/** A move that outlasts its round: where to, and the last round it holds. */
export interface HeldMove {
  place: string;
  until: number;
}

export class PlaceBook {
  private readonly byId: Map<string, Place>;
  private readonly groups: Map<string, Pick<PopulationGroup, 'plan'>>;
  /** agent → where it is now (absent: away). */
  private readonly where = new Map<string, string>();
  /** place → who is there now (kept with `where`): counts and company without a scan of everyone. */
  private readonly members = new Map<string, Set<string>>();
  /** agent → a move that holds past the round it was made in. */
  readonly held = new Map<string, HeldMove>();

  constructor(
    readonly set: PlaceSet,
    groups: readonly PopulationGroup[],
    private readonly seed: number,
  ) {
    this.byId = new Map(set.places.map((p) => [p.id, p]));
    this.groups = new Map(groups.map((g) => [g.group, g]));
  }

  /** Where `agent` is now; undefined: away (or not placed yet). */
  placeOf(agent: string): string | undefined {
    return this.where.get(agent);
  }

  /** The place's label (its id when unknown). */
  label(id: string | undefined): string | undefined {
    return id === undefined ? undefined : (this.byId.get(id)?.label ?? id);
  }

  /** The agents at `place` now, in the order they were placed. */
  at(place: string): string[] {
    return [...(this.members.get(place) ?? [])];
  }

  /** Places everyone for round `round` (agents in the world's order) and says where they are. */
  placeRound(round: number, agents: readonly { id: string; persona: Persona }[]): PlacesEvent {
    const time = timeOfRound(round, this.set.day);
    const wanted = new Map<string, string[]>(this.set.places.map((p) => [p.id, []]));
    for (const a of agents) {
      const move = this.held.get(a.id);
      if (move && move.until < round) this.held.delete(a.id);
      const held = move && move.until >= round ? move.place : undefined;
      wanted.get(held ?? plannedPlace(this.set, a.persona, this.groups, time.part))!.push(a.id);
    }
    const present = new Set(agents.map((a) => a.id));
    for (const id of [...this.held.keys()]) if (!present.has(id)) this.held.delete(id);
    this.where.clear();
    this.members.clear();
    const turnedAway: [string, string[]][] = [];
    for (const [place, ids] of wanted) {
      const cap = this.byId.get(place)!.capacity;
      const order = cap !== undefined && ids.length > cap ? this.shuffled(ids, round, place) : ids;
      const keep = cap === undefined ? order.length : Math.max(0, cap);
      for (const id of order.slice(0, keep)) this.put(id, place);
      if (order.length > keep) turnedAway.push([place, order.slice(keep)]);
    }
    for (const [place, ids] of turnedAway) {
      for (const id of ids) {
        const to = this.room(this.byId.get(place)!.overflow, new Set([place]));
        if (to) this.put(id, to);
      }
    }
    return this.event(round, time.day, time.part, agents);
  }

  /**
   * `agent` goes to `to` now, for the rest of the part of the day or of the day (`for`); undefined
   * when nothing changes (it is there already, for as long as it would be).
   */
  move(agent: string, to: string, span: 'part' | 'day', round: number, action: string): MoveEvent | undefined {
    const from = this.where.get(agent);
    const until = span === 'day' ? lastRoundOfDay(round, this.set.day) : round;
    const held = this.held.get(agent);
    if (from === to && (until === round ? !held || held.until < round : held?.place === to && held.until === until)) {
      return undefined;
    }
    const there = to === from ? to : this.room(to, new Set());
    // Nowhere along the chain has room: the mover stays where it is.
    const ends = there ?? from;
    this.put(agent, ends);
    if (until > round) this.held.set(agent, { place: to, until });
    else this.held.delete(agent);
    return {
      type: 'move',
      round,
      agent,
      ...(from !== undefined ? { from } : {}),
      ...(ends !== undefined ? { to: ends } : {}),
      ...(there !== to ? { wanted: to } : {}),
      until,
      action,
    };
  }

  /** The first place along `id`'s overflow chain (from `id` itself) with room; undefined: away. */
  private room(id: string | undefined, seen: Set<string>): string | undefined {
    while (id !== undefined && !seen.has(id)) {
      const p = this.byId.get(id);
      if (!p) return undefined;
      if (p.capacity === undefined || this.count(id) < p.capacity) return id;
      seen.add(id);
      id = p.overflow;
    }
    return undefined;
  }

  /** How many are at `place` now. */
  count(place: string): number {
    return this.members.get(place)?.size ?? 0;
  }

  /** `agent` is at `place` now (undefined: away). */
  private put(agent: string, place: string | undefined): void {
    const was = this.where.get(agent);
    if (was !== undefined) this.members.get(was)?.delete(agent);
    if (place === undefined) {
      this.where.delete(agent);
      return;
    }
    this.where.set(agent, place);
    let here = this.members.get(place);
    if (!here) this.members.set(place, (here = new Set()));
    here.add(agent);
  }

  /** Those who want a full place, in the order it admits them (the place's own seeded stream). */
  private shuffled(ids: readonly string[], round: number, place: string): string[] {
    const rng = stream(this.seed, 'place', round, place);
    const out = [...ids];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  private event(round: number, day: number, part: string, agents: readonly { id: string }[]): PlacesEvent {
    const at: Record<string, string[]> = nameRecord();
    const away: string[] = [];
    for (const p of this.set.places) at[p.id] = [];
    for (const a of agents) {
      const p = this.where.get(a.id);
      if (p === undefined) away.push(a.id);
      else at[p].push(a.id);
    }
    for (const p of this.set.places) if (!at[p.id].length) delete at[p.id];
    return { type: 'places', round, day, part, at, ...(away.length ? { away } : {}) };
  }
}
