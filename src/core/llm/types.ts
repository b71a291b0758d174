// The decision interface between the engine and whatever decides for agents: the offline
// rule-based model or an LLM provider. Every request is plain serialisable data carrying both the
// structured context (for rule-based decisions) and everything a prompt layer needs to render a
// chat prompt; every response is structured and reports its token usage (zero offline).
import {
  DRIVERS,
  type Driver,
  type DriverWeights,
  type Provider,
  type RubricDimension,
  type BigFiveTrait,
  type ResponseScale,
  type SurveyAnswer,
} from '../format';
import type {
  AdviceAction,
  EvaluationReasons,
  MemoryCues,
  RewardBasis,
  Terms,
  Usage,
  Utterance,
} from '../trace/events';
import type { PersonaBrief, RequestBase, RetrievedMemory } from './requestBase';
import type { ActRequest, ActResponse } from './actRequest';

export * from './requestBase';
export * from './actRequest';

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

export interface TranscriptLine extends Utterance {
  from: string;
  name: string;
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
  /**
   * What the speaker's group would do best with at the decision this talk precedes, if each did
   * the same (engine/phases/act/agreement.ts): what it could propose. Absent when no declared
   * decision follows that an agreement could be about.
   */
  terms?: Terms[];
}
/** `tells`: ids of the request's `news`; `doubts`: of its `heard`; `terms`: one of its `terms`, or those of the proposal it accepts. */
export type SpeakResponse = Utterance;

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
