// branch.json, beside a branch's trace: which run it branched from (folder, the sha256 of the
// parent's trace as it was, the round) and what was edited, so a branch knows its parent and
// `compare`, the view and a person can say what the difference between the two is made of.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSha256 } from '../files/fileSha256';
import type { WorldEdit } from './edits';
import { writeFileSafely } from '../files/safeWrite';

export { fileSha256 };

export const BRANCH_FILE = 'branch.json';
export const BRANCH_FORMAT = 'society-branch';

export interface BranchRecord {
  format: typeof BRANCH_FORMAT;
  version: 1;
  parent: {
    /** The parent's run folder, relative to the branch's folder. */
    folder: string;
    /** sha256 of the parent's trace file when the branch was made. */
    trace_sha256: string;
  };
  /** The round at whose start the edits apply: before it the branch is its parent. */
  round: number;
  edits: WorldEdit[];
  /**
   * The ancestors' edits in force where this branch departs (their round ≤ its own), oldest first:
   * a branch of a branch re-runs from the scenario, so it must apply its parent's edits too.
   */
  inherited?: RoundEdits[];
  /** The scenario file, relative to the branch's folder (the header keeps the parent's path). */
  scenario?: string;
}

/** Edits applied at the start of one round. */
export interface RoundEdits {
  round: number;
  edits: WorldEdit[];
}

/** What a branch of the branch `r` inherits when it departs at `round`: every edit in force by then. */
export function inheritedAt(r: BranchRecord | undefined, round: number): RoundEdits[] {
  if (!r) return [];
  return [...(r.inherited ?? []), { round: r.round, edits: r.edits }].filter((e) => e.round <= round);
}

/** A branch's whole set of edits by round (inherited first within a round), from `after` on. */
export function editsByRound(
  r: Pick<BranchRecord, 'round' | 'edits' | 'inherited'>,
  after = 0,
): Map<number, WorldEdit[]> {
  const byRound = new Map<number, WorldEdit[]>();
  for (const e of [...(r.inherited ?? []), { round: r.round, edits: r.edits }]) {
    if (e.round <= after) continue;
    byRound.set(e.round, [...(byRound.get(e.round) ?? []), ...e.edits]);
  }
  return byRound;
}

/**
 * A digest of a branch's whole set of edits (its own and those inherited), kept in each of its
 * checkpoints: a resume tells an edited branch.json by it (issue 70), as the edits apply only once.
 */
export function editsDigest(r: Pick<BranchRecord, 'round' | 'edits' | 'inherited'>): string {
  return createHash('sha256')
    .update(JSON.stringify([...editsByRound(r)]))
    .digest('hex');
}

export function writeBranchRecord(folder: string, r: BranchRecord): void {
  writeFileSafely(path.join(folder, BRANCH_FILE), `${JSON.stringify(r, null, 2)}\n`);
}

/** The branch record in `folder`, or undefined when it has none (or an unreadable one). */
export function readBranchRecord(folder: string): BranchRecord | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(folder, BRANCH_FILE), 'utf8')) as BranchRecord;
    return r?.format === BRANCH_FORMAT ? r : undefined;
  } catch {
    return undefined;
  }
}
