// Checks of timed events that post to a feed (issue 44: 8, `events: - { at, post: { feed, text,
// author } }`): the feed is declared under `feeds:` (SOC088) and the author is a persona of the
// scenario (SOC089), each with did-you-mean and a quick fix.
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import { unknownName, type Report } from './mechanicsReport';
import type { Check } from './checkContext';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Diagnostics of the scenario's timed posts. `isDefined`: whether an id is a persona's or a
 * population member's; `ids`: the persona ids to suggest.
 */
export function checkTimedPosts(
  v: Obj,
  at: Locator,
  unsure: boolean,
  isDefined: (id: string) => boolean,
  ids: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (unsure || !Array.isArray(v.events)) return out; // "not defined" checks wait until it reads cleanly
  const r: Report = { v, at, m: { world: [], agents: [], actions: [] }, unsure, out };
  const feeds = isObj(v.feeds) ? Object.keys(v.feeds) : [];
  v.events.forEach((e: unknown, i) => {
    if (!isObj(e) || !isObj(e.post)) return;
    const { feed, author } = e.post;
    if (typeof feed === 'string' && !feeds.includes(feed)) {
      unknownName(r, 'SOC088', at.valueRange(['events', i, 'post', 'feed']), feed, feeds, {
        unknown: `Unknown feed '${feed}' in the post of event ${i + 1}`,
        kind: 'feeds',
        none: 'the scenario declares no feeds: declare it under `feeds:`',
      });
    }
    if (typeof author === 'string' && !isDefined(author)) {
      unknownName(r, 'SOC089', at.valueRange(['events', i, 'post', 'author']), author, ids, {
        unknown: `Unknown author '${author}' of the post of event ${i + 1}: the author is a persona id (leave \`author\` out for the platform's own post)`,
        kind: 'personas',
        none: 'the scenario has no personas',
      });
    }
  });
  return out;
}

/** The entry of the CHECKS table. */
export const timedPostsCheck: Check = (ctx) => {
  ctx.out.push(...checkTimedPosts(ctx.v, ctx.at, ctx.unsure, ctx.isDefined, ctx.ids));
};
