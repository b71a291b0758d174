// A branch's lineage, checked before a resume writes anything (issue 58: 4): a fork killed before
// its round and resumed with branch.json missing or corrupt once exited 0 with the parent's trace,
// and an edited branch.json was applied unchecked. The record must be whole, its parent's trace
// must still be the bytes it branched from (sha256), and its edits must be well-formed and apply to
// the parent's world at their round, as `fork` checked them. Well-formed edits that still apply
// were still taken when a person changed them (issue 70): the checkpoint keeps a digest of the
// edits the branch was made with, and they must still give it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../format';
import { replay } from '../replay/replay';
import {
  BRANCH_FILE,
  BRANCH_FORMAT,
  editsDigest,
  fileSha256,
  inheritedAt,
  readBranchRecord,
  type BranchRecord,
  type RoundEdits,
} from '../trace/branchRecord';
import { EditSyntaxError, editsFromJson } from './editSyntax';
import { editProblems } from './editCheck';
import { readParentRun } from './parentRun';

export type Lineage = { record?: BranchRecord; problem?: undefined } | { record?: undefined; problem: string };

/**
 * The branch record of `folder`, checked; none when the folder is no branch. `listed`: the folder's
 * own-files list names branch.json (fork wrote it), so a missing one is a problem, not "no branch".
 * `recorded`: the digest of the branch's edits its checkpoint keeps (`branch_edits`; absent in
 * checkpoints written before it was kept, and for runs that are no branch).
 */
export async function branchLineage(
  folder: string,
  listed: boolean,
  scenario: Scenario,
  recorded?: string,
): Promise<Lineage> {
  const lineage = await readLineage(folder, listed, scenario);
  if (lineage.problem || recorded === undefined) return lineage;
  if (!lineage.record) {
    return { problem: `the checkpoint is a branch's, but the folder has no ${BRANCH_FILE}` };
  }
  if (editsDigest(lineage.record) !== recorded) {
    return {
      problem: `${BRANCH_FILE} was changed after the branch was made: its edits are not the ones its checkpoint was written with. A branch's edits are fixed when it is made; to try others, fork the parent again`,
    };
  }
  return lineage;
}

async function readLineage(folder: string, listed: boolean, scenario: Scenario): Promise<Lineage> {
  const file = path.join(folder, BRANCH_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return listed
      ? { problem: `${BRANCH_FILE} is missing: the folder is a branch and cannot go on without its record` }
      : {};
  }
  const bad = (why: string): Lineage => ({ problem: `${BRANCH_FILE} is not a branch record (${why})` });
  let r: BranchRecord;
  try {
    r = JSON.parse(text) as BranchRecord;
  } catch {
    return bad('not valid JSON');
  }
  if (!r || typeof r !== 'object' || r.format !== BRANCH_FORMAT || r.version !== 1) return bad('format');
  if (typeof r.parent?.folder !== 'string' || !/^[0-9a-f]{64}$/.test(String(r.parent?.trace_sha256))) {
    return bad('parent');
  }
  if (!Number.isInteger(r.round) || r.round < 1) return bad('round');
  let edits;
  try {
    edits = editsFromJson(JSON.stringify(r.edits ?? null));
  } catch (err) {
    return bad(`edits: ${err instanceof EditSyntaxError ? err.message : String(err)}`);
  }
  let inherited: RoundEdits[];
  try {
    inherited = normalised(r.inherited ?? [], r.round);
  } catch (err) {
    return bad(`inherited edits: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parentTrace = path.resolve(folder, r.parent.folder, 'trace.jsonl');
  let sha: string;
  try {
    sha = fileSha256(parentTrace);
  } catch {
    return { problem: `the parent's trace ${parentTrace} (from ${BRANCH_FILE}) cannot be read` };
  }
  if (sha !== r.parent.trace_sha256) {
    return {
      problem: `the parent's trace ${parentTrace} is not the one the branch was made from (its sha256 differs)`,
    };
  }
  // Every ancestor's edits: what this branch inherited must be what its parent had in force.
  const parentRecord = readBranchRecord(path.resolve(folder, r.parent.folder));
  let expected: RoundEdits[];
  try {
    expected = normalised(inheritedAt(parentRecord, r.round), r.round);
  } catch (err) {
    return {
      problem: `its parent's ${BRANCH_FILE} does not hold its edits (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  if (JSON.stringify(expected) !== JSON.stringify(inherited)) {
    return { problem: `the edits it inherited are not the ones its parent had in force at round ${r.round}` };
  }
  const parent = await readParentRun(parentTrace);
  if (r.round > parent.header.rounds) return bad(`round ${r.round} is past the parent's ${parent.header.rounds}`);
  const problems = editProblems(edits, replay(parent.header, parent.events, r.round - 1), scenario);
  if (problems.length) return { problem: `its edits do not apply: ${problems.join('; ')}` };
  return { record: { ...r, edits, ...(inherited.length > 0 ? { inherited } : {}) } };
}

/** Inherited edits in their checked form, each at a round from 1 to the branch's own. */
function normalised(list: unknown, round: number): RoundEdits[] {
  if (!Array.isArray(list)) throw new Error('not a list');
  return list.map((e: { round?: unknown; edits?: unknown }) => {
    if (!Number.isInteger(e?.round) || (e.round as number) < 1 || (e.round as number) > round) {
      throw new Error(`a round from 1 to ${round}, not ${JSON.stringify(e?.round)}`);
    }
    return { round: e.round as number, edits: editsFromJson(JSON.stringify(e.edits ?? null)) };
  });
}
