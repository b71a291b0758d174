// The message protocol between the extension and the memory inspector webview, typed once for
// both sides. The inspector only renders and asks: the host answers every query with the core
// functions (memory/queries.ts, memory/retrievalPreview.ts), so scores are the engine's.
import { MEMORY_KINDS, type MemoryKind } from '../trace/events';
import type { MemoryConfig } from '../format';

export interface InspectorQuery {
  agent: string;
  /** The kinds shown (the ticked boxes); absent: every kind. */
  kinds?: MemoryKind[];
  from?: number;
  to?: number;
  text: string;
  /** The retrieval preview to compute, if the form is filled. */
  preview?: { text: string; round: number; k: number };
}

export interface MemoryRow {
  id: number;
  round: number;
  kind: MemoryKind;
  text: string;
  importance: number;
  /** Still in the stream at the round shown (false: forgotten, streams are capped). */
  kept: boolean;
  /** Memory ids a reflection was drawn from. */
  evidence?: number[];
}

/** One survey the agent answered (issue 48): its answer per item and each scale's score. */
export interface SurveyAnswerRow {
  round: number;
  instrument: string;
  answers: Record<string, number | string | null>;
  /** Each answered item's question, where the trace's header gives it (pairs: item id, text). */
  questions?: [string, string][];
  /** Scale → score (reverse-keyed items reversed); null when an item of it went unanswered. */
  scores?: Record<string, number | null>;
  error?: string;
}

export interface PreviewRowData {
  rank: number;
  id: number;
  round: number;
  kind: MemoryKind;
  text: string;
  recency: number;
  importance: number;
  relevance: number;
  score: number;
}

export interface PreviewData {
  agent: string;
  round: number;
  query: string;
  tokens: string[];
  k: number;
  considered: number;
  settings: MemoryConfig;
  rows: PreviewRowData[];
  /** Why the preview may differ from what the run retrieved (e.g. the run used embeddings). */
  note?: string;
}

/** Host → inspector. */
export type InspectorHostMessage =
  /** What can be inspected: the source, its agents and rounds; `agent` is the one to show. */
  | {
      type: 'context';
      source: string;
      agents: { id: string; name: string }[];
      agent: string;
      round: number;
      lastRound: number;
      complete: boolean;
      /** The trace behind the source, kept in the view's state so a reloaded window reopens it. */ file?: string;
      /** The kinds of memory the source holds, in MEMORY_KINDS order: the kind boxes offered (absent: all). */
      kinds?: MemoryKind[];
    }
  /** The answer to a query: the filtered stream (newest first) and the preview, if asked. */
  | {
      type: 'result';
      query: InspectorQuery;
      total: number;
      rows: MemoryRow[];
      /** The agent's survey answers up to the round shown, newest first (none: no surveys). */
      surveys?: SurveyAnswerRow[];
      preview?: PreviewData;
      problem?: string;
    };

/** Inspector → host. */
export type InspectorViewMessage =
  | { type: 'ready' }
  | { type: 'query'; query: InspectorQuery }
  /** Open the trace at this memory's event. */
  | { type: 'reveal'; agent: string; id: number };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const optionalInt = (v: unknown): boolean => v === undefined || isInt(v);

export function isInspectorQuery(v: unknown): v is InspectorQuery {
  if (
    !isRecord(v) ||
    typeof v.agent !== 'string' ||
    typeof v.text !== 'string' ||
    !optionalInt(v.from) ||
    !optionalInt(v.to)
  ) {
    return false;
  }
  if (v.kinds !== undefined && (!Array.isArray(v.kinds) || !v.kinds.every((k) => MEMORY_KINDS.includes(k)))) {
    return false;
  }
  if (v.preview === undefined) return true;
  const p = v.preview;
  return isRecord(p) && typeof p.text === 'string' && isInt(p.round) && isInt(p.k) && (p.k as number) > 0;
}

/** The host never trusts a webview's message blindly. */
export function isInspectorViewMessage(v: unknown): v is InspectorViewMessage {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'query':
      return isInspectorQuery(v.query);
    case 'reveal':
      return typeof v.agent === 'string' && isInt(v.id);
    default:
      return false;
  }
}

export function isInspectorHostMessage(v: unknown): v is InspectorHostMessage {
  if (!isRecord(v)) return false;
  if (v.type === 'context') {
    return typeof v.source === 'string' && Array.isArray(v.agents) && typeof v.agent === 'string' && isInt(v.round);
  }
  if (v.type === 'result') return isInspectorQuery(v.query) && Array.isArray(v.rows) && isInt(v.total);
  return false;
}
