// The consequence an offline reason names, worded from the change as applied (issue 85): the
// number in "give: lowers Bea's points by 96" is the one the event's `changes` hold, whatever
// the agent weighed when it chose (the state may have moved, or a bound cut the amount, since).
import type { ActResponse } from '../../../llm/types';
import { shownNumber } from './shownNumber';

/**
 * "<action>: raises|lowers <whose> <quantity> by <|change|>", for the response's `about` (`me.q`,
 * `<id>.q`, `world.q`) read in `applied` (`<owner id>.q` → [before, after]); "leaves … as it was"
 * when the action did not change it; nothing for a response that names no consequence (a model's).
 */
export function consequenceSaid(
  { action, about }: Pick<ActResponse, 'action' | 'about'>,
  actor: string,
  applied: Readonly<Record<string, [number, number]>>,
  nameOf: (id: string) => string,
): string {
  if (about === undefined) return '';
  const dot = about.indexOf('.');
  const owner = about.slice(0, dot),
    name = about.slice(dot + 1);
  const pair = applied[owner === 'me' ? `${actor}.${name}` : about];
  const change = pair ? pair[1] - pair[0] : 0;
  const whose = owner === 'me' || owner === actor ? 'my' : owner === 'world' ? 'the' : `${nameOf(owner)}'s`;
  if (!change) return `${action}: leaves ${whose} ${name} as it was`;
  return `${action}: ${change > 0 ? 'raises' : 'lowers'} ${whose} ${name} by ${shownNumber(Math.abs(change))}`;
}
