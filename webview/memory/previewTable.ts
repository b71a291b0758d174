// The retrieval preview's answer: the formula with the run's weights, the query's words, and the
// top k with each component — recency, importance, relevance — and the score the engine ranks by.
import type { PreviewData } from '../../src/core/protocol/memoryMessages';
import { previewFormula } from '../../src/core/memory/previewFormula';
import { counted, el, formatNumber } from '../dom';
import { maxOf } from '../../src/core/stats/extremes';

export function renderPreview(out: HTMLElement, p: PreviewData | undefined, reveal: (id: number) => void): void {
  if (!p) {
    out.replaceChildren(
      el('p', {
        class: 'muted',
        text: "Type a situation and press Preview: the ranking uses the engine's own retrieval, at the start of the round.",
      }),
    );
    return;
  }
  const formula = el('p', { class: 'formula', text: previewFormula(p.settings, p.round) });
  const words = el('p', {
    class: 'muted',
    text: `${counted(p.considered, 'memory', 'memories')} in the stream at the start of round ${p.round}; query words: ${p.tokens.length ? p.tokens.join(', ') : 'none (relevance 0)'}`,
  });
  const max = Math.max(1e-9, maxOf(p.rows.map((r) => r.score)));
  // The score the engine ranks by comes right after the memory, so a narrow panel never hides it.
  const head = el(
    'tr',
    {},
    ...['#', 'memory', 'score', 'recency', 'importance', 'relevance'].map((h) => el('th', { text: h })),
  );
  const body = p.rows.map((r) => {
    const cells = [r.recency, r.importance, r.relevance].map((v) => meter(v, 1));
    const row = el(
      'tr',
      { class: 'preview-row', attrs: { tabindex: '0', title: 'Open in the trace' } },
      el('td', { class: 'rank', text: String(r.rank) }),
      el(
        'td',
        { class: 'memory-cell' },
        el('span', { class: `kind-badge kind-${r.kind}`, text: r.kind }),
        el('span', { class: 'round', text: ` r${r.round} ` }),
        el('span', { text: r.text }),
      ),
      el('td', { class: 'score' }, meter(r.score, max)),
      ...cells.map((c) => el('td', {}, c)),
    );
    row.dataset.id = String(r.id);
    row.dataset.score = String(r.score);
    row.addEventListener('click', () => reveal(r.id));
    return row;
  });
  const note = p.note ? [el('p', { class: 'muted preview-note', text: p.note })] : [];
  out.replaceChildren(
    formula,
    words,
    ...note,
    el('table', { class: 'preview-table' }, el('thead', {}, head), el('tbody', {}, ...body)),
  );
  out.dataset.rows = String(p.rows.length);
}

/** A value with a bar proportional to value/scale (the bar's width is set through the CSSOM, allowed by the CSP). */
function meter(v: number, scale: number): HTMLElement {
  const fill = el('span', { class: 'fill' });
  fill.style.width = `${Math.max(0, Math.min(1, v / scale)) * 100}%`;
  return el('span', { class: 'meter' }, fill, el('span', { class: 'value', text: formatNumber(v, 3) }));
}
