// The "Play an Agent" panel: what the agent knows and sees for the decision asked (who it is, the
// situation as an LLM would be given it, its retrieved memories, the conversation so far), the
// answer form, and a countdown to the timeout. Between questions it says it is waiting; a refused
// answer comes back with the reason above the form; at the end, what the person did. The
// conversation is shown once: in its place in the situation when the template writes it there.
import type { PlayHostMessage, PlayQuestion, PlayViewMessage } from '../../src/core/protocol/playMessages';
import { el } from '../dom';
import { answerForm } from './answerForm';

const KIND_TITLES: Record<string, string> = {
  choose_partner: 'Choose a partner',
  speak: 'Say something',
  evaluate: 'Rate the conversation',
  act: 'Act',
  reflect: 'Reflect',
  interview: 'Answer a question',
  advise: 'Advise',
};

export class PlayPanel {
  private timer?: ReturnType<typeof setInterval>;
  private current?: PlayQuestion;

  constructor(
    private readonly root: HTMLElement,
    private readonly post: (m: PlayViewMessage) => void,
  ) {
    root.classList.add('play-panel');
    this.waiting('Waiting for the run to ask you something…');
  }

  receive(m: PlayHostMessage): void {
    if (m.type === 'question') this.ask(m.question);
    else if (m.type === 'note') {
      if (m.note.id !== this.current?.id) return;
      if (m.note.type === 'timeout') this.waiting(`Time is up: ${policyText(m.note.policy)}.`);
      else this.waiting('Answer taken. Waiting for the next decision…');
    } else this.waiting(m.text, m.ended, m.summary);
  }

  private waiting(text: string, ended = false, summary?: readonly string[]): void {
    this.stopClock();
    this.current = undefined;
    this.root.dataset.state = ended ? 'ended' : 'waiting';
    const status = el('p', { class: 'waiting', text, attrs: { id: 'play-status', role: 'status' } });
    if (!summary?.length) return this.root.replaceChildren(status);
    const lines = el('ul', { attrs: { id: 'play-summary' } }, ...summary.map((line) => el('li', { text: line })));
    this.root.replaceChildren(status, el('h2', { text: 'What you did' }), lines);
  }

  private ask(q: PlayQuestion): void {
    this.stopClock();
    this.current = q;
    this.root.dataset.state = 'asking';
    this.root.dataset.question = String(q.id);
    const head = el(
      'header',
      { class: 'head' },
      el('h1', { text: `${KIND_TITLES[q.kind] ?? q.kind} · you are ${q.name}` }),
      el('span', { class: 'muted', text: `round ${q.round}` }),
      el('span', { class: 'countdown', attrs: { id: 'play-countdown', role: 'timer' } }),
    );
    const parts: HTMLElement[] = [head];
    if (q.problem) {
      parts.push(
        el('p', {
          class: 'problem',
          text: `That answer could not be used: ${q.problem}`,
          attrs: { id: 'play-problem', role: 'alert' },
        }),
      );
    }
    parts.push(
      answerForm(q, (answer) => this.post({ type: 'answer', id: q.id, answer })),
      situationOf(q),
    );
    if (q.transcript?.length && !q.context.conversation) {
      parts.push(el('section', {}, el('h2', { text: 'The conversation so far' }), transcriptOf(q)));
    }
    parts.push(memoriesOf(q));
    parts.push(
      el(
        'details',
        { attrs: { id: 'play-who' } },
        el('summary', { text: `Who ${q.name} is (what the model is told)` }),
        el('pre', { text: q.context.system }),
      ),
    );
    this.root.replaceChildren(...parts);
    (this.root.querySelector('textarea, #play-partner-1, input[type=range], select') as HTMLElement | null)?.focus();
    // The host's clock starts when this says the question is seen; the countdown with it.
    this.whenVisible(() => {
      if (this.current?.id !== q.id) return;
      if (q.seconds !== undefined) this.startClock(q.seconds, head.querySelector('#play-countdown')!);
      this.post({ type: 'shown', id: q.id });
    });
  }

  /** Runs `f` once the panel is on screen (now, or when its tab is brought forward). */
  private whenVisible(f: () => void): void {
    if (document.visibilityState === 'visible') return f();
    const once = (): void => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', once);
      f();
    };
    document.addEventListener('visibilitychange', once);
  }

  private startClock(seconds: number, out: Element): void {
    const end = Date.now() + seconds * 1000;
    const tick = (): void => {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      out.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
      out.classList.toggle('urgent', left <= 10);
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  private stopClock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function policyText(p: string): string {
  return p === 'skip'
    ? 'the decision is skipped'
    : p === 'offline'
      ? 'the offline model decided'
      : "the agent's own model decided";
}

/** The situation; a conversation it writes is shown in its place as the transcript list. */
function situationOf(q: PlayQuestion): HTMLElement {
  const { situation, conversation: at } = q.context;
  const section = el(
    'section',
    { class: 'situation', attrs: { id: 'play-situation' } },
    el('h2', { text: 'The situation' }),
  );
  if (!at || !q.transcript?.length) {
    section.append(el('pre', { text: situation }));
    return section;
  }
  const before = situation.slice(0, at.start).replace(/\n$/, '');
  const after = situation.slice(at.end).replace(/^\n/, '');
  if (before) section.append(el('pre', { text: before }));
  section.append(transcriptOf(q));
  if (after) section.append(el('pre', { text: after }));
  return section;
}

function transcriptOf(q: PlayQuestion): HTMLElement {
  const list = el('ol', { class: 'transcript', attrs: { id: 'play-transcript' } });
  for (const line of q.transcript ?? []) {
    list.append(
      el('li', { class: line.from === q.agent ? 'mine' : '' }, el('strong', { text: `${line.name}: ` }), line.text),
    );
  }
  return list;
}

function memoriesOf(q: PlayQuestion): HTMLElement {
  const list = el('ul', { class: 'memories' });
  for (const m of q.memories) {
    list.append(
      el(
        'li',
        {},
        m.text,
        el('span', { class: 'muted', text: ` (round ${m.round}, ${m.kind}, importance ${m.importance})` }),
      ),
    );
  }
  if (!q.memories.length) list.append(el('li', { class: 'muted', text: 'nothing recalled' }));
  return el('section', { attrs: { id: 'play-memories' } }, el('h2', { text: `What ${q.name} recalls` }), list);
}
