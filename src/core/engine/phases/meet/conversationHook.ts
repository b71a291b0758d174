// Modules see conversations (issue 44): the `afterConversation` hook, called as each conversation
// of `meet` is committed, with its members and messages (what each passed on and doubted).
import type { PhaseContext } from '../context';
import { callHook } from '../act/guard';
import type { ModuleConversation } from '../act/moduleHooks';
import { moduleWorld } from '../act/societyModule';
import type { TranscriptLine } from '../../../llm/types';

/** A committed conversation: its members (ids), transcript and room. */
interface Committed {
  members: readonly string[];
  transcript: readonly TranscriptLine[];
  room?: { name: string };
}

export function afterConversation(world: PhaseContext, c: Committed): void {
  if (!world.module?.afterConversation) return;
  const conversation: ModuleConversation = {
    round: world.round,
    members: [...c.members],
    ...(c.room ? { room: c.room.name } : {}),
    messages: c.transcript.map((l) => ({
      from: l.from,
      act: l.act,
      text: l.text,
      ...(l.topic ? { topic: l.topic } : {}),
      ...(l.tells ? { tells: [...l.tells] } : {}),
      ...(l.doubts ? { doubts: [...l.doubts] } : {}),
    })),
  };
  callHook(world, 'afterConversation', { phase: 'meet' }, (m) =>
    m.afterConversation!(moduleWorld(world, 'afterConversation'), Object.freeze(conversation)),
  );
}
