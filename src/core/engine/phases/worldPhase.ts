// The world phase of a round, for scenarios that declare `state:` and `actions:`. After the
// friend-making stages, every agent chooses one action against the state as it stands (all
// choose at once: nobody sees another's choice), then the choices take effect one by one in the
// round's turn order — each effect recomputed on the state as it is by then, so two agents
// harvesting the last fish do not both get it — and each agent remembers what it did. At the
// end of the round every `update` runs (world quantities, then agents'), and a `state` event
// records the result.
import type { ActRequest, ActResponse, DecisionResponse, SeenPost, SeenQuantity } from '../../llm/types';
import type { ActPhase, Quantity } from '../../format/language/mechanics';
import { applyPlatform } from './platformActions';
import { moduleWorld, type SocietyModule } from '../kernel/societyModule';
import { WORLD_PHASE, type PlannedPhase } from '../society/roundPlan';
import { stream } from '../../random/rng';
import type { Agent } from '../society/agent';
import { changesOf, contextOf, optionsFor, type Choices } from './actionOptions';
import { Pacer, then, type Step } from '../flow/step';
import type { Turn } from './turn';
import { usageField, type World } from '../kernel/world';
import type { WorldState } from '../society/worldState';
import { ExpressionFailure } from '../society/compiledMechanics';
import { RunFailure } from '../flow/runFailure';
import { CallOverran, isThenable, timedCall } from '../flow/timedCall';
import { agentQuantity, finiteResult } from '../society/finiteResult';
import type { ActionEvent, ErrorEvent } from '../../trace/events';

/** Whose step failed, and in which action phase (its declared name; `world` when none is given). */
interface Where {
  agent?: string;
  phase?: string;
}

/**
 * Runs `work`; an expression that fails on the way becomes an error event (the part of the
 * world phase it belonged to is skipped, the run goes on). One that passed its budget of steps
 * stops the run (RunFailure). Other errors are the engine's own.
 */
function guarded<T>(world: World, say: (e: ErrorEvent) => void, { agent, phase }: Where, work: () => T): T | undefined {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    report(say, expressionError(world, { agent, phase }, err));
    return undefined;
  }
}

/** The error event of an expression that failed in the world phase (what was skipped is in `message`). */
function expressionError(
  world: World,
  { agent, phase }: Where,
  err: ExpressionFailure,
  message = err.message,
): ErrorEvent {
  return {
    type: 'error',
    round: world.round,
    ...(agent ? { agent } : {}),
    phase: phase ?? WORLD_PHASE,
    message,
    handling: err.fatal ? 'fatal' : 'skipped',
    reason: 'expression',
  };
}

/** Says an expression's error event; one that passed its budget of steps stops the run. */
function report(say: (e: ErrorEvent) => void, event: ErrorEvent): void {
  say(event);
  if (event.handling === 'fatal') throw new RunFailure({ ...event, handling: 'fatal' });
}

/** `, with tonnes 0.5` for the arguments an effect failed for; nothing when there are none. */
const argsText = (args?: Record<string, number | string>): string =>
  args && Object.keys(args).length
    ? `, with ${Object.entries(args)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`
    : '';

/** Agents an agent may name in an agent argument: its strongest ties, then others at random. */
export const TARGETS_OFFERED = 6;

const seen = (q: Quantity, value: number, shown = true): SeenQuantity | undefined =>
  shown
    ? {
        name: q.name,
        value,
        ...(q.description ? { description: q.description } : {}),
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
      }
    : undefined;

function targetsFor(world: World, agent: Agent): string[] {
  const tied = [...world.ties.outgoing(agent.id)]
    .filter(([id]) => world.agents.has(id))
    .sort((x, y) => y[1].strength - x[1].strength || (x[0] < y[0] ? -1 : 1))
    .slice(0, TARGETS_OFFERED)
    .map(([id]) => id);
  const out = new Set(tied);
  const rest = [...world.agents.keys()].filter((id) => id !== agent.id && !out.has(id));
  const rng = stream(world.seed, 'agent', agent.id, 'targets', world.round);
  while (out.size < TARGETS_OFFERED && rest.length) out.add(rest.splice(rng.int(rest.length), 1)[0]);
  return [...out];
}

function visible(state: WorldState, id: string): Record<string, number> {
  const values = state.of(id);
  const out: Record<string, number> = {};
  for (const [name, q] of state.agentQuantities) if (!q.hidden) out[name] = values[name];
  return out;
}

/** What agents want more of, summed: the valued agent quantities (tallies and categories left out). */
function holdings(state: WorldState, id: string): number {
  const values = state.of(id);
  let sum = 0;
  for (const [name, q] of state.agentQuantities) if (q.valued !== false && !q.labels?.length) sum += values[name];
  return sum;
}

/** Another agent's last action and how far ahead of `me` it is, relative to the widest gap among `others`. */
function lastAndAhead(
  state: WorldState,
  me: string,
  id: string,
  others: readonly string[],
): { last?: string; ahead?: number } {
  const last = state.conduct.lastActionOf(id);
  if (!last) return {};
  const mine = holdings(state, me);
  const widest = Math.max(0, ...others.map((o) => Math.abs(holdings(state, o) - mine)));
  return { last, ahead: widest > 0 ? (holdings(state, id) - mine) / widest : 0 };
}

/**
 * Calls a hook of the scenario's module. A hook that throws is an error event (`reason: module`,
 * the rest of that hook skipped) and the run goes on, as with an expression that fails: what it
 * changed before it threw stays changed. A hook that runs past its time limit, or hands back a
 * promise (work left for after the call, outside the round it belongs to), stops the run
 * (RunFailure): its round is dropped, the checkpoint before it stands.
 */
function callHook(world: World, hook: string, { agent, phase }: Where, call: (m: SocietyModule) => unknown): void {
  const say = (message: string, fatal: boolean): ErrorEvent => {
    const event = {
      type: 'error',
      round: world.round,
      ...(agent ? { agent } : {}),
      phase: phase ?? WORLD_PHASE,
      message: `module ${hook}: ${message}`,
      handling: fatal ? 'fatal' : 'skipped',
      reason: 'module',
    } as const;
    world.emit(event);
    if (fatal) throw new RunFailure({ ...event, handling: 'fatal' });
    return event;
  };
  let result: unknown;
  try {
    result = timedCall(() => call(world.module!), world.moduleTimeLimitMs);
  } catch (err) {
    if (err instanceof CallOverran) say(err.message, true);
    say(err instanceof Error ? err.message.split('\n')[0] : String(err), false);
    return;
  }
  if (isThenable(result)) {
    // Whatever it does later is not the run's; a rejection must not end the process.
    Promise.resolve(result).catch(() => undefined);
    say("returned a promise: hooks must be synchronous (an async hook's changes would land after its call)", true);
  }
}

/** Whether a phase with a `when` runs this round; a failing condition is an error event and the phase is skipped. */
export function phaseRuns(world: World, phase: PlannedPhase): boolean {
  if (!phase.runs) return true;
  const context = {
    world: { ...(world.state?.world ?? {}) },
    n: BigInt(world.agents.size) as unknown as number,
    round: BigInt(world.round) as unknown as number,
  };
  return (
    guarded(
      world,
      (e) => world.emit(e),
      { phase: phase.name },
      () => phase.runs!(context) === true,
    ) ?? false
  );
}

/** The posts an agent reads before choosing, on the feeds the phase reads (every feed by default). */
function postsRead(
  world: World,
  a: Agent,
  phase: ActPhase | undefined,
): { seen: SeenPost[]; byFeed: Map<string, string[]> } {
  const board = world.state?.board;
  const byFeed = new Map<string, string[]>();
  const seen: SeenPost[] = [];
  if (!board) return { seen, byFeed };
  const me = a.persona.id;
  const tie = (author: string): number => world.ties.get(me, author);
  for (const feed of phase?.reads ?? [...board.feeds.keys()]) {
    const posts = board.ranked(feed, me, world.round, tie);
    byFeed.set(
      feed,
      posts.map((p) => p.id),
    );
    for (const p of posts) {
      seen.push(board.seen(p, me, world.agents.get(p.author)?.persona.name ?? p.author, tie(p.author)));
    }
  }
  return { seen, byFeed };
}

/** An action phase's step for one agent: choose an action (applied when resolveActions runs). */
export function chooseAction(world: World, t: Turn): Step {
  const state = world.state;
  if (!state) return;
  const a = t.agent;
  const phase = t.phase;
  const others = targetsFor(world, a);
  const read = postsRead(world, a, phase);
  const choices: Choices = { others, posts: read.byFeed };
  const options = optionsFor(state, a, choices, world.agents.size, world.round, phase?.actions, (err, args) =>
    report(
      (e) => t.tape.say(e),
      expressionError(
        world,
        { agent: a.id, phase: phase?.name },
        err,
        `${err.message} (not on offer to ${a.id} this round${argsText(args)})`,
      ),
    ),
  );
  if (!options.length) return;
  const offered = new Set(options.map((o) => o.compiled));
  const named = phase && phase.name !== WORLD_PHASE ? `${phase.name}:` : '';
  const request: ActRequest = {
    kind: 'act',
    key: `act:${world.round}:${named}${a.id}`,
    round: world.round,
    setting: world.settings.world.setting,
    persona: a.brief,
    memories: t.retrieved,
    world: state.compiled.mechanics.world.map((q) => seen(q, state.world[q.name])!),
    own: state.compiled.mechanics.agents.map((q) => seen(q, state.of(a.id)[q.name])!),
    others: others.map((id) => ({
      id,
      name: world.agents.get(id)!.persona.name,
      tie: world.ties.get(a.id, id),
      state: visible(state, id),
      conduct: state.conduct.conductOf(id),
      ...lastAndAhead(state, a.id, id, others),
    })),
    pressure: state.conduct.pressureOn(a.id),
    actions: [...offered].map((c) => ({
      name: c.spec.name,
      description: c.spec.description,
      args: c.spec.args,
      effects: c.spec.effects,
      ...platformVerbs(c.spec),
    })),
    options: options.map(({ action, args, changes }) => ({ action, args, changes })),
    ...(state.board ? { posts: read.seen } : {}),
    n: world.agents.size,
  };
  const decided = world.decide(
    a.model,
    request,
    { phase: 'world', declared: phase?.name, agent: a.id, tape: t.tape },
    t.signal,
  );
  return then(decided, (res) => {
    t.chosenAction = res;
  });
}

const platformVerbs = (spec: ActRequest['actions'][number]): Partial<ActRequest['actions'][number]> =>
  Object.fromEntries(
    (['post', 'reply_to', 'like', 'follow', 'ties'] as const)
      .filter((k) => spec[k] !== undefined)
      .map((k) => [k, spec[k]]),
  );

/** Fills `{args.x}`, `{world.q}` and `{me.q}` in an action's `remember` text. */
function recollection(text: string, values: Record<string, string>): string {
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\}/g, (m, key: string) => values[key] ?? m);
}

const shown = (x: number | string): string => (typeof x === 'number' ? String(Math.round(x * 100) / 100) : x);

/** Applies one agent's chosen action to the state as it is now; emits it and the agent's memory. */
function apply(
  world: World,
  state: WorldState,
  a: Agent,
  res: DecisionResponse<ActRequest> | ActResponse,
  phase: string | undefined,
): void {
  const compiled = state.compiled.actions.find((c) => c.spec.name === res.action);
  if (!compiled) return;
  const context = contextOf(state, a, world.agents.size, world.round, res.args, compiled);
  const emit = (e: ErrorEvent) => world.emit(e);
  const where: Where = { agent: a.id, phase };
  const possible = guarded(world, emit, where, () => !compiled.when || compiled.when(context) === true);
  if (possible === undefined) return;
  const applied: Record<string, [number, number]> = {};
  const changes = possible ? guarded(world, emit, where, () => changesOf(state, a, compiled, res.args, context)) : {};
  if (!changes) return;
  {
    for (const [key, change] of Object.entries(changes)) {
      const dot = key.indexOf('.');
      const owner = key.slice(0, dot),
        name = key.slice(dot + 1);
      const at = owner === 'world' ? 'world' : owner === 'me' ? a.id : owner;
      const before = at === 'world' ? state.world[name] : state.of(at)[name];
      const pair = at === 'world' ? state.setWorld(name, before + change) : state.setAgent(at, name, before + change);
      applied[owner === 'me' ? `${a.id}.${name}` : key] = pair;
    }
  }
  const platform = possible ? applyPlatform(world, a, compiled, res.args, res.text) : { event: {}, account: [] };
  const event: ActionEvent = {
    type: 'action',
    round: world.round,
    agent: a.id,
    action: res.action,
    args: res.args,
    changes: applied,
    reason: possible ? res.reason : `${res.reason} (no longer possible when its turn came)`,
    ...(phase ? { phase } : {}),
    ...platform.event,
    ...usageField('usage' in res ? res.usage : undefined),
  };
  world.emit(event);
  state.conduct.add(event);
  if (world.module?.afterAction) {
    callHook(world, 'afterAction', where, (m) => m.afterAction!(moduleWorld(world, 'afterAction'), event));
  }
  const values: Record<string, string> = {};
  // An agent argument reads as the person's name, as in the default text: "I gave 2 to Bea Lund".
  const agentArg = (k: string) => compiled.spec.args.find((x) => x.name === k)?.type === 'agent';
  for (const [k, v] of Object.entries(res.args)) {
    values[`args.${k}`] = typeof v === 'string' && agentArg(k) ? (world.agents.get(v)?.persona.name ?? v) : shown(v);
  }
  for (const [k, v] of Object.entries(state.world)) values[`world.${k}`] = shown(v);
  for (const [k, v] of Object.entries(state.of(a.id))) values[`me.${k}`] = shown(v);
  const argText = Object.entries(res.args)
    .map(([k, v]) => `${k} ${typeof v === 'string' ? (world.agents.get(v)?.persona.name ?? v) : shown(v)}`)
    .join(', ');
  const text = !possible
    ? `I meant to ${res.action}${argText ? ` (${argText})` : ''}, but by my turn it was no longer possible.`
    : compiled.spec.remember
      ? recollection(compiled.spec.remember, values)
      : platform.account.length
        ? platform.account.join(' ')
        : `I chose to ${res.action}${argText ? ` (${argText})` : ''}.`;
  world.remember(a, 'observation', text, 4);
}

/**
 * The chosen actions take effect in turn order. Each action event names its phase, but for the
 * default one (`world`): a round written out as the default gives the same trace. `taken` is told
 * after each (the engine's step point: a debugger may hold the run there).
 */
export async function resolveActions(
  world: World,
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
    const res = t.chosenAction;
    t.chosenAction = undefined;
    if (res && world.agents.has(t.agent.id)) {
      apply(world, state, t.agent, res, phase.name === WORLD_PHASE ? undefined : phase.name);
      const held = taken?.(t, res.action);
      if (held) await held;
    }
  }
}

/** The module's `endRound` hook, if it has one (after the declared updates, before the state event). */
export function moduleEndRound(world: World): void {
  if (world.module?.endRound) {
    callHook(world, 'endRound', {}, (m) => m.endRound!(moduleWorld(world, 'endRound')));
  }
}

/** The end of a round: every `update` from the closing state, world first; then the state event. */
export async function closeWorldRound(world: World, signal?: AbortSignal): Promise<void> {
  const state = world.state;
  if (!state) return;
  const n = world.agents.size,
    round = world.round;
  const worldContext = {
    world: { ...state.world },
    n: BigInt(n) as unknown as number,
    round: BigInt(round) as unknown as number,
  };
  const emit = (e: ErrorEvent) => world.emit(e);
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
      context.me = { ...state.of(a.id) };
      const next = state.compiled.agentUpdates.map((u) =>
        guarded(world, emit, { agent: a.id }, () =>
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
  state.board?.prune(round + 1);
  if (state.hasQuantities) world.emit(state.stateEvent(round));
}
