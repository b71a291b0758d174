// Checks of timed events that post to a feed (issue 44: 8, `events: - { at, post: { feed, text,
// author } }`): the feed is declared under `feeds:` (SOC088) and the author is a persona of the
// scenario (SOC089), each with did-you-mean and a quick fix.
import { unknownName, type Report } from './mechanicsReport';
import type { CheckContext } from './checkContext';
import { isObj } from './checkKit';

/** The scenario's timed posts: authors that exist. */
export function timedPostsCheck(ctx: CheckContext): void {
  const { v, at, unsure, isDefined, ids } = ctx;
  const out = ctx.out;
  if (unsure || !Array.isArray(v.events)) return; // "not defined" checks wait until it reads cleanly
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
  return;
}
