// The core's SocietyFileSystem over VS Code: open documents (with unsaved edits) first, then the
// disk. The extension host runs where the files are (also remote and in code-server), so the
// disk is read with Node's fs; the core's cache notices when a text changed. In an untrusted
// workspace it refuses includes outside the workspace folders (see trust/policy.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NodeFileSystem, type NotAFile, type SocietyFileSystem, type FileRole } from '../core/format';
import { fileKey, openDocument } from './files';
import { includeRefusal } from './trust/policy';
import { realPath } from './trust/realPath';

export class EditorFileSystem implements SocietyFileSystem {
  private readonly disk = new NodeFileSystem();

  async readFile(file: string, role?: FileRole): Promise<string | undefined> {
    return openDocument(file)?.getText() ?? this.disk.readFile(file, role);
  }

  /** Where a path leads (symlinks resolved), so a scenario's data files stay in its workspace. */
  async realPath(p: string): Promise<string> {
    return realPath(p);
  }

  async kind(p: string): Promise<'file' | 'directory' | undefined> {
    return openDocument(p) ? 'file' : this.disk.kind(p);
  }

  whyUnreadable(file: string): string | undefined {
    return openDocument(file) ? undefined : this.disk.whyUnreadable(file);
  }

  async notAFile(p: string): Promise<string | undefined> {
    return openDocument(p) ? undefined : this.disk.notAFile(p);
  }

  notFilesIn(dir: string): NotAFile[] {
    return this.disk.notFilesIn(dir).filter((n) => !openDocument(n.file));
  }

  async listFiles(dir: string): Promise<string[]> {
    const files = new Set(await this.disk.listFiles(dir));
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const d of vscode.workspace.textDocuments) {
      const key = fileKey(d.uri);
      if (d.uri.scheme === 'file' && !d.isClosed && key.startsWith(prefix)) files.add(key);
    }
    return [...files].sort();
  }

  /** In an untrusted workspace, includes are read only inside the workspace folders (symlinks resolved). */
  async refusal(p: string): Promise<string | undefined> {
    if (vscode.workspace.isTrusted) return undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return includeRefusal(await realPath(p), await Promise.all(folders.map((f) => realPath(f.uri.fsPath))), false);
  }
}
