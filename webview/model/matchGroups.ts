// Who plays with whom, in the society view (issue 73): the public goods world with `matching:`
// never drew its groups of four. A world with match groups now draws them as a world with places
// draws where people are: each group a cluster around its own anchor, captioned "group 2 · 4",
// from the round's `match` event (model/placeGroups.ts does the layout and the captions). Only
// where the trace has match groups; where a world has places too, the places keep the picture
// (the trace table still lists each round's groups).
import type { WorldState } from '../../src/core/replay/replay';
import type { PlacesShown } from './placeGroups';

/**
 * The most groups drawn as clusters: past it a ring of tiny clusters reads as nothing, and the
 * captions' spacing (placeCaptions, quadratic in the captions) would cost every frame. A larger
 * world keeps its tie or neutral picture; the trace table still lists its groups.
 */
export const MAX_GROUPS_DRAWN = 32;

/** What the timeline says of the groups on screen, by the design that drew them. */
const DESIGN_WORDS = { partner: 'the same groups all game', stranger: 'groups drawn this round' } as const;

/**
 * The match groups at the replayed round, as places: `shown` for the captions, `groupOf` each
 * member's group id; undefined before the first draw, for a world without `matching:`, and past
 * MAX_GROUPS_DRAWN groups.
 */
export function matchGroupsShown(state: WorldState): { shown: PlacesShown; groupOf: Map<string, string> } | undefined {
  const m = state.matches;
  if (!m || m.groups.length === 0 || m.groups.length > MAX_GROUPS_DRAWN) return undefined;
  const groupOf = new Map<string, string>();
  const places = m.groups.map((members, i) => {
    const id = `group ${i + 1}`;
    let count = 0;
    for (const a of members) {
      if (!state.agents.get(a)?.active) continue;
      groupOf.set(a, id);
      count++;
    }
    return { id, label: id, count };
  });
  return { shown: { when: DESIGN_WORDS[m.design] ?? '', places }, groupOf };
}
