// The `coach` step: when coaching is due, the coach turns the agent's rewards into advice the
// agent remembers (coaching acts only through memory).
import type { AdviseRequest, DecisionResponse } from '../../../llm/types';
import type { Agent } from '../../society/agent';
import { then, type Step } from '../../flow/step';
import { usageField } from '../../society/usageBook';
import type { PhaseContext } from '../context';
import { own } from '../slot';
import type { Turn } from '../turn';
import { LEARN_TURN, type LearnTurn } from './learnState';
import { reflectionDue } from './reflection';

/** Coach: when coaching is due, the coach turns the rewards into advice the agent remembers. */
export function coach(world: PhaseContext, t: Turn): Step {
  const c = world.settings.coaching;
  const l = own(t, LEARN_TURN);
  if (!c.enabled || !l.rewards || world.round % Math.max(1, c.every) !== 0) return;
  const a = t.agent;
  // Partners who rated the agent warmly (≥ 0.5) and are still here, warmest first.
  const warm: { id: string; name: string; rating: number; recent: boolean }[] = [];
  world.ratings.forEachOf(a.id, (rating, id) => {
    const other = rating >= 0.5 ? world.agents.get(id) : undefined;
    if (other) warm.push({ id, name: other.persona.name, rating, recent: l.recentPartners.includes(id) });
  });
  warm.sort((x, y) => y.rating - x.rating || (x.id < y.id ? -1 : 1));
  const decided = world.decide(
    world.coachModel(),
    {
      kind: 'advise',
      key: `advise:${world.round}:${a.id}`,
      round: world.round,
      setting: world.settings.world.setting,
      persona: a.brief,
      memories: t.recalled,
      rewards: { raw: l.rewards.raw, total: l.rewards.total, basis: l.rewards.basis },
      ...(l.previous ? { previous: l.previous } : {}),
      weights: l.rewards.weights,
      warm_contacts: warm.map((c) => c.name),
      warm,
    },
    { phase: 'coach', agent: a.id, tape: t.tape, rest: reflectionNear(world, a) ? 1 : 0 },
    t.signal,
  );
  return then(decided, (res) => advised(world, t, l, res));
}

/** Whether the advice (importance at most 8, see `advised`) may bring on a reflection this turn. */
function reflectionNear(world: PhaseContext, a: Agent): boolean {
  return reflectionDue(world, a, 8);
}

/** The advice becomes an event and a memory of the agent. */
function advised(world: PhaseContext, t: Turn, l: LearnTurn, res: DecisionResponse<AdviseRequest> | undefined): void {
  if (!res || !l.rewards) return;
  const a = t.agent;
  const partner = res.partner && world.agents.has(res.partner) ? res.partner : undefined;
  t.tape.say({
    type: 'advice',
    round: world.round,
    agent: a.id,
    driver: res.driver,
    action: res.action,
    text: res.text,
    ...(partner ? { partner } : {}),
    ...usageField(res.usage),
  });
  if (world.withholdAdviceMemories) return;
  // Advice on a badly met need is more memorable: importance 5 + 3·(1 − raw_d).
  world.remember(
    a,
    'advice',
    res.text,
    5 + 3 * (1 - (l.rewards.raw[res.driver] ?? 0)),
    partner ? { action: res.action, driver: res.driver, partner } : { action: res.action, driver: res.driver },
    t.tape,
  );
}
