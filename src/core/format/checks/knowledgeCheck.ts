// Checks of `knowledge:` (issue 44: information carried in conversation): an item's `source` is a
// persona (SOC100), each of its `known_by` a persona or a population group (SOC101), each with
// did-you-mean and a quick fix; an item nobody knows at the start can never spread (SOC102, a
// warning).
import { report, unknownName, type Report } from './mechanicsReport';
import { groupNames, type CheckContext } from './checkContext';
import { isObj } from './checkKit';

/** The scenario's knowledge items: sources and holders that exist, items someone knows at the start. */
export function knowledgeCheck(ctx: CheckContext): void {
  const { v, at, unsure, isDefined, ids } = ctx;
  const groups = groupNames(ctx);
  const out = ctx.out;
  if (unsure || !isObj(v.knowledge)) return; // "not defined" checks wait until it reads cleanly
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
  return;
}
