// What an agent reads of its match (`matching:`, issue 62): `matched`, everyone in its group, and
// in pairs `partner` — as rows of `agents` are read, live in actions and `where`s, from the
// closing state in updates — and which actions need a match to be offered at all.
import { type ExpressionContext, agentRow, type AgentRow, readsMatch } from '../../../format';
import type { CompiledAction } from '../../society/compiledMechanics';
import type { WorldState } from '../../society/worldState';

/**
 * `matched` and `partner` in `context` for `agent` (scenarios with `matching:`), from `rows` (the
 * state as an expression reads it: live in actions, the closing state in updates). An agent
 * without a group reads an empty `matched` and no `partner`.
 */
export function readMatch(
  context: ExpressionContext,
  state: WorldState,
  agent: string,
  rowOf: (id: string) => AgentRow | undefined = (id) => liveRow(state, id),
): void {
  const book = state.matches;
  if (!book) return;
  const group = book.groupOf(agent);
  let cached: AgentRow[] | undefined;
  const members = (): AgentRow[] => (cached ??= (group ?? []).map(rowOf).filter((r): r is AgentRow => r !== undefined));
  Object.defineProperty(context, 'matched', { enumerable: true, configurable: true, get: members });
  const partner = book.partnerOf(agent);
  if (partner !== undefined) {
    Object.defineProperty(context, 'partner', {
      enumerable: true,
      configurable: true,
      get: () => members().find((r) => r.id === partner),
    });
  }
}

/** A member of a group as `matched` reads it now: its id, group and values (with place and knowledge, as `me`). */
function liveRow(state: WorldState, id: string): AgentRow {
  return agentRow(id, state.matches?.groupNameOf(id), state.view(id));
}

/** Whether an action reads or changes the agent's match: it is on offer only to an agent with one. */
export function needsMatch(action: CompiledAction): boolean {
  const a = action.spec;
  return (
    readsMatch(a.when) ||
    a.effects.some((e) => e.target.startsWith('partner.') || readsMatch(e.expression)) ||
    a.args.some((x) => readsMatch(x.where) || readsMatch(x.minExpression) || readsMatch(x.maxExpression))
  );
}
