// One agent turn as explicit phases: perceive → retrieve → decide → act → evaluate → reward →
// coach → reflect. Each phase is a function of (world, turn); the scheduler may pause between them.
// The scheduler runs the phases in three stages over all agents (see STAGES); within a stage an
// agent's phases write trace events to the turn's tape and defer changes that other agents of the
// same stage must not see (engine/flow/tape.ts).
import { DRIVERS, type Driver } from '../../format/language/model';
import type { Phase, Usage } from '../../trace/events';
import type {
  ActRequest,
  AdviseRequest,
  Candidate,
  ChoosePartnerRequest,
  DecisionResponse,
  ReflectRequest,
  RetrievedMemory,
} from '../../llm/types';
import type { Agent } from '../society/agent';
import { describeCandidate, proposeCandidates, CANDIDATES, type EncounterIndex } from '../society/encounters';
import { rememberConversation, situationOf, talk, type Conversation } from './conversation';
import { recall } from './recall';
import { evaluateConversation } from './evaluation';
import { shouldReflect } from '../memory/memory';
import { computeRewards, emptyWindow, type RewardResult } from '../society/rewards';
import { stream } from '../../random/rng';
import { after, then, type Step } from '../flow/step';
import { inOrder, Tape } from '../flow/tape';
import { SmallMap } from '../flow/smallMap';
import { usageField, type World } from '../kernel/world';
import { chooseAction } from './worldPhase';
import type { ActPhase } from '../../format/language/mechanics';

export interface Turn {
  agent: Agent;
  /** The round's encounter index, until the round's last `meet` is over (see `letGo`). */
  index: EncounterIndex | undefined;
  candidates: Candidate[];
  retrieved: RetrievedMemory[];
  partners: Candidate[];
  /** Usage of the choice of each partner (same order). */
  choices: Usage[];
  conversations: Conversation[];
  rewards?: RewardResult;
  /** The rewards of the agent's previous reward phase, for the coach's trend. */
  previous?: { raw: Record<Driver, number>; total: number };
  /** Partners since the previous reward phase. */
  recentPartners: string[];
  /** The tape of the stage now running this turn. */
  tape: Tape;
  signal?: AbortSignal;
  /** The world phase's choice, applied when every agent has chosen (engine/phases/worldPhase.ts). */
  chosenAction?: DecisionResponse<ActRequest>;
  /** The action phase now running (engine/society/roundPlan.ts). */
  phase?: ActPhase;
}

/**
 * The stages of a round. Within a stage the agents are independent: stage 1 reads only the
 * state at its start (conversation memories and reward counts are committed at its end, the
 * evaluation barrier), stage 2 rates every conversation against the ties as they stood at the
 * barrier and commits tie changes in turn order, stage 3 touches only each agent's own state.
 */
export const STAGES: readonly (readonly Phase[])[] = [
  ['perceive', 'retrieve', 'decide', 'act'],
  ['evaluate'],
  ['reward', 'coach', 'reflect'],
  ['world'],
];

export function newTurn(agent: Agent, index: EncounterIndex, signal?: AbortSignal): Turn {
  return {
    agent,
    index,
    candidates: [],
    retrieved: [],
    partners: [],
    choices: [],
    conversations: [],
    recentPartners: [],
    tape: new Tape(),
    signal,
  };
}

const NO_ONE: ReadonlySet<string> = new Set();

function encounterIndex(t: Turn): EncounterIndex {
  if (!t.index) throw new Error(`${t.agent.id}: the round's encounter index is used after its last meet`);
  return t.index;
}

/**
 * What a turn no longer needs once the round's last phase that reads turns is over for it: its
 * retrieved memories, rewards and choices (≈ 1.2 KB an agent, 1.2 GB of a million-agent round,
 * otherwise kept until the round ends and through its checkpoint).
 */
export function letGo(t: Turn): void {
  t.index = undefined;
  t.candidates = [];
  t.retrieved = [];
  t.partners = [];
  t.choices = [];
  t.conversations = [];
  t.rewards = undefined;
  t.previous = undefined;
  t.recentPartners = [];
  t.chosenAction = undefined;
}

/** Perceive: what the platform shows the agent now — the candidates it could talk to. */
function perceive(world: World, t: Turn): void {
  const policy = world.settings.world.encounters;
  const rng = stream(world.seed, 'agent', t.agent.id, 'encounter', world.round);
  const seeds = proposeCandidates(
    t.agent,
    policy,
    encounterIndex(t),
    NO_ONE,
    rng,
    policy.mode === 'random' ? policy.per_round : CANDIDATES + policy.per_round - 1,
  );
  const index = encounterIndex(t);
  t.candidates = seeds.map((s) => describeCandidate(t.agent, s.agent, s.via, world.ties, index));
}

/** Retrieve: top-k memories for the situation (own interests and the people on offer). */
function retrieveMemories(world: World, t: Turn): void | Promise<void> {
  const r = recall(world, t.agent, [...t.agent.persona.interests, ...t.candidates.map((c) => c.name)], {
    tape: t.tape,
    phase: 'retrieve',
    signal: t.signal,
  });
  if (!(r instanceof Promise)) {
    t.retrieved = r;
    return;
  }
  return r.then((m) => {
    t.retrieved = m;
  });
}

/** Decide: choose `per_round` partners. In random mode the platform pairs people; no choice is made. */
function decide(world: World, t: Turn): Step {
  const policy = world.settings.world.encounters;
  if (policy.mode === 'random') {
    t.partners = t.candidates.slice(0, policy.per_round);
    t.candidates = [];
    return;
  }
  const pool = [...t.candidates, ...rememberedPeople(world, t)];
  // Nothing reads the candidates after the choice: let them go now, not at the round's end (at
  // 10,000 agents a round's worth would all be copied into the old generation by the GC).
  t.candidates = [];
  return choose(world, t, pool, 0);
}

/** Choices k, k+1, … < per_round from what is left of the pool. */
function choose(world: World, t: Turn, pool: Candidate[], k: number): Step {
  const perRound = world.settings.world.encounters.per_round;
  for (; k < perRound && pool.length; k++) {
    // After this choice: the remaining choices, then the conversations' turns (held side by side).
    const rest = perRound - 1 - k + world.settings.world.conversation.turns;
    const decided = world.decide(
      t.agent.model,
      {
        kind: 'choose_partner',
        key: `choose:${world.round}:${t.agent.id}:${k}`,
        round: world.round,
        setting: world.settings.world.setting,
        persona: t.agent.brief,
        memories: t.retrieved,
        candidates: pool,
      },
      { phase: 'decide', agent: t.agent.id, tape: t.tape, rest },
      t.signal,
    );
    if (decided instanceof Promise) {
      const rest = pool,
        next = k + 1;
      return decided.then((res) => choose(world, t, chosen(world, t, rest, res), next));
    }
    pool = chosen(world, t, pool, decided);
  }
}

/** Take the chosen candidate out of the pool (an unknown choice is an error event and is skipped). */
function chosen(
  world: World,
  t: Turn,
  pool: Candidate[],
  res: DecisionResponse<ChoosePartnerRequest> | undefined,
): Candidate[] {
  if (!res) return pool;
  const c = pool.find((x) => x.id === res.choice);
  if (!c) {
    t.tape.say({
      type: 'error',
      round: world.round,
      agent: t.agent.id,
      phase: 'decide',
      kind: 'choose_partner',
      message: `chose unknown candidate '${res.choice}'`,
      handling: 'skipped',
    });
    return pool;
  }
  t.partners.push(c);
  t.choices.push(res.usage);
  return pool.filter((x) => x !== c);
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
    out.push(describeCandidate(t.agent, world.agents.get(id)!, 'network', world.ties, encounterIndex(t)));
    if (out.length >= REMEMBERED_CANDIDATES) break;
  }
  return out;
}

/** Act: hold a conversation with each chosen partner (concurrently; each conversation's turns in order). */
function act(world: World, t: Turn): Step {
  // The choices are made: keep them in exact-size arrays until the round ends (an array grown by
  // push keeps room for 16 more; at a million agents that is ≈ 0.5 GB over a round's lists).
  t.partners = t.partners.slice();
  t.choices = t.choices.slice();
  const convs: (Conversation | undefined)[] = [];
  const talking = inOrder(t.partners, t.tape, (c, tape, k) => {
    const partner = world.agents.get(c.id);
    if (!partner) return;
    const id = `${world.round}:${t.agent.id}:${k}`;
    world.roundStats.encounters++;
    tape.say({
      type: 'encounter',
      round: world.round,
      id,
      from: t.agent.id,
      to: partner.id,
      via: c.via,
      ...usageField(t.choices[k]),
    });
    // Each side recalls what it knows of the other before they talk, as Generative Agents does:
    // the initiator's retrieval for choosing was about all its candidates, and with it the
    // initiator greeted most old friends as strangers.
    const site = { tape, phase: 'act' as const, signal: t.signal };
    return then(recall(world, t.agent, [...t.agent.persona.interests, ...situationOf(partner)], site), (own) =>
      then(recall(world, partner, [...partner.persona.interests, ...situationOf(t.agent)], site), (theirs) => {
        const conv: Conversation = {
          id,
          members: [t.agent, partner],
          initiator: t.agent.id,
          via: c.via,
          transcript: [],
          context: SmallMap.from([
            [t.agent.id, own],
            [partner.id, theirs],
          ]),
        };
        return after(talk(world, conv, tape, t.signal), () => {
          rememberConversation(world, conv, tape);
          convs[k] = conv;
        });
      }),
    );
  });
  return after(talking, () => {
    for (const c of convs) if (c) t.conversations.push(c);
    t.conversations = t.conversations.slice();
  });
}

/** Evaluate: both sides of each conversation the agent started rate each other (at the barrier). */
function evaluate(world: World, t: Turn): Step {
  return inOrder(t.conversations, t.tape, (conv, tape) => evaluateConversation(world, conv, tape, t.signal));
}

/** The driver with the largest weighted shortfall w_d·(1 − raw_d). */
export function weakest(r: RewardResult, w: Record<Driver, number>): Driver {
  let best: Driver = DRIVERS[0],
    gap = -Infinity;
  for (const d of DRIVERS) {
    const g = w[d] * (1 - r.raw[d]);
    if (g > gap + 1e-12) {
      gap = g;
      best = d;
    }
  }
  return best;
}

/** Reward: score what happened since the previous reward phase; the agent observes the result. */
function reward(world: World, t: Turn): void {
  const a = t.agent;
  const r = computeRewards(a.window, world.settings.rewards, a.persona.motivations);
  t.rewards = r;
  t.previous = a.lastRewards;
  t.recentPartners = [...a.window.partners];
  a.lastRewards = { raw: r.raw, total: r.total };
  t.tape.say({
    type: 'reward',
    round: world.round,
    agent: a.id,
    raw: r.raw,
    weighted: r.weighted,
    total: r.total,
    basis: r.basis,
  });
  t.tape.later({ kind: 'reward', total: r.total });
  const low = weakest(r, r.weights);
  const parts = DRIVERS.map((d) => `${d} ${r.raw[d].toFixed(2)}`).join(', ');
  // "socializing", not "social": a noun, with the stem relevance already counts for "social 0.55".
  world.remember(
    a,
    'observation',
    `How I fared lately: ${parts}; overall ${r.total.toFixed(2)}. I got too little ${low === 'social' ? 'socializing' : low}.`,
    3,
    { driver: low },
    t.tape,
  );
  a.window = emptyWindow();
}

/** Coach: when coaching is due, the coach turns the rewards into advice the agent remembers. */
function coach(world: World, t: Turn): Step {
  const c = world.settings.coaching;
  if (!c.enabled || !t.rewards || world.round % Math.max(1, c.every) !== 0) return;
  const a = t.agent;
  // Partners who rated the agent warmly (≥ 0.5) and are still here, warmest first.
  const warm: { id: string; name: string; rating: number; recent: boolean }[] = [];
  a.ratedBy.forEach((rating, id) => {
    const other = rating >= 0.5 ? world.agents.get(id) : undefined;
    if (other) warm.push({ id, name: other.persona.name, rating, recent: t.recentPartners.includes(id) });
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
      memories: t.retrieved,
      rewards: { raw: t.rewards.raw, total: t.rewards.total, basis: t.rewards.basis },
      ...(t.previous ? { previous: t.previous } : {}),
      weights: t.rewards.weights,
      warm_contacts: warm.map((c) => c.name),
      warm,
    },
    { phase: 'coach', agent: a.id, tape: t.tape, rest: reflectionNear(world, a) ? 1 : 0 },
    t.signal,
  );
  return then(decided, (res) => advised(world, t, res));
}

/** Whether the advice (importance at most 8, see `advised`) may bring on a reflection this turn. */
function reflectionNear(world: World, a: Agent): boolean {
  return reflectionDue(world, a, 8);
}

/**
 * Whether the agent reflects now: the importance written since its last reflection reached
 * `reflect_at` — counted from its last empty attempt, if it made one since (see `reflected`).
 */
export function reflectionDue(world: World, a: Agent, extra = 0): boolean {
  return shouldReflect(a.sinceReflection - a.reflectionDeferred + extra, world.settings.memory);
}

/** The advice becomes an event and a memory of the agent. */
function advised(world: World, t: Turn, res: DecisionResponse<AdviseRequest> | undefined): void {
  if (!res || !t.rewards) return;
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
    5 + 3 * (1 - (t.rewards.raw[res.driver] ?? 0)),
    partner ? { action: res.action, driver: res.driver, partner } : { action: res.action, driver: res.driver },
    t.tape,
  );
}

/** Reflect: when enough has happened, consolidate recent memories into insights. */
function reflect(world: World, t: Turn): Step {
  const a = t.agent;
  if (!reflectionDue(world, a)) return;
  const recent: RetrievedMemory[] = a.memories
    .filter((m) => m.id > a.reflectedUpTo && m.kind !== 'reflection')
    .slice(-30)
    .map((m) => ({
      id: m.id,
      round: m.round,
      kind: m.kind,
      text: m.text,
      importance: m.importance,
      score: 0,
      ...(m.cues ? { cues: m.cues } : {}),
    }));
  const sum = a.sinceReflection;
  const decided = world.decide(
    a.model,
    {
      kind: 'reflect',
      key: `reflect:${world.round}:${a.id}`,
      round: world.round,
      setting: world.settings.world.setting,
      persona: a.brief,
      memories: t.retrieved,
      recent,
    },
    { phase: 'reflect', agent: a.id, tape: t.tape },
    t.signal,
  );
  return then(decided, (res) => reflected(world, t, res, sum));
}

/**
 * The insights become reflection memories. A reflection that failed is tried again next turn: the
 * importance stays counted.
 *
 * A reflection that found nothing to say (no insights) writes nothing and resets nothing: the
 * importance since the last written reflection stays counted and its memories stay "recent", so
 * the next `reflection` event's importance_sum is the sum of the agent's memory events since the
 * previous one (the trace reconciles) and the next attempt looks at them again with whatever came
 * since. It is not tried every turn though: the agent waits until another `reflect_at` of
 * importance has come in (`reflectionDeferred`), as Generative Agents reflects once per threshold
 * crossing. (No event marks the empty attempt: a `reflection` event names the memory it wrote.
 * Its model usage, if any, is in the round's and the run's usage totals.)
 */
function reflected(world: World, t: Turn, res: DecisionResponse<ReflectRequest> | undefined, sum: number): void {
  if (!res) return;
  const a = t.agent;
  if (!res.insights.length) {
    a.reflectionDeferred = a.sinceReflection;
    return;
  }
  a.sinceReflection = 0;
  a.reflectionDeferred = 0;
  a.reflectedUpTo = a.nextMemoryId - 1;
  let first = true;
  for (const ins of res.insights) {
    const m = world.remember(a, 'reflection', ins.text, ins.importance, ins.cues, t.tape);
    t.tape.say({
      type: 'reflection',
      round: world.round,
      agent: a.id,
      memory: m.id,
      evidence: ins.evidence,
      importance_sum: sum,
      ...(first ? usageField(res.usage) : {}),
    });
    first = false;
  }
}

export const PHASE_STEPS: Record<Phase, (world: World, t: Turn) => void | Promise<void>> = {
  perceive,
  retrieve: retrieveMemories,
  decide,
  act,
  evaluate,
  reward,
  coach,
  reflect,
  world: chooseAction,
};
