// The memory inspector: pick an agent, filter its memory stream by words, kind and rounds, and ask
// what it would retrieve for a situation at a round. Every answer comes from the host; this only
// renders (text through textContent) and asks again when an input changes.
import { MEMORY_KINDS, type MemoryKind } from '../../src/core/trace/events';
import type {
  InspectorHostMessage,
  InspectorQuery,
  InspectorViewMessage,
} from '../../src/core/protocol/memoryMessages';
import { distinctLabels } from '../../src/core/text/personNames';
import { counted, el } from '../dom';
import { renderMemories } from './memoryList';
import { renderPreview } from './previewTable';
import { renderSurveys } from './surveyList';

export interface InspectorState {
  agent?: string;
  /** The trace file shown (the host reopens it after a window reload). */
  file?: string;
  /**
   * The kinds unticked, i.e. hidden. The boxes say what is shown, as in the trace table: all start
   * ticked and unticking one hides it. (The field used to be `kinds`, the ticked boxes with none
   * meaning all; a state saved under that name is not read, so every box starts ticked.)
   */
  hiddenKinds: MemoryKind[];
  text: string;
  from?: number;
  to?: number;
  preview?: { text: string; round: number; k: number };
}

interface Host {
  post(m: InspectorViewMessage): void;
  saveState(s: InspectorState): void;
}

type Context = Extract<InspectorHostMessage, { type: 'context' }>;

export class Inspector {
  private context?: Context;
  private state: InspectorState;
  private readonly agentSelect = el('select', { attrs: { 'aria-label': 'Agent' } });
  private readonly sourceInfo = el('span', { class: 'muted source' });
  private readonly search = el('input', {
    attrs: { type: 'search', placeholder: 'Search memories', 'aria-label': 'Search memories' },
  });
  private readonly kindBoxes = new Map<MemoryKind, HTMLInputElement>();
  private readonly from = el('input', {
    attrs: { type: 'number', min: '0', placeholder: 'from', 'aria-label': 'From round' },
  });
  private readonly to = el('input', {
    attrs: { type: 'number', min: '0', placeholder: 'to', 'aria-label': 'To round' },
  });
  private readonly count = el('span', { class: 'muted count', attrs: { 'aria-live': 'polite' } });
  private readonly list = el('div', { class: 'memories', attrs: { role: 'list' } });
  private readonly surveys = el('div', { class: 'surveys' });
  private readonly previewText = el('input', {
    attrs: { type: 'text', placeholder: 'a situation, e.g. weekend plans', 'aria-label': 'Retrieval query' },
  });
  private readonly previewRound = el('input', { attrs: { type: 'number', min: '1', 'aria-label': 'Round' } });
  private readonly previewK = el('input', { attrs: { type: 'number', min: '1', max: '50', 'aria-label': 'Top k' } });
  private readonly previewQuestion = el('span', { class: 'question' });
  private readonly previewOut = el('div', { class: 'preview-result' });
  private readonly problem = el('p', { class: 'problem', attrs: { role: 'status' } });
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
    restored?: InspectorState,
  ) {
    this.state = { ...restored, hiddenKinds: restored?.hiddenKinds ?? [], text: restored?.text ?? '' };
    delete (this.state as { kinds?: unknown }).kinds;
    this.search.value = this.state.text;
    if (this.state.from !== undefined) this.from.value = String(this.state.from);
    if (this.state.to !== undefined) this.to.value = String(this.state.to);
    if (this.state.preview) {
      this.previewText.value = this.state.preview.text;
      this.previewRound.value = String(this.state.preview.round);
      this.previewK.value = String(this.state.preview.k);
    }

    const kinds = el('div', { class: 'kinds', attrs: { role: 'group', 'aria-label': 'Kinds' } });
    for (const kind of MEMORY_KINDS) {
      const box = el('input', { attrs: { type: 'checkbox', value: kind } });
      box.checked = !this.state.hiddenKinds.includes(kind);
      box.addEventListener('change', () => this.changed());
      this.kindBoxes.set(kind, box);
      kinds.append(el('label', { class: `kind kind-${kind}` }, box, el('span', { text: kind })));
    }
    this.agentSelect.addEventListener('change', () => {
      this.state.agent = this.agentSelect.value;
      this.previewQuestionText();
      this.changed(true);
    });
    for (const input of [this.search, this.from, this.to]) input.addEventListener('input', () => this.changed());
    const form = el(
      'form',
      { class: 'preview-form' },
      this.previewQuestion,
      this.previewText,
      el('span', { text: 'at round' }),
      this.previewRound,
      el('span', { text: 'top' }),
      this.previewK,
      el('button', { text: 'Preview', attrs: { type: 'submit' } }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.changed(true);
    });

    root.classList.add('memory-inspector');
    root.append(
      el('header', { class: 'bar' }, el('h1', { text: 'Memories of' }), this.agentSelect, this.sourceInfo),
      el(
        'div',
        { class: 'filters' },
        this.search,
        kinds,
        el('span', { class: 'rounds' }, el('span', { text: 'rounds' }), this.from, el('span', { text: '–' }), this.to),
        this.count,
      ),
      this.problem,
      el(
        'div',
        { class: 'columns' },
        el('section', { class: 'stream', attrs: { 'aria-label': 'Memory stream' } }, this.surveys, this.list),
        el(
          'section',
          { class: 'preview', attrs: { 'aria-label': 'Retrieval preview' } },
          el('h2', { text: 'Retrieval preview' }),
          form,
          this.previewOut,
        ),
      ),
    );
  }

  receive(m: InspectorHostMessage): void {
    if (m.type === 'context') {
      this.context = m;
      this.state.agent = m.agent;
      this.state.file = m.file;
      // Names, as everywhere a person reads; the id where two share a name, and in the tooltip.
      const names = new Map(m.agents.map((a) => [a.id, a.name]));
      const labels = distinctLabels(
        m.agents.map((a) => a.id),
        (id) => names.get(id),
      );
      this.agentSelect.replaceChildren(
        ...m.agents.map((a) => el('option', { text: labels.get(a.id) ?? a.id, attrs: { value: a.id, title: a.id } })),
      );
      this.agentSelect.value = m.agent;
      this.sourceInfo.textContent = `${m.source} · round ${m.round}${m.complete ? '' : ' · unfinished'}`;
      this.sourceInfo.title = this.sourceInfo.textContent;
      if (!this.previewRound.value) this.previewRound.value = String(Math.max(1, m.lastRound));
      this.previewRound.max = String(m.lastRound + 1);
      if (!this.previewK.value) this.previewK.value = '8';
      this.previewQuestionText();
      this.root.dataset.round = String(m.round);
      // Only the kinds this run's memories have are offered (a box that can match nothing is noise).
      for (const [kind, box] of this.kindBoxes) box.parentElement!.hidden = !!m.kinds && !m.kinds.includes(kind);
      // Keep what is shown (file, agent, filters, preview clamped to this run) in the view state,
      // so a reloaded window reopens this run and agent even if nobody typed in the view.
      this.readInputs();
      this.host.saveState(this.state);
      this.send();
      return;
    }
    if (m.query.agent !== this.state.agent) return;
    this.problem.textContent = m.problem ?? '';
    this.count.textContent = `${m.rows.length < m.total ? `${m.rows.length} shown of ` : ''}${counted(m.total, 'memory', 'memories')}`;
    renderSurveys(this.surveys, m.surveys);
    renderMemories(this.list, m.rows, (id) => this.host.post({ type: 'reveal', agent: m.query.agent, id }));
    renderPreview(this.previewOut, m.preview, (id) => this.host.post({ type: 'reveal', agent: m.query.agent, id }));
    this.root.dataset.agent = m.query.agent;
    this.root.dataset.ready = 'true';
  }

  private previewQuestionText(): void {
    const name = this.context?.agents.find((a) => a.id === this.state.agent)?.name ?? this.state.agent ?? '';
    this.previewQuestion.textContent = `What would ${name} retrieve for`;
  }

  /**
   * Reads the inputs into the state. The preview's round and k are clamped to their fields' min
   * and max (which follow the run) and written back, so a preview sent without the form's own
   * validation (an agent or run change, a filter edit) ranks exactly what the fields show.
   */
  private readInputs(): void {
    const num = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Math.floor(Number(s)));
    const int = (input: HTMLInputElement) => num(input.value);
    const clamped = (input: HTMLInputElement): number | undefined => {
      let v = int(input);
      if (v === undefined) return undefined;
      const min = num(input.min),
        max = num(input.max);
      if (max !== undefined) v = Math.min(v, max);
      if (min !== undefined) v = Math.max(v, min);
      if (String(v) !== input.value) input.value = String(v);
      return v;
    };
    this.state.text = this.search.value;
    this.state.hiddenKinds = MEMORY_KINDS.filter((k) => !this.kindBoxes.get(k)!.checked);
    this.state.from = int(this.from);
    this.state.to = int(this.to);
    const text = this.previewText.value.trim();
    const round = clamped(this.previewRound),
      k = clamped(this.previewK);
    this.state.preview = text && round !== undefined && k !== undefined && k > 0 ? { text, round, k } : undefined;
  }

  private changed(now = false): void {
    this.readInputs();
    this.host.saveState(this.state);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(), now ? 0 : 200);
  }

  private send(): void {
    if (!this.state.agent) return;
    const query: InspectorQuery = { agent: this.state.agent, text: this.state.text };
    const hidden = this.state.hiddenKinds;
    if (hidden.length) query.kinds = MEMORY_KINDS.filter((k) => !hidden.includes(k));
    if (this.state.from !== undefined) query.from = this.state.from;
    if (this.state.to !== undefined) query.to = this.state.to;
    if (this.state.preview) query.preview = this.state.preview;
    this.host.post({ type: 'query', query });
  }
}
