// A calibration block checked where it is written (SOC130–SOC134), the observed CSV read as
// `society calibrate` reads it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { readObserved } from '../../../src/core/format/assemble/observedData';
import { complete } from '../../../src/core/format';
import { cursorIn, projectOf } from './editorFixtures';

const file = path.resolve('/virtual/calibrationChecks/s.society');
const csv = path.resolve('/virtual/calibrationChecks/obs.csv');

async function diagnostics(lines: string[], observed?: string): Promise<Diagnostic[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  if (observed !== undefined) overlay.set(csv, observed);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics;
}
const shown = (ds: Diagnostic[], ...codes: string[]): string[] =>
  ds
    .filter((d) => codes.includes(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity} ${d.message}`);

const scenario = (calibration: string[]): string[] => [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana }',
  '  - { id: bo, name: Bo }',
  'state:',
  '  world:',
  '    fish: { initial: 10, min: 0, max: 20, update: "world.fish + 1.0" }',
  'calibration:',
  ...calibration,
];
const OBS = 'round,measure,value\n0,stock,10\n1,stock,11\n';

describe('calibration checks (SOC130–SOC134)', () => {
  it('accepts a calibration whose measures, sweep and file agree', async () => {
    const ds = await diagnostics(
      scenario([
        '  observed: obs.csv',
        '  measures: { stock: world.fish }',
        '  sweep:',
        '    state.world.fish.initial: [5, 10]',
      ]),
      OBS,
    );
    assert.deepEqual(shown(ds, 'SOC130', 'SOC131', 'SOC132', 'SOC133', 'SOC134', 'SOC054'), []);
    assert.deepEqual(
      ds.filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('SOC140: observed rows naming a condition not run, or past the last round', async () => {
    const ds = await diagnostics(
      ['world: { rounds: 3 }', ...scenario(['  observed: obs.csv', '  measures: { stock: world.fish }'])],
      'round,measure,value,condition\n0,stock,10,\n1,stock,11,as writen\n9,stock,50,\n10,stock,51,\n',
    );
    assert.deepEqual(shown(ds, 'SOC140'), [
      "11:13 SOC140 error obs.csv:3: condition 'as writen' is not one the calibration runs (did you mean 'as written'?); the conditions are: as written",
      '11:13 SOC140 warning obs.csv:4: 2 rows at rounds after the last (3): no run has a value there, so the fit leaves them out',
    ]);
  });

  it('SOC130: a series the runs lack, with the one meant as a fix', async () => {
    const ds = await diagnostics(scenario(['  observed: obs.csv', '  measures: { stock: world.fsh }']), OBS);
    assert.equal(
      shown(ds, 'SOC130')[0].startsWith(
        "11:22 SOC130 error Unknown series 'world.fsh' for measure 'stock'. Did you mean 'world.fish'?",
      ),
      true,
      shown(ds, 'SOC130')[0],
    );
    assert.deepEqual(
      ds.find((d) => d.code === 'SOC130')!.fixes?.map((f) => f.newText),
      ['world.fish'],
    );
  });

  it('SOC131, SOC132 and SOC054: a value tried twice, a seed twice, a path no condition can set', async () => {
    const ds = await diagnostics(
      scenario([
        '  observed: obs.csv',
        '  measures: { stock: world.fish }',
        '  sweep:',
        '    state.world.fish.initial: [5, 10, 5]',
        '    state.world.fsh.initial: [1]',
        '  seeds: [1, 2, 1]',
      ]),
      OBS,
    );
    assert.deepEqual(shown(ds, 'SOC131', 'SOC132'), [
      '13:39 SOC131 warning The sweep tries 5 twice: the same setting runs again',
      '15:17 SOC132 error calibration.seeds lists 1 twice: repeated seeds are not independent runs',
    ]);
    assert.equal(shown(ds, 'SOC054').length, 1);
    assert.match(shown(ds, 'SOC054')[0], /^14:5 SOC054 error .*fsh/);
  });

  it('SOC133: the observed file missing, or a column missing (with its line)', async () => {
    const missing = await diagnostics(scenario(['  observed: nope.csv']));
    assert.match(shown(missing, 'SOC133')[0], /^10:13 SOC133 error Observed data 'nope.csv' not found/);
    const bad = await diagnostics(scenario(['  observed: obs.csv']), '# made up\nround,measure,valeu\n0,stock,1\n');
    assert.deepEqual(shown(bad, 'SOC133'), [
      "10:13 SOC133 error obs.csv:2: no 'value' column (is 'valeu' it?): the columns are round, measure, value, and optionally condition, run, sample",
    ]);
  });

  it('SOC134: a mapped measure the file lacks, a measure that is no series', async () => {
    const ds = await diagnostics(scenario(['  observed: obs.csv', '  measures: { stok: world.fish }']), OBS);
    assert.deepEqual(shown(ds, 'SOC134'), [
      "10:13 SOC134 error Measure 'stock' of obs.csv is not a series the runs compute: map it under calibration.measures (`stock: world.<quantity>`)",
      "11:15 SOC134 warning obs.csv has no values of measure 'stok'. Did you mean 'stock'? (its measures: stock)",
    ]);
  });
});

describe('observed data', () => {
  it('reads rows with conditions and samples, skipping comments and empty values', () => {
    const { data, problems } = readObserved(
      '# invented\nRound,Measure,Value,Condition,Run\n0,fish,120,,a\n1,fish,,,a\n1,"fish",110.5,rich,b\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(data.points, [
      { round: 0, measure: 'fish', value: 120, line: 3, sample: 'a' },
      { round: 1, measure: 'fish', value: 110.5, line: 5, condition: 'rich', sample: 'b' },
    ]);
    assert.deepEqual(data.conditions, ['rich']);
  });

  it('says which line is wrong', () => {
    const { problems } = readObserved('round,measure,value\n1.5,fish,1\n2,fish,many\n3,,1\n');
    assert.deepEqual(problems, [
      { line: 2, message: "round '1.5' is not a round number (0, 1, 2 …)" },
      { line: 3, message: "value 'many' is not a number" },
      { line: 4, message: 'the measure is empty' },
    ]);
  });
});

describe('calibration completion', () => {
  it("offers the run's series at a measure's value", async () => {
    const { text, position } = cursorIn(
      [...scenario(['  observed: obs.csv', '  measures: { stock: | }']), ''].join('\n'),
    );
    const { project, file: fileOf, overlay } = await projectOf({ 's.society': text });
    overlay.set(fileOf('s.society'), text);
    const labels = (await complete(project, fileOf('s.society'), position)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['world.fish', 'density']);
    assert.ok(labels.includes('reciprocity'));
  });
});
