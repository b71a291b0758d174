// The tie network of a run, from its trace: agents (with their persona's scalar fields as node
// attributes) and the ties at or above the threshold, at the end of any round (via replay).
import * as fs from 'node:fs';
import type { TraceEvent, TraceHeader } from '../../trace/events';
import { readTraceFile, traceProblemsMessage } from '../../trace/reader';
import { applyEvent, initialState, replay, type WorldState } from '../../replay/replay';
import { jsonObject, lineBefore } from '../../trace/lineRead';
import { endOfRound, indexedRoundOffsets, roundOffsets, type RoundOffsets } from '../../trace/roundIndex';
import { graphFromTies } from './graphFromTies';
import { personaAttributes } from './personaAttributes';
import type { TieGraph } from './tieGraph';

export { personaAttributes } from './personaAttributes';

/** The tie network of a replayed world: active agents, ties at or above its current threshold. */
export function tieNetworkOf(state: WorldState): TieGraph {
  const agents = [...state.agents.values()].filter((a) => a.active);
  const present = new Set(agents.map((a) => a.id));
  const ties = [...state.ties.entries()]
    .filter(([from, to]) => present.has(from) && present.has(to))
    .map(([from, to, strength]) => ({ from, to, strength }));
  return graphFromTies(
    agents.map((a) => ({ id: a.id, attrs: personaAttributes(a.persona) })),
    ties,
    state.settings.ties.threshold,
  );
}

export interface LoadedTrace {
  /** The file it was read from, as given (messages name it). */
  file?: string;
  header: TraceHeader;
  /** The events `loadTrace` was asked to keep (by default those that shape the tie network). */
  events: TraceEvent[];
  /** The last round the trace holds whole (its round_end is there); −1 when it holds none. */
  lastRound: number;
  complete: boolean;
  /** A round the trace starts but does not finish (the run was stopped in it): its events are left out. */
  unfinishedRound?: number;
  /** The file ends in a cut-off line, left out. */
  truncated?: boolean;
}

const NETWORK_EVENTS: ReadonlySet<TraceEvent['type']> = new Set([
  'round_start',
  'agent_added',
  'agent_removed',
  'tie',
  'tie_decay',
  'event_fired',
  'round_end',
  'run_end',
]);

/** Events that change the tie network or its agents (replay reads nothing else for `tieNetworkOf`). */
export function shapesNetwork(e: TraceEvent): boolean {
  return NETWORK_EVENTS.has(e.type);
}

/**
 * Streams a trace file, keeping the events `keep` selects (default: those that shape the tie
 * network, a small part of a trace: messages and memories are most of it). Any unreadable line is
 * an error naming file and line.
 */
export async function loadTrace(file: string, keep: (e: TraceEvent) => boolean = shapesNetwork): Promise<LoadedTrace> {
  const events: TraceEvent[] = [];
  const read = await readTraceFile(file, {
    keepEvents: false,
    onEvent: (e) => {
      if (keep(e)) events.push(e);
    },
  });
  if (read.errors.length > 0 || !read.header) throw new Error(traceProblemsMessage(file, read.errors));
  // Rounds end with round_end; the events of one without it (the run was stopped mid-round) would
  // show half-updated ties, so they are left out. A trace cut inside round 0 (setup) holds no whole
  // round (lastRound −1): it has no network, rather than an empty or half-built one.
  const lastRound = read.lastRound,
    unfinished = read.latestRound > lastRound;
  return {
    file,
    header: read.header,
    events: unfinished ? events.filter((e) => e.round <= lastRound) : events,
    lastRound,
    complete: read.complete,
    ...(unfinished ? { unfinishedRound: read.latestRound } : {}),
    ...(read.truncated ? { truncated: true } : {}),
  };
}

/**
 * The round asked for (default: the last whole one); throws when the trace does not hold it whole,
 * naming the trace's file when it is known.
 */
export function wholeRound(
  trace: Pick<LoadedTrace, 'file' | 'lastRound' | 'unfinishedRound'>,
  requested?: number,
): number {
  const round = requested ?? trace.lastRound;
  if (Number.isInteger(round) && round >= 0 && round <= trace.lastRound) return round;
  const unfinished = trace.unfinishedRound !== undefined ? `; round ${trace.unfinishedRound} was not finished` : '';
  // A trace cut inside round 0 (or only a header) has no network to show, not an empty one.
  const problem =
    trace.lastRound < 0
      ? `round ${requested ?? 0} is not in the trace: it ends before round 0 was finished`
      : `round ${round} is outside the trace (0..${trace.lastRound}${unfinished})`;
  throw new Error(trace.file !== undefined ? `${trace.file}: ${problem}` : problem);
}

/** What a command says about a trace it read whole rounds of: nothing for a whole trace. */
export function unfinishedNote(
  trace: Pick<LoadedTrace, 'lastRound' | 'unfinishedRound' | 'truncated'>,
): string | undefined {
  if (trace.lastRound < 0) return 'the trace ends before round 0 was finished';
  const parts: string[] = [];
  if (trace.unfinishedRound !== undefined) {
    parts.push(`round ${trace.unfinishedRound} was not finished and is left out`);
  }
  if (trace.truncated) parts.push('its last line was cut off');
  return parts.length ? `the trace ends after round ${trace.lastRound}: ${parts.join('; ')}` : undefined;
}

/** The tie network at the end of `round` (default: the last round in the trace). */
export function traceTieNetwork(trace: LoadedTrace, round = trace.lastRound): TieGraph {
  return tieNetworkOf(replay(trace.header, trace.events, round));
}

/** A trace's tie network folded as the trace streams past: the state at the end of `round`, never its events. */
export interface StreamedNetwork extends Omit<LoadedTrace, 'events'> {
  /** The round the state stands at the end of (checked with wholeRound). */
  round: number;
  state: WorldState;
}

/** The file's last line is a run_end (two small reads): no round of it is unfinished. */
function endsWithRunEnd(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    return jsonObject(lineBefore(fd, fs.fstatSync(fd).size))?.type === 'run_end';
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The tie network at the end of `options.round` (default: the last whole round) of the trace at
 * `file`, streamed: the network's events are applied as they are read, so memory holds the
 * network, not the trace. Every line up to that round is read and checked (every line when no
 * round is asked for, or the trace has no index matching it): a problem throws, naming file and
 * line. With a matching index (roundIndex.ts) a round asked for stops the read at that round's
 * end. `onRound` hears the state at the end of every round 0..round, in order (dynamic exports).
 */
export async function streamTraceNetwork(
  file: string,
  options: { round?: number; onRound?: (round: number, state: WorldState) => void } = {},
): Promise<StreamedNetwork> {
  const requested = options.round;
  // The round to stop applying at: the one asked for, else the last whole one, which the index
  // (or a scan of the round starts) tells when the trace does not end with its run_end.
  let offsets: RoundOffsets | undefined = requested !== undefined ? indexedRoundOffsets(file) : undefined;
  let target = requested ?? Infinity;
  if (requested === undefined && fs.existsSync(file) && !endsWithRunEnd(file)) {
    offsets = roundOffsets(file);
    target = offsets.lastRoundEnd;
  }
  const end = requested !== undefined && offsets ? endOfRound(offsets, requested) : undefined;
  let state: WorldState | undefined;
  /** The round whose events are being applied; the rounds before it were handed to onRound. */
  let current = 0;
  const read = await readTraceFile(file, {
    keepEvents: false,
    ...(end !== undefined && end < offsets!.bytes ? { end } : {}),
    onHeader: (h) => {
      state = initialState(h);
    },
    onEvent: (e) => {
      if (e.round > target) return;
      if (options.onRound) for (; current < e.round; current++) options.onRound(current, state!);
      if (shapesNetwork(e)) applyEvent(state!, e);
    },
  });
  if (read.errors.length > 0 || !read.header || !state) throw new Error(traceProblemsMessage(file, read.errors));
  // A read stopped at the round's end knows the rest of the trace from its index.
  const whole =
    end !== undefined && end < offsets!.bytes
      ? {
          lastRound: offsets!.lastRoundEnd,
          complete: offsets!.complete,
          latestRound: offsets!.rounds.at(-1)?.round ?? 0,
          truncated: offsets!.truncated,
        }
      : read;
  const unfinished = whole.latestRound > whole.lastRound;
  const trace = {
    file,
    header: read.header,
    lastRound: whole.lastRound,
    complete: whole.complete,
    ...(unfinished ? { unfinishedRound: whole.latestRound } : {}),
    ...(whole.truncated ? { truncated: true } : {}),
  };
  const round = wholeRound(trace, requested);
  if (options.onRound) for (; current <= round; current++) options.onRound(current, state);
  return { ...trace, round, state };
}
