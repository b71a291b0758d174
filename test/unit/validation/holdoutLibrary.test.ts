// The holdout library (test/holdout, issue 72): classic games the shipped library does not ship,
// written from the docs alone and never used to tune the offline model. This test checks only
// that every entry is well formed — its scenario checks clean and every figure and varied claim
// names a condition and a metric its experiment has — and never what the model scores on it:
// the holdout measures model changes, it does not pin them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readLibrary } from '../../../src/core/validation/reference';
import { loadEntryScenario } from '../../../src/core/validation/validate';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { formatDiagnostic } from '../../../src/core/format/model/diagnostics';
import { withOverrides } from '../../../src/core/experiment/overrides';

const HOLDOUT = path.resolve(__dirname, '../../holdout');
const SHIPPED = path.resolve(__dirname, '../../../validation');

describe('the holdout validation library', function () {
  const entries = readLibrary(HOLDOUT);

  it('holds the games issue 72 lists, none of them a shipped entry', () => {
    const ids = entries.map((e) => e.id);
    for (const id of [
      'public-goods-group-size',
      'partners-strangers',
      'punishment-strangers',
      'ultimatum-stakes',
      'trust-multiplier',
      'prisoners-dilemma-horizon',
      'commons-ten-tokens',
    ]) {
      assert.ok(ids.includes(id), `missing ${id}`);
    }
    const shipped = new Set(readLibrary(SHIPPED).map((e) => e.id));
    assert.deepEqual(
      ids.filter((id) => shipped.has(id)),
      [],
    );
  });

  it('describes every entry in its README', () => {
    const readme = fs.readFileSync(path.join(HOLDOUT, 'README.md'), 'utf8');
    for (const e of entries) assert.ok(readme.includes(`\`${e.id}\``), `README.md does not describe ${e.id}`);
  });

  for (const entry of entries) {
    it(`${entry.id}: checks clean, and every figure and varied claim reads what its experiment has`, async () => {
      const loaded = await loadScenarioFile(path.join(HOLDOUT, entry.scenario), { root: HOLDOUT });
      const loud = loaded.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(
        loud.map((d) => formatDiagnostic(d)),
        [],
      );
      const scenario = await loadEntryScenario(HOLDOUT, entry);
      const conditions = new Set(scenario.experiment?.conditions.map((c) => c.name));
      // `experiment.metrics` is checked by `society check` (SOC078, SOC103): a metric listed there
      // is one the runs measure, so each figure's metric must be listed.
      const metrics = new Set(scenario.experiment?.metrics ?? []);
      for (const f of entry.figures) {
        assert.ok(conditions.has(f.condition), `${f.id}: no condition '${f.condition}'`);
        assert.ok(metrics.has(f.metric), `${f.id}: '${f.metric}' is not in experiment.metrics`);
        const than = f.direction?.than;
        if (typeof than === 'string') {
          assert.ok(conditions.has(than), `${f.id}: no condition '${than}' to compare with`);
        }
      }
      for (const s of entry.series) {
        assert.ok(conditions.has(s.condition), `series ${s.metric}: no condition '${s.condition}'`);
      }
      for (const c of entry.varied?.conditions ?? []) {
        assert.doesNotThrow(() => withOverrides(scenario, c.set), `varied condition ${c.name}`);
      }
      for (const claim of entry.varied?.claims ?? []) {
        assert.ok(
          metrics.has(claim.metric),
          `varied claim '${claim.text}': '${claim.metric}' is not in experiment.metrics`,
        );
      }
    });
  }
});
