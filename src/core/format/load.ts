// Loading from disk: what the CLI, tests and benchmarks use to get a runnable Scenario.
import * as path from 'node:path';
import type { Diagnostic } from './diagnostics';
import type { Scenario } from './model';
import { NodeFileSystem } from './fileSystem';
import { SocietyWorkspace } from './workspace';

/**
 * The folder includes may not leave: the working directory when every target is inside it,
 * otherwise the deepest folder that contains all targets.
 */
export function defaultRoot(targets: string[], cwd = process.cwd()): string {
  const abs = targets.map((t) => path.resolve(cwd, t));
  if (abs.every((t) => !path.relative(cwd, t).startsWith('..'))) return cwd;
  let common = path.dirname(abs[0]);
  for (const t of abs) while (path.relative(common, t).startsWith('..')) common = path.dirname(common);
  return common;
}

export async function loadScenarioFile(file: string, options: { root?: string } = {}): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[]; files: string[] }> {
  const abs = path.resolve(file);
  const workspace = new SocietyWorkspace(new NodeFileSystem(), path.resolve(options.root ?? defaultRoot([abs])));
  const { scenario, diagnostics, files } = await workspace.resolveScenario(abs);
  return { scenario, diagnostics, files };
}
