// "What would Maya retrieve for 'weekend plans' at round 12?" The preview ranks the agent's stream
// with the engine's own retrieval (engine/memory/memory.ts `makeQuery` + `retrieve`), with the run's
// memory settings, over the stream as it stood when the engine retrieves in that round: at the
// start of the round, after the round's timed events (every agent retrieves before any
// conversation of the round is remembered). So the scores equal the engine's, to the last bit.
import { modelNamed, type MemoryConfig } from '../format';
import { makeQuery, retrieve } from '../engine/pure';
import type { MemoryRecord, TraceEvent, TraceEventType } from '../trace/events';
import { applyEvent, cloneState, type WorldState } from '../replay/replay';
import type { MemorySource } from './memorySource';

export interface PreviewRow {
  rank: number;
  memory: MemoryRecord;
  /** decay^(now − round). */
  recency: number;
  /** importance / 10. */
  importance: number;
  /** Token overlap with the query. */
  relevance: number;
  /** The weighted sum the engine ranks by. */
  score: number;
}

export interface RankedMemories {
  /** The query's content words (what relevance is measured against). */
  tokens: string[];
  /** Memories in the stream that were ranked. */
  considered: number;
  rows: PreviewRow[];
}

export interface RetrievalPreview extends RankedMemories {
  agent: string;
  round: number;
  query: string;
  k: number;
  settings: MemoryConfig;
  /** Set when the run ranked this agent's memories by endpoint embeddings, which the preview cannot redo offline. */
  note?: string;
}

/** The top `k` of a stream for a free-text query at round `now`, as the engine ranks them. */
export function rankMemories(
  stream: readonly MemoryRecord[],
  text: string,
  now: number,
  cfg: MemoryConfig,
  k = cfg.top_k,
): RankedMemories {
  const query = makeQuery(text);
  const rows = retrieve(stream, query, now, cfg, k).map((s, i) => ({
    rank: i + 1,
    memory: s.memory,
    recency: s.recency,
    importance: s.importance,
    relevance: s.relevance,
    score: s.score,
  }));
  return { tokens: [...query], considered: stream.length, rows };
}

/** The preview for an agent of a source; undefined when the agent is not in the society then. */
export function previewRetrieval(
  source: MemorySource,
  agent: string,
  text: string,
  round: number,
  k?: number,
): RetrievalPreview | undefined {
  // The clamp below lets NaN through, and a NaN round poisons the source's replay.
  if (typeof round !== 'number' || Number.isNaN(round)) {
    throw new RangeError(`The round to preview must be a number (got ${String(round)}).`);
  }
  if (k !== undefined && (typeof k !== 'number' || Number.isNaN(k))) {
    throw new RangeError(`The number of memories to preview must be a number (got ${String(k)}).`);
  }
  const r = Math.max(1, Math.min(Math.floor(round), source.lastRound + 1));
  const state = stateAtRoundStart(source, r);
  const a = state?.agents.get(agent);
  // A removed agent keeps its stream in the replay, but retrieves nothing any more.
  if (!state || !a || !a.active) return undefined;
  const settings = { ...state.settings.memory };
  const kk = Math.max(1, Math.floor(k ?? settings.top_k));
  const models = source.header?.models ?? {},
    own = modelNamed(models, a.model);
  const embeddings = own ? own.embeddings : modelNamed(models, 'default')?.embeddings;
  const note = embeddings
    ? `This run ranked memories by embedding similarity (${embeddings.model}); the preview shows the lexical relevance, so its order may differ.`
    : undefined;
  return {
    agent,
    round: r,
    query: text,
    k: kk,
    settings,
    ...rankMemories(a.memories, text, r, settings, kk),
    ...(note ? { note } : {}),
  };
}

/** Events that start the turns of a round: everything before them is the round's setup. */
const TURNS_BEGIN = new Set<TraceEventType>([
  'encounter',
  'room',
  'message',
  'evaluation',
  'reward',
  'advice',
  'reflection',
  'round_end',
  'run_end',
]);

/**
 * The society when the engine retrieves in `round`: every event of earlier rounds, then the
 * round's setup (its start, timed events, their memories and settings). A live state may be
 * returned: do not keep or change it.
 */
export function stateAtRoundStart(source: MemorySource, round: number): WorldState | undefined {
  const base = source.stateAt(round - 1);
  if (!base) return undefined;
  const setup = roundSetup(source.events, round);
  if (!setup.some((e) => e.type !== 'round_start')) return base;
  const s = cloneState(base);
  for (const e of setup) applyEvent(s, e);
  return s;
}

function roundSetup(events: readonly TraceEvent[], round: number): TraceEvent[] {
  let lo = 0,
    hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].round < round) lo = mid + 1;
    else hi = mid;
  }
  const out: TraceEvent[] = [];
  for (let i = lo; i < events.length && events[i].round === round && !TURNS_BEGIN.has(events[i].type); i++) {
    out.push(events[i]);
  }
  return out;
}
