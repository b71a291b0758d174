import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeScenario } from './scenarioFixture';
import { traceOf } from './traceHelpers';
import { runToFiles } from '../../support/runToFiles';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import {
  checkpointDue,
  checkpointPieces,
  parseCheckpoint,
  writeCheckpoint,
  writeCheckpointAsync,
} from '../../../src/core/engine/persist/checkpoint';

describe('checkpoint and resume', () => {
  const sc = makeScenario(12, {
    coaching: { enabled: true, every: 1 },
    world: { ...makeScenario(1).world, rounds: 7 },
    events: [{ at: 4, broadcast: 'Exams are next week.' }],
  });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-resume-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [label, stop] of [
    ['mid-round (round 4, act phase)', (r: number, ph?: string) => r === 4 && ph === 'act'],
    ['at a round start (round 2)', (r: number) => r === 2],
    ['during the last round', (r: number, ph?: string) => r === 7 && ph === 'reflect'],
  ] as const) {
    it(`an interrupted run resumed ${label} equals the uninterrupted trace`, async () => {
      const expected = await traceOf(sc);
      assert.equal((await runToFiles(dir, sc, { stop })).status, 'aborted');
      const partial = fs.readFileSync(path.join(dir, 'trace.jsonl'), 'utf8');
      assert.ok(expected.startsWith(partial), 'the interrupted trace is a prefix ending at a complete round');
      assert.match(partial.trimEnd().split('\n').pop()!, /"type":"round_end"/);
      assert.equal((await runToFiles(dir, sc, { resume: true })).status, 'completed');
      assert.equal(fs.readFileSync(path.join(dir, 'trace.jsonl'), 'utf8'), expected);
    });
  }

  it('a checkpoint written agent by agent is exactly its JSON', async () => {
    await runToFiles(dir, sc, { stop: (r) => r === 3 });
    const cp = parseCheckpoint(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8'));
    const file = path.join(dir, 'streamed.json');
    writeCheckpoint(file, cp);
    assert.equal(fs.readFileSync(file, 'utf8'), JSON.stringify(cp));
    assert.ok(!fs.existsSync(`${file}.tmp`));
    // In small pieces, and written asynchronously (the extension host's way): the same text.
    const pieces = [...checkpointPieces(cp, 2000)];
    assert.ok(pieces.length >= 6, `${pieces.length} pieces`);
    assert.equal(pieces.join(''), JSON.stringify(cp));
    const later = path.join(dir, 'async.json');
    await writeCheckpointAsync(later, cp);
    assert.equal(fs.readFileSync(later, 'utf8'), JSON.stringify(cp));
    assert.ok(!fs.existsSync(`${later}.tmp`));
  });

  it('checkpoints are due every `every` rounds before the last, and at the end', () => {
    const due = (every: number, rounds: number) =>
      Array.from({ length: rounds + 1 }, (_, r) => r).filter((r) => checkpointDue(r, false, every, rounds));
    assert.deepEqual(due(1, 4), [0, 1, 2, 3]);
    assert.deepEqual(due(3, 10), [0, 3, 6, 9]);
    assert.deepEqual(due(50, 10), [0]);
    assert.equal(checkpointDue(10, true, 50, 10), true);
  });

  it('refuses to resume with a changed scenario', async () => {
    await runToFiles(dir, sc, { stop: (r) => r === 3 });
    const cp = parseCheckpoint(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8'));
    assert.throws(() => Simulation.restore({ ...sc, rewards: { ...sc.rewards, social: 2 } }, cp), /scenario changed/);
  });
});
