// The editor's commands write through the studio's one writer (core/files/safeWrite.ts, issue 87):
// a file on disk is written to a temporary file beside it and renamed over the name, never through
// a link (a cloned workspace's `ties.graphml -> ~/.bashrc`, accepted in a Save dialog's "replace?",
// overwrote the link's target), and the folders below `within` must be real folders. A file of
// another file system (a remote or virtual workspace) has no links to follow: VS Code writes it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileSafely } from '../core/files/safeWrite';

/**
 * Writes `bytes` to `target`, making its folders below `within` (a workspace folder, the folder a
 * command made) as it goes; a link or a non-file at the name, or a link among those folders, is
 * refused with UnsafeTargetError.
 */
export async function writeEditorFile(target: vscode.Uri, bytes: Uint8Array, within?: vscode.Uri): Promise<void> {
  if (target.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(target, bytes);
    return;
  }
  const root = within?.scheme === 'file' ? within.fsPath : undefined;
  if (root) fs.mkdirSync(path.dirname(target.fsPath), { recursive: true });
  writeFileSafely(target.fsPath, bytes, root ? { within: root } : {});
}
