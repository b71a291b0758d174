// The Debug Adapter Protocol session for `society` launches, after mock-debug's split: this file
// only translates DAP requests to the engine's SimulationRuntime (which knows nothing of DAP)
// and the state back to frames, scopes and variables. Step over = the next agent's turn, step
// into = the next phase, step out = the end of the round.
import {
  Breakpoint,
  BreakpointEvent,
  ContinuedEvent,
  Event,
  InitializedEvent,
  LoggingDebugSession,
  OutputEvent,
  Scope,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BreakpointSpec, StopDetail, StopReason } from '../core/debug/runtime';
import type { Scenario } from '../core/format';
import type { PausedState } from '../core/protocol/viewMessages';
import { EVENT_FILTERS, eventFilter, type EventFilter } from '../core/debug/eventFilters';
import type { StepPoint } from '../core/engine';
import {
  planFunction,
  planLine,
  type BreakpointOptions,
  type PlanContext,
  type Planned,
} from '../core/debug/breakpoints';
import { runConsole } from '../core/debug/console';
import { evaluateExpression } from '../core/debug/expression';
import { stateScope } from '../core/debug/stateScope';
import { agentState, worldState } from '../core/debug/inspect';
import { personaLine, roundLine, type SourceLine } from '../core/debug/sourceMap';
import { createRun, type DebugRun, type LaunchArgs, type ModelFactoryProvider } from './debugRun';
import { VariableStore, preview } from './variables';
import { SourceFiles } from './sources';

const THREAD = 1;
const FRAME = { round: 1, turn: 2, phase: 3, event: 4 } as const;
const STOP_REASON: Record<StopReason, string> = {
  entry: 'entry',
  step: 'step',
  breakpoint: 'breakpoint',
  event: 'breakpoint',
  pause: 'pause',
};
/** Why the run is paused, as the society view's status badge says it ("paused: on breakpoint"). */
const PAUSED_TEXT: Record<StopReason, string> = {
  entry: 'on entry',
  step: 'after a step',
  breakpoint: 'on breakpoint',
  event: 'on breakpoint',
  pause: '',
};

/** Sent with every stop, so the society view can highlight the encounter. */
export const HIGHLIGHT_EVENT = 'society.highlight';
/** Sent when a paused run goes on (continue, a step, restart): the society view says it is running again. */
export const RESUMED_EVENT = 'society.resumed';
/** A custom request: the agent the paused run stands at (its turn, or the event it stopped after), for Show Memories. */
export const PAUSED_AGENT_REQUEST = 'society.pausedAgent';
/** Sent when the console interviews an agent: an intervention the extension records. */
export const INTERVENTION_EVENT = 'society.intervention';

type LaunchRequest = DebugProtocol.LaunchRequestArguments & LaunchArgs;

/** A breakpoint the editor set: its id (kept across restarts) and what the editor was last told about it. */
interface BreakpointRequest {
  id: number;
  line?: number;
  name?: string;
  opts: BreakpointOptions;
  told?: string;
}

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
  private readonly lineRequests = new Map<string, BreakpointRequest[]>();
  private functionRequests: BreakpointRequest[] = [];
  private nextBreakpointId = 1;
  /** Runs a restart replaced: their end is not the session's end. */
  private readonly replaced = new WeakSet<DebugRun>();
  /** Runs that have ended (their trace is closed). */
  private readonly ended = new WeakSet<DebugRun>();
  private readonly specs = new Map<string, BreakpointSpec[]>();
  /** The run's .society files as it parsed them and as they are now (edited during the session). */
  private sources = new SourceFiles([]);
  private exceptionFilters: string[] = [];
  /** The event the run stopped after, when an exception filter stopped it. */
  private stoppedOn?: { filter: EventFilter; detail: StopDetail & { event: NonNullable<StopDetail['event']> } };

  constructor(private readonly options: SessionOptions = {}) {
    super();
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
    this.configured = new Promise((r) => {
      this.markConfigured = r;
    });
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      ...response.body,
      supportsConfigurationDoneRequest: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsFunctionBreakpoints: true,
      supportsEvaluateForHovers: false,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      // Break on what happened (a failed model call, a tie formed…): checkboxes in the Breakpoints view.
      exceptionBreakpointFilters: EVENT_FILTERS.map((f) => ({
        filter: f.id,
        label: f.label,
        description: f.description,
        default: f.default,
      })),
      supportsExceptionInfoRequest: true,
    };
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
      const filter = detail?.breakpoint?.tag ? eventFilter(detail.breakpoint.tag) : undefined;
      this.stoppedOn = filter && detail?.event ? { filter, detail: { ...detail, event: detail.event } } : undefined;
      const e = this.stoppedOn
        ? (new StoppedEvent('exception', THREAD, this.exceptionText()) as DebugProtocol.StoppedEvent)
        : (new StoppedEvent(
            STOP_REASON[reason],
            THREAD,
            detail?.event ? `after ${detail.event.type}` : undefined,
          ) as DebugProtocol.StoppedEvent);
      if (this.stoppedOn) e.body.description = this.stoppedOn.filter.label;
      else if (detail?.breakpoint?.ref !== undefined) e.body.hitBreakpointIds = [detail.breakpoint.ref];
      if (detail?.note) {
        e.body.description = 'Paused on a breakpoint whose condition failed';
        e.body.text = detail.note;
      }
      // A file edited since the launch whose line for this stop cannot be found again: no line is
      // highlighted for it (stackTrace), and the stop says why.
      const lost = [
        ...new Set(
          this.framesAt(p)
            .filter((f) => f.at && !this.locate(f.at, f.persona))
            .map((f) => fileName(f.at!.file)),
        ),
      ];
      if (lost.length) {
        e.body.description = `${e.body.description ?? `Paused on ${STOP_REASON[reason]}`} (${lost.join(', ')} changed since the launch: its line is not shown; restart to debug the edited file)`;
      }
      this.sendEvent(e);
      // `paused`: why, in a word or two, for the society view's status badge.
      const paused = this.stoppedOn
        ? this.stoppedOn.filter.label
        : detail?.note
          ? 'breakpoint condition failed'
          : PAUSED_TEXT[reason];
      this.sendEvent(
        new Event(HIGHLIGHT_EVENT, {
          ...(this.stoppedOn
            ? { agents: this.stoppedOn.filter.agentsOf(this.stoppedOn.detail.event), round: p.round }
            : highlightOf(p)),
          ...pausedState(run, p),
          paused,
        }),
      );
    });
    // Re-plan the breakpoints the editor already gave (restart, or set before the launch), and
    // tell the editor about those whose state changed.
    for (const [file, reqs] of this.lineRequests) {
      this.specs.set(file, this.report(reqs, this.planFile(file, reqs), file));
    }
    this.specs.set('#functions', this.report(this.functionRequests, this.planFunctions()));
    this.specs.set('#exceptions', this.exceptionSpecs());
    this.applyBreakpoints();
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
          `simulation ${result.status} ${result.completed < 0 ? 'during setup, before round 1' : `after round ${result.completed}`}\n`,
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

  // ---- breakpoints

  private planContext(): PlanContext {
    return { sim: () => this.run!.sim, log: (text) => this.output(text) };
  }

  private planFile(file: string, reqs: BreakpointRequest[]): Planned[] {
    // The editor sends lines of the file as it is now; the scenario's ranges are the launch's.
    const parsed = (line: number) =>
      this.sources.changed(file)
        ? { line: this.sources.toLaunch(file, line), read: (f: string) => this.sources.launchLines(f) }
        : undefined;
    return reqs.map((r) =>
      planned(() =>
        planLine(
          this.run!.scenario,
          file,
          r.line!,
          (f: string) => this.sources.currentLines(f),
          r.opts,
          this.planContext(),
          parsed(r.line!),
        ),
      ),
    );
  }

  private planFunctions(): Planned[] {
    return this.functionRequests.map((f) => planned(() => planFunction(f.name!, f.opts, this.planContext())));
  }

  /** The specs to apply, each tagged with its request's id; a `breakpoint` event for each one that changed since the editor was told. */
  private report(reqs: BreakpointRequest[], plans: Planned[], file?: string): BreakpointSpec[] {
    plans.forEach((p, i) => {
      const b = this.dapBreakpoint(reqs[i], p, file);
      const told = JSON.stringify(b);
      if (reqs[i].told !== undefined && reqs[i].told !== told) this.sendEvent(new BreakpointEvent('changed', b));
      reqs[i].told = told;
    });
    return plans.flatMap((p, i) => (p.spec ? [{ ...p.spec, ref: reqs[i].id }] : []));
  }

  private dapBreakpoint(req: BreakpointRequest, p: Planned, file?: string): DebugProtocol.Breakpoint {
    const b = (
      file !== undefined
        ? new Breakpoint(p.verified, this.convertDebuggerLineToClient(req.line!), undefined, new Source(file, file))
        : new Breakpoint(p.verified)
    ) as DebugProtocol.Breakpoint;
    b.id = req.id;
    if (p.message) b.message = p.message;
    return b;
  }

  private applyBreakpoints(): void {
    this.run?.runtime.setBreakpoints([...this.specs.values()].flat());
  }

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const file = args.source.path ?? '';
    const reqs: BreakpointRequest[] = (args.breakpoints ?? []).map((b) => ({
      id: this.nextBreakpointId++,
      line: this.convertClientLineToDebugger(b.line),
      opts: { condition: b.condition, hitCondition: b.hitCondition, logMessage: b.logMessage },
    }));
    this.lineRequests.set(file, reqs);
    const plans = this.run ? this.planFile(file, reqs) : reqs.map(() => NOT_YET);
    if (this.run) {
      this.specs.set(file, this.report(reqs, plans, file));
      this.applyBreakpoints();
    }
    response.body = { breakpoints: plans.map((p, i) => this.told(reqs[i], p, file)) };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(
    response: DebugProtocol.SetFunctionBreakpointsResponse,
    args: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    this.functionRequests = (args.breakpoints ?? []).map((b) => ({
      id: this.nextBreakpointId++,
      name: String(b.name ?? ''),
      opts: { condition: b.condition, hitCondition: b.hitCondition },
    }));
    const plans = this.run ? this.planFunctions() : this.functionRequests.map(() => NOT_YET);
    if (this.run) {
      this.specs.set('#functions', this.report(this.functionRequests, plans));
      this.applyBreakpoints();
    }
    response.body = { breakpoints: plans.map((p, i) => this.told(this.functionRequests[i], p)) };
    this.sendResponse(response);
  }

  /** The breakpoint as the response gives it, remembered so a later change is sent as an event. */
  private told(req: BreakpointRequest, p: Planned, file?: string): DebugProtocol.Breakpoint {
    const b = this.dapBreakpoint(req, p, file);
    req.told = JSON.stringify(b);
    return b;
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    this.exceptionFilters = [...args.filters, ...(args.filterOptions ?? []).map((o) => o.filterId)].filter((id) =>
      eventFilter(id),
    );
    if (this.run) {
      this.specs.set('#exceptions', this.exceptionSpecs());
      this.applyBreakpoints();
    }
    response.body = { breakpoints: this.exceptionFilters.map(() => ({ verified: true })) };
    this.sendResponse(response);
  }

  /** One event breakpoint per checked filter; `tieFormed` reads the run's tie threshold as it is then. */
  private exceptionSpecs(): BreakpointSpec[] {
    return this.exceptionFilters.map((id) => {
      const f = eventFilter(id)!;
      return {
        event: f.type,
        tag: f.id,
        onEvent: (e) => f.matches(e, this.run?.sim.world.settings.ties.threshold ?? Infinity),
      };
    });
  }

  private exceptionText(): string {
    const s = this.stoppedOn!;
    const more = s.detail.more ? ` (and ${s.detail.more} more before this stop)` : '';
    const sim = this.run?.sim;
    return `${s.filter.describe(s.detail.event, (id) => sim?.agent(id)?.persona.name)}${more}`;
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const s = this.stoppedOn;
    if (!s) {
      this.sendErrorResponse(response, 5, 'not stopped on an exception filter');
      return;
    }
    response.body = {
      exceptionId: s.filter.label,
      description: this.exceptionText(),
      breakMode: 'always',
      // The event's fields are in the Event scope; the widget keeps to the sentence.
      details: { typeName: `${s.detail.event.type} event`, message: this.exceptionText() },
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
    const p = this.run?.runtime.paused ? this.run.runtime.position : undefined;
    const on = this.stoppedOn;
    response.body = {
      agent: p
        ? on
          ? on.filter.agentsOf(on.detail.event)[0]
          : p.kind === 'phase' || p.kind === 'action'
            ? p.agent
            : undefined
        : undefined,
    };
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
    const frames = p ? this.framesAt(p).map((f) => this.frame(f.id, f.name, f.at && this.locate(f.at, f.persona))) : [];
    // The client may ask for the top frame first and the rest later (startFrame, levels).
    const start = args.startFrame ?? 0,
      end = args.levels ? start + args.levels : frames.length;
    response.body = { stackFrames: frames.slice(start, end), totalFrames: frames.length };
    this.sendResponse(response);
  }

  /** The frames of a stop at `p`, at lines of the files as the run parsed them. */
  private framesAt(p: StepPoint): { id: number; name: string; at?: SourceLine; persona?: string }[] {
    const frames: { id: number; name: string; at?: SourceLine; persona?: string }[] = [];
    if (!this.run) return frames;
    const read = (f: string): string[] => this.sources.launchLines(f);
    const round = roundLine(this.run.scenario, p.round, read);
    // Stopped after an event: the top frame is the agent it concerns, at its persona, so the
    // exception widget shows there (the run itself is already at the next step). When the
    // persona has its own file, the file beside the name says whose, and the name is only what
    // happened (a short row: see `frame`).
    const on = this.stoppedOn;
    const about = on?.filter.agentsOf(on.detail.event)[0];
    if (on) {
      const at = about ? personaLine(this.run.sim.agent(about)?.persona, read) : undefined;
      const fileSaysWhose = !!at && fileName(at.file) === `${about}.society`;
      frames.push({
        id: FRAME.event,
        name: about && !fileSaysWhose ? `${about}: ${on.filter.what}` : on.filter.what,
        at: at ?? round,
        persona: at && about,
      });
    }
    if (p.kind === 'action' && !on) {
      // A step landed right after an action (not the Action taken filter, whose event frame says it).
      const persona = personaLine(this.run.sim.agent(p.agent)?.persona, read) ?? round;
      const who = persona !== round ? p.agent : undefined;
      frames.push({ id: FRAME.phase, name: `${p.agent} · ${p.action} taken`, at: persona, persona: who });
    }
    if (p.kind === 'phase') {
      const persona = personaLine(this.run.sim.agent(p.agent)?.persona, read) ?? round;
      const who = persona !== round ? p.agent : undefined;
      frames.push({ id: FRAME.phase, name: `${p.agent} · ${p.step ?? p.phase}`, at: persona, persona: who });
      frames.push({
        id: FRAME.turn,
        name: `${p.agent}'s turn (${p.turn + 1} of ${this.run.sim.world.agents.size})`,
        at: persona,
        persona: who,
      });
    }
    const label =
      p.kind === 'phase'
        ? `round ${p.round}`
        : p.kind === 'action'
          ? `round ${p.round} · ${p.step ?? 'world'}`
          : p.kind === 'round_start'
            ? p.round === 0
              ? 'setup (round 0)'
              : `round ${p.round} start`
            : p.kind === 'rooms'
              ? `round ${p.round} rooms`
              : `round ${p.round} end`;
    frames.push({ id: FRAME.round, name: label, at: round });
    return frames;
  }

  /**
   * Where a line of the launch's text is now (the file may have been edited since): through the
   * line alignment, else, for a persona's `id:` line that was itself edited, the one line of the
   * file with that id. Undefined when it cannot be found again with confidence.
   */
  private locate(at: SourceLine, persona?: string): SourceLine | undefined {
    const now = this.sources.toCurrent(at);
    if (now || !persona) return now;
    const escaped = persona.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const id = new RegExp(`^\\s*(?:-\\s*)?id\\s*:\\s*(["']?)${escaped}\\1\\s*(?:#.*)?$`);
    const lines = this.sources.currentLines(at.file).flatMap((l, i) => (id.test(l) ? [i] : []));
    return lines.length === 1 ? { file: at.file, line: lines[0] } : undefined;
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
    const scopes: Scope[] = [];
    const on = this.stoppedOn,
      about = on?.filter.agentsOf(on.detail.event)[0];
    if (!this.frameIds().includes(args.frameId)) {
      this.sendErrorResponse(response, 7, `There is no frame ${args.frameId} at this stop.`);
      return;
    }
    if (this.run && on && args.frameId === FRAME.event) {
      scopes.push(new Scope(`Event: ${on.filter.label}`, this.vars.ref(on.detail.event), false));
      if (about && this.run.sim.agent(about)) {
        scopes.push(
          new Scope(
            `Agent ${about}`,
            this.vars.ref(agentState(this.run.sim, about, this.run.decisions, this.run.surveys)),
            false,
          ),
        );
      }
      scopes.push(new Scope('World', this.vars.ref(worldState(this.run.sim)), false));
    } else if (this.run && p) {
      if ((p.kind === 'phase' || p.kind === 'action') && args.frameId !== FRAME.round) {
        scopes.push(
          new Scope(
            `Agent ${p.agent}`,
            this.vars.ref(agentState(this.run.sim, p.agent, this.run.decisions, this.run.surveys)),
            false,
          ),
        );
      }
      scopes.push(new Scope('World', this.vars.ref(worldState(this.run.sim)), false));
    }
    response.body = { scopes };
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
    const at = run.runtime.position;
    try {
      if (args.context === 'repl') {
        const r = await runConsole(args.expression, run.sim, at, {
          noInterview: this.interviewRefusal(run),
          events: () => run.events,
        });
        if (r.interview) {
          this.sendEvent(new Event(INTERVENTION_EVENT, { type: 'interview', ...r.interview }));
          this.output(
            `[intervention recorded] interview of ${r.interview.agent} in round ${r.interview.round}\n`,
            'console',
          );
        }
        response.body = { result: r.text, variablesReference: this.vars.ref(r.value) };
      } else {
        const value = evaluateExpression(args.expression, stateScope(run.sim, at));
        response.body = { result: preview(value), variablesReference: this.vars.ref(value) };
      }
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

  /** Why the console cannot interview now: an interview is recorded where a paused run stands. */
  private interviewRefusal(run: DebugRun): string | undefined {
    if (this.ended.has(run)) {
      return 'The simulation has ended and its trace is closed, so the interview would not be recorded: restart to ask during the run.';
    }
    if (!run.runtime.paused) {
      return 'Pause the simulation first: an interview is recorded at the step where the run is stopped.';
    }
    return undefined;
  }

  /** The frames the current stop has (what stackTrace gives). */
  private frameIds(): number[] {
    const p = this.run?.runtime.position;
    if (!this.run || !p) return [];
    return [
      ...(this.stoppedOn ? [FRAME.event] : []),
      ...(p.kind === 'phase' ? [FRAME.phase, FRAME.turn] : []),
      ...(p.kind === 'action' && !this.stoppedOn ? [FRAME.phase] : []),
      FRAME.round,
    ];
  }

  private output(text: string, category: 'console' | 'stdout' | 'stderr' = 'console'): void {
    this.sendEvent(new OutputEvent(text, category));
  }
}

/** A breakpoint the editor set before the launch: planned once the scenario is loaded (a `breakpoint` event follows). */
const NOT_YET: Planned = { verified: false, message: 'Checked when the simulation starts.' };

/** A plan that never throws: whatever goes wrong makes that one breakpoint unverified, with the reason. */
function planned(plan: () => Planned): Planned {
  try {
    return plan();
  } catch (err) {
    return { verified: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function highlightOf(p: StepPoint): { agents: string[]; round: number; phase?: string } {
  if (p.kind === 'phase') return { agents: [p.agent], round: p.round, phase: p.phase };
  if (p.kind === 'action') return { agents: [p.agent], round: p.round, phase: 'world' };
  return { agents: [], round: p.round };
}

/**
 * The declared state at the stop, as Variables shows it: the trace has it only at the round's end,
 * so the society view is sent it with the stop (PausedState).
 */
function pausedState(run: DebugRun, p: StepPoint): { state?: PausedState } {
  const s = run.sim.world.state;
  if (!s?.hasQuantities) return {};
  const { world, agents } = s.peek(p.round);
  return { state: { round: p.round, world, agents, ...(p.kind === 'round_end' ? { ended: true } : {}) } };
}

/** The .society files the scenario was parsed from (their lines as the run saw them are kept). */
function scenarioFiles(scenario: Scenario): string[] {
  const files = new Set<string>();
  if (scenario.source) files.add(scenario.source.file);
  for (const p of scenario.personas) if (p.source) files.add(p.source.file);
  for (const e of scenario.events) {
    if (e.source) files.add(e.source.file);
    if ('add' in e) for (const p of e.add) if (p.source) files.add(p.source.file);
  }
  return [...files];
}

/** The last part of a path, with either separator (paths come from the scenario's host). */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop()!;
}
