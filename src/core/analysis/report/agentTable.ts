// The report's table of agents (issue 88): each agent by name with its declared quantities at the
// last round reported and the actions it took, so a colleague sees who did what. Streams: one
// record per agent and its action counts, a snapshot of the quantities at each round's close (the
// last two kept, for a report that stops before the trace's last round).
import type { TraceEvent } from '../../trace/events';
import { nameRecord } from '../../text/nameRecord';

export interface AgentRow {
  id: string;
  name: string;
  quantities: Record<string, number>;
  /** Action name → times taken, up to the last round reported. */
  actions: Record<string, number>;
}

export class AgentTableCollector {
  private readonly names = new Map<string, string>();
  private readonly values = new Map<string, Record<string, number>>();
  private readonly closes: { round: number; values: Map<string, Record<string, number>> }[] = [];
  /** Per agent, actions counted: all, and those of its latest round apart (a round the report may leave out). */
  private readonly actions = new Map<
    string,
    { all: Record<string, number>; round: number; last: Record<string, number> }
  >();

  add(e: TraceEvent): void {
    if (e.type === 'agent_added') this.names.set(e.agent.id, e.agent.name);
    else if (e.type === 'agent_removed') this.values.delete(e.agent);
    else if (e.type === 'action') {
      let own = this.actions.get(e.agent);
      if (!own) this.actions.set(e.agent, (own = { all: nameRecord(), round: e.round, last: nameRecord() }));
      if (own.round !== e.round) own.last = nameRecord();
      own.round = e.round;
      own.all[e.action] = (own.all[e.action] ?? 0) + 1;
      own.last[e.action] = (own.last[e.action] ?? 0) + 1;
    } else if (e.type === 'state') {
      for (const [id, v] of Object.entries(e.agents)) this.values.set(id, { ...this.values.get(id), ...v });
      this.closes.push({ round: e.round, values: new Map([...this.values].map(([id, v]) => [id, { ...v }])) });
      if (this.closes.length > 2) this.closes.shift();
    }
  }

  /** The agents as of round `upTo`'s close; undefined without a state event by then. */
  finish(upTo: number): AgentRow[] | undefined {
    const close = [...this.closes].reverse().find((c) => c.round <= upTo);
    if (!close) return undefined;
    return [...close.values].map(([id, quantities]) => {
      const own = this.actions.get(id);
      const actions = nameRecord<number>();
      for (const [a, n] of Object.entries(own?.all ?? {})) {
        const left = n - (own!.round > upTo ? (own!.last[a] ?? 0) : 0);
        if (left > 0) actions[a] = left;
      }
      return { id, name: this.names.get(id) ?? id, quantities, actions };
    });
  }
}
