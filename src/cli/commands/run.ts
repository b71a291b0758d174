// `society run <scenario>`: run a society headless, writing runs/<name>/trace.jsonl and
// checkpoints (every round for small societies, less often for large ones); Ctrl-C finishes the
// round, checkpoints and stops, and `--resume` continues to the same trace an uninterrupted run
// would have written. LLM models come from the provider layer (keys from the environment variable named by
// `api_key_env`); `--cache DIR` records every answer and `--replay` reruns from the cache alone.
import * as path from 'node:path';
import type { Command } from '../command';
import {
  integerOption,
  knownModel,
  loadScenario,
  lockOutputFolder,
  onePositional,
  outputFolder,
  parseCommandArgs,
  shown,
  wroteFiles,
  type LoadedScenario,
} from '../options';
import { checkpointModel } from '../../core/engine/checkpoint';
import { slug } from '../../core/format/language/slug';
import { printable } from '../../core/text/printable';
import { MIN_SEED } from '../../core/random/rng';
import { RunHarness } from '../../core/run/runHarness';
import { clearForFreshRun, CHECKPOINT_FILE, TRACE_FILE } from '../outFolder';
import { scenarioWarnings } from '../scenarioWarnings';
import { closingReport } from '../run/closingReport';
import { folderHoldsRun } from '../run/freshRun';
import { Progress } from '../run/progress';
import { resumeFrom } from '../run/resumeFrom';
import { announceModels, runModels } from '../run/runModels';
import { runToEnd, type RunValues } from '../run/runToEnd';
import { StopSignals } from '../run/stopSignals';

export const runCommand: Command = {
  name: 'run',
  usage:
    'run <scenario> [--scenario NAME] [--root DIR] [--rounds N] [--seed S] [--out DIR] [--model NAME] [--cache DIR] [--replay] [--resume | --overwrite] [--checkpoint-every N] [--json]',
  summary: 'Run a society headless and write its trace (JSONL) and checkpoints',
  options: [
    ['<scenario>', 'the scenario .society file'],
    ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
    [
      '--root DIR',
      "folder includes may not leave (default: the repository's top folder, else the working directory when it holds the file)",
    ],
    ['--rounds N', "rounds to run (default: the scenario's world.rounds)"],
    ['--seed S', "seed of every random stream (default: the scenario's seed)"],
    ['--out DIR', 'folder for trace.jsonl and checkpoint.json (default: runs/<scenario name>)'],
    [
      '--model NAME',
      "every agent and the coach use this model config of the scenario (default: each persona's model, else default; the coach: coaching.model)",
    ],
    ['--cache DIR', 'keep every model answer in DIR (content-addressed) and reuse it'],
    ['--replay', 'answer only from the cache (--cache, else <out>/cache): no network; a missing answer stops the run'],
    ['--resume', "continue the run in --out from its checkpoint; the trace is the uninterrupted run's"],
    [
      '--overwrite',
      'replace the run --out holds, finished or not, and the report files made from it (without it, that run is kept: resume it or choose another --out)',
    ],
    ['--checkpoint-every N', 'rounds between checkpoints (default: every round up to 200 agents, one more per 200)'],
    ['--json', 'print the closing summary as JSON'],
    ['-q, --quiet', "no progress bar, notes or the scenario's warnings on standard error"],
  ],
  async run(args) {
    const parsed = parseCommandArgs('run', runCommand.usage, args, {
      scenario: { type: 'string' },
      root: { type: 'string' },
      rounds: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string' },
      resume: { type: 'boolean' },
      overwrite: { type: 'boolean' },
      'checkpoint-every': { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      cache: { type: 'string' },
      replay: { type: 'boolean' },
    });
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (values.resume && values.overwrite) {
      console.error(
        `society run: --resume continues the run in --out, --overwrite starts it over: give one\nusage: society ${runCommand.usage}`,
      );
      return 2;
    }
    const scenarioArg = onePositional('run', runCommand.usage, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    const rounds = integerOption('rounds', values.rounds, 1);
    const seed = integerOption('seed', values.seed, MIN_SEED);
    const every = integerOption('checkpoint-every', values['checkpoint-every'], 1);
    const file = path.resolve(scenarioArg);
    const loaded = await loadScenario(file, 'run', values.scenario, values.quiet, values.root);
    if (!loaded) return 1;
    const { scenario } = loaded;
    if (!knownModel(scenario, values.model, 'run')) return 2;

    const out = path.resolve(values.out ?? path.join('runs', slug(scenario.name, 'run')));
    // A folder made here goes again if the run stops before its trace is begun (nothing to
    // resume, no API key, no cache to replay): a failed command leaves nothing behind.
    const made = outputFolder(out, 'run');
    if (!made) return 1;
    const lock = lockOutputFolder(out, 'run');
    if (!lock) {
      made.removeEmpty();
      return 1;
    }
    try {
      return await runInFolder({ values, file, loaded, out, rounds, seed, every });
    } finally {
      lock.release();
      made.removeEmpty();
    }
  },
};

interface RunRequest {
  values: RunValues;
  file: string;
  loaded: LoadedScenario;
  out: string;
  rounds?: number;
  seed?: number;
  every?: number;
}

/** The run in its locked --out folder: resume or start, run, report. Returns the exit code. */
async function runInFolder({ values, file, loaded, out, rounds, seed, every }: RunRequest): Promise<number> {
  const { scenario } = loaded;
  const tracePath = path.join(out, TRACE_FILE);
  const checkpointPath = path.join(out, CHECKPOINT_FILE);
  const resumed = values.resume
    ? resumeFrom({ out, tracePath, checkpointPath, loaded, seed, rounds, quiet: values.quiet })
    : undefined;
  if (typeof resumed === 'number') return resumed;
  if (!resumed && !values.overwrite && folderHoldsRun(out, checkpointPath)) return 1;
  const cp = resumed?.cp;
  // The model every agent gets: on resume the checkpoint's (a checkpoint from before it was
  // recorded: --model as given), so agents added after the resume get what they would have.
  const recorded = cp ? checkpointModel(cp) : undefined;
  if (recorded !== undefined && values.model !== undefined && values.model !== (recorded ?? undefined)) {
    console.error(
      `society run: --resume continues the run with its own model (from its checkpoint: ${recorded === null ? "each persona's model, no --model" : `--model ${recorded}`}): leave out --model`,
    );
    return 2;
  }
  const model = recorded !== undefined ? (recorded ?? undefined) : values.model;
  if (!values.quiet) {
    for (const line of scenarioWarnings(
      loaded.warnings,
      scenario,
      cp?.header.rounds ?? rounds ?? scenario.world.rounds,
    )) {
      console.error(line);
    }
  }
  const request = {
    scenario,
    out,
    model,
    cache: values.cache,
    replay: values.replay,
    rounds: cp?.header.rounds ?? rounds,
    seed: cp?.header.seed ?? seed,
  };
  const models = runModels(request);
  if (typeof models === 'number') return models;
  const { registry } = models;

  // Assembly: the harness opens the simulation (fresh or restored) and its trace, tallies, flushes
  // and checkpoints; the header names the scenario relative to the run folder, so the same command
  // gives the same bytes from any directory.
  const progress = new Progress(
    cp?.header.rounds ?? rounds ?? scenario.world.rounds,
    !values.quiet && process.stderr.isTTY === true,
  );
  let harness: RunHarness | undefined;
  const signals = new StopSignals(values.quiet === true, () => harness?.stoppedAtRoundEnd ?? false);
  const simulation = {
    seed,
    rounds,
    file: path.relative(out, file),
    model,
    modelFactory: registry.factory,
    relevance: registry.memoryRelevance,
    calls: registry.calls,
  };
  try {
    harness = RunHarness.open(scenario, {
      simulation,
      resume: cp && { checkpoint: cp, memories: resumed?.memories },
      listeners: [progress.listener],
      trace: {
        path: tracePath,
        beforeOpen: () => {
          if (!cp) clearForFreshRun(out, values.overwrite === true);
        },
      },
      checkpoints: { path: checkpointPath, every },
      stopAfterRound: () => signals.stopping,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.path !== undefined) {
      return wroteFiles('run', () => {
        throw err;
      })
        ? 0
        : 1;
    }
    console.error(
      `society run: cannot resume from ${shown(checkpointPath)}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 1;
  }
  if (!values.quiet && cp) {
    console.error(
      cp.ended
        ? `${printable(scenario.name)} already ran all ${cp.header.rounds} rounds in ${out}; nothing to resume`
        : `resuming ${printable(scenario.name)} after round ${cp.completed} of ${cp.header.rounds}`,
    );
  }
  if (!values.quiet) announceModels(request, registry);
  const ended = await runToEnd(harness, signals, progress, {
    file,
    out,
    tracePath,
    checkpointPath,
    values,
    loaded,
    session: models.session,
  });
  if (ended !== undefined) return ended;
  return closingReport({
    scenario,
    harness,
    registry,
    tracePath,
    httpRequests: models.httpRequests(),
    resumedFrom: cp,
    json: values.json,
    quiet: values.quiet,
  });
}
