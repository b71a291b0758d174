// SOC051/SOC058 (all reward or tie weights zero) for the weights a run would actually use: reached
// through an experiment condition's `set` or a timed event's `set`, not only the scenario's own.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';

const file = path.resolve('/virtual/degenerate/s.society');

/** `line:col severity CODE message` (1-based) of the SOC051/SOC058 diagnostics of a scenario. */
async function degenerate(lines: string[]): Promise<string[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics
    .filter((d) => d.code === 'SOC051' || d.code === 'SOC058')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
}

const header = [
  'kind: scenario',
  'name: S',
  'personas: [ { id: a, name: A }, { id: b, name: B } ]',
  'world: { rounds: 3 }',
];
const ZERO_TIES = 'ties.weights.reciprocity: 0, ties.weights.novelty: 0, ties.weights.affect: 0';
const ZERO_REWARDS =
  'rewards.social: 0, rewards.information: 0, rewards.presentation: 0, rewards.coordination: 0, rewards.support: 0';
const TIES =
  "all tie weights are zero: an evaluation's target strength is their weighted mean (0/0), so no tie could ever form";
const REWARDS = 'all reward weights are zero: agents would have no reason to engage';
const conditions = (...sets: string[]): string[] => [
  'experiment:',
  '  seeds: [1]',
  '  conditions:',
  ...sets.map((s, i) => `    - { name: c${i}, set: { ${s} } }`),
];

describe('degenerate weights through set', () => {
  it('reports SOC058 and SOC051 at the set of the condition that zeroes them', async () => {
    assert.deepEqual(await degenerate([...header, ...conditions(ZERO_TIES, ZERO_REWARDS)]), [
      `8:19 error SOC058 In condition 'c0', ${TIES}`,
      `9:19 error SOC051 In condition 'c1', ${REWARDS}`,
    ]);
  });

  it("counts the scenario's own weights under a condition that zeroes only the rest", async () => {
    const out = await degenerate([
      ...header,
      'ties: { weights: { reciprocity: 0, novelty: 0 } }',
      'rewards: { social: 0, information: 0, presentation: 0, coordination: 0 }',
      ...conditions('ties.weights.affect: 0', 'rewards.support: 0', 'ties.weights.affect: 0.5'),
    ]);
    assert.deepEqual(out, [
      `10:19 error SOC058 In condition 'c0', ${TIES}`,
      `11:19 error SOC051 In condition 'c1', ${REWARDS}`,
    ]);
  });

  it("applies a condition's nested mapping as the run does", async () => {
    const out = await degenerate([
      ...header,
      ...conditions(
        'ties.weights: { reciprocity: 0, novelty: 0, affect: 0 }',
        'rewards: { social: 0, information: 0, presentation: 0, coordination: 0, support: 0 }',
      ),
    ]);
    assert.deepEqual(out, [
      `8:19 error SOC058 In condition 'c0', ${TIES}`,
      `9:19 error SOC051 In condition 'c1', ${REWARDS}`,
    ]);
  });

  it('says nothing of a condition that leaves a weight non-zero', async () => {
    assert.deepEqual(
      await degenerate([
        ...header,
        ...conditions(
          'ties.weights.reciprocity: 0, ties.weights.novelty: 0',
          'rewards.social: 0, coaching.enabled: true',
        ),
      ]),
      [],
    );
  });

  it("does not repeat the scenario's own SOC058 for a condition that keeps it", async () => {
    const out = await degenerate([
      ...header,
      'ties: { weights: { reciprocity: 0, novelty: 0, affect: 0 } }',
      ...conditions(ZERO_TIES, 'coaching.enabled: true'),
    ]);
    assert.deepEqual(out, [`5:9 error SOC058 ${sentence(TIES)}`]);
  });

  it('reports the timed event from which on the weights are all zero, after earlier events in round order', async () => {
    const out = await degenerate([
      ...header,
      'events:',
      '  - { at: 3, set: { ties.weights.affect: 0 } }', // fires last: all three are zero from here
      '  - { at: 1, set: { ties.weights.reciprocity: 0 } }',
      '  - { at: 2, set: { ties.weights: { novelty: 0 } } }',
      `  - { at: 2, set: { ${ZERO_REWARDS} } }`,
      `  - { at: 9, set: { ${ZERO_TIES} } }`,
    ]); // never fires (SOC052)
    assert.deepEqual(out.sort(), [
      `6:14 error SOC058 From the event at round 3 on, ${TIES}`,
      `9:14 error SOC051 From the event at round 2 on, ${REWARDS}`,
    ]);
  });

  it('reports an event that zeroes the rest of what a condition zeroed, once per cause', async () => {
    const out = await degenerate([
      ...header,
      'ties: { weights: { reciprocity: 0 } }',
      'events:',
      '  - { at: 2, set: { ties.weights.novelty: 0 } }',
      ...conditions('ties.weights.affect: 0', 'coaching.enabled: true', 'world.rounds: 1, ties.weights.affect: 0'),
    ]);
    // Scenario alone: affect stays 1. Condition c0: zero from round 2; c1 and c2 (event never fires): fine.
    assert.deepEqual(out, [`7:14 error SOC058 In condition 'c0', from the event at round 2 on, ${TIES}`]);
  });
});

function sentence(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
