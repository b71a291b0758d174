// Who is in the society when, as the run sees it, and what that makes fail:
// - a removal of an agent who is not there (removed already, listed twice, or joining later): the
//   run skips it with an error event, like an event after the last round never fires (SOC059);
// - a relationship with an agent who is not there when its persona joins: its tie is made only
//   with agents present then (engine/membership.ts linkRelationships), so it is dropped (SOC060).
// Both are warnings. Events fire at the start of their round in file order (engine/timed-events.ts):
// the timeline is the events that fire, sorted by round, file order within a round.
import type { Diagnostic, DiagnosticCode, RelatedInformation } from './diagnostics';
import type { Locator } from './locate';
import type { PathSegment } from './parse';
import type { PersonaEntry } from './workspace';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Who is in the society before round 1, and which ids anything defines at all. */
export interface Cast {
  initiallyPresent(id: string): boolean;
  defined(id: string): boolean;
  /** The personas present from the start: their relationships are linked when the run starts. */
  initial: readonly PersonaEntry[];
}

/** The last change of one agent's membership: where it happened. */
interface Change { present: boolean; round: number; index: number; path: PathSegment[] }

export function eventTimeline(events: unknown, rounds: number, cast: Cast, at: Locator): Diagnostic[] {
  const fired = list(events)
    .map((e, index) => ({ e: e as Obj, index, round: isObj(e) ? e.at : undefined }))
    .filter((x): x is { e: Obj; index: number; round: number } => Number.isInteger(x.round) && (x.round as number) >= 1 && (x.round as number) <= rounds)
    .sort((a, b) => a.round - b.round); // stable: file order within a round
  const firstAdd = new Map<string, Change>();
  for (const { e, index, round } of fired) {
    list(e.add).forEach((p, k) => {
      const id = isObj(p) ? p.id : undefined;
      if (typeof id === 'string' && !firstAdd.has(id)) firstAdd.set(id, { present: true, round, index, path: ['events', index, 'add', k, 'id'] });
    });
  }

  const out: Diagnostic[] = [];
  const last = new Map<string, Change>();
  const isPresent = (id: string): boolean => last.get(id)?.present ?? cast.initiallyPresent(id);
  const warn = (code: DiagnosticCode, site: Locator, path: PathSegment[], why: Why, consequence: string): void => {
    const related: RelatedInformation[] = why.related ? [{ file: at.file.file, range: at.valueRange(why.related.path), message: why.related.message }] : [];
    out.push({ code, severity: 'warning', message: `${why.message}: ${consequence}`, file: site.file.file, range: site.valueRange(path), ...(related.length ? { related } : {}) });
  };
  /** SOC060 for each relationship of a persona joining now with someone absent now. */
  const checkRelationships = (persona: unknown, site: Locator, path: PathSegment[], round: number, joining: string): void => {
    if (!isObj(persona)) return;
    list(persona.relationships).forEach((r, i) => {
      const other = isObj(r) ? r.with : undefined;
      // Unknown ids and oneself: SOC021 and SOC022 say so.
      if (typeof other !== 'string' || other === persona.id || !cast.defined(other) || isPresent(other)) return;
      const change = last.get(other);
      const why = change ? left(other, change, round) : notYetJoined(other, firstAdd.get(other), round);
      warn('SOC060', site, [...path, 'relationships', i, 'with'], why, `this relationship will be dropped (its tie forms only with someone present when ${joining})`);
    });
  };

  for (const p of cast.initial) checkRelationships(p.raw, p.site.at, p.site.path, 0, 'the run starts');
  for (const { e, index, round } of fired) {
    list(e.add).forEach((p, k) => {
      if (isObj(p) && typeof p.id === 'string') last.set(p.id, { present: true, round, index, path: ['events', index, 'add', k, 'id'] });
    });
    // After the whole event's adds, as the engine links them: people added together may relate.
    list(e.add).forEach((p, k) => checkRelationships(p, at, ['events', index, 'add', k], round, `${isObj(p) && typeof p.id === 'string' ? `'${p.id}'` : 'it'} joins at round ${round}`));
    list(e.remove).forEach((id, k) => {
      if (typeof id !== 'string' || !cast.defined(id)) return; // SOC021 says so
      const path = ['events', index, 'remove', k];
      if (isPresent(id)) {
        last.set(id, { present: false, round, index, path });
        return;
      }
      const change = last.get(id);
      warn('SOC059', at, path, change ? removedAlready(id, change, index, round) : notYetJoined(id, firstAdd.get(id), round), 'this removal can never apply');
    });
  }
  return out;
}

interface Why { message: string; related?: { path: PathSegment[]; message: string } }

function removedAlready(id: string, removal: Change, index: number, round: number): Why {
  if (removal.index === index) return { message: `'${id}' is listed twice in this remove event`, related: { path: removal.path, message: 'first listed here' } };
  return left(id, removal, round);
}

function left(id: string, removal: Change, round: number): Why {
  const when = removal.round === round ? `earlier in round ${round}` : `at round ${removal.round}`;
  return { message: `'${id}' has already left ${when}`, related: { path: removal.path, message: 'removed here' } };
}

/** `round` 0: when the run starts, before the first round's events. */
function notYetJoined(id: string, add: Change | undefined, round: number): Why {
  if (!add) return { message: `'${id}' is not in the society ${round === 0 ? 'at the start' : `at round ${round}`} (they join only in an event that never fires)` };
  const when = add.round === round
    ? `later in round ${round} (the events of a round fire in file order)`
    : `only at round ${add.round}`;
  return { message: `'${id}' joins ${when}`, related: { path: add.path, message: 'joins here' } };
}
