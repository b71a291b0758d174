// Where a `local` model's runtime lives and how the model is run when the scenario says nothing.
// node-llama-cpp is not a dependency of the extension: its prebuilt binaries are one package per
// platform (and GPU builds of hundreds of MB), so the .vsix would carry every one of them or break
// somewhere. It is installed on demand into a cache folder outside the repository by
// scripts/local-model.mjs (pinned version, CPU build only), next to the models it fetches.
import * as os from 'node:os';
import * as path from 'node:path';
import type { LocalSettings, ModelConfig } from '../../format';
import { societyCache } from '../../files/cacheFolder';

/** The node-llama-cpp version the install script pins and this code was written against. */
export const NODE_LLAMA_CPP_VERSION = '3.21.1';

export { societyCache, defaultCache, rememberedCacheNote } from '../../files/cacheFolder';

/** The folder node-llama-cpp is installed under (its node_modules is inside). */
export function runtimeFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(societyCache(env), `node-llama-cpp-${NODE_LLAMA_CPP_VERSION}`);
}

export interface RunSettings {
  contextSize: number;
  threads: number;
  batchSize: number;
  sequences: number;
  reusePrefix: boolean;
}

/**
 * The config's `local:` settings with their defaults: 2048 tokens, half the cores up to 4, batches
 * of 128 tokens, one sequence. The batch is also the step a kept prompt prefix is cut back to
 * (promptSlot.ts): 128 loses little reuse and evaluated as fast as 512 on the CI machines.
 */
export function runSettings(cfg: Pick<ModelConfig, 'local'>): RunSettings {
  const s: LocalSettings = cfg.local ?? {};
  return {
    contextSize: s.context_size ?? 2048,
    // Half the cores: llama.cpp's threads spin at each step's barrier, and one preempted thread
    // stalls the rest (on 2 busy cores, 2 threads ran 5 to 10 times slower than 1).
    threads: s.threads ?? Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2))),
    batchSize: s.batch_size ?? 128,
    sequences: s.sequences ?? 1,
    reusePrefix: s.reuse_prefix ?? true,
  };
}

/** Tokens an answer may take when the config gives no `max_tokens` (more where the kind needs it). */
export const DEFAULT_ANSWER_TOKENS = 256;

/**
 * The `max_tokens` a local call is given: the config's, else the default or the request's cap
 * where that is larger (answerBudget.ts: a reflection's, and a survey's or judge's, which grow
 * with their items), as an endpoint is sent. A 20-item survey no longer runs out at 256 (issue 86).
 */
export function localAnswerCap(configured: number | undefined, requestCap: number | undefined): number {
  return configured ?? Math.max(DEFAULT_ANSWER_TOKENS, requestCap ?? 0);
}

/** Sampling temperature when the config gives none. */
export const DEFAULT_TEMPERATURE = 0.7;
