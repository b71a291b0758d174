// A categorical quantity (`labels`) is not "more is better" for the offline model: going to the
// park (place 0 → 2) was weighed as "raises my place by 2", so every resident drifted to the
// highest label. Its changes are left out of what the model weighs, as a tally's are.
import * as assert from 'node:assert/strict';
import { scenarioFromText, traceOf } from './traceHelpers';

const town = (valued: string): string => `kind: scenario
name: Town square
seed: 9
personas:
${Array.from({ length: 12 }, (_, i) => `  - { id: t${i}, name: Resident ${i} }`).join('\n')}
world: { rounds: 6 }
state:
  agents:
    place:
      labels: [home, cafe, park]
${valued}
actions:
  go_home: { description: Go home., effects: { me.place: "0.0" } }
  go_cafe: { description: Go to the cafe., effects: { me.place: "1.0" } }
  go_park: { description: Go to the park., effects: { me.place: "2.0" } }
round:
  - phase: move
`;

const choices = (trace: string): string[] =>
  trace
    .split('\n')
    .filter((l) => l.includes('"type":"action"'))
    .map((l) => JSON.parse(l).action as string);

describe('the offline model and categorical quantities (issue 42: 4)', () => {
  it('weighs a labelled quantity as it weighs a tally: the same choices as with valued: false', async () => {
    const plain = choices(await traceOf(await scenarioFromText(town(''))));
    const tally = choices(await traceOf(await scenarioFromText(town('      valued: false'))));
    assert.equal(plain.length, 12 * 6);
    assert.deepEqual(plain, tally);
    const park = plain.filter((a) => a === 'go_park').length;
    assert.ok(park < plain.length * 0.8, `not everyone to the highest label: ${park} of ${plain.length}`);
  });
});
