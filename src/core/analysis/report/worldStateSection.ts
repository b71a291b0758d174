// The report's "World state" section: the declared quantities over the rounds and where they ended.
// A quantity that never moved (a switch, a pot emptied at every close) is not drawn as a flat line
// but named with its value (issue 88: flat-zero charts); the means of those that moved are
// tabled round by round, the figures a colleague quotes.
import { escapeMarkup } from '../../text/markup';
import { lineChartSvg } from './lineChartSvg';
import { categoryColor } from './palette';
import { formatReal } from '../../text/realFormat';
import type { WorldStateSeries } from './worldStateSeries';
import { scrollable } from './tableScroll';

/** Rows of the per-round table at most: every k-th round and the last beyond it. */
const TABLE_ROUNDS = 25;

/** The declared quantities over the rounds: world quantities, and each agent quantity's mean and range. */
export function worldStateSection(s: WorldStateSeries): string {
  const at = (values: number[]) =>
    s.rounds.map((r, i): [number, number | null] => [r, Number.isFinite(values[i]) ? values[i] : null]);
  // Moved: two finite values differ (a round without a value is no move).
  const moves = (values: number[]) => {
    const xs = values.filter((v) => Number.isFinite(v));
    return xs.some((v) => v !== xs[0]);
  };
  const charts: string[] = [];
  const world = Object.entries(s.world);
  const moving = world.filter(([, values]) => moves(values));
  if (moving.length) {
    charts.push(
      lineChartSvg(
        moving.map(([name, values], i) => ({ label: name, color: categoryColor(i), points: at(values) })),
        { title: 'The world', xLabel: 'round', yLabel: 'value' },
      ),
    );
  }
  const agents = Object.entries(s.agents);
  for (const [name, v] of agents.filter(([, v]) => moves(v.mean) || moves(v.min) || moves(v.max))) {
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
  const still = [
    ...world.filter(([, values]) => !moves(values)).map(([name, values]) => `${name} ${formatReal(values[last], 2)}`),
    ...agents
      .filter(([, v]) => !moves(v.mean) && !moves(v.min) && !moves(v.max))
      .map(([name, v]) => `every agent's ${name} ${formatReal(v.mean[last], 2)}`),
  ];
  const rows = [
    ...world.map(
      ([name, values]) => `<tr><td>world.${escapeMarkup(name)}</td><td>${formatReal(values[last], 2)}</td></tr>`,
    ),
    ...agents.map(
      ([name, v]) =>
        `<tr><td>agents.${escapeMarkup(name)}</td><td>mean ${formatReal(v.mean[last], 2)}, ${formatReal(v.min[last], 2)} … ${formatReal(v.max[last], 2)}</td></tr>`,
    ),
  ];
  return (
    charts.map((c) => `<figure>${c}</figure>`).join('') +
    (still.length
      ? `<p class="caption">The same in every round, so not drawn: ${escapeMarkup(still.join('; '))}.</p>`
      : '') +
    perRoundTable(
      s,
      moving,
      agents.filter(([, v]) => moves(v.mean)),
    ) +
    scrollable(
      'World state table',
      `<table><thead><tr><th>quantity</th><th>at round ${s.rounds[last]}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    )
  );
}

/** The moving world quantities and agent means round by round (every k-th round past TABLE_ROUNDS, and the last). */
function perRoundTable(
  s: WorldStateSeries,
  world: readonly [string, number[]][],
  agents: readonly [string, { mean: number[] }][],
): string {
  if (!world.length && !agents.length) return '';
  const n = s.rounds.length;
  const step = Math.max(1, Math.ceil(n / TABLE_ROUNDS));
  const shown = s.rounds.map((_, i) => i).filter((i) => i % step === 0 || i === n - 1);
  const head = `<tr><th>round</th>${world.map(([q]) => `<th>${escapeMarkup(q)}</th>`).join('')}${agents.map(([q]) => `<th>${escapeMarkup(q)}, mean per agent</th>`).join('')}</tr>`;
  const cell = (v: number) => `<td class="num">${Number.isFinite(v) ? formatReal(v, 2) : '—'}</td>`;
  const body = shown
    .map(
      (i) =>
        `<tr><td class="num">${s.rounds[i]}</td>${world.map(([, v]) => cell(v[i])).join('')}${agents.map(([, v]) => cell(v.mean[i])).join('')}</tr>`,
    )
    .join('');
  return `<p>Round by round${step > 1 ? ` (every ${step}th round, and the last)` : ''}, what moved:</p>${scrollable('World state by round', `<table class="rounds"><thead>${head}</thead><tbody>${body}</tbody></table>`)}`;
}
