// experiment.html, report.html and compare.html written by the CLI open rendered in the editor
// (a read-only custom editor, the default for those names; "Reopen Editor With… Text Editor"
// shows the source). The page is shown as written with scripts off (savedPage.ts); a run's report
// offers its interactive society view as the trace beside it, re-read from the run folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { messageHtml } from './pageShell';
import { readSavedPage, sandboxedPage, type ThemeClass } from './savedPage';
import { TRACE_EDITOR } from './traceEditor';

export const PAGE_EDITOR = 'society.page';

export class PageEditorProvider implements vscode.CustomReadonlyEditorProvider {
  static register(): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(PAGE_EDITOR, new PageEditorProvider(), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    // Nothing from the file runs or loads: no scripts, no command links, no local resources.
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    const page = readSavedPage(document.uri.fsPath);
    // The page follows the editor's theme, and is drawn again when the theme changes (no script runs in it).
    const show = () => {
      panel.webview.html =
        'html' in page
          ? sandboxedPage(page.html, undefined, themeClassOf(vscode.window.activeColorTheme.kind))
          : messageHtml(page.problem);
    };
    show();
    const watch = vscode.window.onDidChangeActiveColorTheme(show);
    panel.onDidDispose(() => watch.dispose());
  }
}

/** The class VS Code gives a webview's body in a theme of this kind. */
export function themeClassOf(kind: vscode.ColorThemeKind): ThemeClass {
  switch (kind) {
    case vscode.ColorThemeKind.Dark:
      return 'vscode-dark';
    case vscode.ColorThemeKind.HighContrast:
      return 'vscode-high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'vscode-high-contrast-light';
    default:
      return 'vscode-light';
  }
}

/** The trace of the run a report is about: trace.jsonl beside it. */
function traceBeside(page: vscode.Uri): vscode.Uri | undefined {
  const trace = path.join(path.dirname(page.fsPath), 'trace.jsonl');
  return fs.existsSync(trace) ? vscode.Uri.file(trace) : undefined;
}

/** "Open Society View" on a report: the run's trace in the society view, beside the page. */
export async function openPageView(uri?: vscode.Uri): Promise<void> {
  const page = uri ?? activePage();
  const trace = page && traceBeside(page);
  if (!trace) {
    void vscode.window.showInformationMessage(
      'No trace.jsonl beside this page: its run folder holds no trace to show.',
    );
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', trace, TRACE_EDITOR, vscode.ViewColumn.Beside);
}

function activePage(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === PAGE_EDITOR ? input.uri : undefined;
}
