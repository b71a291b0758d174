// `society study <file>`: run a study (`kind: study`) — its plan frozen before the first run, its
// runs made look by look on every model (resumable: a rerun reads the looks it finished), and the
// write-up written: study.md, study.html, study.json, study.tex.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { command, type Command } from '../command';
import type { OptionRow } from '../optionRows';
import { formatDiagnostic, loadStudyFile, type Study, type Scenario } from '../../core/format';
import { estimateExperiment, experimentCostReason } from '../../core/experiment';
import { SpendMeter } from '../../core/llm/spendMeter';
import { runStudy, STUDY_FILES, type StudyOutcome } from '../../core/study/studyRun';
import { scenarioFor, studyModels, STUDY_RUNS, type StudyProgress } from '../../core/study/runStudy';
import { looksOf } from '../../core/study/seedPlan';
import { checkModelFile, modelPath } from '../../core/llm/local/modelFile';
import { printable } from '../../core/text/printable';
import { integerOption, lockOutputFolder, onePositional, outputFolder } from '../options';
import { ALLOW_KEY_ROW, grantKeys } from '../keyGrants';
import { maxCostOption } from '../maxCost';
import { missingExperimentKey } from '../experimentKeys';
import { COST_LIMIT_EXIT } from '../run/runToEnd';
import { libraryDir } from './validate';
import { verdictWords } from '../../core/study/studyMarkdown';
import { sayToolProgress } from '../toolProgress';

const OPTIONS = [
  ['<study>', 'a .society file holding a `kind: study` document'],
  ['--out DIR', 'folder for the write-up, preregistration.json and the runs (default: runs/<file>-study)'],
  ['--root DIR', "folder the study's scenario and includes may not leave (default: the repository's top folder)"],
  ['--jobs N', 'runs at once, on worker threads (default: one per core for the offline model, else 1)'],
  ['--library DIR', 'the validation library anchors are scored against (default: the one shipped)'],
  [
    '--overwrite',
    'start the study over: its preregistration, write-up, runs/ and validity/ in --out are removed first (without it, a rerun resumes and says how it deviates from the frozen plan)',
  ],
  ['--allow-module', "run the scenario's `module:` (JavaScript with your rights: only for a scenario you trust)"],
  [
    '--no-prompts',
    "don't keep each run's book of its model calls (prompts/ beside each look's traces/; kept for runs that call a model)",
  ],
  ALLOW_KEY_ROW,
  [
    '--max-cost USD',
    "refuse to start when the study's estimate (every model, the most seeds its plan allows) is above USD, and start no more runs once the finished runs cost more (default: $SOCIETY_COST_LIMIT, else no limit)",
  ],
  ['--json', 'print the verdicts, validity, mechanisms and data quality as JSON (study.json without per-seed values)'],
  ['-q, --quiet', 'no progress lines'],
] as const satisfies readonly OptionRow[];

/** What --overwrite removes: the study's own outputs, never other files in the folder. */
const STUDY_OUTPUTS: readonly string[] = [...Object.values(STUDY_FILES), STUDY_RUNS, 'validity'];

export const studyCommand: Command = command({
  name: 'study',
  usage:
    'study <study> [--out DIR] [--root DIR] [--jobs N] [--library DIR] [--overwrite] [--allow-module] [--no-prompts] [--allow-key VAR@HOST[:PORT]]... [--max-cost USD] [--json] [-q]',
  summary: 'Run a preregistered study on every model and write its write-up (md, html, json, tex)',
  options: OPTIONS,
  async run({ values, positionals }) {
    if (!grantKeys('study', values['allow-key'])) return 2;
    const arg = onePositional('study', studyCommand.usage, positionals, 'study file');
    if (arg === undefined) return 2;
    const file = path.resolve(arg);
    const loaded = await loadStudyFile(file, values.root ? { root: values.root } : {});
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    for (const d of loaded.diagnostics.filter((x) => x.severity !== 'info')) {
      console.error(formatDiagnostic(d, path.relative(process.cwd(), d.file) || d.file));
    }
    if (errors.length || !loaded.study || !loaded.scenario) return 1;
    const { study, scenario } = loaded;
    const cannot = modelsThatCannotRun(study, scenario);
    if (cannot) {
      console.error(`society study: ${printable(cannot)}`);
      return 1;
    }
    const jobs = integerOption('jobs', values.jobs, 1);
    const maxCost = maxCostOption('study', values['max-cost']);
    if (maxCost === false) return 2;
    if (maxCost !== undefined) {
      const over = costOver(study, scenario, maxCost);
      if (over) {
        console.error(`society study: ${over} Nothing was run; raise --max-cost, or plan fewer seeds.`);
        return 1;
      }
    }
    const library = values.library ? path.resolve(values.library) : libraryDir();
    const outDir = path.resolve(values.out ?? path.join('runs', `${path.basename(file, '.society')}-study`));
    const made = outputFolder(outDir, 'study');
    if (!made) return 1;
    const lock = lockOutputFolder(outDir, 'study');
    if (!lock) return 1;
    // The spending, metered before every call of every model's runs (llm/spendMeter.ts).
    const meter = maxCost !== undefined ? SpendMeter.create(maxCost) : undefined;
    const stopNow = new AbortController();
    const onSignal = (): void => stopNow.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      if (values.overwrite) removeStudyOutputs(outDir);
      const rel = (p: string): string => path.relative(process.cwd(), p) || '.';
      const outcome = await runStudy(
        {
          study,
          scenario,
          studyFile: file,
          files: loaded.files,
          libraryDir: library ?? '',
          command: `society study ${rel(file)} --out ${rel(outDir)}`,
          cwd: process.cwd(),
        },
        {
          outDir,
          ...(jobs !== undefined ? { jobs } : {}),
          allowModule: values['allow-module'] === true,
          prompts: !values['no-prompts'],
          signal: stopNow.signal,
          ...(meter ? { meter } : {}),
          onProgress: progressLine(values.quiet === true),
        },
      );
      if ('refused' in outcome) {
        console.error(`society study: ${printable(outcome.refused)}`);
        return 1;
      }
      sayStudy(outcome, values.json === true, meter, rel);
      const r = outcome.result;
      if (meter?.reached) {
        console.error(
          `society study: stopped: ${meter.reason()}; the write-up covers the finished runs. Run it again with a higher --max-cost: finished looks are read back, not rerun${meter.cutOffNote()}`,
        );
        return COST_LIMIT_EXIT;
      }
      return r.partial ? 130 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      lock.release();
      made.removeEmpty();
    }
  },
});

/** The verdicts at the terminal, or study.json (without per-seed values) with what was spent. */
function sayStudy(
  outcome: StudyOutcome,
  json: boolean,
  meter: SpendMeter | undefined,
  rel: (p: string) => string,
): void {
  const r = outcome.result;
  if (json) {
    const slim = {
      ...r,
      hypotheses: r.hypotheses.map((h) => ({ ...h, models: h.models.map(({ by_seed: _s, ...m }) => m) })),
    };
    const spent = r.methods.models.reduce((s, m) => s + m.usage.cost_usd, 0);
    // What the calls cost as metered, and the limit: what an assistant's budget is charged.
    const money = meter
      ? {
          spent_usd: Number(meter.spentUsd.toFixed(6)),
          cost_limit_usd: meter.limitUsd,
          ...(meter.cutOff ? { cut_off_calls: meter.cutOff } : {}),
        }
      : { spent_usd: Number(spent.toFixed(6)) };
    console.log(JSON.stringify({ files: outcome.files.map(rel), ...money, ...slim }, null, 2));
    return;
  }
  console.log(`${printable(r.name)}${r.partial ? ' (partial)' : ''}`);
  for (const h of r.hypotheses) {
    const per = h.models.map((m) => `${m.model}: ${verdictWords(m.verdict)}`).join('; ');
    console.log(`  ${printable(h.id)}: ${verdictWords(h.verdict)} (${per})`);
  }
  if (r.validity.unanchored.length) {
    console.log(`  unanchored (no human figure): ${r.validity.unanchored.map(printable).join(', ')}`);
  }
  for (const d of r.preregistration.deviations) console.log(`  deviation: ${printable(d.text)}`);
  console.log(`\nwrite-up: ${rel(outcome.files[0])}`);
}

/** A progress line on stderr for every finished run (a log, not only a terminal, sees it move). */
function progressLine(quiet: boolean): (p: StudyProgress) => void {
  const started = Date.now();
  return (p) => {
    sayToolProgress({ done: p.runsDone, total: p.runsPlanned, of: 'runs' });
    if (quiet) return;
    const s = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      `study: ${p.model}, look ${p.look}/${p.looks}: ${p.runsDone} of ${p.runsPlanned} runs planned so far (${s} s)\n`,
    );
  };
}

/** Why a study model cannot run here (a sentence), before anything is frozen or run. */
export function modelsThatCannotRun(study: Study, scenario: Scenario): string | undefined {
  for (const m of studyModels(study, scenario)) {
    const s = scenarioFor(scenario, study, m.config);
    const c = m.config;
    if (c?.provider === 'vscode') {
      return `model '${m.name}' is a VS Code language model: run this study from the editor (Run Study)`;
    }
    if (c?.provider === 'local') {
      try {
        checkModelFile(modelPath(c));
      } catch (e) {
        return `model '${m.name}': ${(e as Error).message}`;
      }
    }
    const missing = missingExperimentKey(s, s.experiment!.conditions);
    if (missing) return `model '${m.name}': ${missing}`;
  }
  return undefined;
}

/** The estimate of the whole plan (every model, the most seeds) against the limit. */
function costOver(study: Study, scenario: Scenario, limit: number): string | undefined {
  const seeds = looksOf(study.seeds).looks.at(-1)!;
  let total = 0;
  for (const m of studyModels(study, scenario)) {
    const e = estimateExperiment(scenarioFor(scenario, study, m.config), {
      seeds,
      ...(study.rounds ? { rounds: study.rounds } : {}),
    });
    const reason = experimentCostReason(e, limit - total);
    if (reason) return `model '${m.name}': ${reason}`;
    total += e.total.total.cost_usd;
  }
  return undefined;
}

/** --overwrite: the study's own outputs go (a link is removed, never followed). */
function removeStudyOutputs(dir: string): void {
  for (const name of STUDY_OUTPUTS) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) fs.rmSync(p, { recursive: true, force: true });
    else fs.unlinkSync(p);
  }
}
