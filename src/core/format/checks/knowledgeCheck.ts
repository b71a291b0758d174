// Checks of `knowledge:` (issue 44: information carried in conversation): an item's `source` is a
// persona (SOC100), each of its `known_by` a persona or a population group (SOC101), each with
// did-you-mean and a quick fix; an item nobody knows at the start can never spread (SOC102, a
// warning).
import type { Diagnostic } from '../model/diagnostics';
import type { Locator } from '../syntax/locate';
import { report, unknownName, type Report } from './mechanicsReport';
import { groupNames, type Check } from './checkContext';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Diagnostics of the scenario's knowledge items. `isDefined`: whether an id is a persona's or a
 * population member's; `ids`: the persona ids to suggest; `groups`: the group names (personas'
 * `group` and the population's groups).
 */
export function checkKnowledge(
  v: Obj,
  at: Locator,
  unsure: boolean,
  isDefined: (id: string) => boolean,
  ids: readonly string[],
  groups: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (unsure || !isObj(v.knowledge)) return out; // "not defined" checks wait until it reads cleanly
  const r: Report = { v, at, m: { world: [], agents: [], actions: [] }, unsure, out };
  for (const [id, item] of Object.entries(v.knowledge)) {
    if (!isObj(item)) continue;
    let knownAtStart = false;
    if (typeof item.source === 'string') {
      if (isDefined(item.source)) knownAtStart = true;
      else {
        unknownName(r, 'SOC100', at.valueRange(['knowledge', id, 'source']), item.source, ids, {
          unknown: `Unknown source '${item.source}' of knowledge '${id}': the source is a persona id (it knows '${id}' from the start)`,
          kind: 'personas',
          none: 'the scenario has no personas',
        });
      }
    }
    const knownBy = Array.isArray(item.known_by) ? item.known_by : [];
    knownBy.forEach((who: unknown, i) => {
      if (typeof who !== 'string') return;
      if (isDefined(who) || groups.includes(who)) {
        knownAtStart = true;
        return;
      }
      unknownName(r, 'SOC101', at.valueRange(['knowledge', id, 'known_by', i]), who, [...ids, ...groups], {
        unknown: `'${who}' in \`known_by\` of knowledge '${id}' is neither a persona id nor a population group`,
        kind: 'personas and groups',
        none: 'the scenario has no personas or groups',
      });
    });
    if (!knownAtStart && item.source === undefined && !knownBy.length) {
      const message = `Nobody knows '${id}' at the start, so no one can pass it on: give it a \`source\` (a persona id) or \`known_by\` (persona ids or groups)`;
      report(r, 'SOC102', 'warning', message, at.keyRange(['knowledge', id]));
    }
  }
  return out;
}

/** The entry of the CHECKS table. */
export const knowledgeCheck: Check = (ctx) => {
  ctx.out.push(...checkKnowledge(ctx.v, ctx.at, ctx.unsure, ctx.isDefined, ctx.ids, groupNames(ctx)));
};
