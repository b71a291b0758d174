// The first steps of `meet`: perceive what the platform offers, recall what the agent knows of
// it, choose partners (in random mode the platform pairs people and no choice is made).
import { settingAt } from './placeText';
import type { Candidate, ChoosePartnerRequest, DecisionResponse } from '../../../llm/types';
import { stream } from '../../../random/rng';
import { CANDIDATES, describeCandidate, proposeCandidates } from '../../society/encounters';
import type { Step } from '../../flow/step';
import type { PhaseContext } from '../context';
import { recall } from '../recall';
import { own } from '../slot';
import type { Turn } from '../turn';
import { away, encounterIndex, MEET_TURN, type MeetTurn } from './meetState';
import { matchMates, mayMeet } from './matchMates';

const NO_ONE: ReadonlySet<string> = new Set();

/** Perceive: what the platform shows the agent now — the candidates it could talk to. */
export function perceive(world: PhaseContext, t: Turn): void {
  const policy = world.settings.world.encounters;
  const m = own(t, MEET_TURN);
  // Away (a scenario with places, and at none): no one to meet. Alone at a place: the index is empty.
  if (away(world, t.agent.id) || (world.places && m.index!.ids.length < 2)) {
    m.candidates = [];
    return;
  }
  const rng = stream(world.seed, 'agent', t.agent.id, 'encounter', world.round);
  const count = policy.mode === 'random' ? policy.per_round : CANDIDATES + policy.per_round - 1;
  const seeds =
    policy.among === 'match'
      ? matchMates(world, t.agent, rng, count)
      : proposeCandidates(t.agent, policy, encounterIndex(t, m), NO_ONE, rng, count);
  const index = encounterIndex(t, m);
  m.candidates = seeds.map((s) => describeCandidate(t.agent, s.agent, s.via, world.ties, index));
}

/** Retrieve: top-k memories for the situation (own interests and the people on offer). */
export function retrieveMemories(world: PhaseContext, t: Turn): void | Promise<void> {
  t.retrieved = true;
  const r = recall(world, t.agent, [...t.agent.persona.interests, ...own(t, MEET_TURN).candidates.map((c) => c.name)], {
    tape: t.tape,
    phase: 'retrieve',
    signal: t.signal,
  });
  if (!(r instanceof Promise)) {
    t.recalled = r;
    return;
  }
  return r.then((m) => {
    t.recalled = m;
  });
}

/** Decide: choose `per_round` partners. In random mode the platform pairs people; no choice is made. */
export function decide(world: PhaseContext, t: Turn): Step {
  const policy = world.settings.world.encounters;
  const m = own(t, MEET_TURN);
  if (policy.mode === 'random') {
    m.partners = m.candidates.slice(0, policy.per_round);
    m.candidates = [];
    return;
  }
  const pool = [...m.candidates, ...rememberedPeople(world, t, m)];
  // Nothing reads the candidates after the choice: let them go now, not at the round's end (at
  // 10,000 agents a round's worth would all be copied into the old generation by the GC).
  m.candidates = [];
  return choose(world, t, pool, 0);
}

/** Choices k, k+1, … < per_round from what is left of the pool. */
function choose(world: PhaseContext, t: Turn, pool: Candidate[], k: number): Step {
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
        setting: settingAt(world, t.agent.id),
        persona: t.agent.brief,
        memories: t.recalled,
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
  world: PhaseContext,
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
  const m = own(t, MEET_TURN);
  m.partners.push(c);
  m.choices.push(res.usage);
  return pool.filter((x) => x !== c);
}

/** People on the agent's mind: partners named in its retrieved memories, whom it can contact directly. */
export const REMEMBERED_CANDIDATES = 3;
function rememberedPeople(world: PhaseContext, t: Turn, meet: MeetTurn): Candidate[] {
  const out: Candidate[] = [];
  if (away(world, t.agent.id)) return out;
  const have = new Set(meet.candidates.map((c) => c.id));
  for (const m of t.recalled) {
    const id = m.cues?.partner;
    if (!id || id === t.agent.id || have.has(id) || !world.agents.has(id) || !mayMeet(world, t.agent, id)) continue;
    // With places, only someone at the agent's own place can be met.
    if (world.places && world.places.placeOf(id) !== world.places.placeOf(t.agent.id)) continue;
    have.add(id);
    out.push(describeCandidate(t.agent, world.agents.get(id)!, 'network', world.ties, encounterIndex(t, meet)));
    if (out.length >= REMEMBERED_CANDIDATES) break;
  }
  return out;
}
