// The answer part of the play panel, one form per kind of question: partner buttons, a message
// box with its dialogue act, a 0–10 rating slider, an action with a field per argument (its range
// or its choices), or JSON for the rarer kinds. Every control has a stable id and a label, so a
// person, a screen reader and an end-to-end test find the same thing. `send` gets the answer in
// the JSON a script would write (docs/cli.md, "Play an agent").
import type { ActionOption, PlayQuestion } from '../../src/core/protocol/playMessages';
import { el } from '../dom';

type Send = (answer: unknown) => void;

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el('div', { class: 'field' }, el('label', { text, attrs: { for: id } }), control);
}

function sendButton(text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { text, attrs: { id: 'play-send', type: 'submit' } });
  b.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

export function answerForm(q: PlayQuestion, send: Send): HTMLElement {
  const o = q.options;
  const form = el('form', { class: 'answer', attrs: { id: 'play-answer', 'data-kind': q.kind } });
  form.addEventListener('submit', (e) => e.preventDefault());
  switch (o.kind) {
    case 'choose_partner': {
      const reason = el('input', { attrs: { type: 'text', placeholder: 'optional' } });
      const list = el('div', { class: 'partners', attrs: { role: 'group', 'aria-label': 'Partners' } });
      o.partners.forEach((p, i) => {
        const b = el(
          'button',
          { class: 'partner', attrs: { id: `play-partner-${i + 1}`, 'data-id': p.id, type: 'button' } },
          el('strong', { text: `${i + 1}. ${p.name}` }),
          el('span', { class: 'muted', text: p.about }),
        );
        b.addEventListener('click', () => send({ choice: p.id, reason: reason.value }));
        list.append(b);
      });
      form.append(el('h2', { text: 'Whom do you talk to?' }), list, labelled('play-reason', 'Why (optional)', reason));
      break;
    }
    case 'speak': {
      const text = el('textarea', { attrs: { rows: '3', placeholder: 'Your message' } });
      const act = el('select');
      for (const a of o.acts) act.append(el('option', { text: a, attrs: { value: a } }));
      act.value = o.act;
      form.append(
        el('h2', { text: `Your message to ${o.to.join(', ')} (${o.turn + 1} of ${o.turns})` }),
        labelled('play-message', 'Message', text),
        labelled('play-act', 'Dialogue act', act),
        sendButton('Send message', () => send({ text: text.value, act: act.value })),
      );
      break;
    }
    case 'evaluate': {
      const { min, max, step } = o.scale;
      const mid = String(Math.round((min + max) / 2));
      const rating = el('input', {
        attrs: { type: 'range', min: String(min), max: String(max), step: String(step), value: mid },
      });
      const shown = el('output', { text: mid, attrs: { id: 'play-rating-value', for: 'play-rating' } });
      rating.addEventListener('input', () => (shown.textContent = rating.value));
      const why = el('input', { attrs: { type: 'text', placeholder: 'optional' } });
      const field = labelled('play-rating', `Rating: ${min} bad – ${max} great (the run keeps it ÷ ${max})`, rating);
      field.append(shown);
      form.append(
        el('h2', { text: `How was the conversation with ${o.partner.name}?` }),
        field,
        labelled('play-why', 'Why (optional)', why),
        sendButton('Send rating', () => send({ rating: Number(rating.value), text: why.value })),
      );
      break;
    }
    case 'act':
      actForm(form, o.actions, send);
      break;
    default: {
      const json = el('textarea', { attrs: { rows: '4', placeholder: q.format } });
      form.append(
        el('h2', { text: 'Your answer (JSON)' }),
        labelled('play-json', q.format, json),
        sendButton('Send', () => send(parsed(json.value))),
      );
    }
  }
  return form;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An action picker and, for the chosen action, a field per argument (and the post's text). */
function actForm(form: HTMLElement, actions: ActionOption[], send: Send): void {
  const pick = el('select');
  actions.forEach((a, i) =>
    pick.append(el('option', { text: `${a.name} — ${a.description}`, attrs: { value: String(i) } })),
  );
  const args = el('div', { class: 'args', attrs: { id: 'play-args' } });
  const reason = el('input', { attrs: { type: 'text', placeholder: 'optional' } });
  const fields = new Map<string, HTMLInputElement | HTMLSelectElement>();
  let post: HTMLTextAreaElement | undefined;
  const show = (): void => {
    const a = actions[Number(pick.value)];
    fields.clear();
    args.replaceChildren();
    post = undefined;
    for (const g of a.args) {
      let control: HTMLInputElement | HTMLSelectElement;
      if (g.choices) {
        control = el('select');
        for (const c of g.choices) control.append(el('option', { text: c.label, attrs: { value: c.id } }));
      } else {
        control = el('input', { attrs: { type: 'number', step: g.integer ? '1' : 'any' } });
        if (g.min !== undefined) control.min = String(g.min);
        if (g.max !== undefined) control.max = String(g.max);
        control.value = String(g.min ?? 0);
      }
      const range = g.choices ? '' : ` (${g.min ?? '…'}–${g.max ?? '…'}${g.integer ? ', whole' : ''})`;
      args.append(
        labelled(`play-arg-${g.name}`, `${g.name}${range}${g.description ? `: ${g.description}` : ''}`, control),
      );
      fields.set(g.name, control);
    }
    if (a.posts) {
      post = el('textarea', { attrs: { rows: '3', placeholder: 'The post' } });
      args.append(labelled('play-post', 'Post', post));
    }
  };
  pick.addEventListener('change', show);
  show();
  form.append(
    el('h2', { text: 'What do you do?' }),
    labelled('play-action', 'Action', pick),
    args,
    labelled('play-act-reason', 'Why (optional)', reason),
    sendButton('Take action', () => {
      const a = actions[Number(pick.value)];
      const given: Record<string, string | number> = {};
      for (const g of a.args) {
        const v = fields.get(g.name)!.value;
        given[g.name] = g.choices ? v : Number(v);
      }
      send({ action: a.name, args: given, ...(post ? { text: post.value } : {}), reason: reason.value });
    }),
  );
}
