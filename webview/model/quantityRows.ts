// What the World state panel writes for each declared quantity at the round on screen, as plain
// data (the panel draws it; tests check it in Node): one dense row per quantity — its name, its
// value (a world quantity's own, the agents' mean with their least … most, or a categorical
// quantity's label and the agents' shares of each label) — and a tooltip with what does not fit
// in a row: the description, the bounds or the labels' values, whether other agents see it.
import type { QuantityInfo } from '../../src/core/protocol/viewMessages';
import { labelOf, labelShares } from './labelCounts';
import type { WorldStateTrack } from './worldStateTrack';

export interface LabelShare {
  label: string;
  count: number;
  share: number;
}

export interface QuantityRow {
  info: QuantityInfo;
  scope: 'world' | 'agent';
  /** The value at the round on screen, as the row writes it. */
  value: string;
  /** An agent quantity: the least … most over the agents. */
  range?: string;
  /** A categorical agent quantity: each label's share of the agents (in label order). */
  shares?: LabelShare[];
  /** The row's tooltip, one fact a line. */
  title: string;
}

/**
 * A value as the panel writes it: a categorical quantity's label; whole for an integer quantity,
 * else with as many decimals as its size needs (123.5, 24.35, 0.125), trailing zeros dropped (a
 * bound of 0 is "0", not "0.000").
 */
export function quantityValue(v: number | null, q: Pick<QuantityInfo, 'integer' | 'labels'>): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  const label = labelOf(v, q.labels);
  if (label !== undefined) return label;
  if (q.integer) return Math.round(v).toLocaleString('en');
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3;
  return a > 0 && a < 0.001 ? v.toExponential(2) : v.toLocaleString('en', { maximumFractionDigits: digits });
}

/** The declared bounds: "0 … 200", "≥ 0", "≤ 1", or nothing. */
export function boundsText(q: Pick<QuantityInfo, 'min' | 'max' | 'integer'>): string {
  const f = (v: number) => quantityValue(v, { integer: q.integer });
  if (q.min !== undefined && q.max !== undefined) return `${f(q.min)} … ${f(q.max)}`;
  if (q.min !== undefined) return `≥ ${f(q.min)}`;
  if (q.max !== undefined) return `≤ ${f(q.max)}`;
  return '';
}

/** "0 home · 1 cafe · 2 park": what each value of a categorical quantity means. */
export function labelsText(labels: readonly string[]): string {
  return labels.map((l, k) => `${k} ${l}`).join(' · ');
}

/** The panel's line over its rows: which moment the values are of. */
export function stateMoment(track: WorldStateTrack, round: number): string {
  const paused = track.pausedAt(round);
  if (paused) return paused.ended ? `Paused at the end of round ${round}` : `Paused in round ${round} (in progress)`;
  const shown = track.stateRoundAt(round);
  return shown === null
    ? `Round ${round} under way: no state yet`
    : shown === round
      ? `At the end of round ${round}`
      : `At the end of round ${shown} (round ${round} under way)`;
}

function tooltip(q: QuantityInfo, scope: 'world' | 'agent', reading: string): string {
  const bounds = boundsText(q);
  return [
    `${q.name} (${scope === 'world' ? 'world' : 'per agent'})${q.hidden ? ' · hidden from other agents' : ''}`,
    q.description ?? '',
    reading,
    q.labels?.length ? `values: ${labelsText(q.labels)}` : bounds ? `bounds ${bounds}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function worldRow(track: WorldStateTrack, q: QuantityInfo, round: number): QuantityRow {
  const now = track.worldAt(q.name, round);
  const value = quantityValue(now, q);
  const reading = q.labels?.length && now !== null ? `now: ${now} (${value})` : `now: ${value}`;
  return { info: q, scope: 'world', value, title: tooltip(q, 'world', reading) };
}

export function agentRow(track: WorldStateTrack, q: QuantityInfo, round: number): QuantityRow {
  const counts = q.labels?.length ? track.labelCountsAt(q.name, round) : null;
  if (q.labels?.length && counts) {
    const shares = labelShares(counts).map((share, k) => ({ label: q.labels![k], count: counts[k], share }));
    // The commonest label (the first of those tied), with its share.
    const top = shares.reduce((a, b) => (b.count > a.count ? b : a), shares[0]);
    const value = top.count ? `${top.label} ${percent(top.share)}` : 'n/a';
    const reading = shares.map((s) => `${s.label}: ${s.count} (${percent(s.share)})`).join(', ');
    return { info: q, scope: 'agent', value, shares, title: tooltip(q, 'agent', `agents now: ${reading}`) };
  }
  const now = track.agentSummaryAt(q.name, round);
  const value = quantityValue(now.mean, {});
  const range = now.mean === null ? undefined : `${quantityValue(now.min, q)} … ${quantityValue(now.max, q)}`;
  const reading = range ? `agents now: mean ${value}, least … most ${range}` : 'agents now: n/a';
  return { info: q, scope: 'agent', value, ...(range ? { range } : {}), title: tooltip(q, 'agent', reading) };
}

/** "45%"; a share under 1% but above none is "<1%", so a label held by someone never reads 0%. */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}
