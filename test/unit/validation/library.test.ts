// The shipped validation library (validation/, docs/validation.md): every entry loads, checks
// clean (no errors, no warnings) and produces every figure's metric and every human series'
// metric. Values are not pinned: the offline model that plays them is changing (issue 57).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readLibrary } from '../../../src/core/validation/reference';
import { loadEntryScenario, validateLibrary } from '../../../src/core/validation/validate';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { formatDiagnostic } from '../../../src/core/format/model/diagnostics';
import { withOverrides } from '../../../src/core/experiment/overrides';

const LIBRARY = path.resolve(__dirname, '../../../validation');

describe('the shipped validation library', function () {
  const entries = readLibrary(LIBRARY);

  it('holds the entries issue 57 lists', () => {
    const ids = entries.map((e) => e.id);
    for (const id of [
      'public-goods',
      'dictator',
      'ultimatum',
      'trust',
      'prisoners-dilemma',
      'common-pool',
      'town-diffusion',
    ]) {
      assert.ok(ids.includes(id), `missing ${id}`);
    }
  });

  it('scores no figure its source does not stand behind, and keeps published simulations apart from people', () => {
    for (const f of entries.flatMap((e) => e.figures)) {
      assert.doesNotMatch(f.source, /as recalled|check against/i, `${f.id}: an unchecked value`);
    }
    // Park et al. 2023's town and Schneider et al. 2025's communities are simulated agents.
    const agents = entries.filter((e) => e.figures.some((f) => f.subjects === 'agents')).map((e) => e.id);
    assert.deepEqual(agents.sort(), ['friend-making', 'town-diffusion']);
    for (const e of entries.filter((x) => agents.includes(x.id))) {
      assert.ok(
        e.figures.every((f) => f.subjects === 'agents'),
        `${e.id}: every figure is the agents'`,
      );
    }
  });

  for (const entry of entries) {
    it(`${entry.id}: checks clean and produces every figure's metric`, async () => {
      const loaded = await loadScenarioFile(path.join(LIBRARY, entry.scenario), { root: LIBRARY });
      const loud = loaded.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(
        loud.map((d) => formatDiagnostic(d)),
        [],
      );
      const scenario = await loadEntryScenario(LIBRARY, entry);
      const conditions = new Set(scenario.experiment?.conditions.map((c) => c.name));
      for (const f of entry.figures) assert.ok(conditions.has(f.condition), `${f.id}: no condition ${f.condition}`);
      // Every variation is a condition the scenario can take (a path it declares, a value that fits).
      for (const c of entry.varied?.conditions ?? []) {
        assert.doesNotThrow(() => withOverrides(scenario, c.set), `${entry.id}: varied condition ${c.name}`);
      }
      const out = fs.mkdtempSync(path.join(os.tmpdir(), `library-${entry.id}-`));
      const [result] = await validateLibrary([entry], { dir: LIBRARY, outDir: out, seeds: [1], jobs: 1 });
      for (const s of result.scored) {
        assert.equal(typeof s.simulated.mean, 'number', `${entry.id}/${s.figure.id}: ${s.figure.metric} has no value`);
        assert.ok(Number.isFinite(s.simulated.mean), `${entry.id}/${s.figure.id}: not finite`);
      }
      for (const s of result.series) {
        assert.ok(
          s.rounds.some((r) => r.sim.mean !== null),
          `${entry.id}: no simulated ${s.metric} in ${s.condition}`,
        );
      }
    });
  }
});
