// What a run's scenario declares (its `state:`, `knowledge:`), for a branch too: an edited branch
// was run from another hash than its scenario file's, so its own header finds nothing
// (traceScenario.ts); its parent's scenario declares the same quantities (an edit changes a value,
// a memory, a tie or a setting, never which quantities there are), so the branch's state is read
// as its parent's scenario declares it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declaredOfTrace } from '../metrics/traceScenario';
import type { DeclaredOutcomes } from '../metrics/runTally';
import { readBranchInfo } from './branchInfo';

const TRACE = 'trace.jsonl';

export async function declaredOfRun(traceFile: string, depth = 0): Promise<DeclaredOutcomes | undefined> {
  const own = await declaredOfTrace(traceFile);
  if (own || depth > 8) return own;
  const parent = readBranchInfo(traceFile)?.parentFolder;
  const parentTrace = parent && path.join(parent, TRACE);
  if (!parentTrace || !fs.statSync(parentTrace, { throwIfNoEntry: false })?.isFile()) return undefined;
  // A branch of a branch: up the line until a run whose scenario is still there (at most a few).
  return declaredOfRun(parentTrace, depth + 1);
}
