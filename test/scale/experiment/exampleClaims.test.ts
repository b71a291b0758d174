// What applies (issue 84): every shipped example's experiment is run (two seeds, a few rounds) and
// each claim it reports is one its world can make — a declared claim's metric is measured by its
// runs, and the seed paper's network and coaching claims appear only where the scenario asked for
// them or is a friendship society (no declared actions) whose runs form ties.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format';
import { runExperiment } from '../../../src/core/experiment';
import { paperClaimsApply } from '../../../src/core/experiment/paperClaimsApply';
import { scratchDir } from '../../support/scratch';

const examples = path.resolve(__dirname, '../../../examples');

function scenarioFiles(): string[] {
  return fs
    .readdirSync(examples)
    .flatMap((d) => {
      const dir = path.join(examples, d);
      return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    })
    .filter((f) => f.endsWith('.society') && /^kind: scenario$/m.test(fs.readFileSync(f, 'utf8')));
}

describe('every shipped example claims only what its world has', function () {
  for (const file of scenarioFiles()) {
    it(path.relative(examples, file), async () => {
      const loaded = await loadScenarioFile(file);
      const scenario = loaded.scenario;
      assert.ok(scenario, JSON.stringify(loaded.diagnostics.slice(0, 2)));
      if (!scenario.experiment) return;
      const rounds = Math.min(scenario.world.rounds, 4);
      const run = await runExperiment(scenario, {
        outDir: scratchDir('claims-'),
        seeds: [1, 2],
        rounds,
        jobs: 1,
        traces: false,
      });
      const r = run.result;
      for (const c of scenario.experiment.claims ?? []) {
        // A time outcome, a later generation's gain or a later day's share needs the full length; every other metric must be measured.
        if (/\.(reaches|falls|at)\.|\.gain\.g\d+$|\.share\.day\d+$/.test(c.metric)) continue;
        assert.ok(
          r.runs.some((x) => c.metric in x.metrics),
          `${c.text ?? c.metric}: metric ${c.metric} is not measured in this world`,
        );
      }
      const paper = r.claims.filter((c) => c.family === 'paper');
      if (!paperClaimsApply(scenario)) {
        assert.deepEqual(paper, [], 'no seed-paper claim in a world with actions that did not ask for them');
        assert.equal(r.paper_claims, false);
        assert.doesNotMatch(fs.readFileSync(run.files[0], 'utf8'), /null model|Against random graphs/);
      }
      for (const c of paper.filter((x) => /random graph/.test(x.text))) {
        assert.ok(r.runs.some((x) => (x.metrics.ties ?? 0) > 0) || c.holds === null, `${c.text}: no tie formed`);
      }
    });
  }
});
