// The extension's webview pages (the society view, the memory inspector) with their assets from
// dist/; the HTML and its CSP are pageShell.ts's.
import * as vscode from 'vscode';
import { pageHtml } from './pageShell';

export { messageHtml } from './pageShell';

export function viewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

/** dist/<bundle>.js and .css rendered into `root`. */
export function webviewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: { bundle: 'webview' | 'memory' | 'play'; root: string; title: string; images?: boolean },
): string {
  const asset = (ext: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', `${page.bundle}.${ext}`)).toString();
  return pageHtml({
    cspSource: webview.cspSource,
    script: asset('js'),
    style: asset('css'),
    root: page.root,
    title: page.title,
    images: page.images,
  });
}

/** The society view of a run or trace. */
export function viewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  return webviewPage(webview, extensionUri, { bundle: 'webview', root: 'society-app', title, images: true });
}
