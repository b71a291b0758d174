// The world-state panel (scenarios with `state:`): each world quantity as a sparkline over the
// rounds with its value at the round on screen and its declared bounds, and each agent quantity
// as the agents' mean with the band from the least to the most. Hidden quantities are shown too,
// marked: the view is the researcher's, not an agent's. Names and descriptions are the author's:
// they go in as text and attributes only. A scenario without state never shows the panel.
import type { QuantityInfo } from '../../src/core/protocol/viewMessages';
import { el } from '../dom';
import type { WorldStateTrack } from '../model/worldStateTrack';
import { sparkline } from './sparkline';

/**
 * A value as the panel writes it: whole for an integer quantity, else with as many decimals as
 * its size needs (123.5, 24.35, 0.125), trailing zeros dropped (a bound of 0 is "0", not "0.000").
 */
export function quantityValue(v: number | null, q: Pick<QuantityInfo, 'integer'>): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  if (q.integer) return Math.round(v).toLocaleString('en');
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return a > 0 && a < 0.001 ? v.toExponential(2) : v.toLocaleString('en', { maximumFractionDigits: digits });
}

/** The declared bounds: "0 … 200", "≥ 0", "≤ 1", or nothing. */
export function boundsText(q: Pick<QuantityInfo, 'min' | 'max' | 'integer'>): string {
  const f = (v: number) => quantityValue(v, q);
  if (q.min !== undefined && q.max !== undefined) return `${f(q.min)} … ${f(q.max)}`;
  if (q.min !== undefined) return `≥ ${f(q.min)}`;
  if (q.max !== undefined) return `≤ ${f(q.max)}`;
  return '';
}

export class WorldStatePanel {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;

  constructor() {
    this.body = el('div', { class: 'world-state-body' });
    this.element = el(
      'details',
      { class: 'panel world-state', attrs: { open: '' } },
      el('summary', { text: 'World state' }),
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
    const xDomain: [number, number] = [0, Math.max(1, lastRound)];
    const world = track.world.map((q) => {
      const now = track.worldAt(q.name, round);
      const chart = sparkline(track.worldSeries(q.name), {
        label: `${q.name} over the rounds`,
        xDomain,
        marker: round,
        current: now,
        min: q.min,
        max: q.max,
      });
      return this.quantity(q, quantityValue(now, q), chart, 'world');
    });
    const agents = track.agentQuantities.map((q) => {
      const now = track.agentSummaryAt(q.name, round);
      const s = track.agentSeries(q.name);
      const chart = sparkline(s.mean, {
        label: `${q.name}: the agents' mean, and their least to most, over the rounds`,
        xDomain,
        marker: round,
        current: now.mean,
        min: q.min,
        max: q.max,
        band: { low: s.min, high: s.max },
      });
      const value =
        now.mean === null
          ? 'n/a'
          : `mean ${quantityValue(now.mean, {})} (${quantityValue(now.min, q)} … ${quantityValue(now.max, q)})`;
      return this.quantity(q, value, chart, 'agent');
    });
    const shown = track.stateRoundAt(round);
    const when =
      shown === null
        ? `Round ${round} under way: no state yet`
        : shown === round
          ? `At the end of round ${round}`
          : `At the end of round ${shown} (round ${round} under way)`;
    this.body.replaceChildren(
      el('p', { class: 'muted summary', text: when }),
      ...world,
      ...(agents.length ? [el('h4', { text: 'Per agent' }), ...agents] : []),
    );
  }

  private quantity(q: QuantityInfo, value: string, chart: SVGSVGElement, scope: 'world' | 'agent'): HTMLElement {
    const bounds = boundsText(q);
    const notes = [bounds ? `bounds ${bounds}` : '', q.hidden ? 'hidden from other agents' : '']
      .filter(Boolean)
      .join(' · ');
    const item = el(
      'div',
      { class: `quantity ${scope}`, attrs: { 'data-name': q.name } },
      el(
        'div',
        { class: 'quantity-head' },
        el('span', { class: 'quantity-name', text: q.name }),
        el('span', { class: 'num quantity-value', text: value }),
      ),
      chart,
    );
    if (notes) item.append(el('div', { class: 'muted quantity-notes', text: notes }));
    if (q.description) {
      item.append(el('div', { class: 'muted quantity-description', text: q.description }));
      item.title = q.description;
    }
    return item;
  }
}
