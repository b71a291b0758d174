// The "Play an Agent" panel on the extension side: a webview (dist/play.js, strict CSP with a
// nonce: views/pageShell.ts) that is the person's ParticipantPort. Each question is posted to it
// and its answer awaited; a closed panel is a person gone, so every question left gets the
// timeout policy (recorded like a timeout).
import * as vscode from 'vscode';
import type { ParticipantPort } from '../../core/llm/human';
import {
  isPlayViewMessage,
  type PlayHostMessage,
  type PlayNote,
  type PlayQuestion,
} from '../../core/protocol/playMessages';
import { PlayTally } from '../../core/protocol/playTally';
import { viewOptions, webviewPage } from '../views/webviewHtml';

export class PlayWebview implements ParticipantPort, vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly ready: Promise<void>;
  private pending?: {
    id: number;
    resolve: (answer: unknown) => void;
    reject: (err: Error) => void;
    seen?: () => void;
  };
  /** The panel says when a question is on screen and visible ('shown'): its clock starts then. */
  readonly tellsSeen = true;
  private closed = false;
  private readonly tally = new PlayTally();

  constructor(extensionUri: vscode.Uri, title: string) {
    this.panel = vscode.window.createWebviewPanel(
      'society.play',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { ...viewOptions(extensionUri), retainContextWhenHidden: true },
    );
    this.panel.webview.html = webviewPage(this.panel.webview, extensionUri, {
      bundle: 'play',
      root: 'society-play',
      title,
    });
    let isReady!: () => void;
    this.ready = new Promise((resolve) => (isReady = resolve));
    this.panel.webview.onDidReceiveMessage((m: unknown) => {
      if (!isPlayViewMessage(m)) return;
      if (m.type === 'ready') isReady();
      else if (m.type === 'shown') {
        if (this.pending?.id === m.id) this.pending.seen?.();
      } else if (this.pending?.id === m.id) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve(m.answer);
      }
    });
    this.panel.onDidDispose(() => {
      this.closed = true;
      isReady();
      this.pending?.reject(new Error('the play panel was closed'));
      this.pending = undefined;
    });
  }

  async ask(question: PlayQuestion, signal: AbortSignal, seen?: () => void): Promise<unknown> {
    if (this.closed) throw new Error('the play panel was closed');
    this.tally.asked(question);
    // Brought forward before waiting for it: a panel behind another tab never loads, so never says
    // it is ready (the first questions of a run were lost to the timeout while it stayed blank). For
    // every question, not only when it reads as hidden: a view revealed over it a moment before (the
    // run's society view, reused by a Play after a Run) still read as visible here, and the question
    // waited behind that tab. Focus is taken only from a panel that reads as hidden.
    this.panel.reveal(undefined, this.panel.visible);
    await this.ready;
    if (this.closed) throw new Error('the play panel was closed');
    const answer = new Promise((resolve, reject) => {
      this.pending = { id: question.id, resolve, reject, seen };
      signal.addEventListener('abort', () => reject(new Error('no answer in time')), { once: true });
    });
    this.post({ type: 'question', question });
    return answer;
  }

  note(note: PlayNote): void {
    this.tally.noted(note);
    this.post({ type: 'note', note });
  }

  /** The run has ended: `text`, and what the person did as `name`. */
  ended(text: string, name: string): void {
    this.post({ type: 'status', text, ended: true, summary: this.tally.summary(name) });
  }

  status(text: string, ended = false): void {
    this.post({ type: 'status', text, ended });
  }

  private post(m: PlayHostMessage): void {
    if (!this.closed) void this.panel.webview.postMessage(m);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
