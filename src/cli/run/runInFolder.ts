// `society run`'s work in its locked --out folder: resume or start fresh, open the run harness,
// run to the end (or a stop) and give the closing report.
import * as path from 'node:path';
import { shown, wroteFiles, type LoadedScenario } from '../options';
import { checkpointModel, type Checkpoint } from '../../core/engine';
import { printable } from '../../core/text/printable';
import { RunHarness } from '../../core/run/runHarness';
import { clearForFreshRun, CHECKPOINT_FILE, RUN_FILES, TRACE_FILE } from '../outFolder';
import { PromptBook, PROMPT_BOOK_MAX_BYTES, PROMPTS_FILE } from '../../core/llm/promptBook';
import { openPromptBook } from '../../core/llm/promptBookOpen';
import { counted } from '../../core/text/counted';
import { recordWritten } from '../manifest';
import { scenarioWarnings } from '../scenarioWarnings';
import { closingReport } from './closingReport';
import { writeJudgementsFile } from './judgementsFile';
import { SURVEYS_CSV, writeSurveysCsv } from './surveysFile';
import { JUDGEMENTS_FILE } from '../../core/analysis';
import { mayReplace, recordPresent } from '../ownFiles';
import type { Scenario } from '../../core/format';
import { folderHoldsRun } from './freshRun';
import { Progress } from './progress';
import { resumeFrom, type ResumePoint } from './resumeFrom';
import type { RunModels } from '../../core/run/runModels';
import type { SpendLimit } from '../../core/llm/spendLimit';
import { announceModels, missingKey, runModels } from './runModels';
import { runToEnd, type RunValues } from './runToEnd';
import { StopSignals } from './stopSignals';
import { closeLocalEngines } from '../../core/llm/local/localEngine';
import { runOutcomes } from './runOutcomes';
import { BRANCH_FILE, editsByRound, editsDigest, type BranchRecord } from '../../core/trace/branchRecord';
import { branchLineage } from '../../core/branch/lineage';
import { ourFiles } from '../outFolder';
import { playSetup, type PlaySetup } from '../play/playSetup';

export interface RunRequest {
  values: RunValues;
  file: string;
  loaded: LoadedScenario;
  out: string;
  rounds?: number;
  seed?: number;
  every?: number;
  /** --threads: threads making the model calls. */
  threads?: number;
  /** --engine-threads: threads the engine runs on (core/run/engineThreads.ts). */
  engineThreads?: number;
  /** --module-time-limit: seconds one call of a module's hook may run. */
  hookSeconds?: number;
  /** --max-cost: what this session's calls may cost before the run stops at a round's end. */
  maxCost?: number;
}

/** The run in its locked --out folder: resume or start, run, report. Returns the exit code. */
export async function runInFolder(request: RunRequest): Promise<number> {
  // The request goes on whole (runPlayed, openHarness): re-listing its fields at each call dropped
  // --module-time-limit on the way, so the option was accepted and ignored.
  const { values, loaded, out, rounds, seed } = request;
  const { scenario } = loaded;
  const tracePath = path.join(out, TRACE_FILE);
  const checkpointPath = path.join(out, CHECKPOINT_FILE);
  const resumed = values.resume
    ? resumeFrom({ out, tracePath, checkpointPath, loaded, seed, rounds, quiet: values.quiet })
    : undefined;
  if (typeof resumed === 'number') return resumed;
  // A branch goes on only with its lineage whole and checked, before anything is written.
  let branch: BranchRecord | undefined;
  if (resumed) {
    const lineage = await branchLineage(out, ourFiles(out)(BRANCH_FILE), scenario, resumed.cp.branch_edits);
    if (lineage.problem) {
      console.error(`society run: cannot resume the branch in ${shown(out)}: ${lineage.problem}`);
      return 1;
    }
    branch = lineage.record;
  }
  if (!resumed && !values.overwrite && folderHoldsRun(out, checkpointPath)) return 1;
  // Checked before anything is written: a user's checkpoint.json, trace.index.json, judgements.csv
  // or surveys.csv is not replaced (and then listed as ours, for a later --overwrite to delete)
  // without --overwrite. A resumed run goes on in its own files.
  const outputs = [...(resumed ? [] : RUN_FILES), ...runTables(scenario)];
  if (!mayReplace('run', out, outputs, values.overwrite === true)) return 1;
  const cp = resumed?.cp;
  const model = runModel(values, cp);
  if (model === false) return 2;
  if (!values.quiet) {
    for (const line of scenarioWarnings(
      loaded.warnings,
      scenario,
      cp?.header.rounds ?? rounds ?? scenario.world.rounds,
    )) {
      console.error(line);
    }
  }
  const runRounds = cp?.header.rounds ?? rounds ?? scenario.world.rounds;
  const play = playSetup(values, scenario, out, { rounds: runRounds, seed: cp?.header.seed ?? seed ?? scenario.seed });
  if (typeof play === 'number') return play;
  try {
    return await runPlayed(request, { cp, resumed, model, play, branch });
  } finally {
    play?.close();
    const said = play?.summary();
    if (said && !values.quiet) console.error(said);
  }
}

/** Where a run starts and with what: a checkpoint to resume, the model forced, a player, a branch. */
interface RunStart {
  cp?: Checkpoint;
  resumed?: ResumePoint;
  model?: string;
  play?: PlaySetup;
  branch?: BranchRecord;
}

/** The run with its models (and the person playing an agent, if one does), to the closing report. */
async function runPlayed(run: RunRequest, start: RunStart): Promise<number> {
  const { cp, model, play } = start;
  const { values, loaded, out, threads } = run;
  const { scenario } = loaded;
  const request = {
    scenario,
    out,
    model,
    cache: values.cache,
    replay: values.replay,
    threads,
    played: play !== undefined,
    maxCost: run.maxCost,
  };
  const models = runModels(request);
  if (typeof models === 'number') return models;
  if (play) models.options.wrap = (factory) => play.session.wrap(factory);
  // The book is opened once the harness has cleared the folder for a fresh run (an old book goes then).
  const books: { book?: PromptBook; open: () => void } = {
    open: () => (books.book = openRunBook(run, model, cp)),
  };
  models.options.onPrompt = (c) => books.book?.listener(c);
  try {
    return await runWithModels(run, request, models, start, books.open);
  } finally {
    if (books.book) closePromptBook(books.book, run);
  }
}

/** The run with its models built, to the closing report. */
async function runWithModels(
  run: RunRequest,
  request: Parameters<typeof runModels>[0],
  models: Exclude<ReturnType<typeof runModels>, number>,
  { cp, resumed, model, play, branch }: RunStart,
  openBook: () => void,
): Promise<number> {
  const { values, file, loaded, out, rounds } = run;
  const { scenario } = loaded;
  const tracePath = path.join(out, TRACE_FILE);
  const checkpointPath = path.join(out, CHECKPOINT_FILE);

  // At a terminal a bar; in a log a line every few seconds; both from the first model call.
  const progress = new Progress(
    cp?.header.rounds ?? rounds ?? scenario.world.rounds,
    values.quiet || play?.interactive ? 'off' : process.stderr.isTTY === true ? 'bar' : 'lines',
  );
  const onCall = models.options.onCall;
  models.options.onCall = (r) => {
    onCall?.(r);
    progress.call(r);
  };
  // Ctrl-C asks the harness whether the round has ended: it exists only once opened below.
  const held: { harness?: RunHarness } = {};
  const signals = new StopSignals(values.quiet === true, () => held.harness?.stoppedAtRoundEnd ?? false);
  // A stop at once ends local models' workers while the checkpoint is written, not after it: a
  // worker aborts its calls, lets native work end and frees the model (localEngine.ts close).
  signals.controller.signal.addEventListener('abort', () => void closeLocalEngines(), { once: true });
  const harness = openHarness(run, {
    model,
    models: models.options,
    cp,
    resumed,
    progress,
    signals,
    branch,
    limit: models.limit,
  });
  if (typeof harness === 'number') return harness;
  held.harness = harness;
  // The run's own files, as this run leaves them, are signed as ours (a checkpoint is renamed into
  // place each round, so it is signed once the run stops).
  openBook();
  try {
    if (!values.quiet && cp) {
      console.error(
        cp.ended
          ? `${printable(scenario.name)} already ran all ${cp.header.rounds} rounds in ${out}; nothing to resume`
          : `resuming ${printable(scenario.name)} after round ${cp.completed} of ${cp.header.rounds}`,
      );
    }
    if (!values.quiet) announceModels(request, harness.models);
    const outcomes = runOutcomes(harness, scenario, cp !== undefined);
    const ended = await runToEnd(harness, signals, progress, {
      file,
      out,
      tracePath,
      checkpointPath,
      values,
      loaded,
      session: models.session,
      limit: models.limit,
    });
    if (ended !== undefined) return ended;
    await writeJudgementsFile(scenario, tracePath, out);
    if (scenario.surveys) {
      const surveys = await writeSurveysCsv(tracePath, out);
      if (!values.quiet) console.error([`survey answers: ${surveys.file}`, ...surveys.summary].join('\n  '));
    }
    recordPresent(out, runTables(scenario));
    return closingReport({
      scenario,
      harness,
      tracePath,
      httpRequests: models.httpRequests(),
      resumedFrom: cp,
      outcomes: await outcomes.finish(tracePath),
      json: values.json,
      quiet: values.quiet,
    });
  } finally {
    recordPresent(out, RUN_FILES);
  }
}

/**
 * The book of the run's model calls (`prompts.jsonl`), as every runner opens it (promptBookOpen.ts):
 * none with --no-prompts or when every model the run uses answers by rule. A resumed run keeps the
 * calls of the rounds it does not ask again.
 */
function openRunBook(run: RunRequest, model: string | undefined, cp: Checkpoint | undefined): PromptBook | undefined {
  const book = openPromptBook(path.join(run.out, PROMPTS_FILE), run.loaded.scenario, {
    keep: !run.values['no-prompts'],
    ...(model !== undefined ? { model } : {}),
    ...(cp ? { resumeAfter: cp.completed } : {}),
  });
  if (book) recordWritten(run.out, [PROMPTS_FILE]);
  return book;
}

function closePromptBook(book: PromptBook, run: RunRequest): void {
  book.close();
  if (book.leftOut) {
    console.error(
      `warning: ${shown(book.file)} reached its cap (${PROMPT_BOOK_MAX_BYTES / 2 ** 20} MB): ${counted(book.leftOut, 'model call')} after it ${book.leftOut === 1 ? 'is' : 'are'} not in it`,
    );
  } else if (!run.values.quiet) console.error(`prompts: ${shown(book.file)} (${counted(book.calls, 'model call')})`);
}

/** The tables a run writes beside its trace once it ends (mayReplace checks them before it starts). */
function runTables(scenario: Scenario): string[] {
  return [...(scenario.judges?.length ? [JUDGEMENTS_FILE] : []), ...(scenario.surveys ? [SURVEYS_CSV] : [])];
}

/**
 * The model every agent gets: on resume the checkpoint's (a checkpoint from before it was
 * recorded: --model as given), so agents added after the resume get what they would have.
 * False (after saying why) when --model contradicts the checkpoint.
 */
function runModel(values: RunValues, cp: Checkpoint | undefined): string | undefined | false {
  const recorded = cp ? checkpointModel(cp) : undefined;
  if (recorded !== undefined && values.model !== undefined && values.model !== (recorded ?? undefined)) {
    console.error(
      `society run: --resume continues the run with its own model (from its checkpoint: ${recorded === null ? "each persona's model, no --model" : `--model ${recorded}`}): leave out --model`,
    );
    return false;
  }
  return recorded !== undefined ? (recorded ?? undefined) : values.model;
}

interface Assembly {
  model: string | undefined;
  models: RunModels;
  cp: Checkpoint | undefined;
  resumed: ResumePoint | undefined;
  progress: Progress;
  signals: StopSignals;
  /** The branch's record, lineage checked (runInFolder), when the folder is a branch. */
  branch?: BranchRecord;
  /** --max-cost, metered: the run stops at the end of the round that passes it. */
  limit?: SpendLimit;
}

/**
 * Assembly: the harness builds the models (every one the run uses, before anything is written),
 * opens the simulation (fresh or restored) and its trace, tallies, flushes and checkpoints; the
 * header names the scenario relative to the run folder, so the same command gives the same bytes
 * from any directory. An exit code when it cannot (a missing key said as before: runModels.ts).
 */
function openHarness(
  { values, file, loaded, out, rounds, seed, every, hookSeconds, engineThreads }: RunRequest,
  { model, models, cp, resumed, progress, signals, branch, limit }: Assembly,
): RunHarness | number {
  const { scenario } = loaded;
  const tracePath = path.join(out, TRACE_FILE);
  const checkpointPath = path.join(out, CHECKPOINT_FILE);
  // A branch stopped before its edits' round: they (and its ancestors' still ahead) apply when it goes on.
  const simulation = {
    seed,
    rounds,
    file: path.relative(out, file),
    model,
    ...(branch && cp && cp.completed < branch.round ? { edits: editsByRound(branch, cp.completed) } : {}),
    // Kept in each checkpoint, so a later resume can tell an edited branch.json.
    ...(branch ? { branchEdits: cp?.branch_edits ?? editsDigest(branch) } : {}),
    allowModule: values['allow-module'] === true,
    ...(hookSeconds !== undefined ? { moduleTimeLimitMs: hookSeconds * 1000 } : {}),
  };
  try {
    return RunHarness.open(scenario, {
      simulation,
      models,
      resume: cp && { checkpoint: cp, memories: resumed?.memories },
      listeners: [progress.listener],
      trace: {
        path: tracePath,
        threads: engineThreads,
        beforeOpen: () => {
          if (!cp) clearForFreshRun(out, values.overwrite === true);
        },
      },
      checkpoints: { path: checkpointPath, every },
      stopAfterRound: () => signals.stopping || limit?.reached === true,
    });
  } catch (err) {
    if (missingKey(err)) return 1;
    if ((err as NodeJS.ErrnoException)?.path !== undefined) {
      return wroteFiles('run', () => {
        throw err;
      })
        ? 0
        : 1;
    }
    const why = err instanceof Error ? err.message : String(err);
    console.error(cp ? `society run: cannot resume from ${shown(checkpointPath)}: ${why}` : `society run: ${why}`);
    return 1;
  }
}
