// The Why panel: the chain of events that moved the tie clicked in the network, up to the round on
// screen (core/analysis/explain, the same as `society explain`). Each item's line number is a
// button that opens the trace there; a memory's opens the memory inspector too. Everything is
// written as text (persona names, messages and memories are the author's and the model's).
import type { TraceEvent } from '../../src/core/trace/events';
import { explainTie, type Because, type Explanation, type Move } from '../../src/core/analysis/pure';
import type { ViewMessage } from '../../src/core/protocol/viewMessages';
import { el } from '../dom';

const signed = (x: number): string => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

export class WhyPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly heading: HTMLElement;
  /** The tie explained, and the round and events it was explained at. */
  private tie?: { from: string; to: string };
  private shown = { round: -1, events: -1 };

  /** `post` undefined: no host to open the trace (a report page): line numbers are plain text. */
  constructor(private readonly post?: (m: ViewMessage) => void) {
    this.heading = el('summary', { text: 'Why' });
    const close = el('button', {
      class: 'why-close',
      text: '×',
      attrs: { type: 'button', title: 'Close the Why panel' },
    });
    close.addEventListener('click', () => this.close());
    this.body = el('div', { class: 'why-body' });
    this.element = el('details', { class: 'panel why', attrs: { open: '' } }, this.heading, close, this.body);
    this.element.hidden = true;
  }

  /** Explains this tie (from the view's events) up to `round`. */
  open(from: string, to: string): void {
    this.tie = { from, to };
    this.shown = { round: -1, events: -1 };
    this.element.hidden = false;
    (this.element as HTMLDetailsElement).open = true;
  }

  /** Moves the keyboard focus to the panel's heading (it was opened from a list, not the picture). */
  focus(): void {
    this.heading.focus();
  }

  close(): void {
    this.tie = undefined;
    this.element.hidden = true;
  }

  /** Brings the chain up to the round on screen (again only when the round or the trace changed). */
  update(events: readonly TraceEvent[], round: number): void {
    if (!this.tie || (this.shown.round === round && this.shown.events === events.length)) return;
    this.shown = { round, events: events.length };
    this.render(explainTie({ events }, { ...this.tie, round }));
  }

  private render(x: Explanation): void {
    const name = (id: string): string => x.names[id] ?? id;
    const [key, value] = Object.entries(x.values)[0];
    const [from, to] = key.split('→');
    this.heading.textContent = `Why ${name(from)} → ${name(to)}`;
    const sum = x.rounds.flatMap((r) => r.moves).reduce((a, m) => a + m.delta, 0);
    const lead = el('p', {
      class: 'why-lead',
      text: `${value.toFixed(3)} at the end of round ${x.round}; the changes below add up to ${sum.toFixed(3)}.`,
    });
    const rounds = x.rounds.map((r) =>
      el(
        'li',
        { class: 'why-round' },
        el('h4', { text: `Round ${r.round}` }),
        el(
          'ul',
          {},
          ...r.moves.flatMap((m) => this.moveRows(m)),
          ...r.context.filter((c) => !r.moves.some((m) => m.because === c)).map((c) => this.itemRow(c)),
        ),
      ),
    );
    const empty = el('p', { class: 'hint', text: 'Nothing in the trace has moved this tie yet.' });
    this.body.replaceChildren(lead, rounds.length ? el('ol', { class: 'why-rounds' }, ...rounds) : empty);
  }

  private moveRows(m: Move): HTMLElement[] {
    const row = el(
      'li',
      { class: `why-move cause-${m.cause}` },
      el('span', { class: 'why-delta', text: signed(m.delta) }),
      el('span', { class: 'why-value', text: m.value.toFixed(3) }),
      el('span', { class: 'why-text', text: m.text }),
      this.lineButton(m.line),
    );
    return m.because ? [row, this.itemRow(m.because, 'because')] : [row];
  }

  private itemRow(c: Because, label: string = c.kind): HTMLElement {
    const row = el(
      'li',
      { class: `why-item kind-${c.kind}` },
      el('span', { class: 'why-kind', text: label }),
      el('span', { class: 'why-text', text: c.text }),
      this.lineButton(c.line),
    );
    if (c.kind === 'memory' && c.agent && this.post) {
      const post = this.post;
      const inspect = el('button', {
        class: 'why-memory',
        // The row's kind already says "memory": the button says what it does.
        text: 'inspect',
        attrs: { type: 'button', title: 'Open in the memory inspector' },
      });
      const agent = c.agent;
      inspect.addEventListener('click', () =>
        post({ type: 'inspectMemory', agent, ...(c.memory !== undefined ? { memory: c.memory } : {}) }),
      );
      row.append(inspect);
    }
    return row;
  }

  private lineButton(line: number): HTMLElement {
    const post = this.post;
    if (!post) return el('span', { class: 'why-line', text: `line ${line}` });
    const b = el('button', {
      class: 'why-line',
      text: `line ${line}`,
      attrs: { type: 'button', title: 'Show this event in the trace' },
    });
    b.addEventListener('click', () => post({ type: 'revealTrace', line }));
    return b;
  }
}
