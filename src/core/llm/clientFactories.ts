// How each provider's calls are made: one entry per provider, with the identity its cached answers
// are filed under, its label and its chat client (ModelRegistry stacks limits and caches on top).
import type { ModelConfig, Provider } from '../format';
import type { ChatClient, ChatIdentity } from './chat';
import { OpenAIChatClient, identityOf } from './openai/chatClient';
import { LocalChatClient, localIdentity } from './local/localChatClient';
import type { ChatPool } from './openai/chatPool';
import type { Redactor } from './redact';
import type { EmbeddingClient } from './embeddings';
import type { Limiter } from './limits/limiter';
import type { ResilienceSettings } from './limits/resilientCall';
import { OpenAIEmbeddingClient, embeddingIdentity } from './openai/embeddingClient';
import { LocalEmbeddingClient, localEmbeddingIdentity } from './local/localEmbeddingClient';

/** The identity of a VS Code language model, computable without VS Code (for replay). */
export function vscodeIdentity(cfg: ModelConfig): ChatIdentity {
  const id: ChatIdentity = { provider: 'vscode', model: cfg.model ?? 'default' };
  if (cfg.temperature !== undefined) id.temperature = cfg.temperature;
  if (cfg.max_tokens !== undefined) id.max_tokens = cfg.max_tokens;
  return id;
}

/** What a provider's chat client may use from the registry that builds it. */
export interface ClientContext {
  /** The config's key (registered with the redactor), or undefined without `api_key_env`. */
  key(cfg: ModelConfig): string | undefined;
  fetch: typeof fetch;
  redactor: Redactor;
  /** The worker threads that make the HTTP calls, if any. */
  pool?: ChatPool;
  /** The host's client for a VS Code language model (throws outside VS Code). */
  vscodeClient(cfg: ModelConfig): ChatClient;
}

/** What an embedding client may use besides a chat client's: the config's limiter and retry settings. */
export interface EmbeddingContext extends ClientContext {
  limiter: Limiter;
  resilience: ResilienceSettings;
}

/** How a provider embeds memories (`embeddings:`): the identity its vectors are cached under, and the client. */
export interface EmbeddingFactory {
  identity(cfg: ModelConfig): ChatIdentity;
  client(ctx: EmbeddingContext, cfg: ModelConfig): EmbeddingClient;
}

/** How a provider's calls are made: the identity its cached answers are filed under, a label, and the client. */
export interface ClientFactory {
  identity(cfg: ModelConfig): ChatIdentity;
  label(cfg: ModelConfig, identity: ChatIdentity): string;
  client(ctx: ClientContext, cfg: ModelConfig): ChatClient;
  /** Present exactly for the providers whose traits say `embeddings` (a test holds the two together). */
  embeddings?: EmbeddingFactory;
}

/**
 * One entry per provider of format/providers.ts (a Record over its names, so the compiler names a
 * missing one). `in-process`: answered by the offline model, no client at all.
 */
export const CLIENT_FACTORIES: Record<Provider, ClientFactory | 'in-process'> = {
  offline: 'in-process',
  openai: {
    identity: identityOf,
    label: (cfg, identity) => {
      if (cfg.azure) return `Azure OpenAI deployment ${cfg.azure.deployment}`;
      const host = (() => {
        try {
          return new URL(identity.endpoint ?? '').host;
        } catch {
          return identity.endpoint;
        }
      })();
      return `${identity.model} at ${host}`;
    },
    client: (ctx, cfg) => new OpenAIChatClient(cfg, { apiKey: ctx.key(cfg), fetch: ctx.fetch }, ctx.redactor, ctx.pool),
    embeddings: {
      identity: embeddingIdentity,
      client: (ctx, cfg) =>
        new OpenAIEmbeddingClient(
          cfg,
          { apiKey: ctx.key(cfg), fetch: ctx.fetch },
          ctx.limiter,
          ctx.resilience,
          ctx.redactor,
        ),
    },
  },
  vscode: {
    identity: vscodeIdentity,
    label: (_cfg, identity) => `VS Code language model ${identity.model}`,
    client: (ctx, cfg) => ctx.vscodeClient(cfg),
  },
  local: {
    identity: (cfg) => localIdentity(cfg),
    label: (_cfg, identity) => `local model ${identity.model}`,
    client: (_ctx, cfg) => new LocalChatClient(cfg),
    embeddings: {
      identity: (cfg) => localEmbeddingIdentity(cfg),
      client: (_ctx, cfg) => new LocalEmbeddingClient(cfg),
    },
  },
};
