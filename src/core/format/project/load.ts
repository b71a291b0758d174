// Loading from disk: what the CLI, tests and benchmarks use to get a runnable Scenario.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../model/diagnostics';
import type { Scenario } from '../model/model';
import { NodeFileSystem } from '../io/fileSystem';
import { SocietyWorkspace } from './societyWorkspace';
import { resolveStudy } from './studyResolve';
import type { Study } from '../model/study';

/** Folders that mark a project's top: a repository's. (Not `.vscode`: every home folder with VS Code has one.) */
const PROJECT_MARKERS = ['.git', '.hg'];

/**
 * The folder includes may not leave, as the editor's workspace folder would be: the nearest folder
 * holding every target and a repository (`.git`, `.hg`), so a file gets the same
 * verdict from any working directory; without one, the working directory when every target is
 * inside it, otherwise the deepest folder that contains all targets (a folder target contains itself).
 */
export function defaultRoot(
  targets: string[],
  cwd = process.cwd(),
  isMarked: (dir: string) => boolean = hasProjectMarker,
  isFolder: (p: string) => boolean = isDirectory,
): string {
  const abs = targets.map((t) => path.resolve(cwd, t));
  // A folder target (`society check proj`) starts from itself: its parent would miss proj/.git and
  // give the folder another root than its files get one by one.
  let common = isFolder(abs[0]) ? abs[0] : path.dirname(abs[0]);
  for (const t of abs) while (path.relative(common, t).startsWith('..')) common = path.dirname(common);
  for (let dir = common; ; dir = path.dirname(dir)) {
    if (isMarked(dir)) return dir;
    if (path.dirname(dir) === dir) break;
  }
  if (abs.every((t) => !path.relative(cwd, t).startsWith('..'))) return cwd;
  return common;
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function hasProjectMarker(dir: string): boolean {
  return PROJECT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)));
}

/**
 * Loads the scenario of `file`: the one named `scenario`, else the first. `scenarios` lists the
 * names of every scenario document in the file (several may share a file), so a caller can say
 * which one it ran and how to choose another.
 */
export async function loadScenarioFile(
  file: string,
  options: { root?: string; scenario?: string } = {},
): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[]; files: string[]; scenarios: string[] }> {
  const abs = path.resolve(file);
  const workspace = new SocietyWorkspace(new NodeFileSystem(), path.resolve(options.root ?? defaultRoot([abs])));
  const docs = (await workspace.analyze(abs))?.parsed.documents ?? [];
  const named = docs
    .map((d, index) => ({ index, kind: d.kind, name: scenarioName(d.value) }))
    .filter((d) => d.kind === 'scenario');
  const scenarios = named.map((d) => d.name ?? '');
  let docIndex: number | undefined;
  if (options.scenario !== undefined) {
    const hit = named.find((d) => d.name === options.scenario);
    if (!hit) {
      const message = `No scenario named '${options.scenario}' in this file${scenarios.length ? ` (its scenarios: ${scenarios.map((n) => `'${n}'`).join(', ')})` : ''}`;
      return {
        diagnostics: [
          {
            code: 'SOC003',
            severity: 'error',
            message,
            file: abs,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
        files: [abs],
        scenarios,
      };
    }
    docIndex = hit.index;
  }
  const { scenario, diagnostics, files } = await workspace.resolveScenario(abs, docIndex);
  return { scenario, diagnostics, files, scenarios };
}

function scenarioName(value: unknown): string | undefined {
  const name = value && typeof value === 'object' ? (value as Record<string, unknown>).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Loads the study of `file` (its first `kind: study` document) with its scenario, both checked:
 * `study` and `scenario` only when nothing is an error. `files`: the study's, the scenario's and
 * every file the scenario includes (what a preregistration hashes).
 */
export async function loadStudyFile(
  file: string,
  options: { root?: string } = {},
): Promise<{ study?: Study; scenario?: Scenario; diagnostics: Diagnostic[]; files: string[] }> {
  const abs = path.resolve(file);
  const workspace = new SocietyWorkspace(new NodeFileSystem(), path.resolve(options.root ?? defaultRoot([abs])));
  const docs = (await workspace.analyze(abs))?.parsed.documents;
  if (docs && !docs.some((d) => d.kind === 'study')) {
    const message = `No study in this file: a study is a document with \`kind: study\` (docs/studies.md)`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { diagnostics: [{ code: 'SOC003', severity: 'error', message, file: abs, range }], files: [abs] };
  }
  const r = await resolveStudy(workspace, abs);
  return { study: r.study, scenario: r.scenario, diagnostics: r.diagnostics, files: [...new Set(r.files)] };
}
