// What a round's events say about each agent, kept for the rubric judges (`judges:`) who score at
// the round's end: its conversations (pair encounters and rooms) with their messages, the ratings
// and tie changes they led to, what was learned in them, and the actions taken. Built by listening
// to the round's events, so it holds one round only and a resumed run rebuilds it as it was.
import type { ActionEvent, MessageEvent, TraceEvent } from '../../../trace/events';

export interface Talk {
  id: string;
  members: string[];
  lines: MessageEvent[];
}

export class JudgeRecord {
  readonly talks = new Map<string, Talk>();
  /** `<encounter>:<rater>` → the rater's rating of the conversation, 0..1. */
  readonly ratings = new Map<string, number>();
  /** `<from>><to>` → the round's tie change from evaluations. */
  readonly tieMoves = new Map<string, number>();
  /** `<encounter>:<agent>` → items the agent learned in that conversation. */
  readonly learned = new Map<string, number>();
  readonly actions = new Map<string, ActionEvent[]>();
  /** Messages said per agent. */
  readonly said = new Map<string, number>();

  observe(e: TraceEvent): void {
    switch (e.type) {
      case 'encounter':
        this.talks.set(e.id, { id: e.id, members: [e.from, e.to], lines: [] });
        break;
      case 'room':
        this.talks.set(e.id, { id: e.id, members: [...e.members], lines: [] });
        break;
      case 'message':
        this.talks.get(e.encounter)?.lines.push(e);
        this.said.set(e.from, (this.said.get(e.from) ?? 0) + 1);
        break;
      case 'evaluation':
        this.ratings.set(`${e.encounter}:${e.from}`, e.rating);
        break;
      case 'tie':
        if (e.cause === 'evaluation') {
          const k = `${e.from}>${e.to}`;
          this.tieMoves.set(k, (this.tieMoves.get(k) ?? 0) + e.strength - e.previous);
        }
        break;
      case 'learned':
        if (e.encounter) {
          const k = `${e.encounter}:${e.agent}`;
          this.learned.set(k, (this.learned.get(k) ?? 0) + 1);
        }
        break;
      case 'action': {
        const list = this.actions.get(e.agent) ?? [];
        list.push(e);
        this.actions.set(e.agent, list);
        break;
      }
    }
  }

  /** How much the agent did this round: its actions and messages. */
  activity(agent: string): number {
    return (this.actions.get(agent)?.length ?? 0) + (this.said.get(agent) ?? 0);
  }
}
