// A shipped example cut to a few agents and rounds and run on a local GGUF model: the real-model
// test stage (test/model) and its benchmark (bench/localModel.ts) run the same cuts.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadScenarioFile } from '../../src/core/format/project/load';
import type { LocalSettings, ModelConfig, Scenario } from '../../src/core/format/model/model';
import type { CallRecord } from '../../src/core/llm/callRecord';
import { ModelRegistry } from '../../src/core/llm/registry';
import { localFigures, type LocalFigures } from '../../src/core/llm/local/localEngine';
import { societyCache } from '../../src/core/llm/local/settings';
import { runToText } from './runToText';

/** SmolLM2-135M-Instruct, as scripts/local-model.mjs puts it in the cache. */
export const SMOLLM2 = path.join(societyCache(), 'models', 'SmolLM2-135M-Instruct.Q4_1.gguf');
const examples = path.resolve(__dirname, '../../examples');

/**
 * The local model config of the stage. One thread a sequence: the trace is the same only on the
 * same thread count, and on 2 shared cores single-thread sequences never wait for each other at a
 * step's barrier (settings.ts); two sequences in flight use both cores, four held keep each agent's
 * last prompt for the next call that starts the same way.
 */
export function localModel(local: LocalSettings = {}, file = SMOLLM2): ModelConfig {
  const sequences = local.sequences ?? 4;
  return {
    name: 'default',
    provider: 'local',
    model: file,
    seed: 11,
    temperature: 0.7,
    // Short answers: a 135M model's long ones are rambling, and they are what costs the time.
    max_tokens: 64,
    concurrency: Math.min(2, sequences),
    timeout_ms: 120_000,
    retries: 1,
    on_error: 'skip',
    local: { context_size: 2048, threads: 1, batch_size: 128, sequences, ...local },
  };
}

/** An example, cut to `agents` agents and `rounds` rounds, every model `model`. */
export async function cutExample(
  file: string,
  agents: number,
  rounds: number,
  model: ModelConfig,
  edit?: (s: Scenario) => void,
): Promise<Scenario> {
  const { scenario, diagnostics } = await loadScenarioFile(path.join(examples, file));
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  const s: Scenario = {
    ...scenario,
    personas: scenario.personas.slice(0, agents),
    population: scenario.population.map((g) => ({ ...g, count: agents })),
    world: { ...scenario.world, rounds },
    models: { default: model },
  };
  delete s.surveys;
  delete s.experiment;
  edit?.(s);
  return s;
}

/** The friends loop as the stage runs it: one one-turn conversation a day, no coach. */
export function friendsCut(s: Scenario): void {
  s.world = { ...s.world, encounters: { ...s.world.encounters, per_round: 1 }, conversation: { turns: 1 } };
  s.coaching = { ...s.coaching, enabled: false };
}

export interface LocalRun {
  trace: string;
  lines: Record<string, any>[];
  calls: CallRecord[];
  seconds: number;
  /** The engine's figures over this run: prompt tokens reused from a sequence, time in the worker. */
  figures: LocalFigures;
  /** What memory relevance by embeddings cost (none without `embeddings:`). */
  embeddings: ReturnType<ModelRegistry['embeddingUsage']>;
}

export async function runLocal(s: Scenario): Promise<LocalRun> {
  const calls: CallRecord[] = [];
  const registry = new ModelRegistry(s, { onCall: (r) => calls.push(r) });
  const before = localFigures();
  const t0 = performance.now();
  const { trace } = await runToText(s, {
    modelFactory: registry.factory,
    relevance: registry.memoryRelevance,
    calls: registry.calls,
  });
  const seconds = (performance.now() - t0) / 1000;
  const lines = trace
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
  const after = localFigures();
  const figures = { ...after };
  for (const k of Object.keys(figures) as (keyof LocalFigures)[]) figures[k] -= before[k];
  return { trace, lines, calls, seconds, figures, embeddings: registry.embeddingUsage() };
}
