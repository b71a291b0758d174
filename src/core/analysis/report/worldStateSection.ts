// The report's "World state" section: the declared quantities over the rounds and where they ended.
import { escapeMarkup } from '../../text/markup';
import { lineChartSvg } from './lineChartSvg';
import { categoryColor } from './palette';
import { formatReal } from '../../text/realFormat';
import type { WorldStateSeries } from './worldStateSeries';
import { scrollable } from './tableScroll';

/** The declared quantities over the rounds: world quantities, and each agent quantity's mean and range. */
export function worldStateSection(s: WorldStateSeries): string {
  const at = (values: number[]) =>
    s.rounds.map((r, i): [number, number | null] => [r, Number.isFinite(values[i]) ? values[i] : null]);
  const charts: string[] = [];
  const world = Object.entries(s.world);
  if (world.length) {
    charts.push(
      lineChartSvg(
        world.map(([name, values], i) => ({ label: name, color: categoryColor(i), points: at(values) })),
        { title: 'The world', xLabel: 'round', yLabel: 'value' },
      ),
    );
  }
  for (const [name, v] of Object.entries(s.agents)) {
    charts.push(
      lineChartSvg(
        [
          { label: `${name}, mean`, color: categoryColor(0), points: at(v.mean) },
          { label: 'least', color: categoryColor(1), points: at(v.min), dashed: true },
          { label: 'most', color: categoryColor(2), points: at(v.max), dashed: true },
        ],
        { title: `Agents' ${name}`, xLabel: 'round', yLabel: name },
      ),
    );
  }
  const last = s.rounds.length - 1;
  const rows = [
    ...world.map(
      ([name, values]) => `<tr><td>world.${escapeMarkup(name)}</td><td>${formatReal(values[last], 2)}</td></tr>`,
    ),
    ...Object.entries(s.agents).map(
      ([name, v]) =>
        `<tr><td>agents.${escapeMarkup(name)}</td><td>mean ${formatReal(v.mean[last], 2)}, ${formatReal(v.min[last], 2)} … ${formatReal(v.max[last], 2)}</td></tr>`,
    ),
  ];
  return (
    charts.map((c) => `<figure>${c}</figure>`).join('') +
    scrollable(
      'World state table',
      `<table><thead><tr><th>quantity</th><th>at round ${s.rounds[last]}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    )
  );
}
