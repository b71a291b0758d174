// A scripted participant for the play tests: answers every kind of question from its options, the
// way a person would (a partner by number, a message, a 0–10 rating, an action with its arguments).
import type { ParticipantPort, PlayNote, PlayQuestion } from '../../../src/core/llm/human';

export class ScriptedPlayer implements ParticipantPort {
  readonly questions: PlayQuestion[] = [];
  readonly notes: PlayNote[] = [];
  /** Answers to give first, in order, whatever is asked (e.g. wrong ones, to be refused). */
  constructor(readonly first: unknown[] = []) {}

  async ask(q: PlayQuestion): Promise<unknown> {
    this.questions.push(q);
    await Promise.resolve();
    if (this.first.length) return this.first.shift();
    return answerFor(q);
  }

  note(n: PlayNote): void {
    this.notes.push(n);
  }
}

export function answerFor(q: PlayQuestion): unknown {
  const o = q.options;
  switch (o.kind) {
    case 'choose_partner':
      return { choice: o.partners.length > 1 ? 2 : 1, reason: 'second on the list' };
    case 'speak':
      return { text: `Hello from a person (round ${q.round}, turn ${o.turn + 1} of ${o.turns})` };
    case 'evaluate':
      return { rating: 7, text: 'pleasant enough' };
    case 'act': {
      const a = o.actions[o.actions.length - 1];
      const args: Record<string, unknown> = {};
      for (const g of a.args) {
        args[g.name] = g.choices ? g.choices[0]?.id : (g.max ?? g.min ?? 1);
      }
      return { action: a.name, args, ...(a.posts ? { text: 'A post by a person' } : {}) };
    }
    default:
      return { answer: 'I would rather not say.' };
  }
}
