// Starting values on personas and population groups (issue 44): every name is an agent quantity
// (SOC085 with did-you-mean and a quick fix; a world quantity is SOC086), a number within the
// quantity's bounds (SOC087, a warning); a persona file's own `state:` is checked where written.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace, type Diagnostic } from '../../../src/core/format';
import { textAt } from './editorFixtures';

const dir = path.resolve('/virtual/start-state');
const file = path.join(dir, 's.society');

async function told(lines: string[], others: Record<string, string> = {}): Promise<string[]> {
  const text = [...lines, ''].join('\n');
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, text);
  for (const [name, t] of Object.entries(others)) overlay.set(path.join(dir, name), t);
  const r = await new SocietyWorkspace(overlay, dir).resolveScenario(file, undefined, { build: false });
  const texts: Record<string, string> = { [file]: text };
  for (const [name, t] of Object.entries(others)) texts[path.join(dir, name)] = t;
  return r.diagnostics.map(
    (d: Diagnostic) =>
      `${path.basename(d.file)} ${d.range.start.line + 1}:${d.range.start.character + 1} <<${textAt(texts[d.file], d.range)}>> ${d.code} ${d.severity} ${d.message}${d.fixes?.length ? ` [fix: ${d.fixes[0].newText}]` : ''}`,
  );
}

const SCENARIO = (personaState: string, groupState: string, extra: string[] = []): string[] => [
  'kind: scenario',
  'name: S',
  'personas:',
  `  - { id: ana, name: Ana${personaState} }`,
  ...extra,
  'population:',
  `  - { group: g, count: 2${groupState} }`,
  'state:',
  '  world:',
  '    mood: { initial: 0, update: "world.mood + 1.0" }',
  '  agents:',
  '    knows_party: { initial: 0, min: 0, max: 1, integer: true }',
  '    attitude: { initial: 0, min: -1, max: 1 }',
];

describe('starting state on personas and groups: diagnostics', () => {
  it('names that are agent quantities, within bounds, check clean (constants and distributions)', async () => {
    const s = SCENARIO(
      ', state: { knows_party: 1 }',
      ', state: { attitude: { normal: { mean: 0.3, sd: 0.2 }, min: -1, max: 1 }, knows_party: 0 }',
    );
    assert.deepEqual(await told(s), []);
  });

  it('an unknown name: SOC085 at the key, with did-you-mean and a quick fix', async () => {
    assert.deepEqual(await told(SCENARIO(', state: { knows_partyy: 1 }', ', state: { atitude: 0.5 }')), [
      "s.society 4:36 <<knows_partyy>> SOC085 error Persona 'ana' sets unknown agent quantity 'knows_partyy'. Did you mean 'knows_party'? (agent quantities: knows_party, attitude) [fix: knows_party]",
      "s.society 6:36 <<atitude>> SOC085 error Group 'g' sets unknown agent quantity 'atitude'. Did you mean 'attitude'? (agent quantities: knows_party, attitude) [fix: attitude]",
    ]);
  });

  it('a world quantity: SOC086; a number past the bounds: SOC087, a warning at the value', async () => {
    assert.deepEqual(await told(SCENARIO(', state: { mood: 1 }', ', state: { attitude: -3 }')), [
      "s.society 4:36 <<mood>> SOC086 error Persona 'ana' sets 'mood', a world quantity: `state:` here sets this agent's own quantities, declared under `state.agents` (agent quantities: knows_party, attitude)",
      "s.society 6:46 <<-3>> SOC087 warning Group 'g' starts 'attitude' at -3, below its min -1: the run starts it at -1",
    ]);
  });

  it('a persona file and a persona a timed event adds are checked where written', async () => {
    const persona = ['kind: persona', 'id: bo', 'name: Bo', 'state:', '  knows_pary: 1', ''].join('\n');
    const s = [
      ...SCENARIO('', '', ['  - include: bo.society']),
      'events:',
      '  - { at: 2, add: [{ id: cy, name: Cy, state: { attitude: 2 } }] }',
    ];
    assert.deepEqual(await told(s, { 'bo.society': persona }), [
      "bo.society 5:3 <<knows_pary>> SOC085 error Persona 'bo' sets unknown agent quantity 'knows_pary'. Did you mean 'knows_party'? (agent quantities: knows_party, attitude) [fix: knows_party]",
      "s.society 15:59 <<2>> SOC087 warning Persona 'cy' starts 'attitude' at 2, above its max 1: the run starts it at 1",
    ]);
  });
});
