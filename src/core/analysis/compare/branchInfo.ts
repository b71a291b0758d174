// A branch (`society fork`) keeps `branch.json` beside its trace: {parent: {folder, trace_sha256},
// round, edits: [...]} (trace/branchRecord.ts). Comparing a branch with its parent (or two branches of one parent) says
// so, with the round it branched at and its edits; a run without the file compares all the same.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSha256 as sha256Of } from '../../files/fileSha256';
import { BRANCH_FILE } from '../../trace/branchRecord';

export interface BranchInfo {
  /** The parent's run folder as the file gives it, resolved against the branch's folder. */
  parentFolder?: string;
  /** The same, as the file gives it (a path relative to where `society fork` ran, perhaps). */
  parentFolderGiven?: string;
  /** sha256 of the parent's trace (hex, lower case). */
  parentSha256?: string;
  /** The round the branch was made at. */
  round?: number;
  /** The edits, as the file lists them. */
  edits: unknown[];
}

/** How the runs compared are related, in a sentence; absent when neither is a branch. */
export interface BranchRelation {
  a?: BranchInfo;
  b?: BranchInfo;
  relation?: string;
}

const hex = (s: unknown): string | undefined =>
  typeof s === 'string' ? s.replace(/^sha256:/i, '').toLowerCase() : undefined;

/** The branch.json beside `traceFile`; undefined when there is none or it is not an object. */
export function readBranchInfo(traceFile: string): BranchInfo | undefined {
  const dir = path.dirname(path.resolve(traceFile));
  let v: unknown;
  try {
    v = JSON.parse(fs.readFileSync(path.join(dir, BRANCH_FILE), 'utf8'));
  } catch {
    return undefined; // no branch, or a file we cannot read: compared as plain runs
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { parent?: Record<string, unknown>; edits?: unknown; round?: unknown };
  const p = o.parent && typeof o.parent === 'object' ? o.parent : {};
  return {
    ...(typeof p.folder === 'string' ? { parentFolder: path.resolve(dir, p.folder), parentFolderGiven: p.folder } : {}),
    ...(hex(p.trace_sha256) ? { parentSha256: hex(p.trace_sha256) } : {}),
    // The round is the record's own (trace/branchRecord.ts); `parent.round` is read too.
    ...(typeof o.round === 'number' ? { round: o.round } : typeof p.round === 'number' ? { round: p.round } : {}),
    edits: Array.isArray(o.edits) ? o.edits : [],
  };
}

/** sha256 of a file, or undefined when it cannot be read (compared as unrelated runs). */
export function fileSha256(file: string): string | undefined {
  try {
    return sha256Of(file);
  } catch {
    return undefined;
  }
}

/** Whether `info`'s parent is the run whose trace is `traceFile`. */
function isParent(info: BranchInfo, traceFile: string): boolean {
  const dir = path.dirname(path.resolve(traceFile));
  // Relative to the branch's folder, or to the working directory `society fork` was given it in.
  if (info.parentFolder === dir) return true;
  if (info.parentFolderGiven !== undefined && path.resolve(info.parentFolderGiven) === dir) return true;
  return info.parentSha256 !== undefined && fileSha256(traceFile) === info.parentSha256;
}

const at = (i: BranchInfo): string => (i.round !== undefined ? ` at round ${i.round}` : '');
const edits = (i: BranchInfo): string => (i.edits.length === 1 ? '1 edit' : `${i.edits.length} edits`);

/** What branch.json files say of the two runs (A's trace `fileA`, B's `fileB`). */
export function branchRelation(fileA: string, fileB: string): BranchRelation | undefined {
  const a = readBranchInfo(fileA),
    b = readBranchInfo(fileB);
  if (!a && !b) return undefined;
  let relation: string | undefined;
  if (b && isParent(b, fileA)) relation = `B is a branch of A${at(b)} (${edits(b)})`;
  else if (a && isParent(a, fileB)) relation = `A is a branch of B${at(a)} (${edits(a)})`;
  else if (
    a &&
    b &&
    ((a.parentSha256 && a.parentSha256 === b.parentSha256) || (a.parentFolder && a.parentFolder === b.parentFolder))
  ) {
    relation = `A and B are branches of one parent (A${at(a)}, ${edits(a)}; B${at(b)}, ${edits(b)})`;
  } else if (b) relation = `B is a branch${at(b)} of another run (${edits(b)})`;
  else if (a) relation = `A is a branch${at(a)} of another run (${edits(a)})`;
  return { ...(a ? { a } : {}), ...(b ? { b } : {}), ...(relation ? { relation } : {}) };
}
