// The typical requests of each kind `society estimate` renders with a scenario's own prompts:
// a sample persona, a full memory window, a half-done conversation, every declared action on offer.
import type { Persona, Scenario } from '../format';
import type { ActRequest, DecisionKind, DecisionRequest, PersonaBrief, RetrievedMemory, TranscriptLine } from './types';
import { personaBrief } from './types';

/** Partners offered to choose from (the engine's encounters.ts CANDIDATES) and others an act names (act/targets.ts TARGETS_OFFERED): test/unit/llm/estimateShapes.test.ts holds them together. Memories a reflection weighs. */
const CANDIDATES_SHOWN = 6;
const REFLECTION_EVIDENCE = 20;

function samplePersona(s: Scenario): PersonaBrief {
  const p: Persona | undefined = s.personas[0];
  if (p) return personaBrief(p);
  const g = s.population[0];
  return {
    id: `${g?.id_prefix ?? 'p'}0`,
    name: g?.names[0] ?? 'Alex Doe',
    occupation: g?.occupations[0],
    group: g?.group,
    traits: { openness: 0.5, conscientiousness: 0.5, extraversion: 0.5, agreeableness: 0.5, neuroticism: 0.5 },
    interests: (g?.interests.pool ?? ['books', 'music']).slice(0, Math.max(2, g?.interests.per_agent ?? 2)),
    motivations: { social: 0.5, information: 0.5, presentation: 0.5, coordination: 0.5, support: 0.5 },
  };
}

/** Typical requests of each kind for this scenario, for rendering its prompts. */
export function typicalRequests(
  s: Scenario,
): Record<Exclude<DecisionKind, 'interview' | 'judge' | 'survey'>, DecisionRequest> {
  const me = samplePersona(s);
  const other: PersonaBrief = { ...me, id: 'other', name: 'Sam Rivera' };
  const memories: RetrievedMemory[] = Array.from({ length: s.memory.top_k }, (_, i) => ({
    id: i,
    round: 1,
    kind: 'conversation',
    importance: 4,
    score: 0.5,
    text: `Talked with ${other.name} about ${me.interests[i % Math.max(1, me.interests.length)] ?? 'the city'}. They asked about my interests.`,
  }));
  const line = (i: number): TranscriptLine => ({
    from: i % 2 ? other.id : me.id,
    name: i % 2 ? other.name : me.name,
    act: 'share',
    text: 'That sounds great; I have been wanting to try it too. What got you into it in the first place?',
  });
  const turns = s.world.conversation.turns;
  const base = { key: 'estimate', round: 1, setting: s.world.setting, persona: me, memories };
  return {
    choose_partner: {
      ...base,
      kind: 'choose_partner',
      candidates: Array.from({ length: CANDIDATES_SHOWN }, (_, i) => ({
        id: `candidate${i}`,
        name: `Candidate ${i}`,
        occupation: me.occupation,
        interests: me.interests,
        shared_interests: me.interests.slice(0, 1),
        similarity: 0.3,
        tie: 0.2,
        met: 1,
        popularity: 2,
        via: 'recommend' as const,
      })),
    },
    speak: {
      ...base,
      kind: 'speak',
      others: [other],
      transcript: Array.from({ length: Math.floor(turns / 2) }, (_, i) => line(i)),
      turn: Math.floor(turns / 2),
      turns,
      tie: 0.2,
    },
    evaluate: {
      ...base,
      kind: 'evaluate',
      partner: other,
      transcript: Array.from({ length: turns }, (_, i) => line(i)),
      initiated_by: me.id,
      met_before: 1,
      tie: 0.2,
    },
    advise: {
      ...base,
      kind: 'advise',
      rewards: {
        raw: { social: 0.5, information: 0.4, presentation: 0.3, coordination: 0.2, support: 0.4 },
        total: 0.36,
        basis: {
          conversations: 2,
          partners: 2,
          rating_received: 0.6,
          questions_asked: 1,
          answers_received: 1,
          new_topics: 1,
          shares: 2,
          shares_acknowledged: 1,
          plans_agreed: 0,
          support_received: 0,
          support_given: 1,
        },
      },
      previous: {
        raw: { social: 0.4, information: 0.4, presentation: 0.3, coordination: 0.1, support: 0.3 },
        total: 0.3,
      },
      weights: me.motivations,
      warm_contacts: [other.name],
    },
    reflect: {
      ...base,
      kind: 'reflect',
      recent: Array.from({ length: REFLECTION_EVIDENCE }, (_, i) => ({
        ...(memories[i % Math.max(1, memories.length)] ?? memories[0]),
        id: i,
      })),
    },
    act: typicalAct(s, base, other),
  };
}

/** Agents the scenario starts with. */
const agentsIn = (s: Scenario): number => s.personas.length + s.population.reduce((n, g) => n + g.count, 0);

/**
 * The actions of the largest offer an agent meets: the phase (and group, where a phase offers by
 * group) with the most actions; every action without a declared round. An upper bound on an act
 * prompt's actions that a round of narrow phases does not multiply (the expert team offers five
 * actions, at most two at once).
 */
function mostOffered(s: Scenario): NonNullable<Scenario['mechanics']>['actions'] {
  const all = s.mechanics?.actions ?? [];
  if (!s.round) return all;
  let best: string[] = [];
  for (const p of s.round) {
    if (p.kind !== 'act') continue;
    for (const names of p.byGroup ? Object.values(p.byGroup) : [p.actions]) {
      if (names.length > best.length) best = names;
    }
  }
  return best.length ? all.filter((a) => best.includes(a.name)) : all;
}

/** An `act` request over the scenario's declared state, with the actions of the largest offer (mostOffered). */
function typicalAct(
  s: Scenario,
  base: Omit<ActRequest, 'kind' | 'world' | 'own' | 'others' | 'actions' | 'options' | 'n'>,
  other: PersonaBrief,
): ActRequest {
  const m = s.mechanics;
  const seen = (q: { name: string; initial: number; description?: string; min?: number; max?: number }) => ({
    name: q.name,
    value: q.initial,
    ...(q.description ? { description: q.description } : {}),
    ...(q.min !== undefined ? { min: q.min } : {}),
    ...(q.max !== undefined ? { max: q.max } : {}),
  });
  const agentState = Object.fromEntries((m?.agents ?? []).filter((q) => !q.hidden).map((q) => [q.name, q.initial]));
  return {
    ...base,
    kind: 'act',
    world: (m?.world ?? []).map(seen),
    own: (m?.agents ?? []).map(seen),
    others: Array.from({ length: Math.min(CANDIDATES_SHOWN, Math.max(1, agentsIn(s) - 1)) }, (_, i) => ({
      id: `${other.id}${i}`,
      name: other.name,
      tie: 0.2,
      state: agentState,
    })),
    actions: mostOffered(s).map((a) => ({
      name: a.name,
      description: a.description,
      args: a.args,
      effects: a.effects,
    })),
    options: [],
    n: 1,
  };
}
