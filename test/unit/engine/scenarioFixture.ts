// Builds Scenario objects in code for engine and trace tests: N generated personas with all defaults.
import type { Persona, Scenario } from '../../../src/core/format/model/model';
import { stream } from '../../../src/core/random/rng';

const INTERESTS = [
  'climbing',
  'jazz',
  'open data',
  'cooking',
  'chess',
  'gardening',
  'film',
  'running',
  'poetry',
  'startups',
  'birding',
  'board games',
];
const NAMES = [
  'Maya Chen',
  'Leo Park',
  'Ana Silva',
  'Omar Haddad',
  'Ivy Novak',
  'Sam Reyes',
  'Kai Müller',
  'Zoe Adams',
  'Ravi Rao',
  'Lena Berg',
  'Tom Okafor',
  'Nina Ito',
];
const JOBS = ['data journalist', 'nurse', 'engineer', 'teacher', 'barista', 'student', 'architect', 'designer'];

export function makePersona(i: number, seed = 7): Persona {
  const r = stream(seed, 'fixture', i);
  const interests: string[] = [];
  while (interests.length < 3) {
    const x = r.pick(INTERESTS);
    if (!interests.includes(x)) interests.push(x);
  }
  const t = (): number => Math.round(r.next() * 100) / 100;
  return {
    id: `p${i}`,
    name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`,
    occupation: r.pick(JOBS),
    bio: 'New in town and keen to meet people.',
    traits: { openness: t(), conscientiousness: t(), extraversion: t(), agreeableness: t(), neuroticism: t() },
    interests,
    motivations: { social: t(), information: t(), presentation: t(), coordination: t(), support: t() },
    memories: [{ text: `I want to find people who like ${interests[0]}.`, importance: 6 }],
    relationships: [],
  };
}

export function makeScenario(n: number, over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'fixture',
    seed: 1,
    personas: Array.from({ length: n }, (_, i) => makePersona(i)),
    population: [],
    world: {
      setting: 'An online forum for new students.',
      rounds: 20,
      encounters: { mode: 'recommend', per_round: 1, exploration: 0.2 },
      conversation: { turns: 4 },
      rooms: [],
    },
    rewards: { social: 1, information: 1, presentation: 1, coordination: 1, support: 1 },
    coaching: { enabled: false, every: 1 },
    ties: { threshold: 0.6, decay: 0.05, learning_rate: 0.3, weights: { reciprocity: 1, novelty: 1, affect: 1 } },
    memory: { recency: 1, importance: 1, relevance: 1, top_k: 8, reflect_at: 150, decay: 0.995 },
    models: {
      default: {
        name: 'default',
        provider: 'offline',
        concurrency: 8,
        timeout_ms: 60000,
        retries: 3,
        on_error: 'skip',
      },
    },
    prompts: {},
    events: [],
    ...over,
  };
}

/**
 * `n` agents over `rounds` rounds who meet two recommended partners a round and share a four-seat
 * lounge, coached every other round (`over` adds or replaces top-level fields, events say).
 */
export function roomsScenario(n: number, rounds: number, over: Partial<Scenario> = {}): Scenario {
  const base = makeScenario(n);
  return makeScenario(n, {
    world: {
      ...base.world,
      rounds,
      encounters: { mode: 'recommend', per_round: 2, exploration: 0.2 },
      rooms: [{ name: 'lounge', topic: 'music', members: [], size: 4 }],
    },
    coaching: { enabled: true, every: 2 },
    ...over,
  });
}
