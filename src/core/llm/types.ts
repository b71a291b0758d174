// The decision interface between the engine and whatever decides for agents: the offline
// rule-based model or an LLM provider. Every request is plain serialisable data carrying both the
// structured context (for rule-based decisions) and everything a prompt layer needs to render a
// chat prompt; every response is structured and reports its token usage (zero offline).
import {
  DRIVERS,
  type Driver,
  type DriverWeights,
  type Persona,
  type Provider,
  type VerbFields,
  type RubricDimension,
  type BigFiveTrait,
  type ResponseScale,
  type SurveyAnswer,
} from '../format';
import type {
  AdviceAction,
  DialogueAct,
  EvaluationReasons,
  MemoryCues,
  MemoryKind,
  RewardBasis,
  Usage,
} from '../trace/events';

/** The persona as shown to a model: no seed memories, relationships or source locations. */
export type PersonaBrief = Pick<
  Persona,
  | 'id'
  | 'name'
  | 'age'
  | 'gender'
  | 'occupation'
  | 'location'
  | 'bio'
  | 'style'
  | 'group'
  | 'traits'
  | 'interests'
  | 'motivations'
>;

export function personaBrief(p: Persona): PersonaBrief {
  const { id, name, age, gender, occupation, location, bio, style, group, traits, interests, motivations } = p;
  return { id, name, age, gender, occupation, location, bio, style, group, traits, interests, motivations };
}

/** A memory retrieved for the decision, with its retrieval score. */
export interface RetrievedMemory {
  id: number;
  round: number;
  kind: MemoryKind;
  text: string;
  importance: number;
  score: number;
  cues?: MemoryCues;
}

interface RequestBase {
  /** Stable identity of this decision (e.g. "speak:3:maya:0:2"): seeds the offline model, keys caches. */
  key: string;
  round: number;
  /** The world's setting text. */
  setting: string;
  /** The deciding agent (for `advise`: the agent being coached). */
  persona: PersonaBrief;
  /** Top-k memories retrieved for this situation, best first. */
  memories: RetrievedMemory[];
}

/** A candidate partner offered by the encounter policy (the platform's recommendation). */
export interface Candidate {
  id: string;
  name: string;
  occupation?: string;
  interests: string[];
  shared_interests: string[];
  /** Jaccard similarity of interests, 0..1. */
  similarity: number;
  /** My tie to them, 0..1. */
  tie: number;
  /** Their last rating of me, if they ever rated me. */
  rating_from?: number;
  /** Conversations we have had before. */
  met: number;
  /** Their in-degree (ties at or above threshold pointing to them). */
  popularity: number;
  /** How many of my existing ties (at or above threshold) also have a tie to them (absent = 0). */
  mutual?: number;
  via: 'random' | 'network' | 'recommend' | 'explore';
}

export interface ChoosePartnerRequest extends RequestBase {
  kind: 'choose_partner';
  candidates: Candidate[];
}
export interface ChoosePartnerResponse {
  choice: string;
  reason: string;
}

export interface TranscriptLine {
  from: string;
  name: string;
  act: DialogueAct;
  text: string;
  topic?: string;
  /** Knowledge items the message passes on (`knowledge:`). */
  tells?: string[];
  /** Items heard in this conversation the speaker does not believe. */
  doubts?: string[];
}

/** A knowledge item as a speaker sees it: something it could pass on, or heard in this conversation. */
export interface NewsItem {
  id: string;
  text: string;
  kind: 'fact' | 'news' | 'rumour';
  about: string[];
  /** How worth telling it is, 0..1. */
  appeal: number;
  /** Who told the speaker (a name), if someone did. */
  from?: string;
}

export interface SpeakRequest extends RequestBase {
  kind: 'speak';
  /** The other participants (one in a pair conversation). */
  others: PersonaBrief[];
  /** Set in group rooms. */
  room?: { name: string; topic?: string };
  transcript: TranscriptLine[];
  /** 0-based index of this message; `turns` messages in total. */
  turn: number;
  turns: number;
  /** My tie to the (first) other, 0..1. */
  tie: number;
  /** What I know and believe and could pass on now (scenarios with `knowledge:`; absent when nothing). */
  news?: NewsItem[];
  /** What I was told in this conversation and have not yet said whether I believe (absent when nothing). */
  heard?: NewsItem[];
}
export interface SpeakResponse {
  act: DialogueAct;
  text: string;
  topic?: string;
  /** Ids of `news` items the message passes on. */
  tells?: string[];
  /** Ids of `heard` items the speaker does not believe. */
  doubts?: string[];
}

export interface EvaluateRequest extends RequestBase {
  kind: 'evaluate';
  /** The agent being rated. */
  partner: PersonaBrief;
  transcript: TranscriptLine[];
  /** Who started the conversation ('' in a room, which nobody started). */
  initiated_by: string;
  /** Earlier conversations with this partner. */
  met_before: number;
  tie: number;
  /** Friends in common: the rater's existing ties (≥ threshold) who also have an existing tie to the partner. */
  mutual?: number;
}
export interface EvaluateResponse {
  rating: number;
  reasons: EvaluationReasons;
  text: string;
}

export interface AdviseRequest extends RequestBase {
  kind: 'advise';
  rewards: { raw: DriverWeights; total: number; basis: RewardBasis };
  previous?: { raw: DriverWeights; total: number };
  /** Scenario weight × motivation per driver: what this agent cares about. */
  weights: DriverWeights;
  /** Names of people whose last rating of this agent was at least 0.5, warmest first (people worth returning to). */
  warm_contacts: string[];
  /** The same people in detail (same order). */
  warm?: WarmContact[];
}
export interface WarmContact {
  id: string;
  name: string;
  /** Their last rating of this agent. */
  rating: number;
  /** Talked with since the agent's previous reward phase. */
  recent: boolean;
}
export interface AdviseResponse {
  driver: Driver;
  action: AdviceAction;
  text: string;
  /** Optionally, someone to do it with (an id from warm_contacts). */
  partner?: string;
}

export interface ReflectRequest extends RequestBase {
  kind: 'reflect';
  /** The recent memories to reflect on (the evidence pool), oldest first. */
  recent: RetrievedMemory[];
}
export interface Insight {
  text: string;
  importance: number;
  evidence: number[];
  cues?: MemoryCues;
}
export interface ReflectResponse {
  insights: Insight[];
}

export interface InterviewRequest extends RequestBase {
  kind: 'interview';
  question: string;
  /** Full names of the people in the society the question names (remembered or not). */
  people?: string[];
}
export interface InterviewResponse {
  answer: string;
}

/** One item of a survey as asked; `trait` and `reverse` are for the offline rule, never shown in a prompt. */
export interface SurveyQuestion {
  id: string;
  text: string;
  response: ResponseScale;
  /** The Big Five trait of the scale the item belongs to (`measures:`). */
  trait?: BigFiveTrait;
  /** Reverse-keyed in that scale. */
  reverse?: boolean;
}
/** An agent answers an instrument (`surveys:`, engine/instruments/surveys/surveys.ts). */
export interface SurveyRequest extends RequestBase {
  kind: 'survey';
  instrument: string;
  title: string;
  instructions?: string;
  items: SurveyQuestion[];
  /** Mean valence (−1..1) of the agent's latest memories that carry one; absent when none do. */
  mood?: number;
  /**
   * What the agent lived through, for the offline model: its latest memories (text and valence,
   * when they carry one) and how it fares against the others in what agents want more of, −1..1
   * (absent in a world without valued agent quantities).
   */
  lived?: { memories: { text: string; valence?: number }[]; fortune?: number };
}
export interface SurveyResponse {
  /** By item id: a number (Likert, numeric), an option, text, or null (not answered). */
  answers: Record<string, SurveyAnswer>;
}

/**
 * One way to take a declared action (format/model/mechanics.ts) with its arguments filled in,
 * and what it would change, worked out by the engine from the action's effects on the current
 * state: `changes` maps `world.<q>`, `me.<q>` and `<agent id>.<q>` to the change in that quantity.
 */
/** A post on a feed as a reader sees it (engine/society/feeds.ts). */
export interface SeenPost {
  id: string;
  feed: string;
  author: string;
  name: string;
  text: string;
  round: number;
  likes: number;
  replies: number;
  /** The post it replies to. */
  reply_to?: string;
  /** The reader's tie strength to the author. */
  tie: number;
  /** The reader follows the author. */
  followed: boolean;
}

export interface ActOption {
  action: string;
  args: Record<string, number | string>;
  changes: Record<string, number>;
  /**
   * An action that moves the agent (`move:`): the place it goes to (id and label), the share of the
   * parts of the day the move lasts whose plan says elsewhere (0: the plan says go there), and its
   * mean tie to those there minus to those where it is.
   */
  move?: { to: string; label: string; off_plan: number; ties: number };
  /**
   * What taking this option brought the agent (and, by its openness, the others who took it) in
   * the rounds after, beyond what it changed at once, against its usual: per own valued quantity,
   * in the quantity's units, the recency-weighted mean surprise (engine/society/experience.ts).
   * Absent before any experience of it.
   */
  experience?: Record<string, number>;
  /**
   * What its changes to the world bring back at the round's close through the declared updates,
   * per `me.q` and `<agent id>.q` (valued quantities; engine/phases/act/foresight.ts). Absent when nothing.
   */
  foreseen?: Record<string, number>;
}

/** A declared quantity as the deciding agent sees it. */
export interface SeenQuantity {
  name: string;
  value: number;
  description?: string;
  min?: number;
  max?: number;
}

export interface ActRequest extends RequestBase {
  kind: 'act';
  /** The world's quantities and the agent's own, now. */
  world: SeenQuantity[];
  own: SeenQuantity[];
  /** The agents it may act on (agent-typed arguments), with their visible quantities and its tie to them. */
  others: {
    id: string;
    name: string;
    tie: number;
    state: Record<string, number>;
    /**
     * What their last action did to everyone else, −1..1 (engine/society/conduct.ts): negative when it
     * took from the world or from others, positive when it gave; relative to the round's largest.
     */
    conduct?: number;
    /** How much others' actions took from them last round, 0..1 (relative to the round's most): sanctions seen. */
    pressure?: number;
    /** The action they took last round, if any. */
    last?: string;
    /** Per action they took last round, its number arguments (what they gave, took, offered): conditional cooperators match them. */
    last_args?: Record<string, Record<string, number>>;
    /**
     * How far ahead of this agent they are in what agents want more of (the valued agent
     * quantities), −1..1 relative to the widest gap among those shown: imitation follows success.
     */
    ahead?: number;
  }[];
  /** How much others' actions took from this agent last round, 0..1 (relative to the round's most). */
  pressure?: number;
  /** The agent's own draw of the run, uniform 0..1: how its concern for others differs from its trait's (offline model). */
  disposition?: number;
  /** The agent's own draws of the run, uniform 0..1: how much it minds being behind (envy) and ahead (guilt) (offline model). */
  fairness?: { envy: number; guilt: number };
  /**
   * What the round's close is expected to bring each valued quantity without this agent's choice
   * (`me.q`, `<id>.q`): the declared updates, with what the others are expected to do this phase.
   */
  expected_close?: Record<string, number>;
  /**
   * The turns the others still have after this decision (rounds left, and one for a later act phase
   * of this round): while any remain, what an agent gives others can come back.
   */
  later_turns?: number;
  /** The actions it may take now (their `when` holds), as declared. */
  actions: ({
    name: string;
    description: string;
    args: {
      name: string;
      type: 'number' | 'agent' | 'post' | 'place';
      description?: string;
      min?: number;
      max?: number;
      integer?: boolean;
      feed?: string;
      /** Its `where`, as written: the condition a candidate meets. */
      where?: string;
      /** With a `where`: the ids that meet it now, the only ones it may name. */
      among?: string[];
    }[];
    effects: { target: string; expression: string }[];
    /** With its platform verbs (format/model/verbs.ts): posting writes `text`. */
    /** Where taking it moves the agent (`move:`): a place id or `args.<a>`, for the part of the day or the day. */
    move?: { to: string; for: 'part' | 'day' };
  } & VerbFields)[];
  /** The posts it read on the feeds, best ranked first: post arguments choose among them. */
  posts?: SeenPost[];
  /** Scenarios with places: where the agent is (a label; 'away') and when ("day 2, afternoon"). */
  place?: string;
  time?: string;
  /** The places a place argument may name (id → label). */
  places?: { id: string; label: string }[];
  /**
   * The scenario's seeded posts (timed events that post) this agent knows of, most recent first:
   * their text is in a post it reads or a memory it recalled. Only in scenarios that seed posts.
   */
  news?: string[];

  /** Ways to take them, with their consequences (a sample of argument values for each action). */
  options: ActOption[];
  /** The number of agents: a world quantity is shared among them. */
  n: number;
}
export interface ActResponse {
  action: string;
  args: Record<string, number | string>;
  reason: string;
  /** The post's text, for an action that posts. */
  text?: string;
}

/**
 * A rubric judge's decision (`judges:`, docs/judges.md): score one agent, in a conversation or on
 * its round's record, on each dimension of a rubric. `persona` is the agent judged, `memories` empty.
 */
export interface JudgeRequest extends RequestBase {
  kind: 'judge';
  /** The judging (`judges[].name`) and the judge (`offline`, `offline:<name>` or a model key). */
  judging: string;
  judge: string;
  rubric: { description?: string; dimensions: RubricDimension[] };
  target: 'conversation' | 'agent';
  /** A conversation's other speaker and its transcript. */
  partner?: PersonaBrief;
  transcript?: TranscriptLine[];
  /** An agent's record: what it did and what happened to it, one line each. */
  record?: string[];
  /** The offline rule's reading of each dimension, 0..1 (engine/instruments/judges/judgeSignals.ts). */
  signals: Record<string, number>;
}
export interface JudgeScore {
  score: number;
  reason: string;
}
export interface JudgeResponse {
  scores: Record<string, JudgeScore>;
}

export type DecisionRequest =
  | JudgeRequest
  | ChoosePartnerRequest
  | SpeakRequest
  | EvaluateRequest
  | AdviseRequest
  | ReflectRequest
  | InterviewRequest
  | ActRequest
  | SurveyRequest;
export type DecisionKind = DecisionRequest['kind'];

export interface ResponseByKind {
  choose_partner: ChoosePartnerResponse;
  speak: SpeakResponse;
  evaluate: EvaluateResponse;
  advise: AdviseResponse;
  reflect: ReflectResponse;
  interview: InterviewResponse;
  act: ActResponse;
  judge: JudgeResponse;
  survey: SurveyResponse;
}
export type DecisionResponse<R extends DecisionRequest = DecisionRequest> = ResponseByKind[R['kind']] & {
  usage: Usage;
};

/** The JSON shape each kind must answer with; prompt templates can embed it verbatim. */
export const RESPONSE_FORMATS: Record<DecisionKind, string> = {
  choose_partner: '{"choice": "<candidate id>", "reason": "<one sentence>"}',
  speak:
    '{"act": "greet|share|ask|answer|disclose|support|propose|accept|decline|farewell", "text": "<your message>", "topic": "<optional topic>"}',
  evaluate: '{"rating": 0..1, "reasons": {"reciprocity": 0..1, "novelty": 0..1, "affect": 0..1}, "text": "<why>"}',
  advise: `{"driver": "${DRIVERS.join('|')}", "action": "reciprocate|ask|share|plan|support|explore", "text": "<advice to the agent>", "partner": "<id of a warm contact, or null>"}`,
  reflect: '{"insights": [{"text": "<insight>", "importance": 1..10, "evidence": [<memory ids>]}]}',
  interview: '{"answer": "<answer in character>"}',
  act: '{"action": "<action name>", "args": {"<argument>": <number, or an agent id>}, "reason": "<one sentence>"}',
  judge: '{"scores": {"<dimension>": {"score": <whole number in its range>, "reason": "<one sentence>"}}}',
  survey: '{"answers": {"<item id>": <answer on the item\'s scale>}}',
};

/** Anything that can make an agent's decisions. LLM providers implement this too. */
export interface AgentModel {
  /** Config name (scenario `models` key). */
  readonly name: string;
  readonly provider: Provider;
  /** Human-readable label, e.g. "offline rule-based model (not an LLM)". */
  readonly label: string;
  decide<R extends DecisionRequest>(request: R, signal?: AbortSignal): Promise<DecisionResponse<R>>;
  /**
   * The same answer at once, for a model that needs no call to give it (the offline rule-based
   * model): the engine then takes no call slot and makes no promise, which is most of a large
   * offline run. A wrapper has it exactly when what it wraps does.
   */
  decideNow?<R extends DecisionRequest>(request: R): DecisionResponse<R>;
  /**
   * Whether this decision must go through `decide` even though `decideNow` exists: a model that
   * answers most decisions at once but asks a person for some (llm/human/).
   */
  asks?(request: DecisionRequest): boolean;
}

export function zeroUsage(model: string): Usage {
  return { model, input_tokens: 0, output_tokens: 0, cost_usd: 0 };
}
