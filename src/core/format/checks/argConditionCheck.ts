// An argument's `where` chooses among candidates: agents or posts. On a number or a place argument
// it is never read (SOC081): a number has no candidate to test, and places are chosen among those
// declared, with no condition (the warning says which it is, so a place is not called a number). The condition itself is an
// expression like the others, checked with them (mechanicsSource.ts expressionSites, SOC080).
import type { Mechanics } from '../model/mechanics';
import { report, type Report } from './mechanicsReport';

export function checkArgConditions(r: Report & { m: Mechanics }): void {
  for (const a of r.m.actions) {
    for (const arg of a.args) {
      if ((arg.type !== 'number' && arg.type !== 'place') || arg.where === undefined) continue;
      report(
        r,
        'SOC081',
        'warning',
        arg.type === 'place'
          ? `Argument '${arg.name}' of action '${a.name}' is a place: \`where\` chooses among agents or posts, and a place is chosen among every declared place, so it is never read. Take \`where\` away, and keep a place out of reach with the action's \`when\` or the place's \`capacity\``
          : `Argument '${arg.name}' of action '${a.name}' is a number: \`where\` chooses among agents or posts, so it is never read. Give it \`type: agent\` or \`type: post\`, or take \`where\` away`,
        r.at.keyRange(['actions', a.name, 'args', arg.name, 'where']),
      );
    }
  }
}
