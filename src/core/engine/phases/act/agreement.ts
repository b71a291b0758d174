// What people who talk agree on: the way of acting that, if everyone in their group acted so,
// would leave the group best off. Discussion lets a group find and promise it (Ostrom, Walker &
// Gardner 1992: groups that talked named a per-person allocation near the optimum; Isaac & Walker
// 1988; Sally 1995 and Balliet 2010's meta-analyses: discussion raises cooperation, d ≈ 1). The
// offline rule holds an agent to it as far as it talked with its group, and lately
// (llm/offline/continuum.ts for amounts, agreed.ts for a choice between actions).
//
// Worked out from the declared rules alone, as foresight is (groupTotal.ts): for an action whose
// one argument is a number, the amount on a grid that every member taking it leaves the group
// best off; among the actions without arguments, the one that does (a prisoner's dilemma's
// cooperation). Nothing names a game: a pool shared by what each put in has its best below
// everyone's own best reply, a public good at everything, a transfer between members (a
// dictator's) no best at all (every amount leaves the group as well off). An action that draws on
// a stock the world keeps gets none: what a stock left now brings in later rounds is beyond one
// round's close (a lake's fish are worth more than the round's catch).
import type { Agent } from '../../society/agent';
import type { CompiledAction } from '../../society/compiledMechanics';
import { valued, type WorldState } from '../../society/worldState';
import { EXPECTED_PEERS, peersOf, type Peers } from './expectedMoves';
import type { PhaseContext } from '../context';
import { Foresight } from './foresight';
import { groupTotal, rangeOf, type Alike } from './groupTotal';
import { agreedWith } from './talkedWith';
import { maxOf } from '../../../stats/extremes';
import { phaseActionsFor, type ActPhase } from '../../../format';

/** Amounts tried across an argument's range (its ends among them). */
export const AGREEMENT_GRID = 21;

/**
 * What the group does best with, as ActRequest.group_best carries it: an amount of an action's one
 * number argument, or (without `arg`) the action among those without arguments.
 */
export interface GroupBest {
  action: string;
  arg?: string;
  amount?: number;
}

/** Whose agreement is asked about: an agent deciding in a phase, with those it plays with. */
export interface AgreementAsk {
  state: WorldState;
  agent: Agent;
  peers: Peers;
  phase: ActPhase | undefined;
  /** The phase's actions for the agent (all when undefined). */
  offered: readonly string[] | undefined;
  n: number;
  round: number;
}

/** Worked out once per state, round, phase and group: every member of a group shares it. */
const cache = new WeakMap<WorldState, { revision: number; round: number; byKey: Map<string, GroupBest[]> }>();

/**
 * Whether taking `action` changes a stock the world keeps (a valued world quantity that is not a
 * flow emptied at the close): its worth in later rounds is beyond one round's close.
 */
function changesStock(state: WorldState, action: CompiledAction): boolean {
  const flows = Foresight.flows(state);
  return action.effects.some((e) => {
    if (e.owner.kind !== 'world') return false;
    const q = state.worldQuantities.get(e.quantity);
    return q !== undefined && valued(q) && !flows.has(e.quantity);
  });
}

/** The actions offered (all when `offered` is undefined) an agreement may be about, by kind. */
function agreeable(state: WorldState, offered: readonly string[] | undefined) {
  const open = state.compiled.actions.filter(
    (c) => (!offered || offered.includes(c.spec.name)) && !changesStock(state, c),
  );
  const amounts = open.filter((c) => c.spec.args.length === 1 && c.spec.args[0].type === 'number');
  const choices = open.filter((c) => c.spec.args.length === 0);
  return { amounts, choices: choices.length >= 2 ? choices : [] };
}

/** Whether the world has an action an agreement could be about (else no memory is read for one). */
export function agreementPossible(state: WorldState, offered: readonly string[] | undefined): boolean {
  const { amounts, choices } = agreeable(state, offered);
  return amounts.length > 0 || choices.length > 0;
}

/** Whether `best` stands out of the totals by more than rounding (a flat total is no agreement about anything). */
const standsOut = (best: number, worst: number): boolean => best - worst > 1e-9 * Math.max(1, Math.abs(best));

/** The amount of `action` the group does best with, or undefined when every amount does as well. */
function bestAmount(g: Alike, action: CompiledAction): number | undefined {
  const arg = action.spec.args[0];
  const ranges = g.members.map((m) => rangeOf(g, m, action));
  const [lo, hi] = ranges[0];
  if (!(hi > lo)) return undefined;
  let best: number | undefined,
    bestTotal = -Infinity,
    worst = Infinity;
  for (let k = 0; k < AGREEMENT_GRID; k++) {
    const raw = lo + ((hi - lo) * k) / (AGREEMENT_GRID - 1);
    const x = arg.integer ? Math.round(raw) : raw;
    const total = groupTotal(g, action, x, ranges);
    if (!Number.isFinite(total)) return undefined;
    worst = Math.min(worst, total);
    if (best === undefined || total > bestTotal + 1e-9 * Math.max(1, Math.abs(bestTotal))) {
      bestTotal = total;
      best = x;
    }
  }
  return standsOut(bestTotal, worst) ? best : undefined;
}

/** The action without arguments the group does best with if all take it, or undefined when none stands out. */
function bestChoice(g: Alike, actions: readonly CompiledAction[]): CompiledAction | undefined {
  const totals = actions.map((a) => groupTotal(g, a));
  if (!totals.every(Number.isFinite)) return undefined;
  const top = maxOf(totals);
  const second = maxOf(totals.filter((_, i) => i !== totals.indexOf(top)));
  return standsOut(top, second) ? actions[totals.indexOf(top)] : undefined;
}

/**
 * What the agent's group does best with: per amount action offered (`offered`: the phase's actions
 * for the agent, all when undefined) its amount, and among the actions without arguments the one;
 * empty when nothing stands out. The group is the agent and those of `peers` offered the same
 * action; beyond EXPECTED_PEERS members a sample stands for the rest, as in expectedMoves.ts.
 */
export function groupBest(ask: AgreementAsk): GroupBest[] {
  const { state, agent, peers, phase, offered, n, round } = ask;
  let c = cache.get(state);
  if (!c || c.revision !== state.revision || c.round !== round) {
    c = { revision: state.revision, round, byKey: new Map() };
    cache.set(state, c);
  }
  const group = state.matches?.groupOf(agent.id);
  const key = `${phase?.name ?? ''}\u0000${offered?.join('\u0001') ?? ''}\u0000${group ? group.join('\u0001') : ''}`;
  const hit = c.byKey.get(key);
  if (hit) return hit;
  // Those who could act alike: offered the same actions in this phase (not a responder's proposals).
  const others = peers.agents.filter(
    (p) => p.id !== agent.id && (!phase || sameOffer(phase, offered, p.persona.group)),
  );
  const members = [agent, ...others.slice(0, EXPECTED_PEERS)];
  const alike: Alike = { state, agent, members, scale: Math.max(1, others.length + 1) / members.length, n, round };
  const out: GroupBest[] = [];
  try {
    const { amounts, choices } = agreeable(state, offered);
    for (const action of amounts) {
      const amount = bestAmount(alike, action);
      if (amount !== undefined) out.push({ action: action.spec.name, arg: action.spec.args[0].name, amount });
    }
    const choice = choices.length ? bestChoice(alike, choices) : undefined;
    if (choice) out.push({ action: choice.spec.name });
  } catch {
    // A rule that fails for a member fails in its own turn, where it is reported: no agreement.
    out.length = 0;
  }
  c.byKey.set(key, out);
  return out;
}

/** Whether a member of `group` is offered every one of `offered` in `phase`. */
function sameOffer(phase: ActPhase, offered: readonly string[] | undefined, group: string | undefined): boolean {
  const theirs = phaseActionsFor(phase, group);
  return (offered ?? phase.actions).every((a) => theirs.includes(a));
}

/**
 * What an offline decider knows of its agreements: whom it agreed with in talk and how long ago,
 * and for what (talkedWith.ts: only proposals accepted, for the terms proposed). Nothing when the
 * world has nothing to agree on, or the agent agreed to nothing lately.
 */
export function agreementFor(
  ask: AgreementAsk,
): { talked: ReadonlyMap<string, number>; best: GroupBest[] } | undefined {
  const { state, agent, offered, round } = ask;
  if (!agreementPossible(state, offered)) return undefined;
  const agreed = agreedWith(agent, round);
  if (!agreed.with.size) return undefined;
  const open = new Set(agreeableNames(state, offered));
  const best = agreed.terms.filter((t) => open.has(t.action));
  return best.length ? { talked: agreed.with, best } : undefined;
}

/** The names of the actions offered an agreement may be about. */
function agreeableNames(state: WorldState, offered: readonly string[] | undefined): string[] {
  const { amounts, choices } = agreeable(state, offered);
  return [...amounts, ...choices].map((c) => c.spec.name);
}

/** agreementFor in a phase of a run: the agent's peers are those it plays this phase with. */
export function agreementIn(
  world: PhaseContext,
  state: WorldState,
  agent: Agent,
  phase: ActPhase | undefined,
  offered: readonly string[] | undefined,
): ReturnType<typeof agreementFor> {
  const peers = peersOf(state, agent, world.agents, phase?.who, world.round);
  return agreementFor({ state, agent, peers, phase, offered, n: world.agents.size, round: world.round });
}
