// `society experiment <scenario>`: run the scenario's `experiment:` block (conditions × seeds) and
// write experiment.html, summary.csv, runs.csv and experiment.json.
import * as path from 'node:path';
import type { Command } from '../command';
import { integerListOption, integerOption, loadRunnableScenario, lockOutputFolder, onePositional, outputFolder, parseCommandArgs } from '../options';
import { formatExperiment, planExperiment, roundsByCondition, runExperiment } from '../../core/experiment';
import { counted } from '../../core/text/counted';
import { printable } from '../../core/text/printable';
import { MIN_SEED } from '../../core/engine/rng';
import { describeRunFaults, runsWithoutAnswers } from '../../core/experiment/runFaults';

export const experimentCommand: Command = {
  name: 'experiment',
  usage: 'experiment <scenario> [--scenario NAME] [--root DIR] [--out DIR] [--seeds 1,2,3] [--rounds N] [--jobs N] [--reference NAME] [--no-traces] [--json]',
  summary: 'Run conditions × seeds and report means, 95% CIs, effect sizes and the paper\'s claims',
  options: [
    ['<scenario>', "a scenario with an experiment: block (conditions; without one, the scenario as it is)"],
    ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
    ['--root DIR', "folder includes may not leave (default: the repository's top folder, else the working directory when it holds the file)"],
    ['--out DIR', 'folder for experiment.html, summary.csv, runs.csv, experiment.json and the traces (default: runs/<file>-experiment)'],
    ['--seeds 1,2,3', "seeds to run each condition with (default: the experiment's seeds, else 1–5)"],
    ['--rounds N', "rounds of every run (default: each condition's world.rounds, else the scenario's)"],
    ['--jobs N', "runs at once, on worker threads (default: one per core for the offline model, else 1; workers share an LLM endpoint's concurrency, rpm and tpm)"],
    ['--reference NAME', 'the condition the others are compared with (default: the first)'],
    ['--no-traces', "don't keep each run's trace"],
    ['--json', 'print the claims, summaries and contrasts as JSON'],
    ['-q, --quiet', 'no progress bar'],
  ],
  async run(args) {
    const parsed = parseCommandArgs('experiment', experimentCommand.usage, args, {
      scenario: { type: 'string' }, root: { type: 'string' }, out: { type: 'string' }, seeds: { type: 'string' }, rounds: { type: 'string' }, jobs: { type: 'string' },
      reference: { type: 'string' }, 'no-traces': { type: 'boolean' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' },
    });
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const scenarioArg = onePositional('experiment', experimentCommand.usage, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    const seeds = integerListOption('seeds', values.seeds, MIN_SEED);
    const file = path.resolve(scenarioArg);
    const scenario = await loadRunnableScenario(file, 'experiment', values.scenario, values.quiet, values.root);
    if (!scenario) return 1;
    const rounds = integerOption('rounds', values.rounds, 1);
    const askedJobs = integerOption('jobs', values.jobs, 1);
    if (rounds !== undefined && !values.quiet) {
      // --rounds sets every run's length: say so where a condition set its own.
      const own = [...roundsByCondition(scenario, planExperiment(scenario).conditions)].filter(([, n]) => n !== scenario.world.rounds && n !== rounds);
      if (own.length) console.error(`note: --rounds ${rounds} replaces the run length the conditions set (${own.map(([name, n]) => `${printable(name)}: ${n}`).join(', ')})`);
    }
    const outDir = path.resolve(values.out ?? path.join('runs', `${path.basename(file, '.society')}-experiment`));
    if (!outputFolder(outDir, 'experiment')) return 1;
    const lock = lockOutputFolder(outDir, 'experiment');
    if (!lock) return 1;
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const tty = !values.quiet && process.stderr.isTTY === true;
    const started = Date.now();
    try {
      const run = await runExperiment(scenario, {
        outDir, seeds, rounds, jobs: askedJobs, reference: values.reference,
        traces: !values['no-traces'], signal: controller.signal,
        onProgress: (p) => {
          if (!tty) return;
          const frac = p.roundsTotal ? p.roundsDone / p.roundsTotal : 0;
          const elapsed = (Date.now() - started) / 1000;
          const eta = frac > 0 ? elapsed / frac - elapsed : 0;
          const bar = '█'.repeat(Math.round(frac * 24)).padEnd(24, '░');
          process.stderr.write(`\r${bar} runs ${p.done}/${p.total}  rounds ${p.roundsDone}/${p.roundsTotal}  ETA ${eta.toFixed(0)} s   `);
        },
      });
      if (tty) process.stderr.write('\n');
      if (values.json) console.log(JSON.stringify({ claims: run.result.claims, summaries: run.result.summaries, contrasts: run.result.contrasts, baselines: run.result.baselines, files: run.files }, null, 2));
      else {
        if (askedJobs !== undefined && run.jobs < askedJobs && !values.quiet) console.error(`note: ran on ${counted(run.jobs, 'worker')}, not ${askedJobs}: the workers share each model endpoint's concurrency`);
        console.log(`${printable(scenario.name)}: ${counted(run.result.runs.length, 'run')} (${counted(run.result.conditions.length, 'condition')} × ${counted(run.result.seeds.length, 'seed')}) in ${run.wallSeconds.toFixed(1)} s on ${counted(run.jobs, 'worker')}`);
        console.log(printable(formatExperiment(run.result)));
        console.log(`\nreport: ${path.relative(process.cwd(), run.files[0])}`);
      }
      // Failed model calls are said after the results, so a batch log ends with them; a run that got
      // no model answer at all makes the experiment a failure for scripts (as `society run` does).
      const faults = describeRunFaults(run.result.runs);
      const dead = runsWithoutAnswers(run.result.runs);
      if (faults) console.error(`${dead ? 'error' : 'warning'}: ${printable(faults)}`);
      return dead ? 3 : 0;
    } catch (err) {
      if (controller.signal.aborted) { console.error('\nsociety experiment: cancelled'); return 130; }
      throw err;
    } finally {
      process.off('SIGINT', onSigint);
      lock.release();
    }
  },
};
