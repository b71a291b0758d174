// The society view as an editor-area panel: one panel follows the runs started in the editor
// (reused run after run), and VS Code restores it after a window reload through the serializer,
// which reopens the trace the view was showing (kept in the view's state).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HostMessage, ViewState } from '../../core/protocol/viewMessages';
import { traceProblemsMessage } from '../../core/trace/reader';
import { TraceFeed } from './traceFeed';
import { ViewConnection } from './viewConnection';
import { viewHtml, viewOptions } from './webviewHtml';

export const VIEW_TYPE = 'society.view';

export class SocietyPanels implements vscode.Disposable {
  private live?: { panel: vscode.WebviewPanel; connection: ViewConnection };
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: ViewState | undefined) => this.restore(panel, state),
    }));
  }

  /** Shows a feed in the run panel (created on first use, revealed beside the editor). */
  show(feed: TraceFeed, title: string): void {
    if (this.live) {
      this.live.connection.current.dispose();
      this.live.connection.setFeed(feed);
      this.live.panel.title = title;
      this.live.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, viewOptions(this.extensionUri));
    this.adopt(panel, feed, title);
  }

  get visible(): boolean { return this.live !== undefined; }

  /** Sends a message to the run panel's view, if it is open (e.g. the debugger's highlight). */
  post(message: HostMessage): void { this.live?.connection.post(message); }

  reveal(): void { this.live?.panel.reveal(); }

  private adopt(panel: vscode.WebviewPanel, feed: TraceFeed, title: string): void {
    panel.webview.options = viewOptions(this.extensionUri);
    panel.webview.html = viewHtml(panel.webview, this.extensionUri, title);
    const connection = new ViewConnection(panel.webview, feed, this.log);
    this.live = { panel, connection };
    panel.onDidDispose(() => {
      connection.current.dispose();
      connection.dispose();
      if (this.live?.panel === panel) this.live = undefined;
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
      this.adopt(panel, feed, feed.header?.scenario.name ?? 'Society');
    } catch (err) {
      this.log.error(String(err instanceof Error ? err.message : err));
      panel.dispose();
    }
  }

  dispose(): void {
    this.live?.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
