// Issue 58, kind 4: `run` replaced a user's own judgements.csv and surveys.csv in its --out folder
// and listed them as its own (.society-files.json), so a later --overwrite deleted them. They are
// checked before anything is written, as every other output is (ownFiles.ts mayReplace): refused
// with a clear error and nothing in the folder changed; replaced only with --overwrite.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { MANIFEST_FILE } from '../../../src/cli/manifest';
import { folderHashes } from '../../support/folderHashes';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const listed = (dir: string): string[] => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')).files;

describe("run keeps a user's judgements.csv and surveys.csv (issue 58: 4)", function () {
  const base = scratchDir('society-run-tables-');

  for (const [example, table] of [
    ['expert-team/expert-team.society', 'judgements.csv'],
    ['friends/friends.society', 'surveys.csv'],
  ]) {
    it(`${table}: refused untouched without --overwrite, replaced and listed with it`, async () => {
      const out = path.join(base, table);
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, table), 'my own table\n');
      const before = folderHashes(out);
      const file = path.join(repo, 'examples', example);
      const r = await quietly(() => runCommand.run([file, '--rounds', '2', '--out', out, '-q']));
      assert.equal(r.result, 1, r.errors);
      assert.match(
        r.errors,
        new RegExp(`already holds ${table.replace('.', '\\.')}, which Society Studio did not write`),
      );
      assert.deepEqual(folderHashes(out), before, 'nothing in the folder changed');

      const forced = await quietly(() => runCommand.run([file, '--rounds', '2', '--out', out, '--overwrite', '-q']));
      assert.equal(forced.result, 0, forced.errors);
      assert.notEqual(fs.readFileSync(path.join(out, table), 'utf8'), 'my own table\n');
      assert.ok(listed(out).includes(table), listed(out).join());
    });
  }
});
