// Starting values of agent quantities per persona and per population group (issue 44, `state:` on a
// persona or group): round 0's state event carries them, clamped and rounded as the quantity says;
// a group's distributions draw from the member's own stream per quantity, so adding one changes no
// other draw; and a resumed run writes the uninterrupted trace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scenarioFromText, traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { samplePopulation } from '../../../src/core/engine/society/population';
import type { PopulationGroup } from '../../../src/core/format/model/model';

const TOWN = (groupState: string): string =>
  [
    'kind: scenario',
    'name: Town',
    'seed: 3',
    'world: { rounds: 3 }',
    'personas:',
    '  - { id: maya, name: Maya, state: { knows_party: 1, skill: 1.7 } }',
    '  - { id: bo, name: Bo }',
    'population:',
    `  - { group: experts, count: 3, names: [Ann, Cy]${groupState} }`,
    'state:',
    '  agents:',
    '    knows_party: { initial: 0, min: 0, max: 1, integer: true }',
    '    skill: { initial: 0.2, min: 0, max: 1 }',
    '    attitude: { initial: 0, min: -1, max: 1 }',
    'actions:',
    '  practise:',
    '    description: Practise.',
    '    effects:',
    '      me.skill: "me.skill + 0.05"',
    '',
  ].join('\n');

const GROUP = ', state: { attitude: { normal: { mean: 0.3, sd: 0.9 } }, skill: 0.5 }';

function round0(trace: string): Record<string, Record<string, number>> {
  const e = trace
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((x) => x.type === 'state' && x.round === 0);
  return e.agents;
}

describe('starting state per persona and population group', () => {
  it("round 0's state event gives each agent its persona's or group's values, bounded", async () => {
    const agents = round0(await traceOf(await scenarioFromText(TOWN(GROUP))));
    assert.deepEqual(agents.maya, { knows_party: 1, skill: 1, attitude: 0 }); // 1.7 clamped to max 1
    assert.deepEqual(agents.bo, { knows_party: 0, skill: 0.2, attitude: 0 });
    for (const id of ['experts1', 'experts2', 'experts3']) {
      assert.equal(agents[id].skill, 0.5);
      assert.ok(agents[id].attitude >= -1 && agents[id].attitude <= 1);
    }
    // Drawn: not all at one value (sd 0.9 around 0.3).
    assert.ok(new Set(['experts1', 'experts2', 'experts3'].map((id) => agents[id].attitude)).size > 1);
  });

  it('a distribution draws from its own stream: adding a quantity changes no other draw, nor another group', () => {
    const base: PopulationGroup = {
      group: 'g',
      count: 5,
      id_prefix: 'g',
      names: ['A', 'B'],
      occupations: [],
      interests: { pool: ['x', 'y', 'z'], per_agent: 2 },
      traits: { openness: { normal: { mean: 0.5, sd: 0.2 } } },
      motivations: {},
    };
    const plain = samplePopulation(base, 9);
    const one = samplePopulation({ ...base, state: { a: { uniform: { min: -5, max: 5 } } } }, 9);
    const two = samplePopulation(
      { ...base, state: { a: { uniform: { min: -5, max: 5 } }, b: { beta: { alpha: 2, beta: 2 } } } },
      9,
    );
    assert.deepEqual(
      one.map((p) => ({ ...p, state: undefined })),
      plain.map((p) => ({ ...p, state: undefined })),
    );
    assert.deepEqual(
      two.map((p) => p.state!.a),
      one.map((p) => p.state!.a),
    );
    // Not clipped to 0..1 as traits are: the quantity's bounds apply when the agent joins.
    assert.ok(one.some((p) => p.state!.a < 0 || p.state!.a > 1));
    assert.equal(plain[0].state, undefined);
  });

  it('a scenario without `state:` on personas and groups writes the trace it always did', async () => {
    const without = await traceOf(await scenarioFromText(TOWN('')));
    const added = without
      .split('\n')
      .filter((l) => l.includes('"agent_added"') && l.includes('"experts'))
      .map((l) => JSON.parse(l).agent);
    assert.equal(added.length, 3);
    assert.ok(added.every((a) => !('state' in a)));
    assert.deepEqual(round0(without).experts1, { knows_party: 0, skill: 0.2, attitude: 0 });
  });

  it('a run resumed from a checkpoint writes the uninterrupted trace', async () => {
    const sc = await scenarioFromText(TOWN(GROUP));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'start-state-'));
    try {
      fs.mkdirSync(path.join(dir, 'a'));
      fs.mkdirSync(path.join(dir, 'b'));
      const whole = await runInto(path.join(dir, 'a'), sc);
      await runInto(path.join(dir, 'b'), sc, { stopAfter: 1 });
      const resumed = await runInto(path.join(dir, 'b'), sc, { resume: true });
      assert.equal(resumed, whole);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
