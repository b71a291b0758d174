// Issue 87: 7. Bounds on a run as a whole, not per part: 50 groups × 1,000,000 agents passed
// `check` (the cap was per group) and 1M agents × 100k rounds were accepted by the MCP run tool.
// The total across groups and agents × rounds are held (format/model/runBounds.ts), in `check`
// (SOC154), in `run --rounds` and in the run tools' gate, and the error says the numbers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { runCommand } from '../../../src/cli/commands/run';
import { gateScenario } from '../../../src/core/tools/scenarioGate';
import { quietly } from '../../support/quietly';
import { scratchDir } from '../../support/scratch';

const scenario = (groups: number[], rounds: number) =>
  [
    'kind: scenario',
    'name: Big',
    'seed: 1',
    `world: { rounds: ${rounds} }`,
    'population:',
    ...groups.map((count, i) => `  - { group: g${i}, count: ${count} }`),
    '',
  ].join('\n');

async function said(file: string, root: string): Promise<string[]> {
  const r = await new SocietyWorkspace(new NodeFileSystem(), root).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.filter((d) => d.code === 'SOC154').map((d) => `${d.range.start.line + 1} ${d.message}`);
}

describe('hostile sizes: a run is bounded as a whole (issue 87: 7)', function () {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('society-bounds-');
  });

  it('check: 50 groups of 1,000,000 agents (each within its own cap) is SOC154, saying the total', async () => {
    const file = path.join(dir, 'big.society');
    fs.writeFileSync(file, scenario(Array(50).fill(1_000_000), 2));
    const lines = await said(file, dir);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(
      lines[0],
      /^6 Run too large: the run would have 50,000,000 agents across its groups and personas, above the 1,000,000 a run holds/,
    );
  });

  it('check: agents × rounds past 1,000,000,000 is SOC154, saying both', async () => {
    const file = path.join(dir, 'long.society');
    fs.writeFileSync(file, scenario([100_000], 20_000));
    const [line] = await said(file, dir);
    assert.match(line, /100,000 agents through 20,000 rounds, 2,000,000,000 agent-rounds, above the 1,000,000,000/);
    fs.writeFileSync(file, scenario([100_000], 10_000));
    assert.deepEqual(await said(file, dir), [], 'at the bound is within it');
  });

  it('run --rounds and the run tools hold the bound for the rounds asked, before anything starts', async () => {
    const file = path.join(dir, 's.society');
    fs.writeFileSync(file, scenario([20_000], 2));
    const r = await quietly(() => runCommand.run([file, '--rounds', '100000', '--out', path.join(dir, 'out'), '-q']));
    assert.equal(r.result, 2, r.errors);
    assert.match(r.errors, /20,000 agents through 100,000 rounds, 2,000,000,000 agent-rounds.*Nothing was run/);
    assert.ok(!fs.existsSync(path.join(dir, 'out')));
    const host = {
      cwd: dir,
      costLimitUsd: 0,
      hasKey: () => true,
      society: () => Promise.reject(new Error('not started')),
    };
    await assert.rejects(gateScenario('s.society', host, { rounds: 100_000 }), /2,000,000,000 agent-rounds/);
  });
});
