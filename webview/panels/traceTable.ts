// The conversation trace: every message, evaluation and advice, filterable by agent, rounds and
// kind, searchable, in a virtualized list. Activating a row selects the agents it involves.
import { DEFAULT_FILTER, TRACE_ROW_KINDS, type TraceFilter } from '../../src/core/protocol/viewMessages';
import { counted, el } from '../dom';
import { filterRows, rowAgents, type TraceRow } from '../model/traceRows';
import { VirtualList } from './virtualList';
import { isolated } from '../../src/core/text/isolated';
import { distinctLabels, nameWithId } from '../../src/core/text/personNames';
import { ColumnSizes } from './columnSizes';

/** Kinds any world may produce: a model call that failed, an interview from the debug console. */
const ALWAYS_OFFERED: ReadonlySet<string> = new Set(['intervention', 'error']);

export interface TraceTableCallbacks {
  select(agents: string[]): void;
  filterChanged(filter: TraceFilter): void;
  /** The row of trace event `index` was activated (the decision behind it, if any, can be shown). */
  decided?(index: number): void;
}

const ROW_HEIGHT = 22;
const COLUMNS = ['Round', 'Kind', 'Agents', 'Detail', 'Text'];

export class TraceTable {
  readonly element: HTMLDivElement;
  private readonly list: VirtualList;
  private readonly agent: HTMLSelectElement;
  private readonly rounds: HTMLSelectElement;
  private readonly kinds = new Map<string, HTMLInputElement>();
  private readonly search: HTMLInputElement;
  private readonly count: HTMLSpanElement;
  private readonly detail: HTMLDivElement;
  private rows: readonly TraceRow[] = [];
  private shown: number[] = [];
  /** The row in the detail pane (an index into rows), −1 for none. */
  private detailRow = -1;
  private filter: TraceFilter = { ...DEFAULT_FILTER, kinds: [...DEFAULT_FILTER.kinds] };
  private round = 0;
  private nameOf: (id: string) => string = (id) => id;
  /** The persona name of an id as the model has it (undefined for none), for labels with ids. */
  private knownName: (id: string) => string | undefined = () => undefined;
  private agentIds: string[] = [];
  private searchTimer?: ReturnType<typeof setTimeout>;
  private lastRowCount = -1;

  constructor(private readonly callbacks: TraceTableCallbacks) {
    this.agent = el('select', { attrs: { 'aria-label': 'Agent' } });
    this.agent.addEventListener('change', () => this.setFilter({ agent: this.agent.value || undefined }));
    this.rounds = el(
      'select',
      { attrs: { 'aria-label': 'Rounds' } },
      el('option', { text: 'All rounds', attrs: { value: 'all' } }),
      el('option', { text: 'This round', attrs: { value: 'current' } }),
      el('option', { text: 'Up to this round', attrs: { value: 'upto' } }),
    );
    this.rounds.addEventListener('change', () =>
      this.setFilter({ rounds: this.rounds.value as TraceFilter['rounds'] }),
    );
    const kindBoxes = TRACE_ROW_KINDS.map((kind) => {
      const box = el('input', { attrs: { type: 'checkbox', value: kind } });
      box.checked = true;
      box.addEventListener('change', () =>
        this.setFilter({ kinds: TRACE_ROW_KINDS.filter((k) => this.kinds.get(k)!.checked) }),
      );
      this.kinds.set(kind, box);
      // A kind the world does not produce (a survey in a world without surveys, a rated conversation
      // in a public goods game) is no choice: its box shows once the trace has a row of its kind.
      // Any world can fail a model call or be interviewed from the debug console.
      const label = el('label', { class: 'kind' }, box, kind);
      label.hidden = !ALWAYS_OFFERED.has(kind);
      return label;
    });
    this.search = el('input', {
      class: 'search',
      attrs: { type: 'search', placeholder: 'Search text and names', 'aria-label': 'Search the trace' },
    });
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.setFilter({ search: this.search.value }), 120);
    });
    this.count = el('span', { class: 'count', attrs: { 'aria-live': 'polite' } });
    this.list = new VirtualList({
      rowHeight: ROW_HEIGHT,
      label: 'Conversation trace',
      renderRow: (row, i) => this.renderRow(row, i),
      activate: (i) => this.activate(i),
    });
    this.detail = el('div', { class: 'trace-detail', attrs: { 'aria-live': 'polite' } });
    // Not aria-hidden: it holds the column resize handles, which take the keyboard.
    const head = el('div', { class: 'vrow head' }, ...COLUMNS.map((t) => el('span', { text: t })));
    this.element = el(
      'section',
      { class: 'trace', attrs: { 'aria-label': 'Conversation trace' } },
      el('div', { class: 'filters' }, this.agent, this.rounds, ...kindBoxes, this.search, this.count),
      head,
      this.list.element,
      this.detail,
    ) as HTMLDivElement;
    new ColumnSizes(this.element, head, COLUMNS);
  }

  getFilter(): TraceFilter {
    return this.filter;
  }

  restoreFilter(filter: TraceFilter): void {
    this.filter = { ...filter, kinds: [...filter.kinds] };
    this.rounds.value = filter.rounds;
    this.search.value = filter.search;
    for (const [k, box] of this.kinds) box.checked = filter.kinds.includes(k as TraceRow['kind']);
    this.syncAgentOptions(true);
  }

  /** Rows of the trace (grows while live), the round on screen, the persona names by id and every agent's id. */
  update(
    rows: readonly TraceRow[],
    round: number,
    knownName: (id: string) => string | undefined,
    agents: string[],
  ): void {
    const grew = rows === this.rows && rows.length !== this.lastRowCount;
    const roundMatters = this.filter.rounds !== 'all' && round !== this.round;
    const fresh = rows !== this.rows;
    this.rows = rows;
    this.round = round;
    // A name with a right-to-left override would reverse the rest of its row ("Ana → Bo").
    this.nameOf = (id) => isolated(knownName(id) ?? id);
    this.knownName = knownName;
    if (fresh) this.showDetail(-1);
    if (fresh || agents.length !== this.agentIds.length) {
      this.agentIds = agents;
      this.syncAgentOptions(false);
    }
    if (fresh || grew) this.showKindBoxes(fresh);
    if (fresh || grew || roundMatters) this.refilter(grew);
  }

  /** Shows the box of each kind the trace has rows of (looking only at rows new since the last look). */
  private showKindBoxes(fresh: boolean): void {
    const hidden = new Map<string, HTMLElement>();
    for (const [kind, box] of this.kinds) {
      const label = box.parentElement!;
      if (fresh) label.hidden = !ALWAYS_OFFERED.has(kind);
      if (label.hidden) hidden.set(kind, label);
    }
    for (let i = fresh ? 0 : this.lastRowCount; i < this.rows.length && hidden.size; i++) {
      const label = hidden.get(this.rows[i].kind);
      if (!label) continue;
      label.hidden = false;
      hidden.delete(this.rows[i].kind);
    }
  }

  private setFilter(change: Partial<TraceFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.refilter(false);
    this.callbacks.filterChanged(this.filter);
  }

  private refilter(keepPlace: boolean): void {
    const atEnd =
      keepPlace &&
      this.list.element.scrollTop + this.list.element.clientHeight >= this.list.element.scrollHeight - ROW_HEIGHT * 2;
    this.lastRowCount = this.rows.length;
    this.shown = filterRows(this.rows, this.filter, this.round, this.nameOf);
    // A changed filter shows its first rows (a search starts at the first match); new rows of a
    // live run keep the reader where they were.
    if (!keepPlace) this.list.element.scrollTop = 0;
    this.list.setCount(this.shown.length, keepPlace);
    // The detail pane follows the list: its row stays the active one where it still is, and it
    // empties when the row leaves the list (playback with "This round" showed one round's rows
    // under another round's detail).
    if (this.detailRow >= 0) {
      const at = positionOf(this.shown, this.detailRow);
      if (at < 0) this.showDetail(-1);
      else this.list.setActive(at, false);
    }
    this.list.invalidate();
    if (atEnd) this.list.scrollToEnd();
    this.count.textContent = `${this.shown.length.toLocaleString('en')} of ${counted(this.rows.length, 'row')}`;
    this.element.dataset.rows = String(this.shown.length);
    this.element.dataset.total = String(this.rows.length);
  }

  private syncAgentOptions(keepValue: boolean): void {
    const value = keepValue ? (this.filter.agent ?? '') : this.agent.value;
    // Names; an id only where two people share a name, and in every option's tooltip.
    const labels = distinctLabels(this.agentIds, (id) => this.knownName(id));
    const options = [
      el('option', { text: 'All agents', attrs: { value: '' } }),
      ...[...this.agentIds]
        .sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b)))
        .map((id) => {
          const o = el('option', { text: labels.get(id) ?? id, attrs: { title: this.withId(id) } });
          o.value = id;
          return o;
        }),
    ];
    this.agent.replaceChildren(...options);
    this.agent.value = value;
  }

  private renderRow(row: HTMLElement, i: number): void {
    const r = this.rows[this.shown[i]];
    if (!r) {
      row.replaceChildren();
      return;
    }
    const agents = r.to ? `${this.nameOf(r.from)} → ${this.nameOf(r.to)}` : this.nameOf(r.from);
    const cells = [String(r.round), r.kind, agents, r.detail, r.text];
    if (row.children.length !== cells.length) {
      row.replaceChildren(...cells.map(() => el('span', { attrs: { role: 'gridcell' } })));
    }
    cells.forEach((text, c) => {
      row.children[c].textContent = text;
    });
    row.className = `vrow kind-${r.kind}`;
    // The whole row in its tooltip: what a narrow column cuts (or a narrow panel hides) reads there.
    row.title = `${this.heading(r)}\n${r.detail}\n${r.text}`;
  }

  /** `Round 3 · action · Abigail Chen (t14) → Bea Lund (t3)`: the ids, hidden in the Agents column, beside the names. */
  private heading(r: TraceRow): string {
    const who = (id: string) => this.withId(id);
    return `Round ${r.round} · ${r.kind} · ${r.to ? `${who(r.from)} → ${who(r.to)}` : who(r.from)}`;
  }

  private withId(id: string): string {
    return nameWithId(id, this.knownName(id));
  }

  private activate(i: number): void {
    const r = this.rows[this.shown[i]];
    if (!r) return;
    this.showDetail(this.shown[i]);
    this.callbacks.decided?.(r.index);
    this.callbacks.select(rowAgents(r));
  }

  private showDetail(index: number): void {
    const r = this.rows[index];
    this.detailRow = r ? index : -1;
    this.element.dataset.detailRow = String(this.detailRow);
    if (!r) {
      this.detail.replaceChildren();
      return;
    }
    this.detail.replaceChildren(el('strong', { text: `${this.heading(r)} · ${r.detail}` }), el('p', { text: r.text }));
  }
}

/** Where `row` is in the ascending `shown`, or −1. */
function positionOf(shown: readonly number[], row: number): number {
  let lo = 0,
    hi = shown.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (shown[mid] === row) return mid;
    if (shown[mid] < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
