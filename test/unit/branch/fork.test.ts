// A branch is its parent's trace byte for byte until the round its edits apply, on the offline model
// and on an LLM answered from the parent's cache; its edits are events replay folds, so replaying a
// branch gives the engine's own state, and a branch interrupted after its edits resumes to the
// trace it would have written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { RunHarness } from '../../../src/core/run/runHarness';
import { readParentRun, BranchError } from '../../../src/core/branch/parentRun';
import { openBranch } from '../../../src/core/branch/fork';
import { readBranchRecord } from '../../../src/core/trace/branchRecord';
import type { WorldEdit } from '../../../src/core/trace/edits';
import { readTrace } from '../../../src/core/trace/reader';
import { replay } from '../../../src/core/replay/replay';
import { parseCheckpoint } from '../../../src/core/engine';
import { memoriesFromTrace } from '../../../src/core/replay/traceMemories';
import { startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeysOf, modelConfig, persona, scenario } from '../../support/llmFixtures';

const FRIENDS = path.resolve(__dirname, '../../../examples/friends/friends.society');

async function friends(): Promise<Scenario> {
  const loaded = await loadScenarioFile(FRIENDS);
  assert.ok(loaded.scenario);
  return loaded.scenario;
}

/** A parent run into `dir` (trace.jsonl, checkpoint.json), as `society run` writes one. */
async function parentRun(dir: string, sc: Scenario, rounds: number, models = {}): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const h = RunHarness.open(sc, {
    simulation: { rounds, file: path.relative(dir, FRIENDS) },
    models,
    trace: { path: path.join(dir, 'trace.jsonl') },
    checkpoints: { path: path.join(dir, 'checkpoint.json') },
  });
  assert.equal((await h.run()).status, 'completed');
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n');

async function branch(parentDir: string, out: string, sc: Scenario, round: number, edits: WorldEdit[], models = {}) {
  fs.mkdirSync(out, { recursive: true });
  const parent = await readParentRun(parentDir);
  const b = openBranch({ parent, scenario: sc, scenarioFile: FRIENDS, round, edits, out, models });
  return b.run();
}

describe('branching a run (society fork)', function () {
  let dir: string;
  let sc: Scenario;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-fork-'));
    sc = await friends();
    await parentRun(path.join(dir, 'parent'), sc, 8);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with no edit reproduces the parent byte for byte, at any round', async () => {
    for (const round of [1, 4, 8]) {
      const out = path.join(dir, `same-${round}`);
      const o = await branch(path.join(dir, 'parent'), out, sc, round, []);
      assert.equal(o.divergence, undefined, `round ${round}`);
      assert.ok(o.faithful);
      assert.equal(
        fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'),
        fs.readFileSync(path.join(dir, 'parent', 'trace.jsonl'), 'utf8'),
      );
      const record = readBranchRecord(out)!;
      assert.equal(record.round, round);
      assert.equal(record.parent.folder, path.join('..', 'parent'));
      assert.match(record.parent.trace_sha256, /^[0-9a-f]{64}$/);
    }
  });

  it('with one edit is the parent up to round N’s start and departs there, for every kind of edit', async () => {
    const parent = lines(path.join(dir, 'parent', 'trace.jsonl'));
    const start = parent.findIndex((l) => l.startsWith('{"type":"round_start","round":5,'));
    const agents = [
      ...new Set(parent.filter((l) => l.includes('"type":"agent_added"')).map((l) => /"id":"([^"]+)"/.exec(l)![1])),
    ];
    const [a, b] = agents;
    const edits: WorldEdit[] = [
      { edit: 'setting', path: 'coaching.enabled', value: false },
      { edit: 'remember', agent: a, text: `${b} is moving away next month.`, importance: 7 },
      { edit: 'forget', agent: a, memory: 0 },
      { edit: 'trait', agent: a, trait: 'extraversion', value: 0.05 },
      { edit: 'persona', agent: a, field: 'bio', value: 'A shy archivist who avoids crowds.' },
      { edit: 'tie', from: a, to: b, strength: 0.95 },
      { edit: 'broadcast', text: 'The community centre closes for a month.' },
    ];
    for (const [k, edit] of edits.entries()) {
      const out = path.join(dir, `edit-${k}`);
      const o = await branch(path.join(dir, 'parent'), out, sc, 5, [edit]);
      const mine = lines(path.join(out, 'trace.jsonl'));
      assert.ok(o.faithful, edit.edit);
      assert.deepEqual(
        mine.slice(0, start + 1),
        parent.slice(0, start + 1),
        `${edit.edit}: identical through round 5's start`,
      );
      assert.equal(o.divergence!.line, start + 2, `${edit.edit}: departs at the edit event`);
      assert.equal(o.divergence!.round, 5);
      assert.equal(JSON.parse(mine[start + 1]).kind, 'edit');
      // Replaying the branch gives the engine's own end state (ties, memory streams, settings).
      const read = readTrace(mine.join('\n'));
      assert.deepEqual(read.errors, []);
      const replayed = replay(read.header!, read.events);
      const cp = parseCheckpoint(fs.readFileSync(path.join(out, 'checkpoint.json'), 'utf8'));
      assert.deepEqual(replayed.ties.toJSON(), cp.ties, `${edit.edit}: ties`);
      assert.deepEqual(replayed.settings, cp.settings, `${edit.edit}: settings`);
      const memories = memoriesFromTrace(path.join(out, 'trace.jsonl'), cp.trace!.bytes);
      for (const agent of cp.agents) {
        assert.equal(
          memories.get(agent.persona.id)!.length,
          agent.memory_count,
          `${edit.edit}: ${agent.persona.id}'s memories`,
        );
        assert.deepEqual(replayed.agents.get(agent.persona.id)!.persona.traits, agent.persona.traits);
      }
    }
    // The edit changed what came after it: an uncoached branch has no advice from round 5 on.
    const uncoached = lines(path.join(dir, 'edit-0', 'trace.jsonl')).slice(start);
    assert.ok(!uncoached.some((l) => l.includes('"type":"advice"')));
    assert.ok(parent.slice(start).some((l) => l.includes('"type":"advice"')));
  });

  it('stopped before its round, resumes with its edits to the trace it would have written', async () => {
    const edits: WorldEdit[] = [{ edit: 'setting', path: 'coaching.enabled', value: false }];
    const whole = path.join(dir, 'whole');
    await branch(path.join(dir, 'parent'), whole, sc, 5, edits);
    const cut = path.join(dir, 'cut');
    fs.mkdirSync(cut);
    const parent = await readParentRun(path.join(dir, 'parent'));
    const stopped = await openBranch(
      { parent, scenario: sc, round: 5, edits, out: cut },
      { stopAfterRound: () => true },
    ).run();
    assert.equal(stopped.result.status, 'aborted');
    const cp = parseCheckpoint(fs.readFileSync(path.join(cut, 'checkpoint.json'), 'utf8'));
    assert.ok(cp.completed < 5);
    const record = readBranchRecord(cut)!;
    const resumed = RunHarness.open(sc, {
      resume: { checkpoint: cp, memories: memoriesFromTrace(path.join(cut, 'trace.jsonl'), cp.trace!.bytes) },
      simulation: { edits: new Map([[record.round, record.edits]]) },
      trace: { path: path.join(cut, 'trace.jsonl') },
      checkpoints: { path: path.join(cut, 'checkpoint.json') },
    });
    assert.equal((await resumed.run()).status, 'completed');
    assert.equal(
      fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'),
      fs.readFileSync(path.join(whole, 'trace.jsonl'), 'utf8'),
    );
  });

  it('a branch of a branch keeps its parent’s edits: its parent up to its round, with both edits after', async () => {
    // Coaching off from round 3 (branch A), then a broadcast at round 5 (B, a branch of A): B must
    // still run uncoached. It once re-ran the scenario with B's edits alone, so coaching came back,
    // B parted from A at round 3 and the difference was blamed on a model.
    const a = path.join(dir, 'uncoached-at-3');
    await branch(path.join(dir, 'parent'), a, sc, 3, [{ edit: 'setting', path: 'coaching.enabled', value: false }]);
    const b = path.join(dir, 'uncoached-then-news-at-5');
    const broadcast: WorldEdit = { edit: 'broadcast', text: 'The community centre closes for a month.' };
    const o = await branch(a, b, sc, 5, [broadcast]);
    assert.ok(o.faithful, 'B is A up to round 5');
    const mineA = lines(path.join(a, 'trace.jsonl'));
    const mineB = lines(path.join(b, 'trace.jsonl'));
    const startA5 = mineA.findIndex((l) => l.startsWith('{"type":"round_start","round":5,'));
    assert.deepEqual(mineB.slice(0, startA5 + 1), mineA.slice(0, startA5 + 1), 'identical through round 5’s start');
    assert.equal(o.divergence!.round, 5);
    const round3 = mineB.findIndex((l) => l.startsWith('{"type":"round_start","round":3,'));
    assert.ok(!mineB.slice(round3).some((l) => l.includes('"type":"advice"')), 'no advice from round 3 on');
    assert.deepEqual(readBranchRecord(b)!.inherited, [
      { round: 3, edits: [{ edit: 'setting', path: 'coaching.enabled', value: false }] },
    ]);
    // A branch of A that departs before A's edit inherits nothing: it is the first parent's run there.
    const early = path.join(dir, 'from-a-at-2');
    const e = await branch(a, early, sc, 2, [broadcast]);
    assert.ok(e.faithful);
    assert.equal(readBranchRecord(early)!.inherited, undefined);
  });

  it('refuses edits that name what is not there, with did-you-mean, before writing anything', async () => {
    const out = path.join(dir, 'refused');
    fs.mkdirSync(out);
    const parent = await readParentRun(path.join(dir, 'parent'));
    const agent = parent.events.find((e) => e.type === 'agent_added')!;
    const id = (agent as { agent: { id: string } }).agent.id;
    assert.throws(
      () =>
        openBranch({
          parent,
          scenario: sc,
          round: 3,
          out,
          edits: [
            { edit: 'tie', from: id.slice(0, -1), to: id, strength: 0.5 },
            { edit: 'forget', agent: id, memory: 999 },
            { edit: 'setting', path: 'coaching.enbled', value: false },
          ],
        }),
      (err: unknown) =>
        err instanceof BranchError &&
        err.message.includes(`did you mean '${id}'`) &&
        err.message.includes('no memory #999') &&
        err.message.includes('coaching.enbled'),
    );
    assert.throws(() => openBranch({ parent, scenario: sc, round: 9, out, edits: [] }), /from 1 to 8/);
    assert.deepEqual(fs.readdirSync(out), []);
  });
});

describe('branching an LLM run from its cached answers', function () {
  let server: FakeOpenAI;
  let dir: string;
  before(async () => {
    server = await startFakeOpenAI();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-fork-llm-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reproduces the parent without a call, and with an edit asks only what comes after it', async () => {
    const names = ['maya', 'ali', 'tom', 'zoe'];
    const sc = scenario(
      {},
      {
        personas: names.map((n) => persona(n)),
        world: { ...scenario({}).world, rounds: 4 },
        models: { default: modelConfig('default', { base_url: server.url, api_key_env: 'FAKE_KEY', concurrency: 2 }) },
      },
    );
    const parentDir = path.join(dir, 'parent');
    const secrets = () => 'sk-test';
    const allowKeys = allowKeysOf(sc);
    await parentRun(parentDir, sc, 4, { secrets, allowKeys, cacheDir: path.join(parentDir, 'cache') });
    const parentCalls = server.count;
    assert.ok(parentCalls > 20);

    server.reset();
    const same = await branch(parentDir, path.join(dir, 'same'), sc, 3, [], {
      cacheDir: path.join(dir, 'same', 'cache'),
      replay: true,
    });
    assert.equal(server.count, 0, 'answered from the parent cache alone');
    assert.equal(same.divergence, undefined);

    server.reset();
    const out = path.join(dir, 'edited');
    const edited = await branch(parentDir, out, sc, 3, [{ edit: 'tie', from: 'maya', to: 'zoe', strength: 0.9 }], {
      secrets,
      allowKeys,
      cacheDir: path.join(out, 'cache'),
    });
    assert.ok(edited.faithful);
    assert.equal(edited.divergence!.round, 3);
    assert.ok(server.count > 0 && server.count < parentCalls, `asked ${server.count} of the parent's ${parentCalls}`);
    const parent = lines(path.join(parentDir, 'trace.jsonl'));
    const start = parent.findIndex((l) => l.startsWith('{"type":"round_start","round":3,'));
    assert.deepEqual(lines(path.join(out, 'trace.jsonl')).slice(0, start + 1), parent.slice(0, start + 1));
    // New answers went to the branch's own cache; the parent's was only read.
    assert.ok(fs.readdirSync(path.join(out, 'cache')).length > 0);
  });
});
