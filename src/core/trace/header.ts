// The trace's first line: format, version, scenario, settings and the models used.
import type { Provider, RunSettings } from '../format';

/** Bump when an existing event's shape changes incompatibly; readers reject newer versions. */
export const TRACE_FORMAT_VERSION = 1;
export const TRACE_FORMAT = 'society-trace';

/** Model settings as recorded in the header: never keys or headers (which may carry keys). */
export interface ModelSettings {
  name: string;
  provider: Provider;
  model?: string;
  base_url?: string;
  temperature?: number;
  max_tokens?: number;
  seed?: number;
  /** Memory relevance came from this embeddings model (else the engine's lexical relevance). */
  embeddings?: { model: string };
  concurrency: number;
  on_error: string;
}

export type { RunSettings } from '../format';

export interface TraceHeader {
  type: 'header';
  format: typeof TRACE_FORMAT;
  version: number;
  scenario: {
    name: string;
    /** sha256 of the scenario's canonical JSON (source locations removed). */
    hash: string;
    file?: string;
  };
  seed: number;
  rounds: number;
  settings: RunSettings;
  models: Record<string, ModelSettings>;
  /** The scenario's places (`places:`), in order, with their labels: what `places` events name. */
  places?: { id: string; label: string }[];
  /**
   * The surveys' instruments (`surveys:`), each item's text by its id: what a `survey` event's
   * answers are keyed by, so a view shows the question, not `q1`.
   */
  instruments?: { id: string; title: string; items: { id: string; text: string }[] }[];
  /** The build that made the run (trace/provenance.ts); absent in traces from before it was recorded. */
  provenance?: { product: string; node: string };
}
