// "Prompt & answer": the model call(s) behind the decision selected in the conversation trace —
// each message sent (system, user, …, each collapsible), the raw answer, the re-ask and what
// parsing made of each answer. Asked of the host by the decision's key (core/trace/decisionKey.ts)
// and shown only when a model made that decision: a decision of the offline model shows nothing.
// Every string (persona texts, the model's answer) is written as text, never as markup.
import type { ModelCall } from '../../src/core/protocol/modelCall';
import { el } from '../dom';

export class PromptPanel {
  readonly element: HTMLDetailsElement;
  private readonly heading: HTMLElement;
  private readonly body: HTMLDivElement;
  /** The decision asked for last: an answer about another (an earlier click) is dropped. */
  private asked?: string;

  constructor(private readonly nameOf: (id: string) => string) {
    this.heading = el('summary', { text: 'Prompt & answer' });
    this.body = el('div', { class: 'prompt-body' });
    this.element = el('details', { class: 'panel prompt', attrs: { open: '' } }, this.heading, this.body);
    this.element.hidden = true;
  }

  /** A decision was selected: its calls are asked for (`key` undefined: no decision, nothing shown). */
  ask(key: string | undefined): void {
    this.asked = key;
    delete this.element.dataset.answered;
    this.element.hidden = true;
    this.body.replaceChildren();
  }

  /** The host's answer for `key`. */
  show(key: string, calls: readonly ModelCall[], problem?: string): void {
    if (key !== this.asked) return;
    // The state a reader (and a test) waits for: the host has answered this decision.
    this.element.dataset.answered = key;
    if (!calls.length && !problem) {
      this.element.hidden = true; // the offline model decided: no prompt to show
      return;
    }
    const first = calls[0];
    this.heading.textContent = first
      ? `Prompt & answer · ${this.nameOf(first.agent)} · ${first.kind} · round ${first.round}`
      : 'Prompt & answer';
    this.body.replaceChildren(
      ...(problem
        ? [el('p', { class: 'prompt-problem', text: `The run's prompt book could not be read: ${problem}` })]
        : []),
      ...calls.map((c) => this.callBlock(c, calls.length)),
    );
    this.element.hidden = false;
    this.element.open = true;
  }

  private callBlock(c: ModelCall, of: number): HTMLElement {
    const title = of > 1 ? (c.call === 1 ? 'First call' : `Re-ask (call ${c.call})`) : 'Call';
    const messages = c.messages.map((m, i) =>
      el(
        'details',
        // The last message (what this call asks) open; the persona's system prompt folded.
        {
          class: `prompt-message role-${m.role.replace(/[^a-z]/g, '')}`,
          attrs: i === c.messages.length - 1 ? { open: '' } : {},
        },
        el('summary', { text: m.cut ? `${m.role} (${m.cut} characters more not kept)` : m.role }),
        el('pre', { class: 'prompt-text', text: m.text }),
      ),
    );
    const parse = c.error
      ? el('p', { class: 'prompt-parse failed', text: `The call failed: ${c.error}` })
      : el('p', {
          class: `prompt-parse ${c.parse === 'ok' ? 'ok' : 'failed'}`,
          text: c.parse === 'ok' ? 'Parsed: ok' : `Not usable: ${c.parse ?? 'no parse result kept'}`,
        });
    return el(
      'section',
      { class: 'prompt-call' },
      el('h4', { text: `${title} · ${c.model}` }),
      ...messages,
      ...(c.answer !== undefined
        ? [
            el('h5', { text: c.answer_cut ? `Answer (${c.answer_cut} characters more not kept)` : 'Answer' }),
            el('pre', { class: 'prompt-answer', text: c.answer }),
          ]
        : []),
      parse,
      ...(c.repairs?.length ? [el('p', { class: 'prompt-repairs', text: `Repaired: ${c.repairs.join('; ')}` })] : []),
    );
  }
}
