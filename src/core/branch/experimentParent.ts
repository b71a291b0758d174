// A parent that is one run of an experiment (`<out>/traces/<condition>-seed<N>.jsonl`): its scenario
// is the experiment's with the condition's `set` applied (the trace header hashes that one), and its
// answers are in the experiment's cache. Read from the experiment.json beside traces/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../format';
import { withOverrides, traceFileName } from '../experiment';
import type { ParentRun } from './parentRun';

interface ExperimentFile {
  conditions?: { name: string; set: Record<string, unknown> }[];
}

export interface ExperimentRun {
  condition: string;
  set: Record<string, unknown>;
  /** The experiment's response cache (`<out>/cache`), when there is one. */
  cacheDir?: string;
}

/** The experiment condition the parent ran under, when its trace is one of an experiment's. */
export function experimentRunOf(parent: ParentRun): ExperimentRun | undefined {
  if (path.basename(parent.folder) !== 'traces') return undefined;
  let file: ExperimentFile;
  try {
    file = JSON.parse(fs.readFileSync(path.join(parent.folder, '..', 'experiment.json'), 'utf8')) as ExperimentFile;
  } catch {
    return undefined;
  }
  // Named as the runner names it (traceFiles.ts): by the condition's file stem, not its name as written.
  const name = path.basename(parent.tracePath);
  const c = file.conditions?.find((x) => name === traceFileName(x.name, parent.header.seed));
  if (!c) return undefined;
  const cache = path.join(parent.folder, '..', 'cache');
  return { condition: c.name, set: c.set, ...(fs.existsSync(cache) ? { cacheDir: path.resolve(cache) } : {}) };
}

/** The scenario as the experiment ran it for this parent (the condition applied), else as given. */
export function scenarioAsRun(scenario: Scenario, run: ExperimentRun | undefined): Scenario {
  return run ? withOverrides(scenario, run.set) : scenario;
}
