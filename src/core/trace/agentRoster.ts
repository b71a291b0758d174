// Who a trace says took part: an agent comes in with agent_added (and an id); a tie, memory or
// removal naming anyone else is a damaged line, which replay would turn into a phantom agent or an
// agent without an id. One set lookup per such line: cheap next to parsing it.
import type { AgentAddedEvent, AgentRemovedEvent, MemoryEvent, TieEvent, TraceEvent, TraceEventType } from './events';
import { printable } from '../text/printable';

export class AgentRoster {
  /** Every agent added so far, or reported as never added (one removed stays known: its earlier lines were right). */
  private readonly added = new Set<string>();

  /** Why `e` (of `type`, read once by the caller) names an agent the trace never added (or adds one without an id), or undefined. */
  check(e: TraceEvent, type: TraceEventType): string | undefined {
    switch (type) {
      case 'agent_added': {
        const id: unknown = (e as AgentAddedEvent).agent.id;
        if (typeof id !== 'string' || id === '') return "agent_added: the agent has no 'id'";
        this.added.add(id);
        return undefined;
      }
      case 'tie':
        return this.unknown((e as TieEvent).from, 'tie', 'from') ?? this.unknown((e as TieEvent).to, 'tie', 'to');
      case 'memory':
      case 'agent_removed':
        return this.unknown((e as MemoryEvent | AgentRemovedEvent).agent, type, 'agent');
      default:
        return undefined;
    }
  }

  /** Said once per agent: its other lines add nothing (its agent_added may be a line already reported as broken). */
  private unknown(id: string, type: string, field: string): string | undefined {
    if (this.added.has(id)) return undefined;
    this.added.add(id);
    return `${type}: '${field}' names '${printable(id)}', an agent never added`;
  }
}
