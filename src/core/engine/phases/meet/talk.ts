// A conversation as the engine holds it while it runs: its members, what each recalled before it
// began, the transcript so far; and the part of it that memories and introductions are made of.
import type { RetrievedMemory, TranscriptLine } from '../../../llm/types';
import type { EncounterEvent } from '../../../trace/events';
import type { SmallMap } from '../../flow/smallMap';
import type { Agent } from '../../society/agent';

export interface Conversation {
  id: string;
  members: Agent[];
  /** Retrieved memories per member id, used for every message of that member. */
  context: SmallMap<RetrievedMemory[]>;
  transcript: TranscriptLine[];
  room?: { name: string; topic?: string };
  initiator: string;
  via?: EncounterEvent['via'];
}

/** What a conversation's memory and introductions are made of. */
export type Talk = Pick<Conversation, 'members' | 'transcript' | 'room'>;
