// What a person did while playing an agent, told when the run ends: how many decisions were asked,
// how many they answered, of which kinds, and how many the timeout decided. Counted from the
// questions and notes the panel is sent (a question asked again after a refused answer is one). A
// note carries its kind, so a decision the timeout took before the panel showed it still counts:
// the summary is the record's, whatever the panel saw.
import type { PlayKind, PlayNote, PlayQuestion } from './playMessages';

const NOUNS: Record<PlayKind, [string, string]> = {
  choose_partner: ['partner choice', 'partner choices'],
  speak: ['message', 'messages'],
  evaluate: ['rating', 'ratings'],
  act: ['action', 'actions'],
  reflect: ['reflection', 'reflections'],
  interview: ['interview answer', 'interview answers'],
  advise: ['piece of advice', 'pieces of advice'],
  survey: ['survey', 'surveys'],
};

const counted = (n: number, [one, many]: [string, string]): string => `${n} ${n === 1 ? one : many}`;

export class PlayTally {
  private readonly kinds = new Map<number, PlayKind>();
  private readonly answered = new Map<PlayKind, number>();
  private timedOut = 0;
  private policy?: string;

  asked(q: PlayQuestion): void {
    this.kinds.set(q.id, q.kind);
  }

  noted(n: PlayNote): void {
    const kind = n.kind;
    this.kinds.set(n.id, kind);
    if (n.type === 'answered') this.answered.set(kind, (this.answered.get(kind) ?? 0) + 1);
    else {
      this.timedOut++;
      this.policy = n.policy;
    }
  }

  /** The summary, a line each: what was answered, by kind; what the timeout decided; what was left. */
  summary(name: string): string[] {
    const asked = this.kinds.size;
    if (!asked) return [`The run asked nothing of ${name}.`];
    const answered = [...this.answered.values()].reduce((a, b) => a + b, 0);
    const kinds = [...this.answered].map(([k, n]) => counted(n, NOUNS[k]));
    const out = [`You answered ${answered} of ${asked} decisions${kinds.length ? `: ${kinds.join(', ')}` : ''}.`];
    if (this.timedOut) {
      const who =
        this.policy === 'skip'
          ? 'skipped'
          : this.policy === 'offline'
            ? 'the offline model decided'
            : `${name}'s own model decided`;
      out.push(`${counted(this.timedOut, ['decision', 'decisions'])} timed out (${who}).`);
    }
    const open = asked - answered - this.timedOut;
    if (open > 0) out.push(`${counted(open, ['decision was', 'decisions were'])} left unanswered when the run ended.`);
    return out;
  }
}
