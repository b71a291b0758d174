// Persona ids the scenario names: in remove events and rooms (SOC021).
import { checkRooms } from './rooms';
import { isObj, list } from './checkKit';
import type { CheckContext } from './checkContext';
import { pushAll } from '../../text/pushAll';

/** References from the scenario: events and rooms. */
export function referencesCheck(ctx: CheckContext): void {
  const { v, at, out, refCheck } = ctx;
  // References from the scenario: events and rooms.
  list(v.events).forEach((e, i) => {
    if (!isObj(e)) return;
    list(e.remove).forEach((id, k) => refCheck(id, at, ['events', i, 'remove', k], 'remove event'));
  });
  const world = isObj(v.world) ? v.world : {};
  pushAll(out, checkRooms(world.rooms, at, ['world', 'rooms'], refCheck));
}
