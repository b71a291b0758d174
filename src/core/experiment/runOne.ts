// Runs one condition × seed in this thread and reduces it to a RunOutcome. Optionally writes the
// run's trace, so any single run of an experiment can be opened and inspected later.
import { DecisionTally } from '../trace/decisionTally';
import { madeBy } from './madeBy';
import { type Scenario, wantedTimeOutcomes } from '../format';
import { RunHarness } from '../run/runHarness';
import type { ModelOptions } from '../llm/registry';
import { withOverrides } from './overrides';
import { declaredOutcomes, RunTally, SurveyTally, JudgesCollector } from '../analysis';
import { runOutcome, type RunOutcome } from './outcome';
import { runInstruments } from './runInstruments';
import { openPromptBook } from '../llm/promptBookOpen';
import type { PromptBook } from '../llm/promptBook';

export interface RunOneOptions {
  rounds?: number;
  /** Write the trace here (JSONL). */
  tracePath?: string;
  /** Keep every model call in this prompt book (core/llm/promptBook.ts), if the run calls a model. */
  promptsPath?: string;
  /** Response cache for LLM models (shared by all runs of an experiment: same prompt, same answer). */
  cacheDir?: string;
  /** Runs calling the same endpoints at once (worker threads): each takes its part of their limits. */
  share?: number;
  /** The scenario's `module:` may run. */
  allowModule?: boolean;
  signal?: AbortSignal;
  onRound?: (round: number, of: number) => void;
  /**
   * Keys, where the user let them go, and VS Code language models for this run (the editor's);
   * default: keys and SOCIETY_ALLOW_KEYS from the environment.
   */
  models?: Pick<ModelOptions, 'secrets' | 'allowKeys' | 'chatClientFactory' | 'meter'>;
}

export async function runOne(
  scenario: Scenario,
  condition: { name: string; set: Record<string, unknown> },
  seed: number,
  opts: RunOneOptions = {},
): Promise<RunOutcome> {
  const conditioned = withOverrides(scenario, condition.set);
  const book = opts.promptsPath ? openPromptBook(opts.promptsPath, conditioned, { keep: true }) : undefined;
  try {
    return await runOpened(conditioned, condition, seed, opts, book);
  } finally {
    book?.close();
  }
}

async function runOpened(
  conditioned: Scenario,
  condition: { name: string },
  seed: number,
  opts: RunOneOptions,
  book: PromptBook | undefined,
): Promise<RunOutcome> {
  const started = performance.now();
  const harness = RunHarness.open(conditioned, {
    simulation: { seed, rounds: opts.rounds, allowModule: opts.allowModule },
    // LLM models go through the provider layer (limits, retries, cache); keys from the environment unless given.
    models: {
      ...opts.models,
      cacheDir: opts.cacheDir,
      share: opts.share,
      ...(book ? { onPrompt: book.listener } : {}),
    },
    // No per-round index: traces/ holds one `.jsonl` per run (renamed from `.part`, linked by
    // `experiment merge`); a reader scans an experiment's trace for its round starts. One thread:
    // an experiment's runs already take a core each (--jobs).
    ...(opts.tracePath ? { trace: { path: opts.tracePath, index: false, threads: 1 } } : {}),
    onRoundEnd: opts.onRound,
  });
  // The declared outcomes and the series over rounds, from the run's events as they happen.
  const tally = new RunTally(harness.header, declaredOutcomes(conditioned));
  harness.sim.on((e) => tally.add(e));
  // Surveys and judges, folded as the run's report folds them.
  const surveys = new SurveyTally();
  const judges = new JudgesCollector();
  harness.sim.on((e) => {
    surveys.add(e);
    judges.add(e);
  });
  const decisions = new DecisionTally();
  harness.sim.on(decisions.listener);
  const result = await harness.run(opts.signal);
  if (result.status !== 'completed') throw new Error('aborted');
  const w = harness.sim.world;
  const state = tally.state(w.round);
  const instruments = runInstruments(surveys.finish(w.round), judges.finish(w.round));
  const outcome = runOutcome(
    condition.name,
    seed,
    {
      agents: [...w.agents.values()].map((a) => ({ id: a.id, ...(a.persona.group ? { group: a.persona.group } : {}) })),
      ties: w.ties.existing(w.settings.ties.threshold),
      threshold: w.settings.ties.threshold,
      rewardMeans: harness.rewards.means(),
      rewardTotal: harness.rewards.meanTotal(),
      rounds: harness.rounds,
      usage: { ...w.totalUsage },
      faults: {
        failed_calls: harness.faults.failed,
        no_model_answer: harness.faults.nothingAnswered,
        ...(decisions.rows().length ? { decisions: decisions.rows() } : {}),
      },
      ...(state ? { state } : {}),
      series: tally.series(),
      timeOutcomes: wantedTimeOutcomes(conditioned.experiment),
    },
    performance.now() - started,
  );
  const made = { ...outcome, made_by: madeBy(harness.header) };
  return instruments ? { ...made, instruments } : made;
}
