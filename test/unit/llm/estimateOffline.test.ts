// The offline model's time (issue 87): 400 agents × 2 rounds took 12 s in groups of 4 and 92 s in
// one group of 400, and `society estimate` said $0.00 and nothing about time. The estimate now
// gives an offline run's expected CPU seconds from the group an action decision reads, says how it
// was made, and warns past a minute — in `society estimate` and in the editor's forecast, which
// warns without asking (an offline run spends nothing).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile, type Scenario } from '../../../src/core/format';
import { estimateRun } from '../../../src/core/llm/estimate';
import { OFFLINE_SECONDS, UNMATCHED_WIDTH } from '../../../src/core/llm/estimateOffline';
import { LONG_RUN_SECONDS, runForecast } from '../../../src/core/llm/runForecast';
import { TARGETS_OFFERED } from '../../../src/core/engine/phases/act/targets';
import { scratchDir } from '../../support/scratch';
import { withMcpClient } from '../../support/mcpSession';
import { estimateExperiment } from '../../../src/core/experiment/experimentCost';

const repo = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join(repo, 'examples/public-goods-matching/public-goods-matching.society');

async function grouped(agents: number, group: number, rounds = 2): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(EXAMPLE);
  assert.ok(scenario?.mechanics?.matching);
  const s: Scenario = structuredClone(scenario);
  s.population = s.population.map((p) => ({ ...p, count: agents }));
  s.world = { ...s.world, rounds };
  s.mechanics = { ...s.mechanics!, matching: { ...s.mechanics!.matching!, size: group } };
  return s;
}

const offlineOf = (s: Scenario) => {
  const o = estimateRun(s).models.find((m) => m.provider === 'offline')?.offline;
  assert.ok(o, 'the estimate gives the offline model no time');
  return o;
};

describe('the estimate gives an offline run its time (issue 87)', () => {
  it('grows with the group an action decision reads, from the measured line', async () => {
    const [four, hundred, all] = await Promise.all([grouped(400, 4), grouped(400, 100), grouped(400, 400)]);
    const t = [offlineOf(four), offlineOf(hundred), offlineOf(all)];
    assert.deepEqual(
      t.map((o) => [o.acts, o.width, o.everyone, o.matched]),
      [
        [800, 4, 400, true],
        [800, 100, 400, true],
        [800, 400, 400, true],
      ],
    );
    assert.ok(t[0].seconds < t[1].seconds && t[1].seconds < t[2].seconds, t.map((o) => o.seconds).join(' < '));
    const each = OFFLINE_SECONDS.base + OFFLINE_SECONDS.per_member * 400 + OFFLINE_SECONDS.per_agent * 400;
    assert.ok(Math.abs(t[2].seconds - 800 * each) < 1e-9, `${t[2].seconds}`);
    const e = estimateRun(all);
    assert.ok(
      e.assumptions.some(
        (a) => a.startsWith('offline time: CPU of the action decisions only') && a.includes('bench/offlineGroups.ts'),
      ),
      'the assumptions say how the offline time was made',
    );
  });

  it('reads the few others offered without a match, kept equal to the engine’s draw', async () => {
    assert.equal(UNMATCHED_WIDTH, TARGETS_OFFERED);
    const s = await grouped(400, 4);
    delete s.mechanics!.matching;
    assert.equal(offlineOf(s).width, TARGETS_OFFERED);
    assert.equal(offlineOf(s).matched, false);
  });

  it('the editor’s forecast says the time and warns past a minute, without asking', async () => {
    const shipped = runForecast(estimateRun((await loadScenarioFile(EXAMPLE)).scenario!));
    assert.equal(shipped.ask, undefined);
    assert.equal(shipped.warning, undefined);
    assert.match(
      shipped.lines[1],
      /^ {2}default \(offline\): ≈ \d+ s of CPU \(160 action decisions, each reading a match group of 4 and all 16 agents; measured/,
    );

    const big = estimateRun(await grouped(2000, 1000));
    assert.ok(offlineOf(await grouped(2000, 1000)).seconds > LONG_RUN_SECONDS);
    const f = runForecast(big);
    assert.equal(f.ask, undefined, 'an offline run is not asked');
    assert.match(
      f.warning ?? '',
      /is expected to take about \d+ min of CPU on the offline model \(4,000 action decisions, each reading a match group of 1,000 and all 2,000 agents\): past 60 s\.$/,
    );
  });

  it('society estimate prints the time and warns on stderr past a minute', async function () {
    const dir = scratchDir('offline-estimate-');
    const text = fs.readFileSync(EXAMPLE, 'utf8').replace('count: 16', 'count: 2000').replace('size: 4', 'size: 1000');
    assert.notEqual(text, fs.readFileSync(EXAMPLE, 'utf8'));
    const file = path.join(dir, 'big.society');
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), 'estimate', file, '--rounds', '2'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /default \(offline\): ≈ \d+ min of CPU \(4,000 action decisions/);
    assert.match(
      r.stderr,
      /society estimate: the run's default model is expected to take about \d+ min of CPU on the offline model/,
    );
  });

  it('an experiment sums its runs’ offline time, and society_estimate gives the seconds', async function () {
    const s = await grouped(2000, 1000);
    const one = offlineOf(s).seconds;
    // Two conditions (partners, strangers) × two seeds: four runs of the same size.
    const e = estimateExperiment(s, { seeds: [1, 2] });
    const o = e.total.models.find((m) => m.provider === 'offline')?.offline;
    assert.ok(o && Math.abs(o.seconds - 4 * one) < 1e-6, `${o?.seconds} against 4 × ${one}`);
    assert.equal(o.acts, 4 * 4000);

    const cwd = scratchDir('offline-estimate-tool-');
    const text = fs.readFileSync(EXAMPLE, 'utf8').replace('count: 16', 'count: 2000').replace('size: 4', 'size: 1000');
    fs.writeFileSync(path.join(cwd, 'world.society'), text);
    await withMcpClient(cwd, async (client) => {
      const r = await client.callTool({
        name: 'society_estimate',
        arguments: { scenario: 'world.society', rounds: 2 },
      });
      const answer = JSON.parse((r.content as { text: string }[])[0].text).untrusted_data;
      assert.equal(answer.expected_seconds, Math.round(one));
      assert.equal(answer.models[0].seconds, Math.round(one));
      assert.match(answer.seconds_note, /CPU time of its action decisions/);
    });
  });
});
