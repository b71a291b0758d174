// `society experiment <scenario>`: run the scenario's `experiment:` block (conditions × seeds) and
// write experiment.html, summary.csv, runs.csv and experiment.json.
import * as path from 'node:path';
import { command, type Command } from '../command';
import type { OptionRow } from '../optionRows';
import type { Scenario } from '../../core/format';
import { integerOption, loadRunnableScenario, lockOutputFolder, onePositional, outputFolder } from '../options';
import {
  ExperimentCancelled,
  formatExperiment,
  partialText,
  planExperiment,
  roundsByCondition,
  runExperiment,
  type ExperimentRun,
  type ExperimentProgress,
  describeRunFaults,
  runsWithoutAnswers,
  unknownReference,
  estimateExperiment,
  experimentCostReason,
  parseShard,
  EXPERIMENT_FILES,
  SHARD_FILE,
} from '../../core/experiment';
import { counted } from '../../core/text/counted';
import { printable } from '../../core/text/printable';
import { MIN_SEED } from '../../core/random/rng';
import { missingExperimentKey } from '../experimentKeys';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { maxCostOption } from '../maxCost';
import { SpendMeter } from '../../core/llm/spendMeter';
import { COST_LIMIT_EXIT } from '../run/runToEnd';
import { InterruptPresses } from '../interruptPresses';
import { integerListOption } from '../integerList';
import { EndpointDownError } from '../../core/llm/limits/endpointHealth';
import { experimentMergeCommand, MERGE_USAGE, sayShard } from './experimentMerge';
import { mayStartOver, recordPresent, removeOurs } from '../ownFiles';
import { sayToolProgress } from '../toolProgress';

/** EndpointDownError's message, as a worker thread passes it on. */
const ENDPOINT_DOWN = /connections in a row and has not answered once/;

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<scenario>', 'a scenario with an experiment: block (conditions; without one, the scenario as it is)'],
  ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
  [
    '--root DIR',
    "folder includes may not leave (default: the repository's top folder, else the working directory when it holds the file)",
  ],
  [
    '--out DIR',
    'folder for experiment.html, summary.csv, runs.csv, experiment.json and the traces (default: runs/<file>-experiment)',
  ],
  [
    '--seeds 1,2,5-7',
    "seeds to run each condition with: integers and inclusive ranges, comma-separated (1-20 is 20 seeds; default: the experiment's seeds, else 1-5)",
  ],
  ['--rounds N', "rounds of every run (default: each condition's world.rounds, else the scenario's)"],
  [
    '--jobs N',
    "runs at once, on worker threads (default: one per core for the offline model, else 1; workers share an LLM endpoint's concurrency, rpm and tpm)",
  ],
  [
    '--shard i/n',
    'run only part i of n of the conditions × seeds (run k is in part (k mod n) + 1) and write shard.json, not the report; give every part the same --seeds and --rounds',
  ],
  [
    'merge <shard folder>...',
    'instead of a scenario: check the shard folders are the parts 1..n of one experiment and write its report files (as one run would) and traces into --out DIR',
  ],
  ['--reference NAME', 'the condition the others are compared with (default: the first)'],
  ['--no-traces', "don't keep each run's trace (nor its prompt book)"],
  [
    '--no-prompts',
    "don't keep <out>/prompts/, each run's book of its model calls' messages, schema, raw answer and parse result (kept for runs that call a model)",
  ],
  [
    '--overwrite',
    'replace the experiment (or shard) --out holds, and files of the same names a user put there (without it, both are kept; cache/ is kept and reused)',
  ],
  ['--allow-module', "run the scenario's `module:` (JavaScript with your rights: only for a scenario you trust)"],
  ALLOW_KEY_ROW,
  [
    '--max-cost USD',
    "refuse to start when the experiment's estimate is above USD, and make no model call once the calls so far (their reported tokens, at the model's price) and those under way reach it, in any run or worker: the runs under way stop unfinished and the experiment is partial (exit 4; the cache keeps every answer for a rerun) (default: $SOCIETY_COST_LIMIT, else no limit)",
  ],
  ['--json', 'print the claims, summaries and contrasts as JSON'],
  ['-q, --quiet', 'no progress bar'],
] as const satisfies readonly OptionRow[];

export const experimentCommand: Command = command({
  name: 'experiment',
  usage: `experiment <scenario> [--scenario NAME] [--root DIR] [--out DIR] [--seeds 1,2,5-7] [--rounds N] [--jobs N] [--shard i/n] [--reference NAME] [--no-traces] [--no-prompts] [--overwrite] [--allow-module] [--allow-key VAR@HOST[:PORT]]... [--max-cost USD] [--json] [-q]\n       society ${MERGE_USAGE}`,
  summary: "Run conditions × seeds and report means, 95% CIs, effect sizes and the paper's claims",
  options: OPTIONS,
  subcommands: [experimentMergeCommand],
  async run({ values, positionals }) {
    if (!grantKeys('experiment', values['allow-key'])) return 2;
    const scenarioArg = onePositional('experiment', experimentCommand.usage, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    const seeds = integerListOption('seeds', values.seeds, MIN_SEED);
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (typeof shard === 'string') {
      console.error(`society experiment: ${printable(shard)}`);
      return 2;
    }
    const file = path.resolve(scenarioArg);
    const scenario = await loadRunnableScenario(file, 'experiment', values.scenario, values.quiet, values.root);
    if (!scenario) return 1;
    const { conditions } = planExperiment(scenario);
    const badReference = unknownReference(conditions, values.reference);
    if (badReference) {
      console.error(`society experiment: ${printable(badReference)}`);
      return 2;
    }
    const missingKey = missingExperimentKey(scenario, conditions);
    if (missingKey) {
      console.error(`society experiment: ${printable(missingKey)}`);
      return 1;
    }
    const rounds = integerOption('rounds', values.rounds, 1);
    const askedJobs = integerOption('jobs', values.jobs, 1);
    const maxCost = maxCostOption('experiment', values['max-cost']);
    if (maxCost === false) return 2;
    // Every condition estimated as it runs (experimentCost.ts), before anything is made or sent.
    const overEstimate =
      maxCost !== undefined
        ? experimentCostReason(estimateExperiment(scenario, { rounds, ...(seeds ? { seeds } : {}) }), maxCost)
        : undefined;
    if (overEstimate) {
      console.error(`society experiment: ${overEstimate} Nothing was run; raise --max-cost, or fewer --seeds.`);
      return 1;
    }
    if (rounds !== undefined && !values.quiet) noteRoundsOverride(scenario, conditions, rounds);
    const outDir = path.resolve(values.out ?? path.join('runs', `${path.basename(file, '.society')}-experiment`));
    const folder = claimOutFolder(outDir, values.overwrite === true);
    if (!folder) return 1;
    const { made, lock } = folder;
    const stops = listenForStops(values.quiet);
    // The spending, metered before every call of every run (llm/spendMeter.ts): past the limit no call is made.
    const meter = maxCost !== undefined ? SpendMeter.create(maxCost) : undefined;
    const tty = !values.quiet && process.stderr.isTTY === true;
    const say = (run: ExperimentRun): number => {
      keepOwn(outDir, run.files);
      return shard
        ? sayShard(run, scenario.name, shard, values)
        : sayExperiment(run, scenario.name, { json: values.json, quiet: values.quiet, askedJobs, meter });
    };
    try {
      const run = await runExperiment(scenario, {
        outDir,
        allowModule: values['allow-module'] === true,
        seeds,
        rounds,
        jobs: askedJobs,
        reference: values.reference,
        shard,
        traces: !values['no-traces'],
        prompts: !values['no-prompts'],
        signal: stops.stopNow.signal,
        stopStarting: stops.stopStarting.signal,
        onProgress: withToolProgress(tty ? progressBar(Date.now()) : undefined),
        ...(meter ? { meter } : {}),
      });
      if (tty) process.stderr.write('\n');
      return say(run);
    } catch (err) {
      // An endpoint never reached (in this thread, or a worker's, which passes only the message): exit 3, no model answer.
      if (err instanceof EndpointDownError || (err instanceof Error && ENDPOINT_DOWN.test(err.message))) {
        if (tty) process.stderr.write('\n');
        console.error(`society experiment: ${err.message}`);
        return 3;
      }
      if (!(err instanceof ExperimentCancelled)) throw err;
      if (tty) process.stderr.write('\n');
      say(err.run);
      if (meter?.reached && !stops.signal) {
        console.error(
          `society experiment: stopped: ${meter.reason()}; ${partialText(err.run.partial)}. Run it again with a higher --max-cost (and --overwrite): the cache answers the finished runs at no cost${meter.cutOffNote()}`,
        );
        return COST_LIMIT_EXIT;
      }
      // Said last, so the terminal (and a batch log) ends with it.
      console.error(
        `${stops.signal ? `stopped by ${stops.signal}; ` : ''}${partialText(err.run.partial)}: ${shard ? 'shard.json holds only those, and merge refuses it until the shard is run again (--overwrite)' : 'the report, summary.csv, runs.csv and experiment.json cover only those'}`,
      );
      return stops.signal === 'SIGTERM' ? 143 : stops.signal === 'SIGHUP' ? 129 : 130;
    } finally {
      stops.dispose();
      lock.release();
      made.removeEmpty();
    }
  },
});

/**
 * Makes, locks and clears `outDir` for an experiment, or says why not (undefined). A folder made
 * here goes again if the experiment fails before writing anything (no API key).
 */
function claimOutFolder(
  outDir: string,
  overwrite: boolean,
):
  | { made: NonNullable<ReturnType<typeof outputFolder>>; lock: NonNullable<ReturnType<typeof lockOutputFolder>> }
  | undefined {
  const made = outputFolder(outDir, 'experiment');
  if (!made) return undefined;
  const lock = lockOutputFolder(outDir, 'experiment');
  if (!lock) {
    made.removeEmpty();
    return undefined;
  }
  if (!mayStartOver('experiment', outDir, EXPERIMENT_OUTPUTS, overwrite, 'an experiment')) {
    lock.release();
    made.removeEmpty();
    return undefined;
  }
  return { made, lock };
}

/** What an experiment leaves in its folder, whole or sharded: a folder holding any of them holds an experiment. */
const EXPERIMENT_OUTPUTS: readonly string[] = [...Object.values(EXPERIMENT_FILES), SHARD_FILE];

/**
 * The files the experiment wrote are ours (listed in the folder's manifest); an earlier one's it
 * did not write again (experiment.html beside a shard's shard.json) go, as `run --overwrite`'s do.
 */
function keepOwn(outDir: string, files: readonly string[]): void {
  const wrote = files.map((f) => path.basename(f));
  recordPresent(outDir, wrote);
  removeOurs(
    outDir,
    EXPERIMENT_OUTPUTS.filter((name) => !wrote.includes(name)),
  );
}

/** --rounds sets every run's length: say so where a condition set its own. */
function noteRoundsOverride(
  scenario: Scenario,
  conditions: readonly { name: string; set: Record<string, unknown> }[],
  rounds: number,
): void {
  // --rounds sets every run's length: say so where a condition set its own.
  const own = [...roundsByCondition(scenario, conditions)].filter(
    ([, n]) => n !== scenario.world.rounds && n !== rounds,
  );
  if (own.length) {
    console.error(
      `note: --rounds ${rounds} replaces the run length the conditions set (${own.map(([name, n]) => `${printable(name)}: ${n}`).join(', ')})`,
    );
  }
}

interface Stops {
  /** Aborted by the first Ctrl-C: start no more runs. */
  stopStarting: AbortController;
  /** Aborted by a second Ctrl-C, SIGTERM or SIGHUP: stop the runs under way. */
  stopNow: AbortController;
  /** The signal that stopped the experiment at once, if one did (it sets the exit code). */
  readonly signal: 'SIGTERM' | 'SIGHUP' | undefined;
  dispose(): void;
}

/**
 * Ctrl-C once: start no more runs, let those under way finish, and report the finished ones as a
 * partial experiment. Twice, or SIGTERM and SIGHUP (whoever sends them will not wait): stop the
 * runs under way at once; the finished ones are reported all the same.
 */
function listenForStops(quiet: boolean | undefined): Stops {
  const stopStarting = new AbortController();
  const stopNow = new AbortController();
  let signal: 'SIGTERM' | 'SIGHUP' | undefined;
  const presses = new InterruptPresses();
  const onSigint = (): void => {
    const meaning = presses.press(performance.now());
    if (meaning === 'same-press') return;
    if (meaning === 'stop-now') {
      stopNow.abort();
      return;
    }
    stopStarting.abort();
    if (!quiet) {
      console.error('\nstopping: no more runs start, the runs under way finish (Ctrl-C again to stop them at once)');
    }
  };
  const onSigterm = (): void => {
    signal = 'SIGTERM';
    stopNow.abort();
  };
  const onSighup = (): void => {
    signal = 'SIGHUP';
    stopNow.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);
  return {
    stopStarting,
    stopNow,
    get signal() {
      return signal;
    },
    dispose() {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      process.off('SIGHUP', onSighup);
    },
  };
}

/** The terminal's bar (if any), and a progress line for a tool's host as each run ends. */
function withToolProgress(bar?: (p: ExperimentProgress) => void): (p: ExperimentProgress) => void {
  let said = -1;
  return (p) => {
    bar?.(p);
    if (p.done === said) return;
    said = p.done;
    sayToolProgress({ done: p.done, total: p.total, of: 'runs' });
  };
}

/** The terminal's progress line: runs and rounds done, and an estimate of the time left. */
function progressBar(started: number): (p: ExperimentProgress) => void {
  return (p) => {
    const frac = p.roundsTotal ? p.roundsDone / p.roundsTotal : 0;
    const elapsed = (Date.now() - started) / 1000;
    const eta = frac > 0 ? elapsed / frac - elapsed : 0;
    const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
    process.stderr.write(
      `\r${bar} runs ${p.done}/${p.total}  rounds ${p.roundsDone}/${p.roundsTotal}  ETA ${eta.toFixed(0)} s   `,
    );
  };
}

/** Prints what an experiment found, whole or partial; gives the exit code of a whole one. */
function sayExperiment(
  run: ExperimentRun,
  name: string,
  o: { json?: boolean; quiet?: boolean; askedJobs?: number; meter?: SpendMeter },
): number {
  const r = run.result;
  const runs = run.partial
    ? `${run.partial.finished} of ${counted(run.partial.planned, 'run')}`
    : counted(r.runs.length, 'run');
  if (o.json) {
    const planned = run.partial?.planned ?? r.runs.length;
    console.log(
      JSON.stringify(
        {
          partial: !!run.partial,
          runs_planned: planned,
          runs_finished: r.runs.length,
          // What the calls cost as metered (the tokens reported, at the billed price), and the limit.
          ...(o.meter ? { spent_usd: Number(o.meter.spentUsd.toFixed(6)), cost_limit_usd: o.meter.limitUsd } : {}),
          // Calls a stop cut off under way: billed perhaps, reported by nobody (spendMeter.ts).
          ...(o.meter?.cutOff ? { cut_off_calls: o.meter.cutOff } : {}),
          claims: r.claims,
          summaries: r.summaries,
          contrasts: r.contrasts,
          baselines: r.baselines,
          files: run.files,
        },
        null,
        2,
      ),
    );
  } else {
    if (o.askedJobs !== undefined && run.jobs < o.askedJobs && !o.quiet) {
      const why = run.fewerJobs === 'runs' ? `one per run` : `the workers share each model endpoint's concurrency`;
      console.error(`note: ran on ${counted(run.jobs, 'worker')}, not ${o.askedJobs}: ${why}`);
    }
    console.log(
      `${printable(name)}: ${runs} (${counted(r.conditions.length, 'condition')} × ${counted(r.seeds.length, 'seed')}) in ${run.wallSeconds.toFixed(1)} s on ${counted(run.jobs, 'worker')}`,
    );
    // With no finished run the table would be all dashes.
    if (r.runs.length) console.log(printable(formatExperiment(r)));
    console.log(`\nreport: ${path.relative(process.cwd(), run.files[0])}`);
  }
  // Failed model calls are said after the results, so a batch log ends with them; a run that got
  // no model answer at all makes the experiment a failure for scripts (as `society run` does).
  const faults = describeRunFaults(r.runs);
  const dead = runsWithoutAnswers(r.runs);
  if (faults) console.error(`${dead ? 'error' : 'warning'}: ${printable(faults)}`);
  return dead ? 3 : 0;
}
