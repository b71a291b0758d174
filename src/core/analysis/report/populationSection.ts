// The report's Population section: census-synthesised agents (issue 48) tallied from their
// provenance in agent_added — per table set, each attribute's categories with how many agents
// and what share. The targets live in the tables, not the trace: `society population` compares.
import type { TraceEvent } from '../../trace/events';
import { escapeMarkup } from '../../text/markup';

export interface PopulationTally {
  /** Per table set (the files joined): agents and each attribute's category counts. */
  sources: { tables: string; agents: number; attributes: Record<string, Record<string, number>> }[];
}

export class PopulationCollector {
  private readonly sources = new Map<string, PopulationTally['sources'][number]>();

  add(e: TraceEvent): void {
    const origin = e.type === 'agent_added' && e.reason === 'initial' ? e.agent.provenance : undefined;
    if (!origin) return;
    const key = origin.tables.join(', ');
    let s = this.sources.get(key);
    if (!s) {
      this.sources.set(
        key,
        (s = { tables: key, agents: 0, attributes: Object.create(null) as Record<string, Record<string, number>> }),
      );
    }
    s.agents++;
    for (const [attr, cat] of Object.entries(origin.cell)) {
      const counts = (s.attributes[attr] ??= Object.create(null) as Record<string, number>);
      counts[cat] = (counts[cat] ?? 0) + 1;
    }
  }

  finish(): PopulationTally | undefined {
    return this.sources.size ? { sources: [...this.sources.values()] } : undefined;
  }
}

/** The section's HTML (every string escaped). */
export function populationSection(t: PopulationTally): string {
  return t.sources
    .map((s) => {
      const rows = Object.entries(s.attributes).flatMap(([attr, counts]) =>
        Object.entries(counts).map(
          ([cat, n]) =>
            `<tr><td>${escapeMarkup(attr)}</td><td>${escapeMarkup(cat)}</td><td class="num">${n}</td><td class="num">${((100 * n) / s.agents).toFixed(1)}%</td></tr>`,
        ),
      );
      return `<p>${s.agents} agents synthesised from census tables ${escapeMarkup(s.tables)} by iterative proportional fitting; each agent's cell and weight are in its <code>agent_added</code> event. Targets and the largest marginal error: <code>society population &lt;scenario&gt;</code>.</p>
<table><thead><tr><th>attribute</th><th>category</th><th>agents</th><th>share</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
}
