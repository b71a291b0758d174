// Hovers of census populations: the group's coverage on `census:`, an agent's provenance on its id.
import * as assert from 'node:assert/strict';
import { hoverAt } from '../../../src/core/format';
import { projectOf } from './editorFixtures';

const MARGINALS = [
  'attribute,category,count',
  'age,18-34,30',
  'age,35-64,50',
  'age,65+,20',
  'sex,female,52',
  'sex,male,48',
].join('\n');
const JOINT = ['age,sex', '18-34,female', '18-34,male', '35-64,female', '35-64,male', '65+,female', '65+,male'].join(
  '\n',
);
const TEXT = [
  'kind: scenario',
  'name: S',
  'seed: 9',
  'population:',
  '  - group: people',
  '    id_prefix: p',
  '    count: 50',
  '    census:',
  '      marginals: m.csv',
  '      joint: j.csv',
  '      attributes: { age: age, sex: gender }',
  'world:',
  '  setting: A town.',
  '  rounds: 1',
  '  rooms:',
  '    - { name: hall, members: [p1, p2] }',
  '',
].join('\n');

describe('census populations: hovers', () => {
  it('on census: the coverage, target vs synthesised per category and the largest error', async () => {
    const { project, file } = await projectOf({ 's.society': TEXT, 'm.csv': MARGINALS, 'j.csv': JOINT });
    const h = await hoverAt(project, file('s.society'), TEXT.indexOf('census:') + 2);
    const md = h?.markdown ?? '';
    assert.match(
      md,
      /^\*\*census coverage\*\* · people: 50 agents from m\.csv, j\.csv \(IPF \d+ sweeps\); largest marginal error [+−]\d\.\d\d pp/,
    );
    assert.match(md, /\| age \| 18-34 \| 30\.0% \| 30\.0% \| \+0\.00 pp \|/);
    assert.match(md, /\| sex \| female \| 52\.0% \| 52\.0% \| \+0\.00 pp \|/);
    // Anything under census: hovers the same.
    const under = await hoverAt(project, file('s.society'), TEXT.indexOf('m.csv') + 1);
    assert.equal(under?.markdown, md);
  });

  it("on a generated id: the agent's cell, IPF weight and the joint rows behind it", async () => {
    const { project, file } = await projectOf({ 's.society': TEXT, 'm.csv': MARGINALS, 'j.csv': JOINT });
    const h = await hoverAt(project, file('s.society'), TEXT.indexOf('p1,') + 1);
    const md = h?.markdown ?? '';
    assert.match(md, /\*\*census provenance\*\* \(seed 9\): age `(18-34|35-64|65\+)` · sex `(female|male)`/);
    assert.match(md, /IPF weight \d+\.\d{3} \(agents like it the fit expects\) · joint rows \d+ of j\.csv/);
  });
});
