// Issue 58, kind 4: a branch's lineage and its folder. `fork --out` through a link to the parent
// with --overwrite replaced the parent's trace and then said the branch matched it; a fork stopped
// before its round and resumed with branch.json missing or corrupt exited 0 with the parent's
// trace, and an edited branch.json was applied unchecked — also, until issue 70, one edited to
// other edits that still apply. Refused commands change nothing (every
// file of the branch and the parent hashed before and after).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { forkCommand } from '../../../src/cli/commands/fork';
import { recordWritten } from '../../../src/cli/manifest';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { openBranch } from '../../../src/core/branch/fork';
import { readParentRun } from '../../../src/core/branch/parentRun';
import { folderHashes } from '../../support/folderHashes';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const FRIENDS = path.resolve(__dirname, '../../../examples/friends/friends.society');

describe("a branch's lineage and folder (issue 58: 4)", function () {
  const base = scratchDir('society-fork-lineage-');
  const parentDir = path.join(base, 'parent');

  before(async () => {
    const r = await quietly(() => runCommand.run([FRIENDS, '--rounds', '4', '--out', parentDir, '-q']));
    assert.equal(r.result, 0, r.errors);
  });

  it('fork --out through a link to the parent is refused, even with --overwrite; the parent is unchanged', async () => {
    const link = path.join(base, 'link');
    fs.symlinkSync(parentDir, link);
    const before = folderHashes(parentDir);
    const r = await quietly(() => forkCommand.run([parentDir, '--round', '2', '--out', link, '--overwrite', '-q']));
    assert.equal(r.result, 2, r.errors);
    assert.match(r.errors, /--out is the parent run's own folder/);
    assert.deepEqual(folderHashes(parentDir), before);
  });

  it("fork whose --out/trace.jsonl links to the parent's trace is refused; the parent is unchanged", async () => {
    const out = path.join(base, 'linked-trace');
    fs.mkdirSync(out);
    fs.symlinkSync(path.join(parentDir, 'trace.jsonl'), path.join(out, 'trace.jsonl'));
    const before = folderHashes(parentDir, out);
    const r = await quietly(() => forkCommand.run([parentDir, '--round', '2', '--out', out, '--overwrite', '-q']));
    assert.equal(r.result, 2, r.errors);
    assert.match(r.errors, /would replace .*trace\.jsonl, which it reads/);
    assert.deepEqual(folderHashes(parentDir, out), before);
  });

  /** A branch at round 4 stopped after its first round, as `fork` leaves it (its files listed as ours). */
  async function stoppedBranch(name: string): Promise<string> {
    const out = path.join(base, name);
    fs.mkdirSync(out);
    const { scenario } = await loadScenarioFile(FRIENDS);
    const parent = await readParentRun(parentDir);
    const edits = [{ edit: 'setting' as const, path: 'coaching.enabled', value: false }];
    const stopped = await openBranch(
      { parent, scenario: scenario!, scenarioFile: FRIENDS, round: 4, edits, out },
      { stopAfterRound: () => true },
    ).run();
    assert.equal(stopped.result.status, 'aborted');
    recordWritten(out, ['trace.jsonl', 'checkpoint.json', 'trace.index.json', 'branch.json']);
    return out;
  }

  const resume = (out: string) => quietly(() => runCommand.run([FRIENDS, '--resume', '--out', out, '-q']));
  const record = (out: string) => path.join(out, 'branch.json');

  for (const [what, spoil, problem] of [
    ['missing', (out: string) => fs.rmSync(record(out)), /the folder has no branch\.json/],
    [
      'corrupt',
      (out: string) => fs.writeFileSync(record(out), '{"format": "society-br'),
      /not a branch record \(not valid JSON\)/,
    ],
    [
      'edited to an edit that does not apply',
      (out: string) => {
        const r = JSON.parse(fs.readFileSync(record(out), 'utf8'));
        r.edits = [{ edit: 'remember', agent: 'nobody', text: 'x', importance: 6 }];
        fs.writeFileSync(record(out), JSON.stringify(r));
      },
      /its edits do not apply: .*nobody/,
    ],
    [
      // Well-formed and still applying: a different branch than the one made (issue 70).
      'edited to another edit that applies',
      (out: string) => {
        const r = JSON.parse(fs.readFileSync(record(out), 'utf8'));
        r.edits = [{ edit: 'setting', path: 'coaching.enabled', value: true }];
        fs.writeFileSync(record(out), JSON.stringify(r));
      },
      /branch\.json was changed after the branch was made: its edits are not the ones its checkpoint was written with/,
    ],
    [
      'naming a parent trace that changed',
      (out: string) => {
        const r = JSON.parse(fs.readFileSync(record(out), 'utf8'));
        r.parent.trace_sha256 = '0'.repeat(64);
        fs.writeFileSync(record(out), JSON.stringify(r));
      },
      /not the one the branch was made from/,
    ],
  ] as const) {
    it(`a stopped branch with branch.json ${what} is not resumed; nothing changes`, async () => {
      const out = await stoppedBranch(what.replace(/\W+/g, '-'));
      spoil(out);
      const before = folderHashes(out, parentDir);
      const r = await resume(out);
      assert.equal(r.result, 1, r.errors);
      assert.match(r.errors, problem);
      assert.deepEqual(folderHashes(out, parentDir), before);
    });
  }

  it('a stopped branch with its record whole resumes to the end', async () => {
    const out = await stoppedBranch('whole');
    const r = await resume(out);
    assert.equal(r.result, 0, r.errors);
    const trace = fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8');
    assert.match(trace, /"type":"run_end"/);
  });
});
