// Predicts a run's model calls, tokens and cost before it starts, from the scenario's sizes
// (agents, rounds, encounters per round, turns, rooms, coaching) and prompts rendered with the
// scenario's own templates on typical requests. It assumes no retries or re-asks and a typical
// memory-importance flow for the reflection rate; `assumptions` lists every such constant.
import { promptLayout } from './prompts/layout';
import {
  modelNamed,
  type ModelConfig,
  type Scenario,
  roomWithDefaults,
  messageCount,
  isInstant,
  traitsOf,
  BUILTIN_PHASES,
  phaseActionsFor,
} from '../format';
import { localSeconds, noteLocal, promptSize, type LocalFit, type LocalInputs } from './estimateLocal';
import { roundsHeld } from './estimateWhen';
import { renderPrompt } from './prompts/render';
import { handbook } from './prompts/handbook';
import { predictedCacheShare } from './cacheShare';
import type { DecisionKind, DecisionRequest, EvaluateRequest } from './types';
import { billedPrice, costUsd, priceOf, type PriceTable } from './usage';
import { addEmbeddings, MEMORY_TOKENS, QUERY_TOKENS } from './estimateEmbeddings';
import { agentsByModel, instrumentBatches } from './estimateInstruments';
import {
  ANSWER_HEADROOM,
  answerCap,
  MIN_ANSWER_CAP,
  JUDGE_TOKENS,
  SURVEY_TOKENS,
  TYPICAL_OUTPUT_TOKENS,
  typicalAnswerTokens,
} from './answerBudget';
import { typicalRequests } from './estimateRequests';
import { isOffline, offlineAssumptions, offlineTime, type OfflineTime } from './estimateOffline';
import { measuredAnswerTokens } from './local/speeds';

/** Mean importance of the memories an agent writes (engine rules; evaluation assumes |valence| ≈ 0.5). */
const IMPORTANCE = { observation: 3, conversation: 3.5, evaluation: 5.5, advice: 6.5 };
const KINDS: DecisionKind[] = ['choose_partner', 'speak', 'evaluate', 'advise', 'reflect', 'act', 'survey', 'judge'];
/** The kinds whose answer length is TYPICAL_OUTPUT_TOKENS (a survey's and a judge's grow with their items). */
const FIXED_LENGTH_KINDS = KINDS.filter((k) => k !== 'survey' && k !== 'judge');

export interface CallsAndTokens {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  /** Of the input, what a prefix cache is predicted to serve (cacheShare.ts). */
  cached_input_tokens?: number;
}

export interface ModelEstimate extends CallsAndTokens {
  name: string;
  provider: ModelConfig['provider'];
  model?: string;
  cost_usd: number;
  /** The cost with the predicted cached input at `price.cached_input` (only with that price). */
  cost_usd_cached?: number;
  /**
   * The cost if every answer ran to the `max_tokens` it is sent (answerBudget.ts): what the run
   * cannot pass but by retries and re-asks.
   */
  cost_usd_ceiling: number;
  /** False when neither the scenario nor the price table prices this model. */
  priced: boolean;
  by_kind: Partial<Record<DecisionKind, CallsAndTokens>>;
  /** A local model: its context against the largest typical prompt, and the time at its measured speed. */
  local?: LocalFit;
  /** The offline model: expected CPU seconds of its decisions (estimateOffline.ts). */
  offline?: OfflineTime;
  /**
   * Memory relevance by endpoint embeddings (models with `embeddings`): texts embedded, requests,
   * tokens, and their cost where the embedding model's price is known (counted in `cost_usd` too).
   */
  embeddings?: { model: string; texts: number; requests: number; input_tokens: number; cost_usd?: number };
}

export interface RunEstimate {
  scenario: string;
  agents: number;
  rounds: number;
  models: ModelEstimate[];
  total: CallsAndTokens & { cost_usd: number; cost_usd_cached?: number; cost_usd_ceiling: number };
  assumptions: string[];
}

export interface EstimateOptions extends LocalInputs {
  rounds?: number;
  /** Every agent and the coach use this model. */ model?: string;
  prices?: PriceTable;
}

/**
 * Members a room seats each round: its fixed members (each once), else its size, at most everyone.
 * Rooms have the schema's defaults: the scenario's from its build, a condition's from applySet.
 */
function seatsOf(room: Scenario['world']['rooms'][number], agents: number): number {
  const r = roomWithDefaults(room);
  return Math.min(new Set(r.members).size || r.size, agents);
}

/** Decisions of each kind per agent over the run, and for the coach. */
function callsPerAgent(
  s: Scenario,
  rounds: number,
  agents: number,
): {
  agent: Record<Exclude<DecisionKind, 'interview' | 'advise' | 'judge' | 'survey'>, number>;
  advise: number;
  /** Conversations an agent is in per round, on average. */
  conversations: number;
} {
  const phases = roundPhases(s, rounds);
  // A declared round without `meet` has no conversations (a one-shot game): counting them made
  // `validate --model`'s estimate 7-8x the spend.
  // The share of rounds each built-in phase runs in (0: not in the round, or never runs).
  const ran = (name: string): number => phases.builtin.get(name) ?? 0;
  const meets = ran('meet') > 0;
  const { mode } = s.world.encounters;
  const per_round = meets ? s.world.encounters.per_round * ran('meet') : 0;
  const turns = s.world.conversation.turns;
  let roomMessages = 0,
    roomRatings = 0,
    roomSeats = 0;
  for (const room of meets ? s.world.rooms : []) {
    const m = seatsOf(room, agents);
    if (m < 2) continue;
    roomMessages += messageCount(turns, m, true);
    roomRatings += m * (m - 1);
    roomSeats += m;
  }
  const perAgent = (x: number): number => (agents ? x / agents : 0);
  const conversations = 2 * per_round + perAgent(roomSeats) * ran('meet');
  // Only a side that spoke is rated (evaluation.ts): a one-turn pair conversation has one rating.
  const pairRatings = Math.min(turns, 2) * per_round;
  const evaluations = ran('evaluate') > 0 ? pairRatings + perAgent(roomRatings) * ran('meet') : 0;
  const learns = ran('learn') > 0;
  const coached = s.coaching.enabled && learns ? Math.floor(rounds / Math.max(1, s.coaching.every)) : 0;
  const importancePerRound =
    IMPORTANCE.observation +
    conversations * IMPORTANCE.conversation +
    evaluations * IMPORTANCE.evaluation +
    (rounds ? (coached / rounds) * IMPORTANCE.advice : 0);
  return {
    agent: {
      act: rounds * phases.actsPerAgent,
      choose_partner: rounds * (mode === 'random' ? 0 : per_round),
      speak: rounds * (per_round * turns + perAgent(roomMessages) * ran('meet')),
      evaluate: rounds * evaluations,
      reflect: learns ? reflections(rounds, importancePerRound, s.memory.reflect_at) : 0,
    },
    advise: coached,
    conversations,
  };
}

/**
 * The built-in phases a round runs, and the action decisions an agent makes per round on average
 * (each action phase asks the members of its `who` groups, everyone without one, whose group it
 * offers an action: `actions: { dictators: [give] }` asks no recipient): the declared
 * `round:`, else the default (engine/society/roundPlan.ts: meet, evaluate, learn, then one
 * phase of every action). A phase's `when` holds in the rounds estimateWhen.ts can tell, else in every
 * round: an upper bound.
 */
function roundPhases(s: Scenario, rounds: number): { builtin: Map<string, number>; actsPerAgent: number } {
  if (!s.round) {
    return {
      builtin: new Map(BUILTIN_PHASES.map((name) => [name, 1])),
      actsPerAgent: s.mechanics?.actions.length ? 1 : 0,
    };
  }
  // Agents per group ('' for those without one).
  const groups = new Map<string, number>();
  const add = (g: string | undefined, n: number): void => {
    groups.set(g ?? '', (groups.get(g ?? '') ?? 0) + n);
  };
  for (const p of s.personas) add(p.group, 1);
  for (const g of s.population) add(g.group, g.count);
  const agents = s.personas.length + s.population.reduce((a, g) => a + g.count, 0);
  // A `when` known before the run counts only the rounds it holds (estimateWhen.ts): a share of them.
  const share = (when: string | undefined): number => roundsHeld(s, when, rounds, agents) / Math.max(1, rounds);
  const builtin = new Map<string, number>();
  for (const p of s.round) if (p.kind === 'builtin') builtin.set(p.name, (builtin.get(p.name) ?? 0) + share(p.when));
  let acts = 0;
  for (const p of s.round) {
    if (p.kind !== 'act' || !agents) continue;
    // Asked: the members of its `who` groups (everyone without one) whose group it offers an action.
    let asked = 0;
    for (const [g, n] of groups) {
      if (p.who && !p.who.includes(g)) continue;
      if (phaseActionsFor(p, g || undefined).length) asked += n;
    }
    acts += (asked / agents) * share(p.when);
  }
  return { builtin, actsPerAgent: acts };
}

/**
 * Reflections per agent over the run. The engine checks once per agent and round (the reflect
 * phase, engine/phases/learn/reflection.ts) whether the importance written since the last reflection reaches
 * `reflect_at`, and a reflection starts the count again from 0: what was written beyond the
 * threshold is not carried over. So an agent reflects every ceil(reflect_at / importance per round)
 * rounds, and at most once a round however low `reflect_at` is.
 */
export function reflections(rounds: number, importancePerRound: number, reflectAt: number): number {
  if (rounds <= 0 || !(importancePerRound > 0)) return 0;
  const every = Math.max(1, Math.ceil(Math.max(0, reflectAt) / importancePerRound));
  return Math.floor(rounds / every);
}

/**
 * Per agent over the run: retrievals (each one request at most: its situation plus any memory not
 * yet embedded) and memories embedded: the seeds and what was written before the last round's
 * retrievals (a memory is embedded when it is first ranked, once).
 */
function embeddingsPerAgent(
  s: Scenario,
  rounds: number,
  per: ReturnType<typeof callsPerAgent>,
  agents: number,
): { retrievals: number; memories: number } {
  const { per_round } = s.world.encounters;
  const seats = s.world.rooms.reduce((n, r) => n + seatsOf(r, agents), 0);
  const rooms = agents ? seats / agents : 0;
  // Own turn + as a chosen partner (per_round on average) + room seats.
  const retrievals = rounds * (1 + per_round + rooms);
  // Per round: an observation, the conversations, the evaluations written, advice; reflections add a few insights each.
  const written = rounds
    ? (rounds * (1 + 2 * per_round + rooms) + per.agent.evaluate + per.advise + 3 * per.agent.reflect) / rounds
    : 0;
  const seeds = s.personas.length ? s.personas.reduce((n, p) => n + p.memories.length, 0) / s.personas.length : 0;
  return { retrievals, memories: seeds + written * Math.max(0, rounds - 1) };
}

/** A model's estimate before any call is counted. */
function emptyModelEstimate(cfg: ModelConfig, o: EstimateOptions): ModelEstimate {
  return {
    name: cfg.name,
    provider: cfg.provider,
    ...(cfg.model ? { model: cfg.model } : {}),
    calls: 0,
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    cost_usd_ceiling: 0,
    priced: !traitsOf(cfg.provider).priced || !!billedPrice(cfg, o.prices),
    by_kind: {},
  };
}

/**
 * Answer tokens a call of this request: a local model's answers as long as runs on this machine
 * measured them for the kind (speeds.ts), else the typical length; within max_tokens.
 */
function answerTokens(cfg: ModelConfig, req: DecisionRequest, o: EstimateOptions): number {
  const measured = cfg.provider === 'local' ? measuredAnswerTokens(o.speeds?.get(cfg.name), req.kind) : undefined;
  return Math.min(measured ?? typicalAnswerTokens(req), cfg.max_tokens ?? Infinity);
}

export function estimateRun(s: Scenario, o: EstimateOptions = {}): RunEstimate {
  const rounds = o.rounds ?? s.world.rounds;
  const byModel = agentsByModel(s, o.model);
  const agents = [...byModel.values()].reduce((a, b) => a + b, 0);
  const per = callsPerAgent(s, rounds, agents);
  const coachModel = o.model ?? (modelNamed(s.models, s.coaching.model) ? s.coaching.model! : 'default');
  const requests = typicalRequests(s);
  const ctx = { rounds };
  const models = new Map<string, ModelEstimate>();

  const add = (name: string, req: DecisionRequest, calls: number, callers: number): void => {
    if (calls <= 0) return;
    const kind = req.kind;
    const cfg = modelNamed(s.models, name) ?? s.models.default;
    let m = models.get(cfg.name);
    if (!m) models.set(cfg.name, (m = emptyModelEstimate(cfg, o)));
    const llm = !isInstant(cfg);
    const layout = promptLayout(cfg.prompt_layout, priceOf(cfg, o.prices));
    const messages = renderPrompt(req, s.prompts, { ...ctx, layout });
    const perCall = promptSize(cfg, messages, req, o);
    const input = llm ? Math.round(calls * perCall) : 0;
    if (cfg.provider === 'local') noteLocal(m, cfg, req, perCall, o);
    // An endpoint's prompt cache, as billed: a local model reuses a prefix per sequence and in
    // whole batches (promptSlot.ts), a figure of time, not of tokens served from a cache.
    const cached = traitsOf(cfg.provider).endpoint
      ? Math.round(
          input * predictedCacheShare(messages, calls, callers, layout === 'handbook' ? handbook(s.prompts).length : 0),
        )
      : 0;
    const output = llm ? Math.round(calls * answerTokens(cfg, req, o)) : 0;
    // Every answer at the cap it is sent (answerBudget.ts): what no run can spend beyond, retries aside.
    const longest = llm ? Math.round(calls * (cfg.max_tokens ?? answerCap(req))) : 0;
    const k = (m.by_kind[kind] ??= { calls: 0, input_tokens: 0, output_tokens: 0 });
    k.calls += Math.round(calls);
    k.input_tokens += input;
    k.output_tokens += output;
    k.cached_input_tokens = (k.cached_input_tokens ?? 0) + cached;
    m.calls += Math.round(calls);
    m.input_tokens += input;
    m.output_tokens += output;
    m.cached_input_tokens = (m.cached_input_tokens ?? 0) + cached;
    const price = billedPrice(cfg, o.prices);
    m.cost_usd += costUsd({ input_tokens: input, output_tokens: output }, price);
    m.cost_usd_ceiling += costUsd({ input_tokens: input, output_tokens: longest }, price);
    if (price?.cached_input !== undefined) {
      const withCache = costUsd({ input_tokens: input, output_tokens: output, cached_input_tokens: cached }, price);
      m.cost_usd_cached = (m.cost_usd_cached ?? 0) + withCache;
    }
  };

  for (const [name, n] of byModel) {
    for (const kind of ['choose_partner', 'speak', 'evaluate', 'reflect', 'act'] as const) {
      add(name, requests[kind], n * per.agent[kind], n);
    }
  }
  for (const [name, n] of byModel) {
    const cfg = modelNamed(s.models, name) ?? s.models.default;
    const m = models.get(cfg.name);
    if (m && cfg.embeddings && traitsOf(cfg.provider).embeddings) {
      addEmbeddings(m, cfg, embeddingsPerAgent(s, rounds, per, agents), n, o.prices);
    }
  }
  add(coachModel, requests.advise, agents * per.advise, agents);
  // Surveys and judges are asked of (and about) agents like the one the other kinds are rendered for.
  const evaluate = requests.evaluate as EvaluateRequest;
  const sizes = { rounds, forced: o.model, conversationsPerAgent: per.conversations };
  const who = { me: evaluate.persona, other: evaluate.partner, transcript: evaluate.transcript };
  for (const b of instrumentBatches(s, { ...sizes, ...who })) add(b.model, b.req, b.calls, b.callers);

  const list = [...models.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const m of list) finish(m, s, agents);
  const total = totalOf(list);
  return {
    scenario: s.name,
    agents,
    rounds,
    models: list,
    total,
    assumptions: [
      'no retries, re-asks or failed calls; answers from the response cache cost nothing and are not subtracted',
      o.promptTokens?.size
        ? "tokens ≈ characters / 4 (local models: their own tokenizer and chat template), for prompts rendered from this scenario's templates with typical contents"
        : "tokens ≈ characters / 4, for prompts rendered from this scenario's templates with typical contents",
      `answers: ${FIXED_LENGTH_KINDS.map((k) => `${k} ${TYPICAL_OUTPUT_TOKENS[k]}`).join(', ')}, survey ${SURVEY_TOKENS.base} + ${SURVEY_TOKENS.item} per item, judge ${JUDGE_TOKENS.base} + ${JUDGE_TOKENS.dimension} per rubric dimension tokens (or max_tokens if lower); each call is sent max_tokens at ${ANSWER_HEADROOM}× its typical answer (at least ${MIN_ANSWER_CAP}) unless the model sets its own, which bounds the ceiling`,
      'surveys: every agent a survey goes to, at each round it is due; judges that are models: every agent judged, on its round or once per conversation it was in (conversations per agent as the encounters and rooms give them); offline judges cost nothing',
      `reflection rate from mean memory importance per round (observation ${IMPORTANCE.observation}, conversation ${IMPORTANCE.conversation}, evaluation ${IMPORTANCE.evaluation}, advice ${IMPORTANCE.advice}) against reflect_at ${s.memory.reflect_at}, at most one reflection per agent and round`,
      'timed events that add or remove agents are not counted',
      ...offlineAssumptions(list),
      "cached input: in whole 64-character blocks, the handbook of every task and shape on every call but the first, the rest of each kind's system message (the setting, the persona) on every call but each agent's first of that kind; the per-call part never (a floor)",
      ...setEventsIgnored(s, rounds),
      ...(list.some((m) => m.embeddings)
        ? [
            `embeddings: at most one request per retrieval; every situation (≈ ${QUERY_TOKENS} tokens) and memory (≈ ${MEMORY_TOKENS} tokens) embedded once, repeated texts counted as new; priced at \`embeddings.price\` or a known model's list price on its own host, else unpriced`,
          ]
        : []),
    ],
  };
}

/** A model's estimate completed: its time (a local model's at its speed, the offline model's), its kinds in order. */
function finish(m: ModelEstimate, s: Scenario, agents: number): void {
  if (m.local) localSeconds(m, modelNamed(s.models, m.name) ?? s.models.default);
  if (isOffline(m)) m.offline = offlineTime(s, agents, m.by_kind.act?.calls ?? 0);
  m.by_kind = Object.fromEntries(KINDS.filter((k) => m.by_kind[k]).map((k) => [k, m.by_kind[k]!]));
}

type Total = RunEstimate['total'];

/** The models' sum; with caching only where some model has a cached-input price (the others cost the same). */
function totalOf(list: ModelEstimate[]): Total {
  const withCache = list.some((x) => x.cost_usd_cached !== undefined);
  const t: Total = {
    calls: 0,
    input_tokens: 0,
    output_tokens: 0,
    cost_usd: 0,
    cost_usd_ceiling: 0,
    cached_input_tokens: 0,
  };
  for (const m of list) {
    t.calls += m.calls;
    t.input_tokens += m.input_tokens;
    t.output_tokens += m.output_tokens;
    t.cost_usd += m.cost_usd;
    t.cost_usd_ceiling += m.cost_usd_ceiling;
    t.cached_input_tokens! += m.cached_input_tokens ?? 0;
    if (withCache) t.cost_usd_cached = (t.cost_usd_cached ?? 0) + (m.cost_usd_cached ?? m.cost_usd);
  }
  return t;
}

/** The timed `set` events within the run, which the estimate does not follow (it uses the settings the run starts with). */
function setEventsIgnored(s: Scenario, rounds: number): string[] {
  const sets = s.events.filter(
    (e): e is Extract<Scenario['events'][number], { set: unknown }> => 'set' in e && e.at <= rounds,
  );
  if (!sets.length) return [];
  const changes = sets.map((e) => `round ${e.at}: ${Object.keys(e.set).join(', ')}`).join('; ');
  return [`timed \`set\` events are not followed: the estimate uses the settings the run starts with (${changes})`];
}
