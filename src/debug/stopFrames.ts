// The call stack of a stop, as rows at lines of the .society files: the event an exception filter
// stopped after (at the persona it concerns), the agent's phase and turn (at its persona), and the
// round (at the scenario's rounds line). Lines are the launch's; `locate` finds them in the files
// as they are now. No DAP here: session.ts makes the frames.
import type { StopDetail } from '../core/debug/runtime';
import type { EventFilter } from '../core/debug/eventFilters';
import type { StepPoint } from '../core/engine';
import { personaLine, roundLine, type SourceLine } from '../core/debug/sourceMap';
import type { DebugRun } from './debugRun';
import type { SourceFiles } from './sources';

export const FRAME = { round: 1, turn: 2, phase: 3, event: 4 } as const;

/** The event the run stopped after, when an exception filter stopped it. */
export interface StoppedOn {
  filter: EventFilter;
  detail: StopDetail & { event: NonNullable<StopDetail['event']> };
}

export interface FrameRow {
  id: number;
  name: string;
  at?: SourceLine;
  persona?: string;
}

/**
 * The frames of a stop at `p`, at lines of the files as the run parsed them. Stopped by a line
 * breakpoint (`line`, the line it is on), the top frame is at that line: the editor's arrow and
 * the breakpoint's dot agree (a breakpoint on a persona's `interests:` is not shown at its `id:`).
 */
export function framesAt(
  run: DebugRun,
  sources: SourceFiles,
  p: StepPoint,
  on?: StoppedOn,
  line?: SourceLine,
): FrameRow[] {
  const frames: FrameRow[] = [];
  const read = (f: string): string[] => sources.launchLines(f);
  // People by name, as the trace table and Variables show them (issue 88: "p3: action", "p5 · give").
  const named = (id: string): string => run.sim.agent(id)?.persona.name ?? id;
  const round = roundLine(run.scenario, p.round, read);
  // Stopped after an event: the top frame is the agent it concerns, at its persona, so the
  // editor shows the stop there (the run itself is already at the next step). When the
  // persona has its own file, the file beside the name says whose, and the name is only what
  // happened (a short row: see session.ts `frame`).
  const about = on?.filter.agentsOf(on.detail.event)[0];
  if (on) {
    const at = about ? personaLine(run.sim.agent(about)?.persona, read) : undefined;
    const fileSaysWhose = !!at && fileName(at.file) === `${about}.society`;
    frames.push({
      id: FRAME.event,
      name: about && !fileSaysWhose ? `${named(about)}: ${on.filter.what}` : on.filter.what,
      at: at ?? round,
      persona: at && about,
    });
  }
  if (p.kind === 'action' && !on) {
    // A step landed right after an action (not the Action taken filter, whose event frame says it).
    const persona = personaLine(run.sim.agent(p.agent)?.persona, read) ?? round;
    const who = persona !== round ? p.agent : undefined;
    frames.push({ id: FRAME.phase, name: `${named(p.agent)} · ${p.action} taken`, at: persona, persona: who });
  }
  if (p.kind === 'phase') {
    const persona = personaLine(run.sim.agent(p.agent)?.persona, read) ?? round;
    const who = persona !== round ? p.agent : undefined;
    frames.push({ id: FRAME.phase, name: `${named(p.agent)} · ${p.step ?? p.phase}`, at: persona, persona: who });
    frames.push({
      id: FRAME.turn,
      name: `${named(p.agent)}'s turn (${p.turn + 1} of ${run.sim.world.agents.size})`,
      at: persona,
      persona: who,
    });
  }
  frames.push({ id: FRAME.round, name: roundLabel(p), at: round });
  if (line && !on) frames[0] = { ...frames[0], at: line, persona: undefined };
  return frames;
}

function roundLabel(p: StepPoint): string {
  if (p.kind === 'phase') return `round ${p.round}`;
  if (p.kind === 'action') return `round ${p.round} · ${p.step ?? 'world'}`;
  if (p.kind === 'round_start') return p.round === 0 ? 'setup (round 0)' : `round ${p.round} start`;
  if (p.kind === 'rooms') return `round ${p.round} rooms`;
  return `round ${p.round} end`;
}

/** The frames a stop at `p` has (what stackTrace gives). */
export function frameIds(p: StepPoint, on?: StoppedOn): number[] {
  return [
    ...(on ? [FRAME.event] : []),
    ...(p.kind === 'phase' ? [FRAME.phase, FRAME.turn] : []),
    ...(p.kind === 'action' && !on ? [FRAME.phase] : []),
    FRAME.round,
  ];
}

/**
 * Where a line of the launch's text is now (the file may have been edited since): through the
 * line alignment, else, for a persona's `id:` line that was itself edited, the one line of the
 * file with that id. Undefined when it cannot be found again with confidence.
 */
export function locate(sources: SourceFiles, at: SourceLine, persona?: string): SourceLine | undefined {
  const now = sources.toCurrent(at);
  if (now || !persona) return now;
  const escaped = persona.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = new RegExp(`^\\s*(?:-\\s*)?id\\s*:\\s*(["']?)${escaped}\\1\\s*(?:#.*)?$`);
  const lines = sources.currentLines(at.file).flatMap((l, i) => (id.test(l) ? [i] : []));
  return lines.length === 1 ? { file: at.file, line: lines[0] } : undefined;
}

/** The last part of a path, with either separator (paths come from the scenario's host). */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop()!;
}

/** The agent the paused run stands at: its turn, or the event it stopped after (for Show Memories). */
export function pausedAgent(run: DebugRun | undefined, on: StoppedOn | undefined): string | undefined {
  const p = run?.runtime.paused ? run.runtime.position : undefined;
  return p
    ? on
      ? on.filter.agentsOf(on.detail.event)[0]
      : p.kind === 'phase' || p.kind === 'action'
        ? p.agent
        : undefined
    : undefined;
}
