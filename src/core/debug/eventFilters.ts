// Break on what happened rather than where: the debugger's exception filters (the checkboxes in
// VS Code's Breakpoints view). Each stops the run right after an event of its kind — a model call
// that failed or was retried, a tie that formed, a reflection — and names the agent it concerns,
// so the stop can point at that agent's persona. A table, so DAP and the tests read one list.
import {
  recordsVerb,
  type ActionEvent,
  type TraceEvent,
  type TraceEventOf,
  type TraceEventType,
} from '../trace/events';
import { VERB_KEYS, type VerbKey } from '../format';
import { quantityOf, type NameLookup } from '../text/personNames';
import { isolated } from '../text/isolated';

export interface EventFilter {
  id: string;
  /** Checkbox label in the Breakpoints view. */
  label: string;
  /** What one such event is called, for the stopped frame ("tie formed"). */
  what: string;
  description: string;
  /** Stopped on by default. */
  default: boolean;
  /**
   * Why the debugger says it stopped (DAP's stopped reason): only a model call that went wrong is
   * an `exception` (VS Code's red "Exception has occurred" widget); the society's data changing (a
   * tie, a memory, the declared state) is a `data breakpoint`, said in the Call Stack's "Paused on".
   */
  reason: 'exception' | 'data breakpoint';
  type: TraceEventType;
  /** Whether an event of `type` is one to stop after (the tie threshold for `tieFormed`). */
  matches(e: TraceEvent, threshold: number): boolean;
  /** The agents the event concerns, the one it is about first (its persona is where the stop points). */
  agentsOf(e: TraceEvent): string[];
  /** One line for the stop's text (the Call Stack's "Paused on", the exception widget): people by name where `nameOf` knows them. */
  describe(e: TraceEvent, nameOf?: NameLookup): string;
}

type ErrorEvent = TraceEventOf<'error'>;

const HANDLED: Record<ErrorEvent['handling'], string> = {
  skipped: 'the step was skipped',
  fallback: 'answered by the offline rule-based model',
  offline: 'answered by the offline rule-based model',
  recovered: 'answered past faults (retried, re-asked or repaired)',
  fatal: 'the run stopped',
  unasked: 'never asked: an earlier decision failed',
};

/** A person as the stop's text names them: by name, else (no lookup, an unknown id) by id. */
function person(id: string, nameOf?: NameLookup): string {
  const name = nameOf?.(id);
  return name === undefined ? id : isolated(name);
}

/** What an action event says a platform verb did, the first one that did (`reply_to` is said with its post, `ties` by tie events). */
const VERB_DONE: Record<VerbKey, ((a: ActionEvent, nameOf?: NameLookup) => string | undefined) | undefined> = {
  post: (a) =>
    a.post
      ? `; posted ${a.post.id}${a.post.reply_to ? ` replying to ${a.post.reply_to}` : ''}: ${JSON.stringify(a.post.text)}`
      : undefined,
  reply_to: undefined,
  like: (a) => (a.liked ? `; liked ${a.liked}` : undefined),
  follow: (a, nameOf) => (a.followed ? `; followed ${person(a.followed, nameOf)}` : undefined),
  ties: undefined,
};

function failure(e: TraceEvent, nameOf?: NameLookup): string {
  const x = e as ErrorEvent;
  return `${x.agent ? person(x.agent, nameOf) : 'run'}${x.phase ? ` · ${x.phase}` : ''}${x.kind ? ` (${x.kind})` : ''}: ${x.message} — ${HANDLED[x.handling]}`;
}

function errorAgent(e: TraceEvent): string[] {
  const agent = (e as ErrorEvent).agent;
  return agent ? [agent] : [];
}

export const EVENT_FILTERS: readonly EventFilter[] = [
  {
    id: 'failedCall',
    label: 'Failed model calls',
    what: 'failed model call',
    default: false,
    reason: 'exception',
    type: 'error',
    description:
      'Stop after a model call failed: skipped, or answered by the offline rule-based model (an `error` event in the trace)',
    matches: (e) => e.type === 'error' && e.handling !== 'recovered' && e.handling !== 'unasked',
    agentsOf: errorAgent,
    describe: failure,
  },
  {
    id: 'retriedCall',
    label: 'Retried model calls',
    what: 'retried model call',
    default: false,
    reason: 'exception',
    type: 'error',
    description:
      'Stop after a model call that succeeded only after retries (429, 5xx, timeouts, malformed answers) or whose answer was repaired',
    matches: (e) => e.type === 'error' && e.handling === 'recovered',
    agentsOf: errorAgent,
    describe: failure,
  },
  {
    id: 'tieFormed',
    label: 'Tie formed',
    what: 'tie formed',
    default: false,
    reason: 'data breakpoint',
    type: 'tie',
    description:
      "Stop after a conversation's rating lifts a directed tie to the threshold (not the initial ties of relationships)",
    matches: (e, threshold) => e.type === 'tie' && e.cause === 'evaluation' && e.exists && e.previous < threshold,
    agentsOf: (e) => [(e as TraceEventOf<'tie'>).from, (e as TraceEventOf<'tie'>).to],
    describe: (e, nameOf) => {
      const t = e as TraceEventOf<'tie'>;
      return `${person(t.from, nameOf)} → ${person(t.to, nameOf)}: tie formed (${t.previous.toFixed(2)} → ${t.strength.toFixed(2)}, ${t.cause})`;
    },
  },
  {
    id: 'reflection',
    label: 'Reflection',
    what: 'reflection',
    default: false,
    reason: 'data breakpoint',
    type: 'reflection',
    description: 'Stop after an agent reflects (its importance since the last reflection reached memory.reflect_at)',
    matches: (e) => e.type === 'reflection',
    agentsOf: (e) => [(e as TraceEventOf<'reflection'>).agent],
    describe: (e, nameOf) => {
      const r = e as TraceEventOf<'reflection'>;
      return `${person(r.agent, nameOf)} reflected (memory #${r.memory}, importance since the last reflection ${r.importance_sum})`;
    },
  },
  {
    id: 'action',
    label: 'Action taken',
    what: 'action',
    default: false,
    reason: 'data breakpoint',
    type: 'action',
    description: "Stop after an agent's declared action takes effect (scenarios with `actions:`), with what it changed",
    matches: (e) => e.type === 'action',
    agentsOf: (e) => {
      const a = e as TraceEventOf<'action'>;
      const others = Object.keys(a.changes)
        .map((k) => k.slice(0, k.indexOf('.')))
        .filter((id) => id !== 'world' && id !== a.agent);
      if (a.toward && a.toward !== a.agent) others.unshift(a.toward);
      return [a.agent, ...new Set(others)];
    },
    describe: (e, nameOf) => {
      const a = e as TraceEventOf<'action'>;
      // Agent arguments by name; a platform action's arguments are post ids (which may look like agent ids).
      const platform = recordsVerb(a);
      const args = Object.entries(a.args).map(
        ([k, v]) =>
          `${k} ${typeof v === 'number' ? Math.round(v * 100) / 100 : platform || !nameOf?.(v) ? v : person(v, nameOf)}`,
      );
      const changes = Object.entries(a.changes).map(
        ([k, [before, after]]) =>
          `${nameOf ? quantityOf(k, nameOf) : k} ${Math.round(before * 100) / 100} → ${Math.round(after * 100) / 100}`,
      );
      const did = VERB_KEYS.map((k) => VERB_DONE[k]?.(a, nameOf)).find(Boolean);
      const what = did ?? (changes.length ? `; ${changes.join(', ')}` : '; nothing changed');
      const phase = a.phase ? ` [${a.phase}]` : '';
      return `${person(a.agent, nameOf)}: ${a.action}${args.length ? ` (${args.join(', ')})` : ''}${phase}${what}`;
    },
  },
];

export function eventFilter(id: string): EventFilter | undefined {
  return EVENT_FILTERS.find((f) => f.id === id);
}
