// The editor's run plumbing that needs no VS Code: run folders, the Run CodeLens lines, the model
// override, following a growing trace file, and the status/log wording.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDirectory, scenarioSlug, timestamp } from '../../../src/extension/run/runFolder';
import { scenarioLines } from '../../../src/extension/run/scenarioLines';
import { applyModelChoice, keyNames, OVERRIDE_MODEL } from '../../../src/extension/run/modelChoice';
import { TraceTail } from '../../../src/extension/run/traceTail';
import { RunProgress } from '../../../src/extension/run/runProgress';
import { ModelsUsed } from '../../../src/core/trace/modelsUsed';
import { makeScenario } from '../engine/scenarioFixture';
import { scenarioRun, syntheticTrace } from '../../webview/fixtures';
import { EndState } from '../../../src/core/run/endState';
import { quantityText } from '../../../src/core/text/quantityText';
import type { RoundEndEvent } from '../../../src/core/trace/events';

const roundEnd: RoundEndEvent = {
  type: 'round_end',
  round: 3,
  stats: {
    agents: 5,
    encounters: 0,
    messages: 0,
    ties: 0,
    mean_reward: 0,
    usage: { calls: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 },
  },
};

describe('running from the editor', () => {
  it('names run folders by scenario and time, never reusing one', () => {
    const at = new Date(2025, 0, 2, 3, 4, 5);
    assert.equal(timestamp(at), '20250102-030405');
    assert.equal(scenarioSlug("Freshers' Forum — 2025!"), 'freshers-forum-2025');
    assert.equal(scenarioSlug('***'), 'run');
    assert.equal(scenarioSlug('Inês et Zoë: café'), 'ines-et-zoe-cafe', 'accents fold to their letters');
    assert.equal(
      scenarioSlug('a'.repeat(47) + ' b'),
      'a'.repeat(47),
      'cut at 48 characters, no hyphen left at the end',
    );
    const taken = new Set([path.resolve('/ws/runs/x-20250102-030405')]);
    assert.equal(
      runDirectory('/ws', 'runs', 'X', at, (d) => taken.has(d)),
      path.resolve('/ws/runs/x-20250102-030405-2'),
    );
    assert.equal(
      runDirectory('/ws', '/abs/runs', 'X', at, () => false),
      path.resolve('/abs/runs/x-20250102-030405'),
    );
  });

  it('finds the lines that start scenario documents', () => {
    const text =
      'kind: persona\nid: a\n---\nkind: scenario\nname: x\n---\n  kind: scenario\nkind: "scenario"  # quoted\nkind: scenarios\n';
    assert.deepEqual(scenarioLines(text), [3, 7]);
    assert.deepEqual(scenarioLines('kind: scenario\r\nname: y\r\n'), [0]);
  });

  it('forces the chosen model on every agent through one added model config', () => {
    const scenario = makeScenario(2);
    assert.equal(applyModelChoice(scenario, { kind: 'scenario' }).scenario, scenario);
    const offline = applyModelChoice(scenario, { kind: 'offline' });
    assert.equal(offline.model, OVERRIDE_MODEL);
    assert.equal(offline.scenario.models[OVERRIDE_MODEL].provider, 'offline');
    assert.equal(scenario.models[OVERRIDE_MODEL], undefined, 'the loaded scenario is not changed');
    const lm = applyModelChoice(scenario, { kind: 'vscode', model: 'copilot-gpt-4o' });
    assert.deepEqual(
      [lm.scenario.models[OVERRIDE_MODEL].provider, lm.scenario.models[OVERRIDE_MODEL].model],
      ['vscode', 'copilot-gpt-4o'],
    );
    // A GGUF file from "Run with model…": provider local, one call at a time, the file by its path.
    const gguf = applyModelChoice(scenario, { kind: 'local', file: '/models/SmolLM2.gguf' });
    const cfg = gguf.scenario.models[OVERRIDE_MODEL];
    assert.deepEqual([cfg.provider, cfg.model, cfg.concurrency], ['local', '/models/SmolLM2.gguf', 1]);
    const withKey = makeScenario(1);
    withKey.models.gpt = { ...withKey.models.default, name: 'gpt', provider: 'openai', api_key_env: 'OPENAI_API_KEY' };
    assert.deepEqual(keyNames(withKey), ['OPENAI_API_KEY']);
  });

  it('names the model the agents used, not every config the header lists (issue 88)', async () => {
    // "Run with Model…" with a GGUF file: the scenario's offline default stays in the header beside it.
    const chosen = applyModelChoice(makeScenario(3), { kind: 'local', file: '/models/SmolLM2.gguf' });
    const header = {
      ...syntheticTrace({ agents: 3, ties: 0, rounds: 1 }).header,
      models: chosen.scenario.models as never,
    };
    const progress = new RunProgress(header, undefined, undefined, () => 0);
    assert.equal(progress.model, 'offline rule-based model, local SmolLM2.gguf', 'before any agent: every config');
    for (const id of ['a', 'b', 'c']) {
      progress.add({
        type: 'agent_added',
        round: 0,
        agent: { id, name: id } as never,
        model: OVERRIDE_MODEL,
        reason: 'initial',
      });
    }
    assert.equal(progress.model, 'local SmolLM2.gguf');
    assert.match(progress.statusText(), / · local SmolLM2\.gguf$/);
    const used = new ModelsUsed(header);
    used.add({
      type: 'agent_added',
      round: 0,
      agent: { id: 'a', name: 'a' } as never,
      model: OVERRIDE_MODEL,
      reason: 'initial',
    });
    assert.deepEqual(
      used.configs().map((m) => m.provider),
      ['local'],
    );
  });

  it('gives tokens per second over the rounds ended, once a second of them has passed', () => {
    const t = syntheticTrace({ agents: 2, ties: 0, rounds: 2 });
    let ms = 5_000;
    const progress = new RunProgress(t.header, 'local SmolLM2.gguf', undefined, () => ms);
    const round = (n: number, tokens: number): void => {
      progress.add({
        type: 'round_end',
        round: n,
        stats: {
          agents: 2,
          encounters: 0,
          messages: 0,
          ties: 0,
          mean_reward: 0,
          usage: { calls: 2, input_tokens: tokens - 50, output_tokens: 50, cost_usd: 0 },
        },
      });
    };
    ms += 500;
    round(1, 600);
    assert.equal(progress.tokensPerSecond, undefined, 'half a second is no rate');
    ms += 3_500;
    round(2, 1400);
    assert.equal(progress.tokensPerSecond, 500);
    ms += 60_000; // time between rounds does not lower it
    assert.equal(
      progress.statusText(),
      'round 2/2 · 2 agents · local SmolLM2.gguf · 2.0k tokens (500 tok/s) · $0.0000',
    );
  });

  it('follows a trace file as it grows, whole lines only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-tail-'));
    const file = path.join(dir, 'trace.jsonl');
    try {
      const tail = new TraceTail(file);
      assert.deepEqual(tail.read(), { lines: [], reset: false });
      fs.writeFileSync(file, '{"a":1}\n{"b":"é');
      assert.deepEqual(tail.read().lines, ['{"a":1}']);
      fs.appendFileSync(file, 'ü"}\n\n{"c":3}\n');
      assert.deepEqual(tail.read().lines, ['{"b":"éü"}', '{"c":3}']);
      assert.deepEqual(tail.read().lines, []);
      fs.writeFileSync(file, '{"d":4}\n');
      assert.deepEqual(tail.read(), { lines: ['{"d":4}'], reset: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a large trace in pieces of whole lines, finishing a line longer than a piece', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-tail-'));
    const file = path.join(dir, 'trace.jsonl');
    try {
      const lines = Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({ i, text: 'x'.repeat(i % 7 === 0 ? 300 : 20) }),
      );
      fs.writeFileSync(file, lines.join('\n') + '\n');
      const tail = new TraceTail(file);
      const got: string[] = [];
      let pieces = 0;
      for (let more = true; more; pieces++) {
        const piece = tail.read(128);
        got.push(...piece.lines);
        more = !!piece.more;
        assert.ok(piece.lines.length > 0, 'every piece holds at least one whole line');
      }
      assert.deepEqual(got, lines);
      assert.ok(pieces > 20, `read in ${pieces} pieces`);
      assert.equal(tail.position, fs.statSync(file).size);
      assert.deepEqual(tail.read(128), { lines: [], reset: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drains every whole line until told to stop, starting over on a rewritten file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-tail-'));
    const file = path.join(dir, 'trace.jsonl');
    try {
      fs.writeFileSync(file, ['{"a":1}', '{"b":2}', '{"c":3}', '{"d":4}'].join('\n') + '\n');
      const tail = new TraceTail(file);
      const got: string[] = [];
      let resets = 0;
      assert.equal(
        tail.drain(
          (l) => got.push(l),
          () => got.length >= 2,
          () => resets++,
        ),
        4,
        'the piece read is counted whole',
      );
      assert.deepEqual(got, ['{"a":1}', '{"b":2}'], 'no line after done()');
      fs.writeFileSync(file, '{"e":5}\n');
      assert.equal(
        tail.drain(
          (l) => got.push(l),
          () => false,
          () => resets++,
        ),
        1,
      );
      assert.deepEqual([got, resets], [['{"a":1}', '{"b":2}', '{"e":5}'], 1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports round, agents, ties, model, tokens and cost', () => {
    const t = syntheticTrace({ agents: 5, ties: 4, rounds: 2 });
    // A clock that does not move: no token rate (it needs a second of rounds).
    const progress = new RunProgress(t.header, undefined, undefined, () => 0);
    const lines = t.events.map((e) => progress.add(e)).filter(Boolean);
    assert.equal(progress.statusText(), 'round 2/2 · 5 agents · 4 ties · offline rule-based model');
    assert.equal(lines.length, 4, 'three round ends and the run end');
    assert.match(lines[1]!.text, /^round 1\/2: 5 agents, 0 encounters, 0 messages, \d+ ties/);
    progress.add({
      type: 'round_end',
      round: 3,
      stats: {
        agents: 5,
        encounters: 1,
        messages: 2,
        ties: 4,
        mean_reward: 0.5,
        usage: { calls: 3, input_tokens: 1500, output_tokens: 200, cost_usd: 0.0123 },
      },
    });
    assert.equal(
      progress.statusText(),
      'round 3/2 · 5 agents · 4 ties · offline rule-based model · 1.7k tokens · $0.0123',
    );
    assert.equal(
      progress.add({
        type: 'error',
        round: 3,
        agent: 'a',
        phase: 'act',
        message: 'timeout',
        handling: 'offline',
        reason: 'timeout',
      })?.level,
      'warn',
    );
    assert.equal(progress.faults.fallback, 1, 'the end-of-run message hears of it');
    assert.match(
      progress.faults.describe()!,
      /^1 model call failed \(timeout 1\): 1 answered by the offline rule-based model; first: timeout\./,
    );
  });

  it('ends a run of a society with state with its state, and leaves ties unsaid where none form by design', async () => {
    const trace = await scenarioRun(path.join(__dirname, '../../fixtures/state-society/public-goods.society'), {
      rounds: 3,
    });
    const progress = new RunProgress(trace.header, undefined, trace.design);
    for (const e of trace.events) progress.add(e);
    const last = trace.events.filter((e) => e.type === 'state').at(-1)!;
    const text = progress.endText('Village fund', trace.state);
    assert.ok(text.startsWith('Village fund: 3 rounds. World: '), text);
    assert.doesNotMatch(text, /\bties?\b/);
    assert.ok(
      text.includes(`World: pot ${last.world.pot}, shared ${quantityText(last.world.shared)}, multiplier 1.6, fines `),
      text,
    );
    assert.match(text, /Mean per agent: savings [\d.]+, given [\d.]+\.$/);
    assert.doesNotMatch(progress.statusText(), /ties/);
    // A module's ties are said once some formed; the friend-making loop with none says so at the
    // end and leaves them out of the status bar, as the society view does (issue 59).
    const modular = new RunProgress(trace.header, undefined, { ties: ['module'] });
    modular.add({ ...roundEnd, stats: { ...roundEnd.stats, ties: 2 } });
    assert.equal(modular.endText('M'), 'M: 3 rounds, 2 ties.');
    const friends = new RunProgress(trace.header, undefined, { ties: ['evaluate'] });
    friends.add(roundEnd);
    assert.equal(friends.endText('Friends'), 'Friends: 3 rounds, no ties formed.');
    assert.doesNotMatch(friends.statusText(), /ties/);
  });

  it('names five quantities of each kind in the end-of-run message and counts the rest', () => {
    const state = new EndState();
    const world = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`w${i}`, i + 0.5]));
    state.add({ type: 'state', round: 0, world, agents: { a: { x: 1, n: 3 }, b: { x: 2 } } });
    state.add({ type: 'state', round: 1, world: { ...world, w0: 10 }, agents: { b: { x: 4 } } });
    state.add({ type: 'agent_removed', round: 1, agent: 'a' });
    assert.equal(
      state.describe({ world: [{ name: 'w6' }], agents: [{ name: 'x', integer: true }] }),
      'World: w6 6.5, w0 10, w1 1.5, w2 2.5, w3 3.5, and 2 more. Mean per agent: x 4.',
    );
    assert.equal(new EndState().describe(), '', 'no declared state: nothing to say');
  });

  it("gives integer quantities' means as the means they are, world values whole", () => {
    const state = new EndState();
    state.add({
      type: 'state',
      round: 0,
      world: { pot: 3 },
      agents: { a: { knows: 1 }, b: { knows: 0 }, c: { knows: 1 } },
    });
    assert.equal(
      state.describe({ world: [{ name: 'pot', integer: true }], agents: [{ name: 'knows', integer: true }] }),
      'World: pot 3. Mean per agent: knows 0.667.',
    );
  });
});
