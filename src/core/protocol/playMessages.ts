// The messages between the extension and the "Play an Agent" panel, typed once for both sides,
// and the question a person playing an agent is asked (llm/human/question.ts builds it from a
// decision request; the terminal, a script over JSON lines and the panel all show the same one).
import type { DialogueAct, MemoryKind } from '../trace/events';
import type { ShownArg } from '../format';

/** The decisions a person may take (llm/types.ts DecisionKind). */
export type PlayKind = 'choose_partner' | 'speak' | 'evaluate' | 'advise' | 'reflect' | 'interview' | 'act' | 'survey';

export interface PartnerOption {
  id: string;
  name: string;
  /** What the candidate line of the prompt says about them. */
  about: string;
}

export interface ActionArgOption extends ShownArg {
  /** For agent, post and place arguments: the ids it may name, with a label. */
  choices?: { id: string; label: string }[];
}

export interface ActionOption {
  name: string;
  description: string;
  args: ActionArgOption[];
  /** The action posts: the answer's `text` is the post. */
  posts: boolean;
}

/** What may be answered, by kind. */
export type PlayOptions =
  | { kind: 'choose_partner'; partners: PartnerOption[] }
  | {
      kind: 'speak';
      acts: readonly DialogueAct[];
      /** The act used when the answer gives none. */
      act: DialogueAct;
      to: string[];
      turn: number;
      turns: number;
      news?: { id: string; text: string }[];
      heard?: { id: string; text: string }[];
    }
  | { kind: 'evaluate'; partner: { id: string; name: string }; scale: { min: number; max: number; step: number } }
  | { kind: 'act'; actions: ActionOption[] }
  | { kind: 'reflect' | 'interview' | 'advise' | 'survey' };

export interface PlayQuestion {
  type: 'question';
  /** Sequence number within the session: an answer may name it, so a late answer is not taken for the next question. */
  id: number;
  kind: PlayKind;
  /** The decision's stable key (what the answer is recorded under). */
  key: string;
  agent: string;
  name: string;
  round: number;
  /** Seconds left to answer; absent when there is no limit. */
  seconds?: number;
  /** Why the previous answer to this question was refused (it is asked again). */
  problem?: string;
  /** What an LLM agent would be shown: who it is (`system`) and the situation and question (`situation`). */
  context: {
    system: string;
    situation: string;
    /**
     * Where `transcript` is written in `situation` (offsets), so a view shows the conversation once,
     * in its place; absent when the scenario's template does not show it.
     */
    conversation?: { start: number; end: number };
  };
  memories: { id: number; round: number; kind: MemoryKind; text: string; importance: number; score: number }[];
  /** The conversation so far (speak) or the one being rated (evaluate). */
  transcript?: { from: string; name: string; act: DialogueAct; text: string; topic?: string }[];
  options: PlayOptions;
  /** The JSON an answer takes (docs/cli.md, "Play an agent"). */
  format: string;
}

/** What became of a question, for the person to see; its kind, so a tally needs no question it may have missed. */
export type PlayNote =
  | { type: 'answered'; id: number; key: string; kind: PlayKind }
  | { type: 'timeout'; id: number; key: string; kind: PlayKind; policy: 'model' | 'offline' | 'skip' };

/** Host → panel. */
export type PlayHostMessage =
  | { type: 'question'; question: PlayQuestion }
  | { type: 'note'; note: PlayNote }
  /** How the run stands (waiting for the others, ended, stopped). */
  | { type: 'status'; text: string; ended?: boolean; summary?: string[] };

/** Panel → host. */
export type PlayViewMessage =
  | { type: 'ready' }
  /** The question is on screen, visible: its clock starts now (the handshake, issue 73). */
  | { type: 'shown'; id: number }
  | { type: 'answer'; id: number; answer: unknown };

export function isPlayHostMessage(m: unknown): m is PlayHostMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'question' || t === 'note' || t === 'status';
}

export function isPlayViewMessage(m: unknown): m is PlayViewMessage {
  const o = m as { type?: unknown; id?: unknown } | null;
  return o?.type === 'ready' || ((o?.type === 'answer' || o?.type === 'shown') && typeof o.id === 'number');
}
