// One SocietyProject per workspace folder (includes may not leave it), created and loaded on
// first use; files outside every folder get a project rooted at their own folder, and buffers
// that are not files (untitled) one that only checks them alone.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SocietyProject } from '../core/format';
import { EditorFileSystem } from './fileSystem';

export class Projects implements vscode.Disposable {
  readonly fs = new EditorFileSystem();
  private readonly byRoot = new Map<string, { project: SocietyProject; loaded: Promise<void> }>();
  private readonly onLoadedEmitter = new vscode.EventEmitter<{
    project: SocietyProject;
    diagnostics: Map<string, import('../core/format').Diagnostic[]>;
  }>();
  /** Fires once per project with the diagnostics of all its files. */
  readonly onLoaded = this.onLoadedEmitter.event;

  /** The project a file belongs to, loaded. */
  async forFile(file: string): Promise<SocietyProject> {
    const entry = this.entry(this.rootOf(file));
    await entry.loaded;
    return entry.project;
  }

  /** Starts loading every workspace folder's project (diagnostics for the whole workspace). */
  loadWorkspace(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === 'file') this.entry({ root: folder.uri.fsPath, folder: true });
    }
  }

  /** Re-checks every project and republishes its diagnostics (trust granted: refused includes may load now). */
  async revalidate(): Promise<void> {
    for (const { project, loaded } of [...this.byRoot.values()]) {
      await loaded;
      this.onLoadedEmitter.fire({ project, diagnostics: await project.update(project.files()) });
    }
  }

  all(): SocietyProject[] {
    return [...this.byRoot.values()].map((e) => e.project);
  }

  /** Forgets projects whose folder left the workspace; returns them so their diagnostics can be cleared. */
  drop(root: string): SocietyProject | undefined {
    const e = this.byRoot.get(root);
    this.byRoot.delete(root);
    return e?.project;
  }

  private rootOf(file: string): { root: string; folder: boolean } {
    if (!path.isAbsolute(file)) return { root: '', folder: false };
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    return folder?.uri.scheme === 'file'
      ? { root: folder.uri.fsPath, folder: true }
      : { root: path.dirname(file), folder: false };
  }

  private entry({ root, folder }: { root: string; folder: boolean }): {
    project: SocietyProject;
    loaded: Promise<void>;
  } {
    let e = this.byRoot.get(root);
    if (!e) {
      const project = new SocietyProject(this.fs, root || '/');
      // Only workspace folders are scanned: a file opened from elsewhere (say ~/Downloads) joins
      // its folder's project alone, and its includes are read when its scenario is resolved.
      const loaded = folder
        ? project.load().then((diagnostics) => this.onLoadedEmitter.fire({ project, diagnostics }))
        : Promise.resolve();
      e = { project, loaded: loaded.catch((err) => console.error('society: loading', root, err)) };
      this.byRoot.set(root, e);
    }
    return e;
  }

  dispose(): void {
    this.onLoadedEmitter.dispose();
  }
}
