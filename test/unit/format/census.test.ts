// Census population tables (issue 48): SOC125–SOC129 with line/column and did-you-mean, and the
// tables hung on the built scenario.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { textAt } from './editorFixtures';

const dir = path.resolve('/virtual/census');
const file = path.join(dir, 's.society');

const MARGINALS = [
  'attribute,category,count',
  'age,18-34,30',
  'age,35-64,50',
  'age,65+,20',
  'sex,female,52',
  'sex,male,48',
].join('\n');
const REGION = ['region,share', 'north,0.6', 'south,0.4'].join('\n');

async function resolve(census: string[], files: Record<string, string> = {}, build = false) {
  const text = [
    'kind: scenario',
    'name: S',
    'seed: 3',
    'population:',
    '  - group: people',
    '    count: 10',
    '    census:',
    ...census.map((l) => `      ${l}`),
    'state:',
    '  agents:',
    '    income: { initial: 0, labels: [low, mid, high] }',
    '',
  ].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  for (const [name, t] of Object.entries(files)) overlay.set(path.join(dir, name), t);
  const r = await new SocietyWorkspace(overlay, dir).resolveScenario(file, undefined, { build });
  const said = r.diagnostics.map(
    (d: Diagnostic) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code} ${d.severity} ${d.message}`,
  );
  return { said, scenario: r.scenario };
}

const TABLES = { 'm.csv': MARGINALS, 'region.csv': REGION };

describe('census populations: diagnostics', () => {
  it('tables that read, with a mapping onto fields, check clean and hang on the scenario', async () => {
    const { said, scenario } = await resolve(
      ['marginals: [m.csv, region.csv]', 'attributes:', '  age: age', '  sex: { field: gender }', '  region: location'],
      TABLES,
      true,
    );
    assert.deepEqual(said, []);
    const data = scenario?.population[0].census?.data;
    assert.deepEqual(
      data?.attributes.map((a) => [a.name, a.categories.join('/'), a.field ?? '-']),
      [
        ['age', '18-34/35-64/65+', 'age'],
        ['sex', 'female/male', 'gender'],
        ['region', 'north/south', 'location'],
      ],
    );
    // "65+" is as wide as the widest band (35-64: 29 wide).
    assert.deepEqual(data?.attributes[0].values?.[2], { range: [65, 94], integer: true });
  });

  it('a missing file: SOC125 at the file name', async () => {
    const { said } = await resolve(['marginals: [m.csv, nowhere.csv]'], TABLES);
    assert.equal(said.length, 1);
    assert.match(said[0], /^8:26 <<nowhere\.csv>> SOC125 error Census table 'nowhere\.csv' not found/);
  });

  it('an unknown attribute or field: SOC126 with did-you-mean', async () => {
    const { said } = await resolve(
      ['marginals: m.csv', 'attributes:', '  sexx: gender', '  age: traits.opennes'],
      TABLES,
    );
    assert.deepEqual(said, [
      "10:9 <<sexx>> SOC126 error Unknown census attribute 'sexx' — did you mean 'sex'? (the tables have: age, sex)",
      "11:14 <<traits.opennes>> SOC126 error 'traits.opennes' is no persona field a census attribute can set — did you mean 'traits.openness'?",
    ]);
  });

  it('an unknown joint column and a category absent from the marginals: SOC126, SOC127', async () => {
    const joint = ['age,sexe,count', '18-34,female,3', '35-64,male,4', '65+,female,1'].join('\n');
    const { said } = await resolve(['marginals: m.csv', 'joint: j.csv'], { ...TABLES, 'j.csv': joint });
    assert.deepEqual(said, [
      "9:14 <<j.csv>> SOC126 error Joint table 'j.csv' column 'sexe' is no attribute of the marginal tables — did you mean 'sex'?",
    ]);
    const joint2 = ['age,sex', '18-34,female', '35-65,male', '65+,female'].join('\n');
    const r2 = await resolve(['marginals: m.csv', 'joint: j.csv'], { ...TABLES, 'j.csv': joint2 });
    assert.deepEqual(r2.said, [
      "9:14 <<j.csv>> SOC127 error Joint table 'j.csv' line 3: age '35-65' is not in its marginal table — did you mean '35-64'?",
    ]);
  });

  it('categories in the mapping absent from the table, or unreadable as numbers: SOC127', async () => {
    const { said } = await resolve(
      [
        'marginals: [m.csv, region.csv]',
        'attributes:',
        '  region: { field: state.income, values: { nrth: low } }',
        '  sex: traits.openness',
      ],
      TABLES,
    );
    assert.deepEqual(said, [
      "10:26 <<state.income>> SOC127 error region categories 'north', 'south' are no number or range for state.income: give each in `values`",
      "10:50 <<nrth>> SOC127 error region has no category 'nrth' — did you mean 'north'? (its categories: north, south)",
      "11:14 <<traits.openness>> SOC127 error sex categories 'female', 'male' are no number or range for traits.openness: give each in `values`",
    ]);
  });

  it('marginals with different totals: SOC128, a warning', async () => {
    const m = MARGINALS.replace('sex,male,48', 'sex,male,60');
    const { said } = await resolve(['marginals: m.csv'], { 'm.csv': m });
    assert.deepEqual(said, [
      '8:18 <<m.csv>> SOC128 warning The census marginals sum to different totals (age 100, sex 112): each is fitted as shares of its own total',
    ]);
  });

  it('an attribute whose counts are all zero: SOC125, an error (the run could place nobody)', async () => {
    const m = MARGINALS.replace('sex,female,52', 'sex,female,0').replace('sex,male,48', 'sex,male,0');
    const { said } = await resolve(['marginals: m.csv'], { 'm.csv': m });
    assert.ok(
      said.includes(
        '8:18 <<m.csv>> SOC125 error Census attribute sex has no count above zero: no agent can be synthesised from it',
      ),
      said.join('\n'),
    );
  });

  it('a joint table with no weight for a category the marginals ask for: SOC129', async () => {
    const joint = ['age,sex,count', '18-34,female,3', '35-64,female,4', '65+,female,2', '18-34,male,0'].join('\n');
    const { said } = await resolve(['marginals: m.csv', 'joint: j.csv'], { 'm.csv': MARGINALS, 'j.csv': joint });
    assert.deepEqual(said, [
      "9:14 <<j.csv>> SOC129 error The joint table 'j.csv' has no weight for sex 'male', which the marginals ask for: IPF cannot reach that margin (add a row, or a small seed count to the zero cells)",
    ]);
  });

  it('a table without a count column: SOC125', async () => {
    const { said } = await resolve(['marginals: m.csv'], { 'm.csv': 'attribute,category\nage,18-34' });
    assert.equal(said.length, 1);
    assert.match(said[0], /SOC125 error Census table 'm\.csv': no count or share column/);
  });
});
