// `society run --model NAME` is kept by `--resume`: the checkpoint records it, agents added after
// the resume get it, and a different --model is refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { readTrace } from '../../../src/core/trace/reader';
import { quietly } from '../../support/quietly';

const SCENARIO = [
  'kind: scenario',
  'name: Model override',
  'seed: 5',
  'personas:',
  ...['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].map(
    (id) => `  - { id: ${id}, name: ${id[0].toUpperCase()}${id.slice(1)}, interests: [chess, film, jazz] }`,
  ),
  'world: { rounds: 8, encounters: { mode: recommend, per_round: 2 }, conversation: { turns: 4 } }',
  'models:',
  '  default: { provider: offline }',
  '  alt: { provider: offline }',
  'events:',
  '  - { at: 6, add: [{ id: gus, name: Gus, interests: [chess] }, { id: hal, name: Hal, model: default }] }',
  '',
].join('\n');

/** Run with Ctrl-C once the first checkpoint is on disk (as the resume test in runCommand.test.ts). */
async function interrupted(args: string[], out: string): Promise<number> {
  const cp = path.join(out, 'checkpoint.json');
  const poll = setInterval(() => {
    if (fs.existsSync(cp)) {
      clearInterval(poll);
      process.emit('SIGINT');
    }
  }, 1);
  try {
    const { result, errors } = await quietly(() => runCommand.run([...args, '--out', out]));
    assert.equal(result, 130, errors);
  } finally {
    clearInterval(poll);
  }
  const read = readTrace(fs.readFileSync(path.join(out, 'trace.jsonl'), 'utf8'));
  assert.ok(
    read.lastRound >= 1 && read.lastRound < 6,
    `stopped before the agents are added (after round ${read.lastRound})`,
  );
  return read.lastRound;
}

describe('society run --model with --resume', function () {
  let dir: string, file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-model-'));
    file = path.join(dir, 'model.society');
    fs.writeFileSync(file, SCENARIO);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('agents added after the resume get the --model of the run, and the trace is the uninterrupted one', async () => {
    const full = path.join(dir, 'full'),
      cut = path.join(dir, 'cut');
    assert.equal((await quietly(() => runCommand.run([file, '--model', 'alt', '--out', full]))).result, 0);
    const expected = fs.readFileSync(path.join(full, 'trace.jsonl'), 'utf8');
    const added = readTrace(expected).events.filter((e) => e.type === 'agent_added');
    assert.deepEqual(
      added.map((e) => e.type === 'agent_added' && [e.agent.id, e.model, e.round]),
      [
        ['ana', 'alt', 0],
        ['ben', 'alt', 0],
        ['cai', 'alt', 0],
        ['dee', 'alt', 0],
        ['eli', 'alt', 0],
        ['fay', 'alt', 0],
        ['gus', 'alt', 6],
        ['hal', 'alt', 6],
      ],
    );
    await interrupted([file, '--model', 'alt'], cut);
    assert.equal(JSON.parse(fs.readFileSync(path.join(cut, 'checkpoint.json'), 'utf8')).model, 'alt');
    const resumed = await quietly(() => runCommand.run([file, '--out', cut, '--resume']));
    assert.equal(resumed.result, 0, resumed.errors);
    assert.equal(fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'), expected);
  });

  it('refuses a different --model on resume (the same one is fine)', async () => {
    const cut = path.join(dir, 'cut'),
      plain = path.join(dir, 'plain');
    await interrupted([file, '--model', 'alt'], cut);
    const other = await quietly(() => runCommand.run([file, '--out', cut, '--resume', '--model', 'default']));
    assert.equal(other.result, 2);
    assert.match(
      other.errors,
      /--resume continues the run with its own model \(from its checkpoint: --model alt\): leave out --model/,
    );
    assert.equal((await quietly(() => runCommand.run([file, '--out', cut, '--resume', '--model', 'alt']))).result, 0);
    // A run without --model cannot be resumed with one.
    await interrupted([file], plain);
    const forced = await quietly(() => runCommand.run([file, '--out', plain, '--resume', '--model', 'alt']));
    assert.equal(forced.result, 2);
    assert.match(forced.errors, /from its checkpoint: each persona's model, no --model\): leave out --model/);
  });

  it('resumes a checkpoint written before the model was recorded, with --model as given', async () => {
    const full = path.join(dir, 'full'),
      cut = path.join(dir, 'cut');
    assert.equal((await quietly(() => runCommand.run([file, '--model', 'alt', '--out', full]))).result, 0);
    await interrupted([file, '--model', 'alt'], cut);
    const cpFile = path.join(cut, 'checkpoint.json');
    const { model: _model, ...old } = JSON.parse(fs.readFileSync(cpFile, 'utf8'));
    fs.writeFileSync(cpFile, JSON.stringify(old));
    const resumed = await quietly(() => runCommand.run([file, '--out', cut, '--resume', '--model', 'alt']));
    assert.equal(resumed.result, 0, resumed.errors);
    assert.equal(
      fs.readFileSync(path.join(cut, 'trace.jsonl'), 'utf8'),
      fs.readFileSync(path.join(full, 'trace.jsonl'), 'utf8'),
    );
  });
});
