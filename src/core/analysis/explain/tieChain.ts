// Why a tie stands where it does: every move of a directed tie (or both directions of a pair) up
// to a round, from the trace. `tie` events set it (initial, evaluation, action, module); the
// round's `tie_decay` is applied with the engine's own TieTable, exactly as replay applies it; an
// agent leaving takes its ties away. So the moves' deltas add up to the tie's value.
import { TieTable } from '../../engine/pure';
import type { ActionEvent, TieDecayEvent, TieEvent, TraceEvent } from '../../trace/events';
import { PairContext } from './pairContext';
import {
  lineOf,
  type Because,
  type ExplainedRound,
  type Explanation,
  type LocatedEvents,
  type Move,
} from './explainTypes';

export interface TieQuery {
  from: string;
  to: string;
  /** Also the tie back, to → from. */
  both?: boolean;
  /** Up to the end of this round (default: the whole trace). */
  round?: number;
}

const r3 = (x: number): string => x.toFixed(3);
const key = (f: string, t: string): string => `${f}→${t}`;

export function explainTie(trace: LocatedEvents<TraceEvent>, q: TieQuery): Explanation {
  const walk = new TieWalk(q);
  const last = q.round ?? Infinity;
  let round = -1;
  for (let i = 0; i < trace.events.length; i++) {
    const e = trace.events[i];
    if (e.round > last) break;
    if (e.round !== round) {
      if (round >= 0) walk.closeRound(round);
      round = e.round;
    }
    walk.add(e, lineOf(trace, i));
  }
  if (round >= 0) walk.closeRound(round);
  return {
    subject: q.both ? `${q.from}↔${q.to}` : key(q.from, q.to),
    round: Math.max(0, Math.min(last, round)),
    values: Object.fromEntries(walk.dirs.map(([f, t]) => [key(f, t), walk.table.get(f, t)])),
    rounds: walk.rounds,
    names: Object.fromEntries(walk.names),
  };
}

class TieWalk {
  readonly dirs: [string, string][];
  readonly names = new Map<string, string>();
  /** Only the explained ties live here, so the table's decay is the replay's, tie by tie. */
  readonly table = new TieTable();
  readonly rounds: ExplainedRound[] = [];
  private readonly wanted: Set<string>;
  private readonly context: PairContext;
  private moves: Move[] = [];
  /** The round's evaluations not yet matched with their tie move, by direction, in order. */
  private readonly ratings = new Map<string, Because[]>();
  /** Action moves waiting for their action event (the engine writes the tie first), by holder. */
  private awaiting: { holder: string; move: Move }[] = [];
  private readonly name = (id: string): string => this.names.get(id) ?? id;

  constructor(private readonly q: TieQuery) {
    this.dirs = [[q.from, q.to], ...(q.both ? [[q.to, q.from] as [string, string]] : [])];
    this.wanted = new Set(this.dirs.map(([f, t]) => key(f, t)));
    this.context = new PairContext(q.from, q.to, this.wanted, this.name);
  }

  add(e: TraceEvent, line: number): void {
    const item = this.context.add(e, line);
    if (e.type === 'agent_added') this.names.set(e.agent.id, e.agent.name);
    else if (e.type === 'evaluation' && item) {
      const k = key(e.from, e.to);
      this.ratings.set(k, [...(this.ratings.get(k) ?? []), item]);
    } else if (e.type === 'action') this.actionTaken(e, line, item);
    else if (e.type === 'tie' && this.wanted.has(key(e.from, e.to))) this.tie(e, line);
    else if (e.type === 'tie_decay') this.decay(e, line);
    else if (e.type === 'agent_removed' && (e.agent === this.q.from || e.agent === this.q.to)) {
      this.changeAll(
        line,
        e.round,
        'left',
        () => this.table.removeAgent(e.agent),
        () => `${this.name(e.agent)} left the society: the tie is gone`,
      );
    }
  }

  /** Ends a round: its moves, and its context where something other than decay moved the tie. */
  closeRound(round: number): void {
    const items = this.context.takeRound();
    const told = this.moves.some((m) => m.cause !== 'decay');
    if (this.moves.length) this.rounds.push({ round, moves: this.moves, context: told ? items : [] });
    this.moves = [];
    this.awaiting = [];
    this.ratings.clear();
  }

  private tie(e: TieEvent, line: number): void {
    const previous = this.table.get(e.from, e.to);
    this.table.set(e.from, e.to, e.strength, e.round);
    const m = this.move(e.cause, previous, e.strength, line, e.round, key(e.from, e.to));
    m.text = `${tieCause(e.cause, this.name(e.from), this.name(e.to))}: ${r3(previous)} → ${r3(e.strength)}`;
    if (e.cause === 'evaluation') {
      const rating = this.ratings.get(m.tie!)?.shift();
      if (rating) m.because = rating;
    }
    if (e.cause === 'action') this.awaiting.push({ holder: e.from, move: m });
  }

  private actionTaken(e: ActionEvent, line: number, item: Because | undefined): void {
    const mine = this.awaiting.filter((w) => w.holder === e.agent);
    if (!mine.length) return;
    const because = item ?? {
      kind: 'action' as const,
      agent: e.agent,
      line,
      round: e.round,
      text: `${this.name(e.agent)} chose ${e.action}${e.reason ? `: ${e.reason}` : ''}`,
    };
    for (const w of mine) w.move.because = because;
    this.awaiting = this.awaiting.filter((w) => w.holder !== e.agent);
  }

  private decay(e: TieDecayEvent, line: number): void {
    this.changeAll(
      line,
      e.round,
      'decay',
      () => this.table.decay(e.round, e.rate, Infinity, e.floor),
      (after) =>
        after === 0
          ? `not updated: decayed under ${e.floor} and dropped`
          : `not updated this round: decayed by ${+(e.rate * 100).toFixed(4)}%`,
    );
  }

  /** Applies a change to the whole table and records what it did to each explained direction. */
  private changeAll(
    line: number,
    round: number,
    cause: string,
    change: () => void,
    text: (after: number) => string,
  ): void {
    const before = this.dirs.map(([f, t]) => this.table.get(f, t));
    change();
    this.dirs.forEach(([f, t], k) => {
      const after = this.table.get(f, t);
      if (after !== before[k]) this.move(cause, before[k], after, line, round, key(f, t)).text = text(after);
    });
  }

  private move(cause: string, previous: number, value: number, line: number, round: number, tie: string): Move {
    const m: Move = { line, round, cause, previous, value, delta: value - previous, text: '', tie };
    this.moves.push(m);
    return m;
  }
}

function tieCause(cause: string, from: string, to: string): string {
  switch (cause) {
    case 'initial':
      return `${from}'s relationship with ${to}, as declared`;
    case 'evaluation':
      return `${from} rated a conversation with ${to}`;
    case 'action':
      return `an action of ${from}'s toward ${to}`;
    case 'module':
      return "the scenario's module moved it";
    default:
      return cause;
  }
}
