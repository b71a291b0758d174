// Calibration on a scenario written here: a sweep whose best setting is known by construction
// (the observed data are a run of one setting) ranks that setting first; and the pieces — sweep
// conditions, fit, ranking, fit.csv — on small hand-made series.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import { readObserved } from '../../../src/core/format/assemble/observedData';
import { runCalibration } from '../../../src/core/experiment/calibrate';
import { sweepConditions } from '../../../src/core/experiment/sweep';
import { fitRuns } from '../../../src/core/analysis/calibration/fit';
import { rankConditions } from '../../../src/core/analysis/calibration/rank';
import { fitCsv } from '../../../src/core/analysis/calibration/fitCsv';
import { scratchDir } from '../../support/scratch';

// A stock that grows by `rate` each round: the rate 2 run gives 10, 12, 14, …
const SCENARIO = `kind: scenario
name: Growth
personas:
  - { id: ana, name: Ana }
  - { id: bo, name: Bo }
world: { rounds: 6 }
state:
  world:
    rate: { initial: 1 }
    stock: { initial: 10, update: "world.stock + world.rate" }
calibration:
  observed: observed.csv
  measures: { stock: world.stock }
  sweep:
    state.world.rate.initial: [1, 2, 3]
  seeds: [1, 2]
`;

describe('calibration: a sweep recovers the setting the data came from', () => {
  it('ranks rate=2 first, writes fit.csv and the Fit section', async function () {
    const dir = scratchDir('society-calibration-');
    fs.writeFileSync(path.join(dir, 'growth.society'), SCENARIO);
    const rows = [0, 1, 2, 3, 4, 5, 6].map((r) => `${r},stock,${10 + 2 * r}`);
    fs.writeFileSync(path.join(dir, 'observed.csv'), ['round,measure,value', ...rows, ''].join('\n'));
    const { scenario } = await loadScenarioFile(path.join(dir, 'growth.society'));
    const { data, problems } = readObserved(fs.readFileSync(path.join(dir, 'observed.csv'), 'utf8'));
    assert.deepEqual(problems, []);
    const outDir = path.join(dir, 'out');
    const done = await runCalibration(
      scenario!,
      scenario!.calibration!,
      { data, name: 'observed.csv' },
      { outDir, jobs: 1, traces: false },
    );
    assert.deepEqual(
      done.ranked.map((r) => [r.condition, r.score]),
      [
        ['initial=2', 0],
        ['initial=1', Math.sqrt((1 + 4 + 9 + 16 + 25 + 36) / 7) / 12],
        ['initial=3', Math.sqrt((1 + 4 + 9 + 16 + 25 + 36) / 7) / 12],
      ],
    );
    const best = done.ranked[0].fits[0];
    assert.equal(best.error.rmse, 0);
    assert.deepEqual(best.ks, { d: 0, p: 1, method: 'exact' });
    const csv = fs.readFileSync(path.join(outDir, 'fit.csv'), 'utf8').split('\n');
    assert.equal(csv[0], 'rank,condition,setting,score,measure,series,rounds,rmse,nrmse,mae,ks,ks_p,t,df,t_p');
    assert.match(csv[1], /^1,initial=2,state\.world\.rate\.initial: 2,0,stock,world\.stock,7,0,0,0,0,1,0,/);
    const html = fs.readFileSync(path.join(outDir, 'experiment.html'), 'utf8');
    assert.match(html, /<h2>Fit<\/h2>/);
    assert.match(html, /Best fit: <strong>initial=2<\/strong>/);
    assert.ok(fs.existsSync(path.join(outDir, 'fit_rounds.csv')));
  });
});

describe('calibration pieces', () => {
  it('names sweep settings by the paths’ last parts, numbered where their file names would clash', () => {
    assert.deepEqual(
      sweepConditions({ 'state.world.a.initial': [1, 2], 'world.rounds': [5] }).map((c) => c.name),
      ['initial=1, rounds=5', 'initial=2, rounds=5'],
    );
    assert.deepEqual(
      sweepConditions({ 'state.world.a.initial': [0.2, -0.2] }).map((c) => c.name),
      ['1. initial=0.2', '2. initial=-0.2'],
    );
    assert.deepEqual(
      sweepConditions({ 'state.world.a.initial': [1], 'state.world.b.initial': [2] })[0].name,
      'state.world.a.initial=1, state.world.b.initial=2',
    );
  });

  it('fits per condition, observed rows of a condition count only there; runs as samples per round', () => {
    const series = (values: number[]) => ({ rounds: values.map((_, i) => i), metrics: { 'world.x': values } });
    const runs = [
      { condition: 'a', seed: 1, series: series([1, 2, 3]) },
      { condition: 'a', seed: 2, series: series([1, 4, 5]) },
      { condition: 'b', seed: 1, series: series([0, 0, 0]) },
    ];
    const { data } = readObserved('round,measure,value,condition\n1,x,3,\n2,x,4,\n2,x,9,b\n');
    const fits = fitRuns(runs, data, { x: 'world.x' });
    const a = fits.find((f) => f.condition === 'a')!;
    assert.deepEqual(
      a.rounds.map((r) => [r.round, r.observed, r.simulated, r.simulatedN]),
      [
        [1, 3, 3, 2],
        [2, 4, 4, 2],
      ],
    );
    assert.equal(a.error.rmse, 0);
    const b = fits.find((f) => f.condition === 'b')!;
    // python3 -c "import numpy as np; print(np.sqrt(((0-3)**2 + (0-6.5)**2)/2))"
    assert.ok(Math.abs(b.error.rmse! - 5.062114182829147) < 1e-12);
    const ranked = rankConditions(fits, 'rmse');
    assert.deepEqual(
      ranked.map((r) => r.condition),
      ['a', 'b'],
    );
    assert.deepEqual(
      rankConditions(fits, 'ks').map((r) => r.condition),
      ['a', 'b'],
    );
    const csv = fitCsv(ranked, new Map([['a', 'x: 1']]));
    assert.equal(csv.split('\n')[1].split(',').slice(0, 6).join(','), '1,a,x: 1,0,x,world.x');
  });

  it('observed rows at rounds no run reaches leave KS and t as they were', () => {
    const series = (values: number[]) => ({ rounds: values.map((_, i) => i), metrics: { x: values } });
    const runs = [
      { condition: 'a', seed: 1, series: series([1, 2, 3]) },
      { condition: 'a', seed: 2, series: series([1, 4, 5]) },
    ];
    const rows = 'round,measure,value\n0,x,1\n1,x,3\n2,x,4\n';
    const [within] = fitRuns(runs, readObserved(rows).data);
    const [past] = fitRuns(runs, readObserved(`${rows}9,x,50\n9,x,60\n`).data);
    assert.equal(past.ks!.d, within.ks!.d);
    assert.equal(past.t.t, within.t.t);
    assert.equal(past.error.n, 3);
  });

  it('ranks a condition with nothing to compare last', () => {
    const { data } = readObserved('round,measure,value\n1,x,3\n');
    const fits = fitRuns(
      [
        { condition: 'none', seed: 1, series: { rounds: [0], metrics: {} } },
        { condition: 'some', seed: 1, series: { rounds: [1], metrics: { x: [5] } } },
      ],
      data,
    );
    assert.deepEqual(
      rankConditions(fits, 'rmse').map((r) => [r.condition, r.score]),
      [
        ['some', 2],
        ['none', null],
      ],
    );
  });
});
