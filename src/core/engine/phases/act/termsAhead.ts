// What an offline speaker could propose in talk (issue 85): what its group would do best with at
// the decision the talk precedes — the round's first act phase after its meet phase (or the next
// round's first), worked out as agreement.ts works out an agreement's best. The engine offers it
// in the speak request (`terms`); proposing and accepting it is the model's (llm/offline/proposal.ts).
import type { ActPhase, Scenario } from '../../../format';
import type { Terms } from '../../../trace/events';
import type { Agent } from '../../society/agent';
import type { WorldState } from '../../society/worldState';
import type { PhaseContext } from '../context';
import { phaseActionsFor } from '../../../format';
import { agreementPossible, groupBest } from './agreement';
import { peersOf } from './expectedMoves';

/** The act phase the round's talk precedes: undefined for the default round's, null when none follows. */
function decisionAhead(scenario: Scenario): ActPhase | undefined | null {
  const plan = scenario.round;
  if (!plan) return scenario.mechanics?.actions.length ? undefined : null;
  const meet = plan.findIndex((p) => p.kind === 'builtin' && p.name === 'meet');
  const acts = plan.filter((p, i): p is ActPhase => p.kind === 'act' && i > meet);
  const first = acts[0] ?? plan.find((p): p is ActPhase => p.kind === 'act');
  return first ?? null;
}

/** Per state: the round and revision it was worked out for, and each agent's terms (an agent talks in several conversations a round). */
const cache = new WeakMap<WorldState, { round: number; revision: number; byAgent: Map<string, Terms[] | undefined> }>();

/** What `agent` could propose before the decision ahead; undefined for a model that speaks for itself, or nothing to agree on. */
export function termsAhead(world: PhaseContext, agent: Agent): Terms[] | undefined {
  const state = world.state;
  if (!state || !world.answersByRule(agent.model)) return undefined;
  let c = cache.get(state);
  if (!c || c.round !== world.round || c.revision !== state.revision) {
    c = { round: world.round, revision: state.revision, byAgent: new Map() };
    cache.set(state, c);
  }
  if (c.byAgent.has(agent.id)) return c.byAgent.get(agent.id);
  const terms = termsNow(world, state, agent);
  c.byAgent.set(agent.id, terms);
  return terms;
}

function termsNow(world: PhaseContext, state: WorldState, agent: Agent): Terms[] | undefined {
  const phase = decisionAhead(world.scenario);
  if (phase === null) return undefined;
  const offered = phase ? phaseActionsFor(phase, agent.persona.group) : undefined;
  if (!agreementPossible(state, offered)) return undefined;
  const peers = peersOf(state, agent, world.agents, phase?.who, world.round);
  const best = groupBest({ state, agent, peers, phase, offered, n: world.agents.size, round: world.round });
  return best.length ? best : undefined;
}
