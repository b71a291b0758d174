// What the editor is told when a debugged run stops: the DAP `stopped` event (why, in its words;
// the breakpoint hit; an exception filter's sentence; a line lost to an edit since the launch),
// and the society view's highlight (whom, which round, the declared state, why in a word or two).
import { StoppedEvent } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { StopDetail, StopReason } from '../core/debug/runtime';
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
  const e = on
    ? (new StoppedEvent('exception', THREAD, exceptionText(on, run)) as DebugProtocol.StoppedEvent)
    : (new StoppedEvent(
        STOP_REASON[reason],
        THREAD,
        detail?.event ? `after ${detail.event.type}` : undefined,
      ) as DebugProtocol.StoppedEvent);
  if (on) e.body.description = on.filter.label;
  else if (detail?.breakpoint?.ref !== undefined) e.body.hitBreakpointIds = [detail.breakpoint.ref];
  if (detail?.note) {
    e.body.description = 'Paused on a breakpoint whose condition failed';
    e.body.text = detail.note;
  }
  // A file edited since the launch whose line for this stop cannot be found again: no line is
  // highlighted for it (stackTrace), and the stop says why.
  const lost = [
    ...new Set(
      framesAt(run, sources, p, on)
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
  return { on, stopped: e, highlight };
}

/** The exception filter's sentence for the event the run stopped after. */
export function exceptionText(on: StoppedOn, run: DebugRun | undefined): string {
  const more = on.detail.more ? ` (and ${on.detail.more} more before this stop)` : '';
  const sim = run?.sim;
  return `${on.filter.describe(on.detail.event, (id) => sim?.agent(id)?.persona.name)}${more}`;
}
