// The metrics panel: density, reciprocity, average clustering and Louvain modularity per round,
// and the mean raw reward of each behavioral driver per round, as small charts. A society without
// ties, or none formed yet, has no network to measure (every agent a "community" of one): it gets
// its agent count, and the reward chart only where the run has rewards.
import { DRIVER_LABELS, DRIVERS } from '../../src/core/format/pure';
import { categoryColor } from '../../src/core/analysis/pure';
import { counted, el, formatNumber } from '../dom';
import type { RoundMetrics } from '../model/roundMetrics';
import type { RewardSeries } from '../model/rewardSeries';
import { legend, lineChart, type ChartSeries } from './lineChart';

export class MetricsPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;

  constructor() {
    this.body = el('div', { class: 'charts' });
    this.element = el(
      'details',
      { class: 'panel metrics', attrs: { open: '' } },
      el('summary', { text: 'Metrics' }),
      this.body,
    );
  }

  update(
    series: RoundMetrics[],
    current: RoundMetrics | undefined,
    rewards: RewardSeries,
    round: number,
    lastRound: number,
    ties = true,
  ): void {
    const xDomain: [number, number] = [0, Math.max(1, lastRound)];
    const foreground = 'var(--vscode-charts-foreground, currentColor)';
    const metric = (title: string, pick: (m: RoundMetrics) => number | null, yDomain?: [number, number]) => {
      const now = current ? pick(current) : null;
      return lineChart(
        [{ label: title, colour: foreground, points: series.map((m) => ({ round: m.round, value: pick(m) })) }],
        { title: `${title}: ${formatNumber(now)}`, marker: round, xDomain, yDomain },
      );
    };
    const rewardMeans = rewards.means();
    const rewardSeries: ChartSeries[] = [
      ...DRIVERS.map((d, i) => ({ label: DRIVER_LABELS[d], colour: categoryColor(i), points: rewardMeans[d] })),
      { label: 'total', colour: foreground, points: rewardMeans.total, dashed: true },
    ];
    // Only where the run has rewards: a world of actions with ties has none to chart (issue 73).
    const rewardChart = !rewardMeans.total.length
      ? []
      : [
          lineChart(rewardSeries, {
            title: 'Mean reward per driver',
            marker: round,
            xDomain,
            yDomain: [0, 1],
            height: 110,
          }),
          legend(rewardSeries),
        ];
    if (!ties) {
      this.body.replaceChildren(
        el('p', { class: 'summary', text: current ? counted(current.agents, 'agent') : '' }),
        el('p', { class: 'muted no-ties', text: 'No ties have formed in this society: no network metrics.' }),
        ...rewardChart,
      );
      return;
    }
    const summary = current
      ? `${counted(current.agents, 'agent')} · ${counted(current.ties, 'tie')} · ${counted(Object.keys(current.communities).length ? new Set(Object.values(current.communities)).size : 0, 'community', 'communities')}`
      : '';
    this.body.replaceChildren(
      el('p', { class: 'summary', text: summary }),
      metric('Density', (m) => m.density),
      metric('Reciprocity', (m) => m.reciprocity, [0, 1]),
      metric('Avg clustering', (m) => m.clustering, [0, 1]),
      metric('Modularity', (m) => m.modularity),
      ...rewardChart,
    );
  }
}
