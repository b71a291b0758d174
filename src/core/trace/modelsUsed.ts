// The models a run's agents actually use (issue 88: a run with a local model chosen in the editor
// was headed "offline rule-based model (not an LLM) · local …": the header lists every model
// config the scenario has, the editor's choice beside the scenario's own, and cannot say which
// answered). Each agent's `agent_added` event names its config; the coach's is the header's
// setting where it names one. Until an agent is seen (a trace still arriving), every config.
import type { TraceEvent, TraceHeader } from './events';

type ModelOf = TraceHeader['models'][string];

export class ModelsUsed {
  private readonly names = new Set<string>();

  constructor(private readonly header: TraceHeader) {}

  add(e: TraceEvent): void {
    if (e.type === 'agent_added') this.names.add(e.model);
  }

  /** The configs agents use (and the coach's, when coaching is on and names one), in the header's order. */
  configs(): ModelOf[] {
    const all = Object.entries(this.header.models);
    if (!this.names.size) return all.map(([, m]) => m);
    const coach = this.header.settings.coaching;
    const used = new Set(this.names);
    if (coach.enabled && coach.model) used.add(coach.model);
    const kept = all.filter(([name]) => used.has(name)).map(([, m]) => m);
    return kept.length ? kept : all.map(([, m]) => m);
  }
}
