// The agent panel: pick an agent (a keyboard-friendly list of everyone), then its persona, its
// ties out and in at the round on screen (tieList.ts), its reward per driver over time and its latest memories.
// Each block only where the world has its data: trait and motivation bars where they are declared
// (model/declaredWeights.ts), the reward chart where the agent was rewarded (issue 73).
import { DRIVER_LABELS, DRIVERS } from '../../src/core/format/pure';
import { categoryColor } from '../../src/core/analysis/pure';
import type { AgentView, WorldState } from '../../src/core/replay/replay';
import { el } from '../dom';
import type { RewardSeries } from '../model/rewardSeries';
import { DeclaredWeights } from '../model/declaredWeights';
import { legend, lineChart, type ChartSeries } from './lineChart';
import { isolated } from '../../src/core/text/isolated';
import type { QuantityInfo } from '../../src/core/protocol/viewMessages';
import { quantityValue } from './worldStatePanel';
import { tieLists, type TieListCallbacks } from './tieList';
import { replaceKeepingFocus } from './keepFocus';

/** One of the agent's declared quantities at the round on screen. */
export interface AgentQuantity {
  info: QuantityInfo;
  value: number | null;
}

const MEMORIES_SHOWN = 8;

export type AgentPanelCallbacks = TieListCallbacks;

export class AgentPanel {
  readonly element: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly body: HTMLDivElement;
  private knownAgents = '';
  /** The society forms ties: the agent's ties out and in are listed (none to list otherwise). */
  showTies = true;
  /** The traits and driver weights the world has: the bars shown (none known: none). */
  weights = new DeclaredWeights();

  constructor(private readonly callbacks: AgentPanelCallbacks) {
    this.picker = el('select', { attrs: { 'aria-label': 'Agent' } });
    this.picker.addEventListener('change', () => this.callbacks.select(this.picker.value ? [this.picker.value] : []));
    this.body = el('div', { class: 'agent-body' });
    this.element = el(
      'details',
      { class: 'panel agent', attrs: { open: '' } },
      el('summary', { text: 'Agent' }),
      this.picker,
      this.body,
    );
  }

  update(
    state: WorldState,
    agentId: string | undefined,
    rewards: RewardSeries,
    round: number,
    lastRound: number,
    quantities: (id: string) => AgentQuantity[] = () => [],
  ): void {
    this.syncPicker(state, agentId);
    const agent = agentId ? state.agents.get(agentId) : undefined;
    if (!agent) {
      this.body.replaceChildren(el('p', { class: 'hint', text: 'Click a node, a trace row, or pick an agent above.' }));
      return;
    }
    const declared = quantities(agent.id);
    replaceKeepingFocus(this.body, [
      ...this.persona(agent),
      ...(declared.length ? [this.quantities(declared, round)] : []),
      ...(this.showTies ? [tieLists(state, agent, this.callbacks)] : []),
      ...this.rewards(agent, rewards, round, lastRound),
      this.memories(agent),
    ]);
  }

  private syncPicker(state: WorldState, selected: string | undefined): void {
    const ids = [...state.agents.keys()];
    const key = ids.join('\u0000');
    if (key !== this.knownAgents) {
      this.knownAgents = key;
      const byName = [...state.agents.values()].sort((a, b) => a.persona.name.localeCompare(b.persona.name));
      this.picker.replaceChildren(
        el('option', { text: 'Choose an agent…', attrs: { value: '' } }),
        ...byName.map((a) => {
          const o = el('option', { text: a.active ? a.persona.name : `${isolated(a.persona.name)} (left)` });
          o.value = a.id;
          return o;
        }),
      );
    }
    this.picker.value = selected && state.agents.has(selected) ? selected : '';
  }

  private persona(agent: AgentView): HTMLElement[] {
    const p = agent.persona;
    // Each fact isolated: an override in one (a location with U+202E) must not run into the next.
    const facts = [
      p.age !== undefined ? `${p.age}` : '',
      isolated(p.occupation ?? ''),
      isolated(p.location ?? ''),
      p.group ? `group ${isolated(p.group)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const out: HTMLElement[] = [
      el('h3', { text: p.name }),
      el('p', {
        class: 'muted',
        text: `${p.id}${facts ? ` · ${facts}` : ''}${agent.active ? '' : ' · left the society'}`,
      }),
    ];
    if (p.bio) out.push(el('p', { class: 'bio', text: p.bio }));
    if (p.interests?.length) out.push(el('p', { text: `Interests: ${p.interests.map(isolated).join(', ')}` }));
    const origin = p.provenance;
    if (origin) {
      // Where a census-synthesised agent came from: its cell, IPF weight and seed rows.
      const cell = Object.entries(origin.cell)
        .map(([k, v]) => `${isolated(k)} ${isolated(v)}`)
        .join(' · ');
      const rows = origin.seed_rows?.length ? `; seed rows ${origin.seed_rows.join(', ')}` : '';
      out.push(
        el('p', {
          class: 'provenance muted',
          text: `From census: ${cell} (IPF weight ${origin.weight.toFixed(2)}; ${origin.tables.map(isolated).join(', ')}${rows})`,
        }),
      );
    }
    const shown = this.weights.of(p);
    const bars = [
      ...shown.traits.map((t) => bar(t, p.traits[t])),
      ...shown.motivations.map((d) => bar(`motivation ${DRIVER_LABELS[d]}`, p.motivations[d])),
    ];
    if (bars.length) out.push(el('div', { class: 'bars' }, ...bars));
    return out;
  }

  /** Its declared quantities (`state:`) at the round on screen, hidden ones included and marked. */
  private quantities(quantities: AgentQuantity[], round: number): HTMLElement {
    const rows = quantities.map(({ info, value }) =>
      el(
        'div',
        {
          class: 'agent-quantity',
          attrs: { 'data-name': info.name, ...(info.description ? { title: info.description } : {}) },
        },
        el('span', { text: info.hidden ? `${info.name} (hidden from others)` : info.name }),
        el('span', { class: 'num', text: quantityValue(value, info) }),
      ),
    );
    return el('div', { class: 'agent-state' }, el('h4', { text: `State at round ${round}` }), ...rows);
  }

  /** Its reward per driver over the rounds; nothing for an agent never rewarded (a world of actions). */
  private rewards(agent: AgentView, rewards: RewardSeries, round: number, lastRound: number): HTMLElement[] {
    const mine = rewards.ofAgent(agent.id);
    if (mine.total.length === 0) return [];
    const series: ChartSeries[] = [
      ...DRIVERS.map((d, i) => ({ label: DRIVER_LABELS[d], colour: categoryColor(i), points: mine[d] })),
      { label: 'total', colour: 'var(--vscode-charts-foreground, currentColor)', points: mine.total, dashed: true },
    ];
    return [
      el(
        'div',
        {},
        lineChart(series, {
          title: 'Reward per driver',
          marker: round,
          xDomain: [0, Math.max(1, lastRound)],
          yDomain: [0, 1],
          height: 110,
        }),
        legend(series),
      ),
    ];
  }

  private memories(agent: AgentView): HTMLElement {
    const latest = [...agent.memories].sort((a, b) => b.round - a.round || b.id - a.id).slice(0, MEMORIES_SHOWN);
    const ul = el('ul', { class: 'memories' });
    for (const m of latest) {
      ul.append(
        el('li', {}, el('span', { class: 'muted', text: `r${m.round} · ${m.kind} · ${m.importance} ` }), m.text),
      );
    }
    if (latest.length === 0) ul.append(el('li', { class: 'muted', text: 'none yet' }));
    return el('div', {}, el('h4', { text: `Latest memories (${agent.memories.length} in all)` }), ul);
  }
}

function bar(label: string, value: number): HTMLElement {
  const fill = el('i');
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  return el(
    'div',
    { class: 'trait' },
    el('span', { text: label }),
    el('span', { class: 'track' }, fill),
    el('span', { class: 'num', text: value.toFixed(2) }),
  );
}
