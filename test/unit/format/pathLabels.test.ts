// Schema messages name a list item by its id or name, as a researcher thinks of it (QA: they said
// `personas[1].traits.openness`), and keep its position where that alone would not say which.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { NodeFileSystem, OverlayFileSystem, SocietyWorkspace } from '../../../src/core/format';
import { pathLabel } from '../../../src/core/format/syntax/pathLabel';

const file = path.resolve('/virtual/labels/s.society');

async function messages(lines: string[]): Promise<string[]> {
  const overlay = new OverlayFileSystem(new NodeFileSystem());
  overlay.set(file, [...lines, ''].join('\n'));
  const r = await new SocietyWorkspace(overlay, path.dirname(file)).resolveScenario(file, undefined, { build: false });
  return r.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

describe('schema messages name list items', () => {
  it('a persona by its id, in every kind of schema message', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { id: ana, name: Ana }',
      '  - { id: maya, traits: { openness: 2 }, agee: 30, memories: [{ importance: 3 }], interests: [a, a] }',
    ]);
    assert.deepEqual(out, [
      "5:7 SOC010 Missing required property 'name' in persona 'maya'",
      "5:37 SOC013 'traits.openness' of persona 'maya' must be <= 1, found 2",
      "5:42 SOC011 Unknown property 'agee' in persona 'maya'. Did you mean 'age'?",
      "5:65 SOC010 Missing required property 'text' in 'memories[0]' of persona 'maya'",
      "5:95 SOC013 'interests' of persona 'maya' lists the same item twice (items 1 and 2)",
    ]);
  });

  it('a persona an event adds by its id and round, groups, rooms and conditions by their names', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'personas: [{ id: ana, name: Ana }]',
      'population:',
      '  - { group: owls, count: 2000000 }',
      'world:',
      '  rooms: [{ name: lobby, size: 1 }]',
      'experiment:',
      '  conditions: [{ name: slow, set: { world.rounds: 0 } }]',
      'events:',
      '  - { at: 2, add: [{ id: cy, name: Cy, traits: { neuroticism: -1 } }] }',
    ]);
    assert.deepEqual(out, [
      "5:27 SOC013 'count' of population group 'owls' must be <= 1000000, found 2000000",
      "7:32 SOC013 'size' of room 'lobby' must be >= 2, found 1",
      "9:51 SOC013 'set.world.rounds' of condition 'slow' must be >= 1, found 0",
      "11:63 SOC013 'traits.neuroticism' of persona 'cy' (added at round 2) must be >= 0, found -1",
    ]);
  });

  it('keeps the position where there is no usable name, or two items share it', async () => {
    const out = await messages([
      'kind: scenario',
      'name: S',
      'personas:',
      '  - { name: Noid, traits: { openness: 2 } }',
      '  - { id: bo, name: Bo, age: -1 }',
      '  - { id: bo, name: Bo again, age: -2 }',
      '  - { id: Not An Id, name: X }',
      'world:',
      '  rooms: [{ size: 1 }]',
    ]);
    assert.deepEqual(
      out.filter((m) => !m.includes('SOC020')),
      [
        "4:7 SOC010 Missing required property 'id' in inline persona 'personas[0]'",
        "4:39 SOC013 'personas[0].traits.openness' must be <= 1, found 2",
        "5:30 SOC013 'age' of persona 'bo' (personas[1]) must be >= 0, found -1",
        "6:36 SOC013 'age' of persona 'bo' (personas[2]) must be >= 0, found -2",
        "7:11 SOC013 'personas[3].id' 'Not An Id' is not a valid persona id: use lowercase letters, digits, '_' and '-', starting with a letter",
        "9:13 SOC010 Missing required property 'name' in 'world.rooms[0]'",
        "9:19 SOC013 'world.rooms[0].size' must be >= 2, found 1",
      ],
    );
  });

  it('leaves paths outside named lists as they were', () => {
    const doc = { personas: [{ id: 'maya' }], events: [{ at: 2, set: { 'world.rooms': [{ name: 'r' }] } }] };
    assert.equal(pathLabel([], doc), 'The document');
    assert.equal(pathLabel(['world', 'rounds'], doc), "'world.rounds'");
    assert.equal(pathLabel(['events', 0, 'set', 'world.rooms', 0, 'size'], doc), "'events[0].set.world.rooms[0].size'");
    assert.equal(pathLabel(['personas', 0, 'id'], doc), "'personas[0].id'", 'the id itself is not its own name');
    assert.equal(
      pathLabel(['personas', 0, 'relationships', 1, 'tie'], doc),
      "'relationships[1].tie' of persona 'maya'",
    );
  });
});
