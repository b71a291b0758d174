// The Debug Adapter Protocol session for `society` launches, after mock-debug's split: this file
// only translates DAP requests to the engine's SimulationRuntime (which knows nothing of DAP)
// and the state back to frames, scopes and variables. Step over = the next agent's turn, step
// into = the next phase, step out = the end of the round.
import {
  BreakpointEvent,
  ContinuedEvent,
  Event,
  InitializedEvent,
  LoggingDebugSession,
  OutputEvent,
  Scope,
  Source,
  StackFrame,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';

import type { SourceLine } from '../core/debug/sourceMap';
import { createRun, type DebugRun, type LaunchArgs, type ModelFactoryProvider } from './debugRun';
import { VariableStore } from './variables';
import { SourceFiles } from './sources';
import { BreakpointBook } from './breakpointBook';
import { fileName, frameIds, framesAt, locate, pausedAgent, type StoppedOn } from './stopFrames';
import { scopesAt } from './stopScopes';
import { scenarioFiles } from './stopViews';
import { describeStop, exceptionText, THREAD } from './stopEvents';
import { stoppedAt } from '../core/run/stoppedAt';
import { evaluateIn, interviewRefusal } from './consoleEval';
import {
  capabilities,
  HIGHLIGHT_EVENT,
  INTERVENTION_EVENT,
  PAUSED_AGENT_REQUEST,
  RESUMED_EVENT,
} from './sessionProtocol';

export { HIGHLIGHT_EVENT, INTERVENTION_EVENT, PAUSED_AGENT_REQUEST, RESUMED_EVENT } from './sessionProtocol';

type LaunchRequest = DebugProtocol.LaunchRequestArguments & LaunchArgs;

export interface SessionOptions {
  /** Builds the models (default: offline only). */
  models?: ModelFactoryProvider;
  /** Told about each run before it starts (launch, restart): the editor's view follows it. */
  onRun?: (run: DebugRun) => void;
}

export class SocietyDebugSession extends LoggingDebugSession {
  private run?: DebugRun;
  private args?: LaunchRequest;
  private configured!: Promise<void>;
  private markConfigured!: () => void;
  private readonly vars = new VariableStore();
  private readonly breakpoints = new BreakpointBook({
    run: () => this.run,
    sources: () => this.sources,
    clientLine: (line) => this.convertDebuggerLineToClient(line),
    log: (text) => this.output(text),
    changed: (b) => this.sendEvent(new BreakpointEvent('changed', b)),
  });
  /** Runs a restart replaced: their end is not the session's end. */
  private readonly replaced = new WeakSet<DebugRun>();
  /** Runs that have ended (their trace is closed). */
  private readonly ended = new WeakSet<DebugRun>();
  /** The run's .society files as it parsed them and as they are now (edited during the session). */
  private sources = new SourceFiles([]);
  /** The event the run stopped after, when an exception filter stopped it. */
  private stoppedOn?: StoppedOn;
  /** The line of the line breakpoint the run stopped on: the top frame's line. */
  private stoppedLine?: SourceLine;

  constructor(private readonly options: SessionOptions = {}) {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
    this.configured = new Promise((r) => {
      this.markConfigured = r;
    });
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = { ...response.body, ...capabilities() };
    this.sendResponse(response);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.markConfigured();
    this.sendResponse(response);
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchRequest): Promise<void> {
    // One run per session: a second launch would leave the first one held at its stop, unreachable.
    if (this.args) {
      this.sendErrorResponse(
        response,
        1,
        'This debug session is already running a simulation: restart it, or start another session.',
      );
      return;
    }
    this.args = args;
    try {
      await this.open(args);
    } catch (err) {
      this.args = undefined; // nothing is running: a corrected launch may follow
      this.sendErrorResponse(response, 1, err instanceof Error ? err.message : String(err));
      this.sendEvent(new TerminatedEvent());
      return;
    }
    // Breakpoints need the scenario to map lines, so the editor configures them only now.
    this.sendEvent(new InitializedEvent());
    this.options.onRun?.(this.run!);
    await Promise.race([this.configured, new Promise((r) => setTimeout(r, 5000))]);
    this.sendResponse(response);
    this.startRun();
  }

  private async open(args: LaunchRequest): Promise<void> {
    const run = await createRun(args, this.options.models);
    this.run = run;
    this.sources = new SourceFiles(scenarioFiles(run.scenario));
    for (const w of run.warnings) this.output(`${w}\n`);
    run.runtime.onStop((reason, p, detail) => {
      if (this.run !== run || this.replaced.has(run)) return;
      this.vars.reset();
      const stop = describeStop(run, this.sources, reason, p, detail);
      this.stoppedOn = stop.on;
      this.stoppedLine = stop.line;
      this.sendEvent(stop.stopped);
      this.sendEvent(new Event(HIGHLIGHT_EVENT, stop.highlight));
    });
    // Breakpoints the editor already gave (restart, or set before the launch) are planned for this run.
    this.breakpoints.replan();
  }

  private startRun(): void {
    const run = this.run!;
    // A run a restart replaced ends quietly: the session goes on with the new one.
    const current = (): boolean => this.run === run && !this.replaced.has(run);
    run.runtime.start(run.abort.signal).then(
      async (result) => {
        this.ended.add(run);
        await run.close();
        if (!current()) return;
        this.output(
          result.status === 'completed'
            ? `simulation completed after round ${result.completed}\n`
            : `simulation stopped ${stoppedAt(result.completed)}\n`,
        );
        this.sendEvent(new TerminatedEvent());
      },
      async (err) => {
        this.ended.add(run);
        await run.close();
        if (!current()) return;
        this.output(`simulation failed: ${err instanceof Error ? err.message : String(err)}\n`, 'stderr');
        this.sendEvent(new TerminatedEvent());
      },
    );
  }

  private stopRun(): void {
    const run = this.run;
    if (!run) return;
    run.abort.abort();
    run.runtime.continue(); // let a held gate see the abort
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse): Promise<void> {
    if (!this.args) {
      this.sendErrorResponse(response, 2, 'There is no simulation to restart: launch one first.');
      return;
    }
    if (this.run) this.replaced.add(this.run);
    this.stopRun();
    try {
      await this.open(this.args);
    } catch (err) {
      // The old run is gone and no new one started: the session has nothing left to debug.
      this.run = undefined;
      this.sendErrorResponse(response, 2, err instanceof Error ? err.message : String(err));
      this.output(`restart failed: ${err instanceof Error ? err.message : String(err)}\n`, 'stderr');
      this.sendEvent(new TerminatedEvent());
      return;
    }
    this.options.onRun?.(this.run!);
    this.sendResponse(response);
    // The old run's stop is gone: VS Code drops its call stack only when told the thread goes on
    // (a restart does not imply it, and the new run may not stop for a long while).
    this.stoppedOn = undefined;
    this.stoppedLine = undefined;
    this.vars.reset();
    this.sendEvent(new ContinuedEvent(THREAD, true));
    this.startRun();
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.stopRun();
    this.sendResponse(response);
  }
  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.stopRun();
    this.sendResponse(response);
  }

  // ---- breakpoints (breakpointBook.ts)

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const lines = (args.breakpoints ?? []).map((b) => ({ ...b, line: this.convertClientLineToDebugger(b.line) }));
    response.body = { breakpoints: this.breakpoints.setLines(args.source.path ?? '', lines) };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(
    response: DebugProtocol.SetFunctionBreakpointsResponse,
    args: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    response.body = { breakpoints: this.breakpoints.setFunctions(args.breakpoints ?? []) };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    const ids = [...args.filters, ...(args.filterOptions ?? []).map((o) => o.filterId)];
    response.body = { breakpoints: this.breakpoints.setExceptions(ids) };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const s = this.stoppedOn;
    if (!s) {
      this.sendErrorResponse(response, 5, 'not stopped on an exception filter');
      return;
    }
    response.body = {
      exceptionId: s.filter.label,
      description: exceptionText(s, this.run),
      breakMode: 'always',
      // The event's fields are in the Event scope; the widget keeps to the sentence.
      details: { typeName: `${s.detail.event.type} event`, message: exceptionText(s, this.run) },
    };
    this.sendResponse(response);
  }

  // ---- execution

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.sendResponse(response);
    this.resumed();
    this.run?.runtime.continue();
  }
  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.sendResponse(response);
    this.resumed();
    this.run?.runtime.stepTurn();
  }
  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.sendResponse(response);
    this.resumed();
    this.run?.runtime.stepPhase();
  }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.sendResponse(response);
    this.resumed();
    this.run?.runtime.stepRound();
  }
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.run?.runtime.pause();
    this.sendResponse(response);
  }

  protected override customRequest(command: string, response: DebugProtocol.Response, args: unknown): void {
    if (command !== PAUSED_AGENT_REQUEST) {
      super.customRequest(command, response, args);
      return;
    }
    response.body = { agent: pausedAgent(this.run, this.stoppedOn) };
    this.sendResponse(response);
  }

  /** A paused run goes on: the society view's status follows (the next stop says paused again). */
  private resumed(): void {
    if (this.run?.runtime.paused) this.sendEvent(new Event(RESUMED_EVENT));
  }

  // ---- state

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = {
      threads: [new Thread(THREAD, this.run ? `simulation: ${this.run.scenario.name}` : 'simulation')],
    };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    if (args.threadId !== THREAD) {
      this.sendErrorResponse(response, 6, `There is no thread ${args.threadId}: the simulation is thread ${THREAD}.`);
      return;
    }
    const p = this.run?.runtime.position;
    const frames =
      this.run && p
        ? framesAt(this.run, this.sources, p, this.stoppedOn, this.stoppedLine).map((f) =>
            this.frame(f.id, f.name, f.at && locate(this.sources, f.at, f.persona)),
          )
        : [];
    // The client may ask for the top frame first and the rest later (startFrame, levels).
    const start = args.startFrame ?? 0,
      end = args.levels ? start + args.levels : frames.length;
    response.body = { stackFrames: frames.slice(start, end), totalFrames: frames.length };
    this.sendResponse(response);
  }

  /**
   * A frame at a line of a .society file. The Call Stack shows the file without its extension
   * (the persona or scenario it holds): VS Code wraps a row whose name, file and line badge do not
   * fit the default sidebar width onto two lines, and a focused two-line row shows only its badge.
   */
  private frame(id: number, name: string, at: SourceLine | undefined): StackFrame {
    // `at` is where the line is now; a line edited away since the launch shows none (the stop says why).
    if (!at) return new StackFrame(id, name);
    const shown = fileName(at.file).replace(/\.society$/, '');
    return new StackFrame(
      id,
      name,
      new Source(shown, at.file),
      this.convertDebuggerLineToClient(at.line),
      this.convertDebuggerColumnToClient(0),
    );
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    const p = this.run?.runtime.position;
    if (!this.run || !p || !frameIds(p, this.stoppedOn).includes(args.frameId)) {
      this.sendErrorResponse(response, 7, `There is no frame ${args.frameId} at this stop.`);
      return;
    }
    const scopes = scopesAt(this.run, p, args.frameId, this.stoppedOn);
    response.body = { scopes: scopes.map((s) => new Scope(s.name, this.vars.ref(s.value), false)) };
    this.sendResponse(response);
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    const page =
      args.filter === 'indexed' && args.start !== undefined ? { start: args.start, count: args.count } : undefined;
    response.body = { variables: this.vars.children(args.variablesReference, page) };
    this.sendResponse(response);
  }

  protected override async evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): Promise<void> {
    const run = this.run;
    if (!run) {
      this.sendErrorResponse(response, 3, 'no simulation');
      return;
    }
    try {
      const r = await evaluateIn(run, args, () => interviewRefusal(run, this.ended.has(run)));
      if (r.interview) {
        this.sendEvent(new Event(INTERVENTION_EVENT, { type: 'interview', ...r.interview }));
        this.output(
          `[intervention recorded] interview of ${r.interview.agent} in round ${r.interview.round}\n`,
          'console',
        );
      }
      response.body = { result: r.text, variablesReference: this.vars.ref(r.value) };
      this.sendResponse(response);
    } catch (err) {
      // Not shown to the user as a notification: VS Code puts the message where the expression is
      // (the Watch view, the console, the hover). A stale watch toasted at every stop.
      this.sendErrorResponse(response, {
        id: 4,
        format: err instanceof Error ? err.message : String(err),
        showUser: false,
      });
    }
  }

  private output(text: string, category: 'console' | 'stdout' | 'stderr' = 'console'): void {
    this.sendEvent(new OutputEvent(text, category));
  }
}
