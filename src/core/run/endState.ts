// The declared state at the end of a run, folded from its `state` and `agent_removed` events, and
// said in a sentence for the end-of-run message: the world's quantities, and the mean of each
// agent quantity over the agents still there. A society of state told its author only "12
// rounds, 0 ties" when it ended.
import type { StateDeclarations } from '../protocol/viewMessages';
import { quantityText } from '../text/quantityText';
import type { TraceEvent } from '../trace/events';
import { nameRecord } from '../text/nameRecord';

/** Quantities named per part of the sentence; the rest are counted ("and 3 more"). */
const NAMED = 5;

export class EndState {
  private world: Record<string, number> = nameRecord();
  private readonly agents = new Map<string, Record<string, number>>();
  private seen = false;

  add(e: TraceEvent): void {
    if (e.type === 'agent_removed') this.agents.delete(e.agent);
    if (e.type !== 'state') return;
    this.seen = true;
    this.world = { ...this.world, ...e.world };
    for (const [id, v] of Object.entries(e.agents)) this.agents.set(id, { ...this.agents.get(id), ...v });
  }

  /** The agents' mean of every agent quantity (over the agents that have it). */
  means(): Record<string, number> {
    const sums = new Map<string, [number, number]>();
    for (const values of this.agents.values()) {
      for (const [name, v] of Object.entries(values)) {
        if (!Number.isFinite(v)) continue;
        const s = sums.get(name) ?? [0, 0];
        sums.set(name, [s[0] + v, s[1] + 1]);
      }
    }
    return Object.fromEntries([...sums].map(([name, [sum, n]]) => [name, sum / n]));
  }

  /**
   * "World: pot 0, fines 5. Mean per agent: savings 14.36, given 9.111." in declared order (then
   * any only the trace names); empty for a run without declared state.
   */
  describe(declared?: StateDeclarations): string {
    if (!this.seen) return '';
    // `means`: a mean of whole numbers is not one ("knows 0.84", never "knows 1").
    const part = (
      title: string,
      values: Record<string, number>,
      order: StateDeclarations['world'] = [],
      means = false,
    ) => {
      const names = [...order.map((q) => q.name).filter((n) => n in values), ...Object.keys(values)];
      const unique = [...new Set(names)];
      if (!unique.length) return '';
      const integer = new Set(means ? [] : order.filter((q) => q.integer).map((q) => q.name));
      const shown = unique.slice(0, NAMED).map((n) => `${n} ${quantityText(values[n], integer.has(n))}`);
      const more = unique.length > NAMED ? `, and ${unique.length - NAMED} more` : '';
      return `${title}: ${shown.join(', ')}${more}.`;
    };
    return [part('World', this.world, declared?.world), part('Mean per agent', this.means(), declared?.agents, true)]
      .filter(Boolean)
      .join(' ');
  }
}
