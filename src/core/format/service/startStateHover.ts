// Hover on a key of a persona's or population group's `state:` (issue 44: 2): the agent quantity it
// starts, with its bounds and description, and what a start value there does.
import type { Locator } from '../syntax/locate';
import { readMechanics } from '../assemble/mechanicsSource';
import { startStateDoc, startStateOwner } from './startStateCompletion';
import type { Token } from './tokenAt';
import type { Hover } from './types';

export function startStateHover(token: Token, at: Locator | undefined): Hover | undefined {
  if (token.role !== 'key' || token.doc.kind !== 'scenario' || !at) return undefined;
  const owner = startStateOwner(token.doc.kind, token.path.slice(0, -1));
  if (!owner) return undefined;
  const q = readMechanics(token.doc.value, at)?.agents.find((x) => x.name === token.value);
  return q ? { markdown: startStateDoc(q, owner), range: token.range } : undefined;
}
