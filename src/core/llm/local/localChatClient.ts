// The `local` provider's chat client: a GGUF file run in-process on a worker thread
// (localEngine.ts). The answer of a decision is constrained by a grammar built from the same JSON
// schema the OpenAI path sends as structured output, and still goes through the same parse path.
//
// Reproducible: each call's seed is drawn from the call itself (the config's seed, the messages,
// the schema's name), not from a sampler's running state, so an answer does not depend on which
// calls came before it or in what order concurrent calls were queued. Same files, seed, model
// file and thread count: the same answers (docs/models.md#local-models says where that stops).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ModelConfig } from '../../format';
import type { ChatClient, ChatIdentity, ChatRequest, ChatResult } from '../chat';
import { localEngine, type LocalEngine } from './localEngine';
import { checkModelFile, modelPath } from './modelFile';
import { RuntimeMissingError, findRuntime } from './runtime';
import { DEFAULT_TEMPERATURE, localAnswerCap, runSettings } from './settings';

/**
 * What a local model's cached answers are filed under: the file's name rather than its path, so a
 * project moved to another folder (or replayed without the file) keeps its cache. Replacing a
 * model file by another of the same name keeps it too: name the file by its model and quantisation.
 */
export function localIdentity(cfg: ModelConfig, file = modelPath(cfg)): ChatIdentity {
  const id: ChatIdentity = { provider: 'local', model: path.basename(file) };
  if (cfg.temperature !== undefined) id.temperature = cfg.temperature;
  if (cfg.max_tokens !== undefined) id.max_tokens = cfg.max_tokens;
  if (cfg.seed !== undefined) id.seed = cfg.seed;
  return id;
}

/** The seed of one call: a function of the call alone (32 bits, as llama.cpp's sampler takes). */
export function callSeed(seed: number, request: ChatRequest): number {
  const h = createHash('sha256');
  h.update(JSON.stringify([seed, request.json?.name ?? null, request.messages]));
  return h.digest().readUInt32LE(0);
}

export class LocalChatClient implements ChatClient {
  readonly identity: ChatIdentity;
  private readonly engine: LocalEngine;

  /** Checks the model file and finds the runtime now, so a run that cannot work fails before it starts. */
  constructor(private readonly cfg: ModelConfig) {
    const file = modelPath(cfg);
    checkModelFile(file);
    const runtime = findRuntime();
    if (!runtime) throw new RuntimeMissingError(cfg.name);
    this.identity = localIdentity(cfg, file);
    this.engine = localEngine({ file, runtime, ...runSettings(cfg), purpose: 'chat' });
  }

  /** The model loaded (or failed to): the load is not counted against the first call's timeout. */
  ready(): Promise<void> {
    return this.engine.loaded.then(
      () => undefined,
      () => undefined,
    );
  }

  complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResult> {
    return this.engine.call(
      {
        messages: request.messages,
        ...(request.json ? { schema: request.json.schema } : {}),
        kind: request.json?.name ?? 'text',
        seed: callSeed(this.cfg.seed ?? 0, request),
        temperature: this.cfg.temperature ?? DEFAULT_TEMPERATURE,
        maxTokens: localAnswerCap(this.cfg.max_tokens, request.max_tokens),
      },
      signal,
    );
  }
}
