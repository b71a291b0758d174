// A branch: the parent's run again from its own header (scenario, seed, rounds, settings, models),
// answered from the parent's cached model answers, with the researcher's edits at the start of
// round N (engine/kernel/edits.ts). Everything before is the parent's trace byte for byte — checked
// after the run, not assumed — and costs no model call; from round N on it is a run of its own.
import * as path from 'node:path';
import type { Scenario } from '../format';
import { replay } from '../replay/replay';
import { RunHarness, type PreparedSimulation, type RunHarnessOptions } from '../run/runHarness';
import type { TraceHeader } from '../trace/events';
import type { RunModels } from '../run/runModels';
import type { RunResult } from '../engine';
import type { WorldEdit } from '../trace/edits';
import { BranchError, type ParentRun } from './parentRun';
import { editProblems } from './editCheck';
import {
  editsByRound,
  editsDigest,
  fileSha256,
  inheritedAt,
  readBranchRecord,
  writeBranchRecord,
  type RoundEdits,
} from '../trace/branchRecord';
import { EditSyntaxError, editsFromJson } from './editSyntax';
import { traceDivergence, type Divergence } from './divergence';
import { withoutProvenance } from '../trace/provenance';

export interface ForkRequest {
  parent: ParentRun;
  /** The scenario the parent ran (its header's hash must match). */
  scenario: Scenario;
  /** Its file, for branch.json. */
  scenarioFile?: string;
  /** The round at whose start the edits apply, 1 … the parent's rounds. */
  round: number;
  edits: WorldEdit[];
  /** The branch's run folder. */
  out: string;
  /** The host's models (its cache is read first, then the parent's). */
  models?: RunModels;
  allowModule?: boolean;
  moduleTimeLimitMs?: number;
  /** Write checkpoints piece by piece without blocking (the extension host). */
  asyncCheckpoints?: boolean;
}

export interface ForkOutcome {
  result: RunResult;
  /** Where the branch's trace first differs from its parent's; undefined: not at all. */
  divergence?: Divergence;
  /** Whether the branch is its parent up to round N's start, as it must be. */
  faithful: boolean;
}

export interface Branch {
  harness: RunHarness;
  run(signal?: AbortSignal): Promise<ForkOutcome>;
}

/** A branch checked and its simulation made, nothing written yet (the editor asks about cost first). */
export interface PreparedBranch {
  readonly header: TraceHeader;
  readonly sim: PreparedSimulation['sim'];
  /** Opens its trace, checkpoints and branch.json in the branch's folder. */
  open(driving?: Omit<RunHarnessOptions, 'trace' | 'checkpoints'>): Branch;
}

/** Checks the request and opens the branch's run in `out` (nothing is written when a check fails). */
export function openBranch(req: ForkRequest, driving: Omit<RunHarnessOptions, 'trace' | 'checkpoints'> = {}): Branch {
  return prepareBranch(req).open(driving);
}

/** Checks the request against the parent and the scenario and makes the branch's simulation. */
export function prepareBranch(req: ForkRequest): PreparedBranch {
  const { parent, round, edits } = req;
  const header = parent.header;
  if (!Number.isInteger(round) || round < 1 || round > header.rounds) {
    throw new BranchError(`a branch begins at a round from 1 to ${header.rounds} (the parent's rounds), not ${round}`);
  }
  if (parent.lastRound < round - 1) {
    throw new BranchError(
      `the parent's trace ends after round ${Math.max(parent.lastRound, 0)}: a branch at round ${round} needs its rounds up to ${round - 1}`,
    );
  }
  const problems = editProblems(edits, replay(header, parent.events, round - 1), req.scenario);
  if (problems.length) throw new BranchError(problems.join('; '));
  const inherited = parentEdits(parent, round);
  const prepared = RunHarness.prepare(req.scenario, {
    simulation: {
      seed: header.seed,
      rounds: header.rounds,
      // The parent's header, byte for byte: the branch is that run until its edits.
      ...(header.scenario.file !== undefined ? { file: header.scenario.file } : {}),
      ...(parent.model ? { model: parent.model } : {}),
      edits: editsByRound({ round, edits, inherited }),
      branchEdits: editsDigest({ round, edits, inherited }),
      allowModule: req.allowModule === true,
      ...(req.moduleTimeLimitMs !== undefined ? { moduleTimeLimitMs: req.moduleTimeLimitMs } : {}),
    },
    models: {
      ...req.models,
      cacheBelow: [...(req.models?.cacheBelow ?? []), ...(parent.cacheDir ? [parent.cacheDir] : [])],
    },
  });
  // The build that made the parent may be older: provenance is not part of being the same run.
  const differs = headerDifference(
    JSON.stringify(withoutProvenance(prepared.sim.header)),
    JSON.stringify(withoutProvenance(header)),
  );
  if (differs) throw new BranchError(differs);
  return {
    header: prepared.sim.header,
    sim: prepared.sim,
    open: (driving = {}) => attachBranch(req, prepared, inherited, driving),
  };
}

/**
 * The edits a parent that is itself a branch had in force by `round` (its ancestors' and its own),
 * their form checked again: branch.json is a file a person can edit.
 */
function parentEdits(parent: ParentRun, round: number): RoundEdits[] {
  const inherited = inheritedAt(readBranchRecord(parent.folder), round);
  try {
    return inherited.map((e) => ({ round: e.round, edits: editsFromJson(JSON.stringify(e.edits)) }));
  } catch (err) {
    const why = err instanceof EditSyntaxError ? err.message : String(err);
    throw new BranchError(`the parent is a branch whose branch.json does not hold its edits (${why})`);
  }
}

function attachBranch(
  req: ForkRequest,
  prepared: PreparedSimulation,
  inherited: RoundEdits[],
  driving: Omit<RunHarnessOptions, 'trace' | 'checkpoints'>,
): Branch {
  const { parent, round, edits } = req;
  const tracePath = path.join(req.out, 'trace.jsonl');
  const { pace } = driving;
  const harness = RunHarness.attach(prepared, {
    ...driving,
    // Rounds before N are the parent's, known already: a view need not be waited on to show them
    // live (in the editor each waited up to a second for the branch's view to open: issue 73).
    ...(pace ? { pace: (r: number) => (r < round - 1 ? Promise.resolve() : pace(r)) } : {}),
    trace: { path: tracePath },
    checkpoints: { path: path.join(req.out, 'checkpoint.json'), ...(req.asyncCheckpoints ? { async: true } : {}) },
  });
  writeBranchRecord(req.out, {
    format: 'society-branch',
    version: 1,
    parent: { folder: path.relative(req.out, parent.folder) || '.', trace_sha256: fileSha256(parent.tracePath) },
    round,
    edits,
    ...(inherited.length > 0 ? { inherited } : {}),
    ...(req.scenarioFile ? { scenario: path.relative(req.out, req.scenarioFile) } : {}),
  });
  return {
    harness,
    async run(signal) {
      const result = await harness.run(signal);
      const divergence = traceDivergence(parent.tracePath, tracePath);
      // Before round N's edits the two must agree; a parent that stopped early is a prefix, not a difference.
      const faithful =
        !divergence ||
        divergence.prefix ||
        (divergence.round !== undefined && divergence.round >= round && edits.length > 0);
      return { result, ...(divergence ? { divergence } : {}), faithful };
    },
  };
}

/** Why the branch's header is not its parent's: the scenario changed, or the models. */
function headerDifference(mine: string, parents: string): string | undefined {
  if (mine === parents) return undefined;
  const a = JSON.parse(mine) as Record<string, unknown>,
    b = JSON.parse(parents) as Record<string, unknown>;
  const hash = (h: Record<string, unknown>) => (h.scenario as { hash?: string }).hash;
  if (hash(a) !== hash(b)) {
    return 'the scenario is not the one the parent ran (it changed since): a branch re-runs the parent, so it needs that scenario';
  }
  const key = Object.keys(b).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? 'header';
  return `the run would not be the parent's: its ${key} differ${key.endsWith('s') ? '' : 's'} from the parent's header`;
}
