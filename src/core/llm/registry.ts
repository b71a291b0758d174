// Builds the agent models of a scenario, one per `models` entry: the offline rule-based model, an
// OpenAI-compatible endpoint, or a VS Code language model (whose chat client the extension
// injects, since core never imports vscode). LLM models are stacked as
//   LlmAgentModel → response cache (optional; replay) → limiter + retries → provider client,
// with one limiter per endpoint (configs calling the same model at the same endpoint share it).
// Keys come from `secrets(api_key_env)`: the environment in the CLI, SecretStorage in the editor;
// they are registered with the redactor before first use.
import { promptLayout } from './prompts/layout';
import {
  modelNamed,
  type ModelConfig,
  type Scenario,
  isInstant,
  traitsOf,
  endpointKey,
  partOf,
  sharedLimits,
  flattenSet,
} from '../format';
import type { CallListener } from './callRecord';
import type { CallFault, ChatClient } from './chat';
import { CachedChatClient } from './cache/cachedClient';
import { DiskStore, LayeredStore, type ResponseStore } from './cache/store';
import { EmbeddingRelevance, type RelevanceScorer } from './embeddings';
import type { BackoffSettings } from './limits/backoff';
import { Limiter } from './limits/limiter';
import { runSettings } from './local/settings';
import { ResilientChatClient } from './limits/resilientClient';
import { LlmAgentModel } from './llmAgentModel';
import { OfflineModel } from './offline';
import { nodeFetch } from './openai/nodeFetch';
import { chatPool, defaultThreads } from './openai/chatPool';
import { maskUrlCredentials, secrets as globalRedactor, type Redactor } from './redact';
import { EndpointHealth } from './limits/endpointHealth';
import type { ResilienceSettings } from './limits/resilientCall';
import type { AgentModel } from './types';
import type { PriceTable } from './usage';
import { billedPrice, costUsd, embeddingPrice, priceOf } from './usage';
import { MeteredEmbeddingClient } from './limits/meteredEmbeddings';
import { CallLog } from './callLog';
import type { PromptListener } from './promptRecord';
import { KeyRouteError, configKeyRefusal, keyAllowances } from './keyRoute';
import { pushAll } from '../text/pushAll';
import { CLIENT_FACTORIES, type ClientContext } from './clientFactories';
import type { SpendMeter } from './spendMeter';

export { CLIENT_FACTORIES, vscodeIdentity, type ClientContext, type ClientFactory } from './clientFactories';

export interface ModelOptions {
  /** Looks up a key by environment variable name. Default: process.env. */
  secrets?: (envName: string) => string | undefined;
  /**
   * `VAR@HOST[:PORT]` pairings the user allowed (the editor's confirmations), besides those of
   * SOCIETY_ALLOW_KEYS, which always count: a key goes nowhere else but its provider's own host (keyRoute.ts).
   */
  allowKeys?: readonly string[];
  /** Directory of the content-addressed response cache; no cache when absent. */
  cacheDir?: string;
  /** Caches read after cacheDir, never written: a branch's parent's answers (needs cacheDir). */
  cacheBelow?: readonly string[];
  /** Answer only from the cache (needs cacheDir); a miss is a ReplayMissError, never a network call. */
  replay?: boolean;
  /** fetch for the `openai` package (tests, proxies). */
  fetch?: typeof fetch;
  onCall?: CallListener;
  /**
   * The command's spending meter (spendMeter.ts): every call to an endpoint asks it first, and
   * is refused (SpendLimitReached, which ends the run) once the limit is reached.
   */
  meter?: () => SpendMeter | undefined;
  /** Told every chat call's messages, schema, raw answer and parse result (a run's prompts.jsonl: promptBook.ts). */
  onPrompt?: PromptListener;
  /** Builds the chat client of a `vscode` model (extension side). */
  chatClientFactory?: (cfg: ModelConfig) => ChatClient;
  prices?: PriceTable;
  backoff?: BackoffSettings;
  /**
   * Told when an endpoint's 429 Retry-After holds its calls for 10 s or more
   * (limits/resilientCall.ts LONG_WAIT_MS): `endpoint` as the run names it, credentials masked.
   */
  onLongWait?: (wait: { endpoint: string; ms: number; retryAfterMs: number }) => void;
  /** Overrides scenario.world.rounds in prompts (`society run --rounds`). */
  rounds?: number;
  /** Seed of offline models; default scenario.seed. */
  seed?: number;
  redactor?: Redactor;
  /**
   * Runs calling the same endpoints at once, each with its own registry (an experiment's worker
   * threads): every limiter allows its part of the endpoint's concurrency, rpm and tpm.
   */
  share?: number;
  /**
   * Threads making the HTTP calls of `openai` models: 2 or more, a pool of that many worker
   * threads (openai/chatPool.ts); 0 or 1, the calling thread. Default: $SOCIETY_THREADS, else
   * the calling thread when `share` > 1 (runs in parallel already use the cores) or `fetch` is
   * given (it cannot cross threads), else defaultThreads().
   */
  threads?: number;
}

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
  constructor(
    readonly model: string,
    readonly envName: string,
  ) {
    super(
      `model '${model}' needs an API key in the environment variable ${envName} (its api_key_env), which is not set` +
        ' (in VS Code, run "Society: Set API Key")',
    );
  }
}

/**
 * Model names the scenario's agents and coach actually use, built before a run so a missing key
 * fails before anything is written: also those of personas added by timed events and a coach's
 * model set by one (they failed decision by decision, rounds into the run).
 */
export function usedModelNames(scenario: Scenario, forced?: string): string[] {
  if (forced) return [forced];
  const names = new Set<string>(['default']);
  for (const p of scenario.personas) if (p.model) names.add(p.model);
  for (const g of scenario.population) if (g.model) names.add(g.model);
  if (scenario.coaching.enabled && scenario.coaching.model) names.add(scenario.coaching.model);
  for (const e of scenario.events) {
    if ('add' in e) for (const p of e.add) if (p.model) names.add(p.model);
    if ('set' in e) {
      for (const [path, value] of flattenSet(e.set)) {
        if (path === 'coaching.model' && typeof value === 'string') names.add(value);
      }
    }
  }
  return [...names].filter((n) => modelNamed(scenario.models, n));
}

export class ModelRegistry {
  private readonly models = new Map<string, AgentModel>();
  private readonly limiters = new Map<string, Limiter>();
  private readonly healths = new Map<string, EndpointHealth>();
  private readonly engineScorers = new Map<string, EmbeddingRelevance>();
  private readonly store?: ResponseStore;
  private readonly redactor: Redactor;
  /**
   * Every decision's call record, for the simulation these models serve (SimulationOptions.calls):
   * faults that retries got past reach its trace. Kept here so no host can forget to wire it.
   */
  readonly calls = new CallLog();
  private readonly onCall: CallListener = (r) => {
    this.calls.listener(r);
    this.options.onCall?.(r);
  };

  constructor(
    readonly scenario: Scenario,
    private readonly options: ModelOptions = {},
  ) {
    if (options.replay && !options.cacheDir) throw new Error('replay needs a response cache directory');
    const own = options.cacheDir ? new DiskStore(options.cacheDir) : undefined;
    this.store =
      own && options.cacheBelow?.length
        ? new LayeredStore(
            own,
            options.cacheBelow.map((d) => new DiskStore(d)),
          )
        : own;
    this.redactor = options.redactor ?? globalRedactor;
  }

  /** The model of a config name (built once); the scenario's default for unknown names. */
  model(name: string, seed = this.options.seed ?? this.scenario.seed): AgentModel {
    const cfg = modelNamed(this.scenario.models, name) ?? this.scenario.models.default;
    if (!cfg) throw new Error(`no model named '${name}' and no default model`);
    // An in-process model's answers depend on the seed; an endpoint's client is shared across seeds.
    const memo = isInstant(cfg) ? `${cfg.name}#${seed}` : cfg.name;
    let m = this.models.get(memo);
    if (!m) {
      m = this.build(cfg, seed);
      this.models.set(memo, m);
    }
    return m;
  }

  /** The engine's ModelFactory: `(cfg, seed) => AgentModel`. */
  readonly factory = (cfg: ModelConfig, seed: number): AgentModel => this.model(cfg.name, seed);

  /** The limiter of `cfg`'s endpoint: configs calling the same model at the same endpoint share it (limits/endpointLimits.ts). */
  limiter(cfg: ModelConfig): Limiter {
    const key = endpointKey(cfg) ?? `config ${cfg.name}`;
    let l = this.limiters.get(key);
    if (!l) {
      const settings = sharedLimits(cfg, this.scenario.models).settings;
      // A local model answers as many calls at once as it has sequences: a call waiting here is
      // not yet on the clock of its timeout, as one queued in the worker would be.
      const limits =
        cfg.provider === 'local'
          ? { ...settings, concurrency: Math.min(settings.concurrency, runSettings(cfg).sequences) }
          : settings;
      l = new Limiter(partOf(limits, this.options.share ?? 1));
      this.limiters.set(key, l);
    }
    return l;
  }

  /**
   * The engine's memory relevance for agents on model `name`: endpoint embeddings when the config
   * has `embeddings`, else undefined (the engine keeps its own lexical relevance). One scorer per
   * config, so each memory is embedded once per run; failures are thrown, and the engine records
   * them and falls back for that retrieval.
   */
  readonly memoryRelevance = (name: string): RelevanceScorer | undefined => {
    const cfg = modelNamed(this.scenario.models, name) ?? this.scenario.models.default;
    const factory = cfg ? CLIENT_FACTORIES[cfg.provider] : undefined;
    if (!cfg?.embeddings || factory === undefined || factory === 'in-process' || !factory.embeddings) return undefined;
    let r = this.engineScorers.get(cfg.name);
    if (!r) {
      const endpoint = this.options.replay
        ? undefined
        : factory.embeddings.client(
            { ...this.clientContext(false), limiter: this.limiter(cfg), resilience: this.resilience(cfg) },
            cfg,
          );
      // Metered as chat calls are: the command's limit bounds what embeddings spend too.
      const client =
        endpoint && this.options.meter
          ? new MeteredEmbeddingClient(endpoint, this.options.meter, embeddingPrice(cfg, this.options.prices))
          : endpoint;
      r = new EmbeddingRelevance(factory.embeddings.identity(cfg), client, this.store);
      this.engineScorers.set(cfg.name, r);
    }
    return r;
  };

  /**
   * Embedding requests and tokens the engine's scorers spent, and the faults their calls got past
   * (retried 5xx, unusable usage figures), for run summaries: which retrieval a request served
   * depends on how a stage interleaved, so these are not in the trace.
   */
  embeddingUsage(): {
    requests: number;
    tokens: number;
    failed: number;
    faults: CallFault[];
    /** At each embedding model's price; undefined when some model's price is unknown (unpriced, not $0). */
    cost_usd?: number;
  } {
    let requests = 0,
      tokens = 0,
      failed = 0,
      cost: number | undefined = 0;
    const faults: CallFault[] = [];
    for (const [name, r] of this.engineScorers) {
      requests += r.requests;
      tokens += r.tokens;
      failed += r.failedRequests;
      pushAll(faults, r.faults);
      const cfg = modelNamed(this.scenario.models, name);
      const price = cfg ? embeddingPrice(cfg, this.options.prices) : undefined;
      const priced = price !== undefined || (cfg !== undefined && !traitsOf(cfg.provider).priced);
      cost =
        cost === undefined || !priced ? undefined : cost + costUsd({ input_tokens: r.tokens, output_tokens: 0 }, price);
    }
    return { requests, tokens, failed, faults, ...(cost !== undefined ? { cost_usd: cost } : {}) };
  }

  /**
   * The config's key, read only once the user's word allows it to go where the config sends it
   * (KeyRouteError otherwise): every chat and embedding client gets its key here.
   */
  private key(cfg: ModelConfig): string | undefined {
    if (!cfg.api_key_env) return undefined;
    const key = (this.options.secrets ?? ((n: string) => process.env[n]))(cfg.api_key_env);
    if (!key) throw new MissingKeyError(cfg.name, cfg.api_key_env);
    const refusal = configKeyRefusal(cfg, keyAllowances(this.options.allowKeys));
    if (refusal) throw new KeyRouteError(refusal);
    this.redactor.add(key);
    return key;
  }

  private resilience(cfg: ModelConfig) {
    return {
      retries: cfg.retries,
      timeoutMs: cfg.timeout_ms,
      maxTokens: cfg.max_tokens,
      backoff: this.options.backoff,
      health: this.health(cfg),
      ...(this.options.onLongWait ? { onLongWait: this.longWaitOf(cfg, this.options.onLongWait) } : {}),
    };
  }

  /** `onLongWait` naming `cfg`'s endpoint, as its circuit breaker does. */
  private longWaitOf(
    cfg: ModelConfig,
    say: NonNullable<ModelOptions['onLongWait']>,
  ): NonNullable<ResilienceSettings['onLongWait']> {
    const endpoint = this.health(cfg).endpoint;
    return (w) => say({ endpoint, ...w });
  }

  /** The circuit breaker of `cfg`'s endpoint, shared as its limiter is (limits/endpointHealth.ts). */
  private health(cfg: ModelConfig): EndpointHealth {
    const key = endpointKey(cfg) ?? `config ${cfg.name}`;
    let h = this.healths.get(key);
    if (!h) {
      h = new EndpointHealth(
        maskUrlCredentials(cfg.base_url ?? traitsOf(cfg.provider).defaultBaseUrl ?? `of model '${cfg.name}'`),
      );
      this.healths.set(key, h);
    }
    return h;
  }

  private build(cfg: ModelConfig, seed: number): AgentModel {
    const factory = CLIENT_FACTORIES[cfg.provider];
    if (factory === 'in-process') return new OfflineModel(cfg.name, seed);
    this.redactor.addHeaders(cfg.headers);
    const identity = factory.identity(cfg);
    let client: ChatClient | undefined;
    if (!this.options.replay) {
      client = new ResilientChatClient(
        factory.client(this.clientContext(), cfg),
        this.limiter(cfg),
        {
          ...this.resilience(cfg),
          ...(this.options.meter
            ? { meter: { meter: this.options.meter, price: billedPrice(cfg, this.options.prices) } }
            : {}),
        },
        this.redactor,
      );
    }
    if (this.store) client = new CachedChatClient(client, this.store, identity);
    return new LlmAgentModel({
      name: cfg.name,
      provider: cfg.provider,
      label: factory.label(cfg, identity),
      client: client!,
      templates: this.scenario.prompts,
      context: {
        rounds: this.options.rounds ?? this.scenario.world.rounds,
        layout: promptLayout(cfg.prompt_layout, priceOf(cfg, this.options.prices)),
      },
      price: billedPrice(cfg, this.options.prices),
      redactor: this.redactor,
      onCall: this.onCall,
      ...(this.options.onPrompt ? { onPrompt: this.options.onPrompt } : {}),
    });
  }

  /** What a provider's client may use from this registry; `pool` starts the HTTP threads (chat calls only). */
  private clientContext(pool = true): ClientContext {
    return {
      key: (c) => this.key(c),
      fetch: this.options.fetch ?? nodeFetch,
      redactor: this.redactor,
      pool: this.options.fetch || !pool ? undefined : chatPool(this.threads()),
      vscodeClient: (c) => this.vscodeClient(c),
    };
  }

  /** The number of threads making calls (ModelOptions.threads). */
  threads(): number {
    const o = this.options;
    if (o.threads !== undefined) return o.threads;
    const env = process.env.SOCIETY_THREADS;
    if (env !== undefined && env.trim() !== '' && Number.isFinite(Number(env))) return Number(env);
    if (o.fetch || (o.share ?? 1) > 1) return 1;
    return defaultThreads();
  }

  private vscodeClient(cfg: ModelConfig): ChatClient {
    if (!this.options.chatClientFactory) {
      throw new Error(
        `model '${cfg.name}': provider 'vscode' is only available inside VS Code (use --replay with a cache, or another provider in the CLI)`,
      );
    }
    return this.options.chatClientFactory(cfg);
  }
}

/** One agent model per scenario `models` entry (or only the named ones). */
export function createAgentModels(
  scenario: Scenario,
  options: ModelOptions & { only?: string[] } = {},
): Record<string, AgentModel> {
  const registry = new ModelRegistry(scenario, options);
  const names = options.only ?? Object.keys(scenario.models);
  return Object.fromEntries(names.map((n) => [n, registry.model(n)]));
}
