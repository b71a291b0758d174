// The run record's vocabulary: every event the engine emits, typed once and shared by the engine,
// the trace writer/reader/replay, the CLI, the extension and the webview.
// A trace file is JSONL: one TraceHeader line, then one TraceEvent per line, in emission order.
// Round 0 is setup (agents, seed memories, initial ties); simulation rounds are 1..rounds.
import type { Driver, DriverWeights, Persona } from '../format';
import type { WorldEdit } from './edits';
import type { EventBase as Base } from './eventBase';
import type { AdviceAction, MemoryRecord, Phase, Utterance } from './words';
import type { Decider, Usage, UsageTotals } from './usage';
import type { TraceHeader } from './header';
import type { ActionEvent } from './actionEvents';
import type { JudgementEvent, SurveyEvent } from './instrumentEvents';

export * from './words';
export * from './usage';
export * from './header';
export * from './eventBase';
export * from './actionEvents';
export * from './instrumentEvents';

/** The evaluation's three reasons, each 0..1 (Learning to Make Friends). */
export interface EvaluationReasons {
  reciprocity: number;
  novelty: number;
  affect: number;
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
export interface MessageEvent extends Base, Utterance {
  type: 'message';
  encounter: string;
  turn: number;
  from: string;
  /** Addressee in a pair conversation; absent in a room (addressed to all). */
  to?: string;
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
   * changed is in `message`); nothing was lost. 'unasked': the decision was never put to the
   * model because an earlier one failed (a partner's rating of someone whose every line failed).
   */
  handling: 'skipped' | 'fallback' | 'offline' | 'recovered' | 'fatal' | 'unasked';
  /** The failed decision's kind (choose_partner, speak, evaluate, advise, reflect). */
  kind?: string;
  /** The conversation the failed decision belonged to. */
  encounter?: string;
  /** Failure class from the provider layer (rate_limited, timeout, unparseable, ...). */
  reason?: string;
  /** Tokens spent on the failed decision (answers that could not be used still cost). */
  usage?: Usage;
  /** The decision was asked twice (its first answer was unusable): two model calls, one decision. */
  reasked?: true;
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
