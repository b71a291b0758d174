// A census population group (issue 48) in the engine: members synthesised by IPF from the tables,
// their fields set from their cells, their provenance recorded in agent_added; groups without
// census tables draw exactly as before.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import type { Scenario } from '../../../src/core/format/model/model';
import { samplePopulation } from '../../../src/core/engine/society/population';
import { scenarioCoverage } from '../../../src/core/format/assemble/census/coverageText';

const dir = path.resolve('/virtual/census-engine');
const file = path.join(dir, 's.society');
const MARGINALS = [
  'attribute,category,count',
  'age,18-34,300',
  'age,35-64,500',
  'age,65+,200',
  'sex,female,520',
  'sex,male,480',
].join('\n');
const INCOME = ['income,share', 'low,0.25', 'mid,0.5', 'high,0.25'].join('\n');
const JOINT = [
  'age,sex,count',
  '18-34,female,3',
  '18-34,male,3',
  '35-64,female,5',
  '35-64,male,4',
  '65+,female,3',
  '65+,male,1',
].join('\n');

async function scenario(count: number): Promise<Scenario> {
  const text = [
    'kind: scenario',
    'name: S',
    'seed: 5',
    'population:',
    '  - group: people',
    '    id_prefix: p',
    `    count: ${count}`,
    '    census:',
    '      marginals: [m.csv, income.csv]',
    '      joint: j.csv',
    '      attributes: { age: age, sex: gender, income: state.income }',
    '  - { group: others, count: 3, traits: { openness: { uniform: { min: 0, max: 1 } } } }',
    'state:',
    '  agents:',
    '    income: { initial: 0, labels: [low, mid, high] }',
    '',
  ].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  overlay.set(path.join(dir, 'm.csv'), MARGINALS);
  overlay.set(path.join(dir, 'income.csv'), INCOME);
  overlay.set(path.join(dir, 'j.csv'), JOINT);
  const r = await new SocietyWorkspace(overlay, dir).resolveScenario(file);
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.scenario);
  return r.scenario;
}

describe('census populations: synthesis', () => {
  it('synthesises count agents whose margins match the tables as whole agents', async () => {
    const s = await scenario(97);
    const people = samplePopulation(s.population[0], s.seed);
    assert.equal(people.length, 97);
    const share = (attr: string, cat: string): number => people.filter((p) => p.provenance?.cell[attr] === cat).length;
    // Whole targets by largest remainder: 97 × (0.3, 0.5, 0.2) = 29.1, 48.5, 19.4 → 29, 49, 19.
    assert.deepEqual([share('age', '18-34'), share('age', '35-64'), share('age', '65+')], [29, 49, 19]);
    // 97 × (0.52, 0.48) = 50.44, 46.56 → 50, 47.
    assert.deepEqual([share('sex', 'female'), share('sex', 'male')], [50, 47]);
    const cov = scenarioCoverage(s)[0].coverage;
    assert.ok(Math.abs(cov.largest.error) <= 0.5 / 97 + 1e-12, `largest error ${cov.largest.error}`);
  });

  it('sets each field from the cell: a whole age in the band, gender, a labelled quantity', async () => {
    const s = await scenario(60);
    for (const p of samplePopulation(s.population[0], s.seed)) {
      const cell = p.provenance?.cell ?? {};
      const [lo, hi] = cell.age === '65+' ? [65, 94] : (cell.age ?? '').split('-').map(Number);
      assert.ok(
        Number.isInteger(p.age) && (p.age ?? 0) >= lo && (p.age ?? 0) <= hi,
        `${p.id} age ${p.age} in ${cell.age}`,
      );
      assert.equal(p.gender, cell.sex);
      assert.equal(p.state?.income, ['low', 'mid', 'high'].indexOf(cell.income));
      assert.deepEqual(p.provenance?.tables, ['m.csv', 'income.csv', 'j.csv']);
      assert.ok((p.provenance?.weight ?? 0) > 0);
      assert.ok((p.provenance?.seed_rows ?? []).length > 0, 'the joint rows behind the cell');
    }
  });

  it('is the same for the same seed, and the other group draws as without census tables', async () => {
    const s = await scenario(40);
    const a = samplePopulation(s.population[0], s.seed);
    const b = samplePopulation(s.population[0], s.seed);
    assert.deepEqual(a, b);
    assert.notDeepEqual(
      samplePopulation(s.population[0], s.seed + 1).map((p) => p.provenance?.cell),
      a.map((p) => p.provenance?.cell),
    );
    const plain = { ...s.population[1] };
    const others = samplePopulation(plain, s.seed);
    assert.ok(others.every((p) => !('provenance' in p)));
    const withoutCensus = await scenario(0);
    assert.deepEqual(samplePopulation(withoutCensus.population[1], s.seed), others);
  });
});
