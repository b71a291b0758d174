// The report's "Knowledge" section: each item's spread over the rounds, and who knew it at the end.
import { escapeMarkup } from '../../text/markup';
import { lineChartSvg } from './lineChartSvg';
import { categoryColor } from './palette';
import type { KnowledgeSeries } from './knowledgeSeries';
import { scrollable } from './tableScroll';

/** Each knowledge item's spread over the rounds, and who knows, believes and told it at the end. */
export function knowledgeSection(s: KnowledgeSeries): string {
  const items = Object.entries(s.share);
  const chart = lineChartSvg(
    items.map(([item, values], i) => ({
      label: item,
      color: categoryColor(i),
      points: s.rounds.map((r, k): [number, number | null] => [r, values[k] ?? null]),
    })),
    { title: 'Share who know each item', xLabel: 'round', yLabel: 'share', yDomain: [0, 1] },
  );
  const rows = Object.entries(s.end).map(([item, e]) => {
    const tellers = e.tellers
      .slice(0, 3)
      .map(([who, n]) => `${escapeMarkup(who)} (${n})`)
      .join(', ');
    return `<tr><td>${escapeMarkup(item)}</td><td>${e.atStart}</td><td>${e.known} of ${e.present}</td><td>${e.believed}</td><td>${tellers || '—'}</td></tr>`;
  });
  return (
    `<figure>${chart}</figure>` +
    scrollable(
      'Knowledge table',
      `<table><thead><tr><th>item</th><th>knew at the start</th><th>know at round ${s.rounds[s.rounds.length - 1] ?? 0}</th><th>believe it</th><th>told it most</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    ) +
    '<p class="note">Items travel only in conversation: a message tells it, and each other member who did not know it learns it when the phase commits (docs/authoring.md §13).</p>'
  );
}
