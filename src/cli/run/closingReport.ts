// What `society run` prints when a run ends: the summary table (or JSON), spending, HTTP requests
// and embedding calls, and the exit code its faults call for (3: no model answer at all).
import * as path from 'node:path';
import type { Checkpoint } from '../../core/engine';
import {
  applying,
  formatSummary,
  summarizeRun,
  closingState,
  closingStateRows,
  type RunSeries,
  formatOverTime,
} from '../../core/analysis';
import { type Scenario, formsTies, tieSources, coverageLine, scenarioCoverage } from '../../core/format';
import { unpricedModels } from '../../core/llm/usage';
import { counted } from '../../core/text/counted';
import { printable } from '../../core/text/printable';
import type { RunHarness } from '../../core/run/runHarness';

export interface ClosingFacts {
  scenario: Scenario;
  harness: RunHarness;
  tracePath: string;
  /** HTTP requests behind the calls (retries and re-asks included, cached answers not). */
  httpRequests: number;
  resumedFrom?: Checkpoint;
  /** The run's declared outcomes (experiments' names) and its series over rounds (runTally.ts). */
  outcomes: { state?: Record<string, number | null>; series: RunSeries };
  json?: boolean;
  quiet?: boolean;
}

/** Prints the run's closing report; returns the exit code. */
export function closingReport(f: ClosingFacts): number {
  const { harness, scenario, tracePath, resumedFrom: cp } = f;
  const sim = harness.sim;
  // The last checkpoint is written and the memories are in the trace: the summary's graphs may have their room.
  sim.forgetMemories();
  const summary = summarizeRun(sim, harness.rewards);
  const state = closingState(sim);
  // Tie rows only for a society that forms ties by design or did form some (a module's).
  const ties = formsTies(tieSources(scenario)) || summary.ties > 0;
  const rewards = harness.rewards.count > 0;
  const usage = sim.world.usage;
  // Embedding calls are not part of the trace's usage (which texts one call embedded depends on
  // how the stage's retrievals interleaved); they are reported here.
  const embeddings = harness.models.embeddingUsage();
  // Census populations: how close the synthesised agents came to the tables (docs/populations.md).
  const census = scenarioCoverage(scenario, sim.seed);
  if (f.json) {
    console.log(
      JSON.stringify(
        {
          trace: tracePath,
          rounds: sim.rounds,
          summary,
          ...(f.outcomes.state ? { state: f.outcomes.state } : {}),
          // As the report's series.csv: only the columns the world has (no mean_reward without rewards).
          series: { ...f.outcomes.series, metrics: applying(f.outcomes.series.metrics, { ties, rewards }) },
          usage: usage.toJSON(),
          ...(f.httpRequests ? { http_requests: f.httpRequests } : {}),
          ...(embeddings.requests || embeddings.failed || embeddings.faults.length ? { embeddings } : {}),
          ...(census.length ? { population: census.map((c) => ({ group: c.group.group, ...c.coverage })) } : {}),
        },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `${printable(scenario.name)}: ${counted(sim.rounds, 'round')}, seed ${sim.seed} → ${path.relative(process.cwd(), tracePath) || tracePath}`,
    );
    console.log(formatSummary(summary, { ties, rewards, state: state && closingStateRows(sim, state) }));
    const integer = (name: string): boolean =>
      name.startsWith('world.') && sim.world.state?.worldQuantities.get(name.slice(6))?.integer === true;
    for (const line of formatOverTime(f.outcomes.series, { ties, integer })) console.log(line);
    for (const c of census) console.log(`  census ${coverageLine(c.group, c.coverage)}`);
    if (usage.spent) console.log(usage.format(unpricedModels(scenario)));
    if (f.httpRequests) {
      console.log(
        `  HTTP requests: ${f.httpRequests} (a call is one request; retries are requests too${cp ? '; this session only' : ''})`,
      );
    }
    if (embeddings.requests || embeddings.failed) {
      console.log(
        `  memory relevance by embeddings: ${embeddings.requests} request(s), ${embeddings.tokens} tokens, ${embeddings.cost_usd === undefined ? 'unpriced (no price known for the embedding model)' : `$${embeddings.cost_usd.toFixed(4)}`}${embeddings.failed ? `; ${embeddings.failed} failed (lexical relevance instead)` : ''}${cp ? ' (this session; the run before --resume is not counted)' : ''}`,
      );
    }
    // Faults an embeddings call got past are not in the trace (which retrieval met them depends on timing): said here.
    const ef = embeddings.faults;
    if (ef.length && !f.quiet) {
      console.error(
        `warning: embeddings calls got past ${counted(ef.length, 'fault')}: ${ef.map((x) => `${x.reason}${x.status ? ` ${x.status}` : ''}`).join(', ')} (last: ${ef[ef.length - 1].message})`,
      );
    }
    if (cp && !cp.reward_tally) {
      console.log('  (reward means cover the resumed part of the run only: the checkpoint predates reward tallies)');
    }
  }
  const faultText = harness.faults.describe();
  // Every decision failed (a wrong key, a dead endpoint): the trace is whole but says nothing of
  // the scenario's model, so a batch script must not take it for a result.
  if (harness.faults.nothingAnswered) {
    console.error(`error: ${faultText}`);
    return 3;
  }
  if (faultText && !f.quiet) console.error(`${harness.faults.failed ? 'warning: ' : ''}${faultText}`);
  return 0;
}
