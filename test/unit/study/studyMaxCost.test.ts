// `society study --max-cost` meters every call of every model's runs (issue 87: 2, "the meter's
// test runs experiment, validate and the study"): against an endpoint that reports 20k tokens a
// call, the study stops with what was spent at most the limit plus the one call in flight, says so
// and exits 4; its write-up covers the runs that finished.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { studyCommand } from '../../../src/cli/commands/study';
import { reply, useFakeOpenAI } from '../../support/fakeOpenAI';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');

/** The shipped public goods world with talk, one group of four, without talk's turns to spare calls. */
const world = fs
  .readFileSync(path.join(repo, 'examples/public-goods-talk/public-goods-talk.society'), 'utf8')
  .replace('count: 16', 'count: 4')
  .replace('conversation: { turns: 4 }', 'conversation: { turns: 1 }')
  .replace(/ {4}- name: (silent|talk), groups of 8\n {6}set: .*\n/g, '');

const study = (url: string): string => `kind: study
name: Talk, paid
question: Does talk raise giving on a paid model?
scenario: world.society
rounds: 1
conditions: ["silent, groups of 4", "talk, groups of 4"]
hypotheses:
  - { id: talk, metric: agents.given.mean, higher: "talk, groups of 4", than: "silent, groups of 4", smallest_effect: 1 }
models:
  paid: { provider: openai, model: fake-model, base_url: "${url}", retries: 0, price: { input: 10, output: 30 } }
seeds: { fixed: [1, 2] }
`;

describe('society study --max-cost', function () {
  const fake = useFakeOpenAI();

  it('meters every call: spent ≤ the limit plus one call, stopped and said (exit 4)', async () => {
    const dir = scratchDir('study-maxcost-');
    fs.writeFileSync(path.join(dir, 'world.society'), world);
    const file = path.join(dir, 'study.society');
    fs.writeFileSync(file, study(fake.server.url));
    const perCall = (20_000 * 10 + 10 * 30) / 1e6; // $0.2003 at $10 / $30 per million
    fake.server.script = () => reply.usage({ prompt_tokens: 20_000, completion_tokens: 10, total_tokens: 20_010 });
    const r = await quietly(() =>
      studyCommand.run([file, '--out', path.join(dir, 'out'), '--jobs', '1', '--max-cost', '1', '-q']),
    );
    assert.equal(r.result, 4, r.errors);
    assert.match(r.errors, /stopped: its model calls cost \$\d+\.\d\d .* reaching the cost limit of \$1\.00/);
    const spent = fake.server.chatRequests().length * perCall;
    assert.ok(fake.server.chatRequests().length > 0, 'the model was asked');
    assert.ok(spent <= 1 + perCall + 1e-9, `the endpoint billed $${spent.toFixed(4)} for a $1.00 limit`);
  });
});
