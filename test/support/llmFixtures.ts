// Scenario and decision-request fixtures for the provider-layer tests and the LLM benchmark.
import type { ModelConfig, Persona, Scenario } from '../../src/core/format/model/model';
import type {
  AdviseRequest,
  ChoosePartnerRequest,
  EvaluateRequest,
  InterviewRequest,
  ReflectRequest,
  SpeakRequest,
} from '../../src/core/llm/types';
import { personaBrief } from '../../src/core/llm/types';
import type { BackoffSettings } from '../../src/core/llm/limits/backoff';
import { ModelRegistry, type ModelOptions } from '../../src/core/llm/registry';
import type { CallRecord } from '../../src/core/llm/callRecord';
import { allowanceText, keyTarget } from '../../src/core/llm/keyRoute';
import { startFakeOpenAI, type FakeOpenAI } from './fakeOpenAI';

export function persona(id: string, extra: Partial<Persona> = {}): Persona {
  return {
    id,
    name: id[0].toUpperCase() + id.slice(1),
    occupation: 'data journalist',
    bio: 'Moved here last month.',
    traits: { openness: 0.8, conscientiousness: 0.6, extraversion: 0.4, agreeableness: 0.7, neuroticism: 0.3 },
    interests: ['climate', 'bouldering'],
    motivations: { social: 0.3, information: 0.9, presentation: 0.2, coordination: 0.4, support: 0.5 },
    memories: [],
    relationships: [],
    ...extra,
  };
}

export function modelConfig(name: string, extra: Partial<ModelConfig> = {}): ModelConfig {
  return {
    name,
    provider: 'openai',
    model: 'fake-model',
    concurrency: 8,
    timeout_ms: 5_000,
    retries: 3,
    on_error: 'skip',
    ...extra,
  };
}

export function scenario(models: Record<string, ModelConfig>, extra: Partial<Scenario> = {}): Scenario {
  return {
    name: 'test',
    seed: 1,
    personas: [persona('maya'), persona('ali', { occupation: 'nurse', interests: ['climate', 'jazz'] })],
    population: [],
    world: {
      setting: 'An online forum for new students.',
      rounds: 5,
      encounters: { mode: 'recommend', per_round: 1, exploration: 0.2 },
      conversation: { turns: 4 },
      rooms: [],
    },
    rewards: { social: 1, information: 1, presentation: 1, coordination: 1, support: 1 },
    coaching: { enabled: true, every: 1 },
    ties: { threshold: 0.6, decay: 0.05, learning_rate: 0.3, weights: { reciprocity: 1, novelty: 0.5, affect: 1 } },
    memory: { recency: 1, importance: 1, relevance: 1, top_k: 8, reflect_at: 120, decay: 0.99 },
    models: {
      default: {
        name: 'default',
        provider: 'offline',
        concurrency: 8,
        timeout_ms: 60_000,
        retries: 3,
        on_error: 'skip',
      },
      ...models,
    },
    prompts: {},
    events: [],
    ...extra,
  };
}

const maya = personaBrief(persona('maya', { age: 27, style: 'curious, brief' }));
const ali = personaBrief(persona('ali', { occupation: 'nurse', interests: ['climate', 'jazz'] }));
const base = {
  round: 2,
  setting: 'An online forum for new students.',
  persona: maya,
  memories: [
    {
      id: 3,
      round: 1,
      kind: 'conversation' as const,
      text: 'Talked with Ali about climate.',
      importance: 4,
      score: 0.9,
    },
    { id: 1, round: 0, kind: 'seed' as const, text: 'I want to find people to climb with.', importance: 6, score: 0.7 },
  ],
};

export const requests = {
  choose: (key = 'choose:2:maya:0'): ChoosePartnerRequest => ({
    ...base,
    kind: 'choose_partner',
    key,
    candidates: [
      {
        id: 'ali',
        name: 'Ali',
        occupation: 'nurse',
        interests: ['climate', 'jazz'],
        shared_interests: ['climate'],
        similarity: 0.33,
        tie: 0.4,
        rating_from: 0.8,
        met: 1,
        popularity: 2,
        via: 'recommend',
      },
      {
        id: 'sam',
        name: 'Sam',
        interests: ['chess'],
        shared_interests: [],
        similarity: 0,
        tie: 0,
        met: 0,
        popularity: 0,
        via: 'explore',
      },
    ],
  }),
  speak: (key = 'speak:2:maya:0:1'): SpeakRequest => ({
    ...base,
    kind: 'speak',
    key,
    others: [ali],
    transcript: [{ from: 'ali', name: 'Ali', act: 'greet', text: 'Hi Maya! Into climbing?' }],
    turn: 1,
    turns: 4,
    tie: 0.4,
  }),
  evaluate: (key = 'evaluate:2:maya:0:maya:ali'): EvaluateRequest => ({
    ...base,
    kind: 'evaluate',
    key,
    partner: ali,
    transcript: [{ from: 'ali', name: 'Ali', act: 'greet', text: 'Hi Maya!' }],
    initiated_by: 'maya',
    met_before: 1,
    tie: 0.4,
  }),
  advise: (key = 'advise:2:maya'): AdviseRequest => ({
    ...base,
    kind: 'advise',
    key,
    rewards: {
      raw: { social: 0.5, information: 0.2, presentation: 0.1, coordination: 0, support: 0.3 },
      total: 0.3,
      basis: {
        conversations: 2,
        partners: 2,
        rating_received: 0.6,
        questions_asked: 0,
        answers_received: 0,
        new_topics: 1,
        shares: 2,
        shares_acknowledged: 1,
        plans_agreed: 0,
        support_received: 0,
        support_given: 1,
      },
    },
    previous: { raw: { social: 0.4, information: 0.3, presentation: 0.1, coordination: 0, support: 0.2 }, total: 0.25 },
    weights: { social: 0.3, information: 0.9, presentation: 0.2, coordination: 0.4, support: 0.5 },
    warm_contacts: ['Ali'],
  }),
  reflect: (key = 'reflect:2:maya'): ReflectRequest => ({ ...base, kind: 'reflect', key, recent: base.memories }),
  interview: (key = 'interview:2:maya'): InterviewRequest => ({
    ...base,
    kind: 'interview',
    key,
    question: 'Who are your friends here?',
  }),
};

/** Backoff short enough for tests; Retry-After is still honoured as sent. */
/**
 * The benches' society on one endpoint (bench/llmEngine.ts, bench/llmThroughput.ts): `agents`
 * personas with overlapping interests, recommended encounters, `turns`-message conversations,
 * every model call to `url` at `concurrency`, falling back to the offline model on failure.
 */
export function endpointSociety(
  url: string,
  size: { agents: number; rounds: number; turns: number; concurrency: number },
): Scenario {
  const base = scenario({});
  return scenario(
    {},
    {
      personas: Array.from({ length: size.agents }, (_, i) =>
        persona(`a${i}`, { name: `Agent ${i}`, interests: [`topic${i % 7}`, `topic${(i * 3) % 11}`] }),
      ),
      world: {
        ...base.world,
        rounds: size.rounds,
        encounters: { mode: 'recommend', per_round: 1, exploration: 0.2 },
        conversation: { turns: size.turns },
      },
      models: {
        default: modelConfig('default', {
          base_url: url,
          concurrency: size.concurrency,
          timeout_ms: 20_000,
          on_error: 'offline',
        }),
      },
    },
  );
}

export const FAST_BACKOFF: BackoffSettings = { baseMs: 20, maxMs: 80, maxRetryAfterMs: 10_000 };

/** The user's word that the key in `env` may go to the test's endpoint at `url` (keyRoute.ts). */
export function allowKeyTo(url: string, env: string | undefined): string[] {
  const target = keyTarget(url);
  return env && target ? [allowanceText(env, target)] : [];
}

/** The user's word that every key of `sc`'s models may go where its model sends it (keyRoute.ts). */
export function allowKeysOf(sc: Pick<Scenario, 'models'>): string[] {
  return Object.values(sc.models).flatMap((m) => (m.base_url ? allowKeyTo(m.base_url, m.api_key_env) : []));
}

/** A registry whose model `gpt` talks to `url`, its key (if any) allowed to go there. */
export function registryFor(url: string, cfg: Partial<ModelConfig> = {}, options: ModelOptions = {}): ModelRegistry {
  return new ModelRegistry(scenario({ gpt: modelConfig('gpt', { base_url: url, ...cfg }) }), {
    backoff: FAST_BACKOFF,
    allowKeys: allowKeyTo(url, cfg.api_key_env),
    ...options,
  });
}

/**
 * Mocha hooks for a block of provider tests: one fake OpenAI-compatible endpoint on 127.0.0.1 for
 * the block, reset before each test, and the call records of the current test (`onCall` books them).
 */
export function useFakeEndpoint(): {
  readonly server: FakeOpenAI;
  readonly records: CallRecord[];
  readonly onCall: (r: CallRecord) => void;
} {
  let server: FakeOpenAI | undefined;
  const records: CallRecord[] = [];
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.reset();
    records.length = 0;
  });
  return {
    get server() {
      if (!server) throw new Error('the fake endpoint starts in before()');
      return server;
    },
    records,
    onCall: (r) => {
      records.push(r);
    },
  };
}
