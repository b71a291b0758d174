// A `local` model's embeddings for memory relevance (llm/embeddings.ts): `embeddings: { model }`
// names a .gguf file (an embedding model, or the chat model itself), run in-process on a worker
// thread of its own (localEngine.ts, purpose `embeddings`) beside the chat model's. Checked when
// the run's models are built, so a missing or foreign file stops the run before it starts.
import * as path from 'node:path';
import type { ModelConfig } from '../../format';
import type { CallFault, ChatIdentity } from '../chat';
import type { EmbeddingClient } from '../embeddings';
import { localEngine, type LocalEngine } from './localEngine';
import { checkModelFile, modelPath } from './modelFile';
import { RuntimeMissingError, findRuntime } from './runtime';
import { runSettings } from './settings';

/** The embedding model's file: `embeddings.model` relative to the scenario, as `model:` is. */
export function embeddingsPath(cfg: ModelConfig): string {
  if (!cfg.embeddings) throw new Error(`model '${cfg.name}' has no embeddings model`);
  return modelPath({ name: `${cfg.name}'s embeddings`, model: cfg.embeddings.model, source: cfg.source });
}

/** Filed under the file's name (as the chat model's answers are, localChatClient.ts localIdentity). */
export function localEmbeddingIdentity(cfg: ModelConfig, file = embeddingsPath(cfg)): ChatIdentity {
  return { provider: 'local', model: path.basename(file) };
}

export class LocalEmbeddingClient implements EmbeddingClient {
  readonly identity: ChatIdentity;
  private readonly engine: LocalEngine;

  constructor(cfg: ModelConfig) {
    const file = embeddingsPath(cfg);
    checkModelFile(file, { chat: false, field: 'embeddings.model:' });
    const runtime = findRuntime();
    if (!runtime) throw new RuntimeMissingError(cfg.name);
    this.identity = localEmbeddingIdentity(cfg, file);
    const { contextSize, threads, batchSize } = runSettings(cfg);
    this.engine = localEngine({
      file,
      runtime,
      contextSize,
      threads,
      batchSize,
      sequences: 1,
      reusePrefix: false,
      purpose: 'embeddings',
    });
  }

  async embed(
    texts: string[],
    signal?: AbortSignal,
  ): Promise<{ vectors: number[][]; tokens: number; faults: CallFault[] }> {
    const { vectors, tokens, cut } = await this.engine.embed(texts, signal);
    // Not silent: a text longer than the embedding context was ranked by its start only.
    const faults: CallFault[] = cut
      ? [
          {
            attempt: 1,
            reason: 'bad_response',
            message: `${cut} of ${texts.length} texts were longer than the embedding context; their start was embedded`,
            note: true,
          },
        ]
      : [];
    return { vectors, tokens, faults };
  }
}
