// `society run <scenario>`: run a society headless, writing runs/<name>/trace.jsonl and
// checkpoints (every round for small societies, less often for large ones); Ctrl-C finishes the
// round, checkpoints and stops, and `--resume` continues to the same trace an uninterrupted run
// would have written. LLM models come from the provider layer (keys from the environment variable named by
// `api_key_env`); `--cache DIR` records every answer and `--replay` reruns from the cache alone.
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import { integerOption, knownModel, loadScenario, lockOutputFolder, onePositional, outputFolder } from '../options';
import { slug } from '../../core/format';
import { MIN_SEED } from '../../core/random/rng';
import { runInFolder } from '../run/runInFolder';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { MAX_COST_ROW, maxCostOption } from '../maxCost';
import { estimateRun } from '../../core/llm/estimate';
import { costLimitReason } from '../../core/llm/costLimit';
import { agentCount, heapPlan, relaunches, relaunchWithHeap } from '../run/heapRoom';
import { localFitBeforeRun } from '../../core/llm/local/localEstimate';
import { closeLocalEngines, recordLocalSpeeds } from '../../core/llm/local/localEngine';
import { runTooLarge, scenarioAgents } from '../../core/format';

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
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
  [
    '--no-prompts',
    "leave out <out>/prompts.jsonl, the book of every model call's messages, schema, raw answer and parse result",
  ],
  ['--replay', 'answer only from the cache (--cache, else <out>/cache): no network; a missing answer stops the run'],
  ['--resume', "continue the run in --out from its checkpoint; the trace is the uninterrupted run's"],
  [
    '--overwrite',
    'replace the run --out holds, finished or not, and the report files made from it (without it, that run is kept: resume it or choose another --out)',
  ],
  ['--checkpoint-every N', 'rounds between checkpoints (default: every round up to 200 agents, one more per 200)'],
  [
    '--threads N',
    'threads making the model calls: 2 or more, worker threads; 0 or 1, the main thread (default: $SOCIETY_THREADS, else the cores, at most 4)',
  ],
  [
    '--engine-threads N',
    'threads the engine runs on: 1, everything on the main thread; 2 or more, the trace is encoded and written on a thread of its own, the same bytes (default: $SOCIETY_ENGINE_THREADS, else 1)',
  ],
  ['--allow-module', "run the scenario's `module:` (JavaScript with your rights: only for a scenario you trust)"],
  [
    '--module-time-limit S',
    "seconds one call of the module's hooks may run before the run stops with an error (default: 2)",
  ],
  [
    '--play AGENT',
    "you take this agent's decisions (partner, messages, ratings, actions), asked on standard input: readable prompts at a terminal, JSON lines otherwise; the answers go to <out>/human.jsonl",
  ],
  ['--play-timeout S', 'seconds to answer each question (default: 120; 0: no limit)'],
  [
    '--play-fallback P',
    "who decides when the time is up: model (the agent's own, default), offline (the offline model) or skip (nobody: the decision is skipped)",
  ],
  [
    '--play-kinds K,…',
    'the decisions you take (default: choose_partner,speak,evaluate,act; reflect and interview may be added)',
  ],
  [
    '--answers FILE',
    "answer the played agent from a played run's human.jsonl, asking nobody (--replay on a played run folder does this with its own)",
  ],
  ALLOW_KEY_ROW,
  MAX_COST_ROW,
  ['--json', 'print the closing summary as JSON'],
  ['-q, --quiet', "no progress bar, notes or the scenario's warnings on standard error"],
] as const satisfies readonly OptionRow[];

export const runCommand = command({
  name: 'run',
  usage:
    'run <scenario> [--scenario NAME] [--root DIR] [--rounds N] [--seed S] [--out DIR] [--model NAME] [--cache DIR] [--replay] [--resume | --overwrite] [--checkpoint-every N] [--threads N] [--engine-threads N] [--allow-module] [--module-time-limit S] [--play AGENT [--play-timeout S] [--play-fallback model|offline|skip] [--play-kinds K,…]] [--answers FILE] [--allow-key VAR@HOST[:PORT]]... [--max-cost USD] [--json]',
  summary: 'Run a society headless and write its trace (JSONL) and checkpoints',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const { values, positionals } = parsed;
    if (!grantKeys('run', values['allow-key'])) return 2;
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
    const threads = integerOption('threads', values.threads, 0);
    const engineThreads = integerOption('engine-threads', values['engine-threads'], 1);
    const hookSeconds = integerOption('module-time-limit', values['module-time-limit'], 1);
    const file = path.resolve(scenarioArg);
    const loaded = await loadScenario(file, 'run', values.scenario, values.quiet, values.root);
    if (!loaded) return 1;
    const { scenario } = loaded;
    if (!knownModel(scenario, values.model, 'run')) return 2;
    // --rounds may take a scenario past what a run may be as a whole (the check held its own rounds).
    const tooLarge = runTooLarge(scenarioAgents(scenario), rounds ?? scenario.world.rounds);
    if (tooLarge) {
      console.error(`society run: ${tooLarge}. Nothing was run.`);
      return 2;
    }
    const maxCost = maxCostOption('run', values['max-cost']);
    if (maxCost === false) return 2;
    // A fresh run above the limit by its estimate is refused before anything is made or sent.
    const overEstimate =
      maxCost !== undefined && !values.resume && !values.replay
        ? costLimitReason(estimateRun(scenario, { rounds, model: values.model }), maxCost)
        : undefined;
    if (overEstimate) {
      console.error(`society run: ${overEstimate} Nothing was run; raise --max-cost, or run fewer --rounds.`);
      return 1;
    }
    // A local model whose prompts cannot fit its context stops here, not at its first call.
    const fit = values.replay
      ? { errors: [], warnings: [] }
      : await localFitBeforeRun(scenario, { rounds, model: values.model });
    for (const w of fit.warnings) if (!values.quiet) console.error(`society run: ${w}`);
    if (fit.errors.length) {
      for (const e of fit.errors) console.error(`society run: does not fit: ${e}`);
      console.error('society run: nothing was run.');
      return 1;
    }
    // A population past what Node's default heap holds: the same command again, with room for it.
    const heap = heapPlan(agentCount(scenario), rounds ?? scenario.world.rounds);
    if (heap.note && !values.quiet) console.error(`society run: ${heap.note}`);
    if (relaunches(heap)) return relaunchWithHeap(heap);

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
      return await runInFolder({
        values,
        file,
        loaded,
        out,
        rounds,
        seed,
        every,
        threads,
        engineThreads,
        hookSeconds,
        maxCost,
      });
    } finally {
      recordLocalSpeeds();
      // A local model's worker ends with the run, whatever stopped it (a model that failed to load left one holding the process).
      await closeLocalEngines();
      lock.release();
      made.removeEmpty();
    }
  },
});
