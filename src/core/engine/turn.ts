// One agent turn as explicit phases: perceive → retrieve → decide → act → evaluate → reward →
// coach → reflect. Each phase is a function of (world, turn); the scheduler may pause between them.
import { DRIVERS, type Driver } from '../format/model';
import type { Phase } from '../trace/events';
import type { Candidate, RetrievedMemory } from '../llm/types';
import type { Agent } from './agent';
import { describeCandidate, proposeCandidates, CANDIDATES, type EncounterIndex } from './encounters';
import { recall, rememberConversation, situationOf, talk, type Conversation } from './conversation';
import { evaluatePartner } from './evaluation';
import { shouldReflect } from './memory';
import { computeRewards, driverWeights, emptyWindow, type RewardResult } from './rewards';
import { stream } from './rng';
import { usageField, type World } from './world';

export interface Turn {
  agent: Agent;
  index: EncounterIndex;
  candidates: Candidate[];
  retrieved: RetrievedMemory[];
  partners: Candidate[];
  conversations: Conversation[];
  rewards?: RewardResult;
  /** The rewards of the agent's previous reward phase, for the coach's trend. */
  previous?: { raw: Record<Driver, number>; total: number };
  /** Partners since the previous reward phase. */
  recentPartners: string[];
  signal?: AbortSignal;
}

export function newTurn(agent: Agent, index: EncounterIndex, signal?: AbortSignal): Turn {
  return { agent, index, candidates: [], retrieved: [], partners: [], conversations: [], recentPartners: [], signal };
}

/** Perceive: what the platform shows the agent now — the candidates it could talk to. */
async function perceive(world: World, t: Turn): Promise<void> {
  const policy = world.settings.world.encounters;
  const rng = stream(world.seed, 'agent', t.agent.id, 'encounter', world.round);
  const seeds = proposeCandidates(t.agent, policy, t.index, world.ties, world.agents, new Set(), rng,
    policy.mode === 'random' ? policy.per_round : CANDIDATES + policy.per_round - 1);
  t.candidates = seeds.map((s) => describeCandidate(t.agent, world.agents.get(s.id)!, s.via, world.ties, t.index));
}

/** Retrieve: top-k memories for the situation (own interests and the people on offer). */
async function retrieveMemories(world: World, t: Turn): Promise<void> {
  t.retrieved = recall(world, t.agent, ...t.agent.persona.interests, ...t.candidates.map((c) => c.name));
}

/** Decide: choose `per_round` partners. In random mode the platform pairs people; no choice is made. */
async function decide(world: World, t: Turn): Promise<void> {
  const policy = world.settings.world.encounters;
  if (policy.mode === 'random') { t.partners = t.candidates.slice(0, policy.per_round); return; }
  let pool = [...t.candidates, ...rememberedPeople(world, t)];
  for (let k = 0; k < policy.per_round && pool.length; k++) {
    const res = await world.decide(t.agent.model, {
      kind: 'choose_partner', key: `choose:${world.round}:${t.agent.id}:${k}`, round: world.round,
      setting: world.settings.world.setting, persona: t.agent.brief, memories: t.retrieved, candidates: pool,
    }, 'decide', t.agent.id, t.signal);
    if (!res) break;
    const chosen = pool.find((c) => c.id === res.choice);
    if (!chosen) {
      world.emit({ type: 'error', round: world.round, agent: t.agent.id, phase: 'decide', message: `chose unknown candidate '${res.choice}'`, handling: 'skipped' });
      break;
    }
    t.partners.push(chosen);
    pool = pool.filter((c) => c !== chosen);
  }
}

/** People on the agent's mind: partners named in its retrieved memories, whom it can contact directly. */
export const REMEMBERED_CANDIDATES = 3;
function rememberedPeople(world: World, t: Turn): Candidate[] {
  const out: Candidate[] = [];
  const have = new Set(t.candidates.map((c) => c.id));
  for (const m of t.retrieved) {
    const id = m.cues?.partner;
    if (!id || id === t.agent.id || have.has(id) || !world.agents.has(id)) continue;
    have.add(id);
    out.push(describeCandidate(t.agent, world.agents.get(id)!, 'network', world.ties, t.index));
    if (out.length >= REMEMBERED_CANDIDATES) break;
  }
  return out;
}

/** Act: hold a conversation with each chosen partner. */
async function act(world: World, t: Turn): Promise<void> {
  for (let k = 0; k < t.partners.length; k++) {
    const c = t.partners[k];
    const partner = world.agents.get(c.id);
    if (!partner) continue;
    const id = `${world.round}:${t.agent.id}:${k}`;
    world.roundStats.encounters++;
    world.emit({ type: 'encounter', round: world.round, id, from: t.agent.id, to: partner.id, via: c.via });
    const conv: Conversation = {
      id, members: [t.agent, partner], initiator: t.agent.id, via: c.via, transcript: [],
      context: new Map([[t.agent.id, t.retrieved], [partner.id, recall(world, partner, ...partner.persona.interests, ...situationOf(t.agent))]]),
    };
    await talk(world, conv, t.signal);
    rememberConversation(world, conv);
    t.conversations.push(conv);
  }
}

/** Evaluate: both sides of each conversation rate each other; ties move. */
async function evaluate(world: World, t: Turn): Promise<void> {
  for (const conv of t.conversations) {
    const [a, b] = conv.members;
    await evaluatePartner(world, a, b, conv.id, conv.transcript, conv.initiator, conv.context.get(a.id)!, t.signal);
    await evaluatePartner(world, b, a, conv.id, conv.transcript, conv.initiator, conv.context.get(b.id)!, t.signal);
    a.met.set(b.id, (a.met.get(b.id) ?? 0) + 1);
    b.met.set(a.id, (b.met.get(a.id) ?? 0) + 1);
  }
}

/** The driver with the largest weighted shortfall w_d·(1 − raw_d). */
export function weakest(r: RewardResult, w: Record<Driver, number>): Driver {
  let best: Driver = DRIVERS[0], gap = -Infinity;
  for (const d of DRIVERS) { const g = w[d] * (1 - r.raw[d]); if (g > gap + 1e-12) { gap = g; best = d; } }
  return best;
}

/** Reward: score what happened since the previous reward phase; the agent observes the result. */
async function reward(world: World, t: Turn): Promise<void> {
  const a = t.agent;
  const r = computeRewards(a.window, world.settings.rewards, a.persona.motivations);
  t.rewards = r;
  t.previous = a.lastRewards;
  t.recentPartners = [...a.window.partners];
  a.lastRewards = { raw: r.raw, total: r.total };
  world.emit({ type: 'reward', round: world.round, agent: a.id, raw: r.raw, weighted: r.weighted, total: r.total, basis: r.basis });
  world.roundStats.rewardSum += r.total; world.roundStats.rewardCount++;
  const low = weakest(r, driverWeights(world.settings.rewards, a.persona.motivations));
  const parts = DRIVERS.map((d) => `${d} ${r.raw[d].toFixed(2)}`).join(', ');
  world.remember(a, 'observation', `How I fared lately: ${parts}; overall ${r.total.toFixed(2)}. I got too little ${low}.`, 3, { driver: low });
  a.window = emptyWindow();
}

/** Coach: when coaching is due, the coach turns the rewards into advice the agent remembers. */
async function coach(world: World, t: Turn): Promise<void> {
  const c = world.settings.coaching;
  if (!c.enabled || !t.rewards || world.round % Math.max(1, c.every) !== 0) return;
  const a = t.agent;
  const warm = [...a.ratedBy].filter(([id, r]) => r >= 0.5 && world.agents.has(id))
    .map(([id, rating]) => ({ id, name: world.agents.get(id)!.persona.name, rating, recent: t.recentPartners.includes(id) }))
    .sort((x, y) => y.rating - x.rating || (x.id < y.id ? -1 : 1));
  const res = await world.decide(c.model ?? 'default', {
    kind: 'advise', key: `advise:${world.round}:${a.id}`, round: world.round, setting: world.settings.world.setting,
    persona: a.brief, memories: t.retrieved,
    rewards: { raw: t.rewards.raw, total: t.rewards.total, basis: t.rewards.basis },
    ...(t.previous ? { previous: t.previous } : {}),
    weights: driverWeights(world.settings.rewards, a.persona.motivations), warm_contacts: warm.map((c) => c.name), warm,
  }, 'coach', a.id, t.signal);
  if (!res) return;
  const partner = res.partner && world.agents.has(res.partner) ? res.partner : undefined;
  world.emit({ type: 'advice', round: world.round, agent: a.id, driver: res.driver, action: res.action, text: res.text, ...(partner ? { partner } : {}), ...usageField(res.usage) });
  // Advice on a badly met need is more memorable: importance 5 + 3·(1 − raw_d).
  world.remember(a, 'advice', res.text, 5 + 3 * (1 - (t.rewards.raw[res.driver] ?? 0)), { action: res.action, driver: res.driver, ...(partner ? { partner } : {}) });
}

/** Reflect: when enough has happened, consolidate recent memories into insights. */
async function reflect(world: World, t: Turn): Promise<void> {
  const a = t.agent;
  if (!shouldReflect(a.sinceReflection, world.settings.memory)) return;
  const recent: RetrievedMemory[] = a.memories.filter((m) => m.id > a.reflectedUpTo && m.kind !== 'reflection').slice(-30)
    .map((m) => ({ id: m.id, round: m.round, kind: m.kind, text: m.text, importance: m.importance, score: 0, ...(m.cues ? { cues: m.cues } : {}) }));
  const sum = a.sinceReflection;
  a.sinceReflection = 0;
  a.reflectedUpTo = a.nextMemoryId - 1;
  const res = await world.decide(a.model, {
    kind: 'reflect', key: `reflect:${world.round}:${a.id}`, round: world.round, setting: world.settings.world.setting,
    persona: a.brief, memories: t.retrieved, recent,
  }, 'reflect', a.id, t.signal);
  if (!res) return;
  let first = true;
  for (const ins of res.insights) {
    const m = world.remember(a, 'reflection', ins.text, ins.importance, ins.cues);
    world.emit({ type: 'reflection', round: world.round, agent: a.id, memory: m.id, evidence: ins.evidence, importance_sum: sum, ...(first ? usageField(res.usage) : {}) });
    first = false;
  }
}

export const PHASE_STEPS: Record<Phase, (world: World, t: Turn) => Promise<void>> = {
  perceive, retrieve: retrieveMemories, decide, act, evaluate, reward, coach, reflect,
};
