// What `society check` says of an experiment beyond its paths (issue 41): a claim naming a
// condition or a metric the experiment does not have (SOC078, with the name meant), and a
// condition's `set:` of a declared quantity checked as if it were written in `state:` (SOC012,
// SOC061, SOC063), each at the value written.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';

const file = path.resolve('/virtual/experimentChecks/s.society');

async function diagnostics(lines: string[]): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}
const shown = (ds: Diagnostic[], code: string): string[] =>
  ds
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`);

const scenario = (experiment: string[], module = false): string[] => [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana }',
  '  - { id: bo, name: Bo }',
  'state:',
  '  world:',
  '    fish: { initial: 10, min: 0, max: 20, update: "world.fish + 1.0" }',
  '    tax: { initial: 1 }',
  '  agents:',
  '    catch: { initial: 0 }',
  ...(module ? ['module: ./m.mjs'] : []),
  'experiment:',
  '  conditions:',
  '    - name: base',
  '      set: {}',
  '    - name: rich',
  '      set:',
  ...experiment,
];

describe('claims naming what the experiment lacks (SOC078)', () => {
  it('marks a claim comparing a condition with itself', async () => {
    const ds = await diagnostics(
      scenario([
        '        state.world.fish.initial: 15',
        '  claims:',
        '    - { metric: density, higher: rich, than: rich }',
      ]),
    );
    assert.deepEqual(shown(ds, 'SOC078'), [
      "20:46 error A claim compares condition 'rich' with itself: the difference is 0 in every run, so it can never hold. Name another condition in `than`",
    ]);
  });

  it('marks an unknown condition at the claim, with the one meant as a fix', async () => {
    const ds = await diagnostics(
      scenario([
        '        state.world.fish.initial: 15',
        '  claims:',
        '    - { metric: density, higher: rihc, than: base }',
      ]),
    );
    assert.deepEqual(shown(ds, 'SOC078'), [
      "20:34 error Unknown condition 'rihc' in a claim. Did you mean 'rich'? (conditions: base, rich)",
    ]);
    const d = ds.find((x) => x.code === 'SOC078')!;
    assert.deepEqual(
      d.fixes?.map((f) => f.newText),
      ['rich'],
    );
  });

  it("marks a metric no run measures, with the one meant, and says why a declared quantity's is not", async () => {
    const ds = await diagnostics(
      scenario([
        '        state.world.fish.initial: 15',
        '  claims:',
        '    - { metric: world.fish.finall, higher: rich, than: base }',
        '    - { metric: world.tax.final, higher: rich, than: base }',
        '    - { metric: agents.catch.gini, higher: rich, than: base }',
        '    - { metric: densty, higher: rich, than: base }',
      ]),
    );
    const out = shown(ds, 'SOC078');
    assert.equal(out.length, 3, out.join('\n'));
    assert.match(
      out[0],
      /^20:17 error Unknown metric 'world\.fish\.finall' in a claim\. Did you mean 'world\.fish\.final'\? \(metrics: density, .*world\.fish\.final, world\.fish\.survival, agents\.catch\.mean, agents\.catch\.gini\)$/,
    );
    assert.match(out[1], /^21:17 error Metric 'world\.tax\.final' is not measured: world quantity 'tax' never changes/);
    assert.match(out[2], /^23:17 error Unknown metric 'densty' in a claim\. Did you mean 'density'\?/);
  });

  it('marks a state outcome `experiment.metrics` names that no run measures', async () => {
    const ds = await diagnostics(
      scenario(['        state.world.fish.initial: 15', '  metrics: [density, agents.cath.gini]']),
    );
    assert.deepEqual(
      shown(ds, 'SOC078').map((m) => m.split('?')[0]),
      ["19:22 error Unknown metric 'agents.cath.gini' to compare. Did you mean 'agents.catch.gini'"],
    );
  });

  it("takes any world quantity's course as measured when a module may write it", async () => {
    const ds = await diagnostics(
      scenario(
        [
          '        state.world.fish.initial: 15',
          '  claims:',
          '    - { metric: world.tax.final, higher: rich, than: base }',
        ],
        true,
      ),
    );
    assert.deepEqual(shown(ds, 'SOC078'), []);
  });
});

describe("a condition's values of a declared quantity, checked as if written in state: (issue 41)", () => {
  const conditionSet = (values: string[]) => scenario(values.map((x) => `        ${x}`));

  it('marks an update that does not parse or does not give a number, at the sub-expression', async () => {
    const ds = await diagnostics(
      conditionSet(['state.world.fish.update: "world.fish +"', 'state.agents.catch.update: "me.catch > 1.0"']),
    );
    const out = shown(ds, 'SOC061');
    assert.equal(out.length, 2, out.join('\n'));
    assert.match(out[0], /^18:46 error .*in condition 'rich'/);
    assert.match(out[1], /^19:37 error The update of agent quantity 'catch' in condition 'rich' gives bool/);
  });

  it('marks a value of the wrong type or not finite', async () => {
    const ds = await diagnostics(
      conditionSet([
        'state.world.fish.update: 5',
        'state.world.fish.initial: "12"',
        'state.world.tax.initial: .nan',
        'state.agents.catch.min: .inf',
      ]),
    );
    assert.deepEqual(shown(ds, 'SOC012'), [
      "18:34 error In condition 'rich', 'state.world.fish.update' must be a string (an expression), found 5",
      `19:35 error In condition 'rich', 'state.world.fish.initial' must be a finite number, found "12"`,
    ]);
    // NaN and Infinity are said once, as anywhere in a file (SOC076).
    assert.deepEqual(shown(ds, 'SOC076'), [
      '20:34 error `.nan` is NaN, not a finite number: write a number',
      '21:33 error `.inf` is Infinity, not a finite number: write a number',
    ]);
  });

  it('marks bounds that no longer hold together, at the value that breaks them', async () => {
    const ds = await diagnostics(
      conditionSet(['state.world.fish.min: 30', 'state.world.tax.max: 0.5', 'state.agents.catch.initial: -1']),
    );
    assert.deepEqual(shown(ds, 'SOC063'), [
      "18:31 error In condition 'rich', world quantity 'fish' has min 30 > max 20",
      "19:30 error In condition 'rich', world quantity 'tax' starts at 1, above its max 0.5",
    ]);
    // catch has no min: -1 is allowed, as in state: itself.
  });

  it('says nothing of values that hold, whichever it sets', async () => {
    const ds = await diagnostics(
      conditionSet([
        'state.world.fish.update: "world.fish * 1.5"',
        'state.world.fish.initial: 20',
        'state.world.fish.max: 40',
        'state.world.tax.initial: 0',
      ]),
    );
    assert.deepEqual(
      ds.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
  });
});
