// society_experiment's gate costs the experiment as it runs (issue 70): a condition that sets
// world.rounds is estimated at its own rounds, not the scenario's ($2.66 gated, $57.65 estimated).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gateScenario } from '../../../src/core/tools/scenarioGate';
import { estimateRun } from '../../../src/core/llm/estimate';
import { experimentTool, runTool } from '../../../src/core/tools/runTools';
import type { ToolHost } from '../../../src/core/tools/tool';
import { scratchDir } from '../../support/scratch';

function host(cwd: string, costLimitUsd: number): ToolHost {
  return {
    cwd,
    costLimitUsd,
    hasKey: () => true,
    society: () => Promise.reject(new Error('not started in this test')),
  };
}

describe("society_experiment's cost gate", () => {
  it('estimates each condition with its own settings, and refuses when that is above the limit', async () => {
    const cwd = scratchDir('society-expgate-');
    const file = path.join(cwd, 'long.society');
    fs.writeFileSync(
      file,
      [
        'kind: scenario',
        'name: Long',
        'personas:',
        '  - { id: maya, name: Maya Chen }',
        '  - { id: tom, name: Tom Nguyen }',
        'world: { rounds: 2 }',
        'models: { default: { provider: openai, model: m, base_url: "http://127.0.0.1:9/v1", price: { input: 10, output: 30 } } }',
        'experiment:',
        '  seeds: [1, 2]',
        '  conditions:',
        '    - { name: short, set: {} }',
        '    - { name: long, set: { world.rounds: 40 } }',
      ].join('\n') + '\n',
    );
    const open = await gateScenario(file, host(cwd, 0), { experiment: {} });
    const base = estimateRun(open.scenario).total.cost_usd;
    assert.ok(open.costUsd > 10 * 4 * base, `$${open.costUsd} for 4 runs of $${base} at base rounds`);
    // A limit the base-rounds figure (4 runs of the scenario as written) would pass.
    const limit = Math.ceil(4 * base * 2 * 100) / 100;
    await assert.rejects(
      gateScenario(file, host(cwd, limit), { experiment: {} }),
      /above what the cost limit leaves: \$1\.88\..*Ask the user/,
    );
    const oneSeed = await gateScenario(file, host(cwd, 0), { experiment: { seeds: [7] } });
    assert.ok(Math.abs(oneSeed.costUsd * 2 - open.costUsd) < 1e-6, 'seeds given: that many runs per condition');
  });

  it('hands the cost limit to the command it starts, to be metered as it spends', async () => {
    const cwd = scratchDir('society-expgate-');
    fs.writeFileSync(
      path.join(cwd, 'small.society'),
      [
        'kind: scenario',
        'name: Small',
        'personas:',
        '  - { id: a, name: A }',
        '  - { id: b, name: B }',
        'world: { rounds: 1 }',
      ].join('\n') + '\n',
    );
    const started: string[][] = [];
    const recording: ToolHost = {
      ...host(cwd, 3),
      society: (args) => {
        started.push(args);
        return Promise.resolve({ code: 0, stdout: '{}', stderr: '' });
      },
    };
    await runTool.invoke({ scenario: 'small.society', out: 'runs/a', overwrite: false }, recording);
    await experimentTool.invoke({ scenario: 'small.society', out: 'runs/b', seeds: '1', overwrite: false }, recording);
    assert.deepEqual(
      started.map((a) => a.slice(a.indexOf('--max-cost'), a.indexOf('--max-cost') + 2)),
      [
        ['--max-cost', '3'],
        ['--max-cost', '3'],
      ],
    );
  });
});
