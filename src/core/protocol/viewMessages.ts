// The one message protocol between the extension (or any host page) and the society view
// webview. Both bundles import this module, so a message shape is typed once. Messages are plain
// JSON: they cross postMessage, and the view's state is persisted by VS Code as JSON.
import { type Mechanics, type Quantity, type Scenario, tieSources, type TieSource } from '../format/pure';
import type { Phase, TraceEvent, TraceHeader } from '../trace/events';
import type { ModelCall } from './modelCall';

/** Where the trace on screen comes from; the host reloads it from `path` after a window reload. */
export interface TraceSource {
  kind: 'run' | 'file';
  /** Shown in the view's title bar. */
  label: string;
  /** Absolute path of the trace file (a live run writes one too). */
  path?: string;
}

/** `paused`: a debug session is stopped at a step (it goes on running). */
export type RunStatus = 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

/** Host → view. */
export type HostMessage =
  /**
   * Replace whatever is shown by a new trace; `events` may be the whole trace or a first batch.
   * `rest`: events of the trace so far still to come in `events` messages. The view draws the
   * network once it has them all, so a trace opened twice is laid out the same (a layout that
   * unfolded round by round, as the batches happened to arrive, came out different each time).
   */
  | {
      type: 'load';
      source: TraceSource;
      header: TraceHeader;
      events: TraceEvent[];
      live: boolean;
      rest?: number;
      /** The scenario's declared quantities (`state:`), where the host knows them: their bounds and descriptions. */
      state?: StateDeclarations;
      /** What the scenario's design says of its network, where the host knows the scenario (a trace file alone does not say). */
      design?: SocietyDesign;
      /** The host can branch this run (the editor, for a trace on disk): the scrubber offers "Branch…". */
      branch?: boolean;
    }
  /** More events of the trace being shown, in order. */
  | { type: 'events'; events: TraceEvent[] }
  /** A live run ended (the trace is complete or was cut at a round boundary). */
  | { type: 'status'; status: RunStatus; message?: string }
  /**
   * The debugger stopped here: emphasise these agents and move to this round. `state`: the
   * declared state at the stop (what Variables shows), which the trace has only at the round's end.
   */
  | { type: 'highlight'; agents: string[]; round?: number; phase?: Phase; state?: PausedState }
  /** Select agents (e.g. from a memory inspector or the CodeLens of a persona). */
  | { type: 'select'; agents: string[] }
  /**
   * The model calls behind the decision `key` (an `askPrompt`'s answer): none for a decision the
   * offline model made; `problem`, when the run's book could not be read.
   */
  | { type: 'prompt'; key: string; calls: ModelCall[]; problem?: string };

/**
 * The declared state where a debug session stopped, in a `state` event's shape: every world
 * quantity, and the agents whose values changed since the trace's last `state` event. The view
 * shows it at `round` until the run goes on.
 */
export interface PausedState {
  round: number;
  world: Record<string, number>;
  agents: Record<string, Record<string, number>>;
  /** Stopped at the round's end: its `state` event is in the trace already. */
  ended?: boolean;
}

/**
 * One declared quantity as the view shows it (format/model/mechanics.ts `Quantity`, without its
 * expressions). Every string in it is the author's: the view writes it as text only.
 */
export interface QuantityInfo {
  name: string;
  description?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Hidden from other agents, never from the researcher: the view shows it, marked. */
  hidden?: boolean;
  /** A categorical quantity: value k means labels[k] (whole numbers 0 … labels.length − 1). */
  labels?: string[];
}

/** The quantities a scenario declares (`state:`); a trace's `state` events carry their values. */
export interface StateDeclarations {
  world: QuantityInfo[];
  agents: QuantityInfo[];
}

const quantityInfo = (q: Quantity): QuantityInfo => ({
  name: q.name,
  ...(q.description !== undefined ? { description: q.description } : {}),
  ...(q.min !== undefined ? { min: q.min } : {}),
  ...(q.max !== undefined ? { max: q.max } : {}),
  ...(q.integer ? { integer: true } : {}),
  ...(q.hidden ? { hidden: true } : {}),
  ...(q.labels ? { labels: [...q.labels] } : {}),
});

/** What the view needs of a scenario's mechanics; undefined for a scenario that declares no state. */
export function stateDeclarations(mechanics: Mechanics | undefined): StateDeclarations | undefined {
  if (!mechanics || (mechanics.world.length === 0 && mechanics.agents.length === 0)) return undefined;
  return { world: mechanics.world.map(quantityInfo), agents: mechanics.agents.map(quantityInfo) };
}

/**
 * What a scenario's design says about its network: what can make ties in it (none: a world of
 * actions alone). The view and the end-of-run message speak of ties only where they can form.
 */
export interface SocietyDesign {
  ties: TieSource[];
}

export const societyDesign = (scenario: Scenario): SocietyDesign => ({ ties: tieSources(scenario) });

export type ExportFormat = 'png' | 'svg' | 'graphml' | 'gexf' | 'csv';

/** Persisted by the view (vscode.setState / the serializer): enough to come back where the user was. */
export interface ViewState {
  source?: TraceSource;
  /** Round on screen; null follows the latest round. */
  round: number | null;
  selected: string[];
  filter: TraceFilter;
  /** Node positions, so a restored view starts where the layout was. */
  positions?: Record<string, [number, number]>;
  /** The agent quantity node sizes show (absent: their ties). */
  sizeBy?: string;
}

export const TRACE_ROW_KINDS = [
  'message',
  'learned',
  'evaluation',
  'advice',
  'action',
  'intervention',
  'error',
  'survey',
  'match',
] as const;
export type TraceRowKind = (typeof TRACE_ROW_KINDS)[number];

export interface TraceFilter {
  /** Only rows from or to this agent. */
  agent?: string;
  /** 'all' rounds, only the round on screen, or every round up to it. */
  rounds: 'all' | 'current' | 'upto';
  kinds: TraceRowKind[];
  search: string;
}

export const DEFAULT_FILTER: TraceFilter = { rounds: 'all', kinds: [...TRACE_ROW_KINDS], search: '' };

/** View → host. */
export type ViewMessage =
  /** The view is listening; the host answers with `load` (and `state` is what the view restored, if any). */
  | { type: 'ready'; state?: ViewState }
  | { type: 'selection'; agents: string[] }
  /** Save an export; `data` is text, or base64 for PNG. */
  | { type: 'export'; format: ExportFormat; fileName: string; data: string }
  /** Something went wrong inside the view: the host logs it. */
  | { type: 'error'; message: string }
  /** Branch the run shown at the start of `round` (after the round on screen): the host asks for edits. */
  | { type: 'branch'; round: number }
  /** Open the trace on screen at this line (1-based): an event the Why panel lists. */
  | { type: 'revealTrace'; line: number }
  /** Open the memory inspector on an agent's memories (a memory the Why panel lists). */
  | { type: 'inspectMemory'; agent: string; memory?: number }
  /** The model calls behind a decision the user selected (its key: core/trace/decisionKey.ts). */
  | { type: 'askPrompt'; key: string };

const HOST_TYPES = new Set<HostMessage['type']>(['load', 'events', 'status', 'highlight', 'select', 'prompt']);
const VIEW_TYPES = new Set<ViewMessage['type']>([
  'ready',
  'selection',
  'export',
  'error',
  'branch',
  'revealTrace',
  'inspectMemory',
  'askPrompt',
]);
const EXPORT_FORMATS = new Set<ExportFormat>(['png', 'svg', 'graphml', 'gexf', 'csv']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const isQuantityList = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.every((q) => isRecord(q) && typeof q.name === 'string' && (q.labels === undefined || isStringArray(q.labels)));

/** Numbers by name (a non-finite number crosses JSON as null: the view shows it as n/a). */
const isNumberRecord = (v: unknown): boolean =>
  isRecord(v) && Object.values(v).every((x) => typeof x === 'number' || x === null);

function isPausedState(v: unknown): v is PausedState {
  return (
    isRecord(v) &&
    Number.isSafeInteger(v.round) &&
    isNumberRecord(v.world) &&
    isRecord(v.agents) &&
    Object.values(v.agents).every(isNumberRecord)
  );
}

const TIE_SOURCES = new Set<string>(['relationships', 'evaluate', 'actions', 'module'] satisfies TieSource[]);

function isSocietyDesign(v: unknown): v is SocietyDesign {
  return isRecord(v) && Array.isArray(v.ties) && v.ties.every((t) => TIE_SOURCES.has(t as string));
}

function isStateDeclarations(v: unknown): v is StateDeclarations {
  return isRecord(v) && isQuantityList(v.world) && isQuantityList(v.agents);
}

function isModelCall(v: unknown): v is ModelCall {
  return (
    isRecord(v) &&
    typeof v.key === 'string' &&
    Number.isSafeInteger(v.call) &&
    Array.isArray(v.messages) &&
    v.messages.every((m) => isRecord(m) && typeof m.role === 'string' && typeof m.text === 'string')
  );
}

/** A message posted to the view is one of ours (a webview also receives messages from elsewhere). */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isRecord(v) || !HOST_TYPES.has(v.type as HostMessage['type'])) return false;
  switch (v.type) {
    case 'load':
      return (
        isRecord(v.source) &&
        isRecord(v.header) &&
        Array.isArray(v.events) &&
        typeof v.live === 'boolean' &&
        (v.rest === undefined || (Number.isSafeInteger(v.rest) && (v.rest as number) >= 0)) &&
        (v.state === undefined || isStateDeclarations(v.state)) &&
        (v.design === undefined || isSocietyDesign(v.design))
      );
    case 'events':
      return Array.isArray(v.events);
    case 'status':
      return typeof v.status === 'string';
    case 'highlight':
      return isStringArray(v.agents) && (v.state === undefined || isPausedState(v.state));
    case 'prompt':
      return typeof v.key === 'string' && Array.isArray(v.calls) && v.calls.every(isModelCall);
    default:
      return isStringArray(v.agents);
  }
}

/** A message from the view is well-formed (the host never trusts a webview blindly). */
export function isViewMessage(v: unknown): v is ViewMessage {
  if (!isRecord(v) || !VIEW_TYPES.has(v.type as ViewMessage['type'])) return false;
  switch (v.type) {
    case 'ready':
      return v.state === undefined || isRecord(v.state);
    case 'selection':
      return isStringArray(v.agents);
    case 'export':
      return (
        EXPORT_FORMATS.has(v.format as ExportFormat) && typeof v.fileName === 'string' && typeof v.data === 'string'
      );
    case 'branch':
      return Number.isSafeInteger(v.round) && (v.round as number) >= 1;
    case 'revealTrace':
      return Number.isSafeInteger(v.line) && (v.line as number) >= 1;
    case 'inspectMemory':
      return typeof v.agent === 'string' && (v.memory === undefined || Number.isSafeInteger(v.memory));
    case 'askPrompt':
      return typeof v.key === 'string' && v.key.length <= 4096;
    default:
      return typeof v.message === 'string';
  }
}

/**
 * Splits events into batches of at most `size`, so a large trace reaches the view in pieces the
 * view can fold between frames instead of one message of hundreds of megabytes.
 */
export function batches<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
