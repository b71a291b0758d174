// What the editor is told when a debugged run stops: the DAP `stopped` event (why, in its words;
// the breakpoint hit; the event an exception filter stopped after; a line lost to an edit since the launch),
// and the society view's highlight (whom, which round, the declared state, why in a word or two).
import { StoppedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { StopDetail, StopReason } from '../core/debug/runtime';
import type { SourceLine } from '../core/debug/sourceMap';
import { eventFilter } from '../core/debug/eventFilters';
import type { StepPoint } from '../core/engine';
import type { DebugRun } from './debugRun';
import type { SourceFiles } from './sources';
import { fileName, framesAt, locate, type StoppedOn } from './stopFrames';
import { highlightOf, pausedState } from './stopViews';

/** The simulation is the session's one thread. */
export const THREAD = 1;
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

export interface Stop {
  /** The exception filter that stopped the run, with the event it stopped after. */
  on?: StoppedOn;
  /** The line of the line breakpoint that stopped the run (the launch's text): the top frame's line. */
  line?: SourceLine;
  stopped: DebugProtocol.StoppedEvent;
  /** The society view's highlight (HIGHLIGHT_EVENT's body). */
  highlight: Record<string, unknown>;
}

export function describeStop(
  run: DebugRun,
  sources: SourceFiles,
  reason: StopReason,
  p: StepPoint,
  detail: StopDetail | undefined,
): Stop {
  const filter = detail?.breakpoint?.tag ? eventFilter(detail.breakpoint.tag) : undefined;
  const on: StoppedOn | undefined =
    filter && detail?.event ? { filter, detail: { ...detail, event: detail.event } } : undefined;
  const line = on ? undefined : detail?.breakpoint?.at;
  const e = on
    ? eventStop(on, run)
    : (new StoppedEvent(
        STOP_REASON[reason],
        THREAD,
        detail?.event ? `after ${detail.event.type}` : undefined,
      ) as DebugProtocol.StoppedEvent);
  if (!on && detail?.breakpoint?.ref !== undefined) e.body.hitBreakpointIds = [detail.breakpoint.ref];
  if (detail?.note) {
    e.body.description = 'Paused on a breakpoint whose condition failed';
    e.body.text = detail.note;
  }
  // A file edited since the launch whose line for this stop cannot be found again: no line is
  // highlighted for it (stackTrace), and the stop says why.
  const lost = [
    ...new Set(
      framesAt(run, sources, p, on, line)
        .filter((f) => f.at && !locate(sources, f.at, f.persona))
        .map((f) => fileName(f.at!.file)),
    ),
  ];
  if (lost.length) {
    e.body.description = `${e.body.description ?? `Paused on ${STOP_REASON[reason]}`} (${lost.join(', ')} changed since the launch: its line is not shown; restart to debug the edited file)`;
  }
  // `paused`: why, in a word or two, for the society view's status badge.
  const paused = on ? on.filter.label : detail?.note ? 'breakpoint condition failed' : PAUSED_TEXT[reason];
  const highlight = {
    ...(on ? { agents: on.filter.agentsOf(on.detail.event), round: p.round } : highlightOf(p)),
    ...pausedState(run, p),
    paused,
  };
  return { on, line, stopped: e, highlight };
}

/**
 * The stop after an event an exception filter caught, with the filter's reason: the Call Stack
 * says "Paused on Action taken: Abigail Chen: give …" (its tooltip the whole sentence); only a
 * model call that went wrong is an exception, with VS Code's exception widget, labelled the filter.
 */
function eventStop(on: StoppedOn, run: DebugRun): DebugProtocol.StoppedEvent {
  const text = exceptionText(on, run);
  const e = new StoppedEvent(on.filter.reason, THREAD, text) as DebugProtocol.StoppedEvent;
  e.body.description = on.filter.reason === 'exception' ? on.filter.label : `Paused on ${on.filter.label}: ${text}`;
  return e;
}

/** The exception filter's sentence for the event the run stopped after. */
export function exceptionText(on: StoppedOn, run: DebugRun | undefined): string {
  const more = on.detail.more ? ` (and ${on.detail.more} more before this stop)` : '';
  const sim = run?.sim;
  return `${on.filter.describe(on.detail.event, (id) => sim?.agent(id)?.persona.name)}${more}`;
}
