// Rectangles on screen bucketed in a uniform grid, so "does this box overlap any of them?" looks
// only at the cells the box covers. Name placement asks that for four places per name against
// every name kept and every agent's circle, each frame while the layout moves: with 2,000 agents
// a scan of all of them per place cost more than the frame.

/** A box by its left edge `x`, vertical centre `y`, width and height (label placement's convention). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

/** Cells further out than this share the edge cells (far off screen; the overlap test stays exact). */
const REACH = 1 << 15;
/** A box covering more cells than this is kept aside and tested always (a circle when zoomed far in). */
const MAX_CELLS = 64;

export class RectGrid<T extends Rect> {
  private readonly cells = new Map<number, T[]>();
  private readonly large: T[] = [];

  constructor(private readonly size = 32) {}

  add(r: T): void {
    const x0 = this.cell(r.x),
      x1 = this.cell(r.x + r.w),
      y0 = this.cell(r.y - r.h / 2),
      y1 = this.cell(r.y + r.h / 2);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
      this.large.push(r);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cx * 2 * REACH + cy;
        const list = this.cells.get(key);
        if (list) list.push(r);
        else this.cells.set(key, [r]);
      }
    }
  }

  /** Whether `r` overlaps a held box that passes `keep` (all do when it is omitted). */
  some(r: Rect, keep?: (t: T) => boolean): boolean {
    for (const t of this.large) if (overlaps(r, t) && (!keep || keep(t))) return true;
    const x0 = this.cell(r.x),
      x1 = this.cell(r.x + r.w),
      y0 = this.cell(r.y - r.h / 2),
      y1 = this.cell(r.y + r.h / 2);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
      for (const list of this.cells.values()) {
        for (const t of list) if (overlaps(r, t) && (!keep || keep(t))) return true;
      }
      return false;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(cx * 2 * REACH + cy);
        if (list) for (const t of list) if (overlaps(r, t) && (!keep || keep(t))) return true;
      }
    }
    return false;
  }

  private cell(v: number): number {
    const c = Math.floor(v / this.size);
    return c < -REACH + 1 ? -REACH + 1 : c > REACH - 1 ? REACH - 1 : c;
  }
}
