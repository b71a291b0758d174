// The network panel's agent tooltip: placed beside its agent (not the pointer), with the figures of
// the round on screen, and kept inside the panel, whose edges clip it.
import type { View } from './canvasDraw';
import { agentLines } from './agentText';
import type { LayoutNode } from './layout';

export class AgentTooltip {
  readonly element: HTMLDivElement;
  /** Its size, measured when its text changes. */
  private size = { width: 0, height: 0 };

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'tooltip';
    this.element.hidden = true;
  }

  /** Shows the tooltip beside `node` in a panel of `width` × `height` under `view`; hides it without one. */
  place(node: LayoutNode | undefined, view: View, width: number, height: number, ties: boolean): void {
    const x = node ? view.x + node.x * view.k : NaN,
      y = node ? view.y + node.y * view.k : NaN;
    // Hidden too while the agent is out of the picture (moved or panned away).
    if (!node || !(x >= 0 && x <= width && y >= 0 && y <= height)) {
      this.element.hidden = true;
      return;
    }
    const lines = agentLines(node, ties);
    if (this.element.hidden || this.element.dataset.id !== node.id || this.element.dataset.text !== lines.join('\n')) {
      const name = document.createElement('strong');
      name.textContent = node.name;
      const details = lines.map((line) => {
        const detail = document.createElement('div');
        detail.textContent = line;
        return detail;
      });
      this.element.replaceChildren(name, ...details);
      this.element.dataset.text = lines.join('\n');
      this.element.dataset.id = node.id;
      this.element.hidden = false;
      // Measured only when the text changes (its width is max-content: it does not depend on where it is).
      this.size = { width: this.element.offsetWidth, height: this.element.offsetHeight };
    }
    // Below right of the agent, flipped to its other side where the panel ends: the panel clips
    // (its bottom edge is the legend's top), so the tooltip must fit inside it.
    const { width: w, height: h } = this.size;
    const gap = node.radius * view.k + 6;
    const left = x + gap + w <= width ? x + gap : x - gap - w;
    const top = y + gap + h <= height ? y + gap : y - gap - h;
    this.element.style.left = `${Math.max(0, Math.min(left, width - w))}px`;
    this.element.style.top = `${Math.max(0, Math.min(top, height - h))}px`;
  }
}
