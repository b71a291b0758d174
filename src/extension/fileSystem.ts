// The core's SocietyFileSystem over VS Code: open documents (with unsaved edits) first, then the
// disk. The extension host runs where the files are (also remote and in code-server), so the
// disk is read with Node's fs; the core's cache notices when a text changed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NodeFileSystem, type SocietyFileSystem } from '../core/format';
import { fileKey, openDocument } from './files';

export class EditorFileSystem implements SocietyFileSystem {
  private readonly disk = new NodeFileSystem();

  async readFile(file: string): Promise<string | undefined> {
    return openDocument(file)?.getText() ?? this.disk.readFile(file);
  }

  async kind(p: string): Promise<'file' | 'directory' | undefined> {
    return openDocument(p) ? 'file' : this.disk.kind(p);
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
}
