// Binds one webview to a trace feed through the shared message protocol: answers `ready` with
// the whole trace so far (in batches), forwards new batches and status changes, saves exports
// where the user chooses, and hands selections to whoever listens. Messages go out one at a time
// through a ViewOutbox, so a fast run cannot queue up the channel other replies travel on.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { batches, isViewMessage, type HostMessage, type ViewMessage } from '../../core/protocol/viewMessages';
import type { TraceFeed } from './traceFeed';
import { MAX_EVENTS_PER_MESSAGE, ViewOutbox } from './viewOutbox';
import { writeEditorFile } from '../writeFile';
import { PromptSource } from './promptSource';

export class ViewConnection implements vscode.Disposable {
  private loaded = false;
  /** View state to send once the view has loaded (see post). */
  private readonly pending = new Map<HostMessage['type'], HostMessage>();
  private feedSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly selections = new vscode.EventEmitter<string[]>();
  readonly onSelection = this.selections.event;
  private readonly outbox: ViewOutbox;
  private readonly prompts = new PromptSource();

  constructor(
    private readonly webview: vscode.Webview,
    private feed: TraceFeed,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.outbox = new ViewOutbox((m) => this.webview.postMessage(m));
    this.outbox.awaitView(); // the page is loading; a run waits for it (TraceFeed.caughtUp)
    this.subscriptions.push(webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this.watch();
  }

  get current(): TraceFeed {
    return this.feed;
  }

  /** Show another trace in the same webview (the next run). */
  setFeed(feed: TraceFeed): void {
    for (const d of this.feedSubscriptions) d.dispose();
    this.pending.clear(); // they were about the previous trace
    this.outbox.clear();
    this.feed = feed;
    this.watch();
    if (this.loaded) this.sendAll();
  }

  /**
   * Send a message to the view. A highlight or selection (the debugger's stop, a click elsewhere)
   * that comes before the view has loaded its trace is kept, the latest of each kind, and sent
   * right after the trace: the first stop of a debug session comes while the new panel is still
   * loading, and was lost.
   */
  post(message: HostMessage): void {
    if (!this.loaded && (message.type === 'highlight' || message.type === 'select')) {
      this.pending.set(message.type, message);
      return;
    }
    this.outbox.post(message);
  }

  private watch(): void {
    const unfollow = this.feed.follow(this.outbox);
    this.feedSubscriptions = [
      { dispose: unfollow },
      this.feed.onEvents((events) => {
        if (this.loaded) this.post({ type: 'events', events });
      }),
      this.feed.onStatus((status) => {
        if (this.loaded) this.post({ type: 'status', status, message: this.feed.statusMessage });
      }),
    ];
  }

  private sendAll(): void {
    const { feed } = this;
    if (!feed.header) return;
    const [first = [], ...rest] = batches(feed.events, MAX_EVENTS_PER_MESSAGE);
    this.post({
      type: 'load',
      source: feed.source,
      header: feed.header,
      events: first,
      live: feed.going,
      rest: feed.events.length - first.length,
      ...(feed.state ? { state: feed.state } : {}),
      ...(feed.design ? { design: feed.design } : {}),
      ...(feed.source.path !== undefined ? { branch: true } : {}),
    });
    for (const events of rest) this.post({ type: 'events', events });
    if (feed.status !== 'running') this.post({ type: 'status', status: feed.status, message: feed.statusMessage });
  }

  private async receive(m: unknown): Promise<void> {
    if (!isViewMessage(m)) return;
    switch (m.type) {
      case 'ready':
        this.loaded = true;
        this.outbox.clear(); // a reloaded view starts over from the load
        this.sendAll();
        for (const kept of this.pending.values()) this.post(kept);
        this.pending.clear();
        this.outbox.viewReady(); // after the load went in: a run then waits for that to be taken
        break;
      case 'selection':
        this.selections.fire(m.agents);
        break;
      case 'export':
        await this.save(m);
        break;
      case 'error':
        this.log.error(`society view: ${m.message}`);
        break;
      case 'branch':
        if (this.feed.source.path !== undefined) {
          await vscode.commands.executeCommand('society.branchHere', { trace: this.feed.source.path, round: m.round });
        }
        break;
      // The Why panel's links: the trace file at an event's line, the memory inspector at an agent.
      case 'revealTrace':
        if (this.feed.source.path) {
          await vscode.commands.executeCommand('society.memory.reveal', this.feed.source.path, m.line);
        }
        break;
      case 'askPrompt':
        this.post({ type: 'prompt', key: m.key, ...this.prompts.callsFor(this.feed, m.key) });
        break;
      case 'inspectMemory':
        await vscode.commands.executeCommand('society.memory.show', {
          ...(this.feed.source.path ? { run: { file: this.feed.source.path } } : {}),
          node: { agent: m.agent },
        });
        break;
    }
  }

  private async save(m: Extract<ViewMessage, { type: 'export' }>): Promise<void> {
    const near = this.feed.source.path
      ? path.dirname(this.feed.source.path)
      : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const fileName = path.basename(m.fileName);
    const target = await vscode.window.showSaveDialog({
      defaultUri: near ? vscode.Uri.file(path.join(near, fileName)) : undefined,
      filters: { [m.format.toUpperCase()]: [m.format] },
      title: `Export the tie network as ${m.format.toUpperCase()}`,
    });
    if (!target) return;
    const bytes = m.format === 'png' ? Buffer.from(m.data, 'base64') : Buffer.from(m.data, 'utf8');
    try {
      await writeEditorFile(target, bytes);
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Could not save ${path.basename(target.fsPath)}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
    this.log.info(`exported ${m.format} to ${target.fsPath}`);
    const open = await vscode.window.showInformationMessage(`Saved ${path.basename(target.fsPath)}`, 'Open');
    if (open) await vscode.commands.executeCommand('vscode.open', target);
  }

  dispose(): void {
    this.outbox.dispose();
    for (const d of [...this.feedSubscriptions, ...this.subscriptions]) d.dispose();
    this.selections.dispose();
  }
}
