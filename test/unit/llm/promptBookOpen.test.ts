// Issues 86 and 88: every runner keeps its prompt book through one opening (promptBookOpen.ts) —
// `society run`, each run of an experiment (prompts/<run>.jsonl beside traces/), the editor — and
// a view or the debugger finds a decision's model calls by the key the trace event implies
// (decisionKey.ts, promptLookup.ts). An offline run keeps no book; --no-prompts none either.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../../src/cli/commands/run';
import { loadScenarioFile } from '../../../src/core/format';
import { openPromptBook, callsModels } from '../../../src/core/llm/promptBookOpen';
import { PromptLookup, readPromptBook } from '../../../src/core/llm/promptLookup';
import { PromptBook } from '../../../src/core/llm/promptBook';
import type { PromptCall } from '../../../src/core/llm/promptRecord';
import { decisionKeyOf } from '../../../src/core/trace/decisionKey';
import { runExperiment } from '../../../src/core/experiment/runExperiment';
import type { TraceEvent } from '../../../src/core/trace/events';
import { openRunDatabase } from '../../../src/core/query/database';
import { reply, useFakeOpenAI, type FakeRequest } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';
import { PromptSource } from '../../../src/extension/views/promptSource';
import { experimentCommand } from '../../../src/cli/commands/experiment';
import type { TraceFeed } from '../../../src/extension/views/traceFeed';

function scenario(dir: string, models: string, experiment = ''): string {
  const file = path.join(dir, 'book.society');
  fs.writeFileSync(
    file,
    [
      'kind: scenario',
      'name: Book',
      'seed: 3',
      'personas:',
      '  - { id: maya, name: Maya Chen, interests: [bouldering] }',
      '  - { id: tom, name: Tom Nguyen, interests: [jazz] }',
      'world: { rounds: 2, encounters: { mode: random, per_round: 1 }, conversation: { turns: 2 } }',
      models,
      experiment,
    ].join('\n') + '\n',
  );
  return file;
}

const fakeModels = (url: string): string =>
  `models: { default: { provider: openai, model: fake-model, base_url: "${url}", api_key_env: SOCIETY_TEST_FAKE_KEY, on_error: skip } }`;

const events = (file: string): TraceEvent[] =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as TraceEvent);

async function loaded(file: string) {
  const l = await loadScenarioFile(file, { root: path.dirname(file) });
  assert.ok(l.scenario, JSON.stringify(l.diagnostics));
  return l.scenario;
}

describe('the prompt book: one opening for every runner, found by decision', function () {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bookopen-'));
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.SOCIETY_TEST_FAKE_KEY;
    delete process.env.SOCIETY_ALLOW_KEYS;
  });

  it('opens a book for a run that calls a model, none offline or when asked for none', async () => {
    const llm = await loaded(scenario(dir, fakeModels(fake.server.url)));
    const offline = await loaded(scenario(dir, 'models: { default: { provider: offline } }'));
    assert.equal(callsModels(llm), true);
    assert.equal(callsModels(offline), false);
    const file = path.join(dir, 'prompts.jsonl');
    assert.equal(openPromptBook(file, offline, { keep: true }), undefined);
    assert.equal(openPromptBook(file, llm, { keep: false }), undefined);
    assert.equal(fs.existsSync(file), false);
    const book = openPromptBook(file, llm, { keep: true });
    assert.ok(book);
    book.close();
    assert.ok(fs.existsSync(file));
    // Forced offline (--model offline), the LLM scenario makes no call: no book.
    const withOffline = await loaded(
      scenario(
        dir,
        `models: { default: { provider: openai, model: m, base_url: "${fake.server.url}", api_key_env: X }, rules: { provider: offline } }`,
      ),
    );
    assert.equal(callsModels(withOffline, 'rules'), false);
  });

  it("a run's every decision by a model finds its calls by the trace event's key: messages, answer, parse", async () => {
    let first = true;
    fake.server.script = (req: FakeRequest) => {
      if (req.body?.response_format?.json_schema?.name === 'speak' && first) {
        first = false;
        return reply.content('well hello');
      }
      return undefined;
    };
    const out = path.join(dir, 'run');
    const run = await quietly(() => runCommand.run([scenario(dir, fakeModels(fake.server.url)), '--out', out]));
    assert.equal(run.result, 0, run.errors);
    const book = readPromptBook(out);
    assert.ok(book && !book.empty);
    const decided = events(path.join(out, 'trace.jsonl')).filter(
      (e) => e.type === 'message' || e.type === 'evaluation',
    );
    assert.ok(decided.length >= 4);
    for (const e of decided) {
      const calls = book.forDecision(decisionKeyOf(e)!);
      assert.ok(calls.length >= 1, `no call for ${decisionKeyOf(e)}`);
      assert.equal(calls[0].messages[0].role, 'system');
      assert.match(calls[0].messages[0].text, /Maya|Tom/);
      assert.equal(calls.at(-1)!.parse, 'ok');
      assert.ok(calls.at(-1)!.answer!.length > 0);
    }
    const reasked = decided.filter((e) => book.forDecision(decisionKeyOf(e)!).length === 2);
    assert.equal(reasked.length, 1, 'the re-asked speak decision has both calls');
    const [firstCall, again] = book.forDecision(decisionKeyOf(reasked[0])!);
    assert.equal(firstCall.answer, 'well hello');
    assert.notEqual(firstCall.parse, 'ok');
    assert.equal(again.call, 2);
  });

  it('a book that leads out of its run folder is refused, a missing one is none', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'society-bookout-'));
    try {
      fs.writeFileSync(path.join(outside, 'prompts.jsonl'), '{"type":"end","calls":0,"left_out":0}\n');
      const run = path.join(dir, 'run');
      fs.mkdirSync(run);
      assert.equal(readPromptBook(run), undefined);
      fs.symlinkSync(path.join(outside, 'prompts.jsonl'), path.join(run, 'prompts.jsonl'));
      assert.throws(() => readPromptBook(run), /outside/);
      // The view is told why, not shown someone else's prompts.
      const feed = {
        source: { kind: 'file', label: 't', path: path.join(run, 'trace.jsonl') },
      } as unknown as TraceFeed;
      const answer = new PromptSource().callsFor(feed, 'speak:1:x:0');
      assert.deepEqual(answer.calls, []);
      assert.match(answer.problem!, /outside/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('each run of an experiment keeps its book in prompts/ (sql owns it by the run); --no-prompts and offline keep none', async () => {
    const file = scenario(
      dir,
      fakeModels(fake.server.url),
      'experiment: { seeds: [1, 2], conditions: [{ name: base, set: {} }] }',
    );
    const scen = await loaded(file);
    const out = path.join(dir, 'exp');
    // On two worker threads: each worker's run opens its own book.
    await runExperiment(scen, { outDir: out, rounds: 1, jobs: 2 });
    const books = fs.readdirSync(path.join(out, 'prompts')).sort();
    assert.deepEqual(books, fs.readdirSync(path.join(out, 'traces')).sort());
    const source = new PromptSource();
    for (const b of books) {
      const lookup = readPromptBook(path.join(out, 'prompts'), b)!;
      const trace = path.join(out, 'traces', b);
      const msg = events(trace).find((e) => e.type === 'message')!;
      const calls = lookup.forDecision(decisionKeyOf(msg)!);
      assert.ok(calls.length >= 1);
      // What the society view is answered for this experiment run's trace opened on its own.
      const feed = { source: { kind: 'file', label: b, path: trace } } as unknown as TraceFeed;
      assert.deepEqual(source.callsFor(feed, decisionKeyOf(msg)!), { calls });
    }
    const db = await openRunDatabase(out);
    try {
      const res = await db.query('SELECT DISTINCT run FROM prompts ORDER BY run');
      const rows: unknown[][] = [];
      for await (const batch of res.batches) rows.push(...(batch as unknown[][]));
      assert.deepEqual(
        rows.map((r) => r[0]),
        books.map((b) => b.replace(/\.jsonl$/, '')),
      );
    } finally {
      db.close();
    }

    const none = path.join(dir, 'none');
    await runExperiment(scen, { outDir: none, rounds: 1, prompts: false });
    assert.equal(fs.existsSync(path.join(none, 'prompts')), false);
    const offline = await loaded(
      scenario(
        dir,
        'models: { default: { provider: offline } }',
        'experiment: { seeds: [1], conditions: [{ name: base, set: {} }] }',
      ),
    );
    const off = path.join(dir, 'off');
    await runExperiment(offline, { outDir: off, rounds: 1 });
    assert.equal(fs.existsSync(path.join(off, 'prompts')), false);
  });

  it('heard live, keeps each text once and stops at its bound; the view then reads the book on disk', () => {
    const system = 'You are Maya. '.repeat(100); // 1,400 characters, sent with every call
    const call = (i: number): PromptCall => ({
      key: `speak:1:c${i}:0`,
      round: 1,
      kind: 'speak',
      agent: 'maya',
      model: 'default',
      call: 1,
      messages: [
        { role: 'system', content: system.slice(0) },
        { role: 'user', content: `turn ${i}` },
      ],
      schema: {},
      max_tokens: 10,
      answer: `{"text":"${i}"}`,
      parse: 'ok',
    });
    const live = new PromptLookup(2000);
    const file = path.join(dir, 'prompts.jsonl');
    const book = new PromptBook(file);
    for (let i = 0; i < 40; i++) {
      live.addCall(call(i));
      book.listener(call(i));
    }
    book.close();
    // The system prompt counted once: 40 calls of ~1,430 characters each fit under 2,000 until
    // the per-call texts (user, answer: ~20 characters) add up past it.
    assert.equal(live.full, true);
    assert.ok(live.forDecision('speak:1:c0:0').length === 1);
    const kept = Array.from({ length: 40 }, (_, i) => live.forDecision(`speak:1:c${i}:0`).length).filter(
      Boolean,
    ).length;
    assert.ok(kept > 10 && kept < 40, `kept ${kept}`);
    assert.equal(live.leftOut, 40 - kept);
    const feed = {
      source: { kind: 'run', label: 'r', path: path.join(dir, 'trace.jsonl') },
      prompts: live,
    } as unknown as TraceFeed;
    const last = new PromptSource().callsFor(feed, 'speak:1:c39:0');
    assert.equal(last.calls.length, 1, 'a call left out live is read from the book');
    assert.equal(last.calls[0].messages[0].text, system);
  });

  it("experiment merge brings each shard's books beside the traces it brings", async () => {
    const file = scenario(
      dir,
      fakeModels(fake.server.url),
      'experiment: { seeds: [1, 2], conditions: [{ name: base, set: {} }] }',
    );
    const parts = [1, 2].map((i) => path.join(dir, `shard-${i}`));
    for (const [i, out] of parts.entries()) {
      const r = await quietly(() =>
        experimentCommand.run([file, '--rounds', '1', '--shard', `${i + 1}/2`, '--out', out, '-q']),
      );
      assert.equal(r.result, 0, r.errors);
      assert.equal(fs.readdirSync(path.join(out, 'prompts')).length, 1);
    }
    const merged = path.join(dir, 'merged');
    const m = await quietly(() => experimentCommand.run(['merge', ...parts, '--out', merged, '-q']));
    assert.equal(m.result, 0, m.errors);
    const books = fs.readdirSync(path.join(merged, 'prompts')).sort();
    assert.deepEqual(books, fs.readdirSync(path.join(merged, 'traces')).sort());
    for (const b of books) {
      const from = parts.map((p) => path.join(p, 'prompts', b)).find((f) => fs.existsSync(f))!;
      assert.equal(fs.readFileSync(path.join(merged, 'prompts', b), 'utf8'), fs.readFileSync(from, 'utf8'));
    }
  });
});
