// The scenario a trace was run from, when it is still there unchanged: its header names the file
// (relative to the run's folder) and the hash of the scenario as run. `society report` reads what
// it declares (`state:`, `knowledge:`) for the state outcomes and their series; a scenario that is
// gone, or changed since (a different hash, an experiment's condition), gives none rather than
// outcomes of a world the run never had. `society calibrate` reads its calibration the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scenarioHash } from '../../engine';
import { loadScenarioFile, type Scenario } from '../../format';
import { declaredOutcomes, type DeclaredOutcomes } from './runTally';
import { traceEnds } from '../../trace/traceEnds';

/** The scenario a trace was run from, when it is there unchanged (`society calibrate` needs it whole). */
export async function scenarioOfTrace(traceFile: string): Promise<Scenario | undefined> {
  try {
    const header = traceEnds(traceFile)?.header;
    const scenario = header?.scenario as { name?: unknown; hash?: unknown; file?: unknown } | undefined;
    if (typeof scenario?.file !== 'string' || typeof scenario.name !== 'string') return undefined;
    const file = path.resolve(path.dirname(traceFile), scenario.file);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
    const loaded = await loadScenarioFile(file, { scenario: scenario.name });
    return loaded.scenario && scenarioHash(loaded.scenario) === scenario.hash ? loaded.scenario : undefined;
  } catch {
    // An unreadable scenario is one the report goes without, as a missing one.
    return undefined;
  }
}

/** What that scenario declares, for the report's state outcomes. */
export async function declaredOfTrace(traceFile: string): Promise<DeclaredOutcomes | undefined> {
  const scenario = await scenarioOfTrace(traceFile);
  return scenario ? declaredOutcomes(scenario) : undefined;
}
