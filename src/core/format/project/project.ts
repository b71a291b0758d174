// Every .society file under one folder, seen as the editor sees them: which scenarios include which
// files (the include graph), and each file's diagnostics — its own plus the cross-file ones its
// scenarios find in it. After an edit, only the scenarios that include the edited file are
// re-resolved; creating or deleting a file re-resolves them all (a glob may now match more or less).
import type { Diagnostic } from '../model/diagnostics';
import { dedupe } from './fileProblems';
import { SOCIETY_EXTENSION, type ScenarioResolution } from './resolution';
import { SocietyWorkspace } from './societyWorkspace';
import type { SocietyFileSystem } from '../io/fileSystem';
import { pushAll } from '../../text/pushAll';
import { resolveStudy } from './studyResolve';

export class SocietyProject {
  readonly workspace: SocietyWorkspace;
  private readonly known = new Set<string>();
  /** Resolutions of the scenario documents of each file that has any. */
  private readonly scenarios = new Map<string, ScenarioResolution[]>();

  constructor(
    fs: SocietyFileSystem,
    readonly root: string,
  ) {
    this.workspace = new SocietyWorkspace(fs, root);
  }

  /** Lists the folder's .society files and resolves every scenario; diagnostics for all files. */
  async load(): Promise<Map<string, Diagnostic[]>> {
    this.known.clear();
    for (const f of await this.workspace.fs.listFiles(this.root)) if (f.endsWith(SOCIETY_EXTENSION)) this.known.add(f);
    return this.update([...this.known], { created: [...this.known] });
  }

  files(): string[] {
    return [...this.known].sort();
  }

  has(file: string): boolean {
    return this.known.has(file);
  }

  /**
   * Re-checks after `changed` files changed text (or were created or deleted, listed in `created`
   * and `deleted` too). Returns the diagnostics of every file they may have changed, [] to clear.
   */
  async update(
    changed: string[],
    structural: { created?: string[]; deleted?: string[] } = {},
  ): Promise<Map<string, Diagnostic[]>> {
    for (const f of structural.created ?? []) {
      if (f.endsWith(SOCIETY_EXTENSION) && (await this.workspace.fs.kind(f)) === 'file') this.known.add(f);
    }
    for (const f of structural.deleted ?? []) {
      this.known.delete(f);
      this.workspace.forget(f);
    }
    const touched = new Set(changed);
    const all = (structural.created?.length ?? 0) + (structural.deleted?.length ?? 0) > 0;
    const toResolve = new Set<string>();
    for (const [file, resolutions] of this.scenarios) {
      if (all || resolutions.some((r) => r.files.some((f) => touched.has(f)))) toResolve.add(file);
    }
    for (const f of changed) if (this.known.has(f)) toResolve.add(f);

    const republish = new Set(changed);
    for (const file of toResolve) {
      for (const r of this.scenarios.get(file) ?? []) r.files.forEach((f) => republish.add(f));
      const resolutions = await this.resolveAll(file);
      if (resolutions.length) this.scenarios.set(file, resolutions);
      else this.scenarios.delete(file);
      for (const r of resolutions) r.files.forEach((f) => republish.add(f));
    }
    const out = new Map<string, Diagnostic[]>();
    for (const file of republish) out.set(file, await this.diagnosticsOf(file));
    return out;
  }

  private async resolveAll(file: string): Promise<ScenarioResolution[]> {
    if (!this.known.has(file)) return [];
    const analysis = await this.workspace.analyze(file);
    if (!analysis) return [];
    const out: ScenarioResolution[] = [];
    for (const doc of analysis.parsed.documents) {
      if (doc.kind === 'scenario') out.push(await this.workspace.resolveScenario(file, doc.index, { build: false }));
      if (doc.kind === 'study') {
        // A study is checked against its scenario: it depends on that scenario's files as a scenario does on its includes.
        const study = await resolveStudy(this.workspace, file, doc.index);
        out.push({ file, docIndex: doc.index, files: study.files, personas: [], diagnostics: study.diagnostics });
      }
    }
    return out;
  }

  /** A file's own diagnostics and those its scenarios found in it. */
  async diagnosticsOf(file: string): Promise<Diagnostic[]> {
    const analysis = await this.workspace.analyze(file);
    if (!analysis) return [];
    const list = [...analysis.diagnostics];
    for (const resolutions of this.scenarios.values()) {
      for (const r of resolutions) {
        if (r.files.includes(file)) {
          pushAll(
            list,
            r.diagnostics.filter((d) => d.file === file),
          );
        }
      }
    }
    return dedupe(list);
  }

  /** Files with scenarios that include `file` (directly or not), itself excluded. */
  dependents(file: string): string[] {
    const out: string[] = [];
    for (const [f, resolutions] of this.scenarios) {
      if (f !== file && resolutions.some((r) => r.files.includes(file))) out.push(f);
    }
    return out.sort();
  }

  /**
   * The files a persona id written in `file` is visible in: everything the scenarios involving
   * `file` bring together; just `file` when no scenario includes it.
   */
  scope(file: string): string[] {
    const out = new Set<string>([file]);
    for (const resolutions of this.scenarios.values()) {
      for (const r of resolutions) if (r.files.includes(file)) r.files.forEach((f) => out.add(f));
    }
    return [...out].sort();
  }

  /** Scenario resolutions whose files include `file`. */
  resolutionsInvolving(file: string): ScenarioResolution[] {
    const out: ScenarioResolution[] = [];
    for (const resolutions of this.scenarios.values()) {
      for (const r of resolutions) if (r.files.includes(file)) out.push(r);
    }
    return out;
  }
}
