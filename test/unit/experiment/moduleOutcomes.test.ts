// A world quantity only a scenario's module writes is an outcome like any other (issue 41, defect
// 9): its final value and survival come from the run's state events, whoever wrote them, so a
// claim on it is testable; and `society check`, which never loads the module, does not say it
// "stays" at its initial value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { runOne } from '../../../src/core/experiment/runOne';
import { scratchDir } from '../../support/scratch';

const SCENARIO = `kind: scenario
name: rising tide
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 3, conversation: { turns: 2 } }
coaching: { enabled: false }
state:
  world:
    tide: { initial: 1, min: 0, max: 100 }
module: ./tide.mjs
`;
const MODULE = "export function endRound(w) { w.setWorld('tide', w.world('tide') * 2 + 1); }\n";

describe('a world quantity written only by a module', function () {
  it("is among a run's outcomes, read from its state events", async () => {
    const dir = scratchDir('society-module-outcome-');
    fs.writeFileSync(path.join(dir, 'tide.mjs'), MODULE);
    const file = path.join(dir, 'tide.society');
    fs.writeFileSync(file, SCENARIO);
    const { scenario, diagnostics } = await loadScenarioFile(file, { root: dir });
    assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
    // No "it stays 1": the module may write it (validation never loads it to find out).
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'SOC065' && d.severity !== 'info').map((d) => d.message),
      [],
    );
    const outcome = await runOne(scenario, { name: 'as written', set: {} }, 1, { allowModule: true });
    // 1 → 3 → 7 → 15 over three rounds.
    assert.equal(outcome.metrics['world.tide.final'], 15);
    assert.equal(outcome.metrics['world.tide.survival'], 3);
  });
});
