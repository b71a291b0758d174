// The filtered memory stream, newest first: round, kind, importance and text; forgotten memories
// dimmed, reflections with the memories they came from. A click opens the trace at the memory.
import type { MemoryRow } from '../../src/core/protocol/memoryMessages';
import { el } from '../dom';

export function renderMemories(list: HTMLElement, rows: readonly MemoryRow[], reveal: (id: number) => void): void {
  list.replaceChildren(
    ...rows.map((r) => {
      const meta = el(
        'span',
        { class: 'meta' },
        el('span', { class: `kind-badge kind-${r.kind}`, text: r.kind }),
        el('span', { class: 'round', text: `r${r.round}` }),
        el('span', {
          class: 'importance',
          text: `★${r.importance}`,
          attrs: { title: `importance ${r.importance} of 10` },
        }),
        el('span', { class: 'id', text: `#${r.id}` }),
      );
      const body = el('span', { class: 'text', text: r.text });
      const row = el(
        'div',
        {
          class: `memory${r.kept ? '' : ' forgotten'}`,
          attrs: {
            role: 'listitem',
            tabindex: '0',
            title: r.kept ? 'Open in the trace' : 'Forgotten (the stream is full); open in the trace',
          },
        },
        meta,
        body,
      );
      if (r.evidence?.length) row.append(el('span', { class: 'evidence', text: `from #${r.evidence.join(', #')}` }));
      if (!r.kept) row.append(el('span', { class: 'evidence', text: 'forgotten' }));
      row.dataset.id = String(r.id);
      row.dataset.kind = r.kind;
      row.addEventListener('click', () => reveal(r.id));
      row.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') reveal(r.id);
      });
      return row;
    }),
  );
}
