// Categorical quantities (issue 42, `labels:` on a quantity): the labels name the values 0 … n − 1,
// so the build makes the quantity whole and bounded so; what is written beside them must agree
// (SOC079, at the value written, with what it should be); hovers list the values; the debugger's
// Variables write `place = 2 (park)`; a run clamps to the labels' range; and the debug session's
// peek at the state leaves the round's own state event whole.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  hoverAt,
  NodeFileSystem,
  OverlayFileSystem,
  SocietyWorkspace,
  type Diagnostic,
} from '../../../src/core/format';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { worldState, agentState } from '../../../src/core/debug/inspect';
import { DecisionLog } from '../../../src/core/debug/decisionLog';
import { VariableStore, preview } from '../../../src/debug/variables';
import { projectOf, textAt } from './editorFixtures';
import { scenarioFromText } from '../engine/traceHelpers';

const file = path.resolve('/virtual/labels/s.society');
const HEAD = ['kind: scenario', 'name: S', 'personas:', '  - { id: ana, name: Ana }', '  - { id: bo, name: Bo }'];

async function diagnostics(lines: string[]): Promise<{ text: string; all: Diagnostic[] }> {
  const text = [...lines, ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return { text, all: r.diagnostics };
}

/** `line:col <<the text the range covers>> CODE message`, 1-based. */
async function told(lines: string[]): Promise<string[]> {
  const { text, all } = await diagnostics(lines);
  return all.map(
    (d) =>
      `${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(text, d.range)}>> ${d.code} ${d.message}`,
  );
}

/** A town: where each agent is (home, cafe, park), a world season; going out moves an agent on. */
const TOWN = [
  ...HEAD,
  'world: { rounds: 3 }',
  'state:',
  '  world:',
  '    season: { labels: [spring, summer, autumn], update: "world.season + 1 > 2 ? 0.0 : world.season + 1.0" }',
  '  agents:',
  '    place: { description: Where the agent is., labels: [home, cafe, park], initial: 0 }',
  'actions:',
  '  go_out:',
  '    description: Go one place further.',
  '    effects:',
  '      me.place: "me.place + 1.0"',
];

describe('categorical quantities (labels)', () => {
  it('a quantity with labels checks clean, and builds whole and bounded by its labels', async () => {
    assert.deepEqual(await told(TOWN), []);
    const s = await scenarioFromText(TOWN.join('\n'));
    const [season] = s.mechanics!.world;
    const [place] = s.mechanics!.agents;
    assert.deepEqual(
      [season.labels, season.integer, season.min, season.max],
      [['spring', 'summer', 'autumn'], true, 0, 2],
    );
    assert.deepEqual([place.integer, place.min, place.max, place.initial], [true, 0, 2, 0]);
  });

  it('tells an integer, a min, a max or an initial that disagree with the labels, at the value (SOC079)', async () => {
    assert.deepEqual(
      await told([
        ...HEAD,
        'state:',
        '  world:',
        '    season: { labels: [spring, summer], integer: false, update: "world.season" }',
        '  agents:',
        '    place:',
        '      labels: [home, cafe, park]',
        '      min: 1',
        '      max: 5',
        '      initial: 3',
        '    vote: { labels: [yes, no], initial: 0.5, max: 1, min: 0 }',
      ]),
      [
        "8:50 <<false>> SOC079 World quantity 'season' has labels (0 spring, 1 summer), so it holds whole numbers: remove `integer: false`",
        "12:12 <<1>> SOC079 Agent quantity 'place' has labels (0 home, 1 cafe, 2 park): its min is 0, not 1; leave `min` out",
        "13:12 <<5>> SOC079 Agent quantity 'place' has labels (0 home, 1 cafe, 2 park): its max is 2, not 5; leave `max` out",
        "14:16 <<3>> SOC079 Agent quantity 'place' starts at 3, which no label names (0 home, 1 cafe, 2 park)",
        "15:41 <<0.5>> SOC079 Agent quantity 'vote' starts at 0.5, which no label names (0 yes, 1 no)",
      ],
    );
  });

  it('the schema wants two or more distinct names', async () => {
    const out = await told([
      ...HEAD,
      'state:',
      '  agents:',
      '    a: { labels: [home] }',
      '    b: { labels: [home, home] }',
      '    c: { labels: [home, 3] }',
    ]);
    assert.equal(out.length, 3, out.join('\n'));
    assert.ok(out.every((d) => !d.includes('SOC079')));
  });

  it('hovers list what each value means', async () => {
    const text = `${TOWN.join('\n')}\n`;
    const { project, file: at } = await projectOf({ 's.society': text });
    const h = await hoverAt(project, at('s.society'), text.lastIndexOf('me.place +') + 4);
    assert.equal(
      h?.markdown,
      '**me.place** · agent quantity · initial 0 (home) · 3 labels\n\nWhere the agent is.\n\nValues: 0 = home, 1 = cafe, 2 = park',
    );
  });

  it('Variables write a categorical value with its label; a run keeps it within the labels', async () => {
    const sim = Simulation.create(await scenarioFromText(TOWN.join('\n')));
    await sim.run();
    const store = new VariableStore();
    const world = store.children(store.ref(worldState(sim))).find((v) => v.name === 'state')!;
    assert.deepEqual(
      store.children(world.variablesReference).map((v) => `${v.name} = ${v.value}`),
      [`season = 0 (spring)`],
      'spring, summer, autumn, and spring again after round 3',
    );
    const agent = store.children(store.ref(agentState(sim, 'ana', new DecisionLog()))).find((v) => v.name === 'state')!;
    const place = store.children(agent.variablesReference)[0];
    assert.match(`${place.name} = ${place.value}`, /^place = [0-2] \((home|cafe|park)\)$/);
    assert.equal(place.variablesReference, 0, 'one line, nothing to expand');
    assert.equal(preview(3), '3');
  });
});

describe('the state a paused debug session shows', () => {
  it('peek gives the agents changed since the last state event, and leaves the next state event whole', async () => {
    const sim = Simulation.create(await scenarioFromText(TOWN.join('\n')));
    const s = sim.world.state!;
    for (const id of ['ana', 'bo']) s.of(id);
    s.stateEvent(0);
    s.setAgent('ana', 'place', 2);
    s.setWorld('season', 1);
    const peek = s.peek(1);
    assert.deepEqual(
      { ...peek, agents: { ...peek.agents } },
      { type: 'state', round: 1, world: { season: 1 }, agents: { ana: { place: 2 } } },
    );
    assert.deepEqual(s.peek(1), peek, 'peeking twice changes nothing');
    assert.deepEqual({ ...s.stateEvent(1).agents }, { ana: { place: 2 } });
    assert.deepEqual({ ...s.peek(2).agents }, {}, 'the state event started a new delta');
  });
});
