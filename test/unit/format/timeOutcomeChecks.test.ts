// What `society check` says of a time outcome an experiment names (issue 45): a well-formed one on
// a series the run has passes; an unknown series (SOC103, with the one meant as a fix), a round
// after the scenario's last (SOC104, a warning) and a malformed level or round (SOC105) are marked
// at the value written, in a claim and in `experiment.metrics`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';

const file = path.resolve('/virtual/timeOutcomeChecks/s.society');

async function diagnostics(lines: string[]): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}
const shown = (ds: Diagnostic[]): string[] =>
  ds
    .filter((d) => d.severity !== 'info')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity} ${d.message}`);

const scenario = (experiment: string[]): string[] => [
  'kind: scenario',
  'name: S',
  'world: { rounds: 6 }',
  'personas:',
  '  - { id: ana, name: Ana }',
  '  - { id: bo, name: Bo }',
  'state:',
  '  world:',
  '    fish: { initial: 10, min: 0, max: 20, update: "world.fish + 1.0" }',
  '  agents:',
  '    catch: { initial: 0 }',
  'knowledge:',
  '  rumour: { text: "The mill closes.", source: ana }',
  'experiment:',
  '  conditions:',
  '    - { name: base, set: {} }',
  '    - { name: rich, set: { state.world.fish.initial: 15 } }',
  ...experiment,
];

describe('time outcomes in claims and metrics (SOC103–SOC105)', () => {
  it('accepts well-formed ones on the series a run has', async () => {
    const ds = await diagnostics(
      scenario([
        '  metrics: [density, world.fish.at.r6, agents.catch.sd.reaches.0.5, acquaintance_density.reaches.1]',
        '  claims:',
        '    - { metric: knowledge.rumour.share.reaches.0.5, higher: base, than: rich }',
        '    - { metric: world.fish.at.r0, higher: rich, than: base }',
        '    - { metric: density.reaches.0.2, higher: base, than: rich }',
        '    - { metric: agents.catch.gini.falls.-1, higher: base, than: rich }',
      ]),
    );
    assert.deepEqual(shown(ds), []);
  });

  it('marks an unknown series with the one meant, as a fix', async () => {
    const ds = await diagnostics(
      scenario([
        '  claims:',
        '    - { metric: knowledge.rumor.share.reaches.0.5, higher: base, than: rich }',
        '    - { metric: knowledge.rumour.reaches.0.5, higher: base, than: rich }',
        '    - { metric: world.fish.final.falls.3, higher: base, than: rich }',
        '  metrics: [world.fsh.at.r2]',
      ]),
    );
    const out = shown(ds);
    assert.equal(out.length, 4, out.join('\n'));
    assert.match(
      out[0],
      /^19:17 SOC103 error Unknown series 'knowledge\.rumor\.share' in time outcome 'knowledge\.rumor\.share\.reaches\.0\.5'\. Did you mean 'knowledge\.rumour\.share\.reaches\.0\.5'\? \(series: world\.fish, /,
    );
    assert.match(out[1], /^20:17 SOC103 error .*Did you mean 'knowledge\.rumour\.share\.reaches\.0\.5'\?/);
    assert.match(out[2], /^21:17 SOC103 error .*Did you mean 'world\.fish\.falls\.3'\?/);
    assert.match(out[3], /^22:13 SOC103 error .*Did you mean 'world\.fish\.at\.r2'\?/);
    const fixes = ds.filter((d) => d.code === 'SOC103').map((d) => d.fixes?.[0]?.newText);
    assert.deepEqual(fixes, [
      'knowledge.rumour.share.reaches.0.5',
      'knowledge.rumour.share.reaches.0.5',
      'world.fish.falls.3',
      'world.fish.at.r2',
    ]);
  });

  it('warns of a level a world quantity is already at when runs start (SOC142)', async () => {
    const ds = await diagnostics(
      scenario(['  metrics: [world.fish.falls.12, world.fish.reaches.10, world.fish.falls.5, world.fish.reaches.11]']),
    );
    assert.deepEqual(
      shown(ds).map((m) => m.split(': ')[0]),
      [
        "18:13 SOC142 warning 'world.fish.falls.12' is 0 in every run",
        "18:34 SOC142 warning 'world.fish.reaches.10' is 0 in every run",
      ],
    );
  });

  it("warns of a level an agent quantity's mean, sd or Gini is already at when runs start (SOC142)", async () => {
    const ds = await diagnostics(
      scenario([
        '  metrics: [agents.catch.mean.falls.0, agents.catch.sd.falls.0.5, agents.catch.gini.reaches.0, agents.catch.mean.reaches.1]',
      ]),
    );
    assert.deepEqual(
      shown(ds).map((m) => m.split(', already')[0]),
      [
        "18:13 SOC142 warning 'agents.catch.mean.falls.0' is 0 in every run: agents.catch.mean starts at 0",
        "18:40 SOC142 warning 'agents.catch.sd.falls.0.5' is 0 in every run: agents.catch.sd starts at 0 (every agent starts 'catch' at 0)",
        "18:67 SOC142 warning 'agents.catch.gini.reaches.0' is 0 in every run: agents.catch.gini starts at 0 (every agent starts 'catch' at 0)",
      ],
    );
  });

  it("reads agents' starts from personas and population groups, numbers and distributions (SOC142)", async () => {
    const lines = scenario([
      '  metrics: [agents.catch.mean.reaches.2, agents.catch.mean.falls.4, agents.catch.mean.falls.3.5, agents.catch.sd.falls.9]',
    ]);
    lines[lines.indexOf('  - { id: ana, name: Ana }')] = '  - { id: ana, name: Ana, state: { catch: 3 } }';
    lines[lines.indexOf('  - { id: bo, name: Bo }')] = '  - { id: bo, name: Bo, state: { catch: 3 } }';
    lines.splice(
      lines.indexOf('state:'),
      0,
      'population:',
      '  - { group: g, count: 2, state: { catch: { uniform: { min: 2, max: 4 } } } }',
    );
    assert.deepEqual(
      shown(await diagnostics(lines)).map((m) => m.split(', already')[0]),
      [
        "20:13 SOC142 warning 'agents.catch.mean.reaches.2' is 0 in every run: agents.catch.mean starts between 2 and 4 (each agent's 'catch' starts there)",
        "20:42 SOC142 warning 'agents.catch.mean.falls.4' is 0 in every run: agents.catch.mean starts between 2 and 4 (each agent's 'catch' starts there)",
      ],
    );
    // One agent left at the quantity's own start (0): the mean may start below 2.
    lines[lines.indexOf('  - { id: bo, name: Bo, state: { catch: 3 } }')] = '  - { id: bo, name: Bo }';
    assert.deepEqual(
      shown(await diagnostics(lines)).map((m) => m.split(' is 0')[0]),
      ["20:42 SOC142 warning 'agents.catch.mean.falls.4'"],
    );
  });

  it('takes the longest run: a condition may set more rounds', async () => {
    const lines = scenario(['  claims:', '    - { metric: world.fish.at.r9, higher: base, than: rich }']);
    lines[lines.indexOf('    - { name: rich, set: { state.world.fish.initial: 15 } }')] =
      '    - { name: rich, set: { state.world.fish.initial: 15, world.rounds: 9 } }';
    assert.deepEqual(shown(await diagnostics(lines)), []);
  });

  it('warns of a round after the last, and marks a malformed level or round', async () => {
    const ds = await diagnostics(
      scenario([
        '  claims:',
        '    - { metric: world.fish.at.r7, higher: base, than: rich }',
        '    - { metric: world.fish.reaches.half, higher: base, than: rich }',
        '  metrics:',
        '    - world.fish.at.3',
      ]),
    );
    assert.deepEqual(shown(ds), [
      "19:17 SOC104 warning 'world.fish.at.r7' asks for round 7, but the scenario's runs last at most 6 rounds: they have no value there (unless --rounds makes them longer)",
      "20:17 SOC105 error Malformed time outcome 'world.fish.reaches.half': '.reaches.' takes a level as a decimal number (`world.fish.reaches.0.5`), not 'half'",
      "22:7 SOC105 error Malformed time outcome 'world.fish.at.3': '.at.' takes a round as r<k> (`world.fish.at.r5`: the value after round 5; r0 is the start), not '3'",
    ]);
  });
});
