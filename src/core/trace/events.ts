// The run record's vocabulary: every event the engine emits, typed once and shared by the engine,
// the trace writer/reader/replay, the CLI, the extension and the webview.
// A trace file is JSONL: one TraceHeader line, then one TraceEvent per line, in emission order.
// Round 0 is setup (agents, seed memories, initial ties); simulation rounds are 1..rounds.
import type { Driver, DriverWeights, Persona, Provider, VerbKey, RunSettings } from '../format';
import type { WorldEdit } from './edits';

/** Bump when an existing event's shape changes incompatibly; readers reject newer versions. */
export const TRACE_FORMAT_VERSION = 1;
export const TRACE_FORMAT = 'society-trace';

/** The phases of one agent turn, in order. The debugger can pause between any two. */
export const PHASES = [
  'perceive',
  'retrieve',
  'decide',
  'act',
  'evaluate',
  'reward',
  'coach',
  'reflect',
  'world',
] as const;
export type Phase = (typeof PHASES)[number];

/** Dialogue acts; the offline model composes messages from them, LLM replies are tagged with one. */
export const DIALOGUE_ACTS = [
  'greet',
  'share',
  'ask',
  'answer',
  'disclose',
  'support',
  'propose',
  'accept',
  'decline',
  'farewell',
] as const;
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

/** What a coach can advise; each maps to a behaviour the agent can choose to adopt. */
export const ADVICE_ACTIONS = ['reciprocate', 'ask', 'share', 'plan', 'support', 'explore'] as const;
export type AdviceAction = (typeof ADVICE_ACTIONS)[number];

export const MEMORY_KINDS = ['seed', 'observation', 'conversation', 'evaluation', 'advice', 'reflection'] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number];

/**
 * Structured hints stored next to a memory's text. LLMs read the text; the offline rule-based
 * model reads these cues (the same fact, machine-readable) when the memory is retrieved.
 */
export interface MemoryCues {
  /** The other agent the memory is about. */
  partner?: string;
  /** Advice or intention the memory carries. */
  action?: AdviceAction;
  driver?: Driver;
  topic?: string;
  /** How good the experience felt, -1..1. */
  valence?: number;
}

/** One entry of an agent's memory stream. `id` is unique within the agent (a sequence number). */
export interface MemoryRecord {
  id: number;
  /** Round the memory was written (0 = seed memory). Recency is measured from it. */
  round: number;
  kind: MemoryKind;
  text: string;
  /** 1..10, as in Generative Agents. */
  importance: number;
  cues?: MemoryCues;
}

/** Token and cost accounting of one model call; omitted from events when all zero (offline model). */
export interface Usage {
  model: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  cached?: boolean;
  /**
   * Who decided, when a person plays the agent (llm/human/): carried with the usage from the
   * decision to its event, where it is written as the event's `by`, never inside `usage`.
   */
  by?: Decider;
  /** Of `input_tokens`, those the endpoint's prompt cache served (only when it reported any). */
  cached_input_tokens?: number;
}

/**
 * Who made a decision of an agent a person plays (`society run --play`, "Play an Agent…"):
 * 'human' the person; 'timeout:model' / 'timeout:offline' the agent's own model or the offline
 * model, because the person did not answer in time. Absent: the agent's model, as always.
 */
export type Decider = 'human' | 'timeout:model' | 'timeout:offline';

export interface UsageTotals {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  /** Of `input_tokens`, those served from a prompt cache (only when any were). */
  cached_input_tokens?: number;
}

/** The evaluation's three reasons, each 0..1 (Learning to Make Friends). */
export interface EvaluationReasons {
  reciprocity: number;
  novelty: number;
  affect: number;
}

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
  /** The build that made the run (trace/provenance.ts); absent in traces from before it was recorded. */
  provenance?: { product: string; node: string };
}

/** The quantities a reward was computed from, so reports can explain it. */
export interface RewardBasis {
  conversations: number;
  partners: number;
  /** Mean rating received from partners, 0..1 (0 when nobody rated the agent). */
  rating_received: number;
  questions_asked: number;
  answers_received: number;
  new_topics: number;
  shares: number;
  shares_acknowledged: number;
  plans_agreed: number;
  support_received: number;
  support_given: number;
}

export interface RoundStats {
  agents: number;
  encounters: number;
  messages: number;
  /** Directed ties at or above the threshold after the round. */
  ties: number;
  mean_reward: number;
  usage: UsageTotals;
}

interface Base {
  round: number;
}

export interface AgentAddedEvent extends Base {
  type: 'agent_added';
  agent: Persona;
  /** Name of the model config the agent uses. */
  model: string;
  /** 'generation': a child of one of the fittest, replacing one of the least fit (`generations:`). */
  reason: 'initial' | 'event' | 'generation';
  /** For a child: its parent's id. */
  parent?: string;
}
export interface AgentRemovedEvent extends Base {
  type: 'agent_removed';
  agent: string;
  /** 'generation': one of the least fit at a generation's end. */
  reason?: 'generation';
}
export interface RoundStartEvent extends Base {
  type: 'round_start';
  agents: number;
}
export interface EncounterEvent extends Base {
  type: 'encounter';
  /** Unique within the run, e.g. "3:maya:0". Messages and evaluations refer to it. */
  id: string;
  from: string;
  to: string;
  /** How the partner came to be a candidate. */
  via: 'random' | 'network' | 'recommend' | 'explore';
  /** Tokens of the partner choice that led to this encounter (absent offline). */
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}
export interface RoomEvent extends Base {
  type: 'room';
  id: string;
  room: string;
  topic?: string;
  members: string[];
}
export interface MessageEvent extends Base {
  type: 'message';
  encounter: string;
  turn: number;
  from: string;
  /** Addressee in a pair conversation; absent in a room (addressed to all). */
  to?: string;
  act: DialogueAct;
  text: string;
  topic?: string;
  /** Knowledge items (`knowledge:`) this message passes on, by id. */
  tells?: string[];
  /** Items heard in this conversation that the speaker does not believe. */
  doubts?: string[];
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}
/** Someone came to know a knowledge item: at the start, or told in a conversation. */
export interface LearnedEvent extends Base {
  type: 'learned';
  agent: string;
  item: string;
  /** Who told it (absent: known from the start). */
  from?: string;
  /** The conversation it was told in. */
  encounter?: string;
  /** False when the listener doubted it: it knows of it but does not pass it on. */
  believed: boolean;
}
export interface EvaluationEvent extends Base {
  type: 'evaluation';
  encounter: string;
  /** The rater. */
  from: string;
  /** The agent being rated. */
  to: string;
  rating: number;
  reasons: EvaluationReasons;
  text: string;
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}
export interface TieEvent extends Base {
  type: 'tie';
  from: string;
  to: string;
  previous: number;
  strength: number;
  /** strength >= threshold after the change. */
  exists: boolean;
  /** `action`: a declared action's `ties:` (engine/phases/act/verbs.ts); `module`: the scenario's module (engine/phases/act/societyModule.ts); `edit`: a branch's edit (trace/edits.ts). */
  cause: 'initial' | 'evaluation' | 'action' | 'module' | 'edit';
}
/**
 * Every tie not updated in this round lost `rate` of its strength; ties under `floor` were dropped.
 * Replay applies the same rule (engine/society/ties.ts decayTies); `dissolved` lists ties that fell
 * under the threshold, for consumers that only draw existing ties.
 */
export interface TieDecayEvent extends Base {
  type: 'tie_decay';
  rate: number;
  floor: number;
  dissolved: [string, string][];
}
export interface RewardEvent extends Base {
  type: 'reward';
  agent: string;
  /** Each driver 0..1, from what happened since the agent's previous reward phase. */
  raw: DriverWeights;
  /** raw × scenario weight × persona motivation. */
  weighted: DriverWeights;
  /** Σ weighted / Σ (scenario weight × motivation), 0..1. */
  total: number;
  basis: RewardBasis;
}
export interface AdviceEvent extends Base {
  type: 'advice';
  agent: string;
  driver: Driver;
  action: AdviceAction;
  text: string;
  /** Someone the coach suggested doing it with. */
  partner?: string;
  usage?: Usage;
}
export interface MemoryEvent extends Base {
  type: 'memory';
  agent: string;
  memory: MemoryRecord;
}
/** A reflection was written (its memory appears in the preceding `memory` event). */
export interface ReflectionEvent extends Base {
  type: 'reflection';
  agent: string;
  memory: number;
  evidence: number[];
  importance_sum: number;
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}
/**
 * Where everyone is this round (scenarios that declare `places:`), written once at its start after
 * plans, moves that last the day and capacities: place id → agents there, and who is away (turned
 * away from a full place with no overflow). `day` counts from 1; `part` is the part of the day.
 */
export interface PlacesEvent extends Base {
  type: 'places';
  day: number;
  part: string;
  at: Record<string, string[]>;
  away?: string[];
}

/**
 * Who plays with whom this round (scenarios with `matching:`), written at its start before any
 * phase: each group's members (pairs with `between` list the first group's member first), and
 * the agents left without one.
 */
export interface MatchEvent extends Base {
  type: 'match';
  design: 'partner' | 'stranger';
  groups: string[][];
  unmatched?: string[];
}

/** An agent went somewhere during the round (an action's `move:`): `to` is where it ended up (undefined: away). */
export interface MoveEvent extends Base {
  type: 'move';
  agent: string;
  from?: string;
  to?: string;
  /** The place it was going to, when that was full and it was turned away (to its overflow, or away). */
  wanted?: string;
  /** The last round the move holds (the plan applies again after it). */
  until: number;
  /** The action that moved it. */
  action: string;
}

export interface EventFiredEvent extends Base {
  type: 'event_fired';
  /** Index in scenario.events. */
  index: number;
  action: 'broadcast' | 'add' | 'remove' | 'set' | 'post';
  text?: string;
  /** A `post`: the post put on the feed (no author: the platform's own, FeedBoard's NEWS_AUTHOR). */
  post?: { id: string; feed: string; text: string; author?: string };
  agents?: string[];
  set?: Record<string, unknown>;
  /** A `set`: the paths that changed and the values they took (defaults filled in); rejected ones are `error` events after it. */
  applied?: Record<string, unknown>;
}
export interface ErrorEvent extends Base {
  type: 'error';
  agent?: string;
  /** The turn's phase (PHASES); in an action phase, its declared name (`world` for the default one). */
  phase?: Phase | (string & {});
  message: string;
  /**
   * What the engine did about it (the model's `on_error`): 'skipped' the decision, answered it
   * with the offline model ('fallback'; earlier traces wrote 'offline'), or stopped the
   * run ('fatal', e.g. a replay cache miss). 'recovered': the decision succeeded after faults
   * the provider layer retried or re-asked, or its answer was repaired (reason 'repaired'; what was
   * changed is in `message`); nothing was lost.
   */
  handling: 'skipped' | 'fallback' | 'offline' | 'recovered' | 'fatal';
  /** The failed decision's kind (choose_partner, speak, evaluate, advise, reflect). */
  kind?: string;
  /** The conversation the failed decision belonged to. */
  encounter?: string;
  /** Failure class from the provider layer (rate_limited, timeout, unparseable, ...). */
  reason?: string;
  /** Tokens spent on the failed decision (answers that could not be used still cost). */
  usage?: Usage;
}
/**
 * Something a researcher did to the running world, recorded where it happened: an interview from
 * the debugger's console (`ask maya "…"`), answered in character, which changes no agent's state;
 * or a branch's edits at the start of its round (trace/edits.ts), which replay applies.
 */
export type InterventionEvent = InterviewEvent | EditEvent;
export interface InterviewEvent extends Base {
  type: 'intervention';
  kind: 'interview';
  agent: string;
  question: string;
  answer: string;
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}
/** A branch's edits, before their effects' own events (memory, tie with cause `edit`, state). */
export interface EditEvent extends Base {
  type: 'intervention';
  kind: 'edit';
  edits: WorldEdit[];
}
/**
 * An agent took one of the scenario's declared actions (`actions:`), in the world phase. `changes`
 * holds what it changed, as applied (bounds included): `world.<q>`, `<agent id>.<q>` → [before, after].
 */
export interface ActionEvent extends Base {
  type: 'action';
  agent: string;
  action: string;
  args: Record<string, number | string>;
  changes: Record<string, [number, number]>;
  reason?: string;
  /** The declared phase it was taken in (scenarios that declare `round:`). */
  phase?: string;
  /** The post it wrote (an action that `post:`s), with the model's text. */
  post?: { id: string; feed: string; text: string; reply_to?: string };
  /** The post it liked. */
  liked?: string;
  /** The agent it started following. */
  followed?: string;
  /** The agent the platform verbs were about: the one followed, or the author of the post replied to or liked. */
  toward?: string;
  usage?: Usage;
  /** Set when a person plays the agent: who decided (Decider). */
  by?: Decider;
}

/**
 * The field of the action event that records each platform verb (format/model/verbs.ts): none
 * for `reply_to` (its post's `reply_to` says it) and `ties` (a tie move is a `tie` event).
 */
export const VERB_RECORDS = {
  post: 'post',
  reply_to: undefined,
  like: 'liked',
  follow: 'followed',
  ties: undefined,
} as const satisfies Record<VerbKey, keyof ActionEvent | undefined>;

/** Whether an action event records a platform verb taking effect (a post written, a like, a follow). */
export function recordsVerb(e: ActionEvent): boolean {
  return Object.values(VERB_RECORDS).some((field) => field !== undefined && !!e[field]);
}
/**
 * The declared state at the end of a round, after its `update`s: every world quantity, and every
 * quantity of each agent whose values changed this round (by actions or updates). The first, at
 * round 0, holds every agent's initial values; replaying them in order gives the state at any round.
 */
export interface StateEvent extends Base {
  type: 'state';
  world: Record<string, number>;
  agents: Record<string, Record<string, number>>;
}
export interface RoundEndEvent extends Base {
  type: 'round_end';
  stats: RoundStats;
}
export interface RunEndEvent extends Base {
  type: 'run_end';
  rounds: number;
  usage: UsageTotals;
}

/**
 * A rubric judge's scores (`judges:`, docs/judges.md): one judge, one agent — in one conversation
 * (`encounter`, with `partner`) or on its round — at the end of the round. A score the judge did
 * not give in range (after one re-ask) is null, and `error` says why.
 */
export interface JudgementEvent extends Base {
  type: 'judgement';
  judging: string;
  judge: string;
  agent: string;
  encounter?: string;
  partner?: string;
  scores: Record<string, number | null>;
  reasons: Record<string, string>;
  error?: string;
  usage?: Usage;
}

export type TraceEvent =
  | AgentAddedEvent
  | AgentRemovedEvent
  | RoundStartEvent
  | EncounterEvent
  | RoomEvent
  | MessageEvent
  | LearnedEvent
  | EvaluationEvent
  | TieEvent
  | TieDecayEvent
  | RewardEvent
  | AdviceEvent
  | MemoryEvent
  | ReflectionEvent
  | EventFiredEvent
  | ErrorEvent
  | InterventionEvent
  | ActionEvent
  | StateEvent
  | PlacesEvent
  | MatchEvent
  | MoveEvent
  | RoundEndEvent
  | RunEndEvent
  | JudgementEvent
  | SurveyEvent;

/**
 * An agent answered a survey's instrument (`surveys:`, engine/instruments/surveys/surveys.ts): its answer per
 * item id — a number, an option, text, or null when missing (an answer off the item's scale, or a
 * failed call: `error` says why). Round 0 is the start; otherwise after that round's phases.
 */
export interface SurveyEvent extends Base {
  type: 'survey';
  agent: string;
  instrument: string;
  answers: Record<string, number | string | null>;
  /**
   * The instrument's scales, so a report scores them from the trace alone: their items, the
   * reverse-keyed ones, the trait measured, and the response range reversing uses (min + max − x).
   */
  scales?: Record<string, SurveyScaleDef>;
  usage?: Usage;
  error?: string;
}
export interface SurveyScaleDef {
  items: string[];
  reverse: string[];
  measures?: string;
  min: number;
  max: number;
}

export type TraceEventType = TraceEvent['type'];
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

export const TRACE_EVENT_TYPES: readonly TraceEventType[] = [
  'agent_added',
  'agent_removed',
  'round_start',
  'encounter',
  'room',
  'message',
  'learned',
  'evaluation',
  'tie',
  'tie_decay',
  'reward',
  'advice',
  'memory',
  'reflection',
  'event_fired',
  'error',
  'intervention',
  'action',
  'state',
  'places',
  'match',
  'move',
  'round_end',
  'run_end',
  'judgement',
  'survey',
];

export type TraceLine = TraceHeader | TraceEvent;
