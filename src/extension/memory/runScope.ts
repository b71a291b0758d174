// Which .society files a run speaks about: those its scenario brings together. The trace header
// names the scenario file relative to where the run started (the workspace folder in the editor,
// the working directory for the CLI), so it is looked for in the workspace folders and in the
// folders above the trace. When the scenario cannot be found, persona ids alone decide.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MemorySource } from '../../core/memory/memorySource';
import type { Projects } from '../projects';

const found = new WeakMap<MemorySource, string | null>();

/** The run's scenario file on disk, if it can be found. */
export function scenarioFileOf(source: MemorySource): string | undefined {
  if (found.has(source)) return found.get(source) ?? undefined;
  const rel = source.header?.scenario.file;
  if (!rel) return undefined;
  const bases = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  for (let dir = source.file && path.dirname(source.file); dir && path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    bases.push(dir);
  }
  const candidates = path.isAbsolute(rel) ? [rel] : bases.map((b) => path.resolve(b, rel));
  const hit = candidates.find((f) => fs.existsSync(f)) ?? null;
  found.set(source, hit);
  return hit ?? undefined;
}

/** True when `file` is the run's scenario or one of the files it includes. */
export async function runCovers(projects: Projects, source: MemorySource, file: string): Promise<boolean> {
  if (!source.header) return false;
  const scenario = scenarioFileOf(source);
  if (!scenario || scenario === file) return true;
  const project = await projects.forFile(file);
  return project.resolutionsInvolving(file).some((r) => r.file === scenario);
}
