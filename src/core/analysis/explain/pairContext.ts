// The events of a round that concern two agents: their conversations (with every message), the
// ratings and the memories of the explained directions (what `from` thought of `to`), the actions
// one took toward the other, each one's reward, and the coach's advice to do something with the
// other (advice about someone else, or about nobody, says nothing of this tie). Retrieved memories
// are not in traces (only the debugger's decision log has them), so they are not listed. Texts are
// for people: names, not conversation or memory ids (the line number finds the event).
import type { TraceEvent } from '../../trace/events';
import type { Because } from './explainTypes';

const r2 = (x: number): string => x.toFixed(2);

export class PairContext {
  /** Conversations between the two: their messages and evaluations belong here. */
  private readonly together = new Set<string>();
  private items: Because[] = [];

  /**
   * `directions`: the ties explained, as "from→to": a rating or a memory counts when it is of one
   * of them (the rater's, the memory's owner's view of the other).
   */
  constructor(
    private readonly a: string,
    private readonly b: string,
    private readonly directions: ReadonlySet<string>,
    private readonly name: (id: string) => string,
  ) {}

  private explained(holder: string, other: string | undefined): boolean {
    return this.directions.has(`${holder}→${other}`);
  }

  private pair(x: string | undefined, y: string | undefined): boolean {
    return (x === this.a && y === this.b) || (x === this.b && y === this.a);
  }

  private other(agent: string): string | undefined {
    return agent === this.a ? this.b : agent === this.b ? this.a : undefined;
  }

  /** Takes an event of the trace; returns the item it made when it concerns the two. */
  add(e: TraceEvent, line: number): Because | undefined {
    const item = this.describe(e);
    if (!item) return undefined;
    const full: Because = { ...item, line, round: e.round };
    this.items.push(full);
    return full;
  }

  /** The items of the round so far, and a fresh start for the next. */
  takeRound(): Because[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  private describe(e: TraceEvent): Omit<Because, 'line' | 'round'> | undefined {
    const n = this.name;
    switch (e.type) {
      case 'encounter':
        if (!this.pair(e.from, e.to)) return undefined;
        this.together.add(e.id);
        return {
          kind: 'encounter',
          agent: e.from,
          text: `${n(e.from)} met ${n(e.to)} (${e.via})`,
        };
      case 'room':
        if (!e.members.includes(this.a) || !e.members.includes(this.b)) return undefined;
        this.together.add(e.id);
        return {
          kind: 'room',
          text: `room ${e.room}${e.topic ? ` on ${e.topic}` : ''}: ${e.members.map(n).join(', ')}`,
        };
      case 'message':
        if (!this.together.has(e.encounter)) return undefined;
        return { kind: 'message', agent: e.from, text: `${n(e.from)} (${e.act}): ${e.text}` };
      case 'evaluation':
        if (!this.explained(e.from, e.to)) return undefined;
        return { kind: 'evaluation', agent: e.from, text: evaluationText(e, n) };
      case 'action': {
        const other = this.other(e.agent);
        const toward = e.toward === other || Object.values(e.args).includes(other ?? '');
        if (!other || !toward) return undefined;
        const args = Object.entries(e.args).map(([k, v]) => `${k} ${typeof v === 'string' ? n(v) : v}`);
        const why = e.reason ? `: ${e.reason}` : '';
        return { kind: 'action', agent: e.agent, text: `${n(e.agent)} chose ${e.action}(${args.join(', ')})${why}` };
      }
      case 'reward':
        if (!this.other(e.agent)) return undefined;
        return { kind: 'reward', agent: e.agent, text: rewardText(e, n) };
      case 'advice': {
        const other = this.other(e.agent);
        if (!other || e.partner !== other) return undefined;
        return {
          kind: 'advice',
          agent: e.agent,
          text: `${n(e.agent)} was advised to ${e.action} with ${n(other)}: ${e.text}`,
        };
      }
      case 'memory': {
        const other = this.other(e.agent);
        if (!this.explained(e.agent, other) || e.memory.cues?.partner !== other) return undefined;
        const m = e.memory;
        return {
          kind: 'memory',
          agent: e.agent,
          memory: m.id,
          text: `${n(e.agent)} remembers (${m.kind}): ${m.text}`,
        };
      }
      case 'learned':
        if (!e.from || !this.pair(e.agent, e.from)) return undefined;
        return {
          kind: 'learned',
          agent: e.agent,
          text: `${n(e.agent)} learned ${e.item} from ${n(e.from)}${e.believed ? '' : ' (doubted)'}`,
        };
      default:
        return undefined;
    }
  }
}

export function evaluationText(e: TraceEvent & { type: 'evaluation' }, n: (id: string) => string): string {
  const r = e.reasons;
  return `${n(e.from)} rated ${n(e.to)} ${r2(e.rating)} (reciprocity ${r2(r.reciprocity)}, novelty ${r2(r.novelty)}, affect ${r2(r.affect)}): ${e.text}`;
}

function rewardText(e: TraceEvent & { type: 'reward' }, n: (id: string) => string): string {
  const drivers = Object.entries(e.raw).map(([k, v]) => `${k} ${r2(v)}`);
  return `${n(e.agent)}'s reward ${r2(e.total)} (${drivers.join(', ')})`;
}
