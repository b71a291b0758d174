// Cost accounting (price table, ledger per agent/phase/model) and the pre-run estimate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { costUsd, priceOf } from '../../../src/core/llm/usage';
import { estimateRun } from '../../../src/core/llm/estimate';
import { estimateCommand, formatEstimate } from '../../../src/cli/commands/estimate';
import { modelConfig, persona, scenario } from '../../support/llmFixtures';

describe('llm usage and cost', () => {
  it('prices tokens per million, from the model or the price table', () => {
    assert.equal(costUsd({ input_tokens: 1_000_000, output_tokens: 500_000 }, { input: 0.15, output: 0.6 }), 0.45);
    assert.equal(costUsd({ input_tokens: 123, output_tokens: 45 }, undefined), 0);
    const table = { 'gpt-4o-mini': { input: 0.15, output: 0.6 } };
    assert.deepEqual(priceOf(modelConfig('x', { model: 'gpt-4o-mini' }), table), table['gpt-4o-mini']);
    assert.deepEqual(priceOf(modelConfig('x', { model: 'gpt-4o-mini', price: { input: 1, output: 2 } }), table), {
      input: 1,
      output: 2,
    });
    assert.equal(priceOf(modelConfig('x', { model: 'llama3.1' }), table), undefined);
  });
});

describe('llm estimate', () => {
  const s = () =>
    scenario(
      {
        default: modelConfig('default', { model: 'gpt-4o-mini', price: { input: 0.15, output: 0.6 } }),
        local: modelConfig('local', { model: 'llama3.1:8b' }),
      },
      { personas: [persona('maya'), persona('ali'), persona('sam', { model: 'local' })] },
    );

  it("counts calls per kind from the scenario sizes and assigns them to each agent's model", () => {
    const e = estimateRun(s());
    assert.equal(e.agents, 3);
    assert.equal(e.rounds, 5);
    const gpt = e.models.find((m) => m.name === 'default')!;
    const local = e.models.find((m) => m.name === 'local')!;
    // per agent and round: 1 choice, 1 initiated conversation × 4 turns, 2 evaluations; coach every round on default.
    assert.equal(gpt.by_kind.choose_partner!.calls, 2 * 5);
    assert.equal(gpt.by_kind.speak!.calls, 2 * 5 * 4);
    assert.equal(gpt.by_kind.evaluate!.calls, 2 * 5 * 2);
    assert.equal(gpt.by_kind.advise!.calls, 3 * 5);
    assert.equal(local.by_kind.speak!.calls, 5 * 4);
    assert.equal(local.by_kind.advise, undefined);
    assert.equal(local.priced, false);
    assert.equal(local.cost_usd, 0);
    const expected = (gpt.input_tokens * 0.15 + gpt.output_tokens * 0.6) / 1e6;
    assert.ok(Math.abs(gpt.cost_usd - expected) < 1e-6);
    assert.ok(gpt.input_tokens / gpt.calls > 150, 'prompts are rendered, not guessed');
    assert.equal(e.total.calls, gpt.calls + local.calls);
  });

  it('follows the scenario: random encounters make no choices, longer prompts cost more, --model forces one model', () => {
    const base = estimateRun(s());
    const random = estimateRun({
      ...s(),
      world: { ...s().world, encounters: { mode: 'random', per_round: 1, exploration: 0 } },
    });
    assert.equal(random.models[0].by_kind.choose_partner, undefined);
    const verbose = estimateRun({ ...s(), prompts: { system: 'You are {{persona.name}}. '.repeat(1000) } });
    assert.ok(verbose.total.input_tokens > base.total.input_tokens * 2);
    const forced = estimateRun(s(), { model: 'local', rounds: 10 });
    assert.deepEqual(
      forced.models.map((m) => m.name),
      ['local'],
    );
    assert.equal(forced.models[0].by_kind.speak!.calls, 3 * 10 * 4);
  });

  it('says which timed `set` events it does not follow', () => {
    assert.ok(!estimateRun(s()).assumptions.some((a) => a.includes('`set`')));
    const changed = estimateRun({
      ...s(),
      events: [
        { at: 2, set: { 'coaching.enabled': true, 'ties.threshold': 0.4 } },
        { at: 99, set: { 'coaching.every': 2 } },
      ],
    });
    assert.ok(
      changed.assumptions.includes(
        'timed `set` events are not followed: the estimate uses the settings the run starts with (round 2: coaching.enabled, ties.threshold)',
      ),
    );
  });

  it('`society estimate` prints the table for a scenario file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'society-estimate-'));
    const file = path.join(dir, 'x.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Tiny',
        'personas:',
        '  - { id: a, name: A }',
        '  - { id: b, name: B }',
        '  - { id: c, name: C }',
        'world: { setting: A room., rounds: 3 }',
        'models:',
        '  default: { provider: openai, model: gpt-4o-mini, api_key_env: OPENAI_API_KEY, price: { input: 0.15, output: 0.6 } }',
        '',
      ].join('\n'),
    );
    const out: string[] = [];
    const log = console.log;
    console.log = (s: string) => out.push(s);
    try {
      assert.equal(await estimateCommand.run([file]), 0);
      assert.equal(await estimateCommand.run([file, '--json', '--rounds', '6']), 0);
    } finally {
      console.log = log;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    assert.match(out[0], /Estimate for "Tiny": 3 agents × 3 rounds/);
    assert.match(out[0], /default\s+openai gpt-4o-mini\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+\$\d+\.\d\d/);
    assert.equal(JSON.parse(out[1]).rounds, 6);
  });

  it('says which models the total leaves out for want of a price (QA: only their own rows did)', () => {
    const s = scenario(
      { gpt: modelConfig('gpt', { price: { input: 0.15, output: 0.6 } }), local: modelConfig('local') },
      { personas: [persona('maya', { model: 'gpt' }), persona('ali', { model: 'local' })] },
    );
    const text = formatEstimate(estimateRun(s));
    assert.match(text, /^Total: [\d,]+ calls, .*\$\d+\.\d\d \(without local: unpriced\)$/m);
    const priced = formatEstimate(
      estimateRun(
        scenario(
          { gpt: modelConfig('gpt', { price: { input: 0.15, output: 0.6 } }) },
          { personas: [persona('maya', { model: 'gpt' })] },
        ),
      ),
    );
    assert.doesNotMatch(priced, /without/);
  });
});
