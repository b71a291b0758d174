// A scrolling list that renders only its visible rows, reusing a small pool of row elements.
// Keyboard: Up/Down/PageUp/PageDown/Home/End move the active row, Enter activates it.
import { el } from '../dom';
import { scrollToRow, visibleWindow } from './virtualWindow';

export interface VirtualListOptions {
  rowHeight: number;
  label: string;
  /** Fill a pooled row element for row `index`. */
  renderRow(row: HTMLElement, index: number): void;
  activate(index: number): void;
}

export class VirtualList {
  readonly element: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly pool: HTMLDivElement[] = [];
  private count = 0;
  private active = -1;
  private frame = 0;

  constructor(private readonly opts: VirtualListOptions) {
    this.body = el('div', { class: 'vlist-body', attrs: { role: 'rowgroup' } });
    this.spacer = el('div', { class: 'vlist-spacer' }, this.body);
    this.element = el(
      'div',
      { class: 'vlist', attrs: { tabindex: '0', role: 'grid', 'aria-label': opts.label, 'aria-rowcount': '0' } },
      this.spacer,
    );
    this.element.addEventListener('scroll', () => this.schedule());
    this.element.addEventListener('keydown', (e) => this.key(e));
    this.body.addEventListener('click', (e) => {
      const row = (e.target as Element).closest<HTMLElement>('.vrow');
      if (!row) return;
      this.setActive(Number(row.dataset.index));
      this.opts.activate(this.active);
    });
    new ResizeObserver(() => this.render()).observe(this.element);
  }

  get size(): number {
    return this.count;
  }
  get activeIndex(): number {
    return this.active;
  }

  /** New row count; keeps the scroll position (clamped) and re-renders. */
  setCount(count: number, keepActive = false): void {
    this.count = count;
    if (!keepActive || this.active >= count) this.active = -1;
    this.spacer.style.height = `${count * this.opts.rowHeight}px`;
    this.element.setAttribute('aria-rowcount', String(count));
    this.render();
  }

  /** Makes row `index` the active one; `scroll`: bring it into view. */
  setActive(index: number, scroll = true): void {
    this.active = Math.max(-1, Math.min(this.count - 1, index));
    if (this.active >= 0 && scroll) {
      this.element.scrollTop = scrollToRow(
        this.active,
        this.element.scrollTop,
        this.element.clientHeight,
        this.opts.rowHeight,
      );
    }
    this.render();
  }

  scrollToEnd(): void {
    this.element.scrollTop = this.count * this.opts.rowHeight;
    this.render();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  render(): void {
    const { rowHeight } = this.opts;
    const { first, last } = visibleWindow(
      this.element.scrollTop,
      this.element.clientHeight || 400,
      rowHeight,
      this.count,
    );
    while (this.pool.length < last - first) this.pool.push(el('div', { class: 'vrow', attrs: { role: 'row' } }));
    this.body.style.transform = `translateY(${first * rowHeight}px)`;
    const shown = last - first;
    for (let i = 0; i < shown; i++) {
      const row = this.pool[i];
      const index = first + i;
      if (row.dataset.index !== String(index) || row.dataset.dirty !== '0') {
        row.dataset.index = String(index);
        row.dataset.dirty = '0';
        row.setAttribute('aria-rowindex', String(index + 1));
        this.opts.renderRow(row, index);
      }
      row.classList.toggle('active', index === this.active);
      row.setAttribute('aria-selected', String(index === this.active));
      if (row.parentNode !== this.body || this.body.children[i] !== row) this.body.append(row);
    }
    while (this.body.children.length > shown) this.body.lastElementChild!.remove();
  }

  /** Forces every visible row to be rendered again (data behind the indices changed). */
  invalidate(): void {
    for (const row of this.pool) row.dataset.dirty = '1';
    this.render();
  }

  private key(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.element.clientHeight / this.opts.rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.setActive(Math.max(0, this.active + moves[e.key]));
    else if (e.key === 'Home') this.setActive(0);
    else if (e.key === 'End') this.setActive(this.count - 1);
    else if (e.key === 'Enter' && this.active >= 0) this.opts.activate(this.active);
    else return;
    e.preventDefault();
  }
}
