// Issue 41, defect 4: against an endpoint that answers exactly to the JSON schema it is sent (a
// random instance of it each time: test/support/schemaInstance.ts), no action decision is lost or
// re-asked. The schema used to give `action` as an enum and `args` as an independent union of
// every action's argument shapes, so {"action": "plant", "args": {}} followed it and was refused:
// with that schema 97 of these 180 decisions were re-asked and 52 lost. Also: a failed decision in
// a declared action phase is tagged with that phase, not `world`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaAnswers, startFakeOpenAI, type FakeOpenAI } from '../../support/fakeOpenAI';
import { ModelRegistry } from '../../../src/core/llm/registry';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import type { ActionEvent, ErrorEvent, TraceEvent } from '../../../src/core/trace/events';
import { readTrace } from '../../../src/core/trace/reader';
import { traceOf } from './traceHelpers';
import { scratchDir } from '../../support/scratch';
import { allowKeysOf } from '../../support/llmFixtures';

const AGENTS = 12,
  ROUNDS = 15;

/** Actions of every argument shape: an agent and a bounded number, an agent, a whole number, none. */
const SCENARIO = (url: string, onError: string) => `kind: scenario
name: market
seed: 5
personas:
${Array.from({ length: AGENTS }, (_, i) => `  - { id: p${i}, name: Person${i} }`).join('\n')}
world: { rounds: ${ROUNDS} }
coaching: { enabled: false }
models:
  default: { provider: openai, base_url: "${url}", model: fake, api_key_env: FAKE_KEY, retries: 0, concurrency: 12, on_error: ${onError} }
state:
  agents:
    wealth: { initial: 10, min: 0 }
    field: { initial: 0, min: 0 }
actions:
  give:
    description: Give some wealth to another.
    args:
      recipient: { type: agent }
      amount: { type: number, min: 0.5, max: 2 }
    effects:
      me.wealth: "me.wealth - args.amount"
      recipient.wealth: "recipient.wealth + 2.0 * args.amount"
  punish:
    description: Take three from another, at a cost of one.
    args: { target: { type: agent } }
    effects:
      me.wealth: "me.wealth - 1.0"
      target.wealth: "target.wealth - 3.0"
  plant:
    description: Plant seeds.
    args: { seeds: { type: number, integer: true, min: 1, max: 5 } }
    effects:
      me.field: "me.field + args.seeds"
  rest:
    description: Do nothing.
round:
  - { phase: trade }
`;

async function load(server: FakeOpenAI, onError = 'skip'): Promise<Scenario> {
  const file = path.join(scratchDir('society-act-schema-'), 's.society');
  fs.writeFileSync(file, SCENARIO(server.url, onError));
  const { scenario, diagnostics } = await loadScenarioFile(file, { root: path.dirname(file) });
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

async function run(scenario: Scenario): Promise<TraceEvent[]> {
  const registry = new ModelRegistry(scenario, { secrets: () => 'sk-test', allowKeys: allowKeysOf(scenario) });
  return readTrace(await traceOf(scenario, { modelFactory: registry.factory, calls: registry.calls })).events;
}

describe('action decisions against an endpoint that answers exactly to the schema (issue 41: 4)', function () {
  let server: FakeOpenAI;
  before(async () => {
    server = await startFakeOpenAI();
  });
  after(() => server.close());
  afterEach(() => server.reset());

  for (const onError of ['skip', 'offline']) {
    it(`loses no decision and re-asks none (${AGENTS * ROUNDS} decisions, on_error: ${onError})`, async () => {
      const answers = schemaAnswers(41);
      server.script = answers.script;
      const events = await run(await load(server, onError));

      const errors = events.filter((e): e is ErrorEvent => e.type === 'error');
      const actions = events.filter((e): e is ActionEvent => e.type === 'action');
      const lost = errors.filter((e) => e.handling !== 'recovered');
      const reasked = errors.filter((e) => e.reason === 'unparseable');
      assert.deepEqual(
        { lost: lost.length, reasked: reasked.length, errors: errors.length },
        { lost: 0, reasked: 0, errors: 0 },
        `first: ${errors[0]?.message}`,
      );
      assert.equal(actions.length, AGENTS * ROUNDS, 'every agent acted every round');
      assert.equal(answers.answered, AGENTS * ROUNDS, 'one answer per decision: no re-ask');
      // The answers were the schema's own, not one alternative: every action, every shape, with
      // arguments at their bounds too.
      const taken = new Set(actions.map((a) => a.action));
      assert.deepEqual([...taken].sort(), ['give', 'plant', 'punish', 'rest']);
      const amounts = actions.filter((a) => a.action === 'give').map((a) => a.args.amount as number);
      assert.ok(amounts.includes(0.5) && amounts.includes(2), 'give at both bounds');
      for (const a of actions.filter((x) => x.action === 'plant')) assert.ok(Number.isInteger(a.args.seeds));
      for (const a of actions) assert.equal(a.phase, 'trade');
    });
  }

  it('a decision that fails in a declared phase names that phase, not world', async () => {
    server.script = (req) =>
      req.body?.response_format?.json_schema?.name === 'act' ? { content: 'I would rather not say.' } : undefined;
    const scenario = await load(server);
    const events = await run({ ...scenario, world: { ...scenario.world, rounds: 1 } });
    const failed = events.filter((e): e is ErrorEvent => e.type === 'error' && e.kind === 'act');
    assert.equal(failed.length, AGENTS, 'every decision failed (prose, twice)');
    for (const e of failed) {
      assert.equal(e.handling, 'skipped');
      assert.equal(e.phase, 'trade');
    }
  });
});
