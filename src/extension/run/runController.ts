// The Run / Stop commands and everything a run shows while it goes: a cancellable progress
// notification, a status bar item (round, agents, model, tokens, cost), the "Society" log, and the
// live society view. Failures become messages with a way forward (open the problem, set a key,
// open settings, show the log), never silence. The run waits for its view after each round
// (TraceFeed.caughtUp) and updates the status bar and notification at most every 250 ms, so the
// channel to the workbench stays free for commands (Stop), completions and the Cancel button.
import { stoppedAt } from '../../core/run/stoppedAt';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MissingKeyError } from '../../core/llm/registry';
import { TraceFeed } from '../views/traceFeed';
import type { SocietyPanels } from '../views/societyPanel';
import { pickModelChoice, settingChoice } from './modelPick';
import type { ModelChoice } from './modelChoice';
import { RunProgress } from './runProgress';
import { longWaitSayer } from '../../core/llm/limits/longWait';
import { prepareRun, ScenarioProblems, type PreparedRun, type RunSetup } from './runSession';
import { confirmCost, currentRunSettings } from './costLimit';
import { confirmForecast } from './confirmForecast';
import { runForecast } from '../../core/llm/runForecast';
import { costLimitReason } from '../../core/llm/costLimit';
import { SpendLimit } from '../../core/llm/spendLimit';
import { scenarioFile, scenarioToRun } from './scenarioTarget';
import { requireTrust } from '../trust/guard';
import type { Projects } from '../projects';
import { ActivityStatus, STATUS_EVERY_MS } from './activityStatus';
import { plain, showScenarioProblems } from './showScenarioProblems';
import { liveTraces } from './liveTraces';
import { needsNotification, outcomeTooltip, type OutcomeLevel } from './runOutcome';

export const RUNNING_CONTEXT = 'society.running';

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
  run: PreparedRun;
}

export interface RunArgs {
  /** Model to use without asking. */
  model?: ModelChoice;
  /** A person plays an agent ("Play an Agent…"): whom, and where their questions go. */
  play?: RunSetup['play'];
}

export class RunController implements vscode.Disposable {
  private active?: ActiveRun;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    private readonly panels: SocietyPanels,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: ActivityStatus,
    private readonly projects?: Projects,
  ) {}

  get running(): boolean {
    return this.active !== undefined;
  }

  /** The last run's trace (Open Trace offers it first). */
  lastTrace?: string;

  async run(target?: vscode.Uri, args: RunArgs = {}, ask = false): Promise<void> {
    if (!requireTrust('run')) return;
    const opened = await scenarioFile(target);
    if (!opened) {
      void vscode.window.showErrorMessage('Open a .society scenario (a document with kind: scenario) to run it.');
      return;
    }
    // A persona file runs the scenario that includes it (as F5 debugs it).
    const file = this.projects ? await scenarioToRun(opened, this.projects) : opened;
    if (!file) return;
    if (file !== opened) {
      this.log.info(`${path.basename(opened)} is not a scenario: running ${file}, which includes it`);
    }
    if (this.active) {
      // The notification outlives the run it is about (VS Code cannot take it back): its Stop It
      // stops that run only, never one started since.
      const running = this.active;
      const choice = await vscode.window.showWarningMessage('A simulation is already running.', 'Stop It', 'Show');
      if (choice === 'Stop It') {
        if (this.active === running) this.stop();
        else void vscode.window.showInformationMessage('That simulation has already ended.');
      }
      if (choice === 'Show') this.panels.reveal();
      return;
    }
    let prepared: PreparedRun;
    const config = vscode.workspace.getConfiguration('society');
    const settings = currentRunSettings();
    try {
      const choice = args.model ?? (ask ? await pickModelChoice() : await settingChoice());
      if (!choice) return;
      const runsFolder = config.get<string>('runsFolder', 'runs');
      // A long 429 pause is said in the log and the status bar: the run would look hung.
      const onLongWait = longWaitSayer((line) => {
        this.log.warn(line);
        vscode.window.setStatusBarMessage(`$(watch) ${line}`, 30_000);
      }, 'run');
      prepared = await prepareRun({
        file,
        choice,
        secrets: this.extension.secrets,
        runsFolder,
        settings,
        onLongWait,
        play: args.play,
      });
    } catch (err) {
      await this.fail(err, file);
      return;
    }
    await this.start(prepared, file, settings.costLimitUsd);
  }

  /**
   * Runs a run made elsewhere (a branch: branch/branchRun.ts) as Run does: the cost check, the
   * live view, progress and outcome. False when another run is going (said) or failed to prepare.
   */
  async runPrepared(prepare: () => Promise<PreparedRun>, file: string): Promise<void> {
    if (!requireTrust('run')) return;
    if (this.active) {
      void vscode.window.showWarningMessage('A simulation is already running: stop it first.');
      return;
    }
    let prepared: PreparedRun;
    try {
      prepared = await prepare();
    } catch (err) {
      await this.fail(err, file);
      return;
    }
    await this.start(prepared, file, currentRunSettings().costLimitUsd);
  }

  private async start(prepared: PreparedRun, file: string, costLimitUsd: number | undefined): Promise<void> {
    // The context check's result first, then what it warns of, then the estimate and its question.
    for (const line of prepared.checks ?? []) this.log.info(line);
    for (const w of prepared.warnings ?? []) {
      this.log.warn(w);
      void vscode.window.showWarningMessage(w);
    }
    if (!(await confirmForecast(runForecast(prepared.estimate, { costLimitUsd }), this.log))) {
      this.log.info(`not run: ${prepared.header.scenario.name} was cancelled at its estimate`);
      return;
    }
    if (!(await confirmCost(prepared.estimate, costLimitUsd))) {
      this.log.info(`not run: ${prepared.header.scenario.name} was cancelled at the cost-limit check`);
      return;
    }
    // Within the limit by its estimate: the limit is metered as the run spends. A run the person
    // let go above its limit runs unmetered, as they chose.
    if (costLimitUsd !== undefined && !costLimitReason(prepared.estimate, costLimitUsd)) {
      prepared.limit = new SpendLimit(costLimitUsd);
    }
    const controller = new AbortController();
    const done = this.execute(prepared, controller, file);
    this.active = { controller, done, run: prepared };
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
    await done;
  }

  stop(): void {
    if (!this.active) {
      void vscode.window.showInformationMessage('No simulation is running.');
      return;
    }
    this.log.info('stop requested');
    this.active.controller.abort();
  }

  private async execute(run: PreparedRun, controller: AbortController, file: string): Promise<void> {
    const { header } = run;
    const progress = new RunProgress(header, undefined, run.design);
    const feed = new TraceFeed({ kind: 'run', label: header.scenario.name, path: run.tracePath }, true);
    feed.prompts = run.prompts;
    feed.setHeader(header, run.state, run.design);
    this.panels.show(feed, run.title ?? `${header.scenario.name} (run)`, run.slot ?? 'run', { reveal: !run.played });
    this.log.info(
      `run ${header.scenario.name}: seed ${header.seed}, ${header.rounds} rounds, ${progress.model} → ${run.tracePath}`,
    );
    const owner = {};
    const status = (text: string) => this.status.update(owner, text);
    this.status.set(owner, `$(sync~spin) Society: starting`, `${header.scenario.name}\n${run.tracePath}`);
    this.lastTrace = run.tracePath;
    const unlive = liveTraces.add(run.tracePath);
    let reportRound: (round: number) => void = () => undefined;
    // Progress goes out at most every STATUS_EVERY_MS (a fast run ends dozens of rounds a second).
    let shownAt = 0;
    const onEvent = (e: Parameters<RunProgress['add']>[0]) => {
      feed.push(e);
      const line = progress.add(e);
      if (line) this.log[line.level](line.text);
      if (e.type === 'round_end' && (Date.now() - shownAt >= STATUS_EVERY_MS || e.round === header.rounds)) {
        shownAt = Date.now();
        status(`$(sync~spin) Society: ${progress.statusText()}`);
        reportRound(e.round);
      }
    };
    try {
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Simulating ${header.scenario.name}`,
          cancellable: true,
        },
        async (bar, token) => {
          token.onCancellationRequested(() => {
            this.log.info('cancel requested');
            controller.abort();
          });
          let last = 0;
          reportRound = (round) => {
            bar.report({
              increment: ((round - last) / Math.max(1, header.rounds)) * 100,
              message: progress.statusText(),
            });
            last = round;
          };
          return run.run(controller.signal, onEvent, () => feed.caughtUp(controller.signal));
        },
      );
      if (result.status === 'aborted' && run.limit?.reached && !controller.signal.aborted) {
        const why = `${header.scenario.name}: ${run.limit.reason(result.completed)} (setting society.run.costLimit).`;
        feed.setStatus('stopped', `after round ${result.completed}: cost limit`);
        this.status.ended(owner, `$(debug-stop) Society: stopped at the cost limit after round ${result.completed}`);
        this.log.warn(`${why}\n${run.spend.format()}`);
        void vscode.window
          .showWarningMessage(
            `${why} The run is checkpointed: continue it with society run "${file}" --out "${run.directory}" --resume --max-cost USD.`,
            'Show Log',
          )
          .then((c) => c && this.log.show());
      } else if (result.status === 'aborted') {
        const where = stoppedAt(result.completed, header.rounds);
        feed.setStatus('stopped', where);
        this.status.ended(owner, `$(debug-stop) Society: stopped ${where}`);
        this.log.info(`stopped ${where}; the trace ends after round ${Math.max(0, result.completed)}`);
        // The stopped round's answered calls were billed though the trace drops them.
        if (run.spend.spent) {
          this.log.info(
            `model calls of this run, the stopped round's included (billed; calls cut off by the stop are not counted):\n${run.spend.format()}`,
          );
        }
        void vscode.window
          .showInformationMessage(`Stopped ${header.scenario.name} ${where}.`, 'Show Log')
          .then((c) => c && this.log.show());
      } else {
        feed.setStatus('completed');
        this.completed(run, progress, owner, feed);
        const note = run.note?.();
        if (note) {
          this.log.warn(note);
          void vscode.window.showWarningMessage(note, 'Show Log').then((c) => c && this.log.show());
        }
      }
    } catch (err) {
      unlive();
      feed.setStatus('failed', err instanceof Error ? err.message : String(err));
      this.status.ended(owner, `$(error) Society: failed at round ${progress.round}`);
      // Not awaited: the message waits for a click, and until then the run would still count as
      // running (Stop stopped nothing, a new Run was refused as "already running").
      void this.fail(err, file);
    } finally {
      unlive();
      this.active = undefined;
      void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    }
  }

  /**
   * A completed run's outcome: in the status bar (its tooltip offers Open Trace and Show Log), and
   * in a notification only when failed model calls need saying or the society view is out of
   * sight (runOutcome.ts): a notification with buttons stays over the view's trace table.
   */
  private completed(run: PreparedRun, progress: RunProgress, owner: object, feed: TraceFeed): void {
    const { header } = run;
    // Failed model calls make it a warning that says what failed and how it was answered; an
    // error when no call got its model's answer at all (a wrong key, a dead endpoint).
    const faults = progress.faults.describe();
    const done = progress.endText(header.scenario.name, run.state);
    if (faults) this.log.warn(faults);
    const text = faults ? `${done} ${faults}` : done;
    this.log.info(text);
    this.status.ended(owner, `$(check) Society: ${progress.statusText()}`, outcomeTooltip(text, run.tracePath));
    const f = progress.faults;
    const level: OutcomeLevel = f.nothingAnswered ? 'error' : f.failed ? 'warning' : 'info';
    // A played run ends in its Play panel, which says so ("The run has ended…"): that panel is
    // the answer in sight, and a toast would sit over it (issue 88).
    if (!needsNotification(level, run.played === true || this.panels.inSight(feed))) return;
    const shown =
      level === 'error'
        ? vscode.window.showErrorMessage(text, 'Open Trace', 'Show Log')
        : level === 'warning'
          ? vscode.window.showWarningMessage(text, 'Open Trace', 'Show Log')
          : vscode.window.showInformationMessage(text, 'Open Trace', 'Show Log');
    void shown.then((c) => {
      if (c === 'Open Trace') {
        void vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(run.tracePath), 'society.trace');
      }
      if (c === 'Show Log') this.log.show();
    });
  }

  /** Every failure reaches the user, with the action that helps. */
  private async fail(err: unknown, file: string): Promise<void> {
    const message = plain(err instanceof Error ? err.message : String(err));
    this.log.error(message);
    if (err instanceof ScenarioProblems) {
      await showScenarioProblems(err);
      return;
    }
    if (err instanceof MissingKeyError) {
      const choice = await vscode.window.showErrorMessage(message, 'Set API Key', 'Run Offline');
      if (choice === 'Set API Key') await vscode.commands.executeCommand('society.setApiKey', err.envName);
      if (choice === 'Run Offline') await this.run(vscode.Uri.file(file), { model: { kind: 'offline' } });
      return;
    }
    const choice = await vscode.window.showErrorMessage(
      `Simulation of ${path.basename(file)} failed: ${message}`,
      'Show Log',
      'Open Settings',
    );
    if (choice === 'Show Log') this.log.show();
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'society');
  }

  dispose(): void {
    this.active?.controller.abort();
  }
}
