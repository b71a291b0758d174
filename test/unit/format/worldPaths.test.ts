// Experiment conditions that set a declared quantity or a population group's field: a name the
// scenario does not declare is SOC054 while editing, at the key, with the declared names and the
// nearest one, in the very words the experiment uses when it applies the condition.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { withOverrides } from '../../../src/core/experiment/overrides';
import { isWorldOverride, unknownWorldName, worldNamesOf } from '../../../src/core/format/schema/worldPaths';
import { scratchDir } from '../../support/scratch';

const repo = path.resolve(__dirname, '../../..');
const file = path.resolve('/virtual/worldPaths/s.society');

const scenario = (set: string[], events: string[] = []): string[] => [
  'kind: scenario',
  'name: S',
  'population:',
  '  - { group: fishers, count: 3 }',
  'state:',
  '  world:',
  '    fish: { initial: 10, min: 0, max: 20 }',
  '  agents:',
  '    catch: { initial: 0 }',
  ...events,
  'experiment:',
  '  conditions:',
  '    - name: a',
  '      set:',
  ...set.map((s) => `        ${s}`),
];

async function diagnostics(lines: string[]): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}

const soc054 = async (lines: string[]) => (await diagnostics(lines)).filter((d) => d.code === 'SOC054');

describe('world paths in experiment conditions (SOC054)', () => {
  it('names a misspelt quantity, the declared ones and the nearest, with a fix', async () => {
    const [d, ...rest] = await soc054(scenario(['state.world.fsh.initial: 30']));
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'error');
    assert.equal(
      d.message,
      "Unknown quantity 'fsh' in 'state.world.fsh.initial'. Did you mean 'state.world.fish.initial'? (state.world: fish)",
    );
    assert.deepEqual(
      d.fixes?.map((f) => [f.title, f.newText]),
      [["Change to 'state.world.fish.initial'", 'state.world.fish.initial']],
    );
  });

  it('looks an agent quantity up among state.agents, not state.world', async () => {
    const [d] = await soc054(scenario(['state.agents.fish.initial: 1']));
    assert.equal(d.message, "Unknown quantity 'fish' in 'state.agents.fish.initial' (state.agents: catch)");
    assert.equal(d.fixes, undefined, 'nothing near enough to suggest');
  });

  it('names a misspelt population group and the groups', async () => {
    const [d] = await soc054(scenario(['population.fisher.traits.openness: 0.5']));
    assert.equal(
      d.message,
      "Unknown population group 'fisher' in 'population.fisher.traits.openness'. Did you mean 'population.fishers.traits.openness'? (groups: fishers)",
    );
  });

  it('says when the scenario declares none', async () => {
    const [d] = await soc054([
      'kind: scenario',
      'name: S',
      'experiment:',
      '  conditions:',
      '    - { name: a, set: { state.world.fish.initial: 1 } }',
    ]);
    assert.equal(d.message, "Unknown quantity 'fish' in 'state.world.fish.initial' (none declared in state.world)");
  });

  it('reports nothing for declared names', async () => {
    const all = await diagnostics(
      scenario([
        'state.world.fish.initial: 30',
        'state.world.fish.max: 40',
        'state.agents.catch.update: "me.catch + 1.0"',
        'population.fishers.traits.openness: { normal: { mean: 0.5, sd: 0.1 } }',
      ]),
    );
    assert.deepEqual(
      all.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`),
      [],
    );
  });

  it('marks the key itself, from its first character to its last', async () => {
    const lines = scenario(['coaching.enabled: true', 'state.world.fsh.initial: 30']);
    const [d] = await soc054(lines);
    const line = lines.indexOf('        state.world.fsh.initial: 30');
    assert.deepEqual(d.range, {
      start: { line, character: 8 },
      end: { line, character: 8 + 'state.world.fsh.initial'.length },
    });
  });

  it("leaves a timed event's set to the schema (no second diagnostic for the same key)", async () => {
    const all = await diagnostics(
      scenario(['coaching.enabled: true'], ['events:', '  - { at: 1, set: { state.world.fsh.initial: 1 } }']),
    );
    const errors = all.filter((d) => d.severity === 'error').map((d) => d.message);
    assert.equal(errors.length, 1);
    assert.match(
      errors[0],
      /^Cannot set 'state\.world\.fsh\.initial' by an event: an event sets run settings, not quantities\. Can set: /,
    );
  });

  it('shares the path rules with the experiment', () => {
    assert.ok(isWorldOverride('state.agents.catch.update'));
    assert.ok(isWorldOverride('population.fishers.count'));
    assert.ok(!isWorldOverride('state.world.fish'), 'a quantity path ends in initial, min, max or update');
    assert.ok(!isWorldOverride('coaching.enabled'));
    const names = worldNamesOf({ state: { world: { world: {} } }, population: [{ group: 'g' }, 'junk'] });
    assert.deepEqual(names, { world: ['world'], agents: [], groups: ['g'] });
    // The suggestion replaces the name, not an earlier segment that happens to be spelt alike.
    assert.equal(unknownWorldName('state.world.wrld.min', names)?.suggestion, 'state.world.world.min');
  });
});

describe('world paths: the editor and `society experiment` agree', () => {
  const commons = path.join(repo, 'examples/commons/commons.society');
  const misspelt = () =>
    fs
      .readFileSync(commons, 'utf8')
      .replace('state.world.fish.initial: 180', 'state.world.fsh.initial: 180')
      .replace('population.fishers.traits.agreeableness', 'population.fisher.traits.agreeableness');

  it('gives the experiment the message the diagnostic shows', async () => {
    const { scenario: s } = await loadScenarioFile(commons);
    const text = misspelt().split('\n');
    const found = await soc054(text);
    assert.equal(found.length, 2, 'the quantity and the group');
    for (const d of found) {
      const key = text[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      assert.throws(
        () => withOverrides(s!, { [key]: key.startsWith('state.') ? 1 : { normal: { mean: 0.5, sd: 0.1 } } }),
        (e: Error) => e.message === d.message,
        d.message,
      );
    }
  });

  it('refuses a value that is not a finite number when the condition is applied (issue 41)', async () => {
    const { scenario: s } = await loadScenarioFile(commons);
    for (const x of [NaN, Infinity]) {
      assert.throws(
        () => withOverrides(s!, { 'state.world.fish.initial': x }),
        /^Error: 'state\.world\.fish\.initial' must be a finite number$/,
      );
    }
  });

  it('society experiment refuses with the diagnostic at the key, before any run', function () {
    const dir = scratchDir('society-world-paths-');
    const bad = path.join(dir, 'commons.society');
    fs.writeFileSync(bad, misspelt());
    const out = path.join(dir, 'exp');
    const r = spawnSync(process.execPath, [path.join(repo, 'bin/society.js'), 'experiment', bad, '--out', out], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 1, r.stderr);
    const shown = path.relative(repo, bad);
    const lines = misspelt().split('\n');
    const at = lines.findIndex((l) => l.includes('state.world.fsh.initial')) + 1;
    const col = lines[at - 1].indexOf('state.') + 1;
    assert.ok(
      r.stderr.includes(
        `${shown}:${at}:${col}: error SOC054 Unknown quantity 'fsh' in 'state.world.fsh.initial'. Did you mean 'state.world.fish.initial'? (state.world: fish, sanctions)`,
      ),
      r.stderr,
    );
    assert.match(
      r.stderr,
      /SOC054 Unknown population group 'fisher' in 'population\.fisher\.traits\.agreeableness'\. Did you mean 'population\.fishers\.traits\.agreeableness'\? \(groups: fishers\)/,
    );
    assert.ok(!fs.existsSync(out), 'no run started');
  });
});
