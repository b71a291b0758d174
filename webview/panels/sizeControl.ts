// The legend's "size:" picker (scenarios whose agents have declared quantities): nodes sized by
// their ties, as always, or by one agent quantity at the round on screen. A society without ties
// has nothing to size by but its quantities: its first choice is "equal", every circle one size.
// Hidden while the trace has no agent quantity, so a scenario without state keeps its legend as it was.
import type { QuantityInfo } from '../../src/core/protocol/viewMessages';
import { el } from '../dom';

export class SizeControl {
  readonly element: HTMLLabelElement;
  private readonly select: HTMLSelectElement;
  private known = '';

  constructor(onChange: (name: string | null) => void) {
    this.select = el('select', { class: 'size-by-select', attrs: { 'aria-label': 'Size nodes by' } });
    this.select.addEventListener('change', () => onChange(this.select.value || null));
    this.element = el('label', { class: 'size-by', attrs: { title: 'Size nodes by their ties or an agent quantity' } });
    this.element.append('size: ', this.select);
    this.element.hidden = true;
  }

  /**
   * Lists the quantities (when they changed) after `plain`, the choice of no quantity ("ties", or
   * "equal" in a society without ties), and shows `chosen`; returns the choice that stands.
   */
  sync(quantities: readonly QuantityInfo[], chosen: string | null, plain = 'ties'): string | null {
    const key = [plain, ...quantities.map((q) => `${q.name}\u0000${q.hidden ? 1 : 0}`)].join('\u0001');
    if (key !== this.known) {
      this.known = key;
      this.element.title =
        plain === 'ties' ? 'Size nodes by their ties or an agent quantity' : 'Size nodes by an agent quantity';
      this.select.replaceChildren(
        el('option', { text: plain, attrs: { value: '' } }),
        ...quantities.map((q) => {
          const o = el('option', { text: q.hidden ? `${q.name} (hidden)` : q.name });
          o.value = q.name;
          return o;
        }),
      );
    }
    this.element.hidden = quantities.length === 0;
    const stands = chosen !== null && quantities.some((q) => q.name === chosen) ? chosen : null;
    this.select.value = stands ?? '';
    return stands;
  }
}
