// The timeline scrubber: a range over rounds 0..last (arrow keys step), play/pause, and "Latest",
// which follows a live run as new rounds arrive.
import { el } from '../dom';

export interface TimelineCallbacks {
  /** null = follow the latest round. */
  seek(round: number | null): void;
  /** Branch the run at the start of `round` (the one after the round on screen). */
  branch?(round: number): void;
}

export class Timeline {
  readonly element: HTMLDivElement;
  private readonly range: HTMLInputElement;
  private readonly label: HTMLSpanElement;
  private readonly play: HTMLButtonElement;
  private readonly latest: HTMLButtonElement;
  /** "Branch…": shown where the host can branch (the editor, a trace on disk). */
  private readonly branch: HTMLButtonElement;
  private rounds = 0;
  private timer?: ReturnType<typeof setInterval>;
  private last = 0;
  private round = 0;

  constructor(private readonly callbacks: TimelineCallbacks) {
    this.range = el('input', {
      class: 'timeline-range',
      attrs: { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'Round' },
    });
    this.range.addEventListener('input', () => {
      this.stop();
      this.callbacks.seek(Number(this.range.value));
    });
    this.play = el('button', {
      class: 'icon-button',
      text: '▶',
      attrs: { type: 'button', title: 'Play rounds', 'aria-label': 'Play rounds' },
    });
    this.play.addEventListener('click', () => (this.timer ? this.stop() : this.start()));
    this.latest = el('button', {
      text: 'Latest',
      attrs: { type: 'button', title: 'Follow the latest round', 'aria-pressed': 'true' },
    });
    this.latest.addEventListener('click', () => {
      this.stop();
      this.callbacks.seek(null);
    });
    this.branch = el('button', {
      text: 'Branch…',
      class: 'timeline-branch',
      attrs: { type: 'button', hidden: '' },
    });
    this.branch.addEventListener('click', () => {
      this.stop();
      if (this.round < this.rounds) this.callbacks.branch?.(this.round + 1);
    });
    this.label = el('span', { class: 'timeline-label', attrs: { 'aria-live': 'polite' } });
    this.element = el(
      'div',
      { class: 'timeline', attrs: { role: 'group', 'aria-label': 'Timeline' } },
      this.play,
      this.range,
      this.label,
      this.latest,
      this.branch,
    );
  }

  /** `when`: the part of the day the round is, for traces with places ("day 2, evening"). */
  update(round: number, last: number, following: boolean, total?: number, when?: string): void {
    this.last = last;
    this.round = round;
    this.range.max = String(last);
    this.range.value = String(round);
    this.range.setAttribute('aria-valuetext', `round ${round} of ${last}`);
    this.label.textContent = `Round ${round} / ${total ?? last}${when ? ` · ${when}` : ''}`;
    this.latest.setAttribute('aria-pressed', String(following));
    const rounds = total ?? last;
    this.rounds = rounds;
    this.branch.disabled = round >= rounds;
    this.branch.title =
      round >= rounds
        ? 'The run ends here: branch at an earlier round'
        : `Branch the run after round ${round}: it re-runs to here, you edit the world, and it goes on from round ${round + 1}`;
    this.latest.classList.toggle('active', following);
  }

  /** Whether the host can branch: the button shows only then. */
  set branchable(on: boolean) {
    this.branch.hidden = !on;
  }

  private start(): void {
    if (this.round >= this.last) this.callbacks.seek(0);
    this.play.textContent = '❚❚';
    this.play.setAttribute('aria-label', 'Pause');
    this.timer = setInterval(() => {
      if (this.round >= this.last) {
        this.stop();
        return;
      }
      this.callbacks.seek(this.round + 1);
    }, 700);
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.play.textContent = '▶';
    this.play.setAttribute('aria-label', 'Play rounds');
  }
}
