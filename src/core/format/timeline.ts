// Timed events that can only fail: removing an agent who is not in the society at that moment
// (removed already, listed twice, or joining later). The run skips such a removal with an error
// event, like an event after the last round never fires, so it is a warning (SOC059).
// Events fire at the start of their round in file order (engine/timed-events.ts): the timeline is
// the events that fire, sorted by round, file order within a round.
import type { Diagnostic, RelatedInformation } from './diagnostics';
import type { Locator } from './locate';
import type { PathSegment } from './parse';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Who is in the society before round 1, and which ids anything defines at all. */
export interface Cast { initiallyPresent(id: string): boolean; defined(id: string): boolean }

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
  for (const { e, index, round } of fired) {
    list(e.add).forEach((p, k) => {
      if (isObj(p) && typeof p.id === 'string') last.set(p.id, { present: true, round, index, path: ['events', index, 'add', k, 'id'] });
    });
    list(e.remove).forEach((id, k) => {
      if (typeof id !== 'string' || !cast.defined(id)) return; // SOC021 says so
      const path = ['events', index, 'remove', k];
      const change = last.get(id);
      if (change ? change.present : cast.initiallyPresent(id)) {
        last.set(id, { present: false, round, index, path });
        return;
      }
      const why = change ? removedAlready(id, change, index, round) : notYetJoined(id, firstAdd.get(id), round);
      const related: RelatedInformation[] = why.related ? [{ file: at.file.file, range: at.valueRange(why.related.path), message: why.related.message }] : [];
      out.push({ code: 'SOC059', severity: 'warning', message: `${why.message}: this removal can never apply`, file: at.file.file, range: at.valueRange(path), ...(related.length ? { related } : {}) });
    });
  }
  return out;
}

interface Why { message: string; related?: { path: PathSegment[]; message: string } }

function removedAlready(id: string, removal: Change, index: number, round: number): Why {
  if (removal.index === index) return { message: `'${id}' is listed twice in this remove event`, related: { path: removal.path, message: 'first listed here' } };
  const when = removal.round === round ? `earlier in round ${round}` : `at round ${removal.round}`;
  return { message: `'${id}' has already left ${when}`, related: { path: removal.path, message: 'removed here' } };
}

function notYetJoined(id: string, add: Change | undefined, round: number): Why {
  if (!add) return { message: `'${id}' is not in the society at round ${round} (they join only in an event that never fires)` };
  const when = add.round === round
    ? `later in round ${round} (the events of a round fire in file order)`
    : `only at round ${add.round}`;
  return { message: `'${id}' joins ${when}`, related: { path: add.path, message: 'joins here' } };
}
