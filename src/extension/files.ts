// How the extension names files for the core: absolute paths for `file` documents (what includes
// and the CLI use), the URI string for anything else (untitled buffers). And back.
import * as path from 'node:path';
import * as vscode from 'vscode';

export function fileKey(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export function uriOf(file: string): vscode.Uri {
  return path.isAbsolute(file) ? vscode.Uri.file(file) : vscode.Uri.parse(file);
}

export function isSocietyDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'society';
}

/** The open document for a file key, if any: its text wins over the disk. */
export function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && fileKey(d.uri) === file);
}
