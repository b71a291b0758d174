// Retrieval for an agent's situation. The engine's own lexical relevance (engine/memory/memory.ts) is
// synchronous and is what the offline model and any model without `embeddings` use. When the
// agent's model config names an embeddings model, relevance is the cosine similarity of endpoint
// embeddings instead (llm/embeddings.ts: each text embedded once per run, cached, replayable);
// that path is async, and a failed embeddings call is recorded in the trace as an `error` event
// (handling 'fallback') and answered with the lexical relevance, so no retrieval is lost.
import { ProviderError, ReplayMissError } from '../../llm/errors';
import type { RelevanceScorer } from '../../llm/embeddings';
import type { RetrievedMemory } from '../../llm/types';
import type { MemoryRecord, Phase } from '../../trace/events';
import type { Agent } from '../society/agent';
import { retrieveByRelevance, retrieveScored, type Memories } from '../memory/memory';
import { scoredRecord } from '../memory/memoryStream';
import type { Tape } from '../flow/tape';
import type { PhaseContext } from './context';

/** Where a retrieval happens: its failures go to `tape` (when part of the run) under `phase`. */
export interface RecallSite {
  tape?: Tape;
  phase?: Phase;
  signal?: AbortSignal;
}

export type Recalled = RetrievedMemory[] | Promise<RetrievedMemory[]>;

/** The top-k memories of `agent` for a situation described by the given texts. */
export function recall(world: PhaseContext, agent: Agent, situation: readonly string[], at: RecallSite = {}): Recalled {
  const scorer = world.relevanceOf(agent.model);
  if (!scorer || !agent.memories.length) return lexical(world, agent.memories, situation);
  return byScorer(world, agent, situation, scorer, at);
}

/**
 * The top-k of the agent's memories that `about` picks (e.g. those naming a person), for the
 * situation, by the lexical relevance: an interview about someone retrieves what the agent
 * remembers of them even when weightier memories would fill the top k.
 */
export function recallAmong(
  world: PhaseContext,
  agent: Agent,
  situation: readonly string[],
  about: (m: MemoryRecord) => boolean,
): RetrievedMemory[] {
  return lexical(world, agent.memories.records().filter(about), situation);
}

function lexical(world: PhaseContext, stream: Memories, situation: readonly string[]): RetrievedMemory[] {
  return retrieveScored(stream, situation, world.round, world.settings.memory);
}

async function byScorer(
  world: PhaseContext,
  agent: Agent,
  situation: readonly string[],
  scorer: RelevanceScorer,
  at: RecallSite,
): Promise<RetrievedMemory[]> {
  // The stream as it stands now: nothing another unit of this stage does may change the answer.
  const stream = agent.memories.records();
  const query = situation.filter((s) => s).join('; ');
  let relevance: number[];
  try {
    relevance = await scorer.scores(
      query,
      stream.map((m) => m.text),
      at.signal,
    );
  } catch (err) {
    if (at.signal?.aborted || err instanceof ReplayMissError || !(err instanceof ProviderError)) throw err;
    at.tape?.say({
      type: 'error',
      round: world.round,
      agent: agent.id,
      phase: at.phase ?? 'retrieve',
      kind: 'embed',
      reason: err.reason,
      handling: 'fallback',
      message: `memory relevance by embeddings failed (${err.message}); used the lexical relevance for this retrieval`,
    });
    return lexical(world, agent.memories, situation);
  }
  return retrieveByRelevance(stream, relevance, world.round, world.settings.memory).map((s) =>
    scoredRecord(s.memory, s.score),
  );
}
