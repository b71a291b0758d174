// `society calibrate <scenario>`: run the scenario's calibration (its sweep × seeds, or its
// experiment's conditions) and compare the runs with the observed CSV: prints the settings ranked
// by fit, the best and the runner-up, and writes fit.csv, fit_rounds.csv and the experiment's
// files (experiment.html with a Fit section).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command } from '../command';
import type { OptionRow } from '../optionRows';
import type { Calibration } from '../../core/format';
import { loadRunnableScenario, lockOutputFolder, onePositional, outputFolder, integerOption } from '../options';
import { integerListOption } from '../integerList';
import { MIN_SEED } from '../../core/random/rng';
import { printable } from '../../core/text/printable';
import { fitText } from '../../core/analysis';
import { calibrateRun } from './calibrateRun';
import { calibrationOf, loadObserved, unknownConditions } from '../calibrationInput';
import { CALIBRATION_FILES, runCalibration, EXPERIMENT_FILES } from '../../core/experiment';
import { EndpointDownError } from '../../core/llm/limits/endpointHealth';
import { mayStartOver, recordPresent } from '../ownFiles';
import { maxCostOption } from '../maxCost';
import { SpendMeter } from '../../core/llm/spendMeter';
import { COST_LIMIT_EXIT } from '../run/runToEnd';
import { ExperimentCancelled, partialText } from '../../core/experiment';

const USAGE =
  'calibrate <scenario|run> [--observed FILE] [--fit rmse|ks] [--scenario NAME] [--root DIR] [--out DIR] [--seeds 1,2,5-7] [--rounds N] [--jobs N] [--max-cost USD] [--overwrite] [--allow-module] [--json] [-q]';

/** A finished run's trace, when the argument is one (a `.jsonl` file, or a folder holding trace.jsonl). */
function traceOf(arg: string): string | undefined {
  const stat = fs.statSync(arg, { throwIfNoEntry: false });
  if (stat?.isFile() && arg.endsWith('.jsonl')) return path.resolve(arg);
  const inside = path.join(arg, 'trace.jsonl');
  return stat?.isDirectory() && fs.existsSync(inside) ? path.resolve(inside) : undefined;
}

const OUTPUTS: readonly string[] = [...Object.values(EXPERIMENT_FILES), ...Object.values(CALIBRATION_FILES)];

/** Its arguments and options, as `--help` lists them; the options parse by these rows (optionRows.ts). */
const OPTIONS = [
  ['<scenario>', 'a scenario with a calibration: block (or any scenario, with --observed)'],
  [
    '<run>',
    'instead: a finished run (its folder or trace.jsonl) compared as it is; fit.csv goes beside the trace unless --out',
  ],
  [
    '--observed FILE',
    "the observed CSV (round, measure, value[, condition, run]); default: the calibration's `observed`",
  ],
  ['--fit rmse|ks', "what ranks the settings (default: the calibration's `fit`, else rmse)"],
  ['--scenario NAME', 'which scenario, when the file holds several (default: the first)'],
  ['--root DIR', 'folder includes may not leave (default: the repository top folder)'],
  ['--out DIR', 'folder for fit.csv, fit_rounds.csv, experiment.html and the rest (default: runs/<file>-calibration)'],
  ['--seeds 1,2,5-7', "seeds each setting runs with (default: the calibration's, else the experiment's, else 1-5)"],
  ['--rounds N', "rounds of every run (default: the scenario's)"],
  ['--jobs N', 'runs at once, on worker threads (default: one per core for the offline model)'],
  [
    '--max-cost USD',
    "make no model call once the sweep's calls so far (their reported tokens, at the model's price) and those under way reach USD, in any run or worker (exit 4) (default: $SOCIETY_COST_LIMIT, else no limit)",
  ],
  ['--overwrite', 'replace a calibration or experiment --out already holds'],
  ['--allow-module', "run the scenario's `module:` (only for a scenario you trust)"],
  ['--json', 'print the ranking and every fit as JSON'],
  ['-q, --quiet', 'no progress notes'],
] as const satisfies readonly OptionRow[];

export const calibrateCommand = command({
  name: 'calibrate',
  usage: USAGE,
  summary: 'Compare runs with observed data (RMSE, KS, t) and rank a sweep of settings by fit',
  options: OPTIONS,
  async run(parsed): Promise<number> {
    const { values, positionals } = parsed;
    const scenarioArg = onePositional('calibrate', USAGE, positionals, 'scenario file');
    if (scenarioArg === undefined) return 2;
    if (values.fit !== undefined && values.fit !== 'rmse' && values.fit !== 'ks') {
      console.error(`society calibrate: --fit is rmse or ks, not '${printable(values.fit)}'\nUsage: society ${USAGE}`);
      return 2;
    }
    const trace = traceOf(scenarioArg);
    if (trace) return calibrateRun(trace, values);
    const seeds = integerListOption('seeds', values.seeds, MIN_SEED);
    const rounds = integerOption('rounds', values.rounds, 1);
    const jobs = integerOption('jobs', values.jobs, 1);
    const maxCost = maxCostOption('calibrate', values['max-cost']);
    if (maxCost === false) return 2;
    // Every call of every run of the sweep asks it first (core/llm/spendMeter.ts).
    const meter = maxCost !== undefined ? SpendMeter.create(maxCost) : undefined;
    const file = path.resolve(scenarioArg);
    const scenario = await loadRunnableScenario(file, 'calibrate', values.scenario, values.quiet, values.root);
    if (!scenario) return 1;
    const cal = calibrationOf(
      scenario.calibration,
      file,
      values.observed,
      values.fit as Calibration['fit'] | undefined,
    );
    if (typeof cal === 'string') {
      console.error(`society calibrate: ${printable(cal)}`);
      return 2;
    }
    const observed = loadObserved(cal.observed);
    if (!observed) return 1;
    const unknown = unknownConditions(observed, scenario, cal);
    if (unknown) {
      console.error(`society calibrate: ${printable(unknown)}`);
      return 1;
    }
    const outDir = path.resolve(values.out ?? path.join('runs', `${path.basename(file, '.society')}-calibration`));
    const made = outputFolder(outDir, 'calibrate');
    if (!made) return 1;
    const lock = lockOutputFolder(outDir, 'calibrate');
    if (!lock) return 1;
    try {
      if (!mayStartOver('calibrate', outDir, OUTPUTS, values.overwrite === true, 'a calibration or an experiment')) {
        return 1;
      }
      const done = await runCalibration(
        scenario,
        cal,
        { data: observed, name: path.relative(process.cwd(), cal.observed) || cal.observed },
        { outDir, seeds, rounds, jobs, allowModule: values['allow-module'] === true, ...(meter ? { meter } : {}) },
      );
      recordPresent(
        outDir,
        done.files.map((f) => path.basename(f)),
      );
      say(done, cal, values.json === true);
      return 0;
    } catch (err) {
      if (err instanceof EndpointDownError) {
        console.error(`society calibrate: ${err.message}`);
        return 3;
      }
      if (err instanceof ExperimentCancelled && meter?.reached) {
        console.error(
          `society calibrate: stopped: ${meter.reason()}; ${partialText(err.run.partial)}, and no fit is given. Run it again with a higher --max-cost (and --overwrite): the cache answers the finished runs at no cost${meter.cutOffNote()}`,
        );
        return COST_LIMIT_EXIT;
      }
      throw err;
    } finally {
      lock.release();
      made.removeEmpty();
    }
  },
});

function say(done: Awaited<ReturnType<typeof runCalibration>>, cal: Calibration, json: boolean): void {
  if (json) {
    const ranked = done.ranked.map((r, i) => ({ rank: i + 1, condition: r.condition, score: r.score, fits: r.fits }));
    console.log(
      JSON.stringify(
        {
          fit: cal.fit,
          best: ranked[0]?.condition ?? null,
          ranked,
          files: done.files,
          // What the runs' calls cost (reported tokens at the price): what an assistant's budget is charged.
          spent_usd: done.run.result.runs.reduce((s, r) => s + r.usage.cost_usd, 0),
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(printable(fitText(done.ranked, cal.fit)));
  const missing = (cal.measures ? Object.keys(cal.measures) : []).filter(
    (m) => !done.fits.some((f) => f.measure === m),
  );
  if (missing.length) console.error(`warning: the observed data has no values of ${missing.join(', ')}`);
  const empty = done.fits.filter((f) => f.error.n === 0);
  for (const f of empty) {
    console.error(`warning: no run has series '${f.series}' (observed measure '${f.measure}') at the observed rounds`);
  }
  console.log(
    `\nreport: ${path.relative(process.cwd(), done.files[0])}\nfit: ${path.relative(
      process.cwd(),
      done.files.find((f) => f.endsWith(CALIBRATION_FILES.fit))!,
    )}`,
  );
}
