// The agent's survey answers up to the round shown (issue 48), newest first: the instrument, the
// round, each scale's score, and the answer per item. Instrument, item and answer text come from
// the scenario and the model, so they are set as text only (el's textContent), never as markup.
import type { SurveyAnswerRow } from '../../src/core/protocol/memoryMessages';
import { el } from '../dom';

/** A scale score as people write it (3.5, not 3.50); n/a when an item of it went unanswered. */
const score = (v: number | null): string => (v === null ? 'n/a' : String(Math.round(v * 100) / 100));

export function renderSurveys(box: HTMLElement, rows: readonly SurveyAnswerRow[] | undefined): void {
  box.hidden = !rows?.length;
  if (!rows?.length) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(
    el('h2', { text: 'Survey answers' }),
    el(
      'div',
      { attrs: { role: 'list', 'aria-label': 'Survey answers' } },
      ...rows.map((s) => {
        const scores = Object.entries(s.scores ?? {}).map(([scale, v]) =>
          el('span', { class: 'scale-score', text: `${scale} ${score(v)}` }),
        );
        // The question where the trace gives it: the item id means nothing to a reader.
        const asked = new Map(s.questions ?? []);
        const answers = Object.entries(s.answers).map(([item, a]) =>
          el('span', {
            class: 'answer',
            text: `${asked.get(item) ?? item}: ${a === null ? '—' : String(a)}`,
            attrs: { title: item },
          }),
        );
        const row = el(
          'div',
          { class: 'survey', attrs: { role: 'listitem' } },
          el(
            'span',
            { class: 'meta' },
            el('span', { class: 'round', text: `r${s.round}` }),
            el('span', { class: 'instrument', text: s.instrument }),
            ...scores,
          ),
          el('span', { class: 'answers' }, ...answers),
        );
        if (s.error) row.append(el('span', { class: 'evidence', text: s.error }));
        row.dataset.round = String(s.round);
        return row;
      }),
    ),
  );
}
