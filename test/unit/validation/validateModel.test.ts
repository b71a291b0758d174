// `society validate --model` (issue 57): an LLM plays the library's entries through a real local
// OpenAI-compatible server. The whole validation is estimated first and held to --max-cost; the
// prompts go out, the answers are parsed into the figures, and what was spent is reported.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateCommand } from '../../../src/cli/commands/validate';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { allowKeyTo } from '../../support/llmFixtures';
import { quietly } from '../../support/quietly';

const LIBRARY = path.resolve(__dirname, '../../../validation');
const KEY = 'SOCIETY_TEST_VALIDATE_KEY';

describe('society validate --model: the LLM path', function () {
  let fake: FakeOpenAI;
  let dir: string;
  let models: string;
  before(async () => {
    fake = await startFakeOpenAI();
    process.env[KEY] = 'sk-test';
    process.env.SOCIETY_ALLOW_KEYS = allowKeyTo(fake.url, KEY).join(',');
  });
  after(async () => {
    delete process.env[KEY];
    delete process.env.SOCIETY_ALLOW_KEYS;
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-llm-'));
    models = path.join(dir, 'models.society');
    fs.writeFileSync(
      models,
      [
        'kind: scenario',
        'name: My models',
        'personas:',
        '  - { id: a, name: A }',
        'models:',
        '  default: { provider: offline }',
        `  gpt: { provider: openai, model: fake-model, base_url: "${fake.url}", api_key_env: ${KEY}, retries: 0, price: { input: 1, output: 2 } }`,
        '',
      ].join('\n'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const validate = (...extra: string[]) =>
    quietly(() =>
      validateCommand.run([
        '--library',
        LIBRARY,
        '--only',
        'ultimatum',
        '--seeds',
        '1',
        '--model',
        'gpt',
        '--models',
        models,
        '--out',
        path.join(dir, 'out'),
        ...extra,
      ]),
    );

  it('estimates first, sends the prompts, parses the answers into the figures and reports the cost', async () => {
    const { result, errors } = await validate('--max-cost', '5');
    assert.equal(result, 0, errors);
    assert.match(errors, /^estimate: 1 runs, [\d,]+ model calls, about [\d,]+ tokens, \$\d+\.\d\d$/m);
    const chats = fake.chatRequests();
    assert.ok(chats.length > 0, 'prompts were sent');
    const actSchemas = chats
      .map((r) => JSON.stringify(r.body?.response_format?.json_schema?.schema ?? {}))
      .filter((s) => s.includes('propose'));
    assert.ok(actSchemas.length > 0, "the proposers were asked with the game's actions in the schema");
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'validation.json'), 'utf8'));
    const [entry] = json.entries;
    // The fake answers every number with 1 and every choice with its first option: an offer of
    // 1 of 10, accepted. Those are the LLM's answers, parsed and played, not the offline model's.
    const figure = (id: string) => entry.figures.find((f: { figure: { id: string } }) => f.figure.id === id);
    assert.equal(figure('mean-offer').simulated.mean, 0.1);
    assert.equal(figure('rejection-rate').simulated.mean, 0);
    assert.equal(entry.usage.calls, chats.length, 'every call counted');
    assert.ok(entry.usage.cost_usd > 0, 'priced calls cost something');
    const spent = /^spent: ([\d,]+) model calls, [\d,]+ tokens, \$(\d+\.\d\d)$/m.exec(errors);
    assert.ok(spent, errors);
    assert.equal(Number(spent[1].replace(/,/g, '')), entry.usage.calls);
    assert.equal(json.model, 'gpt');
  });

  it('gives no verdict for figures whose runs got no model answer, says so and exits non-zero', async () => {
    // Every call fails and on_error: offline answers it: runs.csv says no_model_answer, so the
    // figures are the fallback's; a verdict on them would score the offline model as `gpt`.
    fs.writeFileSync(models, fs.readFileSync(models, 'utf8').replace('retries: 0,', 'retries: 0, on_error: offline,'));
    fake.script = () => reply.serverError();
    const { result, out, errors } = await validate();
    assert.equal(result, 3, errors);
    assert.ok(fake.chatRequests().length > 0, 'the endpoint was asked');
    assert.doesNotMatch(out, /inside the band [1-9]/);
    assert.match(out, /^ {2}no answer .*simulated —/m);
    assert.match(
      errors,
      /^error: no verdict for \d+ figures? of ultimatum: no model call succeeded in 1 run \(.* seed 1\)/m,
    );
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'validation.json'), 'utf8'));
    assert.ok(json.entries[0].figures.every((f: { verdict: string }) => f.verdict === 'no answer'));
    assert.equal(json.summary.people.total, 0);
    assert.equal(json.summary.people.unanswered, json.entries[0].figures.length);
    const csv = fs.readFileSync(path.join(dir, 'out', 'validation.csv'), 'utf8');
    assert.doesNotMatch(csv, /,(inside|direction|near|far|unbacked|wrong)\n/);
    // The varied games' claims, decided by the same runs' values, get none either.
    fake.reset();
    fake.script = () => reply.serverError();
    const varied = await validate('--varied', '--overwrite');
    assert.equal(varied.result, 3, varied.errors);
    assert.doesNotMatch(varied.out, /^ {2}[✔✘~] /m);
    assert.match(varied.errors, /^error: no verdict for \d+ claims? of ultimatum: no model call succeeded/m);
  });

  it('meters --max-cost before every call (issue 87: 2): spent ≤ the limit plus one call, no verdict, exit 4', async () => {
    // Every answer reports 20k prompt tokens: $0.02 a call at $1 per million, far above the estimate.
    const perCall = (20_000 * 1 + 10 * 2) / 1e6;
    fake.script = () => reply.usage({ prompt_tokens: 20_000, completion_tokens: 10, total_tokens: 20_010 });
    const { result, errors } = await validate('--max-cost', '0.2', '--seeds', '1-3', '--jobs', '2');
    assert.equal(result, 4, errors);
    assert.match(
      errors,
      /stopped: its model calls cost \$\d+\.\d\d .* reaching the cost limit of \$0\.20; partial: \d of 3 runs/,
    );
    // Two worker threads: the calls of both under way when the limit was reached, at most.
    const spent = fake.chatRequests().length * perCall;
    assert.ok(spent <= 0.2 + 2 * perCall + 1e-9, `the endpoint billed $${spent.toFixed(4)} for a $0.20 limit`);
    assert.equal(
      fs.existsSync(path.join(dir, 'out', 'validation.json')),
      false,
      'no verdict from a cut-short validation',
    );
  });

  it('refuses to start above --max-cost, having called nobody', async () => {
    const { result, errors } = await validate('--max-cost', '0.000001');
    assert.equal(result, 1);
    assert.match(errors, /validation of 1 entry \(1 run\) is estimated to cost .* above your limit of \$0\.00/);
    assert.equal(fake.chatRequests().length, 0);
    assert.equal(fs.existsSync(path.join(dir, 'out', 'validation.json')), false);
  });

  it('names the models there are for an unknown one, and never takes an inherited name', async () => {
    for (const name of ['nope', 'constructor']) {
      const { result, errors } = await quietly(() =>
        validateCommand.run(['--library', LIBRARY, '--model', name, '--models', models, '--out', path.join(dir, 'o')]),
      );
      assert.equal(result, 2);
      assert.match(errors, new RegExp(`unknown model '${name}' \\(.*models\\.society models: default, gpt\\)`));
    }
  });
});
