// The breakpoints the editor set, kept across restarts: source lines, function names (phases,
// actions, agents) and the event filters checked in the Breakpoints view. Each is planned against
// the run's scenario (core/debug/breakpoints.ts) when the run is there — before the launch it is
// "checked when the simulation starts" — and the editor is told when a plan changes. The session
// (session.ts) only passes DAP's arguments in and the answers out.
import { Breakpoint, Source } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BreakpointSpec } from '../core/debug/runtime';
import { eventFilter } from '../core/debug/eventFilters';
import {
  planFunction,
  planLine,
  type BreakpointOptions,
  type PlanContext,
  type Planned,
} from '../core/debug/breakpoints';
import type { DebugRun } from './debugRun';
import type { SourceFiles } from './sources';

/** What the book needs of its session. */
export interface BookHost {
  run(): DebugRun | undefined;
  sources(): SourceFiles;
  /** A line of the debugger (0-based) as the editor counts it. */
  clientLine(line: number): number;
  /** A log point's or a plan's message for the Debug Console. */
  log(text: string): void;
  /** A breakpoint whose state changed since the editor was told (a `breakpoint` event). */
  changed(b: DebugProtocol.Breakpoint): void;
}

/** A breakpoint the editor set: its id (kept across restarts) and what the editor was last told about it. */
interface BreakpointRequest {
  id: number;
  line?: number;
  name?: string;
  opts: BreakpointOptions;
  told?: string;
}

const FUNCTIONS = '#functions';
const EXCEPTIONS = '#exceptions';

export class BreakpointBook {
  private readonly lineRequests = new Map<string, BreakpointRequest[]>();
  private functionRequests: BreakpointRequest[] = [];
  private exceptionFilters: string[] = [];
  private nextId = 1;
  /** What the runtime is given, per file (and for functions and filters). */
  private readonly specs = new Map<string, BreakpointSpec[]>();

  constructor(private readonly host: BookHost) {}

  /** setBreakpoints: the file's lines (0-based), answered in order. */
  setLines(file: string, lines: { line: number; condition?: string; hitCondition?: string; logMessage?: string }[]) {
    const reqs: BreakpointRequest[] = lines.map((b) => ({
      id: this.nextId++,
      line: b.line,
      opts: { condition: b.condition, hitCondition: b.hitCondition, logMessage: b.logMessage },
    }));
    this.lineRequests.set(file, reqs);
    const plans = this.host.run() ? this.planFile(file, reqs) : reqs.map(() => NOT_YET);
    if (this.host.run()) {
      this.specs.set(file, this.report(reqs, plans, file));
      this.apply();
    }
    return plans.map((p, i) => this.told(reqs[i], p, file));
  }

  /** setFunctionBreakpoints. */
  setFunctions(breakpoints: DebugProtocol.FunctionBreakpoint[]): DebugProtocol.Breakpoint[] {
    this.functionRequests = breakpoints.map((b) => ({
      id: this.nextId++,
      name: String(b.name ?? ''),
      opts: { condition: b.condition, hitCondition: b.hitCondition },
    }));
    const plans = this.host.run() ? this.planFunctions() : this.functionRequests.map(() => NOT_YET);
    if (this.host.run()) {
      this.specs.set(FUNCTIONS, this.report(this.functionRequests, plans));
      this.apply();
    }
    return plans.map((p, i) => this.told(this.functionRequests[i], p));
  }

  /** setExceptionBreakpoints: the checked event filters (unknown ids are dropped). */
  setExceptions(ids: string[]): DebugProtocol.Breakpoint[] {
    this.exceptionFilters = ids.filter((id) => eventFilter(id));
    if (this.host.run()) {
      this.specs.set(EXCEPTIONS, this.exceptionSpecs());
      this.apply();
    }
    return this.exceptionFilters.map(() => ({ verified: true }));
  }

  /**
   * A new run (launch, restart): re-plan the breakpoints the editor already gave and tell the
   * editor about those whose state changed.
   */
  replan(): void {
    for (const [file, reqs] of this.lineRequests) {
      this.specs.set(file, this.report(reqs, this.planFile(file, reqs), file));
    }
    this.specs.set(FUNCTIONS, this.report(this.functionRequests, this.planFunctions()));
    this.specs.set(EXCEPTIONS, this.exceptionSpecs());
    this.apply();
  }

  private apply(): void {
    this.host.run()?.runtime.setBreakpoints([...this.specs.values()].flat());
  }

  private planContext(): PlanContext {
    return { sim: () => this.host.run()!.sim, log: (text) => this.host.log(text) };
  }

  private planFile(file: string, reqs: BreakpointRequest[]): Planned[] {
    const sources = this.host.sources();
    // The editor sends lines of the file as it is now; the scenario's ranges are the launch's.
    const parsed = (line: number) =>
      sources.changed(file)
        ? { line: sources.toLaunch(file, line), read: (f: string) => sources.launchLines(f) }
        : undefined;
    return reqs.map((r) =>
      planned(() =>
        planLine(
          this.host.run()!.scenario,
          file,
          r.line!,
          (f: string) => sources.currentLines(f),
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

  /** One event breakpoint per checked filter; `tieFormed` reads the run's tie threshold as it is then. */
  private exceptionSpecs(): BreakpointSpec[] {
    return this.exceptionFilters.map((id) => {
      const f = eventFilter(id)!;
      return {
        event: f.type,
        tag: f.id,
        onEvent: (e) => f.matches(e, this.host.run()?.sim.world.settings.ties.threshold ?? Infinity),
      };
    });
  }

  /** The specs to apply, each tagged with its request's id; a `breakpoint` event for each one that changed since the editor was told. */
  private report(reqs: BreakpointRequest[], plans: Planned[], file?: string): BreakpointSpec[] {
    plans.forEach((p, i) => {
      const b = this.dapBreakpoint(reqs[i], p, file);
      const told = JSON.stringify(b);
      if (reqs[i].told !== undefined && reqs[i].told !== told) this.host.changed(b);
      reqs[i].told = told;
    });
    return plans.flatMap((p, i) => (p.spec ? [{ ...p.spec, ref: reqs[i].id }] : []));
  }

  private dapBreakpoint(req: BreakpointRequest, p: Planned, file?: string): DebugProtocol.Breakpoint {
    const b = (
      file !== undefined
        ? new Breakpoint(p.verified, this.host.clientLine(req.line!), undefined, new Source(file, file))
        : new Breakpoint(p.verified)
    ) as DebugProtocol.Breakpoint;
    b.id = req.id;
    if (p.message) b.message = p.message;
    return b;
  }

  /** The breakpoint as the response gives it, remembered so a later change is sent as an event. */
  private told(req: BreakpointRequest, p: Planned, file?: string): DebugProtocol.Breakpoint {
    const b = this.dapBreakpoint(req, p, file);
    req.told = JSON.stringify(b);
    return b;
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
