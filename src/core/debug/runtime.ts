// A debugger-facing runtime over a Simulation, in the style of mock-debug's runtime: start,
// continue, step (to the next phase, the next agent, the end of the round), pause, and
// breakpoints on agent/phase/round or on event types. It knows nothing about DAP.
// Under a debugger the simulation runs agents one by one, stage by stage (engine/phases/table.ts PHASES), so
// stepping phase by phase shows agent 1 perceive…act, agent 2 perceive…act, …, then every
// agent's evaluate, then every agent's reward, coach, reflect. In an action phase there is a step
// point right after each action takes effect, where Action taken stops.
import type { Phase, TraceEvent, TraceEventType } from '../trace/events';
import type { RunResult, Simulation, StepPoint } from '../engine';
import type { SourceLine } from './sourceMap';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'event' | 'pause';

export interface BreakpointSpec {
  agent?: string;
  phase?: Phase;
  /** A declared action phase by name (`round:`): its `world` steps only. */
  step?: string;
  round?: number;
  /** Stop at the next step after an event of this type (e.g. 'tie', 'advice', 'error'). */
  event?: TraceEventType;
  /** With `event`: only events this accepts (a failed call, not a retried one). */
  onEvent?: (e: TraceEvent) => boolean;
  /** The caller's name for the breakpoint (the debug adapter's exception filter id). */
  tag?: string;
  /** The caller's id for the breakpoint (the debug adapter's), reported back when it stops. */
  ref?: number;
  /** The source line the breakpoint is on (as the run parsed the file): where its stop points. */
  at?: SourceLine;
  /** Extra condition evaluated at the step point; a string stops too and says why (a condition that failed). */
  when?: (p: StepPoint) => boolean | string;
}
export interface Breakpoint extends BreakpointSpec {
  id: number;
  hits: number;
}

/** Why a stop happened: the breakpoint, and for event breakpoints the event and how many more matched before the stop. */
export interface StopDetail {
  breakpoint?: Breakpoint;
  event?: TraceEvent;
  more?: number;
  note?: string;
}

type Mode = 'run' | 'phase' | 'turn' | 'round';

export class SimulationRuntime {
  private mode: Mode = 'run';
  private pauseRequested = false;
  private resume?: () => void;
  private breakpoints: Breakpoint[] = [];
  private nextId = 1;
  /** The first event a breakpoint wants to stop after, and how many more came before the stop. */
  private pendingEvent?: { bp: Breakpoint; event: TraceEvent; more: number };
  private readonly stopListeners: ((reason: StopReason, p: StepPoint, detail?: StopDetail) => void)[] = [];
  private result?: Promise<RunResult>;
  /** The agent whose step we were at when `stepTurn` was asked. */
  private turnFrom?: string;

  constructor(
    readonly sim: Simulation,
    private readonly opts: { stopOnEntry?: boolean } = {},
  ) {
    if (opts.stopOnEntry) this.mode = 'phase';
    sim.gate = (p) => this.gate(p);
    sim.on((e) => {
      const bp = this.breakpoints.find(
        (b) =>
          b.event === e.type &&
          (b.agent === undefined || ('agent' in e && e.agent === b.agent) || ('from' in e && e.from === b.agent)) &&
          (!b.onEvent || b.onEvent(e)),
      );
      if (!bp) return;
      if (this.pendingEvent) this.pendingEvent.more++;
      else this.pendingEvent = { bp, event: e, more: 0 };
    });
  }

  onStop(l: (reason: StopReason, p: StepPoint, detail?: StopDetail) => void): void {
    this.stopListeners.push(l);
  }

  /** Replace all breakpoints. */
  setBreakpoints(specs: BreakpointSpec[]): Breakpoint[] {
    this.breakpoints = specs.map((s) => ({ ...s, id: this.nextId++, hits: 0 }));
    return this.breakpoints;
  }

  /** Start the run (once); resolves when it completes or is aborted. */
  start(signal?: AbortSignal): Promise<RunResult> {
    this.result ??= this.sim.run(signal);
    return this.result;
  }

  get paused(): boolean {
    return this.resume !== undefined;
  }
  get position(): StepPoint | undefined {
    return this.sim.current;
  }

  continue(): void {
    this.release('run');
  }
  /** To the next step point (the next phase of this or the next agent, or a round boundary). */
  stepPhase(): void {
    this.release('phase');
  }
  /** To the next step of another agent (or the end of the round). */
  stepTurn(): void {
    const p = this.sim.current;
    this.turnFrom = p?.kind === 'phase' || p?.kind === 'action' ? p.agent : undefined;
    this.release('turn');
  }
  /** To the end of the current round. */
  stepRound(): void {
    this.release('round');
  }
  /** Stop at the next step point. Ignored while paused: remembered, it would stop the next continue at once. */
  pause(): void {
    if (!this.paused) this.pauseRequested = true;
  }

  private release(mode: Mode): void {
    this.mode = mode;
    this.pauseRequested = false;
    const r = this.resume;
    this.resume = undefined;
    r?.();
  }

  private gate(p: StepPoint): void | Promise<void> {
    // Every breakpoint sees every step point, whether or not the point stops for another reason
    // (a step, a pause, an event, an earlier breakpoint): each logpoint logs and each hit count
    // counts every pass. The first that wants a stop is the breakpoint this point stops on.
    let hit: StopDetail | undefined;
    for (const b of this.breakpoints) {
      const m = matches(b, p);
      if (m === false) continue;
      hit ??= typeof m === 'string' ? { breakpoint: b, note: m } : { breakpoint: b };
    }
    let reason: StopReason | undefined;
    let detail: StopDetail | undefined;
    if (this.opts.stopOnEntry && p.kind === 'round_start' && p.round === 0 && this.mode === 'phase' && !this.stopped0) {
      reason = 'entry';
      this.stopped0 = true;
    } else if (this.pauseRequested) reason = 'pause';
    else if (this.pendingEvent) {
      reason = 'event';
      detail = { breakpoint: this.pendingEvent.bp, event: this.pendingEvent.event, more: this.pendingEvent.more };
    } else if (this.mode === 'phase') reason = 'step';
    else if (this.mode === 'turn' && ((p.kind === 'phase' && p.agent !== this.turnFrom) || p.kind === 'round_end')) {
      reason = 'step';
    } else if (this.mode === 'round' && p.kind === 'round_end') reason = 'step';
    else if (hit) {
      reason = 'breakpoint';
      detail = hit;
    }
    this.pendingEvent = undefined;
    if (!reason) return;
    if (detail?.breakpoint) detail.breakpoint.hits++;
    this.pauseRequested = false;
    this.mode = 'run';
    const held = new Promise<void>((resolve) => {
      this.resume = resolve;
    });
    for (const l of this.stopListeners) l(reason, p, detail);
    return held;
  }
  private stopped0 = false;
}

function matches(b: Breakpoint, p: StepPoint): boolean | string {
  if (b.event !== undefined) return false;
  if (b.round !== undefined && p.round !== b.round) return false;
  if (b.agent !== undefined && (p.kind !== 'phase' || p.agent !== b.agent)) return false;
  if (b.phase !== undefined && (p.kind !== 'phase' || p.phase !== b.phase)) return false;
  if (b.step !== undefined && (p.kind !== 'phase' || p.step !== b.step)) return false;
  if (b.agent === undefined && b.phase === undefined && b.round !== undefined && p.kind !== 'round_start') return false;
  return b.when ? b.when(p) : true;
}
