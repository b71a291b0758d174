// An argument's `where` chooses among candidates: agents, posts or places. On a number argument it
// is never read (SOC081): a number has no candidate to test. The condition itself is an expression
// like the others, checked with them (mechanicsSource.ts expressionSites, SOC080).
import type { Mechanics } from '../model/mechanics';
import { report, type Report } from './mechanicsReport';

export function checkArgConditions(r: Report & { m: Mechanics }): void {
  for (const a of r.m.actions) {
    for (const arg of a.args) {
      if (arg.type !== 'number' || arg.where === undefined) continue;
      report(
        r,
        'SOC081',
        'warning',
        `Argument '${arg.name}' of action '${a.name}' is a number: \`where\` chooses among agents, posts or places, so it is never read. Give it \`type: agent\`, \`type: post\` or \`type: place\`, or take \`where\` away`,
        r.at.keyRange(['actions', a.name, 'args', arg.name, 'where']),
      );
    }
  }
}
