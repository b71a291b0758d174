// branch.json, beside a branch's trace: which run it branched from (folder, the sha256 of the
// parent's trace as it was, the round) and what was edited, so a branch knows its parent and
// `compare`, the view and a person can say what the difference between the two is made of.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSha256 } from '../files/fileSha256';
import type { WorldEdit } from './edits';

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
  /** The scenario file, relative to the branch's folder (the header keeps the parent's path). */
  scenario?: string;
}

export function writeBranchRecord(folder: string, r: BranchRecord): void {
  fs.writeFileSync(path.join(folder, BRANCH_FILE), `${JSON.stringify(r, null, 2)}\n`);
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
