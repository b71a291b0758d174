// A trace embedded in an HTML page for the standalone view (`society report`, tests): JSON in a
// <script type="application/json"> element, which browsers never execute. Every character that
// could close the element or start markup is written as a JSON \u escape, so any persona string
// stays data, and the page stays well-formed XML.
import type { TraceEvent, TraceHeader } from '../trace/events';
import type { TraceSource } from './viewMessages';

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
}

const UNSAFE = /[<>&\u2028\u2029]/g;

/** The JSON text to place inside the element. */
export function embeddedTraceJson(trace: EmbeddedTrace): string {
  return JSON.stringify(trace).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The whole element. */
export function embeddedTraceElement(trace: EmbeddedTrace): string {
  return `<script type="application/json" id="${EMBEDDED_TRACE_ID}">${embeddedTraceJson(trace)}</script>`;
}
