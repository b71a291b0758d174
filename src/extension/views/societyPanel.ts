// The society view as an editor-area panel: one panel follows the runs started in the editor
// (reused run after run) and another the debug sessions (reused session after session), so a run
// started while a debug session is paused does not take the debugger's view; a message for a
// feed (the debugger's highlight) goes only to the panel showing that feed. VS Code restores a
// panel after a window reload through the serializer, which reopens the trace the view was
// showing (kept in the view's state) as the run panel.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HostMessage, ViewState } from '../../core/protocol/viewMessages';
import { traceProblemsMessage } from '../../core/trace/reader';
import { TraceFeed } from './traceFeed';
import { ViewConnection } from './viewConnection';
import { viewHtml, viewOptions } from './webviewHtml';

export const VIEW_TYPE = 'society.view';

/** Which panel: the runs' or the debug sessions'; a branch's is a new one each time (never reused). */
export type PanelSlot = 'run' | 'debug' | 'branch';

interface LivePanel {
  panel: vscode.WebviewPanel;
  connection: ViewConnection;
}

export class SocietyPanels implements vscode.Disposable {
  private readonly live = new Map<PanelSlot, LivePanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: ViewState | undefined) => this.restore(panel, state),
      }),
    );
  }

  /**
   * Shows a feed in the slot's panel (created on first use, revealed beside the editor). `reveal`
   * false: a panel already open takes the feed where it is, not brought over what is in front of
   * it (a person's play panel).
   */
  show(feed: TraceFeed, title: string, slot: PanelSlot = 'run', o: { reveal?: boolean } = {}): void {
    if (slot === 'branch') {
      // Beside the view in sight (the parent's, whose Branch… started it), in a panel of its own.
      const panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        viewOptions(this.extensionUri),
      );
      this.adopt(panel, feed, title, slot);
      return;
    }
    const live = this.live.get(slot);
    if (live) {
      live.connection.current.dispose();
      live.connection.setFeed(feed);
      live.panel.title = title;
      if (o.reveal !== false) live.panel.reveal(undefined, true);
      return;
    }
    // A debug session's panel opens beside the run panel's, not over it.
    const other = this.live.get(slot === 'run' ? 'debug' : 'run');
    const column = other?.panel.viewColumn ?? vscode.ViewColumn.Beside;
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      title,
      { viewColumn: column, preserveFocus: true },
      viewOptions(this.extensionUri),
    );
    this.adopt(panel, feed, title, slot);
  }

  get visible(): boolean {
    return this.live.size > 0;
  }

  /** Whether a panel showing `feed` is in sight (its tab the one its editor group shows). */
  inSight(feed: TraceFeed): boolean {
    return [...this.live.values()].some((live) => live.connection.current === feed && live.panel.visible);
  }

  /** Sends a message to the panel showing `feed`, if one does (the debugger's highlight of its session). */
  post(feed: TraceFeed, message: HostMessage): void {
    for (const live of this.live.values()) if (live.connection.current === feed) live.connection.post(message);
  }

  /** Reveals the slot's panel, else any. */
  reveal(slot: PanelSlot = 'run'): void {
    (this.live.get(slot) ?? [...this.live.values()][0])?.panel.reveal();
  }

  private adopt(panel: vscode.WebviewPanel, feed: TraceFeed, title: string, slot: PanelSlot): void {
    panel.webview.options = viewOptions(this.extensionUri);
    panel.webview.html = viewHtml(panel.webview, this.extensionUri, title);
    const connection = new ViewConnection(panel.webview, feed, this.log);
    // A restored panel takes a free slot; a second restored one stays a plain view of its trace.
    if (!this.live.has(slot)) this.live.set(slot, { panel, connection });
    panel.onDidDispose(() => {
      connection.current.dispose();
      connection.dispose();
      if (this.live.get(slot)?.panel === panel) this.live.delete(slot);
    });
  }

  private restore(panel: vscode.WebviewPanel, state: ViewState | undefined): void {
    const file = state?.source?.path;
    if (!file || !fs.existsSync(file)) {
      panel.webview.html = '';
      panel.dispose();
      return;
    }
    try {
      const feed = TraceFeed.fromFile(file, (p) => this.log.warn(traceProblemsMessage(file, [p])));
      this.adopt(panel, feed, feed.header?.scenario.name ?? 'Society', 'run');
    } catch (err) {
      this.log.error(String(err instanceof Error ? err.message : err));
      panel.dispose();
    }
  }

  dispose(): void {
    for (const live of [...this.live.values()]) live.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
