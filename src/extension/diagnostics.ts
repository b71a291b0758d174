// Diagnostics on open and while typing (debounced), cross-file: a change re-checks the scenarios
// that include the file (SocietyProject.update) and republishes every file whose problems may
// have changed. A watcher catches files created, deleted or changed outside the editor.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Diagnostic, SocietyProject } from '../core/format';
import type { Projects } from './projects';
import { fileKey, isSocietyDocument, openDocument, uriOf } from './files';
import { toDiagnostic } from './convert';

/** Long enough to let a word be typed, short enough to feel immediate. */
const DEBOUNCE_MS = 150;

export class SocietyDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('society');
  /** The core diagnostics last published per file, for quick fixes. */
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly pending = new Map<string, { changed: Set<string>; created: Set<string>; deleted: Set<string> }>();
  private timer: NodeJS.Timeout | undefined;
  /** Updates run one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly projects: Projects) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.society');
    this.disposables.push(
      this.collection,
      watcher,
      projects.onLoaded(({ diagnostics }) => this.publish(diagnostics)),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isSocietyDocument(d)) this.schedule(fileKey(d.uri), 0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isSocietyDocument(e.document) && e.contentChanges.length) this.schedule(fileKey(e.document.uri));
      }),
      // Closing an unsaved buffer brings back the disk's text.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isSocietyDocument(d)) this.schedule(fileKey(d.uri));
      }),
      watcher.onDidCreate((u) => this.schedule(fileKey(u), DEBOUNCE_MS, 'created')),
      watcher.onDidDelete((u) => this.schedule(fileKey(u), DEBOUNCE_MS, 'deleted')),
      watcher.onDidChange((u) => {
        if (!openDocument(fileKey(u))) this.schedule(fileKey(u));
      }),
    );
    for (const d of vscode.workspace.textDocuments) if (isSocietyDocument(d)) this.schedule(fileKey(d.uri), 0);
  }

  /** Diagnostics last published for a file. */
  of(file: string): Diagnostic[] {
    return this.latest.get(file) ?? [];
  }

  private schedule(file: string, delay = DEBOUNCE_MS, how: 'changed' | 'created' | 'deleted' = 'changed'): void {
    void this.projects.forFile(file).then((project) => {
      let p = this.pending.get(project.root);
      if (!p) {
        p = { changed: new Set(), created: new Set(), deleted: new Set() };
        this.pending.set(project.root, p);
      }
      p.changed.add(file);
      // A file the project has not listed yet (opened from outside the folders, or newer than its scan).
      if (how === 'changed' && path.isAbsolute(file) && !project.has(file)) how = 'created';
      if (how === 'created') {
        p.created.add(file);
        p.deleted.delete(file);
      }
      if (how === 'deleted') {
        p.deleted.add(file);
        p.created.delete(file);
      }
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), delay);
    });
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    this.queue = this.queue.then(async () => {
      for (const [root, p] of batch) {
        const project = this.projects.all().find((x) => x.root === root);
        if (!project) continue;
        try {
          this.publish(await project.update([...p.changed], { created: [...p.created], deleted: [...p.deleted] }));
        } catch (err) {
          console.error('society: diagnostics', err);
        }
      }
    });
  }

  private publish(diagnostics: Map<string, Diagnostic[]>): void {
    for (const [file, list] of diagnostics) {
      this.latest.set(file, list);
      this.collection.set(uriOf(file), list.map(toDiagnostic));
    }
  }

  /** Clears what a project published (its folder left the workspace). */
  clear(project: SocietyProject): void {
    for (const f of project.files()) {
      this.latest.delete(f);
      this.collection.delete(uriOf(f));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
