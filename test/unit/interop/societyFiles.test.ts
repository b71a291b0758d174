// What an import writes must be valid `.society`: every file passes the same checks as
// `society check` with no errors and no warnings, the YAML reads back to exactly the imported
// personas (hostile strings included), and the scenario loads and runs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { NodeFileSystem, SocietyWorkspace, loadScenarioFile } from '../../../src/core/format';
import { importPersonas, type ImportResult } from '../../../src/core/interop';
import { fixture, importFixtures, tinyTroupeFixtures } from './fixtures';

const HOSTILE =
  'Zoë <b>&amp;</b> "quoted" \'single\' #not-a-comment: - [x] {y} * &anchor !tag %dir @at `tick`\u0007\u0000\u001b end';

async function writeAndCheck(result: ImportResult): Promise<{ dir: string; errors: string[]; warnings: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'society-import-'));
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  const workspace = new SocietyWorkspace(new NodeFileSystem(), dir);
  const { files, diagnostics } = await workspace.check([dir]);
  assert.equal(files.length, result.files.length);
  const line = (d: (typeof diagnostics)[number]) =>
    `${path.relative(dir, d.file)}:${d.range.start.line + 1}: ${d.code} ${d.message}`;
  return {
    dir,
    errors: diagnostics.filter((d) => d.severity === 'error').map(line),
    warnings: diagnostics.filter((d) => d.severity === 'warning').map(line),
  };
}

describe('imported .society files', () => {
  const cases: [string, () => ImportResult][] = [
    ['TinyTroupe', () => importFixtures('tinytroupe', tinyTroupeFixtures(), 'Night shift')],
    [
      'OASIS JSON and CSV',
      () =>
        importFixtures(
          'oasis',
          [fixture('oasis', 'reddit_profiles.json'), fixture('oasis', 'twitter_profiles.csv')],
          'OASIS mix',
        ),
    ],
  ];
  for (const [label, run] of cases) {
    it(`${label}: pass the checker with 0 errors and 0 warnings, and the scenario runs`, async () => {
      const result = run();
      const { dir, errors, warnings } = await writeAndCheck(result);
      try {
        assert.deepEqual(errors, []);
        assert.deepEqual(warnings, []);
        const scenarioFile = result.files.find((f) => !f.path.startsWith('personas/'))!;
        const loaded = await loadScenarioFile(path.join(dir, scenarioFile.path));
        assert.ok(loaded.scenario, JSON.stringify(loaded.diagnostics));
        assert.deepEqual(loaded.scenario.personas.map((p) => p.id).sort(), result.personas.map((p) => p.id).sort());
        const simulation = Simulation.create({ ...loaded.scenario, world: { ...loaded.scenario.world, rounds: 2 } });
        await simulation.run();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('read back to exactly the imported personas, hostile strings included', async () => {
    const text = JSON.stringify({
      type: 'TinyPerson',
      persona: {
        name: HOSTILE,
        occupation: { title: HOSTILE, description: `${HOSTILE}\nsecond line` },
        preferences: { interests: [HOSTILE, '- dash', '? q', 'yes', 'null', '1e3'] },
        beliefs: [HOSTILE],
        relationships: [{ name: HOSTILE, description: HOSTILE }],
      },
    });
    const result = importPersonas('tinytroupe', [{ file: 'hostile "file"\nname.agent.json', text }]);
    for (const [i, persona] of result.personas.entries()) {
      assert.deepEqual(parse(result.files[i].text), JSON.parse(JSON.stringify(persona)));
    }
    const persona = result.personas[0];
    assert.equal(persona.name, HOSTILE);
    assert.deepEqual(persona.interests?.slice(1), ['- dash', '? q', 'yes', 'null', '1e3']);
    assert.match(result.files[0].text, /^# Imported from TinyTroupe \(hostile "file" name\.agent\.json\)/);
    const { dir, errors } = await writeAndCheck(result);
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(errors, []);
  });
});
