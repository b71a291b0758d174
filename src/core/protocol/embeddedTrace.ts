// A trace embedded in an HTML page for the standalone view (`society report`, tests): JSON in a
// <script type="application/json"> element, which browsers never execute. Every character that
// could close the element or start markup is written as a JSON \u escape, so any persona string
// stays data, and the page stays well-formed XML.
import type { TraceEvent, TraceHeader } from '../trace/events';
import { jsonPieces } from '../trace/jsonPieces';
import type { SocietyDesign, StateDeclarations, TraceSource } from './viewMessages';

/** id of the <script type="application/json"> element holding the trace. */
export const EMBEDDED_TRACE_ID = 'society-trace';

export interface EmbeddedTrace {
  source: TraceSource;
  header: TraceHeader;
  events: TraceEvent[];
  /** False marks a trace that is still growing elsewhere (shown as incomplete). */
  complete?: boolean;
  /** Shown in the view's status: e.g. that only the first rounds of a large trace are embedded. */
  note?: string;
  /** The scenario's declared quantities, their bounds and descriptions (the world-state panel). */
  state?: StateDeclarations;
  /** What the scenario's design says of its network, where known. */
  design?: SocietyDesign;
}

// Markup starters, the line separators older parsers took for line ends, and U+FFFE/U+FFFF, which
// XML forbids and JSON.stringify leaves as they are (it already escapes controls and lone surrogates).
const UNSAFE = /[<>&\u2028\u2029\ufffe\uffff]/g;

/** The JSON text to place inside the element. */
export function embeddedTraceJson(trace: EmbeddedTrace): string {
  return [...embeddedTraceJsonChunks(trace)].join('');
}

/**
 * The same text in pieces of about `chunkChars` (the events a batch at a time), so a page of
 * 100 MB of trace is written without ever holding its JSON whole, let alone twice.
 */
export function* embeddedTraceJsonChunks(trace: EmbeddedTrace, chunkChars = 1 << 20): Generator<string> {
  // Each piece is made safe on its own: an escape replaces one character, so none spans two pieces.
  for (const piece of jsonPieces(trace, 'events', chunkChars)) {
    yield piece.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
}

/** The whole element. */
export function embeddedTraceElement(trace: EmbeddedTrace): string {
  return [...embeddedTraceElementChunks(trace)].join('');
}

/** The element in pieces (see embeddedTraceJsonChunks). */
export function* embeddedTraceElementChunks(trace: EmbeddedTrace): Generator<string> {
  yield `<script type="application/json" id="${EMBEDDED_TRACE_ID}">`;
  yield* embeddedTraceJsonChunks(trace);
  yield '</script>';
}
