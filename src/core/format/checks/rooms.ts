// Checks of a list of group rooms beyond the schema, wherever the list is written: `world.rooms`,
// or the value of `world.rooms` in a timed event's or an experiment condition's `set` (the run
// uses either the same way, so both get the same checks, with ranges into the list as written).
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import type { PathSegment } from '../syntax/parse';
import { isObj } from './checkKit';

/** Reports a persona id that nothing defines (SOC021); `what` names the place in the message. */
export type PersonaRefCheck = (id: unknown, site: Locator, path: PathSegment[], what: string) => void;

export function checkRooms(rooms: unknown, at: Locator, path: PathSegment[], refCheck: PersonaRefCheck): Diagnostic[] {
  if (!Array.isArray(rooms)) return [];
  const out: Diagnostic[] = [];
  const say = (code: 'SOC013' | 'SOC056', message: string, where: PathSegment[]): void => {
    out.push({ code, severity: 'error', message, file: at.file.file, range: at.valueRange(where) });
  };
  const names = new Set<string>();
  rooms.forEach((r, i) => {
    if (!isObj(r)) return;
    const members = Array.isArray(r.members) ? r.members : [];
    members.forEach((id, k) => refCheck(id, at, [...path, i, 'members', k], 'room members'));
    if (typeof r.name !== 'string') return;
    if (names.has(r.name)) say('SOC056', `Room name '${r.name}' is used twice`, [...path, i, 'name']);
    names.add(r.name);
    // A member listed twice would talk to and rate the others twice each round; one member alone never meets.
    const seen = new Set<unknown>();
    members.forEach((m, k) => {
      if (typeof m === 'string' && seen.has(m)) {
        say('SOC056', `Room '${r.name}' lists '${m}' twice`, [...path, i, 'members', k]);
      }
      seen.add(m);
    });
    if (members.length === 1) {
      say(
        'SOC013',
        `Room '${r.name}' has one member, who has nobody to talk to: list two or more, or none to draw \`size\` members each round`,
        [...path, i, 'members'],
      );
    }
  });
  return out;
}
