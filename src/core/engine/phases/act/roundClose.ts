// The end of a round of a world with state: every `update` from the closing state (world
// quantities first, then agents'), the module's `endRound` hook, what the round brought each agent
// (consequences.ts), then the round's `state` event.
import type { ErrorEvent } from '../../../trace/events';
import { agentQuantity, finiteResult } from '../../society/finiteResult';
import { Pacer } from '../../flow/step';
import type { PhaseContext } from '../context';
import { actorView, contextOf } from './actionOptions';
import { readMatch } from './matchReads';
import { readsMatch, lazyAgents, type AgentRow } from '../../../format';
import { callHook, guarded } from './guard';
import { moduleWorld } from './societyModule';
import { learnFromRound } from './consequences';

/** The module's `endRound` hook, if it has one (after the declared updates, before the state event). */
export function moduleEndRound(world: PhaseContext): void {
  if (world.module?.endRound) {
    callHook(world, 'endRound', {}, (m) => m.endRound!(moduleWorld(world, 'endRound')));
  }
}

/** The end of a round: every `update` from the closing state, world first; then the state event. */
export async function closeWorldRound(world: PhaseContext, signal?: AbortSignal): Promise<void> {
  const state = world.state;
  if (!state) return;
  const n = world.agents.size,
    round = world.round;
  const worldContext = {
    world: { ...state.world },
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
  };
  // Aggregates read the closing state too: built once, before any agent's update lands.
  let closing: AgentRow[] | undefined;
  const rows = (): AgentRow[] => (closing ??= state.rows());
  lazyAgents(worldContext, rows);
  const emit = (e: ErrorEvent) => world.emit(e);
  let byId: Map<string, AgentRow> | undefined;
  const closingRow = (id: string): AgentRow | undefined =>
    (byId ??= new Map(rows().map((r) => [String(r.id), r]))).get(id);
  for (const u of state.compiled.worldUpdates) {
    const name = u.quantity.name;
    const x = guarded(world, emit, {}, () =>
      finiteResult(u.evaluate(worldContext), u, `world.${name}`, state.world[name]),
    );
    if (x !== undefined) state.setWorld(name, x);
  }
  if (state.compiled.agentUpdates.length) {
    const pacer = new Pacer(signal);
    for (const a of world.agents.values()) {
      if (pacer.due) await pacer.turn();
      const context = contextOf(state, a, n, round);
      context.me = actorView(state, a);
      lazyAgents(context, rows);
      // The group reads the closing state too; an agent left without a group keeps what a match would update.
      readMatch(context, state, a.id, (id) => closingRow(id));
      const unmatched = state.matches !== undefined && !state.matches.groupOf(a.id);
      const next = state.compiled.agentUpdates.map((u) =>
        unmatched && readsMatch(u.expression)
          ? undefined
          : guarded(world, emit, { agent: a.id }, () =>
              finiteResult(u.evaluate(context), u, agentQuantity(u.quantity.name, a.id), context.me![u.quantity.name]),
            ),
      );
      state.compiled.agentUpdates.forEach((u, k) => {
        const x = next[k];
        if (x !== undefined) state.setAgent(a.id, u.quantity.name, x);
      });
    }
  }
  moduleEndRound(world);
  learnFromRound(world);
  state.board?.prune(round + 1);
  if (state.hasQuantities) world.emit(state.stateEvent(round));
}
