// Completion and hover where an experiment names a metric (issue 45): a claim's `metric` and
// `experiment.metrics` offer the network's metrics, the declared state's outcomes and the
// outcomes over time of every series as patterns to fill in; a hover on an outcome over time says
// what it measures, censoring and all.
import * as assert from 'node:assert/strict';
import { complete, hoverAt } from '../../../src/core/format';
import { cursorIn, projectOf } from './editorFixtures';

const SCENARIO = [
  'kind: scenario',
  'name: S',
  'personas:',
  '  - { id: ana, name: Ana }',
  'state:',
  '  world:',
  '    fish: { initial: 10, update: "world.fish + 1.0" }',
  'knowledge:',
  '  news: { text: "The mill closes.", source: ana }',
  'experiment:',
  '  conditions:',
  '    - { name: a, set: {} }',
  '    - { name: b, set: {} }',
];

async function at(marked: string) {
  const { text, position, offset } = cursorIn(marked);
  const { project, file, overlay } = await projectOf({ 's.society': text });
  overlay.set(file('s.society'), text);
  return { project, file: file('s.society'), position, offset };
}

describe('metric completion and hover', () => {
  it("offers metrics, state outcomes and time patterns at a claim's metric", async () => {
    const s = await at([...SCENARIO, '  claims:', '    - { metric: |, higher: a, than: b }', ''].join('\n'));
    const items = await complete(s.project, s.file, s.position);
    const labels = items.map((i) => i.label);
    for (const l of [
      'density',
      'world.fish.final',
      'knowledge.news.share',
      'knowledge.news.share.reaches.…',
      'world.fish.at.r…',
    ]) {
      assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
    }
    const reaches = items.find((i) => i.label === 'knowledge.news.share.reaches.…')!;
    assert.equal(reaches.insertText, 'knowledge.news.share.reaches.${1:0.5}');
    assert.equal(reaches.snippet, true);
    assert.match(reaches.documentation!, /first round at or above a level \(rounds \+ 1 if never\)/);
  });

  it('offers them as items of experiment.metrics too', async () => {
    const s = await at([...SCENARIO, '  metrics:', '    - |', ''].join('\n'));
    const labels = (await complete(s.project, s.file, s.position)).map((i) => i.label);
    assert.ok(labels.includes('agents.x.mean') === false);
    assert.ok(labels.includes('world.fish.falls.…'), labels.join(', '));
    assert.ok(labels.includes('reciprocity'));
  });

  it('hovers an outcome over time with its meaning', async () => {
    const s = await at(
      [...SCENARIO, '  claims:', '    - { metric: knowledge.news.share.re|aches.0.5, higher: a, than: b }', ''].join(
        '\n',
      ),
    );
    const h = await hoverAt(s.project, s.file, s.offset);
    assert.match(
      h!.markdown,
      /^\*\*`knowledge\.news\.share\.reaches\.0\.5`\*\* · outcome over time\n\nFirst round knowledge\.news\.share ≥ 0\.5 .*rounds \+ 1, censored/,
    );
  });
});
