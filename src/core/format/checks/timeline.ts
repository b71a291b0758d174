// Who is in the society when, as the run sees it, and what that makes fail:
// - a removal of an agent who is not there (removed already, listed twice, or joining later): the
//   run skips it with an error event, like an event after the last round never fires (SOC059);
// - a relationship with an agent who is not there when its persona joins: its tie is made only
//   with agents present then (engine/kernel/membership.ts linkRelationships), so it is dropped (SOC060);
// - an add of an agent who is still there: the engine refuses a second agent with the same id
//   (membership.ts addAgent) and skips it with an error event (SOC020). Once removed, an id may be
//   added again: the engine makes a new agent of it.
// Events fire at the start of their round in file order (engine/kernel/timed-events.ts): the timeline is
// the events sorted by round, file order within a round. Events after the last round never fire,
// and come after all that do: they are replayed too, for the adds they would make (SOC052 says
// they never fire), but they warn of nothing else.
import type { Diagnostic, DiagnosticCode, RelatedInformation } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';
import type { PersonaEntry } from '../assemble/personaEntry';
import { documentSchema, type DocumentKind } from '../schema/schema';
import { type Obj, isObj, list } from './checkKit';

/** Who is in the society before round 1, and which ids anything defines at all. */
export interface Cast {
  initiallyPresent(id: string): boolean;
  defined(id: string): boolean;
  /** The personas present from the start: their relationships are linked when the run starts. */
  initial: readonly PersonaEntry[];
  /** Why an id present from the start is there (a persona defined in some file, a population group), for SOC020. */
  origin?(id: string): { message: string; related?: RelatedInformation } | undefined;
}

/** The rounds a scenario value runs: `world.rounds`, else the schema's default. */
export function scenarioRounds(scenario: unknown): number {
  const world = isObj(scenario) && isObj(scenario.world) ? scenario.world : {};
  return typeof world.rounds === 'number'
    ? world.rounds
    : (documentSchema('scenario').properties?.world?.properties?.rounds?.default as number);
}

/** The last change of one agent's membership: where it happened. */
interface Change {
  present: boolean;
  round: number;
  index: number;
  path: PathSegment[];
}

interface Timed {
  e: Obj;
  index: number;
  round: number;
}

/** Whether an event has a round it could fire at (`at` a whole number from 1): the timeline holds it. */
export function isTimed(event: unknown): boolean {
  return isObj(event) && Number.isInteger(event.at) && (event.at as number) >= 1;
}

/** The events with a round, in the order the run fires them (stable sort: file order within a round). */
function timedEvents(events: unknown): Timed[] {
  return list(events)
    .map((e, index) => ({ e: e as Obj, index, round: isObj(e) ? (e.at as number) : 0 }))
    .filter((x) => isTimed(x.e))
    .sort((a, b) => a.round - b.round);
}

/** Membership while the timeline is replayed: each id's last change, else whether present from the start. */
class Membership {
  private readonly last = new Map<string, Change>();
  private readonly firstAdd = new Map<string, Change>();

  /** `rounds`: only events that fire count as a way to join. */
  constructor(
    timed: readonly Timed[],
    rounds: number,
    private readonly initiallyPresent: (id: string) => boolean,
  ) {
    for (const { e, index, round } of timed) {
      if (round > rounds) break;
      list(e.add).forEach((p, k) => {
        const id = isObj(p) ? p.id : undefined;
        if (typeof id === 'string' && !this.firstAdd.has(id)) {
          this.firstAdd.set(id, { present: true, round, index, path: ['events', index, 'add', k, 'id'] });
        }
      });
    }
  }

  isPresent(id: string): boolean {
    return this.last.get(id)?.present ?? this.initiallyPresent(id);
  }
  lastChange(id: string): Change | undefined {
    return this.last.get(id);
  }
  set(id: string, change: Change): void {
    this.last.set(id, change);
  }

  /** Why `id`, not present, is not: it left, or has not joined yet. `index`: the event asking (none at the start). */
  absence(id: string, round: number, index?: number): Why {
    const change = this.last.get(id);
    if (!change) return notYetJoined(this.firstAdd.get(id), round);
    return change.index === index && change.path[2] === 'remove'
      ? {
          reason: 'is already listed in this remove event',
          short: 'already listed',
          related: { path: change.path, message: 'first listed here' },
        }
      : left(change, round);
  }
}

export function eventTimeline(events: unknown, rounds: number, cast: Cast, at: Locator): Diagnostic[] {
  const timed = timedEvents(events);
  const members = new Membership(timed, rounds, cast.initiallyPresent);
  const out: Diagnostic[] = [];
  const related = (r: Why['related']): RelatedInformation[] =>
    r ? [{ file: at.file.file, range: at.valueRange(r.path), message: r.message }] : [];
  const warn = (
    code: DiagnosticCode,
    site: Locator,
    path: PathSegment[],
    id: string,
    why: Why,
    consequence: string,
  ): void => {
    const rel = related(why.related);
    out.push({
      code,
      severity: 'warning',
      message: `'${id}' ${why.reason}: ${consequence}`,
      file: site.file.file,
      range: site.valueRange(path),
      ...(rel.length ? { related: rel } : {}),
    });
  };
  /** SOC060 for each relationship of a persona joining now with someone absent now. */
  const checkRelationships = (
    persona: unknown,
    site: Locator,
    path: PathSegment[],
    round: number,
    joining: string,
  ): void => {
    if (!isObj(persona)) return;
    list(persona.relationships).forEach((r, i) => {
      const other = isObj(r) ? r.with : undefined;
      // Unknown ids and oneself: SOC021 and SOC022 say so.
      if (typeof other !== 'string' || other === persona.id || !cast.defined(other) || members.isPresent(other)) return;
      warn(
        'SOC060',
        site,
        [...path, 'relationships', i, 'with'],
        other,
        members.absence(other, round),
        `this relationship will be dropped (its tie forms only with someone present when ${joining})`,
      );
    });
  };
  /** SOC020 for an add of someone still there. */
  const addOfPresent = (id: string, path: PathSegment[], round: number, index: number): void => {
    const change = members.lastChange(id);
    const origin = change ? undefined : cast.origin?.(id);
    const since = change
      ? {
          message:
            change.index === index
              ? 'already added earlier in this event'
              : `already added ${change.round === round ? `earlier in round ${round}` : `at round ${change.round}`}`,
          related: related({ path: change.path, message: 'added here' }),
        }
      : { message: origin?.message ?? 'already defined', related: origin?.related ? [origin.related] : [] };
    out.push({
      code: 'SOC020',
      severity: 'error',
      file: at.file.file,
      range: at.valueRange(path),
      message: `Duplicate persona id '${id}': ${since.message} and still in the society at round ${round} (an id can join again only after an event removes it)`,
      ...(since.related.length ? { related: since.related } : {}),
    });
  };

  for (const p of cast.initial) checkRelationships(p.raw, p.site.at, p.site.path, 0, 'the run starts');
  for (const { e, index, round } of timed) {
    const fires = round <= rounds;
    list(e.add).forEach((p, k) => {
      if (!isObj(p) || typeof p.id !== 'string') return;
      const path = ['events', index, 'add', k, 'id'];
      if (members.isPresent(p.id)) addOfPresent(p.id, path, round, index);
      else members.set(p.id, { present: true, round, index, path });
    });
    // After the whole event's adds, as the engine links them: people added together may relate.
    if (fires) {
      list(e.add).forEach((p, k) =>
        checkRelationships(
          p,
          at,
          ['events', index, 'add', k],
          round,
          `${isObj(p) && typeof p.id === 'string' ? `'${p.id}'` : 'it'} joins at round ${round}`,
        ),
      );
    }
    list(e.remove).forEach((id, k) => {
      if (typeof id !== 'string' || !cast.defined(id)) return; // SOC021 says so
      const path = ['events', index, 'remove', k];
      if (members.isPresent(id)) members.set(id, { present: false, round, index, path });
      else if (fires) warn('SOC059', at, path, id, members.absence(id, round, index), 'this removal can never apply');
    });
  }
  return out;
}

/**
 * A place in the run where an agent id is read: when it starts (the relationships of the personas
 * present from the start), when an event's personas join (their relationships, linked after all
 * of that event's adds), or at one item of an event's remove list.
 */
export type TimelinePoint =
  { stage: 'start' } | { stage: 'joined'; event: number } | { stage: 'removing'; event: number; item: number };

/** The point of the timeline a persona reference at `path` is read at, if it depends on one (room members do not). */
export function timelinePoint(kind: DocumentKind | undefined, path: readonly PathSegment[]): TimelinePoint | undefined {
  const num = (s: PathSegment | undefined): s is number => typeof s === 'number';
  const relationship = (rest: readonly PathSegment[]): boolean =>
    rest.length === 3 && rest[0] === 'relationships' && num(rest[1]) && rest[2] === 'with';
  if (kind === 'persona') return relationship(path) ? { stage: 'start' } : undefined;
  if (kind !== 'scenario') return undefined;
  if (path[0] === 'personas' && num(path[1]) && relationship(path.slice(2))) return { stage: 'start' };
  if (path[0] !== 'events' || !num(path[1])) return undefined;
  if (path[2] === 'add' && num(path[3]) && relationship(path.slice(4))) return { stage: 'joined', event: path[1] };
  if (path[2] === 'remove' && num(path[3]) && path.length === 4) {
    return { stage: 'removing', event: path[1], item: path[3] };
  }
  return undefined;
}

/**
 * Who is in the society at `point`: for an id that is not, why not (`has already left at round 3`),
 * undefined for one that is. Undefined altogether when the run never gets there (its event never fires).
 */
export function absenceAt(
  events: unknown,
  rounds: number,
  initiallyPresent: (id: string) => boolean,
  point: TimelinePoint,
): ((id: string) => Absence | undefined) | undefined {
  const timed = timedEvents(events);
  const members = new Membership(timed, rounds, initiallyPresent);
  const reasonAt =
    (round: number, index?: number) =>
    (id: string): Absence | undefined => {
      if (members.isPresent(id)) return undefined;
      const { reason, short } = members.absence(id, round, index);
      return { reason, short };
    };
  if (point.stage === 'start') return reasonAt(0);
  for (const { e, index, round } of timed) {
    if (round > rounds) break;
    list(e.add).forEach((p, k) => {
      if (isObj(p) && typeof p.id === 'string' && !members.isPresent(p.id)) {
        members.set(p.id, { present: true, round, index, path: ['events', index, 'add', k, 'id'] });
      }
    });
    if (index === point.event && point.stage === 'joined') return reasonAt(round, index);
    const removals = list(e.remove);
    for (let k = 0; k < removals.length; k++) {
      if (index === point.event && point.stage === 'removing' && k === point.item) return reasonAt(round, index);
      const id = removals[k];
      if (typeof id === 'string' && members.isPresent(id)) {
        members.set(id, { present: false, round, index, path: ['events', index, 'remove', k] });
      }
    }
    // The item being written may be past the list's end (`remove: [ana, |`).
    if (index === point.event) return reasonAt(round, index);
  }
  return undefined;
}

/**
 * Why an id is not in the society: words to follow it (`'ana' has already left at round 2`), the
 * same in a few words (`left at round 2`), and where that happened.
 */
interface Why {
  reason: string;
  short: string;
  related?: { path: PathSegment[]; message: string };
}

/** Why an id is not in the society at a point of the timeline (Why without its place). */
export interface Absence {
  reason: string;
  short: string;
}

function left(removal: Change, round: number): Why {
  const when = removal.round === round ? `earlier in round ${round}` : `at round ${removal.round}`;
  return {
    reason: `has already left ${when}`,
    short: `left ${when}`,
    related: { path: removal.path, message: 'removed here' },
  };
}

/** `round` 0: when the run starts, before the first round's events. */
function notYetJoined(add: Change | undefined, round: number): Why {
  if (!add) {
    return {
      reason: `is not in the society ${round === 0 ? 'at the start' : `at round ${round}`} (they join only in an event that never fires)`,
      short: 'never joins',
    };
  }
  if (add.round === round) {
    return {
      reason: `joins later in round ${round} (the events of a round fire in file order)`,
      short: `joins later in round ${round}`,
      related: { path: add.path, message: 'joins here' },
    };
  }
  return {
    reason: `joins only at round ${add.round}`,
    short: `joins at round ${add.round}`,
    related: { path: add.path, message: 'joins here' },
  };
}
