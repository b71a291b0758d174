// The words events are made of: an agent turn's phases, dialogue acts, advice, memory kinds and records.
import type { Driver } from '../format';

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
/**
 * What a proposal made in talk is about (issue 85): an action, and for one whose one argument is a
 * number, the amount each would put in it ("How about we each contribute 15 tokens?").
 */
export interface Terms {
  action: string;
  arg?: string;
  amount?: number;
}

/**
 * What one message says, one shape wherever it is: the speaker's answer, a line of the transcript
 * the next speaker reads, and the trace's message event.
 */
export interface Utterance {
  act: DialogueAct;
  text: string;
  topic?: string;
  /** Knowledge items (`knowledge:`) the message passes on, by id. */
  tells?: string[];
  /** Items heard in this conversation that the speaker does not believe, by id. */
  doubts?: string[];
  /** What a proposal puts forward, or an acceptance agrees to (offline speakers, issue 85). */
  terms?: Terms;
}

export interface MemoryCues {
  /** The other agent the memory is about. */
  partner?: string;
  /** A conversation in which a proposal was accepted: its terms, and the others party to it with this agent. */
  agreed?: { terms: Terms; with: string[] };
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
