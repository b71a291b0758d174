// The network's legend, a row under the drawing that speaks only of what is drawn (model/networkKey.ts):
// tie samples and "width: strength" where the society forms ties; the size picker with a scale,
// the circles of the least and the most value at their relative size; and what colours mean —
// "community", a swatch per group, or the one neutral colour every agent has. Group names are the
// author's: they go in as text only.
import { el } from '../dom';
import type { ColourKey, SizeScale } from '../model/networkKey';
import { nodeColour, type NetworkTheme } from '../network/theme';
import type { SizeControl } from './sizeControl';

/** The legend's circles are this fraction of the network's (layout units at zoom 1), to fit its line. */
const SCALE_CIRCLE = 0.5;
const SVG = 'http://www.w3.org/2000/svg';

export interface LegendContent {
  ties: boolean;
  colour: ColourKey;
  /** Absent: every circle one size. */
  size?: SizeScale;
}

export class NetworkLegend {
  readonly element: HTMLDivElement;
  private readonly oneWay = el('span', { class: 'one-way', text: 'one-way tie', attrs: { 'aria-hidden': 'true' } });
  private readonly mutual = el('span', { class: 'mutual', text: 'reciprocated tie', attrs: { 'aria-hidden': 'true' } });
  /** "size: ties" where there is no picker (no agent quantities). */
  private readonly sizeText = el('span', { class: 'size-text', text: 'size: ties' });
  private readonly scale = el('span', { class: 'size-scale' });
  private readonly colour = el('span', { class: 'legend-colour' });
  private readonly width = el('span', { class: 'legend-width', text: 'width: strength' });
  private shown = '';

  constructor(
    private readonly picker: SizeControl,
    private readonly theme: () => NetworkTheme,
  ) {
    this.element = el(
      'div',
      { class: 'network-legend' },
      this.oneWay,
      this.mutual,
      el('span', { class: 'legend-size' }, this.sizeText, picker.element, this.scale),
      this.colour,
      this.width,
    );
  }

  update(c: LegendContent): void {
    const key = JSON.stringify(c);
    if (key === this.shown) return;
    this.shown = key;
    this.element.dataset.ties = String(c.ties);
    this.element.dataset.colour = c.colour.kind;
    this.oneWay.hidden = this.mutual.hidden = this.width.hidden = !c.ties;
    this.sizeText.hidden = !this.picker.element.hidden || c.size?.by !== 'ties';
    this.showScale(c.size);
    this.showColours(c.colour);
  }

  private showScale(size: SizeScale | undefined): void {
    this.scale.hidden = !size;
    if (!size) {
      this.scale.replaceChildren();
      return;
    }
    const [least, most] = [size.steps[0], size.steps.at(-1)!];
    this.scale.title =
      size.steps.length > 1
        ? `Circle area grows with ${size.by}: the smallest ${least.value}, the largest ${most.value}`
        : `Every circle stands for ${size.by} ${least.value}`;
    const steps = size.steps.map((s) => {
      const r = Math.max(1, s.radius * SCALE_CIRCLE);
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('width', String(2 * r + 2));
      svg.setAttribute('height', String(2 * r + 2));
      svg.setAttribute('aria-hidden', 'true');
      const circle = document.createElementNS(SVG, 'circle');
      circle.setAttribute('cx', String(r + 1));
      circle.setAttribute('cy', String(r + 1));
      circle.setAttribute('r', String(r));
      svg.append(circle);
      return el('span', { class: 'size-step', attrs: { 'data-radius': String(s.radius) } }, svg, s.value);
    });
    this.scale.replaceChildren(...steps.flatMap((s, i) => (i ? [' … ', s] : [s])));
  }

  private showColours(colour: ColourKey): void {
    const swatch = (index: number) => {
      const i = el('i', { class: 'swatch', attrs: { 'aria-hidden': 'true', 'data-colour': String(index) } });
      i.style.background = nodeColour(this.theme(), index);
      return i;
    };
    switch (colour.kind) {
      case 'community':
        this.colour.title = 'Communities found in the ties of the round on screen (Louvain)';
        this.colour.replaceChildren(
          'colour: community',
          ...(colour.isolated ? [el('span', { class: 'swatch-entry' }, swatch(-1), 'no ties')] : []),
        );
        break;
      case 'group':
        this.colour.title = 'The agents’ groups';
        this.colour.replaceChildren(
          'colour: ',
          ...colour.entries.map((e) =>
            el('span', { class: 'swatch-entry', attrs: { title: e.title } }, swatch(e.colour), e.label),
          ),
        );
        break;
      default:
        this.colour.title = 'One colour: no communities or groups to tell apart';
        this.colour.replaceChildren(el('span', { class: 'swatch-entry' }, swatch(-1), 'agent'));
    }
  }

  /** The theme changed: the swatches take its colours. */
  retheme(): void {
    for (const i of this.colour.querySelectorAll<HTMLElement>('i.swatch')) {
      i.style.background = nodeColour(this.theme(), Number(i.dataset.colour));
    }
  }
}
