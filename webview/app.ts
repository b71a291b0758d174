// The society view: wires the trace model to the network, timeline, trace table, agent and
// metrics panels; follows a live run or scrubs through a finished one; keeps the selection and
// the round in sync across panels; persists its state through the host.
import {
  DEFAULT_FILTER,
  type ExportFormat,
  type HostMessage,
  type RunStatus,
  type SocietyDesign,
  type ViewState,
} from '../src/core/protocol/viewMessages';
import { el } from './dom';
import { exportNetwork } from './export/networkExport';
import { personaAttributes } from '../src/core/analysis/pure';
import { ModelLabel } from './modelLabel';
import type { ViewHost } from './host';
import { TraceModel } from './model/traceModel';
import { NetworkView } from './network/networkView';
import { AgentPanel } from './panels/agentPanel';
import { MetricsPanel } from './panels/metricsPanel';
import { Timeline } from './panels/timeline';
import { TraceTable } from './panels/traceTable';
import { SizeControl } from './panels/sizeControl';
import { WorldStatePanel } from './panels/worldStatePanel';
import { NetworkLegend } from './panels/networkLegend';
import { WhyPanel } from './panels/whyPanel';
import { PromptPanel } from './panels/promptPanel';
import { decisionKeyOf } from '../src/core/trace/decisionKey';
import { showsTies } from './model/networkKey';
import { onThemeChange } from './network/theme';
import { colourNetwork, sizeNetwork } from './networkLook';

const STATUS_TEXT: Record<RunStatus, string> = {
  running: 'running',
  paused: 'paused',
  completed: 'complete',
  stopped: 'stopped',
  failed: 'failed',
};

export class App {
  readonly model = new TraceModel();
  private readonly network: NetworkView;
  private readonly timeline: Timeline;
  private readonly table: TraceTable;
  private readonly agentPanel: AgentPanel;
  private readonly metricsPanel: MetricsPanel;
  private readonly worldPanel = new WorldStatePanel();
  private readonly whyPanel: WhyPanel;
  private readonly promptPanel = new PromptPanel((id) => this.model.names.get(id) ?? id);
  private readonly sizeControl: SizeControl;
  private readonly legend: NetworkLegend;
  /** What the scenario's design says of its network (the host's `load`; none for a trace file). */
  private design?: SocietyDesign;
  /** The agent quantity node sizes show; null: their ties. */
  private sizeBy: string | null = null;
  private readonly title: HTMLHeadingElement;
  private readonly status: HTMLSpanElement;
  private readonly models: HTMLSpanElement;
  private readonly modelLabel: ModelLabel;
  /** Over the empty stage until the trace is drawn: what the view is waiting for. */
  private readonly stageNote: HTMLParagraphElement;
  /** null follows the latest round. */
  private round: number | null = null;
  private selected: string[] = [];
  private highlighted: string[] = [];
  private restored?: ViewState;
  private shown = { generation: -1, round: -1, events: -1 };
  /** Events of the loaded trace still to come (`load`'s `rest`): nothing is drawn until they are here. */
  private awaited = 0;
  /** Events the loaded trace had when it was sent (`load`'s events and `rest`). */
  private loadTotal = 0;
  private frame = 0;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private metricsTimer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly root: HTMLElement,
    private readonly host: ViewHost,
  ) {
    this.restored = host.loadState();
    this.network = new NetworkView({
      select: (ids, additive) => this.select(ids, additive),
      moved: () => this.saveSoon(),
      tie: (from, to) => this.explainTie(from, to),
    });
    // Only VS Code can open the trace file at a line; a report page shows the line numbers.
    this.whyPanel = new WhyPanel(host.kind === 'vscode' ? (m) => host.post(m) : undefined);
    this.timeline = new Timeline({
      seek: (round) => {
        this.round = round;
        this.saveSoon();
        this.schedule();
      },
      branch: (round) => this.host.post({ type: 'branch', round }),
    });
    this.table = new TraceTable({
      select: (ids) => this.select(ids, false),
      filterChanged: () => this.saveSoon(),
      // A decision's prompt and answer, asked of the host (none for a report page).
      decided: (index) => this.askPrompt(index),
    });
    this.agentPanel = new AgentPanel({
      select: (ids) => {
        this.select(ids, false);
        if (ids[0]) this.network.reveal(ids[0]);
      },
      tie: (from, to) => this.explainTie(from, to, true),
    });
    this.metricsPanel = new MetricsPanel();
    if (this.restored?.filter) this.table.restoreFilter(this.restored.filter);

    // Its own window's heading; in a report it sits under the page's h1 and "Explore the run" h2.
    this.title = el(root.classList.contains('embedded') ? 'h3' : 'h1', { text: 'Society' });
    this.status = el('span', { class: 'badge', attrs: { 'aria-live': 'polite' } });
    this.models = el('span', { class: 'muted models' });
    this.modelLabel = new ModelLabel(this.models);
    const button = (text: string, title: string, action: () => void) => {
      const b = el('button', { text, attrs: { type: 'button', title } });
      b.addEventListener('click', action);
      return b;
    };
    const exports = (['png', 'svg', 'graphml', 'gexf', 'csv'] as ExportFormat[]).map((f) =>
      button(f.toUpperCase(), `Export the network as ${f.toUpperCase()}`, () => this.export(f)),
    );
    const header = el(
      'header',
      { class: 'bar' },
      this.title,
      this.status,
      this.models,
      el('span', { class: 'spacer' }),
      button('Fit', 'Fit the network to the panel (0)', () => this.network.fit()),
      el('span', { class: 'group', attrs: { role: 'group', 'aria-label': 'Export' } }, ...exports),
    );
    this.sizeControl = new SizeControl((name) => {
      this.sizeBy = name;
      this.shown.round = -1; // sizes changed: show the round again
      this.saveSoon();
      this.schedule();
    });
    this.legend = new NetworkLegend(this.sizeControl, () => this.network.currentTheme);
    onThemeChange(() => this.legend.retheme());
    this.stageNote = el('p', { class: 'stage-note', text: 'Waiting for the trace…', attrs: { role: 'status' } });
    const stage = el('div', { class: 'stage' }, this.network.element, this.stageNote, this.legend.element);
    const side = el(
      'aside',
      { class: 'side' },
      this.promptPanel.element,
      this.whyPanel.element,
      this.worldPanel.element,
      this.agentPanel.element,
      this.metricsPanel.element,
    );
    root.classList.add('society-app');
    root.replaceChildren(header, stage, side, this.timeline.element, this.table.element);
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && e.target === root) this.select([], false);
    });

    host.listen((m) => this.handle(m));
    window.addEventListener('error', (e) => host.post({ type: 'error', message: String(e.message) }));
    host.post({ type: 'ready', state: this.restored });
  }

  handle(m: HostMessage): void {
    switch (m.type) {
      case 'load': {
        const sameSource =
          (this.restored?.source?.path !== undefined && this.restored.source.path === m.source.path) ||
          (this.restored !== undefined && this.restored.source === undefined);
        this.model.load(m.source, m.header, m.events, m.state);
        this.design = m.design;
        this.timeline.branchable = m.branch === true;
        this.awaited = m.rest ?? 0;
        this.loadTotal = m.events.length + this.awaited;
        if (this.restored && sameSource) {
          this.round = this.restored.round;
          this.selected = this.restored.selected ?? [];
          this.sizeBy = this.restored.sizeBy ?? null;
        } else {
          this.round = null;
          this.selected = [];
          this.sizeBy = null;
          this.restored = undefined;
        }
        this.title.textContent = `${m.header.scenario.name}`;
        this.title.title = m.source.path ?? m.source.label;
        // The models the agents use (modelLabel.ts), not every config the header lists.
        this.modelLabel.load(m.header, m.events);
        // A finished trace still arriving is not "stopped": its status waits for the rest of it.
        if (m.live || !this.awaited) this.setStatus(m.live ? 'running' : this.model.complete ? 'completed' : 'stopped');
        else {
          this.status.dataset.status = 'loading';
          this.status.textContent = this.status.title = 'loading';
        }
        break;
      }
      case 'events':
        this.model.append(m.events);
        this.modelLabel.add(m.events);
        if (this.awaited > 0) {
          this.awaited = Math.max(0, this.awaited - m.events.length);
          if (this.awaited === 0 && this.status.dataset.status === 'loading') {
            this.setStatus(this.model.complete ? 'completed' : 'stopped');
          }
        }
        if (this.model.complete && this.status.dataset.status === 'running') this.setStatus('completed');
        break;
      case 'status':
        this.setStatus(m.status, m.message);
        // The run went on (or ended): back to the state its trace has.
        if (m.status !== 'paused') this.model.worldState.pause(undefined);
        break;
      case 'highlight':
        this.model.worldState.pause(m.state);
        this.highlighted = m.agents;
        if (m.round !== undefined) this.round = m.round;
        if (m.agents[0]) this.network.reveal(m.agents[0]);
        break;
      case 'select':
        this.select(m.agents, false);
        return;
      case 'prompt':
        this.promptPanel.show(m.key, m.calls, m.problem);
        return;
    }
    this.schedule();
  }

  /** The trace event at `index` was selected: the model calls behind its decision, if a model made one. */
  private askPrompt(index: number): void {
    const e = this.model.events[index];
    const key = e && this.host.kind === 'vscode' ? decisionKeyOf(e) : undefined;
    this.promptPanel.ask(key);
    if (key !== undefined) this.host.post({ type: 'askPrompt', key });
  }

  private setStatus(status: RunStatus, message?: string): void {
    this.status.dataset.status = status;
    this.status.textContent = message ? `${STATUS_TEXT[status]}: ${message}` : STATUS_TEXT[status];
    // A long note is cut with an ellipsis in a narrow panel: the whole of it is the tooltip.
    this.status.title = this.status.textContent;
  }

  select(ids: string[], additive: boolean): void {
    const next = additive
      ? [
          ...new Set([
            ...this.selected.filter((id) => !ids.includes(id)),
            ...ids.filter((id) => !this.selected.includes(id)),
          ]),
        ]
      : ids;
    this.selected = next;
    this.host.post({ type: 'selection', agents: next });
    this.saveSoon();
    this.schedule();
  }

  /** Opens the Why panel on the tie from → to: a tie clicked in the network or a "why" in the agent's tie lists. */
  private explainTie(from: string, to: string, focus = false): void {
    this.whyPanel.open(from, to);
    // From the keyboard: focus follows to the explanation (the agent panel's rows are drawn anew).
    if (focus) this.whyPanel.focus();
    this.schedule();
  }

  /**
   * The society forms ties (its design, or its trace) and some have formed: the legend and metrics
   * speak of them. Before any tie reaches the threshold there is no network to measure or to key.
   */
  private get ties(): boolean {
    return showsTies(this.design, this.model.hasTies) && this.model.formedTies;
  }

  /** The round on screen. */
  get displayRound(): number {
    return this.round === null ? this.model.lastRound : Math.min(this.round, this.model.lastRound);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Renders now (tests and the first paint call it directly). */
  render(): void {
    const m = this.model;
    if (!m.header) return;
    // The whole trace first: its layout then starts from the last round once, the same every time.
    // A run's view opened late, or a big trace, can take a while to arrive: say how far it got
    // rather than show an empty stage.
    if (this.awaited > 0) {
      this.root.dataset.loading = String(m.events.length);
      const got = this.loadTotal - this.awaited;
      this.stageNote.textContent = `Loading the trace: ${got.toLocaleString('en-US')} of ${this.loadTotal.toLocaleString('en-US')} events (${Math.floor((100 * got) / this.loadTotal)}%)…`;
      return;
    }
    delete this.root.dataset.loading;
    this.stageNote.hidden = true;
    const round = this.displayRound;
    const fresh = this.shown.generation !== m.generation;
    const net = m.networkAt(round)!;
    if (fresh || this.shown.round !== round || this.shown.events !== m.events.length) {
      const ties = this.ties;
      const sized = sizeNetwork(m, this.sizeControl, this.sizeBy, net.data, round, ties);
      this.sizeBy = sized.sizeBy;
      const size = sized.scale;
      const { colours, key } = colourNetwork(m, net, ties);
      this.legend.update({ ties, colour: key, ...(size ? { size } : {}) });
      this.network.show(net.data, colours, { fresh, positions: fresh ? this.restored?.positions : undefined, ties });
      this.shown = { generation: m.generation, round, events: m.events.length };
    }
    this.network.setDecor({ selected: new Set(this.selected), highlighted: new Set(this.highlighted) });
    this.timeline.update(round, m.lastRound, this.round === null, m.header.rounds, net.data.places?.when);
    const state = m.stateAt(round)!;
    this.agentPanel.showTies = this.ties;
    this.agentPanel.weights = m.weights;
    this.agentPanel.update(state, this.selected[0], m.rewards, round, m.lastRound, (id) => {
      const values = m.worldState.agentAt(id, round);
      return m.worldState.agentQuantities.map((info) => ({ info, value: values?.[info.name] ?? null }));
    });
    this.worldPanel.update(m.worldState, round, m.lastRound);
    this.whyPanel.update(m.events, round);
    this.metricsPanel.update(m.metricSeries(), net.metrics, m.rewards, round, m.lastRound, this.ties);
    this.table.update(m.rows, round, m.knownName, [...m.names.keys()]);
    this.root.dataset.round = String(round);
    this.root.dataset.ready = 'true';
    this.computeMetricsLater();
  }

  /** Fills in the metrics of earlier rounds in small slices, so the view never stalls. */
  private computeMetricsLater(): void {
    if (this.metricsTimer || !this.model.metricsPending) return;
    this.metricsTimer = setTimeout(() => {
      this.metricsTimer = undefined;
      if (this.model.computeMetrics(12)) {
        const round = this.displayRound;
        this.metricsPanel.update(
          this.model.metricSeries(),
          this.model.networkAt(round)?.metrics,
          this.model.rewards,
          round,
          this.model.lastRound,
          this.ties,
        );
      }
      this.computeMetricsLater();
    }, 0);
  }

  private saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.host.saveState(this.state()), 400);
  }

  state(): ViewState {
    return {
      source: this.model.source,
      round: this.round,
      selected: this.selected,
      filter: this.table.getFilter() ?? DEFAULT_FILTER,
      positions: this.network.layout.positions(),
      ...(this.sizeBy ? { sizeBy: this.sizeBy } : {}),
    };
  }

  export(format: ExportFormat): void {
    const m = this.model;
    if (!m.header) return;
    const base = `${
      m.header.scenario.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'society'
    }-round-${this.displayRound}`;
    const data = exportNetwork(format, {
      nodes: this.network.layout.nodes,
      links: this.network.layout.links,
      threshold: m.networkAt(this.displayRound)!.data.threshold,
      decor: this.network.currentDecor,
      theme: this.network.currentTheme,
      title: `${m.header.scenario.name}, round ${this.displayRound}`,
      attributes: (id) => {
        const a = m.stateAt(this.displayRound)?.agents.get(id);
        return a && personaAttributes(a.persona);
      },
    });
    const ext = format === 'csv' || format === 'graphml' || format === 'gexf' ? `ties.${format}` : format;
    this.host.save(format, `${base}.${ext}`, data);
  }
}
