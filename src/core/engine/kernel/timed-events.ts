// Timed scenario events, fired at the start of their round in file order: broadcast a message
// (every agent observes it), add or remove agents, change a parameter, or put a post on a feed.
import { type ScenarioEvent, applySet } from '../../format';
import { addAgent, linkRelationships, removeAgent } from './membership';
import type { World } from './world';
import { firePost } from './seededPosts';
import { nameRecord } from '../../text/nameRecord';

/** Importance of a broadcast observation: news everyone hears is fairly memorable. */
export const BROADCAST_IMPORTANCE = 6;

export function fireEvents(world: World, events: readonly ScenarioEvent[], modelOverride?: string): void {
  events.forEach((e, index) => {
    if (e.at !== world.round) return;
    const round = world.round;
    if ('broadcast' in e) {
      world.emit({ type: 'event_fired', round, index, action: 'broadcast', text: e.broadcast });
      for (const a of world.agents.values()) {
        world.remember(a, 'observation', `News for everyone: ${e.broadcast}`, BROADCAST_IMPORTANCE);
      }
    } else if ('add' in e) {
      world.emit({ type: 'event_fired', round, index, action: 'add', agents: e.add.map((p) => p.id) });
      for (const p of e.add) {
        try {
          addAgent(world, p, 'event', modelOverride);
        } catch (err) {
          world.emit({
            type: 'error',
            round,
            message: err instanceof Error ? err.message : String(err),
            handling: 'skipped',
          });
        }
      }
      linkRelationships(
        world,
        e.add.filter((p) => world.agents.get(p.id)?.persona === p),
      );
    } else if ('remove' in e) {
      world.emit({ type: 'event_fired', round, index, action: 'remove', agents: e.remove });
      for (const id of e.remove) {
        if (!removeAgent(world, id)) {
          world.emit({ type: 'error', round, message: `cannot remove unknown agent '${id}'`, handling: 'skipped' });
        }
      }
    } else if ('post' in e) {
      firePost(world, e.post, index);
    } else {
      // A value that does not fit (after the schema's defaults) is an error event and that change is
      // skipped; what did change is in the event (`applied`), so a replay need not check values.
      const applied: Record<string, unknown> = nameRecord();
      const rejected = applySet(world.settings, e.set, { models: Object.keys(world.scenario.models), applied });
      world.emit({ type: 'event_fired', round, index, action: 'set', set: e.set, applied });
      for (const message of rejected) world.emit({ type: 'error', round, message, handling: 'skipped' });
    }
  });
}
