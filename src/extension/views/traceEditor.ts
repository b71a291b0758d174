// Trace files (*.jsonl of a run) open in a read-only custom editor that shows the society view;
// a trace still being written is followed as it grows.
import * as vscode from 'vscode';
import { traceProblemsMessage } from '../../core/trace/reader';
import { TraceFeed } from './traceFeed';
import { ViewConnection } from './viewConnection';
import { messageHtml, viewHtml, viewOptions } from './webviewHtml';

export const TRACE_EDITOR = 'society.trace';

export class TraceEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static register(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(TRACE_EDITOR, new TraceEditorProvider(extensionUri, log), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const file = document.uri.fsPath;
    let feed: TraceFeed;
    try {
      feed = TraceFeed.fromFile(file, (p) => this.log.warn(traceProblemsMessage(file, [p])));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(message);
      panel.webview.html = messageHtml(message);
      void vscode.window.showErrorMessage(`Not a society trace: ${message}`, 'Open as Text').then((choice) => {
        if (choice) void vscode.commands.executeCommand('vscode.openWith', document.uri, 'default');
      });
      return;
    }
    panel.webview.options = viewOptions(this.extensionUri);
    panel.webview.html = viewHtml(panel.webview, this.extensionUri, feed.header?.scenario.name ?? 'Society trace');
    const connection = new ViewConnection(panel.webview, feed, this.log);
    panel.onDidDispose(() => {
      connection.dispose();
      feed.dispose();
    });
  }
}
