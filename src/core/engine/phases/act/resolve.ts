// An action phase's choices take effect: each recomputed on the state as it is by then (two agents
// harvesting the last fish do not both get it), with its platform verbs, the module's
// `afterAction` hook, and the agent's memory of what it did.
import { optionKey } from '../../society/experience';
import { applyMove } from './move';
import type { ActRequest, ActResponse, DecisionResponse } from '../../../llm/types';
import type { ActPhase } from '../../../format';
import type { ActionEvent, ErrorEvent } from '../../../trace/events';
import type { Agent } from '../../society/agent';
import { WORLD_PHASE } from '../../society/roundPlan';
import type { WorldState } from '../../society/worldState';
import { decidedBy, usageField } from '../../society/usageBook';
import { Pacer } from '../../flow/step';
import type { PhaseContext } from '../context';
import { own } from '../slot';
import type { Turn } from '../turn';
import { boundedArgs, changesOf, contextOf, movesOf } from './actionOptions';
import { divisionOf, effortOf } from '../../society/division';
import { ExpressionFailure } from '../../society/compiledMechanics';
import type { CompiledAction } from '../../society/compiledMechanics';
import type { ExpressionContext } from '../../../format';
import { ACT_TURN } from './actState';
import { callHook, guarded, type Where } from './guard';
import { moduleWorld } from './societyModule';
import { applyPlatform } from './verbs';
import { argsQualify } from './candidates';
import { nameRecord } from '../../../text/nameRecord';
import { Foresight } from './foresight';
import { argsAtTurn } from './turnBounds';
import { cutToBounds } from './boundCut';
import { recollection } from './recollection';
import { argValue, choiceWords, shown } from './choiceWords';
import { consequenceSaid } from './consequenceSaid';

/** A number argument's least value now (its bound written as an expression evaluated for the actor). */
function argMin(compiled: CompiledAction, context: ExpressionContext, name: string): number {
  const args = (compiled.bounds ? boundedArgs(compiled, context) : undefined) ?? compiled.spec.args;
  return args.find((x) => x.name === name)?.min ?? 0;
}

/** Notes what the action divided or put into a common effort, if it does (division.ts): third parties judge it. */
function noteDivision(
  state: WorldState,
  a: Agent,
  compiled: CompiledAction,
  args: Record<string, number | string>,
  round: number,
  context: (args: Record<string, number | string>) => ExpressionContext,
): void {
  if (compiled.spec.args.filter((x) => x.type === 'number').length !== 1) return;
  const at = (x: Record<string, number | string>): Record<string, number> | undefined => {
    try {
      const all: Record<string, number> = nameRecord();
      changesOf(state, a, compiled, x, context(x), false, all);
      for (const key of Object.keys(all)) if (!state.valuedKey(key)) delete all[key];
      return all;
    } catch (err) {
      if (err instanceof ExpressionFailure) return undefined;
      throw err;
    }
  };
  const division = divisionOf(a.id, compiled.spec.args, args, at);
  if (division) return state.conduct.divided(a.id, division);
  const effort = effortOf(a.id, compiled.spec.name, compiled.spec.args, args, round, at);
  if (effort) state.conduct.contributed(a.id, effort);
}

/** Writes an action's changes (`me.q`, `<id>.q`, `world.q`) into the state: each `<owner>.q` → [before, after]. */
function applyChanges(
  state: WorldState,
  actor: string,
  changes: Record<string, number>,
): Record<string, [number, number]> {
  const applied: Record<string, [number, number]> = nameRecord();
  for (const [key, change] of Object.entries(changes)) {
    const dot = key.indexOf('.');
    const owner = key.slice(0, dot),
      name = key.slice(dot + 1);
    const at = owner === 'world' ? 'world' : owner === 'me' ? actor : owner;
    const before = at === 'world' ? state.world[name] : state.of(at)[name];
    const pair = at === 'world' ? state.setWorld(name, before + change) : state.setAgent(at, name, before + change);
    applied[owner === 'me' ? `${actor}.${name}` : key] = pair;
  }
  return applied;
}

/** The reason, with what its turn changed: a bound met, an amount cut, or the action no longer possible. */
function whyAtTurn(
  why: string,
  able: boolean,
  moved: readonly string[],
  cut: { said?: string; impossible?: boolean },
): string {
  if (!able) {
    return `${why} (${cut.impossible ? `not possible when its turn came: ${cut.said}` : 'no longer possible when its turn came'})`;
  }
  return `${why}${moved.length ? ` (${moved.join(', ')}: its bound when its turn came)` : ''}${cut.said ? ` (${cut.said})` : ''}`;
}

/** Applies one agent's chosen action to the state as it is now; emits it and the agent's memory. */
function apply(
  world: PhaseContext,
  state: WorldState,
  a: Agent,
  res: DecisionResponse<ActRequest> | ActResponse,
  phase: string | undefined,
): void {
  const compiled = state.compiled.actions.find((c) => c.spec.name === res.action);
  if (!compiled) return;
  const emit = (e: ErrorEvent) => world.emit(e);
  const where: Where = { agent: a.id, phase };
  // Each number argument within its bounds as they stand now (turnBounds.ts), not as they stood when chosen.
  const turn = guarded(world, emit, where, () =>
    argsAtTurn(compiled, res.args, contextOf(state, a, world.agents.size, world.round)),
  );
  if (turn === undefined) return;
  let args = turn.args;
  const n = world.agents.size;
  const context = contextOf(state, a, n, world.round, args, compiled);
  // Its `when` holds, and each argument with a `where` still names a candidate that qualifies.
  const possible = guarded(
    world,
    emit,
    where,
    () =>
      turn.fits && (!compiled.when || compiled.when(context) === true) && argsQualify(world, state, a, compiled, args),
  );
  if (possible === undefined) return;
  // An amount no bound lets every effect take in full is cut to what they allow (boundCut.ts).
  const cut = possible
    ? guarded(world, emit, where, () =>
        cutToBounds(
          state,
          a,
          compiled,
          args,
          (x) => contextOf(state, a, n, world.round, x, compiled),
          (name) => argMin(compiled, contextOf(state, a, n, world.round), name),
        ),
      )
    : { args, changes: {} };
  if (!cut) return;
  // Paying what it does not have, with no amount to cut: not possible, as a `when` that no longer holds.
  const able = possible && !cut.impossible;
  args = cut.args;
  const applied = applyChanges(state, a.id, cut.changes);
  const platform = able ? applyPlatform(world, a, compiled, args, res.text) : { event: {}, account: [] };
  const why = consequenceSaid(res, a.id, applied, (id) => world.agents.get(id)?.persona.name ?? id) + res.reason;
  const event: ActionEvent = {
    type: 'action',
    round: world.round,
    agent: a.id,
    action: res.action,
    args,
    changes: applied,
    reason: whyAtTurn(why, able, turn.moved, cut),
    ...(res.pushes ? { pushes: res.pushes } : {}),
    ...(phase ? { phase } : {}),
    ...platform.event,
    ...usageField('usage' in res ? res.usage : undefined),
    ...decidedBy('usage' in res ? res.usage : undefined),
  };
  world.emit(event);
  const went = able ? applyMove(world, a, compiled.spec, args) : undefined;
  if (went) platform.account.push(went);
  state.conduct.add(event, (key) => state.valuedKey(key));
  if (able) {
    noteDivision(state, a, compiled, args, world.round, (x) => contextOf(state, a, n, world.round, x, compiled));
  }
  if (world.learning) {
    state.experience.chose(
      a.id,
      optionKey(res.action, args, compiled.spec.args),
      withForeseen(ownChanges(a.id, applied), state, a, applied, world.agents.size, world.round),
      event,
    );
  }
  if (world.module?.afterAction) {
    callHook(world, 'afterAction', where, (m) => m.afterAction!(moduleWorld(world, 'afterAction'), event));
  }
  // What it remembers of it, from the event just recorded: the arguments as applied (choiceWords.ts).
  const nameOf = (id: string) => world.agents.get(id)?.persona.name;
  const values: Record<string, string> = nameRecord();
  for (const [k, v] of Object.entries(event.args)) values[`args.${k}`] = argValue(k, v, compiled.spec.args, nameOf);
  for (const [k, v] of Object.entries(state.world)) values[`world.${k}`] = shown(v);
  for (const [k, v] of Object.entries(state.of(a.id))) values[`me.${k}`] = shown(v);
  const choice = choiceWords(event.action, event.args, compiled.spec.args, nameOf);
  const text = !able
    ? `I meant to ${choice}, but by my turn it was no longer possible.`
    : compiled.spec.remember
      ? recollection(compiled.spec.remember, values)
      : platform.account.length
        ? platform.account.join(' ')
        : `I chose to ${choice}.`;
  world.remember(a, 'observation', text, 4);
}

/**
 * The chosen actions take effect in turn order. Each action event names its phase, but for the
 * default one (`world`): a round written out as the default gives the same trace. `taken` is told
 * after each (the engine's step point: a debugger may hold the run there).
 */
export async function resolveActions(
  world: PhaseContext,
  turns: readonly Turn[],
  phase: ActPhase,
  signal?: AbortSignal,
  taken?: (t: Turn, action: string) => void | Promise<void>,
): Promise<void> {
  const state = world.state;
  if (!state) return;
  const pacer = new Pacer(signal);
  for (const t of turns) {
    if (pacer.due) await pacer.turn();
    const act = own(t, ACT_TURN);
    const res = act.chosen;
    act.chosen = undefined;
    if (res && world.agents.has(t.agent.id)) {
      apply(world, state, t.agent, res, phase.name === WORLD_PHASE ? undefined : phase.name);
      const held = taken?.(t, res.action);
      if (held) await held;
    }
  }
}

/** What an action changed in its actor's own quantities (`<id>.<q>` → after − before). */
function ownChanges(id: string, applied: Record<string, [number, number]>): Record<string, number> {
  const out: Record<string, number> = nameRecord();
  for (const [key, [before, after]] of Object.entries(applied)) {
    if (key.startsWith(`${id}.`)) out[key.slice(id.length + 1)] = after - before;
  }
  return out;
}

/**
 * What the agent saw coming when it chose: its own changes at once, and what its world changes
 * bring it back at the round's close (foresight.ts, worked out from the state after the action:
 * the same for the declared updates that are linear in what was put in). Experience learns the rest.
 */
function withForeseen(
  own: Record<string, number>,
  state: WorldState,
  a: Agent,
  applied: Record<string, [number, number]>,
  n: number,
  round: number,
): Record<string, number> {
  if (!Foresight.possible(state)) return own;
  const changes: Record<string, number> = nameRecord();
  for (const [key, [before, after]] of Object.entries(applied)) changes[key] = after - before;
  const back = new Foresight(state, a, [], n, round).of(movesOf(changes, a.id));
  for (const [key, x] of Object.entries(back ?? {})) {
    const q = key.slice(3);
    own[q] = (own[q] ?? 0) + x;
  }
  return own;
}
