// Resizable columns for a table whose rows are CSS grids (the trace table), as VS Code's own tables
// have them: a handle at the right edge of each header cell but the last drags its width, the
// arrow keys move it 16 px at a time, a double click gives the column its default back. A width is
// the custom property `--col-<i>` on the table, which the rows' grid template reads (with the
// default as its fallback), so the virtualised list's pooled rows follow without a re-render and a
// layout that hides a column (a narrow panel) still decides what is shown.
import { el } from '../dom';

const STEP_PX = 16;
const MIN_PX = 32;

export class ColumnSizes {
  constructor(
    private readonly table: HTMLElement,
    head: HTMLElement,
    names: readonly string[],
  ) {
    const cells = [...head.children] as HTMLElement[];
    cells.slice(0, -1).forEach((cell, i) => cell.append(this.handle(cell, i, names[i] ?? String(i + 1))));
  }

  /** Sets column `i` to `px` (at least MIN_PX, and never so wide the last column is squeezed out). */
  set(i: number, px: number): void {
    const room = this.table.clientWidth ? this.table.clientWidth * 0.8 : Infinity;
    const width = Math.round(Math.max(MIN_PX, Math.min(px, room)));
    this.table.style.setProperty(`--col-${i}`, `${width}px`);
  }

  reset(i: number): void {
    this.table.style.removeProperty(`--col-${i}`);
  }

  private handle(cell: HTMLElement, i: number, name: string): HTMLElement {
    const handle = el('span', {
      class: 'col-resize',
      attrs: {
        role: 'separator',
        tabindex: '0',
        'aria-orientation': 'vertical',
        'aria-label': `Resize the ${name} column`,
        title: `Drag to resize the ${name} column; double-click for its default width`,
      },
    });
    handle.dataset.column = String(i);
    const current = () => cell.getBoundingClientRect().width;
    handle.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      e.stopPropagation();
      const startX = e.clientX,
        start = current();
      handle.setPointerCapture(e.pointerId);
      handle.classList.add('dragging');
      const move = (m: PointerEvent) => this.set(i, start + m.clientX - startX);
      const up = () => {
        handle.classList.remove('dragging');
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
      handle.addEventListener('pointercancel', up);
    });
    handle.addEventListener('dblclick', () => this.reset(i));
    handle.addEventListener('keydown', (e) => {
      const by = e.key === 'ArrowRight' ? STEP_PX : e.key === 'ArrowLeft' ? -STEP_PX : 0;
      if (!by) return;
      e.preventDefault();
      this.set(i, current() + by);
    });
    return handle;
  }
}
