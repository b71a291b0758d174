// Every call kept (issue 86): `society run` writes prompts.jsonl beside the trace as the run goes,
// every chat call's messages, schema, raw answer and parse result, texts stored once by sha256;
// `society sql` reads it (`prompts`, `prompt_texts`); --no-prompts leaves it out; a replay from the
// cache writes the same book; a resumed book keeps only the rounds it does not ask again; the
// cap is held and said.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { runCommand } from '../../../src/cli/commands/run';
import { openRunDatabase } from '../../../src/core/query/database';
import { PromptBook, type PromptLine } from '../../../src/core/llm/promptBook';
import type { PromptCall } from '../../../src/core/llm/promptRecord';
import { reply, useFakeOpenAI, type FakeRequest } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';

function scenario(dir: string, url: string): string {
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
      `models: { default: { provider: openai, model: fake-model, base_url: "${url}", api_key_env: SOCIETY_TEST_FAKE_KEY, on_error: skip } }`,
    ].join('\n') + '\n',
  );
  return file;
}

const lines = (file: string): PromptLine[] =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PromptLine);

/** The book's calls with their texts put back: what was sent, as the endpoint got it. */
function calls(file: string): { round: number; call: number; messages: unknown[]; answer?: string; parse?: string }[] {
  const all = lines(file);
  const texts = new Map(all.flatMap((l) => (l.type === 'text' ? [[l.sha256, l.text] as const] : [])));
  return all.flatMap((l) =>
    l.type === 'call'
      ? [
          {
            round: l.round,
            call: l.call,
            messages: l.messages.map((m) => ({ role: m.role, content: texts.get(m.sha256) })),
            answer: l.answer,
            parse: l.parse,
          },
        ]
      : [],
  );
}

describe('the prompt book: every model call kept', function () {
  const fake = useFakeOpenAI();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-book-'));
    process.env.SOCIETY_TEST_FAKE_KEY = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.server.url, 'SOCIETY_TEST_FAKE_KEY').join(',');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.SOCIETY_TEST_FAKE_KEY;
    delete process.env.SOCIETY_ALLOW_KEYS;
  });

  it('holds every request the endpoint got, its answer and parse result, texts once; sql reads it; a replay writes the same', async () => {
    let first = true;
    // The first speak answer is prose: unusable, so it is re-asked.
    fake.server.script = (req: FakeRequest) => {
      if (req.body?.response_format?.json_schema?.name === 'speak' && first) {
        first = false;
        return reply.content('well hello');
      }
      return undefined;
    };
    const file = scenario(dir, fake.server.url);
    const live = path.join(dir, 'live'),
      cache = path.join(dir, 'cache');
    const run = await quietly(() => runCommand.run([file, '--out', live, '--cache', cache]));
    assert.equal(run.result, 0, run.errors);
    const book = path.join(live, 'prompts.jsonl');
    const got = calls(book);
    const sent = fake.server.chatRequests();
    assert.equal(got.length, sent.length);
    assert.deepEqual(
      got.map((c) => JSON.stringify(c.messages)).sort(),
      sent.map((r) => JSON.stringify(r.body.messages)).sort(),
      "the book's messages are what the endpoint got",
    );
    const reask = got.filter((c) => c.call === 2);
    assert.equal(reask.length, 1);
    assert.equal(reask[0].messages.length, 4);
    assert.deepEqual(reask[0].messages[2], { role: 'assistant', content: 'well hello' });
    assert.match(got.find((c) => c.call === 1 && c.answer === 'well hello')!.parse!, /./);
    assert.ok(got.every((c) => c.call === 1 || c.parse === 'ok'));
    // Each text once, under its own sha256.
    const texts = lines(book).filter((l) => l.type === 'text');
    assert.equal(new Set(texts.map((t) => t.sha256)).size, texts.length);
    for (const t of texts) assert.equal(createHash('sha256').update(t.text).digest('hex'), t.sha256);
    assert.ok(texts.length < got.reduce((n, c) => n + c.messages.length, 0), 'texts shared between calls');
    assert.deepEqual(lines(book).at(-1), { type: 'end', calls: got.length, left_out: 0 });
    assert.match(run.errors, new RegExp(`prompts: .*prompts\\.jsonl \\(${got.length} model calls\\)`));

    const db = await openRunDatabase(live);
    try {
      const res = await db.query(
        'SELECT agent, kind, call, system IS NOT NULL AS has_system, prompt, answer, parse FROM prompts WHERE call = 2',
      );
      const rows = [];
      for await (const batch of res.batches) rows.push(...batch);
      assert.equal(rows.length, 1);
      const [agent, kind, call, hasSystem, prompt, , parse] = rows[0] as unknown[];
      assert.equal(kind, 'speak');
      assert.equal(call, 2);
      assert.equal(hasSystem, true);
      assert.match(String(prompt), /That answer could not be used/);
      assert.equal(parse, 'ok');
      assert.ok(typeof agent === 'string' && agent.length > 0);
    } finally {
      db.close();
    }

    // Replayed from the cache, the book holds the same calls.
    const again = path.join(dir, 'again');
    const replay = await quietly(() => runCommand.run([file, '--out', again, '--cache', cache, '--replay']));
    assert.equal(replay.result, 0, replay.errors);
    assert.deepEqual(
      lines(path.join(again, 'prompts.jsonl'))
        .map((l) => JSON.stringify(l))
        .sort(),
      lines(book)
        .map((l) => JSON.stringify(l))
        .sort(),
    );
  });

  it('--no-prompts leaves it out, and a fresh run takes away the old one', async () => {
    const file = scenario(dir, fake.server.url);
    const out = path.join(dir, 'out');
    assert.equal((await quietly(() => runCommand.run([file, '--out', out]))).result, 0);
    assert.ok(fs.existsSync(path.join(out, 'prompts.jsonl')));
    const again = await quietly(() => runCommand.run([file, '--out', out, '--overwrite', '--no-prompts']));
    assert.equal(again.result, 0, again.errors);
    assert.equal(fs.existsSync(path.join(out, 'prompts.jsonl')), false);
  });
});

describe('the prompt book on its own', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-book-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const call = (round: number, text: string): PromptCall => ({
    key: `speak:${round}:${text}`,
    round,
    kind: 'speak',
    agent: 'maya',
    model: 'default',
    call: 1,
    messages: [
      { role: 'system', content: 'You are Maya.' },
      { role: 'user', content: text },
    ],
    schema: { type: 'object' },
    max_tokens: 100,
    answer: '{}',
    parse: 'ok',
  });

  it('resumed after round 1: the calls of later rounds are dropped (asked again), texts kept once', () => {
    const file = path.join(dir, 'prompts.jsonl');
    const book = new PromptBook(file);
    for (const r of [0, 1, 2, 2]) book.listener(call(r, `round ${r}`));
    book.close();
    const resumed = new PromptBook(file, { resumeAfter: 1 });
    resumed.listener(call(2, 'round 2 again'));
    resumed.close();
    const all = lines(file);
    assert.deepEqual(
      all.flatMap((l) => (l.type === 'call' ? [l.round] : [])),
      [0, 1, 2],
    );
    const shas = all.flatMap((l) => (l.type === 'text' ? [l.sha256] : []));
    assert.equal(new Set(shas).size, shas.length);
    assert.deepEqual(all.at(-1), { type: 'end', calls: 3, left_out: 0 });
  });

  it('holds its cap: the calls past it are counted and said, never half written', () => {
    const file = path.join(dir, 'prompts.jsonl');
    const book = new PromptBook(file, { maxBytes: 1500 });
    for (let i = 0; i < 20; i++) book.listener(call(0, `message ${i} ${'x'.repeat(100)}`));
    book.close();
    const all = lines(file);
    assert.ok(fs.statSync(file).size < 1500 + 200);
    assert.equal(all.filter((l) => l.type === 'full').length, 1);
    const end = all.at(-1) as { calls: number; left_out: number };
    assert.equal(end.calls + end.left_out, 20);
    assert.ok(end.left_out > 0 && end.calls > 0);
    assert.equal(all.filter((l) => l.type === 'call').length, end.calls);
  });

  it('does not write through a link', () => {
    const target = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(target, 'keep me');
    fs.symlinkSync(target, path.join(dir, 'prompts.jsonl'));
    assert.throws(() => new PromptBook(path.join(dir, 'prompts.jsonl')), /ELOOP|symbolic link/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');
  });
});
