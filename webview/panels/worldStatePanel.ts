// The world-state panel (scenarios with `state:`): one dense row per declared quantity — its name,
// a sparkline over the rounds and its value at the round on screen — so a dozen fit beside the
// editor, and more scroll. A world quantity is its line; an agent quantity the agents' mean with
// the band from the least to the most; a categorical one (`labels:`) its label round by round
// (world) or the agents' shares of each label as a stacked band, with the shares written under it
// (agents). What does not fit a row (description, bounds, labels' values) is its tooltip. Hidden
// quantities are shown too, marked: the view is the researcher's, not an agent's. Names,
// descriptions and labels are the author's: they go in as text and attributes only. A scenario
// without state never shows the panel.
import { el } from '../dom';
import { agentRow, percent, stateMoment, worldRow, type LabelShare, type QuantityRow } from '../model/quantityRows';
import type { WorldStateTrack } from '../model/worldStateTrack';
import { categoryClass, labelBand, labelStrip } from './labelCharts';
import { sparkline } from './sparkline';

export { boundsText, quantityValue } from '../model/quantityRows';

export class WorldStatePanel {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  /** Beside the panel's title: which moment the values are of (the end of a round, a paused point). */
  private readonly moment: HTMLSpanElement;

  constructor() {
    this.body = el('div', { class: 'world-state-body' });
    this.moment = el('span', { class: 'muted moment', attrs: { 'aria-live': 'polite' } });
    this.element = el(
      'details',
      { class: 'panel world-state', attrs: { open: '' } },
      el('summary', {}, 'World state', this.moment),
      this.body,
    );
    this.element.hidden = true;
  }

  update(track: WorldStateTrack, round: number, lastRound: number): void {
    this.element.hidden = !track.present;
    if (!track.present) {
      this.body.replaceChildren();
      return;
    }
    const at = { xDomain: [0, Math.max(1, lastRound, round)] as [number, number], marker: round };
    const world = track.world.map((q) => this.row(worldRow(track, q, round), this.worldChart(track, q, round, at)));
    const agents = track.agentQuantities.map((q) =>
      this.row(agentRow(track, q, round), this.agentChart(track, q, round, at)),
    );
    const paused = track.pausedAt(round);
    this.body.dataset.paused = paused ? String(round) : '';
    this.moment.textContent = stateMoment(track, round);
    this.moment.classList.toggle('paused', !!paused);
    // One grid for both: every row's name, chart and value line up with the others'.
    this.body.replaceChildren(
      el(
        'div',
        { class: 'quantity-list' },
        ...world,
        ...(agents.length
          ? [el('h4', { text: 'Per agent', attrs: { title: 'mean of the agents, least … most' } }), ...agents]
          : []),
      ),
    );
  }

  private worldChart(
    track: WorldStateTrack,
    q: WorldStateTrack['world'][number],
    round: number,
    at: { xDomain: [number, number]; marker: number },
  ): SVGSVGElement {
    const series = track.worldSeries(q.name);
    if (q.labels?.length) return labelStrip(series, q.labels.length, { label: `${q.name} round by round`, ...at });
    return sparkline(series, {
      label: `${q.name} over the rounds`,
      ...at,
      current: track.worldAt(q.name, round),
      min: q.min,
      max: q.max,
    });
  }

  private agentChart(
    track: WorldStateTrack,
    q: WorldStateTrack['world'][number],
    round: number,
    at: { xDomain: [number, number]; marker: number },
  ): SVGSVGElement {
    if (q.labels?.length) {
      return labelBand(track.labelSeries(q.name), { label: `${q.name}: the agents' shares of each label`, ...at });
    }
    const s = track.agentSeries(q.name);
    return sparkline(s.mean, {
      label: `${q.name}: the agents' mean, and their least to most, over the rounds`,
      ...at,
      current: track.agentSummaryAt(q.name, round).mean,
      min: q.min,
      max: q.max,
      band: { low: s.min, high: s.max },
    });
  }

  private row(r: QuantityRow, chart: SVGSVGElement): HTMLElement {
    const q = r.info;
    const name = el('span', { class: 'quantity-name', text: q.name });
    if (q.hidden) name.append(el('span', { class: 'quantity-tag', text: 'hidden' }));
    const figure = el('span', { class: 'quantity-figure' }, el('span', { class: 'num quantity-value', text: r.value }));
    if (r.range) figure.append(el('span', { class: 'num muted quantity-range', text: r.range }));
    const item = el(
      'div',
      {
        class: `quantity ${r.scope}${q.labels?.length ? ' categorical' : ''}`,
        attrs: { 'data-name': q.name, title: r.title },
      },
      name,
      chart,
      figure,
    );
    if (r.shares) item.append(shareLine(r.shares));
    return item;
  }
}

/** Under a categorical agent quantity's row: each label with its colour and share of the agents. */
function shareLine(shares: readonly LabelShare[]): HTMLElement {
  return el(
    'div',
    { class: 'quantity-shares' },
    ...shares.map((s, k) =>
      el(
        'span',
        { class: `share ${categoryClass(k)}`, attrs: { 'data-label': s.label } },
        el('i', { attrs: { 'aria-hidden': 'true' } }),
        `${s.label} ${percent(s.share)}`,
      ),
    ),
  );
}
