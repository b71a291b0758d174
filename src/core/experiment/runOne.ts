// Runs one condition × seed in this thread and reduces it to a RunOutcome. Optionally writes the
// run's trace, so any single run of an experiment can be opened and inspected later.
import type { Scenario } from '../format/model';
import type { RoundStats } from '../trace/events';
import { Simulation } from '../engine/simulation';
import { RewardTally } from '../analysis/runSummary';
import { TraceWriter } from '../trace/writer';
import { FaultTally } from '../trace/faultTally';
import { ModelRegistry, type ModelOptions } from '../llm/registry';
import { withOverrides } from './overrides';
import { runOutcome, type RunOutcome } from './outcome';

export interface RunOneOptions {
  rounds?: number;
  /** Write the trace here (JSONL). */
  tracePath?: string;
  /** Response cache for LLM models (shared by all runs of an experiment: same prompt, same answer). */
  cacheDir?: string;
  /** Runs calling the same endpoints at once (worker threads): each takes its part of their limits. */
  share?: number;
  signal?: AbortSignal;
  onRound?: (round: number, of: number) => void;
  /** Keys and VS Code language models for this run (the editor's); default: keys from the environment. */
  models?: Pick<ModelOptions, 'secrets' | 'chatClientFactory'>;
}

export async function runOne(scenario: Scenario, condition: { name: string; set: Record<string, unknown> }, seed: number, opts: RunOneOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  const conditioned = withOverrides(scenario, condition.set);
  // LLM models go through the provider layer (limits, retries, cache); keys from the environment unless given.
  const registry = new ModelRegistry(conditioned, { ...opts.models, rounds: opts.rounds, seed, cacheDir: opts.cacheDir, share: opts.share });
  const sim = Simulation.create(conditioned, { seed, rounds: opts.rounds, modelFactory: registry.factory, relevance: registry.memoryRelevance, calls: registry.calls });
  const tally = new RewardTally();
  sim.on(tally.listener);
  const faults = new FaultTally();
  sim.on(faults.listener);
  const rounds: { round: number; stats: RoundStats }[] = [];
  sim.on((e) => { if (e.type === 'round_end' && e.round > 0) rounds.push({ round: e.round, stats: e.stats }); });
  let writer: TraceWriter | undefined;
  if (opts.tracePath) {
    writer = TraceWriter.toFile(opts.tracePath);
    writer.header(sim.header);
    sim.on(writer.listener);
  }
  sim.afterRound = async (round) => {
    await writer?.flush();
    opts.onRound?.(round, sim.rounds);
  };
  try {
    const result = await sim.run(opts.signal);
    if (result.status !== 'completed') throw new Error('aborted');
  } finally {
    await writer?.close();
  }
  const w = sim.world;
  return runOutcome(condition.name, seed, {
    agents: [...w.agents.values()].map((a) => ({ id: a.id, ...(a.persona.group ? { group: a.persona.group } : {}) })),
    ties: w.ties.existing(w.settings.ties.threshold),
    threshold: w.settings.ties.threshold,
    rewardMeans: tally.means(),
    rewardTotal: tally.meanTotal(),
    rounds,
    usage: { ...w.totalUsage },
    faults: { failed_calls: faults.failed, no_model_answer: faults.nothingAnswered },
  }, performance.now() - started);
}
