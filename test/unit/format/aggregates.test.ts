// Issue 44, point 4: aggregates over the agents in expressions, as the editor and `check` see them:
// `agents` in every scope, an unknown quantity of an agent with the ones that exist and a quick
// fix (SOC061, at the name), a filter that is not a condition, a reducer of something other than
// numbers, and the cost of an aggregate bounded by the agents the scenario brings (SOC075).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { textAt } from './editorFixtures';

const file = path.resolve('/virtual/aggregates/s.society');

async function told(lines: string[]): Promise<string[]> {
  const text = [...lines, ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return [...r.diagnostics]
    .filter((d: Diagnostic) => d.severity === 'error')
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} <<${textAt(text, d.range)}>> ${d.message}`,
    );
}

const scenario = (
  expressions: { update?: string; when?: string; effect?: string; phase?: string },
  agents = 2,
): string[] => [
  'kind: scenario',
  'name: S',
  'personas:',
  ...Array.from({ length: agents }, (_, i) => `  - { id: p${i}, name: P${i}, group: ${i % 2 ? 'rich' : 'poor'} }`),
  'state:',
  '  world:',
  `    mood: { initial: 0, update: "${expressions.update ?? 'world.mood'}" }`,
  '  agents:',
  '    attitude: { initial: 0, min: -1, max: 1 }',
  'actions:',
  '  speak:',
  '    description: Speak up.',
  `    when: "${expressions.when ?? 'true'}"`,
  '    effects:',
  `      me.attitude: "${expressions.effect ?? 'me.attitude'}"`,
  'round:',
  '  - phase: talk',
  '    actions: [speak]',
  `    when: "${expressions.phase ?? 'true'}"`,
];

describe('aggregates in expressions: checks (issue 44: 4)', () => {
  it('reads `agents` in world and agent updates, `when`s, effects and phase `when`s', async () => {
    assert.deepEqual(
      await told(
        scenario({
          update: 'mean(agents.map(a, a.attitude)) + sd(agents.map(a, a.attitude))',
          when: "agents.filter(a, a.group == 'rich' && a.attitude > me.attitude).size() > 0",
          effect: 'me.attitude + max(agents.map(a, a.attitude)) - min(agents.map(a, a.attitude))',
          phase: "sum(agents.filter(a, a.id != 'p0').map(a, a.attitude)) >= 0.0",
        }),
      ),
      [],
    );
  });

  it('an unknown quantity of an agent is SOC061 at its name, with did-you-mean and a quick fix', async () => {
    const lines = scenario({ update: 'mean(agents.map(a, a.attitud))' });
    assert.deepEqual(await told(lines), [
      `8:55 SOC061 <<attitud>> Unknown agent quantity 'attitud' of 'a' (an agent of \`agents\`). Did you mean 'attitude'? (defined: attitude, id, group)`,
    ]);
  });

  it('a filter that is not a condition, and a reducer of strings, are SOC061 where they are written', async () => {
    const [filter] = await told(scenario({ phase: 'agents.filter(a, a.attitude).size() > 0' }));
    assert.equal(
      filter,
      "20:29 SOC061 <<a.attitude>> The `when` of phase 'talk': the condition of `filter` gives double, where a condition (bool) is needed",
    );
    const [strings] = await told(scenario({ update: 'mean(agents.map(a, a.group))' }));
    assert.match(strings, /^8:\d+ SOC061 .*mean\(list<string>\)/);
  });

  it('an agent quantity read bare in a world update points to the aggregate', async () => {
    const [bare] = await told(scenario({ update: 'attitude' }));
    assert.match(bare, /'attitude' is an agent quantity: .* mean\(agents\.map\(a, a\.attitude\)\)/);
  });

  it('bounds the cost by the agents the scenario brings: one aggregate is fine, nesting them is SOC075', async () => {
    const nested =
      'agents.filter(a, agents.filter(b, agents.filter(c, c.attitude > b.attitude).size() > 0).size() > 0).size() > 0';
    assert.deepEqual(await told(scenario({ phase: nested }, 10)), []);
    const [costly] = await told(scenario({ phase: nested }, 60));
    assert.match(costly, /^\d+:\d+ SOC075 .*over `agents`, once per agent/);
    assert.deepEqual(await told(scenario({ phase: 'mean(agents.map(a, a.attitude)) > 0.0' }, 400)), []);
  });
});
