// The memory inspector's answers, computed on the host: an agent's memories filtered by kind,
// round and text, newest first, and the retrieval preview. Editor-neutral; the webview renders.
import { itemTexts } from '../trace/itemTexts';
import type { InspectorHostMessage, InspectorQuery, MemoryRow, PreviewData } from '../protocol/memoryMessages';
import type { MemorySource } from './memorySource';
import { MEMORY_KINDS, type MemoryKind } from '../trace/events';
import { filterMemories } from './queries';
import { previewRetrieval } from './retrievalPreview';
import { surveyAnswers } from './surveyAnswers';

/** Rows sent at most (newest first); the count says how many matched. */
export const MAX_ROWS = 2000;

export function inspectorContext(
  source: MemorySource,
  agent: string,
): Extract<InspectorHostMessage, { type: 'context' }> {
  const state = source.stateAt();
  const agents = [...(state?.agents.values() ?? [])]
    .map((a) => ({ id: a.id, name: a.persona.name ?? a.id }))
    .sort((x, y) => x.name.localeCompare(y.name));
  return {
    type: 'context',
    source: source.label,
    agents,
    agent,
    round: source.round,
    lastRound: source.lastRound,
    complete: source.complete,
    ...(source.file ? { file: source.file } : {}),
    kinds: kindsHeld(source),
  };
}

/** The kinds of memory written so far: a world without coaching has no advice to filter (issue 59). */
function kindsHeld(source: MemorySource): MemoryKind[] {
  const held = new Set<MemoryKind>();
  for (const e of source.events) if (e.type === 'memory') held.add(e.memory.kind);
  return MEMORY_KINDS.filter((k) => held.has(k));
}

export function answerQuery(
  source: MemorySource,
  query: InspectorQuery,
): Extract<InspectorHostMessage, { type: 'result' }> {
  const state = source.stateAt();
  const agent = state?.agents.get(query.agent);
  if (!agent) {
    return {
      type: 'result',
      query,
      total: 0,
      rows: [],
      problem: `No agent '${query.agent}' in ${source.label} at round ${source.round}.`,
    };
  }
  const kept = new Set(agent.memories.map((m) => m.id));
  const entries = source.ledger.entries(query.agent, source.round);
  const matched = filterMemories(entries, { kinds: query.kinds, from: query.from, to: query.to, text: query.text });
  const rows: MemoryRow[] = matched.slice(0, MAX_ROWS).map(({ memory: m, evidence }) => ({
    id: m.id,
    round: m.round,
    kind: m.kind,
    text: m.text,
    importance: m.importance,
    kept: kept.has(m.id),
    ...(evidence ? { evidence } : {}),
  }));
  const out: Extract<InspectorHostMessage, { type: 'result' }> = { type: 'result', query, total: matched.length, rows };
  const surveys = surveyAnswers(source.events, query.agent, source.round, itemTexts(source.header));
  if (surveys.length) out.surveys = surveys;
  if (query.preview) {
    let p: ReturnType<typeof previewRetrieval>;
    try {
      p = previewRetrieval(source, query.agent, query.preview.text, query.preview.round, query.preview.k);
    } catch (err) {
      out.problem = err instanceof Error ? err.message : String(err);
      return out;
    }
    if (p) out.preview = previewData(p);
    else out.problem = `${agent.persona.name ?? query.agent} was not in the society at round ${query.preview.round}.`;
  }
  return out;
}

function previewData(p: NonNullable<ReturnType<typeof previewRetrieval>>): PreviewData {
  return {
    agent: p.agent,
    round: p.round,
    query: p.query,
    tokens: p.tokens,
    k: p.k,
    considered: p.considered,
    settings: p.settings,
    ...(p.note ? { note: p.note } : {}),
    rows: p.rows.map((r) => ({
      rank: r.rank,
      id: r.memory.id,
      round: r.memory.round,
      kind: r.memory.kind,
      text: r.memory.text,
      recency: r.recency,
      importance: r.importance,
      relevance: r.relevance,
      score: r.score,
    })),
  };
}
