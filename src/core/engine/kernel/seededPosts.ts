// Timed events that post to a feed (issue 44: 8): a seeded post — the rumour, the headline under
// study — put on a feed at the start of its round, by a named agent or by the platform itself
// (NEWS_AUTHOR). Readers then see it ranked like any post and may like it or reply to it.
import type { SeededPost } from '../../format';
import { NEWS_AUTHOR } from '../society/feeds';
import type { World } from './world';

export function firePost(world: World, p: SeededPost, index: number): void {
  const round = world.round;
  const board = world.state?.board;
  const skip = (message: string): void => world.emit({ type: 'error', round, message, handling: 'skipped' });
  if (!board?.feeds.has(p.feed)) return skip(`cannot post on unknown feed '${p.feed}'`);
  if (p.author !== undefined && !world.agents.has(p.author)) {
    return skip(`cannot post as '${p.author}': no such agent at round ${round}`);
  }
  const made = board.add(p.feed, p.author ?? NEWS_AUTHOR, round, p.text);
  const post = { id: made.id, feed: made.feed, text: made.text, ...(p.author ? { author: p.author } : {}) };
  world.emit({ type: 'event_fired', round, index, action: 'post', post });
  // Its author knows what it posted, as after a post of its own choosing (resolve.ts).
  const author = p.author ? world.agents.get(p.author) : undefined;
  if (author) world.remember(author, 'observation', `I posted on ${p.feed}: "${p.text}"`, 4);
}
