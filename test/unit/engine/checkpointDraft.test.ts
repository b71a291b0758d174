import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { example } from './traceHelpers';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { checkpointPieces, writeCheckpoint, writeCheckpointAsync } from '../../../src/core/engine/persist/checkpoint';

// A checkpoint's agents and ties are made one at a time as the file is written (issue 35: at a
// million agents, the whole state copied at once was ≈ 1.5 GB of the run's peak). The file must
// be the one the whole copy gives, byte for byte, with and without the memories in the trace.
describe('checkpoint drafts', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-draft-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const name of ['friends/friends.society', 'commons/commons.society', 'forum/forum.society']) {
    it(`writes the whole snapshot's bytes for ${name}, one agent and one tie at a time`, async () => {
      const sc = await example(name);
      const sim = Simulation.create({ ...sc, world: { ...sc.world, rounds: 4 } });
      const checked: number[] = [];
      sim.afterRound = async (round) => {
        for (const trace of [undefined, { bytes: 1234, lines: 56 }]) {
          const whole = { ...sim.snapshot(), trace },
            draft = { ...sim.checkpointDraft(), trace };
          const a = path.join(dir, 'whole.json'),
            b = path.join(dir, 'draft.json'),
            c = path.join(dir, 'async.json');
          writeCheckpoint(a, whole);
          writeCheckpoint(b, draft);
          await writeCheckpointAsync(c, draft);
          const expected = fs.readFileSync(a, 'utf8');
          assert.equal(fs.readFileSync(b, 'utf8'), expected, `round ${round}`);
          assert.equal(fs.readFileSync(c, 'utf8'), expected, `round ${round}, written asynchronously`);
          assert.ok([...checkpointPieces(draft, 4000)].length > 1 || expected.length < 4000);
        }
        checked.push(round);
      };
      await sim.run();
      assert.deepEqual(checked, [0, 1, 2, 3, 4, 4]);
      assert.ok(sim.snapshot().ties.length > 0 || name.startsWith('commons'), 'ties were written');
    });
  }
});
